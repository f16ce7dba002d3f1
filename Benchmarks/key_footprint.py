"""The code an arrow key runs, intake beside dialog: how many distinct 64-byte cache lines and
4 KB pages of machine code, per library, counted by valgrind's callgrind.

Instructions alone do not say what a key costs here: between two keys the benchmark and the
kernel evict the program's code from the CPU's caches, so every line a key runs is fetched
again. intake runs half dialog's instructions per key; what it fetches is what this counts.

Each program is settled at its first screen and given warm-up keys (so one-off work, such as the
runtime filling in type metadata, is not counted); then callgrind's instrumentation is switched
on for KEYS arrow keys (Down and Up, four at a time) and off again. Every key runs the same code,
so the lines of KEYS keys are the lines of one.

Usage: key_footprint.py INTAKE DATA_DIR [KEYS]
"""
import collections
import os
import re
import signal
import subprocess
import sys
import tempfile
import time

from frontend_vs_dialog import CHOICES, DOWN, UP, dialog_menu, prepare, read_quiet
from ptyrun import read_until, spawn

WARM_UP = 24


def arrows(fd, count):
    """`count` arrow keys, each once the last is painted (under valgrind a key takes tens of
    milliseconds: sent faster, keys would run together and the count would not be the keys')."""
    for index in range(count):
        os.write(fd, DOWN if (index // 4) % 2 == 0 else UP)
        read_quiet(fd, 0.3)


def profile(argv, env, marker, keys, out):
    """Runs `argv` under callgrind with instrumentation off, and on only for `keys` arrow keys
    after its first screen and the warm-up; the profile (instruction addresses) goes to `out`."""
    options = ["--instr-atstart=no", "--dump-instr=yes", f"--callgrind-out-file={out}"]
    pid, fd = spawn(["valgrind", "--tool=callgrind", *options] + argv, env)
    read_until(fd, marker, timeout=120)
    read_quiet(fd, 1.0)
    arrows(fd, WARM_UP)
    subprocess.run(["callgrind_control", "--instr=on", str(pid)], capture_output=True, check=True)
    time.sleep(0.5)
    arrows(fd, keys)
    subprocess.run(["callgrind_control", "--instr=off", str(pid)], capture_output=True, check=True)
    os.kill(pid, signal.SIGTERM)
    os.waitpid(pid, 0)
    os.close(fd)


def executed(path):
    """Instruction addresses run, by object file, from a callgrind profile made with
    --dump-instr=yes (names given once as `(id) name`, then by id; addresses absolute or
    relative to the last; the cost line after a `calls=` line is the call's, not an address's)."""
    names = {}
    found = collections.defaultdict(set)
    current_object = None
    address = 0
    after_call = False
    for line in open(path):
        for key in ("ob=", "cob="):
            if line.startswith(key):
                match = re.match(key + r"\((\d+)\)(?: (.*))?", line.strip())
                if match and match.group(2):
                    names[match.group(1)] = match.group(2)
                if key == "ob=":
                    current_object = names.get(match.group(1)) if match else line[3:].strip()
        if line.startswith("calls="):
            after_call = True
            continue
        if not line or line[0] not in "0123456789+-*":
            continue
        position = line.split()[0]
        if position.startswith("0x"):
            address = int(position, 16)
        elif position[0] == "+":
            address += int(position[1:], 0)
        elif position[0] == "-":
            address -= int(position[1:], 0)
        elif position != "*":
            address = int(position)
        if after_call:
            after_call = False
            continue
        found[os.path.basename(current_object or "?")].add(address)
    return found


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    intake, data_dir = sys.argv[1], sys.argv[2]
    keys = int(sys.argv[3]) if len(sys.argv) > 3 else 20
    env = dict(os.environ, TERM="xterm-256color", LANG="en_GB.UTF-8", INTAKE_DATA_DIR=data_dir)
    for name in ("NO_COLOR", "LINES", "COLUMNS"):
        env.pop(name, None)
    prepare(intake, env)
    work = tempfile.mkdtemp()
    totals = {}
    for name, argv, marker in [
        ("dialog", dialog_menu(CHOICES), b"Cancel"),
        ("intake", [intake, "resume"], b"why we ask"),
    ]:
        out = f"{work}/{name}.out"
        profile(argv, env, marker, keys, out)
        lines = pages = 0
        print(f"{name}: code an arrow key runs ({keys} keys)")
        for library, addresses in sorted(executed(out).items(), key=lambda kv: -len(kv[1])):
            if library == "???":
                continue
            library_lines = len({address // 64 for address in addresses})
            library_pages = len({address // 4096 for address in addresses})
            lines += library_lines
            pages += library_pages
            print(f"  {library:28} {library_lines:6,} cache lines {library_pages:5} pages")
        print(f"  {'all':28} {lines:6,} cache lines {pages:5} pages")
        totals[name] = (lines, pages)
    print(
        f"intake/dialog: cache lines {totals['intake'][0] / totals['dialog'][0]:.2f}x, "
        f"pages {totals['intake'][1] / totals['dialog'][1]:.2f}x"
    )


if __name__ == "__main__":
    main()
