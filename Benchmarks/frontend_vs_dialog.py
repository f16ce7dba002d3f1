#!/usr/bin/env python3
"""intake's terminal front end next to dialog(1), in one run, through a real pseudo-terminal.

For each program, showing a comparable menu (a question with five choices):
  - time from exec to the first full screen (the last text of the screen has been written),
    median of RUNS starts;
  - bytes written to the terminal per arrow key (Down, then Up, over the list), median.
Prints both, and the ratios intake/dialog. Goals: first screen within 2x of dialog; bytes per
arrow key no more than dialog's.

Usage: frontend_vs_dialog.py INTAKE_BINARY DATA_DIR [RUNS]
DATA_DIR is created with an unfinished assessment stopped at the first rating question (five
choices, like the dialog menu), by answering the questions before it in plain mode.
"""
import os
import statistics
import subprocess
import sys
import time

from ptyrun import read_quiet as read_quiet_timed, read_until, spawn, stop

DOWN, UP = b"\x1bOB", b"\x1bOA"  # what a terminal in keypad mode sends


def read_quiet(fd, quiet=0.08):
    return read_quiet_timed(fd, quiet)[0]


def measure(name, argv, env, marker, runs):
    starts = []
    for _ in range(runs):
        begin = time.perf_counter()
        pid, fd = spawn(argv, env)
        read_until(fd, marker)
        starts.append(time.perf_counter() - begin)
        stop(pid, fd)
    # Arrow keys: settle after the first screen, then move down and up the list.
    pid, fd = spawn(argv, env)
    read_until(fd, marker)
    read_quiet(fd, 0.3)
    per_key = []
    for key in [DOWN] * 4 + [UP] * 4 + [DOWN] * 4 + [UP] * 4:
        os.write(fd, key)
        per_key.append(len(read_quiet(fd)))
    stop(pid, fd)
    return {"name": name, "first_ms": statistics.median(starts) * 1000, "bytes_per_key": statistics.median(per_key),
            "bytes_mean": statistics.mean(per_key)}


def prepare(intake, env):
    """Plain mode: a name, who fills it in, the required age, Enter for the rest, up to the first
    rating question."""
    process = subprocess.Popen([intake, "--plain"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env)
    answers = ["Sam", "1", "2", "9"]
    output = b""
    for line in answers:
        process.stdin.write((line + "\n").encode())
    process.stdin.flush()
    for _ in range(40):
        chunk = read_quiet(process.stdout.fileno(), 0.3)
        output += chunk
        if b"Hardly ever" in output.split(b"Question")[-1]:
            break
        process.stdin.write(b"\n")
        process.stdin.flush()
    process.stdin.write(b"stop\n")
    process.stdin.close()
    process.wait()
    if b"Hardly ever" not in output:
        sys.exit("could not reach a rating question in plain mode")


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    intake, data_dir = sys.argv[1], sys.argv[2]
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 40
    env = dict(os.environ, TERM="xterm-256color", LANG="en_GB.UTF-8", INTAKE_DATA_DIR=data_dir)
    env.pop("NO_COLOR", None)
    env.pop("LINES", None)
    env.pop("COLUMNS", None)
    prepare(intake, env)
    choices = ["Never", "Sometimes", "Often", "Very often", "Don't know"]
    dialog_argv = ["dialog", "--menu", "How often does your child lose the thread during a task?", "16", "70", "6"]
    for index, label in enumerate(choices, 1):
        dialog_argv += [str(index), label]
    results = [
        measure("dialog", dialog_argv, env, b"Cancel", runs),
        # intake resumes at a list question; its footer is the last thing painted.
        measure("intake", [intake, "resume"], env, b"why we ask", runs),
    ]
    print(f"{'program':8} {'first screen (ms)':>18} {'bytes/arrow (median)':>21} {'bytes/arrow (mean)':>19}")
    for r in results:
        print(f"{r['name']:8} {r['first_ms']:18.2f} {r['bytes_per_key']:21.1f} {r['bytes_mean']:19.1f}")
    d, i = results
    print(f"ratio intake/dialog: first screen {i['first_ms'] / d['first_ms']:.2f}x (goal <= 2), "
          f"bytes per arrow {i['bytes_per_key'] / max(1, d['bytes_per_key']):.2f}x (goal <= 1)")


if __name__ == "__main__":
    main()
