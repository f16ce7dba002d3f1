#!/usr/bin/env bash
# Instructions per arrow key and to the first screen, intake beside dialog(1), counted by
# valgrind's callgrind (repeatable, unlike wall time on a shared machine); then the code an arrow
# key runs, in cache lines and pages (key_footprint.py). Measures the binary
# scripts/release-build.sh makes, as frontend.sh does. Needs valgrind and dialog
# (apt-get install valgrind dialog).
# Usage: Benchmarks/key_instructions.sh [KEYS]
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in valgrind callgrind_annotate dialog; do
  command -v "$tool" >/dev/null || { echo "key_instructions.sh: $tool is missing (apt-get install valgrind dialog)" >&2; exit 69; }
done
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
scripts/release-build.sh "$work/intake" >/dev/null
python3 Benchmarks/key_instructions.py "$work/intake" "$work/answers" "${1:-100}"
python3 Benchmarks/key_footprint.py "$work/intake" "$work/footprint-answers"
