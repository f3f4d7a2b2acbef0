#!/usr/bin/env bash
# Compile time of the umbrella header <eldercare/eldercare.hpp>: a translation unit that includes it
# is compiled 5 times syntax-only with warnings as errors, and 5 times to an object file at -O2; the
# script prints each wall-clock time and the median. Any warning fails the run (-Werror).
#
# Usage: bash benchmarks/compile_time.sh [runs]     (CXX=clang++ to measure another compiler)
# Record the figures, with the machine facts printed first, in benchmarks/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/.."

cxx=${CXX:-g++}
runs=${1:-5}
warnings=(-std=c++20 -Wall -Wextra -Wpedantic -Werror)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

printf '#include <eldercare/eldercare.hpp>\nint main() { return 0; }\n' >"$work/umbrella.cpp"

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
echo "compiler: $($cxx --version | head -n1)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine slows the runs)"
echo "source: $(git rev-parse --short HEAD 2>/dev/null || echo unknown), $(find include/eldercare -name '*.hpp' | wc -l) headers, $(find include/eldercare -name '*.hpp' -exec cat {} + | wc -l) lines"

# Runs "$@" `runs` times under bash's `time`; prints the wall-clock times and their median (s).
TIMEFORMAT=%R
measure() {
  local label=$1
  shift
  local times=()
  for ((i = 0; i < runs; ++i)); do
    if ! { time "$@" 2>"$work/stderr"; } 2>"$work/time"; then
      cat "$work/stderr" >&2
      echo "compile failed: $*" >&2
      exit 1
    fi
    times+=("$(cat "$work/time")")
  done
  local median
  median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(((runs + 1) / 2))p")
  printf '%-28s %s  median %s s\n' "$label" "${times[*]}" "$median"
}

measure "syntax only (-fsyntax-only)" \
  "$cxx" "${warnings[@]}" -Iinclude -fsyntax-only "$work/umbrella.cpp"
measure "object file (-c -O2)" \
  "$cxx" "${warnings[@]}" -Iinclude -O2 -c "$work/umbrella.cpp" -o "$work/umbrella.o"
