#!/usr/bin/env bash
# intake's full-screen form next to dialog(1): time to the first full screen and bytes written
# per arrow key, through a pseudo-terminal (release build). Needs python3 and dialog
# (`apt-get install dialog`). Usage: Benchmarks/frontend.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
command -v dialog >/dev/null || { echo "frontend.sh: dialog is not installed (apt-get install dialog)" >&2; exit 69; }
# Built as it would ship: the Swift runtime linked in (no shared-library loading at start) and
# not position-independent (no relocations to apply), in a build folder of its own.
flags=(-c release --static-swift-stdlib --scratch-path .build-release-static -Xswiftc -Xclang-linker -Xswiftc -no-pie)
swift build "${flags[@]}" --product intake 2>&1 | grep -E "error:" && exit 1 || true
bin="$(swift build "${flags[@]}" --show-bin-path)/intake"
data="$(mktemp -d)"
trap 'rm -rf "$data"' EXIT
python3 Benchmarks/frontend_vs_dialog.py "$bin" "$data/answers" "${1:-40}"
