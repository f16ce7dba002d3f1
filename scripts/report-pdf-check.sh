#!/usr/bin/env bash
# Makes a report's PDF the way `intake report --format pdf` does (WeasyPrint, A4), then turns every
# page into a PNG, so the printed report can be looked at: page breaks, what page one holds, long
# words, type size. Prints the page count and where the PNGs are. Not run in CI.
#
# Usage: scripts/report-pdf-check.sh [ANSWERS_FILE [LANG [OUT_DIR]]]
#   ANSWERS_FILE  an answers file (default: Daan, the test persona of the report issue)
#   LANG          nl or en (default: nl)
#   OUT_DIR       where report.pdf and page-N.png go (default: a new temporary folder)
# Needs WeasyPrint and poppler-utils: sudo apt-get install -y weasyprint poppler-utils
set -euo pipefail
cd "$(dirname "$0")/.."

answers="${1:-Tests/IntakeCoreTests/Fixtures/report/answers/20261124-193000-d0d001.json}"
lang="${2:-nl}"
out="${3:-$(mktemp -d -t intake-report-pdf.XXXXXX)}"
mkdir -p "$out"

for tool in weasyprint pdftoppm pdfinfo; do
  command -v "$tool" >/dev/null || {
    echo "report-pdf-check: '$tool' is missing; sudo apt-get install -y weasyprint poppler-utils" >&2
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
"$intake" report "$answers" --format pdf --lang "$lang" "${questionnaire[@]}" -o "$out/report.pdf"

rm -f "$out"/page-*.png
pdftoppm -png -r 60 "$out/report.pdf" "$out/page"
pdfinfo "$out/report.pdf" | grep -E "^(Pages|Page size|Tagged):"
ls "$out"/page-*.png
