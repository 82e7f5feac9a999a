# The Debian packages and what they carry (packaging/): lintian, AppStream, the desktop file, the services'
# hardening, the man pages and the bash completion. The tools come from scripts/install-deps.sh; a missing
# one fails its test.
set(avld_packaging ${PROJECT_SOURCE_DIR}/packaging)
set(avld_packaging_tests ${CMAKE_CURRENT_SOURCE_DIR}/packaging)

add_test(NAME packages_lintian_clean
  COMMAND bash ${avld_packaging_tests}/check_packages.sh ${PROJECT_BINARY_DIR})
# cpack strips and compresses both programs: minutes on 2 busy cores.
set_tests_properties(packages_lintian_clean PROPERTIES TIMEOUT 900 RUN_SERIAL TRUE)

add_test(NAME metainfo_valid
  COMMAND appstreamcli validate --no-net --pedantic ${avld_packaging}/io.github.avideo_live_doctor.metainfo.xml)
add_test(NAME desktop_file_valid
  COMMAND desktop-file-validate ${avld_packaging}/io.github.avideo_live_doctor.desktop)

# systemd's own rating of each service's sandbox: 2.0 or less ("OK"); --threshold is in tenths.
foreach(unit standin encoders)
  add_test(NAME service_${unit}_hardened
    COMMAND systemd-analyze security --offline=true --threshold=20
      ${PROJECT_BINARY_DIR}/packaging/avideo-live-doctor-${unit}.service)
endforeach()

foreach(program avideo-live-doctor avideo-live-doctor-nox)
  add_test(NAME ${program}_manpage_covers_every_command
    COMMAND bash ${avld_packaging_tests}/check_manpage.sh $<TARGET_FILE:${program}>
      ${PROJECT_BINARY_DIR}/packaging/${program}.1.gz)
endforeach()
add_test(NAME bash_completion
  COMMAND bash ${avld_packaging_tests}/check_completion.sh $<TARGET_FILE:avideo-live-doctor-nox>
    ${avld_packaging}/completion/avideo-live-doctor.bash)
