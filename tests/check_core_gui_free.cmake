cmake_minimum_required(VERSION 3.25)
# Fails when core (avld_core) reaches for Qt Gui (issue #18): a Gui header in its sources (but for the bridge
# core/bitmapqt and the PDF library core/reportpdf, libraries of their own), the picture bridge or the PDF
# library in its link, or an undefined Gui symbol in the built library. The headless program links core.
# Run as: cmake -DCORE_DIR=... -DLIBRARY=... -DLINKS=... -DNM=... -P check_core_gui_free.cmake
set(problems "")
set(gui_headers "QtGui|QImage|QPainter|QColor|QPixmap|QGuiApplication|QImageReader|QImageWriter|QTransform|QFont|QPdfWriter|QTextDocument|QPageLayout|QPageSize|QTextCursor|QRgb|QPen|QBrush")

file(GLOB_RECURSE sources ${CORE_DIR}/*.h ${CORE_DIR}/*.cpp)
foreach(source IN LISTS sources)
  file(RELATIVE_PATH relative ${CORE_DIR} ${source})
  if(relative MATCHES "^(bitmapqt|reportpdf)/")
    continue()
  endif()
  file(STRINGS ${source} hits REGEX "#[ \t]*include[ \t]*<(${gui_headers})")
  if(hits)
    list(APPEND problems "${source} includes: ${hits}")
  endif()
endforeach()

if(LINKS MATCHES "avld_bitmap_qt|avld_report_pdf|Widgets|Qt6?::Gui")
  list(APPEND problems "core links a Gui library: ${LINKS}")
endif()

set(nm_options -C --undefined-only)
if(LIBRARY MATCHES "\\.so")
  list(APPEND nm_options -D)
endif()
execute_process(COMMAND ${NM} ${nm_options} ${LIBRARY} OUTPUT_VARIABLE undefined RESULT_VARIABLE nm_result)
if(NOT nm_result EQUAL 0)
  list(APPEND problems "nm failed on ${LIBRARY}")
endif()
string(REGEX MATCHALL
  "[^\n]*(QImage|QColor|QPainter|QPixmap|QGuiApplication|QFont|QRgba64|QPdfWriter|QPageLayout|QTextDocument)[^\n]*"
  gui_symbols "${undefined}")
if(gui_symbols)
  list(APPEND problems "core needs Qt Gui symbols: ${gui_symbols}")
endif()

if(problems)
  list(JOIN problems "\n  " text)
  message(FATAL_ERROR "core must not depend on Qt Gui:\n  ${text}")
endif()
message(STATUS "core is free of Qt Gui (${LIBRARY})")
