cmake_minimum_required(VERSION 3.25)
# Fails when a library that must work without a display reaches for Qt Gui (issue #18): a Gui header in its
# sources (the folders matching SKIP, libraries of their own, left out), a Gui library in its link, an
# undefined Gui symbol in the built library, or, when PROGRAM is given, libQt6Gui among the libraries that
# program needs (read with readelf, without running ldd). Used for avld_bitmap and for avld_core.
# Run as: cmake -DNAME=... -DSOURCE_DIR=... [-DSKIP=regex] -DLIBRARY=... -DLINKS=... -DNM=...
#         [-DPROGRAM=... -DREADELF=...] -P check_gui_free.cmake
set(problems "")
set(gui_headers "QtGui|QImage|QPainter|QColor|QPixmap|QGuiApplication|QImageReader|QImageWriter|QTransform|QFont|QPdfWriter|QTextDocument|QPageLayout|QPageSize|QTextCursor|QRgb|QPen|QBrush")

file(GLOB_RECURSE sources ${SOURCE_DIR}/*.h ${SOURCE_DIR}/*.cpp)
foreach(source IN LISTS sources)
  file(RELATIVE_PATH relative ${SOURCE_DIR} ${source})
  if(SKIP AND relative MATCHES "${SKIP}")
    continue()
  endif()
  file(STRINGS ${source} hits REGEX "#[ \t]*include[ \t]*<(${gui_headers})")
  if(hits)
    list(APPEND problems "${relative} includes: ${hits}")
  endif()
endforeach()

if(LINKS MATCHES "Qt6?::Gui|Qt6Gui|avld_bitmap_qt|avld_report_pdf|Widgets")
  string(REPLACE ";" ", " links "${LINKS}")
  list(APPEND problems "its link names a Gui library: ${links}")
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
  list(APPEND problems "the library needs Qt Gui symbols: ${gui_symbols}")
endif()

if(PROGRAM)
  execute_process(COMMAND ${READELF} -d ${PROGRAM} OUTPUT_VARIABLE dynamic RESULT_VARIABLE readelf_result)
  if(NOT readelf_result EQUAL 0)
    list(APPEND problems "readelf failed on ${PROGRAM}")
  endif()
  if(dynamic MATCHES "NEEDED[^\n]*(libQt6Gui[^]\n]*)")
    list(APPEND problems "${PROGRAM} needs ${CMAKE_MATCH_1}")
  endif()
endif()

if(problems)
  list(JOIN problems "\n  " text)
  message(FATAL_ERROR "${NAME} must not depend on Qt Gui:\n  ${text}")
endif()
message(STATUS "${NAME} is free of Qt Gui (${LIBRARY} ${PROGRAM})")
