#!/usr/bin/env bash
# The whole test suite again, built with AddressSanitizer + UndefinedBehaviorSanitizer (GCC) into
# ./build-sanitized: any memory error or undefined behaviour in the program, its tests or the commands they
# start fails the test that met it, with the sanitizer's report in its output. Needs what install-deps.sh
# installs. Extra arguments go to ctest (e.g. -R encoder).
set -euo pipefail
cd "$(dirname "$0")/.."
# The lean FFmpeg (scripts/build-ffmpeg.sh); where it cannot be had (no Debian mirror reachable on the first
# build), Debian's shared FFmpeg: everything works, only the start-up is slower.
ffmpeg=bundled
bash scripts/build-ffmpeg.sh || {
  echo "test-sanitized: the lean FFmpeg could not be built (see above); linking Debian's shared FFmpeg instead" >&2
  ffmpeg=system
}
cmake -S . -B build-sanitized -G Ninja -DCMAKE_BUILD_TYPE=None -DAVLD_WERROR=ON -DAVLD_SANITIZE=ON -DAVLD_SHARED_LIBS=ON \
  -DAVLD_FFMPEG=$ffmpeg >/dev/null
cmake --build build-sanitized
# Leaks are not checked: Qt's, fontconfig's and FFmpeg's process-lifetime caches are reported at exit.
export ASAN_OPTIONS=detect_leaks=0:check_initialization_order=1:strict_init_order=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
cd build-sanitized
ctest -j"$(nproc)" --output-on-failure "$@"
