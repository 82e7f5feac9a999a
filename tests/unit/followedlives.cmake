# owned by one line of work
# Each live's followed sound and picture kept per site on disk: the state JSON, the store, and `diagnose` run
# twice against a real silent publisher.
avld_test(tst_soundstatejson LABEL unit SOURCES unit/tst_soundstatejson.cpp unit/soundfixtures.h)
avld_test(tst_picturestatejson LABEL unit SOURCES unit/tst_picturestatejson.cpp unit/picturefixtures.h)
avld_test(tst_followedlivesstore LABEL unit SOURCES unit/tst_followedlivesstore.cpp unit/soundfixtures.h
  unit/picturefixtures.h)
avld_test(tst_followedlivesstate LABEL integration TIMEOUT 400 SOURCES integration/tst_followedlivesstate.cpp)
target_compile_definitions(tst_followedlivesstate PRIVATE
  AVLD_REFERENCE_IMAGES="${PROJECT_SOURCE_DIR}/../shared/reference-images"
  AVLD_PROGRAM="$<TARGET_FILE:avideo-live-doctor-nox>")
add_dependencies(tst_followedlivesstate avideo-live-doctor-nox)
# The window's side: a SiteWorkspace that keeps them goes on from the file and saves each check.
avld_test(tst_workspacefollowedlives LABEL unit SOURCES unit/tst_workspacefollowedlives.cpp unit/soundfixtures.h
  unit/picturefixtures.h)
