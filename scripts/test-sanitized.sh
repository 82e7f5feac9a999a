#!/usr/bin/env bash
# The whole test suite again, built with AddressSanitizer + UndefinedBehaviorSanitizer (GCC) into
# ./build-sanitized: any memory error or undefined behaviour in the program, its tests or the commands they
# start fails the test that met it, with the sanitizer's report in its output. Needs what install-deps.sh
# installs. Extra arguments go to ctest (e.g. -R encoder).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build-ffmpeg.sh
cmake -S . -B build-sanitized -G Ninja -DCMAKE_BUILD_TYPE=None -DAVLD_WERROR=ON -DAVLD_SANITIZE=ON >/dev/null
cmake --build build-sanitized
# Leaks are not checked: Qt's, fontconfig's and FFmpeg's process-lifetime caches are reported at exit.
export ASAN_OPTIONS=detect_leaks=0:check_initialization_order=1:strict_init_order=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
cd build-sanitized
ctest --output-on-failure "$@"
