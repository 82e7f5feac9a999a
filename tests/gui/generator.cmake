# owned by one line of work; see ui/CMakeLists.txt
# The stand-in controller (core) and the Generator page (linked alone: pages are built and tested apart).
avld_test(tst_standincontroller LABEL integration TIMEOUT 180
  SOURCES integration/tst_standincontroller.cpp integration/tst_thumbnailservice_support.h)
avld_test(tst_generatorpage LABEL gui TIMEOUT 120
  SOURCES gui/tst_generatorpage.cpp LIBS avld_ui_generator avld_guitestsupport)
# The watch on a stand-in that runs elsewhere (the AVideo server): a real stand-in, watched over loopback.
avld_test(tst_remotestandinpanel LABEL gui TIMEOUT 120
  SOURCES gui/tst_remotestandinpanel.cpp LIBS avld_ui_generator avld_guitestsupport)
