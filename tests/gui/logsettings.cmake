# Log buffer, Log page and Settings page (issue #7). The page tests link only their own page libraries,
# so they build and run apart from the other pages.
avld_test(tst_logbuffer LABEL unit SOURCES unit/tst_logbuffer.cpp)
avld_test(tst_logpage LABEL gui SOURCES gui/tst_logpage.cpp LIBS avld_ui_log avld_guitestsupport)
avld_test(tst_settingspage LABEL gui SOURCES gui/tst_settingspage.cpp
  LIBS avld_ui_settings avld_guitestsupport)
# The Alerts section of Settings against a loopback fake of a channel's API.
avld_test(tst_alertssection LABEL gui SOURCES gui/tst_alertssection.cpp LIBS avld_ui_settings avld_guitestsupport)
# The tray shows the alert lifecycle's messages (snooze, quiet hours and flapping hold there too).
avld_test(tst_trayalerts LABEL gui SOURCES gui/tst_trayalerts.cpp LIBS avld_ui_settings avld_guitestsupport)
