# avld_bitmap (core/bitmap): pictures without Qt Gui (issue #18). The tests stand alone: none needs core.
avld_test(tst_bitmap LABEL unit STANDALONE SOURCES bitmap/tst_bitmap.cpp LIBS avld_bitmap)
avld_test(tst_qimagebridge LABEL unit STANDALONE SOURCES bitmap/tst_qimagebridge.cpp bitmap/testpictures.h
  LIBS avld_bitmap_qt)
avld_test(tst_bitmapscale LABEL unit STANDALONE SOURCES bitmap/tst_bitmapscale.cpp bitmap/testpictures.h
  LIBS avld_bitmap_qt)
avld_test(tst_bitmaptransform LABEL unit STANDALONE SOURCES bitmap/tst_bitmaptransform.cpp bitmap/testpictures.h
  LIBS avld_bitmap_qt)
# The codec test writes its own GIFs (giflib), animated WebPs (libwebpmux) and a CMYK JPEG (TurboJPEG).
pkg_check_modules(AVLD_BITMAP_FIXTURE_LIBS REQUIRED IMPORTED_TARGET libgif libwebp libwebpmux libturbojpeg zlib)
avld_test(tst_bitmapcodec LABEL unit STANDALONE TIMEOUT 120
  SOURCES bitmap/tst_bitmapcodec.cpp bitmap/testpictures.h bitmap/codecfixtures.h
  LIBS avld_bitmap_qt PkgConfig::AVLD_BITMAP_FIXTURE_LIBS)
target_compile_definitions(tst_bitmapcodec PRIVATE
  AVLD_REFERENCE_IMAGES="${PROJECT_SOURCE_DIR}/../shared/reference-images")

# The rule of issue #18, checked on what was built: avld_bitmap and a program linking it need no Qt Gui.
find_program(AVLD_READELF readelf REQUIRED)
function(avld_bitmap_gui_check test library sources program)
  add_test(NAME ${test}
    COMMAND ${CMAKE_COMMAND} -DNAME=${library} -DSOURCE_DIR=${sources}
      -DLIBRARY=$<TARGET_FILE:${library}>
      "-DLINKS=$<TARGET_PROPERTY:${library},LINK_LIBRARIES>;$<TARGET_PROPERTY:${library},INTERFACE_LINK_LIBRARIES>"
      -DPROGRAM=$<TARGET_FILE:${program}> -DNM=${CMAKE_NM} -DREADELF=${AVLD_READELF}
      -P ${CMAKE_CURRENT_SOURCE_DIR}/check_gui_free.cmake)
  set_tests_properties(${test} PROPERTIES LABELS unit)
endfunction()
avld_bitmap_gui_check(bitmap_is_gui_free avld_bitmap ${PROJECT_SOURCE_DIR}/core/bitmap tst_bitmap)
# The check itself: the bridge to QImage must fail it, on each count.
avld_bitmap_gui_check(bitmap_gui_check_catches_the_bridge avld_bitmap_qt ${PROJECT_SOURCE_DIR}/core/bitmapqt
  tst_qimagebridge)
set_tests_properties(bitmap_gui_check_catches_the_bridge PROPERTIES PASS_REGULAR_EXPRESSION
  "avld_bitmap_qt must not depend on Qt Gui:.*qimagebridge.h includes.*link names a Gui library.*Qt6::Gui.*needs Qt Gui symbols.*needs libQt6Gui\\.so")
