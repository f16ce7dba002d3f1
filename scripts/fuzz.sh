#!/usr/bin/env bash
# Fuzzes intake's questionnaire loader and answers decoder with libFuzzer (compiler-rt, shipped
# with the Swift toolchain), address sanitizer on.
#
#   scripts/fuzz.sh questionnaire [SECONDS] [libFuzzer options...]
#   scripts/fuzz.sh answers [SECONDS] [libFuzzer options...]
#
# SECONDS defaults to 600. The growing corpus is kept in .build-fuzz/corpus/HARNESS (not
# committed); the seeds are scripts/fuzz/seeds/HARNESS plus the repository's own questionnaires
# and answers files. Findings (crash-*, timeout-*, oom-*) are written to .build-fuzz/findings;
# rerun one with: .build-fuzz/release/fuzz-HARNESS FILE. Run under `nice` on a shared machine.
set -euo pipefail
cd "$(dirname "$0")/.."
harness="${1:?usage: scripts/fuzz.sh questionnaire|answers [SECONDS] [libFuzzer options...]}"
seconds="${2:-600}"
shift $(($# >= 2 ? 2 : 1))
case "$harness" in
  questionnaire) seeds=(scripts/fuzz/seeds/questionnaire Questionnaires Tests/IntakeCoreTests/Fixtures/bad) ;;
  answers) seeds=(scripts/fuzz/seeds/answers Tests/IntakeCoreTests/Fixtures/report/answers) ;;
  *) echo "fuzz: no harness '$harness' (questionnaire or answers)" >&2; exit 64 ;;
esac

build=".build-fuzz"
echo "fuzz: building fuzz-$harness (release, -sanitize=fuzzer,address)"
swift build -c release --package-path scripts/fuzz --scratch-path "$build" \
  --product "fuzz-$harness" \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld \
  -Xcc -fsanitize=fuzzer-no-link,address 2>&1 | grep -E "error|warning: |Compiling|Build" | tail -5
binary="$build/release/fuzz-$harness"

corpus="$build/corpus/$harness"
mkdir -p "$corpus" "$build/findings"
export INTAKE_FUZZ_QUESTIONNAIRE="$PWD/Questionnaires/adhd-magnesium.yaml"
# ASan: no leak check per input (the harnesses keep nothing), stop at the first report.
export ASAN_OPTIONS="detect_leaks=0:abort_on_error=1:symbolize=1"
exec "$binary" "$corpus" "${seeds[@]}" \
  -dict="scripts/fuzz/$harness.dict" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
  -max_len=131072 -print_final_stats=1 -artifact_prefix="$build/findings/$harness-" "$@"
