#!/usr/bin/env bash
# Pasting into a free-text answer: intake's full-screen form next to dialog's input box, in one
# run, through a pseudo-terminal (release build), for pastes of 1,000 and 10,000 characters.
# Needs python3 and dialog (`apt-get install dialog`). Usage: Benchmarks/paste.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
command -v dialog >/dev/null || { echo "paste.sh: dialog is not installed (apt-get install dialog)" >&2; exit 69; }
swift build -c release --product intake 2>&1 | grep -E "error:" && exit 1 || true
bin="$(swift build -c release --show-bin-path)/intake"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 Benchmarks/paste_vs_dialog.py "$bin" "$work" "${1:-5}"
