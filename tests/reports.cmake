# The reports without Qt Gui (issue #18, step 3): the uptime chart laid out once and written as SVG by core,
# the HTML reports under a QCoreApplication; the PDF only where avld_report_pdf is (the desktop program).
avld_test(tst_uptimechart LABEL unit SOURCES unit/tst_uptimechart.cpp)
avld_test(tst_reportpdf LABEL unit TIMEOUT 240 SOURCES unit/tst_reportpdf.cpp unit/reportreading.h
  LIBS avld_report_pdf avld_diagnosisfixtures)

# Core takes no Qt Gui, in its sources, its link or its symbols.
add_test(NAME core_is_gui_free
  COMMAND ${CMAKE_COMMAND} -DNAME=avld_core -DSOURCE_DIR=${PROJECT_SOURCE_DIR}/core
    "-DSKIP=^(bitmapqt|reportpdf)/" -DLIBRARY=$<TARGET_FILE:avld_core>
    "-DLINKS=$<TARGET_PROPERTY:avld_core,LINK_LIBRARIES>;$<TARGET_PROPERTY:avld_core,INTERFACE_LINK_LIBRARIES>"
    -DNM=${CMAKE_NM} -P ${CMAKE_CURRENT_SOURCE_DIR}/check_gui_free.cmake)
# The check itself: the PDF library's sources must fail it (run as if they were core's).
add_test(NAME core_gui_check_catches_the_pdf_library
  COMMAND ${CMAKE_COMMAND} -DNAME=avld_core -DSOURCE_DIR=${PROJECT_SOURCE_DIR}/core/reportpdf
    -DLIBRARY=$<TARGET_FILE:avld_report_pdf> "-DLINKS=$<TARGET_PROPERTY:avld_report_pdf,LINK_LIBRARIES>"
    -DNM=${CMAKE_NM} -P ${CMAKE_CURRENT_SOURCE_DIR}/check_gui_free.cmake)
set_tests_properties(core_gui_check_catches_the_pdf_library PROPERTIES
  PASS_REGULAR_EXPRESSION "avld_core must not depend on Qt Gui:.*includes: #include <Q.*link names a Gui library.*needs Qt Gui symbols")
# The ldd check names Qt Gui as it names the widgets (the desktop program loads both).
add_test(NAME nox_check_catches_gui_libraries
  COMMAND ${CMAKE_COMMAND} -DLDD=${AVLD_LDD} -DPROGRAM=$<TARGET_FILE:avideo-live-doctor>
    -P ${CMAKE_CURRENT_SOURCE_DIR}/check_nox_window_free.cmake)
set_tests_properties(nox_check_catches_gui_libraries PROPERTIES
  PASS_REGULAR_EXPRESSION "window library: libQt6Gui\\.so.*window library: libfontconfig\\.so")

# The headless program refuses a PDF before any work (no history opened, nothing written), with what to do;
# exit 3 like diagnose's other bad arguments. Its HTML shift report needs no Qt Gui; the desktop program
# prints the PDF. Their history and settings in a folder of their own.
set(avld_cli_home ${CMAKE_CURRENT_BINARY_DIR}/cli-reports-home)
set(avld_cli_environment "HOME=${avld_cli_home};XDG_DATA_HOME=${avld_cli_home}/data;XDG_CONFIG_HOME=${avld_cli_home}/config;XDG_CACHE_HOME=${avld_cli_home}/cache;QT_LOGGING_RULES=qt.qpa.*=false")
foreach(kind IN ITEMS report shift_report)
  set(options "--report")
  if(kind STREQUAL "shift_report")
    set(options "--shift 8 --report")
  endif()
  add_test(NAME nox_refuses_pdf_${kind}
    COMMAND sh -c "rm -rf \"$2\"; mkdir -p \"$2\"; \"$0\" diagnose --site https://tv.example.org/ $1 \"$2/report.pdf\" 2>&1; echo exit=$?; ls -A \"$2\""
      $<TARGET_FILE:avideo-live-doctor-nox> ${options} ${avld_cli_home}/refused-${kind})
  set_tests_properties(nox_refuses_pdf_${kind} PROPERTIES LABELS unit ENVIRONMENT "${avld_cli_environment}"
    PASS_REGULAR_EXPRESSION "^diagnose: --report: This headless build writes HTML reports only, not PDF\\. — Give --report FILE\\.html \\(and print it to PDF from a browser\\), or run the desktop package's avideo-live-doctor for a PDF\\.\nexit=3\n$")
endforeach()
add_test(NAME nox_help_says_html_only COMMAND avideo-live-doctor-nox diagnose --help)
set_tests_properties(nox_help_says_html_only PROPERTIES LABELS unit
  PASS_REGULAR_EXPRESSION "--report writes them as a self-contained HTML page\\. Exit.*--report <file> +Write the report to FILE\\.html \\(this headless[ \n]+build writes no PDF\\)\\.")
add_test(NAME nox_writes_html_shift_report
  COMMAND sh -c "\"$0\" diagnose --site https://tv.example.org/ --shift 8 --report \"$1\" && head -c 15 \"$1\""
    $<TARGET_FILE:avideo-live-doctor-nox> ${avld_cli_home}/shift.html)
add_test(NAME cli_prints_pdf_shift_report
  COMMAND sh -c "\"$0\" diagnose --site https://tv.example.org/ --shift 8 --report \"$1\" && head -c 5 \"$1\""
    $<TARGET_FILE:avideo-live-doctor> ${avld_cli_home}/shift.pdf)
set_tests_properties(nox_writes_html_shift_report PROPERTIES PASS_REGULAR_EXPRESSION "no probe.*<!DOCTYPE html>")
set_tests_properties(cli_prints_pdf_shift_report PROPERTIES PASS_REGULAR_EXPRESSION "no probe.*%PDF-")
set_tests_properties(nox_writes_html_shift_report cli_prints_pdf_shift_report PROPERTIES LABELS unit
  ENVIRONMENT "${avld_cli_environment}")
set_tests_properties(core_is_gui_free core_gui_check_catches_the_pdf_library nox_check_catches_gui_libraries
  PROPERTIES LABELS unit)
