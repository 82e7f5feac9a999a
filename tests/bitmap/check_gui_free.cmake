# Fails when a picture library reaches for Qt Gui in any way: a Gui header in its sources, Qt6::Gui in its
# link interface, an undefined Gui symbol in the library, or libQt6Gui among the libraries a program that
# links it alone needs (read with readelf, without running ldd).
# Run as: cmake -DNAME=... -DSOURCE_DIR=... -DLIBRARY=... -DLINKS=... -DPROGRAM=... -DNM=... -DREADELF=...
#         -P check_gui_free.cmake
set(problems "")

file(GLOB sources ${SOURCE_DIR}/*.h ${SOURCE_DIR}/*.cpp)
foreach(source IN LISTS sources)
  file(STRINGS ${source} hits REGEX "#[ \t]*include[ \t]*<(QtGui|QImage|QPainter|QColor|QPixmap|QGuiApplication|QImageReader|QImageWriter|QTransform|QFont)")
  if(hits)
    list(APPEND problems "${source} includes: ${hits}")
  endif()
endforeach()

if(LINKS MATCHES "Qt6?::Gui|Qt6Gui")
  string(REPLACE ";" ", " links "${LINKS}")
  list(APPEND problems "its link interface names Qt6::Gui: ${links}")
endif()

set(nm_options -C --undefined-only)
if(LIBRARY MATCHES "\\.so")
  list(APPEND nm_options -D)
endif()
execute_process(COMMAND ${NM} ${nm_options} ${LIBRARY} OUTPUT_VARIABLE undefined RESULT_VARIABLE nm_result)
if(NOT nm_result EQUAL 0)
  list(APPEND problems "nm failed on ${LIBRARY}")
endif()
string(REGEX MATCHALL "[^\n]*(QImage|QColor|QPainter|QPixmap|QGuiApplication|QFont|QRgba64)[^\n]*" gui_symbols "${undefined}")
if(gui_symbols)
  list(APPEND problems "the library needs Qt Gui symbols: ${gui_symbols}")
endif()

execute_process(COMMAND ${READELF} -d ${PROGRAM} OUTPUT_VARIABLE dynamic RESULT_VARIABLE readelf_result)
if(NOT readelf_result EQUAL 0)
  list(APPEND problems "readelf failed on ${PROGRAM}")
endif()
if(dynamic MATCHES "NEEDED[^\n]*(libQt6Gui[^]\n]*)")
  list(APPEND problems "${PROGRAM} needs ${CMAKE_MATCH_1}")
endif()

if(problems)
  list(JOIN problems "\n  " text)
  message(FATAL_ERROR "${NAME} must not depend on Qt Gui:\n  ${text}")
endif()
message(STATUS "${NAME} is free of Qt Gui (${LIBRARY}, ${PROGRAM})")
