#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz (clang, AddressSanitizer + UBSan) into build-fuzz/ and runs them
# one after another, each from a copy of its seed corpus (tests/fuzz/corpus/NAME) with its dictionary.
#   scripts/fuzz.sh [--seconds N] [--target NAME] [--short]
#     --seconds N   fuzzing time per target (default 600)
#     --short       10 s per target, for CI
#     --target NAME only fuzz_NAME (e.g. hlsplaylist)
# Prints executions, coverage and findings per target; exits non-zero when any target crashes, leaks, times
# out on an input or does not run. Findings and logs stay in build-fuzz/work/NAME/ (AVLD_FUZZ_BUILD_DIR
# names another build directory).
set -euo pipefail

# The last value of a "stat::NAME: value" line or of "NAME: value" in libFuzzer's last status line.
stat_of() { sed -n "s/^stat::$1: *\([0-9]*\).*/\1/p" "$2" | tail -n 1; }
status_of() { grep -E '^#[0-9]+' "$2" | tail -n 1 | sed -n "s/.* $1: \([0-9]*\).*/\1/p"; }

# All in a function, so that bash has read the whole script before it runs: editing it (a checkout) during
# a long run cannot change what the run does.
main() {
  local script
  script=$(realpath "$0")
  cd "$(dirname "$script")/.."

  seconds=600
  only=""
  while [ $# -gt 0 ]; do
    case "$1" in
      --seconds) seconds="${2:-}"; shift 2 ;;
      --short) seconds=10; shift ;;
      --target) only="${2:-}"; shift 2 ;;
      -h|--help) sed -n '2,10p' "$script" | sed 's/^# \{0,1\}//'; exit 0 ;;
      *) echo "fuzz: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
  done
  if ! [[ "$seconds" =~ ^[0-9]+$ ]] || [ "$seconds" -lt 1 ]; then
    echo "fuzz: --seconds needs a whole number of seconds" >&2
    exit 2
  fi

  targets=()
  for source in tests/fuzz/fuzz_*.cpp; do
    name=$(basename "$source" .cpp)
    targets+=("${name#fuzz_}")
  done
  if [ -n "$only" ]; then
    if [[ ! " ${targets[*]} " == *" $only "* ]]; then
      echo "fuzz: no target '$only'; there are: ${targets[*]}" >&2
      exit 2
    fi
    targets=("$only")
  fi

  build=${AVLD_FUZZ_BUILD_DIR:-build-fuzz}
  echo "fuzz: building ${#targets[@]} target(s) in $build/"
  mkdir -p "$build"
  nice -n 10 cmake -S . -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DAVLD_FUZZ=ON -DAVLD_WERROR=ON \
    >"$build/configure.log" 2>&1 || { cat "$build/configure.log" >&2; exit 1; }
  nice -n 10 cmake --build "$build" --target "${targets[@]/#/fuzz_}"

  # Sanitizer findings end the run; Qt's own warnings about odd input are not findings and only slow it down.
  export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
  export ASAN_OPTIONS="detect_leaks=1"
  if ! command -v llvm-symbolizer >/dev/null && command -v llvm-symbolizer-14 >/dev/null; then
    export ASAN_SYMBOLIZER_PATH="$(command -v llvm-symbolizer-14)"
  fi
  export QT_LOGGING_RULES="*.warning=false"

  failed=0
  rows=()
  for name in "${targets[@]}"; do
    work="$build/work/$name"
    rm -rf "$work"
    mkdir -p "$work/corpus" "$work/artifacts"
    if [ -d "tests/fuzz/corpus/$name" ]; then
      cp tests/fuzz/corpus/"$name"/* "$work/corpus/"
    fi
    dict=()
    if [ -f "tests/fuzz/dictionaries/$name.dict" ]; then
      dict=("-dict=tests/fuzz/dictionaries/$name.dict")
    fi
    echo "fuzz: $name for ${seconds} s"
    status=0
    # -timeout: one input taking 10 s is a finding (a parser of remote input must not hang); the outer timeout
    # only catches a fuzzer that does not stop.
    nice -n 19 timeout --signal=KILL $((seconds + 120)) "$build/tests/fuzz/fuzz_$name" \
      -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
      -artifact_prefix="$work/artifacts/" "${dict[@]}" "$work/corpus" >"$work/fuzz.log" 2>&1 || status=$?

    log="$work/fuzz.log"
    findings=$(find "$work/artifacts" -type f \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' \
      -o -name 'oom-*' \) | wc -l)
    result=ok
    if [ "$status" -ne 0 ] || [ "$findings" -ne 0 ]; then
      if grep -q 'ERROR: LeakSanitizer' "$log"; then result=leak
      elif grep -q 'ALARM: working on the last Unit' "$log"; then result=timeout
      elif grep -q 'out-of-memory' "$log"; then result=out-of-memory
      elif grep -qE 'ERROR: AddressSanitizer|runtime error:|deadly signal' "$log"; then result=crash
      elif [ "$status" -eq 137 ]; then result=hung
      else result="exit-$status"
      fi
      # libFuzzer times an input by the wall clock, so on a busy shared machine a fuzzer starved of CPU "times
      # out" on an ordinary input. A timeout counts only when the input, replayed alone, times out again.
      unit=$(find "$work/artifacts" -name 'timeout-*' | head -n 1)
      if [ "$result" = timeout ] && [ -n "$unit" ] &&
        nice -n 19 "$build/tests/fuzz/fuzz_$name" -timeout=10 "$unit" >"$work/replay.log" 2>&1; then
        result="stopped early: a timeout that did not replay (machine busy)"
        findings=0
      else
        failed=1
        echo "fuzz: $name: $result; log $log, inputs in $work/artifacts/" >&2
        grep -E 'ERROR:|runtime error:|SUMMARY:|ALARM:' "$log" | head -n 5 >&2 || true
      fi
    fi
    rows+=("$(printf '%-16s %12s %8s %6s %7s %7s %8s  %s' "$name" "$(stat_of number_of_executed_units "$log")" \
      "$(stat_of average_exec_per_sec "$log")" "$(status_of cov "$log")" "$(status_of ft "$log")" \
      "$(status_of corp "$log")" "$findings" "$result")")
  done

  echo
  # corpus: the inputs libFuzzer holds at the end (seeds included); cov and ft from its last status line.
  {
    printf '%-16s %12s %8s %6s %7s %7s %8s  %s\n' target executions exec/s cov ft corpus findings result
    printf '%s\n' "${rows[@]}"
  } | tee "$build/work/summary.txt"
  exit "$failed"
}

main "$@"
