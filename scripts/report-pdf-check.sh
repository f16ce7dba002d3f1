#!/usr/bin/env bash
# Renders a report's HTML to an A4 PDF with headless Chromium, then every page to a PNG, so the
# printed report can be looked at: page breaks, long words, type size. Not run in CI.
#
# Usage: scripts/report-pdf-check.sh [ANSWERS_FILE [LANG [OUT_DIR]]]
#   ANSWERS_FILE  an answers file (default: the first golden-test persona)
#   LANG          nl or en (default: nl)
#   OUT_DIR       where report.html, report.pdf and page-N.png go (default: a new temporary folder)
# Needs Debian's chromium and poppler-utils: sudo apt-get install -y chromium poppler-utils
set -euo pipefail
cd "$(dirname "$0")/.."

answers="${1:-Tests/IntakeCoreTests/Fixtures/report/answers/20261125-120000-e0f002.json}"
lang="${2:-nl}"
out="${3:-$(mktemp -d -t intake-report-pdf.XXXXXX)}"
mkdir -p "$out"

for tool in chromium pdftoppm pdfinfo; do
  command -v "$tool" >/dev/null || {
    echo "report-pdf-check: '$tool' is missing; sudo apt-get install -y chromium poppler-utils" >&2
    exit 69
  }
done

scratch="${INTAKE_SCRATCH:-.build-report}"
swift build --scratch-path "$scratch" --product intake 2>&1 | grep -E "error|warning:" && exit 1 || true
intake="$(swift build --scratch-path "$scratch" --show-bin-path)/intake"

# Answers to the every-feature test questionnaire are not built in; name its file.
questionnaire=()
if grep -q '"questionnaire_id" *: *"every-feature"' "$answers"; then
  questionnaire=(--questionnaire Tests/IntakeCoreTests/Fixtures/every-feature.yaml)
fi
"$intake" report "$answers" --format html --lang "$lang" "${questionnaire[@]}" -o "$out/report.html"

# A throw-away profile keeps Chromium away from the user's own; no network is needed or used.
profile="$(mktemp -d -t intake-chromium.XXXXXX)"
trap 'rm -rf "$profile"' EXIT
chromium --headless --no-sandbox --disable-gpu --no-first-run --user-data-dir="$profile" \
  --no-pdf-header-footer --print-to-pdf="$out/report.pdf" "file://$(realpath "$out/report.html")" \
  >/dev/null 2>&1

rm -f "$out"/page-*.png
pdftoppm -png -r 70 "$out/report.pdf" "$out/page"
pdfinfo "$out/report.pdf" | grep -E "^(Pages|Page size):"
ls "$out"/page-*.png
