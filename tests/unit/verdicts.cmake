# Verdicts that hold on a real site: remote text, columns, the check's report, a poster told from a frame.
avld_test(tst_remotetext LABEL unit SOURCES unit/tst_remotetext.cpp)
avld_test(tst_textcolumns LABEL unit SOURCES unit/tst_textcolumns.cpp)
avld_test(tst_sitecheckreport LABEL unit SOURCES unit/tst_sitecheckreport.cpp)
avld_test(tst_posterevidence LABEL unit SOURCES unit/tst_posterevidence.cpp)
avld_test(tst_siteverdicts LABEL integration TIMEOUT 240 SOURCES integration/tst_siteverdicts.cpp)
target_compile_definitions(tst_siteverdicts PRIVATE
  AVLD_REFERENCE_IMAGES="${PROJECT_SOURCE_DIR}/../shared/reference-images"
  AVLD_PROGRAM="$<TARGET_FILE:avideo-live-doctor>")
add_dependencies(tst_siteverdicts avideo-live-doctor)
# A streamer's poster on the real AVideo 11.7 (the realsite fixture).
avld_realsite_test(tst_realsite_poster SOURCES realsite/tst_realsite_poster.cpp)
avld_test(tst_plural LABEL unit SOURCES unit/tst_plural.cpp)
avld_test(tst_terminaltext LABEL unit SOURCES unit/tst_terminaltext.cpp)
# The diagnosis against the simulator in its seed states, and the `diagnose` command.
avld_test(tst_diagnosisrun LABEL integration TIMEOUT 600 SOURCES integration/tst_diagnosisrun.cpp)
target_compile_definitions(tst_diagnosisrun PRIVATE
  AVLD_REFERENCE_IMAGES="${PROJECT_SOURCE_DIR}/../shared/reference-images"
  AVLD_PROGRAM="$<TARGET_FILE:avideo-live-doctor>")
add_dependencies(tst_diagnosisrun avideo-live-doctor)
avld_test(tst_htmlentities LABEL unit SOURCES unit/tst_htmlentities.cpp)
