# owned by one line of work
# The sound of a live from its HLS segment (issue #17): measured, followed across checks, found and shown.
avld_test(tst_soundlevels LABEL unit TIMEOUT 120 SOURCES unit/tst_soundlevels.cpp)
avld_test(tst_livesound LABEL unit SOURCES unit/tst_livesound.cpp unit/soundfixtures.h)
avld_test(tst_silencetracker LABEL unit SOURCES unit/tst_silencetracker.cpp unit/soundfixtures.h)
# `check` and the diagnosis against the simulated site with a silent, a stopping, a loud and a mute publisher.
avld_test(tst_livesilence LABEL integration TIMEOUT 300 SOURCES integration/tst_livesilence.cpp)
target_compile_definitions(tst_livesilence PRIVATE
  AVLD_REFERENCE_IMAGES="${PROJECT_SOURCE_DIR}/../shared/reference-images"
  AVLD_PROGRAM="$<TARGET_FILE:avideo-live-doctor>")
add_dependencies(tst_livesilence avideo-live-doctor)
# The Lives page showing a silent live from real streams (screenshots in AVLD_SCREENSHOT_DIR).
avld_test(tst_silenttiles LABEL gui TIMEOUT 240 SOURCES gui/tst_silenttiles.cpp LIBS avld_ui avld_guitestsupport)
target_compile_definitions(tst_silenttiles PRIVATE
  AVLD_REFERENCE_IMAGES="${PROJECT_SOURCE_DIR}/../shared/reference-images")
