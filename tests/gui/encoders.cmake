# Encoders page (issue #7) and the watch that feeds it.
avld_test(tst_encoderwatch LABEL integration TIMEOUT 180 SOURCES integration/tst_encoderwatch.cpp)
avld_test(tst_encoderspage LABEL gui TIMEOUT 180 SOURCES gui/tst_encoderspage.cpp
  LIBS avld_ui avld_guitestsupport avld_testsupport)
