# owned by one line of work
# Animated hover previews (issue #7).
avld_test(tst_livepreview LABEL integration TIMEOUT 240 SOURCES integration/tst_livepreview.cpp LIBS Qt6::Gui)
