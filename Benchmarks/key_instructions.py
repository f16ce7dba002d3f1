"""Instructions per arrow key, intake beside dialog, counted by valgrind's callgrind: unlike wall
time through a pty (which on a shared machine moves by half from run to run), the count repeats.

Each program runs twice under callgrind, once stopped right after its first screen and once after
KEYS arrow keys (Down and Up, four at a time); the difference over KEYS is the cost of a key, from
reading it to the end of the redraw, the terminal library included.

Usage: key_instructions.py INTAKE DATA_DIR [KEYS]
"""
import os
import re
import signal
import subprocess
import sys
import tempfile

from frontend_vs_dialog import CHOICES, DOWN, UP, dialog_menu, prepare, read_quiet
from ptyrun import read_until, spawn


def callgrind_summary(argv, env, marker, keys, out, options=(), annotate=()):
    """Runs `argv` under callgrind (with `options`) to its first screen (`marker`), then KEYS
    arrow keys (Down and Up, four at a time), ends it with SIGTERM and returns what
    callgrind_annotate (with `annotate`) makes of the profile written to `out`."""
    pid, fd = spawn(["valgrind", "--tool=callgrind", *options, f"--callgrind-out-file={out}"] + argv, env)
    read_until(fd, marker, timeout=120)
    read_quiet(fd, 1.0)
    for index in range(keys):
        os.write(fd, DOWN if (index // 4) % 2 == 0 else UP)
        read_quiet(fd, 0.05)
    os.kill(pid, signal.SIGTERM)
    os.waitpid(pid, 0)
    os.close(fd)
    return subprocess.run(["callgrind_annotate", *annotate, out], capture_output=True, text=True).stdout


def instructions(argv, env, marker, keys, out):
    summary = callgrind_summary(argv, env, marker, keys, out)
    match = re.search(r"([\d,]+) \(100\.0%\)\s+PROGRAM TOTALS", summary)
    if not match:
        sys.exit(f"no totals in {out}")
    return int(match.group(1).replace(",", ""))


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    intake, data_dir = sys.argv[1], sys.argv[2]
    keys = int(sys.argv[3]) if len(sys.argv) > 3 else 100
    env = dict(os.environ, TERM="xterm-256color", LANG="en_GB.UTF-8", INTAKE_DATA_DIR=data_dir)
    for name in ("NO_COLOR", "LINES", "COLUMNS"):
        env.pop(name, None)
    prepare(intake, env)
    work = tempfile.mkdtemp()
    per_key = {}
    for name, argv, marker in [
        ("dialog", dialog_menu(CHOICES), b"Cancel"),
        ("intake", [intake, "resume"], b"why we ask"),
    ]:
        start = instructions(argv, env, marker, 0, f"{work}/{name}-0.out")
        after = instructions(argv, env, marker, keys, f"{work}/{name}-{keys}.out")
        per_key[name] = (after - start) / keys
        print(f"{name:8} first screen {start:>12,} instructions   per arrow key {per_key[name]:>10,.0f}")
    print(f"intake/dialog per arrow key: {per_key['intake'] / per_key['dialog']:.2f}x (goal <= 1)")


if __name__ == "__main__":
    main()
