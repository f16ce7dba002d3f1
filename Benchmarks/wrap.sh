#!/usr/bin/env bash
# Wrapping one long unbroken word: `intake report` (text) of an answers file whose text answer is
# a single word of N characters, beside coreutils `fold -w 76` on the same word (a linear peer).
# Goal: linear — doubling N about doubles the time (ratio ≈ 2); it was quadratic (14 s at 200,000
# characters, 60 s at 400,000).
# Usage: Benchmarks/wrap.sh [SIZES...]   (default: 50000 100000 200000 400000)
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product intake 2>&1 | grep -E "error|warning" && exit 1 || true
bin="$(swift build -c release --show-bin-path)/intake"
sizes=("${@:-50000 100000 200000 400000}")
read -r -a sizes <<<"${sizes[*]}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
answers=Tests/IntakeCoreTests/Fixtures/report/answers/20261125-083000-c0c001.json

ms() { # milliseconds taken by the command
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null
  end=$(date +%s%N)
  echo $(((end - start) / 1000000))
}

printf '%9s %12s %7s %9s\n' chars report_ms ratio fold_ms
previous=""
for n in "${sizes[@]}"; do
  python3 - "$answers" "$work/a.json" "$work/word.txt" "$n" <<'PY'
import json, sys
source, target, word, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
record = json.load(open(source))
text = "x" * n
record["answers"]["cond_other"] = {"answered_at": "2026-11-25T08:52:00.000Z", "value": {"text": text}}
json.dump(record, open(target, "w"))
open(word, "w").write(text + "\n")
PY
  report=$(ms "$bin" report "$work/a.json")
  fold=$(ms fold -w 76 "$work/word.txt")
  ratio="–"
  [ -n "$previous" ] && ratio=$(python3 -c "print('%.2f' % ($report / max(1, $previous)))")
  printf '%9d %12d %7s %9d\n' "$n" "$report" "$ratio" "$fold"
  previous=$report
done
