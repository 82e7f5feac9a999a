# Fails when the core library reaches for QtWidgets in any way: a widget header in its sources,
# a Widgets/Charts target in its link interface, or an undefined widget symbol in the archive.
# Run as: cmake -DCORE_DIR=... -DCORE_ARCHIVE=... -DCORE_LINKS=... -DNM=... -P check_core_widget_free.cmake
set(problems "")

file(GLOB_RECURSE sources ${CORE_DIR}/*.h ${CORE_DIR}/*.cpp)
foreach(source IN LISTS sources)
  file(STRINGS ${source} hits REGEX "#[ \t]*include[ \t]*<(QtWidgets|QtCharts|QtMultimediaWidgets|QWidget|QApplication|QMainWindow|QDialog|QLabel|QPushButton)")
  if(hits)
    list(APPEND problems "${source} includes: ${hits}")
  endif()
endforeach()

if(CORE_LINKS MATCHES "Widgets|Charts")
  list(APPEND problems "core's link interface names widgets: ${CORE_LINKS}")
endif()

execute_process(COMMAND ${NM} -C --undefined-only ${CORE_ARCHIVE}
  OUTPUT_VARIABLE undefined RESULT_VARIABLE nm_result)
if(NOT nm_result EQUAL 0)
  list(APPEND problems "nm failed on ${CORE_ARCHIVE}")
endif()
string(REGEX MATCHALL "[^\n]*(QWidget|QApplication::|QtCharts|QMainWindow|QAbstractButton)[^\n]*" widget_symbols "${undefined}")
if(widget_symbols)
  list(APPEND problems "core's archive needs widget symbols: ${widget_symbols}")
endif()

if(problems)
  message(FATAL_ERROR "core must build without QtWidgets:\n${problems}")
endif()
message(STATUS "core is widget-free (${CORE_ARCHIVE})")
