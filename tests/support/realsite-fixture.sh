#!/bin/sh
# The ctest fixture `realsite`: starts the real AVideo (avld-real-avideo) in the background for the whole test
# run, and stops it at the end.
#   realsite-fixture.sh start INFO PIDFILE LOGDIR TOOL [ARCHIVE]
#   realsite-fixture.sh stop  INFO PIDFILE LOGDIR
# start waits up to 150 s for INFO. When the site cannot start, it prints the tool's log, leaves the reason
# in INFO.failed (the tests show it) and fails. When the archive or a package is missing, it fails under
# CI=true and otherwise passes with a note (the tests then skip, saying why).
set -u

# "{ppid}" in a path stands for ctest's PID ($PPID here, getppid() in the tests): two ctest runs in one
# build directory (several people, one machine) then each have their own site.
action=${1:-}
info=$(printf '%s' "${2:-}" | sed "s/{ppid}/$PPID/g")
pidfile=$(printf '%s' "${3:-}" | sed "s/{ppid}/$PPID/g")
logdir=$(printf '%s' "${4:-}" | sed "s/{ppid}/$PPID/g")
tool=${5:-}
run_pattern=${2:-}
archive=${AVLD_AVIDEO_ARCHIVE:-${6:-}}
start_timeout=150

usage() {
    echo "usage: $0 start INFO PIDFILE LOGDIR TOOL [ARCHIVE] | stop INFO PIDFILE LOGDIR" >&2
    exit 64
}

# Running, and not a zombie (where nobody reaps orphans, a killed process stays one).
alive() {
    [ -n "$1" ] && kill -0 "$1" 2>/dev/null || return 1
    state=$(sed 's/.*) \(.\).*/\1/' "/proc/$1/stat" 2>/dev/null)
    [ "$state" != Z ] && [ "$state" != X ]
}

# Processes whose command line names DIR: anything of the site still running.
leftovers() {
    [ -n "$1" ] || return 0
    for cmdline in /proc/[0-9]*/cmdline; do
        pid=${cmdline#/proc/}
        pid=${pid%/cmdline}
        [ "$pid" = "$$" ] && continue
        if grep -qsF -- "$1" "$cmdline"; then
            echo "$pid"
        fi
    done
}

# Run directories of earlier ctest runs that are gone (their site stopped with them).
remove_old_runs() {
    case "$run_pattern" in
    */ctest-"{ppid}"/*) ;;
    *) return 0 ;;
    esac
    root=$(dirname "$(dirname "$run_pattern")")
    for dir in "$root"/ctest-*; do
        [ -d "$dir" ] || continue
        owner=${dir##*/ctest-}
        [ "$owner" = "$PPID" ] && continue
        alive "$owner" || rm -rf "$dir"
    done
}

start() {
    [ -n "$tool" ] || usage
    remove_old_runs
    rm -f "$info" "$info.failed" "$info.tmp"
    rm -rf "$logdir"
    mkdir -p "$logdir" "$(dirname "$info")"

    status=0
    "$tool" --check --archive "$archive" >"$logdir/check.log" 2>&1 || status=$?
    if [ "$status" -ne 0 ]; then
        cat "$logdir/check.log"
        if [ "$status" -eq 3 ]; then
            { echo "this machine lacks what it needs:"; cat "$logdir/check.log"; } >"$info.failed"
            if [ "${CI:-}" = "true" ]; then
                echo "realsite: FAILED (CI=true): the real AVideo cannot run here"
                exit 1
            fi
            echo "realsite: not started; the realsite tests will skip (under CI=true this fails)"
            exit 0
        fi
        echo "avld-real-avideo --check failed (exit $status)" >"$info.failed"
        exit 1
    fi

    # Detached from ctest's pipes (ctest would wait for them); it stops by itself when ctest ($PPID) is gone.
    setsid "$tool" --info "$info" --log-dir "$logdir" --archive "$archive" --watch-pid "$PPID" \
        </dev/null >"$logdir/tool.log" 2>&1 &
    pid=$!
    echo "$pid" >"$pidfile"

    waited=0
    while [ "$waited" -lt $((start_timeout * 10)) ]; do
        if [ -f "$info" ]; then
            cat "$logdir/tool.log"
            exit 0
        fi
        if ! alive "$pid"; then
            echo "realsite: avld-real-avideo stopped before the site was ready:"
            cat "$logdir/tool.log"
            tail -c 2000 "$logdir/tool.log" >"$info.failed"
            rm -f "$pidfile"
            exit 1
        fi
        sleep 0.1
        waited=$((waited + 1))
    done
    echo "realsite: the site was not ready after $start_timeout s:"
    cat "$logdir/tool.log"
    echo "not ready after $start_timeout s; see $logdir" >"$info.failed"
    stop_site
    exit 1
}

# Stops the tool (SIGTERM, then SIGKILL after 30 s) and checks that nothing of the site is left.
stop_site() {
    tempdir=""
    if [ -f "$info" ]; then
        tempdir=$(sed -n 's/^ *"tempDir": "\(.*\)",\{0,1\}$/\1/p' "$info")
    fi
    pid=$(cat "$pidfile" 2>/dev/null || true)
    if alive "$pid"; then
        kill -TERM "$pid"
        waited=0
        while alive "$pid" && [ "$waited" -lt 300 ]; do
            sleep 0.1
            waited=$((waited + 1))
        done
        if alive "$pid"; then
            echo "realsite: avld-real-avideo did not stop in 30 s; killing it"
            kill -KILL "$pid"
            sleep 1
        fi
    fi
    rm -f "$pidfile" "$info" "$info.tmp"
    status=0
    case "$tempdir" in
    /*/avld-realsite-*)
        left=$(leftovers "$tempdir")
        if [ -n "$left" ]; then
            echo "realsite: processes left behind:"
            for p in $left; do
                echo "  $p: $( (tr '\0' ' ' <"/proc/$p/cmdline") 2>/dev/null)"
                kill -KILL "$p" 2>/dev/null
            done
            status=1
        fi
        if [ -d "$tempdir" ]; then
            echo "realsite: $tempdir was left behind; removing it"
            rm -rf "$tempdir"
        fi
        ;;
    esac
    [ -f "$logdir/tool.log" ] && tail -n 3 "$logdir/tool.log"
    return "$status"
}

case "$action" in
start) start ;;
stop)
    stop_site
    exit $?
    ;;
*) usage ;;
esac
