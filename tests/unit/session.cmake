# the app session (tests)
avld_test(tst_sitefinding LABEL unit SOURCES unit/tst_sitefinding.cpp)
avld_test(tst_sitesession LABEL integration TIMEOUT 180 SOURCES integration/tst_sitesession.cpp)
target_compile_definitions(tst_sitesession PRIVATE AVLD_REFERENCE_IMAGES="${PROJECT_SOURCE_DIR}/../shared/reference-images")
