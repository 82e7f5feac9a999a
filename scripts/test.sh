#!/usr/bin/env bash
# Sets everything up on Debian 12 (as root) and runs the whole test suite: unit, GUI (offscreen) and
# integration tests against real nginx-rtmp and ffmpeg on loopback.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
cd build
ctest --output-on-failure
