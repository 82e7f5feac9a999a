#!/usr/bin/env bash
# The man page covers every command of the program and every option of each command, and man reads it
# without a warning.
# Usage: check_manpage.sh PROGRAM PAGE.1.gz
set -euo pipefail
program="$1" page="$2"
name="$(basename "$program")"
text="$(zcat "$page")"
export QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-$(mktemp -d)}"
failed=0
commands="$("$program" --help | awk '/^Commands/ { listing = 1; next } listing && /^  [a-z]/ { print $1 }')"
[ -n "$commands" ] || { echo "FAIL: $program --help lists no command"; exit 1; }
for command in $commands; do
  grep -qF ".SS \"$name $command\"" <<<"$text" || { echo "FAIL: no section for '$command'"; failed=1; continue; }
  for option in $("$program" "$command" --help | awk '/^  -/ { term = substr($0, 3); sub(/  .*/, "", term);
      while (match(term, /--[a-z0-9-]+/)) { print substr(term, RSTART, RLENGTH); term = substr(term, RSTART + RLENGTH) } }'); do
    case "$option" in --help | --help-all) continue ;; esac
    grep '^\\fB' <<<"$text" | grep -qF -- "${option//-/\\-}" || { echo "FAIL: '$command $option' is not in the page"; failed=1; }
  done
done
warnings="$(LC_ALL=C.UTF-8 man --warnings -E UTF-8 -l -Tutf8 -Z "$page" 2>&1 >/dev/null || true)"
[ -z "$warnings" ] || { echo "FAIL: man warns: $warnings"; failed=1; }
[ "$failed" = 0 ] && echo "man page: $(wc -w <<<"$commands") commands and their options, no warning"
exit "$failed"
