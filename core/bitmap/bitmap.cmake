# avld_bitmap: pictures in memory, their scaling and their codecs without Qt Gui, so that the headless program
# can stop loading libqt6gui6 and the X11/EGL libraries behind it (issue #18). The codecs are the libraries Qt's
# own image plugins use, so pictures come out as they did through QImage.
pkg_check_modules(AVLD_PICTURE_CODECS REQUIRED IMPORTED_TARGET
  libturbojpeg libjpeg libpng libwebp libwebpdemux libgif)

add_library(avld_bitmap ${AVLD_LIBRARY_TYPE}
  bitmap/bitmap.h bitmap/bitmap.cpp
  bitmap/bitmapwords.h bitmap/bitmapwords.cpp
  bitmap/bitmapscale.h bitmap/bitmapscale.cpp
  bitmap/bitmaptransform.h bitmap/bitmaptransform.cpp
  bitmap/pictureformat.h bitmap/pictureformat.cpp
  bitmap/bitmapcodec.h bitmap/bitmapcodec.cpp
  bitmap/codecsupport.h bitmap/codecsupport.cpp
  bitmap/jpegdecoder.h bitmap/jpegdecoder.cpp
  bitmap/jpegencoder.cpp
  bitmap/pngcodec.h bitmap/pngcodec.cpp
  bitmap/webpcodec.h bitmap/webpcodec.cpp
  bitmap/gifdecoder.h bitmap/gifdecoder.cpp
)
target_include_directories(avld_bitmap PUBLIC ${CMAKE_CURRENT_SOURCE_DIR} ${CMAKE_CURRENT_SOURCE_DIR}/common)
target_link_libraries(avld_bitmap PUBLIC Qt6::Core PRIVATE avld::ffmpeg PkgConfig::AVLD_PICTURE_CODECS)
set_target_properties(avld_bitmap PROPERTIES AUTOMOC OFF AUTOUIC OFF AUTORCC OFF)

# The bridge for those that hold a QImage (the window, tests): the one place where a Bitmap meets Qt Gui.
add_library(avld_bitmap_qt ${AVLD_LIBRARY_TYPE} bitmapqt/qimagebridge.h bitmapqt/qimagebridge.cpp)
target_link_libraries(avld_bitmap_qt PUBLIC avld_bitmap Qt6::Gui)
set_target_properties(avld_bitmap_qt PROPERTIES AUTOMOC OFF AUTOUIC OFF AUTORCC OFF)

# Fail the configure step as soon as a file of avld_bitmap includes a Qt Gui header (the test
# bitmap_is_gui_free checks the link interface and the built library too).
file(GLOB avld_bitmap_files CONFIGURE_DEPENDS
  ${CMAKE_CURRENT_SOURCE_DIR}/bitmap/*.h ${CMAKE_CURRENT_SOURCE_DIR}/bitmap/*.cpp)
foreach(source IN LISTS avld_bitmap_files)
  file(STRINGS ${source} gui_includes REGEX "#[ \t]*include[ \t]*<(QtGui|QImage|QPainter|QColor|QPixmap|QGuiApplication|QImageReader|QImageWriter|QTransform|QFont)")
  if(gui_includes)
    message(FATAL_ERROR "avld_bitmap must not use Qt Gui, but ${source} has: ${gui_includes}")
  endif()
endforeach()
