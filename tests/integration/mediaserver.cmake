# Where the streams are, found from the site (issue 13): the simulator's watch pages and plugin list, the
# parsers, the precedence, and the commands against the simulator.
target_sources(avld_testsupport PRIVATE
  support/livewatchpage.h support/livewatchpage.cpp
  support/pluginsavailableendpoint.h support/pluginsavailableendpoint.cpp)
avld_test(tst_watchpage LABEL unit SOURCES unit/tst_watchpage.cpp)
avld_test(tst_liveplugininfo LABEL unit SOURCES unit/tst_liveplugininfo.cpp)
avld_test(tst_mediaserverresolver LABEL unit SOURCES unit/tst_mediaserverresolver.cpp)
avld_test(tst_mediaserver LABEL integration TIMEOUT 300 SOURCES integration/tst_mediaserver.cpp)
target_compile_definitions(tst_mediaserver PRIVATE
  AVLD_REFERENCE_IMAGES="${PROJECT_SOURCE_DIR}/../shared/reference-images"
  AVLD_PROGRAM="$<TARGET_FILE:avideo-live-doctor>")
add_dependencies(tst_mediaserver avideo-live-doctor)
