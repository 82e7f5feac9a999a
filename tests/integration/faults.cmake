# The fault suite (issue 15): one test per fault an admin meets, made for real on loopback, asserting the state
# and the message within two probe intervals.
avld_test(tst_encoderfaults LABEL integration TIMEOUT 300 SOURCES integration/tst_encoderfaults.cpp)
target_compile_definitions(tst_encoderfaults PRIVATE
  AVLD_REFERENCE_IMAGES="${PROJECT_SOURCE_DIR}/../shared/reference-images")
avld_test(tst_sitefaults LABEL integration TIMEOUT 300 SOURCES integration/tst_sitefaults.cpp)
