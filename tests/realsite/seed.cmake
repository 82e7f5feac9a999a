# The seed case end to end against the real AVideo 11.7 (issue 13): encoder down, the stand-in, the cache clear.
target_sources(avld_realsitesupport PRIVATE support/realsiteactions.h support/realsiteactions.cpp)
target_link_libraries(avld_realsitesupport PUBLIC Qt6::Test)
avld_realsite_test(tst_realsite_seed TIMEOUT 400 SOURCES realsite/tst_realsite_seed.cpp LIBS Qt6::Gui)
target_compile_definitions(tst_realsite_seed PRIVATE AVLD_PROGRAM="$<TARGET_FILE:avideo-live-doctor>")
add_dependencies(tst_realsite_seed avideo-live-doctor)

# Benchmark (by hand, not ctest): the real getImage.php's time through the stand-in beside a closing server.
add_executable(bench_realsite_getimage bench/bench_realsite_getimage.cpp)
set_target_properties(bench_realsite_getimage PROPERTIES EXCLUDE_FROM_ALL ${AVLD_SANITIZE})
target_link_libraries(bench_realsite_getimage PRIVATE avld_realsitesupport)
target_compile_definitions(bench_realsite_getimage PRIVATE AVLD_PROGRAM="$<TARGET_FILE:avideo-live-doctor>")
set_target_properties(bench_realsite_getimage PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/tests/bench)
add_dependencies(bench_realsite_getimage avideo-live-doctor)

# The switch through the window (issue 14): start the stand-in, "I changed it — check now", the cache clear
# offered, real frames, the three checks; against the real site.
avld_realsite_test(tst_realsite_switch TIMEOUT 300 SOURCES realsite/tst_realsite_switch.cpp
  LIBS avld_ui avld_guitestsupport)
set_property(TEST tst_realsite_switch APPEND PROPERTY ENVIRONMENT
  "QT_QPA_PLATFORM=offscreen;AVLD_SCREENSHOT_DIR=${AVLD_SCREENSHOT_DIR}")
