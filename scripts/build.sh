#!/usr/bin/env bash
# Configures and builds AVideo Live Doctor into ./build (Ninja, warnings as errors).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build-ffmpeg.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DAVLD_WERROR=ON >/dev/null
cmake --build build
