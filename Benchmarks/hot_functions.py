"""The functions of intake's binary that run from start to the first screen and on arrow keys,
the arrow keys' first, as a section ordering file for the linker (scripts/release-build.sh).

Why: an arrow key runs half dialog's instructions yet cost more CPU time, because those
instructions were spread over a 17 MB binary, each fetched cold (callgrind's cache simulation:
1,262 instruction-cache misses a key against dialog's 557). Placed side by side, the code a key
runs fills a few pages instead of hundreds.

Runs the binary twice under callgrind (as key_instructions.py does): stopped at the first screen,
and after KEYS arrow keys; a function whose count grows runs on keys.

Usage: hot_functions.py INTAKE DATA_DIR OUT [KEYS]
"""
import os
import re
import sys
import tempfile

from frontend_vs_dialog import prepare
from key_instructions import callgrind_summary


def counts(intake, env, keys, out):
    """Instructions by function name (mangled) of the intake binary itself."""
    summary = callgrind_summary(
        [intake, "resume"], env, b"why we ask", keys, out, options=["--demangle=no"],
        annotate=["--threshold=100"])
    found = {}
    for line in summary.splitlines():
        match = re.match(r"\s*([\d,]+) \([^)]*\)\s+(?:[^:\s]*:)?(\S+) \[([^\]]+)\]\s*$", line)
        if not match or match.group(3) != intake:
            continue
        name = re.sub(r"'\d+$", "", match.group(2))  # callgrind marks recursion levels
        if name.startswith("0x"):
            continue
        found[name] = found.get(name, 0) + int(match.group(1).replace(",", ""))
    return found


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    # callgrind names the binary by its full path.
    intake, data_dir, out = os.path.realpath(sys.argv[1]), sys.argv[2], sys.argv[3]
    keys = int(sys.argv[4]) if len(sys.argv) > 4 else 100
    env = dict(os.environ, TERM="xterm-256color", LANG="en_GB.UTF-8", INTAKE_DATA_DIR=data_dir)
    for name in ("NO_COLOR", "LINES", "COLUMNS"):
        env.pop(name, None)
    prepare(intake, env)
    work = tempfile.mkdtemp()
    start = counts(intake, env, 0, f"{work}/start.out")
    after = counts(intake, env, keys, f"{work}/keys.out")
    on_keys = sorted((n for n in after if after[n] > start.get(n, 0)),
                     key=lambda n: start.get(n, 0) - after[n])
    hot = set(on_keys)
    at_start = sorted((n for n in start if n not in hot), key=lambda n: -start[n])
    with open(out, "w") as file:
        file.write("".join(f".text.{name}\n" for name in on_keys + at_start))
    print(f"{len(on_keys)} functions run on arrow keys, {len(at_start)} more at start: {out}")


if __name__ == "__main__":
    main()
