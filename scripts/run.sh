#!/usr/bin/env bash
# Sets everything up on Debian 12 (as root), starts the local demo AVideo site (the site simulator with
# nginx-rtmp, three ffmpeg publishers and a fake encoder that is down, all on loopback) and opens AVideo Live
# Doctor. The demo stops when the window closes.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh

demo_dir=build/demo
mkdir -p "$demo_dir"
rm -f "$demo_dir/demo.json"
build/tests/avld-demo-site --info "$demo_dir/demo.json" >"$demo_dir/demo.log" 2>&1 &
demo_pid=$!
trap 'kill "$demo_pid" 2>/dev/null || true; wait "$demo_pid" 2>/dev/null || true' EXIT

for _ in $(seq 1 600); do
  [ -s "$demo_dir/demo.json" ] && break
  if ! kill -0 "$demo_pid" 2>/dev/null; then
    echo "run: the demo site did not start:" >&2
    cat "$demo_dir/demo.log" >&2
    exit 1
  fi
  sleep 0.1
done
[ -s "$demo_dir/demo.json" ] || { echo "run: the demo site took longer than 60 s to start" >&2; exit 1; }
grep -E '^(stream|stat|encoder|cards)' "$demo_dir/demo.log" || true
site_url=$(sed -n 's/^site  *//p' "$demo_dir/demo.log" | head -n 1)
admin_login=$(sed -n 's/^login  *\(admin\)  *\([^ ]*\).*/\1 \/ \2/p' "$demo_dir/demo.log" | head -n 1)
echo "run: demo AVideo site ${site_url} (log in as ${admin_login}); its encoder is down, so its live gallery shows ONLINE cards"

export AVLD_DEMO_INFO="$PWD/$demo_dir/demo.json"
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "run: no display found (DISPLAY is unset); opening the window on a virtual X server (Xvfb)."
  echo "     Log in with a desktop session or 'ssh -X' to see it."
  xvfb-run -a -s "-screen 0 1280x800x24" build/app/avideo-live-doctor "$@"
else
  build/app/avideo-live-doctor "$@"
fi
