# dashboard and cache pages (tests)
avld_test(tst_dashboardpage LABEL gui SOURCES gui/tst_dashboardpage.cpp LIBS avld_ui avld_guitestsupport)
avld_test(tst_cachepage LABEL gui TIMEOUT 120 SOURCES gui/tst_cachepage.cpp LIBS avld_ui avld_guitestsupport)
