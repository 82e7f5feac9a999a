# avld_bitmap (core/bitmap): pictures without Qt Gui (issue #18). The tests stand alone: none needs core.
avld_test(tst_bitmap LABEL unit STANDALONE SOURCES bitmap/tst_bitmap.cpp LIBS avld_bitmap)
avld_test(tst_qimagebridge LABEL unit STANDALONE SOURCES bitmap/tst_qimagebridge.cpp bitmap/testpictures.h
  LIBS avld_bitmap_qt)
avld_test(tst_bitmapscale LABEL unit STANDALONE SOURCES bitmap/tst_bitmapscale.cpp bitmap/testpictures.h
  LIBS avld_bitmap_qt)
# The codec test writes its own GIFs (giflib), animated WebPs (libwebpmux) and a CMYK JPEG (TurboJPEG).
pkg_check_modules(AVLD_BITMAP_FIXTURE_LIBS REQUIRED IMPORTED_TARGET libgif libwebp libwebpmux libturbojpeg zlib)
avld_test(tst_bitmapcodec LABEL unit STANDALONE TIMEOUT 120
  SOURCES bitmap/tst_bitmapcodec.cpp bitmap/testpictures.h bitmap/codecfixtures.h
  LIBS avld_bitmap_qt PkgConfig::AVLD_BITMAP_FIXTURE_LIBS)
target_compile_definitions(tst_bitmapcodec PRIVATE
  AVLD_REFERENCE_IMAGES="${PROJECT_SOURCE_DIR}/../shared/reference-images")
