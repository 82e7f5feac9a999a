#!/usr/bin/env bash
# Makes the two Debian packages from a build folder into a temporary folder and checks them: lintian finds no
# error or warning (what is overridden says why in packaging/debian/*.lintian-overrides), and each package
# holds what it must and nothing of the other's.
# Usage: check_packages.sh BUILD_DIR
set -euo pipefail
build="$1"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

cpack -G DEB --config "$build/CPackConfig.cmake" -B "$out" >"$out/cpack.log" 2>&1 ||
  { cat "$out/cpack.log"; echo "FAIL: cpack could not make the packages"; exit 1; }
desktop="$(ls "$out"/avideo-live-doctor_*.deb)"
nox="$(ls "$out"/avideo-live-doctor-nox_*.deb)"

lintian --allow-root --fail-on error,warning --info "$desktop" "$nox" || { echo "FAIL: lintian"; exit 1; }

failed=0
expect() { # PACKAGE PATH: the package holds PATH
  dpkg-deb -c "$1" | awk '{ print $6 }' | grep -qx "./$2" || { echo "FAIL: $(basename "$1") lacks /$2"; failed=1; }
}
refuse() { # PACKAGE PATTERN: no file of the package matches PATTERN
  if dpkg-deb -c "$1" | awk '{ print $6 }' | grep -E "$2"; then echo "FAIL: $(basename "$1") holds the above"; failed=1; fi
}
for path in usr/bin/avideo-live-doctor usr/share/applications/io.github.avideo_live_doctor.desktop \
  usr/share/metainfo/io.github.avideo_live_doctor.metainfo.xml \
  usr/share/icons/hicolor/scalable/apps/io.github.avideo_live_doctor.svg \
  usr/share/man/man1/avideo-live-doctor.1.gz usr/share/bash-completion/completions/avideo-live-doctor \
  usr/share/doc/avideo-live-doctor/copyright usr/share/doc/avideo-live-doctor/changelog.gz; do
  expect "$desktop" "$path"
done
for path in usr/bin/avideo-live-doctor-nox lib/systemd/system/avideo-live-doctor-standin.service \
  lib/systemd/system/avideo-live-doctor-encoders.service etc/default/avideo-live-doctor-standin \
  etc/default/avideo-live-doctor-encoders etc/avideo-live-doctor/standin-prefix \
  usr/share/man/man1/avideo-live-doctor-nox.1.gz usr/share/bash-completion/completions/avideo-live-doctor-nox \
  usr/share/doc/avideo-live-doctor-nox/copyright usr/share/doc/avideo-live-doctor-nox/changelog.gz; do
  expect "$nox" "$path"
done
refuse "$nox" '/usr/bin/avideo-live-doctor$|applications/|metainfo/|icons/'
refuse "$desktop" 'avideo-live-doctor-nox$|systemd/|^\./etc/'
# The secrets are root's alone, and settings and secrets survive an upgrade as conffiles.
dpkg-deb -c "$nox" | grep -E '^-rw------- root/root .* \./etc/avideo-live-doctor/standin-prefix$' >/dev/null ||
  { echo "FAIL: the stand-in's prefix file is not root's alone (0600)"; failed=1; }
conffiles="$(dpkg-deb -I "$nox" conffiles)"
for file in /etc/default/avideo-live-doctor-standin /etc/default/avideo-live-doctor-encoders \
  /etc/avideo-live-doctor/standin-prefix /etc/avideo-live-doctor/site-password; do
  grep -qx "$file" <<<"$conffiles" || { echo "FAIL: $file is not a conffile"; failed=1; }
done
# The headless package must not pull in a window library.
depends="$(dpkg-deb -f "$nox" Depends)"
if grep -Eo 'libqt6widgets6|libqt6multimedia6|libqt6charts6|libgstreamer[^,]*' <<<"$depends"; then
  echo "FAIL: avideo-live-doctor-nox depends on the window libraries above"; failed=1
fi
[ "$failed" = 0 ] && echo "packages: both clean under lintian, each with its own files"
exit "$failed"
