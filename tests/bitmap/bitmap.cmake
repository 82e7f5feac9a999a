# avld_bitmap (core/bitmap): pictures without Qt Gui (issue #18). The tests stand alone: none needs core.
avld_test(tst_bitmap LABEL unit STANDALONE SOURCES bitmap/tst_bitmap.cpp LIBS avld_bitmap)
avld_test(tst_qimagebridge LABEL unit STANDALONE SOURCES bitmap/tst_qimagebridge.cpp bitmap/testpictures.h
  LIBS avld_bitmap_qt)
avld_test(tst_bitmapscale LABEL unit STANDALONE SOURCES bitmap/tst_bitmapscale.cpp bitmap/testpictures.h
  LIBS avld_bitmap_qt)
