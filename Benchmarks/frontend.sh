#!/usr/bin/env bash
# intake's full-screen form next to dialog(1) and questionary (Python's prompt_toolkit prompts):
# time to the first full screen, bytes and time per arrow key, and key to screen on a generated
# 10,000-item questionnaire (against dialog's menu of 10,000 entries), through a pseudo-terminal
# (release build). Prints the binary's size too. Needs python3 with venv, and dialog
# (`apt-get install dialog`); questionary is installed from PyPI into .build/questionary-venv.
# Usage: Benchmarks/frontend.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
command -v dialog >/dev/null || { echo "frontend.sh: dialog is not installed (apt-get install dialog)" >&2; exit 69; }
# Built as it would ship: the Swift runtime linked in (no shared-library loading at start) and
# not position-independent (no relocations to apply), in a build folder of its own.
flags=(-c release --static-swift-stdlib --scratch-path .build-release-static -Xswiftc -Xclang-linker -Xswiftc -no-pie)
swift build "${flags[@]}" --product intake 2>&1 | grep -E "error:" && exit 1 || true
swift build -c release --product intake-engine-benchmark 2>&1 | grep -E "error:" && exit 1 || true
bin="$(swift build "${flags[@]}" --show-bin-path)/intake"
generator="$(swift build -c release --show-bin-path)/intake-engine-benchmark"
venv=.build/questionary-venv
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import questionary" 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q questionary
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$generator" --yaml 10000 >"$work/large.yaml"
# Handed out stripped (README): the symbols and debug information are half the file and are
# never read at run time. The stripped binary is the one measured.
stripped="$work/intake"
strip -o "$stripped" "$bin"
echo "binary: $(stat -c %s "$stripped") bytes as handed out, stripped ($(stat -c %s "$bin") with symbols; goal under 25 MB)"
python3 Benchmarks/frontend_vs_dialog.py "$stripped" "$work/answers" "${1:-40}" "$venv/bin/python" "$work/large.yaml"
