#!/usr/bin/env bash
# `intake list` and `intake history` over stores of 100 and 1,000 assessments (10 children, the
# assessments spread over them), whole process, median of RUNS; with the ratio between the
# sizes (10 is linear). The stores are filled with `intake import` of copies of a test fixture.
# Usage: Benchmarks/store.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product intake 2>&1 | grep -E "error:" && exit 1 || true
bin="$(swift build -c release --show-bin-path)/intake"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 - "$bin" "$work" "${1:-9}" <<'PY'
import json, os, statistics, subprocess, sys, time
intake, work, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
source = json.load(open("Tests/IntakeCoreTests/Fixtures/report/answers/20261125-083000-c0c001.json"))

def fill(folder, count):
    files = os.path.join(folder, "files")
    os.makedirs(files)
    env = dict(os.environ, INTAKE_DATA_DIR=os.path.join(folder, "store"), LANG="C.UTF-8")
    for n in range(count):
        record = dict(source)
        day = 1 + n % 28
        record["id"] = f"2026{1 + n % 12:02d}{day:02d}-{n // 3600 % 24:02d}{n // 60 % 60:02d}{n % 60:02d}-{n:06x}"
        path = os.path.join(files, record["id"] + ".json")
        json.dump(record, open(path, "w"))
        subprocess.run([intake, "import", path, "--profile", f"Child {n % 10}"], env=env, check=True,
                       stdout=subprocess.DEVNULL)
    return env

def timed(argv, env):
    times = []
    for _ in range(runs):
        begin = time.perf_counter()
        subprocess.run(argv, env=env, check=True, stdout=subprocess.DEVNULL)
        times.append((time.perf_counter() - begin) * 1000)
    return statistics.median(times)

results = {}
for count in (100, 1000):
    env = fill(os.path.join(work, str(count)), count)
    results[count] = {"list": timed([intake, "list"], env), "history": timed([intake, "history", "Child 1"], env)}
print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
print(f"{'assessments':>11} {'list (ms)':>10} {'history (ms)':>13}")
for count, r in results.items():
    print(f"{count:>11} {r['list']:>10.1f} {r['history']:>13.1f}")
for name in ("list", "history"):
    print(f"{name}: 1,000 vs 100 assessments: {results[1000][name] / results[100][name]:.1f}x the time (10x is linear)")
PY
