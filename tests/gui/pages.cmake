# dashboard and cache pages (tests)
avld_test(tst_dashboardpage LABEL gui SOURCES gui/tst_dashboardpage.cpp LIBS avld_ui avld_guitestsupport)
avld_test(tst_cachepage LABEL gui TIMEOUT 120 SOURCES gui/tst_cachepage.cpp LIBS avld_ui avld_guitestsupport)
avld_test(tst_sitewizard LABEL gui TIMEOUT 90 SOURCES gui/tst_sitewizard.cpp LIBS avld_ui_pages avld_guitestsupport)
