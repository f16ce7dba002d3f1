#!/usr/bin/env bash
# Whole-process time of `intake report FILE` (start, load the built-in questionnaire, read the
# answers and the earlier assessment they follow up, build, render, write), per format, release
# build. Goal: median under 30 ms for the report on standard output. Writing with --output adds
# an atomic, fsync'ed 0600 write, whose time depends on the disk; it is shown on its own line.
# The PDF (when WeasyPrint is installed) is timed beside its peer, WeasyPrint printing the same
# HTML on its own: the difference is what intake adds (building the report, the scratch folder,
# the attachment, the atomic write). Fewer runs: each takes seconds.
# Usage: Benchmarks/report.sh [RUNS]   (default 50; uses hyperfine when installed, else a loop)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-50}"
scratch="${INTAKE_SCRATCH:-.build-report}"
swift build -c release --scratch-path "$scratch" --product intake 2>&1 | grep -E "error|warning:" && exit 1 || true
intake="$(swift build -c release --scratch-path "$scratch" --show-bin-path)/intake"

# A follow-up persona: the earlier answers are read and compared too.
answers="Tests/IntakeCoreTests/Fixtures/report/answers/20261123-200000-b0b002.json"
out="$(mktemp -d -t intake-report-bench.XXXXXX)"
trap 'rm -rf "$out"' EXIT

cases=(
  "text|report $answers"
  "markdown|report $answers --format markdown"
  "html|report $answers --format html"
  "json|report $answers --format json"
  "text --output|report $answers --output $out/report.txt"
)
echo "intake report $(basename "$answers"): whole process, $runs runs each, release build"
echo "(load average: $(cut -d' ' -f1-3 /proc/loadavg))"
measure() {
  local name="$1" runs="$2" warmup="$3"
  shift 3
  if command -v hyperfine >/dev/null; then
    hyperfine --style none --shell none --output null --warmup "$warmup" --runs "$runs" \
      --export-json "$out/result.json" "$*" >/dev/null
  else
    python3 - "$out/result.json" "$runs" "$warmup" "$@" <<'PY'
import json, subprocess, sys, time
path, runs, warmup, command = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4:]
for _ in range(warmup):
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
times = []
for _ in range(runs):
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    times.append(time.perf_counter() - start)
times.sort()
json.dump({"results": [{"times": times, "median": times[len(times) // 2]}]}, open(path, "w"))
PY
  fi
  python3 - "$out/result.json" "$name" <<'PY'
import json, sys
result = json.load(open(sys.argv[1]))["results"][0]
times = sorted(t * 1000 for t in result["times"])
median = result["median"] * 1000
p90 = times[max(0, int(len(times) * 0.9) - 1)]
name = sys.argv[2]
goal = "" if ("--output" in name or "pdf" in name) else ("   goal < 30 ms: " + ("met" if median < 30 else "NOT met"))
print("%-22s median %7.1f ms   min %7.1f ms   p90 %7.1f ms%s" % (name, median, times[0], p90, goal))
PY
}

for entry in "${cases[@]}"; do
  name="${entry%%|*}"
  arguments="${entry#*|}"
  # shellcheck disable=SC2086
  measure "$name" "$runs" 5 "$intake" $arguments
done

if command -v weasyprint >/dev/null; then
  pdf_runs=$(( runs < 5 ? runs : 5 ))
  "$intake" report "$answers" --format html --output "$out/report.html"
  measure "pdf (intake)" "$pdf_runs" 1 "$intake" report "$answers" --format pdf \
    --output "$out/report.pdf"
  measure "pdf (WeasyPrint alone)" "$pdf_runs" 1 weasyprint --quiet --pdf-variant pdf/ua-1 \
    "$out/report.html" "$out/peer.pdf"
else
  echo "pdf: WeasyPrint is not installed (sudo apt-get install weasyprint); not timed"
fi
