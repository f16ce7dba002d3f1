#!/usr/bin/env bash
# Writes scripts/hot-functions.txt: the functions intake runs to its first screen and on arrow
# keys, keys first, for scripts/release-build.sh to place side by side (see
# Benchmarks/hot_functions.py for why). Run it again after a change to the form, the terminal
# adapter or start-up; a stale list only costs speed (names no longer in the binary are skipped,
# new functions are placed as the linker would anyway). Needs valgrind (apt-get install valgrind).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "hot-functions.sh: valgrind is missing (apt-get install valgrind)" >&2; exit 69; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# The unstripped binary: callgrind needs the symbols to name the functions.
bin="$(scripts/release-build.sh "$work/intake")"
python3 Benchmarks/hot_functions.py "$bin" "$work/answers" scripts/hot-functions.txt "${1:-100}"
