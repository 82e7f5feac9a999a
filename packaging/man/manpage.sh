#!/usr/bin/env bash
# Writes PROGRAM's man page (gzipped) from its own --help and each command's --help, so the page covers every
# command and cannot drift from the program. help2man formats the program's page; the commands' options are
# turned into roff here (help2man reads one --help only).
#
# Usage: manpage.sh PROGRAM OUTPUT.1.gz "one-line description" INCLUDE.h2m...
set -euo pipefail
program="$1" output="$2" description="$3"
shift 3
name="$(basename "$program")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The help names the user's data folder; the page says ~ instead of the home of whoever built it.
export HOME='~' LC_ALL=C.UTF-8 QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR="$work"

commands="$("$program" --help | awk '/^Commands/ { listing = 1; next } listing && /^  [a-z]/ { print $1 }')"
[ -n "$commands" ] || { echo "manpage: $program --help lists no command" >&2; exit 1; }

{
  echo "[COMMANDS]"
  for command in $commands; do
    "$program" "$command" --help | awk -v command="$command" -v name="$name" '
      function roff(text) {
        gsub(/\\/, "\\e", text)
        gsub(/-/, "\\-", text)
        sub(/^[.'"'"']/, "\\\\\\&&", text)
        gsub(/\//, "/\\:", text) # a break point after each slash: long paths and URLs can wrap
        return text
      }
      function flush_option() {
        if (term != "") { print ".TP"; print "\\fB" roff(term) "\\fR"; print roff(text) }
        term = ""; text = ""
      }
      NR == 1 { print ".SS \"" name " " command "\""; sub(/^Usage: /, ""); print ".B " roff($0); print ".PP"; next }
      /^(Options|Arguments):/ { flush_option(); listing = 1; if ($0 != "Options:") print ".PP\n" roff($0); next }
      !listing { if ($0 != "") print roff($0); next }
      /^  [^ ]/ {
        flush_option()
        line = substr($0, 3)
        split_at = match(line, /  +/)
        if (split_at) { term = substr(line, 1, split_at - 1); text = substr(line, split_at); sub(/^ +/, "", text) }
        else { term = line; text = "" }
        if (term ~ /^(-h, --help|--help-all)$/) { term = "" }
        previous = length($0)
        next
      }
      /^ +[^ ]/ {
        if (term != "") {
          # Qt breaks a word longer than the line at column 79: join such a piece without a space.
          joiner = (previous >= 79) ? "" : " "
          previous = length($0)
          sub(/^ +/, ""); text = text joiner $0
        }
        next
      }
      END { flush_option() }
    '
  done
} >"$work/commands.h2m"

includes=(--include="$work/commands.h2m")
for include in "$@"; do includes+=(--include="$include"); done
help2man --no-info --locale=C.UTF-8 --name="$description" "${includes[@]}" --output="$work/$name.1" "$program"
# help2man passes UTF-8 through; groff wants the dash as a glyph name.
sed -i 's/—/\\(em/g; s/–/\\(en/g; s/…/.../g; s/’/'"'"'/g; s/×/\\(mu/g; s/≥/\\(>=/g; s/≤/\\(<=/g; s/→/\\(->/g' "$work/$name.1"
gzip -9n <"$work/$name.1" >"$output"
