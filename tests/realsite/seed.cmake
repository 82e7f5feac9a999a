# The seed case end to end against the real AVideo 11.7 (issue 13): encoder down, the stand-in, the cache clear.
target_sources(avld_realsitesupport PRIVATE support/realsiteactions.h support/realsiteactions.cpp)
target_link_libraries(avld_realsitesupport PUBLIC Qt6::Test)
avld_realsite_test(tst_realsite_seed TIMEOUT 400 SOURCES realsite/tst_realsite_seed.cpp LIBS Qt6::Gui)
target_compile_definitions(tst_realsite_seed PRIVATE AVLD_PROGRAM="$<TARGET_FILE:avideo-live-doctor>")
add_dependencies(tst_realsite_seed avideo-live-doctor)

# Benchmark (by hand, not ctest): the real getImage.php's time through the stand-in beside a closing server.
add_executable(bench_realsite_getimage bench/bench_realsite_getimage.cpp)
target_link_libraries(bench_realsite_getimage PRIVATE avld_realsitesupport)
target_compile_definitions(bench_realsite_getimage PRIVATE AVLD_PROGRAM="$<TARGET_FILE:avideo-live-doctor>")
set_target_properties(bench_realsite_getimage PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/tests/bench)
add_dependencies(bench_realsite_getimage avideo-live-doctor)
