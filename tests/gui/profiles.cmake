# owned by one line of work
# Site profiles: switching sites, the TLS prompt (issue #7).
avld_test(tst_sitecertificate LABEL integration SOURCES integration/tst_sitecertificate.cpp)
avld_test(tst_siteswitcher LABEL gui TIMEOUT 120 SOURCES gui/tst_siteswitcher.cpp LIBS avld_ui avld_guitestsupport)
avld_test(tst_palettes LABEL gui TIMEOUT 120 SOURCES gui/tst_palettes.cpp LIBS avld_ui avld_guitestsupport)
