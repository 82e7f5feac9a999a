#!/usr/bin/env bash
# Sets everything up on Debian 12 (as root), starts the local demo stream stack (nginx-rtmp with ffmpeg
# publishers on loopback) and opens AVideo Live Doctor. The demo stops when the window closes.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh

demo_dir=build/demo
mkdir -p "$demo_dir"
rm -f "$demo_dir/stack.json"
build/tests/avld-stream-stack --streams 3 --info "$demo_dir/stack.json" >"$demo_dir/stack.log" 2>&1 &
stack_pid=$!
trap 'kill "$stack_pid" 2>/dev/null || true; wait "$stack_pid" 2>/dev/null || true' EXIT

for _ in $(seq 1 300); do
  [ -s "$demo_dir/stack.json" ] && break
  if ! kill -0 "$stack_pid" 2>/dev/null; then
    echo "run: the demo stream stack did not start:" >&2
    cat "$demo_dir/stack.log" >&2
    exit 1
  fi
  sleep 0.1
done
[ -s "$demo_dir/stack.json" ] || { echo "run: the demo stream stack took longer than 30 s" >&2; exit 1; }
grep -E '^(stream|stat)' "$demo_dir/stack.log" || true

export AVLD_DEMO_INFO="$PWD/$demo_dir/stack.json"
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "run: no display found (DISPLAY is unset); opening the window on a virtual X server (Xvfb)."
  echo "     Log in with a desktop session or 'ssh -X' to see it."
  xvfb-run -a -s "-screen 0 1280x800x24" build/app/avideo-live-doctor "$@"
else
  build/app/avideo-live-doctor "$@"
fi
