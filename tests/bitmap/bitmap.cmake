# avld_bitmap (core/bitmap): pictures without Qt Gui (issue #18). The tests stand alone: none needs core.
avld_test(tst_bitmap LABEL unit STANDALONE SOURCES bitmap/tst_bitmap.cpp LIBS avld_bitmap)
