# owned by one line of work; see ui/CMakeLists.txt
# Lives page (issue #7): the tile builder, the page, and its benchmark.
avld_test(tst_livetile LABEL unit SOURCES unit/tst_livetile.cpp LIBS avld_core)
avld_test(tst_livespage LABEL gui
  SOURCES gui/tst_livespage.cpp gui/livetilefixtures.h gui/livetilefixtures.cpp
  LIBS avld_ui avld_guitestsupport)
target_include_directories(tst_livespage PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/gui)
target_compile_definitions(tst_livespage PRIVATE AVLD_REFERENCE_IMAGES="${PROJECT_SOURCE_DIR}/../shared/reference-images")

# Run by hand: first paint, memory and event-loop stalls of the page with 100 lives.
add_executable(bench_lives bench/bench_lives.cpp gui/livetilefixtures.h gui/livetilefixtures.cpp)
set_target_properties(bench_lives PROPERTIES EXCLUDE_FROM_ALL ${AVLD_SANITIZE})
target_include_directories(bench_lives PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/gui)
target_link_libraries(bench_lives PRIVATE avld_ui)
set_target_properties(bench_lives PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR}/bench)
