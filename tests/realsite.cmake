# The real AVideo 11.7 (../shared/avideo/) on loopback, started once per ctest run (fixture `realsite`) for
# the tests declared with avld_realsite_test(). Included from tests/CMakeLists.txt after avld_test().

file(GLOB _avld_avideo_archives "${PROJECT_SOURCE_DIR}/../shared/avideo/AVideo-11.7-*.tar.xz")
list(LENGTH _avld_avideo_archives _avld_avideo_archive_count)
set(_avld_avideo_archive_default "")
if(_avld_avideo_archive_count EQUAL 1)
  set(_avld_avideo_archive_default "${_avld_avideo_archives}")
endif()
set(AVLD_AVIDEO_ARCHIVE "${_avld_avideo_archive_default}" CACHE FILEPATH
  "The AVideo 11.7 archive of the realsite tests (the environment variable of the same name overrides it when the tests run)")

add_library(avld_realsitesupport ${AVLD_LIBRARY_TYPE}
  support/logtail.h support/logtail.cpp
  support/pidnamespace.h support/pidnamespace.cpp
  support/processalive.h support/processalive.cpp
  support/staletempdirs.h support/staletempdirs.cpp
  support/formbrowser.h support/formbrowser.cpp
  support/mariadbserver.h support/mariadbserver.cpp
  support/apacheserver.h support/apacheserver.cpp
  support/avideomediaserver.h support/avideomediaserver.cpp
  support/rtmppublisher.h support/rtmppublisher.cpp
  support/avideositedriver.h support/avideositedriver.cpp
  support/realavideo.h support/realavideo.cpp
  support/realsiteinfo.h support/realsiteinfo.cpp
)
target_link_libraries(avld_realsitesupport PUBLIC avld_testsupport)

add_executable(avld-real-avideo support/realavideotool.cpp)
target_link_libraries(avld-real-avideo PRIVATE avld_realsitesupport)
target_compile_definitions(avld-real-avideo PRIVATE AVLD_AVIDEO_ARCHIVE_DEFAULT="${AVLD_AVIDEO_ARCHIVE}")

# One directory per ctest run: {ppid} is ctest's PID (see support/realsite-fixture.sh).
set(AVLD_REALSITE_DIR ${CMAKE_BINARY_DIR}/realsite/ctest-{ppid})
set(AVLD_REALSITE_INFO ${AVLD_REALSITE_DIR}/info.json)
set(_avld_realsite_fixture ${CMAKE_CURRENT_SOURCE_DIR}/support/realsite-fixture.sh)
add_test(NAME realsite_start
  COMMAND sh ${_avld_realsite_fixture} start ${AVLD_REALSITE_INFO} ${AVLD_REALSITE_DIR}/tool.pid
    ${AVLD_REALSITE_DIR}/logs $<TARGET_FILE:avld-real-avideo> "${AVLD_AVIDEO_ARCHIVE}")
set_tests_properties(realsite_start PROPERTIES
  FIXTURES_SETUP realsite LABELS "realsite;integration" TIMEOUT 200 RESOURCE_LOCK realsite)
add_test(NAME realsite_stop
  COMMAND sh ${_avld_realsite_fixture} stop ${AVLD_REALSITE_INFO} ${AVLD_REALSITE_DIR}/tool.pid
    ${AVLD_REALSITE_DIR}/logs)
set_tests_properties(realsite_stop PROPERTIES
  FIXTURES_CLEANUP realsite LABELS "realsite;integration" TIMEOUT 60 RESOURCE_LOCK realsite)

# avld_realsite_test(NAME SOURCES ... [LIBS ...] [TIMEOUT s]): a test against the fixture's real site.
# One at a time (RESOURCE_LOCK): they share one site and some change it (encoder URL, caches).
function(avld_realsite_test name)
  cmake_parse_arguments(T "" "TIMEOUT" "SOURCES;LIBS" ${ARGN})
  if(NOT T_TIMEOUT)
    set(T_TIMEOUT 180)
  endif()
  avld_test(${name} LABEL realsite TIMEOUT ${T_TIMEOUT} SOURCES ${T_SOURCES} LIBS avld_realsitesupport ${T_LIBS})
  add_dependencies(${name} avld-real-avideo)
  set_property(TEST ${name} APPEND PROPERTY ENVIRONMENT "AVLD_REALSITE_INFO=${AVLD_REALSITE_INFO}")
  set_tests_properties(${name} PROPERTIES
    LABELS "realsite;integration" FIXTURES_REQUIRED realsite RESOURCE_LOCK realsite)
  target_compile_definitions(${name} PRIVATE
    AVLD_REFERENCE_IMAGES="${PROJECT_SOURCE_DIR}/../shared/reference-images")
endfunction()

avld_realsite_test(tst_realsite SOURCES realsite/tst_realsite.cpp LIBS Qt6::Gui)
avld_test(tst_realsiteinfo LABEL unit SOURCES realsite/tst_realsiteinfo.cpp LIBS avld_realsitesupport)
