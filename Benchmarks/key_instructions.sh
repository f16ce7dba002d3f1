#!/usr/bin/env bash
# Instructions per arrow key and to the first screen, intake beside dialog(1), counted by
# valgrind's callgrind (repeatable, unlike wall time on a shared machine). Builds the stripped
# static binary as frontend.sh does. Needs valgrind and dialog (apt-get install valgrind dialog).
# Usage: Benchmarks/key_instructions.sh [KEYS]
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in valgrind callgrind_annotate dialog; do
  command -v "$tool" >/dev/null || { echo "key_instructions.sh: $tool is missing (apt-get install valgrind dialog)" >&2; exit 69; }
done
flags=(-c release --static-swift-stdlib --scratch-path .build-release-static -Xswiftc -Xclang-linker -Xswiftc -no-pie)
swift build "${flags[@]}" --product intake 2>&1 | grep -E "error:" && exit 1 || true
bin="$(swift build "${flags[@]}" --show-bin-path)/intake"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
strip -o "$work/intake" "$bin"
python3 Benchmarks/key_instructions.py "$work/intake" "$work/answers" "${1:-100}"
