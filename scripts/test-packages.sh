#!/usr/bin/env bash
# Installs the two Debian packages built from ./build on this machine, uses them as installed, and removes
# them: `--version` of both programs, the stand-in service's and the encoder watch's own commands (read from
# the installed units, with their settings file and a credential, as systemd would run them, under an
# unprivileged user), then `apt-get purge` must leave no file of theirs behind. Needs root (dpkg).
# scripts/test.sh runs it after the test suite; scripts/package.sh makes the packages.
set -euo pipefail
cd "$(dirname "$0")/.."
[ "$(id -u)" -eq 0 ] || { echo "test-packages: installing packages needs root" >&2; exit 1; }

packages=(avideo-live-doctor avideo-live-doctor-nox)
work="$(mktemp -d)"
chmod 755 "$work"
children=()
finish() {
  for pid in "${children[@]}"; do kill "$pid" 2>/dev/null || true; done
  apt-get purge -y -qq "${packages[@]}" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap finish EXIT
[ -n "${AVLD_KEEP_LOGS:-}" ] && trap 'cp "$work"/*.log /tmp/ 2>/dev/null; finish' EXIT
fail() {
  echo "test-packages: FAIL: $*" >&2
  exit 1
}

bash scripts/package.sh
apt-get purge -y -qq "${packages[@]}" >/dev/null 2>&1 || true
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
  ./build/avideo-live-doctor_*.deb ./build/avideo-live-doctor-nox_*.deb >"$work/install.log" 2>&1 ||
  { cat "$work/install.log"; fail "apt-get install of the packages"; }
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}\n' "$package" | grep -q 'install ok installed' || fail "$package is not installed"
done

version="$(/usr/bin/avideo-live-doctor-nox --version | sed "s/^avideo-live-doctor-nox //")"
echo "installed: version $version"
QT_QPA_PLATFORM=offscreen /usr/bin/avideo-live-doctor --version | grep -qx "avideo-live-doctor $version" ||
  fail "the desktop program's --version differs from the headless one's ($version)"
man -w avideo-live-doctor-nox >/dev/null || fail "man avideo-live-doctor-nox is not found"
# The server package pulls in no display stack: not as a dependency, not in what its program loads.
nox_depends="$(dpkg-query -W -f='${Depends}' avideo-live-doctor-nox)"
if grep -Eq 'libqt6(gui|widgets|multimedia|charts)|libx11|libxcb|libegl|libgl1|libfontconfig|libgstreamer' <<<"$nox_depends"; then
  fail "avideo-live-doctor-nox depends on a display library: $nox_depends"
fi
cmake -DLDD="$(command -v ldd)" -DPROGRAM=/usr/bin/avideo-live-doctor-nox \
  -P tests/check_nox_window_free.cmake >"$work/ldd.log" 2>&1 ||
  { cat "$work/ldd.log"; fail "the installed avideo-live-doctor-nox loads a window library"; }
echo "installed avideo-live-doctor-nox loads $(ldd /usr/bin/avideo-live-doctor-nox | wc -l) shared objects, no display library"

free_port() { # a loopback port nobody answers on
  local port
  for _ in $(seq 100); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
  fail "no free loopback port"
}

# A unit's ExecStart (or ExecStartPre) as systemd would run it: its settings file's variables expanded, ${X}
# as one word and $X split on spaces, $$ as $.
unit_command() { # UNIT KEY SETTINGS_FILE
  local line
  line="$(sed -n "s/^$2=//p" "/lib/systemd/system/$1" | head -1)"
  [ -n "$line" ] || fail "$1 has no $2"
  (
    # KEY=VALUE lines as systemd's EnvironmentFile= reads them: the value is the rest of the line, spaces
    # and all (a shell would run it), quotes around it dropped.
    while IFS= read -r setting; do
      [[ $setting =~ ^([A-Za-z_][A-Za-z0-9_]*)=(.*)$ ]] || continue
      key="${BASH_REMATCH[1]}" value="${BASH_REMATCH[2]}"
      if [[ $value =~ ^\"(.*)\"$ || $value =~ ^\'(.*)\'$ ]]; then value="${BASH_REMATCH[1]}"; fi
      export "$key=$value"
    done <"$3"
    line="${line//\$\$/\$}"
    eval "printf '%s\n' $line"
  )
}

run_as_service() { # UNIT SETTINGS_FILE: starts the unit's command in the background as nobody
  local unit="$1" settings="$2" state="$work/state-$1"
  mkdir -p "$state" "$work/credentials-$1"
  chown nobody "$state"
  mapfile -t command < <(unit_command "$unit" ExecStart "$settings")
  setpriv --reuid=nobody --regid=nogroup --clear-groups env -i PATH=/usr/bin:/bin HOME="$state" \
    XDG_RUNTIME_DIR="$state" CREDENTIALS_DIRECTORY="$work/credentials-$1" \
    "${command[@]}" >"$work/$unit.log" 2>&1 &
  children+=($!)
}

stop_service() { # stops the last one started: SIGTERM, as systemctl stop does; it must end cleanly
  local pid="${children[-1]}" unit="$1" status=0
  kill -TERM "$pid"
  wait "$pid" || status=$?
  [ "$status" -eq 0 ] || { cat "$work/$unit.log"; fail "$unit's command ended with $status on SIGTERM"; }
}

# The stand-in: the installed settings file with a loopback address, the prefix as a credential.
port="$(free_port)"
sed -e "s|^AVLD_LISTEN=.*|AVLD_LISTEN=127.0.0.1:$port|" -e "s|^AVLD_SITE=.*|AVLD_SITE=http://127.0.0.1:9/|" \
  /etc/default/avideo-live-doctor-standin >"$work/standin.env"
credentials="$work/credentials-avideo-live-doctor-standin.service"
mkdir -p "$credentials"
# The unit's guard refuses to start with the shipped placeholder prefix, and lets a real one through.
mapfile -t guard < <(unit_command avideo-live-doctor-standin.service ExecStartPre "$work/standin.env")
cp /etc/avideo-live-doctor/standin-prefix "$credentials/standin-prefix"
if CREDENTIALS_DIRECTORY="$credentials" "${guard[@]}" 2>/dev/null; then
  fail "the stand-in unit would start with the shipped placeholder prefix"
fi
prefix="test$RANDOM$RANDOM"
echo "$prefix" >"$credentials/standin-prefix"
CREDENTIALS_DIRECTORY="$credentials" "${guard[@]}" || fail "the stand-in unit's guard refuses a real prefix"
chmod -R a+rX "$work"
run_as_service avideo-live-doctor-standin.service "$work/standin.env"
for _ in $(seq 50); do
  curl -fsS -o /dev/null "http://127.0.0.1:$port/$prefix/healthz" 2>/dev/null && break
  sleep 0.2
done
curl -fsS -o /dev/null "http://127.0.0.1:$port/$prefix/healthz" ||
  { cat "$work/avideo-live-doctor-standin.service.log"; fail "the installed stand-in does not answer /healthz"; }
metrics="$(curl -fsS "http://127.0.0.1:$port/$prefix/metrics")"
grep -q '^avld_' <<<"$metrics" || fail "the installed stand-in's /metrics has no avld_ figure"
stop_service avideo-live-doctor-standin.service
echo "stand-in service command: answered on 127.0.0.1:$port, stopped cleanly"

# The encoder watch: one dead encoder to watch, so it keeps running and reports it unreachable.
encoder_port="$(free_port)"
sed -e "s|^AVLD_SITE=.*|AVLD_SITE=http://127.0.0.1:9/|" \
  -e "s|^AVLD_ARGS=.*|AVLD_ARGS=--encoder http://127.0.0.1:$encoder_port/ --interval 5|" \
  /etc/default/avideo-live-doctor-encoders >"$work/encoders.env"
run_as_service avideo-live-doctor-encoders.service "$work/encoders.env"
for _ in $(seq 50); do
  grep -q 'is unreachable' "$work/avideo-live-doctor-encoders.service.log" 2>/dev/null && break
  sleep 0.2
done
grep -q 'is unreachable' "$work/avideo-live-doctor-encoders.service.log" ||
  { cat "$work/avideo-live-doctor-encoders.service.log"; fail "the installed encoder watch reported nothing"; }
stop_service avideo-live-doctor-encoders.service
echo "encoder watch service command: probed the dead encoder and said so, stopped cleanly"

# Removed and purged: nothing of theirs is left.
apt-get purge -y -qq "${packages[@]}" >/dev/null
for package in "${packages[@]}"; do
  ! dpkg-query -W -f='${Status}\n' "$package" 2>/dev/null | grep -q 'installed' || fail "$package is still installed"
done
left="$(ls -d /usr/bin/avideo-live-doctor* /etc/avideo-live-doctor /etc/default/avideo-live-doctor-* \
  /lib/systemd/system/avideo-live-doctor-* /usr/share/doc/avideo-live-doctor* \
  /usr/share/man/man1/avideo-live-doctor* 2>/dev/null || true)"
[ -z "$left" ] || fail "left behind after purge: $left"
echo "test-packages: installed, used and purged both packages"
