# owned by one line of work
# The picture of a live over time (issue #17): still and black, followed across checks, found and shown.
avld_test(tst_livepicture LABEL unit SOURCES unit/tst_livepicture.cpp unit/picturefixtures.h)
avld_test(tst_picturetracker LABEL unit SOURCES unit/tst_picturetracker.cpp unit/picturefixtures.h)
# `check` and the diagnosis against the simulated site with a moving, a still, a black and a freezing publisher.
avld_test(tst_livestill LABEL integration TIMEOUT 300 SOURCES integration/tst_livestill.cpp)
target_compile_definitions(tst_livestill PRIVATE
  AVLD_REFERENCE_IMAGES="${PROJECT_SOURCE_DIR}/../shared/reference-images"
  AVLD_PROGRAM="$<TARGET_FILE:avideo-live-doctor>")
add_dependencies(tst_livestill avideo-live-doctor)
# The Lives page showing a still and a black live from real streams (screenshots in AVLD_SCREENSHOT_DIR).
avld_test(tst_stilltiles LABEL gui TIMEOUT 240 SOURCES gui/tst_stilltiles.cpp LIBS avld_ui avld_guitestsupport)
target_compile_definitions(tst_stilltiles PRIVATE
  AVLD_REFERENCE_IMAGES="${PROJECT_SOURCE_DIR}/../shared/reference-images")
