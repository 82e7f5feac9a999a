#!/usr/bin/env bash
# Makes the two Debian packages from ./build (scripts/build.sh first): avideo-live-doctor (the window) and
# avideo-live-doctor-nox (headless commands and services), into ./build/*.deb. Checks them with lintian.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake --build build
(cd build && cpack -G DEB >/dev/null)
lintian --allow-root --fail-on error,warning build/avideo-live-doctor_*.deb build/avideo-live-doctor-nox_*.deb
ls build/*.deb
