# Fails when the headless program (avideo-live-doctor-nox) loads a window library at start: Widgets, Multimedia,
# MultimediaWidgets, Charts or GStreamer, or Qt Gui and what it brings (OpenGL, X11, xcb, EGL, GL, fontconfig,
# FreeType, HarfBuzz; issue #18), linked directly or pulled by another library (ldd lists the whole tree the
# dynamic loader maps before main()).
# Run as: cmake -DLDD=... -DPROGRAM=... -P check_nox_window_free.cmake
if(NOT LDD OR NOT EXISTS "${LDD}")
  message(FATAL_ERROR "ldd not found (LDD=${LDD}): cannot tell which libraries ${PROGRAM} loads")
endif()
if(NOT EXISTS "${PROGRAM}")
  message(FATAL_ERROR "no program at ${PROGRAM}: build it first")
endif()
execute_process(COMMAND ${LDD} ${PROGRAM}
  OUTPUT_VARIABLE libraries ERROR_VARIABLE ldd_errors RESULT_VARIABLE ldd_result)
if(NOT ldd_result EQUAL 0)
  message(FATAL_ERROR "ldd failed on ${PROGRAM}: ${ldd_errors}")
endif()

set(problems "")
# A library ldd cannot find would hide what it pulls in.
string(REGEX MATCHALL "[^\n]*not found[^\n]*" missing "${libraries}")
if(missing)
  list(APPEND problems "ldd finds not every library: ${missing}")
endif()
# By soname, the first word of each line.
string(REGEX MATCHALL
  "\t(libQt6Widgets|libQt6Multimedia|libQt6Charts|libgst|libQt6Gui|libQt6OpenGL|libX11|libxcb|libEGL|libGL|libOpenGL|libfontconfig|libfreetype|libharfbuzz)[^ \t\n]*"
  window "${libraries}")
list(TRANSFORM window STRIP)
foreach(library IN LISTS window)
  message(STATUS "window library: ${library}")
endforeach()
if(window)
  list(JOIN window ", " window)
  list(APPEND problems "it links window libraries (${window})")
endif()

# Files only (a path in the line): the vDSO is none.
string(REGEX MATCHALL "\t[^\n]*/[^\n]*" lines "${libraries}")
list(LENGTH lines count)
if(problems)
  message(FATAL_ERROR "${PROGRAM} (${count} shared objects) must start without the window's libraries: ${problems}")
endif()
message(STATUS "${PROGRAM} loads no window library (${count} shared objects, ldd)")
