#!/usr/bin/env python3
"""A paste into a free-text answer, intake next to dialog(1), through a real pseudo-terminal.

For each program and each paste size (1,000 and 10,000 characters of prose, written to the
terminal in one go, as a terminal delivers a paste):
  - the time from the paste until the screen is quiet again (everything handled and painted),
  - the CPU time the program used for it (from /proc/PID/stat),
median of RUNS. Prints both programs side by side, and the 10,000/1,000 ratio, which is ~10 for
a cost that grows linearly with the text. Goal: a 10,000-character paste well under a second.

Usage: paste_vs_dialog.py INTAKE_BINARY WORK_DIR [RUNS]
"""
import os
import select
import statistics
import sys
import time

from ptyrun import read_quiet, read_until, spawn, stop

TICKS = os.sysconf("SC_CLK_TCK")

QUESTIONNAIRE = """\
id: paste-benchmark
version: 1.0.0
languages: [en]
title: { en: Paste benchmark }
sections:
  - id: words
    title: { en: Your own words }
    items:
      - id: notes
        type: text
        multiline: true
        max_length: 100000
        question: { en: What would you like to tell the doctor? }
"""


def drain(fd, quiet, last=None):
    """Reads until nothing arrives for `quiet` seconds; returns when the last byte came."""
    data, when = read_quiet(fd, quiet)
    return when if data else (last or when)


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def paste(fd, pid, text):
    """Writes `text` in one go (more than the pty buffer holds, so it is written as the program
    reads), then waits for the screen to be quiet; returns (seconds, CPU seconds)."""
    data = text.encode()
    cpu = cpu_seconds(pid)
    start = time.perf_counter()
    last = start
    sent = 0
    while sent < len(data):
        readable, writable, _ = select.select([fd], [fd], [], 5)
        if writable:
            sent += os.write(fd, data[sent:sent + 4096])
        # Keep the screen output flowing so the program never blocks on a full pty.
        if readable:
            try:
                if os.read(fd, 65536):
                    last = time.perf_counter()
            except BlockingIOError:
                pass
    last = drain(fd, 0.5, last)
    return last - start, cpu_seconds(pid) - cpu


def prose(size):
    words = "the child sleeps badly since the summer and takes a drugstore magnesium at night".split()
    text = ""
    while len(text) < size:
        text += words[len(text) % len(words)] + " "
    return text[:size]


def run_intake(binary, work, size):
    env = dict(os.environ, TERM="xterm-256color", LANG="en_GB.UTF-8",
               INTAKE_DATA_DIR=os.path.join(work, f"data-{size}-{time.monotonic_ns()}"))
    path = os.path.join(work, "paste.yaml")
    with open(path, "w") as file:
        file.write(QUESTIONNAIRE)
    pid, fd = spawn([binary, "--questionnaire", path], env)
    read_until(fd, b"Start a new questionnaire", 20)
    drain(fd, 0.2)
    os.write(fd, b"\r")
    read_until(fd, b"What name")
    os.write(fd, b"Sam\r")
    read_until(fd, b"Tab overview")
    drain(fd, 0.3)
    os.set_blocking(fd, False)
    result = paste(fd, pid, prose(size))
    stop(pid, fd)
    return result


def run_dialog(size):
    env = dict(os.environ, TERM="xterm-256color")
    argv = ["dialog", "--max-input", "100000", "--inputbox",
            "What would you like to tell the doctor?", "10", "70"]
    pid, fd = spawn(argv, env)
    # dialog paints its buttons letter by letter in their own colours: wait for the box's
    # bottom edge, then for the screen to be quiet.
    read_until(fd, b"qqqqj")
    drain(fd, 0.3)
    os.set_blocking(fd, False)
    result = paste(fd, pid, prose(size))
    stop(pid, fd)
    return result


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    binary, work = sys.argv[1], sys.argv[2]
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    sizes = [1000, 10000]
    table = {}
    for name, measure in [("dialog", lambda n: run_dialog(n)),
                          ("intake", lambda n: run_intake(binary, work, n))]:
        for size in sizes:
            samples = [measure(size) for _ in range(runs)]
            table[(name, size)] = (statistics.median(s[0] for s in samples),
                                   statistics.median(s[1] for s in samples))
    print(f"{'program':8} {'characters':>10} {'until quiet (ms)':>17} {'CPU (ms)':>9}")
    for name in ["dialog", "intake"]:
        for size in sizes:
            wall, cpu = table[(name, size)]
            print(f"{name:8} {size:10d} {wall * 1000:17.1f} {cpu * 1000:9.1f}")
    for name in ["dialog", "intake"]:
        small, big = table[(name, 1000)], table[(name, 10000)]
        ratio = big[0] / small[0] if small[0] else float("nan")
        print(f"{name}: 10,000 vs 1,000 characters: {ratio:.1f}x the time (10x is linear)")
    intake_big = table[("intake", 10000)][0]
    print(f"goal: a 10,000-character paste well under a second: {intake_big * 1000:.0f} ms "
          f"({'met' if intake_big < 0.5 else 'NOT met'})")


if __name__ == "__main__":
    main()
