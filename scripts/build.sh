#!/usr/bin/env bash
# Configures and builds AVideo Live Doctor into ./build (Ninja, warnings as errors).
set -euo pipefail
cd "$(dirname "$0")/.."
# The lean FFmpeg (scripts/build-ffmpeg.sh); where it cannot be had (no Debian mirror reachable on the first
# build), Debian's shared FFmpeg: everything works, only the start-up is slower.
ffmpeg=bundled
bash scripts/build-ffmpeg.sh || {
  echo "build: the lean FFmpeg could not be built (see above); linking Debian's shared FFmpeg instead" >&2
  ffmpeg=system
}
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DAVLD_WERROR=ON -DAVLD_FFMPEG=$ffmpeg \
  -DCMAKE_INSTALL_PREFIX=/usr >/dev/null
cmake --build build
