#!/usr/bin/env bash
# Sets everything up on Debian 12 (as root) and runs the whole test suite: unit, GUI (offscreen) and
# integration tests against real nginx-rtmp and ffmpeg on loopback; then all of it again under ASan + UBSan;
# then a short run of every fuzz target.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
# Two tests at a time: most of them wait on timers and loopback servers, not on the CPU (the suite takes half
# as long; the tests that share one thing hold a RESOURCE_LOCK or run alone).
(cd build && ctest -j"$(nproc)" --output-on-failure)
# The two Debian packages made, checked by lintian, installed on this machine, used and purged.
bash scripts/test-packages.sh
# The same suite built with AddressSanitizer + UndefinedBehaviorSanitizer.
bash scripts/test-sanitized.sh
# 10 s per libFuzzer target of the parsers of remote input (clang, ASan + UBSan): about 3 minutes.
bash scripts/fuzz.sh --short
