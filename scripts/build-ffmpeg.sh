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
# Needs a Debian mirror the first time (and reads its index once a day for security updates), nasm and
# dpkg-dev (scripts/install-deps.sh installs them). Needs no root: apt runs on lists of its own under PREFIX.
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

fail() {
  echo "build-ffmpeg: $*" >&2
  exit 1
}

# apt with lists of our own under the prefix: no root needed, and the machine's sources stay as they are.
# The source comes from the same mirror as the machine's Debian security updates.
aptdir="$prefix/apt"
codename="$(. /etc/os-release && echo "${VERSION_CODENAME:-bookworm}")"
security_uri() {
  apt-get indextargets --format '$(REPO_URI) $(RELEASE) $(TARGET_OF)' 2>/dev/null |
    awk -v s="$codename-security" '$2 == s && $3 == "deb" { print $1; exit }'
}
apt_options=(
  -o Dir::Etc::sourcelist="$aptdir/sources.list" -o Dir::Etc::sourceparts=-
  -o Dir::State::Lists="$aptdir/lists" -o Dir::Cache="$aptdir/cache"
  -o APT::Sandbox::User="$(id -un)" -o Debug::NoLocking=true
)
refresh_source_lists() {
  local uri
  uri="$(security_uri)"
  uri="${uri:-http://deb.debian.org/debian-security/}"
  mkdir -p "$aptdir/lists/partial" "$aptdir/cache/archives/partial"
  echo "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $uri $codename-security main" \
    >"$aptdir/sources.list"
  apt-get "${apt_options[@]}" -qq --error-on=any update ||
    fail "could not read FFmpeg's source index from $uri (is a Debian mirror reachable?). Without it, \
configure with -DAVLD_FFMPEG=system to link Debian's shared FFmpeg instead (slower start-up)."
}
newest_version() {
  apt-cache "${apt_options[@]}" showsrc ffmpeg 2>/dev/null | sed -n 's/^Version: //p' | sort -V | tail -1
}

# Earlier versions of this script added a deb-src line to the machine's own sources; it is no longer needed.
if [ "$(id -u)" -eq 0 ] && [ -f /etc/apt/sources.list.d/avideo-live-doctor-src.sources ]; then
  rm -f /etc/apt/sources.list.d/avideo-live-doctor-src.sources
fi

# What is built: "<version> <flags>" in the stamp. A copy built with today's flags is kept; once a day the
# index is read again, because FFmpeg's security updates matter (it parses what the network sends), and a
# newer source is fetched and built. Offline, the copy already built is kept.
built_version=""
if [ -f "$prefix/lib/libavcodec.a" ] && [ -f "$stamp" ] && [ "$(cut -d' ' -f2- "$stamp")" = "$stamp_text" ]; then
  built_version="$(cut -d' ' -f1 "$stamp")"
fi
keep_built() {
  echo "build-ffmpeg: $1; keeping FFmpeg $built_version as built in $prefix" >&2
  exit 0
}
checked="$aptdir/index-read"
if [ -n "$built_version" ] && [ -n "$(find "$checked" -mmin -1440 2>/dev/null)" ]; then
  echo "build-ffmpeg: FFmpeg $built_version already built in $prefix"
  exit 0
fi
if [ -n "$built_version" ]; then
  (refresh_source_lists) 2>/dev/null || keep_built "no Debian mirror reachable"
else
  refresh_source_lists
fi
touch "$checked"
apt_version="$(newest_version)" # 7:5.1.9-0+deb12u1
version="${apt_version#*:}"      # 5.1.9-0+deb12u1, for paths and the stamp
if [ -z "$version" ]; then
  [ -n "$built_version" ] && keep_built "no FFmpeg source in the mirror's index"
  fail "no FFmpeg source in the index of $(cat "$aptdir/sources.list")"
fi
if [ "$version" = "$built_version" ]; then
  echo "build-ffmpeg: FFmpeg $built_version already built in $prefix"
  exit 0
fi
work="$prefix/src/$version"
src="$(find "$work" -maxdepth 1 -type d -name 'ffmpeg-*' 2>/dev/null | head -1 || true)"
if [ -z "$src" ] || [ ! -f "$src/configure" ]; then
  rm -rf "$work"
  mkdir -p "$work"
  # apt checks the files against the signed index; dpkg-source applies Debian's patches.
  if ! (cd "$work" && apt-get "${apt_options[@]}" -qq source "ffmpeg=${apt_version}" >../fetch-$version.log 2>&1); then
    [ -n "$built_version" ] && keep_built "could not fetch FFmpeg $version's source"
    tail -5 "$prefix/src/fetch-$version.log" >&2
    fail "could not fetch FFmpeg $version's source (see $prefix/src/fetch-$version.log)"
  fi
  src="$(find "$work" -maxdepth 1 -type d -name 'ffmpeg-*' | head -1)"
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
