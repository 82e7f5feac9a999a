#!/usr/bin/env bash
# Installs every package AVideo Live Doctor needs to build, test and run its demo on Debian 12.
# Idempotent: packages already present are left as they are. Must run as root.
set -euo pipefail

packages=(
  g++ cmake ninja-build pkg-config git ca-certificates
  # the lean FFmpeg of scripts/build-ffmpeg.sh: its assembly, and what it links besides libc
  nasm dpkg-dev libwebp-dev libssl-dev zlib1g-dev
  # avld_bitmap (core/bitmap): pictures without Qt Gui, through the libraries Qt's image plugins use
  libturbojpeg0-dev libjpeg-dev libpng-dev libgif-dev
  # the Debian packages (cpack) and their checks; Qt Linguist for the translations
  lintian help2man man-db desktop-file-utils appstream qt6-l10n-tools qt6-tools-dev
  qt6-base-dev libqt6opengl6-dev qt6-multimedia-dev qt6-charts-dev qt6-httpserver-dev qt6-websockets-dev
  qt6-svg-dev qt6-image-formats-plugins libqt6svg6 qtkeychain-qt6-dev libqt6sql6-sqlite qt6-qpa-plugins
  libavformat-dev libavcodec-dev libswscale-dev libavutil-dev libavfilter-dev
  gstreamer1.0-plugins-base gstreamer1.0-plugins-good gstreamer1.0-plugins-bad gstreamer1.0-libav
  libcurl4-openssl-dev libxml2-dev wrk prometheus
  ffmpeg nginx libnginx-mod-rtmp curl openssl xvfb xauth fonts-dejavu-core
  # the zh_CN translation: a CJK font (else Chinese shows as boxes) and Qt's own strings (qtbase_*.qm)
  fonts-wqy-microhei qt6-translations-l10n
  # the diagnosis reports are checked as a reader sees them: the HTML in headless Chromium, the PDF as pictures
  chromium poppler-utils
  # the real AVideo 11.7 of the realsite tests (../shared/avideo/), run as our own children
  php8.2-cli php8.2-mysql php8.2-zip php8.2-curl php8.2-gd php8.2-mbstring php8.2-xml php8.2-intl
  mariadb-server apache2 libapache2-mod-php8.2 xz-utils
  # the fuzz targets (scripts/fuzz.sh): clang 14 with libFuzzer and the sanitizer runtimes, which are only
  # recommended by clang's own packages, and llvm-symbolizer for readable reports
  clang libclang-rt-14-dev llvm-14
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages already installed"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "install-deps: missing packages (${missing[*]}); run this script as root" >&2
  exit 1
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
# nginx from Debian starts a system service on port 80; our stacks run their own instances.
# So does prometheus (we only need its promtool, to check our /metrics).
for service in nginx prometheus prometheus-node-exporter apache2 mariadb; do
  if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet "$service" 2>/dev/null; then
    systemctl stop "$service" || true
  fi
done
