#!/usr/bin/env bash
# bash completion: commands, a command's options, file names after an option that takes a <file>, the
# formats after --format; nothing offered after an option that takes a URL.
# Usage: check_completion.sh PROGRAM COMPLETION_FILE
set -uo pipefail
program="$1"
# shellcheck source=/dev/null
source "$2"
export QT_QPA_PLATFORM=offscreen
failed=0
complete_words() { # WORDS...: what TAB offers after them (the last word is the one being completed)
  COMP_WORDS=("$program" "$@")
  COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
  COMPREPLY=()
  _avideo_live_doctor
  printf '%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' ' | sed 's/ $//'
}
expect() { # EXPECTED WORDS...
  local expected="$1"
  shift
  local got
  got="$(complete_words "$@")"
  [ "$got" = "$expected" ] || { echo "FAIL: [$*] offers '$got', expected '$expected'"; failed=1; }
}
files="$(mktemp -d)"
trap 'rm -rf "$files"' EXIT
touch "$files/report.html" "$files/report.pdf"

expect "check clear-cache" c
expect "diagnose" di
expect "--site --stat" check --s
expect "--version" --v
expect "webp" grab --format w
expect "" check --site ""
expect "$files/report.html $files/report.pdf" grab -o "$files/rep"
all_commands="$(complete_words "")"
for command in grab check diagnose clear-cache encoders serve standin-url verify-standin; do
  grep -qw -- "$command" <<<"$all_commands" || { echo "FAIL: '$command' is not offered"; failed=1; }
done
[ "$failed" = 0 ] && echo "completion: commands, options, files and formats"
exit "$failed"
