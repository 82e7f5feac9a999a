#!/usr/bin/env bash
# Builds the lean FFmpeg that AVideo Live Doctor links statically: Debian 12's own FFmpeg source (the
# security suite's, with Debian's patches applied), configured with only the demuxers, decoders, filters and
# protocols a live thumbnail needs.
#
# Why not Debian's shared libavcodec/libavformat/libavfilter: they pull in 160 shared libraries (x265, aom,
# rsvg and cairo, X11, VA-API, flite...), and binding them is most of every start of our programs (~55 ms of
# a 76 ms `--version`; see README "Start-up"). The lean copy starts in about a millisecond, decodes with the
# same assembly, and parses far fewer formats from the network.
#
# Usage: scripts/build-ffmpeg.sh [PREFIX]   (default third_party/ffmpeg, ignored by git)
# Idempotent: does nothing when PREFIX already holds this source version built with this configuration.
# Needs deb-src for bookworm-security (added here as root) and nasm (scripts/install-deps.sh installs it).
set -euo pipefail
cd "$(dirname "$0")/.."
prefix="$(realpath -m "${1:-third_party/ffmpeg}")"
jobs="$(nproc)"

configure_flags=(
  --disable-everything --disable-programs --disable-doc
  --disable-shared --enable-static --enable-pic
  --disable-autodetect --enable-openssl --enable-libwebp --enable-zlib
  --disable-avdevice --disable-postproc --enable-swresample
  --disable-debug --enable-stripping
  # the video and sound of a live: what nginx-rtmp, SRS, AVideo's encoders and OBS publish
  --enable-decoder=h264,hevc,aac,aac_latm,mp3float,mp3,ac3,eac3,opus,mjpeg,png
  --enable-parser=h264,hevc,aac,aac_latm,mpegaudio,ac3,opus,mjpeg,png
  --enable-demuxer=hls,mpegts,flv,live_flv,mov,aac,mp3,ac3,eac3,h264,hevc,webvtt
  --enable-bsf=h264_mp4toannexb,hevc_mp4toannexb,aac_adtstoasc,extract_extradata,null
  --enable-protocol=file,http,https,tls,tcp,crypto,rtmp,rtmps,rtmpt,rtmpts,httpproxy
  # the animated previews (gif, webp) and the sound meter
  --enable-encoder=gif,libwebp,libwebp_anim --enable-muxer=gif,webp
  --enable-filter=buffer,buffersink,abuffer,abuffersink,split,palettegen,paletteuse,scale,format,null
  --enable-filter=aformat,aresample,anull,astats,ebur128,silencedetect
)

stamp_text="${configure_flags[*]}"
stamp="$prefix/avld-build-stamp"

add_deb_src() {
  if [ "$(id -u)" -ne 0 ]; then
    echo "build-ffmpeg: apt knows no source of ffmpeg; run scripts/install-deps.sh as root first" >&2
    exit 1
  fi
  cat >/etc/apt/sources.list.d/avideo-live-doctor-src.sources <<'EOF'
# Added by AVideo Live Doctor's scripts/build-ffmpeg.sh: FFmpeg's source, built lean and linked statically.
Types: deb-src
URIs: http://deb.debian.org/debian-security
Suites: bookworm-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
  # Only this list: the others stay as they are (List-Cleanup=0 keeps apt from dropping them).
  apt-get update -qq -o Dir::Etc::sourcelist=/etc/apt/sources.list.d/avideo-live-doctor-src.sources \
    -o Dir::Etc::sourceparts=- -o APT::Get::List-Cleanup=0
}

# The newest source apt's lists know (the security suite's, same series as libavcodec-dev): a newer one, once
# apt's lists show it, is fetched and built the next time this runs.
newest_version() { apt-cache showsrc ffmpeg 2>/dev/null | sed -n 's/^Version: //p' | sort -V | tail -1; }
version="$(newest_version)"
if [ -z "$version" ]; then
  add_deb_src
  version="$(newest_version)"
fi
version="${version#*:}" # no epoch: 5.1.9-0+deb12u1
work="$prefix/src/$version"
src="$(find "$work" -maxdepth 1 -type d -name 'ffmpeg-*' 2>/dev/null | head -1)"
if [ -z "$src" ] || [ ! -f "$src/configure" ]; then
  rm -rf "$work"
  mkdir -p "$work"
  # apt checks the files against the signed index; dpkg-source applies Debian's patches.
  (cd "$work" && { apt-get source -qq "ffmpeg=${version}" >/dev/null 2>&1 || apt-get source "ffmpeg=${version}"; })
  src="$(find "$work" -maxdepth 1 -type d -name 'ffmpeg-*' | head -1)"
fi
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$version ${stamp_text}" ] && [ -f "$prefix/lib/libavcodec.a" ]; then
  echo "build-ffmpeg: FFmpeg $version already built in $prefix"
  exit 0
fi

echo "build-ffmpeg: building the lean FFmpeg $version into $prefix ($jobs jobs)"
build="$prefix/build"
rm -rf "$build" "$prefix/lib" "$prefix/include"
mkdir -p "$build"
(
  cd "$build"
  "$src/configure" --prefix="$prefix" "${configure_flags[@]}" >configure.log 2>&1 ||
    { tail -30 configure.log >&2; echo "build-ffmpeg: configure failed, see $build/configure.log" >&2; exit 1; }
  make -j"$jobs" >make.log 2>&1 || { tail -30 make.log >&2; echo "build-ffmpeg: make failed, see $build/make.log" >&2; exit 1; }
  make install >install.log 2>&1
)
echo "$version ${stamp_text}" >"$stamp"
echo "build-ffmpeg: FFmpeg $version built"
