# FFmpeg for avld_core: the lean static build of scripts/build-ffmpeg.sh (default), or Debian's shared
# libraries (AVLD_FFMPEG=system, for distributions that want their own FFmpeg and accept the start-up cost).
#
# Defines the target avld::ffmpeg.
set(AVLD_FFMPEG "bundled" CACHE STRING "FFmpeg to link: bundled (scripts/build-ffmpeg.sh, static) or system")
set_property(CACHE AVLD_FFMPEG PROPERTY STRINGS bundled system)
set(AVLD_FFMPEG_PREFIX "${PROJECT_SOURCE_DIR}/third_party/ffmpeg" CACHE PATH
    "Where scripts/build-ffmpeg.sh installed the lean FFmpeg")

set(avld_ffmpeg_modules libavformat libavcodec libswscale libswresample libavfilter libavutil)
add_library(avld_ffmpeg INTERFACE)
add_library(avld::ffmpeg ALIAS avld_ffmpeg)

if(AVLD_FFMPEG STREQUAL "bundled")
  if(NOT EXISTS "${AVLD_FFMPEG_PREFIX}/lib/pkgconfig/libavcodec.pc")
    message(FATAL_ERROR "The lean FFmpeg is not built in ${AVLD_FFMPEG_PREFIX}: run scripts/build-ffmpeg.sh "
                        "(scripts/build.sh does), or configure with -DAVLD_FFMPEG=system.")
  endif()
  set(avld_saved_pkg_config_path "$ENV{PKG_CONFIG_PATH}")
  set(ENV{PKG_CONFIG_PATH} "${AVLD_FFMPEG_PREFIX}/lib/pkgconfig")
  pkg_check_modules(LIBAV REQUIRED ${avld_ffmpeg_modules})
  set(ENV{PKG_CONFIG_PATH} "${avld_saved_pkg_config_path}")
  # The static link line (--static): the archives, then what they need (webp, OpenSSL, zlib, libm). The
  # archives' own -L comes first, so -lavcodec finds libavcodec.a and not Debian's libavcodec.so.
  target_include_directories(avld_ffmpeg SYSTEM INTERFACE ${LIBAV_STATIC_INCLUDE_DIRS})
  target_link_options(avld_ffmpeg INTERFACE ${LIBAV_STATIC_LDFLAGS_OTHER})
  target_link_libraries(avld_ffmpeg INTERFACE ${LIBAV_STATIC_LDFLAGS})
  # Nothing of the copy is exported: a GStreamer plugin loading Debian's libavcodec keeps its own.
  target_link_options(avld_ffmpeg INTERFACE -Wl,--exclude-libs,ALL)
  message(STATUS "FFmpeg: lean static build ${LIBAV_libavcodec_VERSION} from ${AVLD_FFMPEG_PREFIX}")
elseif(AVLD_FFMPEG STREQUAL "system")
  pkg_check_modules(LIBAV REQUIRED IMPORTED_TARGET ${avld_ffmpeg_modules})
  target_link_libraries(avld_ffmpeg INTERFACE PkgConfig::LIBAV)
  message(STATUS "FFmpeg: the system's shared libraries ${LIBAV_libavcodec_VERSION}")
else()
  message(FATAL_ERROR "AVLD_FFMPEG must be bundled or system, not '${AVLD_FFMPEG}'")
endif()
