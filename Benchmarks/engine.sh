#!/usr/bin/env bash
# Load, validate and score times and peak memory for generated questionnaires of growing size.
# Beside them, the peer: libyaml's own parser reading the same text to its last event, building
# nothing (libyaml_ms), the floor under load for a loader on libyaml; x_libyaml is the total over it.
# Goal: load + validate + score under 200 ms at 10,000 items, growing linearly: the ratio column is
# the total's growth over the previous size's, which is the sizes' own ratio (10) when linear.
# Usage: Benchmarks/engine.sh [SIZES...]   (default: 1000 10000 100000)
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product intake-engine-benchmark 2>&1 | grep -E "error|warning" && exit 1 || true
bin="$(swift build -c release --show-bin-path)/intake-engine-benchmark"
sizes=("${@:-1000 10000 100000}")
read -r -a sizes <<<"${sizes[*]}"
printf '%8s %8s %11s %9s %12s %9s %9s %10s %7s %9s\n' items yaml_kb libyaml_ms load_ms validate_ms score_ms total_ms x_libyaml ratio peak_mb
previous=""
for n in "${sizes[@]}"; do
  line="$("$bin" "$n" 5)"
  python3 -c '
import json, sys
r = json.loads(sys.argv[1])
previous = json.loads(sys.argv[2]) if sys.argv[2] else None
ratio = "%7.1f" % (r["total_ms"] / previous["total_ms"]) if previous else "%7s" % "-"
print("%8d %8d %11.1f %9.1f %12.1f %9.1f %9.1f %10.1f %s %9.1f" % (r["items"], r["yaml_kb"], r["libyaml_ms"], r["load_ms"], r["validate_ms"], r["score_ms"], r["total_ms"], r["total_ms"] / r["libyaml_ms"], ratio, r["peak_mb"]))' "$line" "$previous"
  previous="$line"
done
