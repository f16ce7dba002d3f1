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
swift build -c release --product intake-engine-benchmark 2>&1 | grep -E "error:" && exit 1 || true
generator="$(swift build -c release --show-bin-path)/intake-engine-benchmark"
venv=.build/questionary-venv
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import questionary" 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q questionary
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$generator" --yaml 10000 >"$work/large.yaml"
# Measured as handed out (README): scripts/release-build.sh links the runtimes in and strips the
# symbols and debug information, half the file and never read at run time.
stripped="$work/intake"
bin="$(scripts/release-build.sh "$stripped")"
echo "binary: $(stat -c %s "$stripped") bytes as handed out, stripped ($(stat -c %s "$bin") with symbols; goal under 25 MB)"
python3 Benchmarks/frontend_vs_dialog.py "$stripped" "$work/answers" "${1:-40}" "$venv/bin/python" "$work/large.yaml"
