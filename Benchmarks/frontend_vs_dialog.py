#!/usr/bin/env python3
"""intake's terminal front end next to dialog(1) and questionary (Python), in one run, through a
real pseudo-terminal at 80x24.

For each program, showing a comparable menu (a question with five choices):
  - first screen: time from exec to the first full screen (the last text of the screen has been
    written), median of RUNS starts;
  - bytes written to the terminal per arrow key (Down, then Up, over the list), median;
  - key to screen: time from writing an arrow key to the last byte of the redraw, median of 288,
    the programs taking turns key by key so that they are measured at the same moments; and,
    key by key, intake's time less dialog's: the median of those differences with a 95%
    confidence interval (bootstrap), which says whether intake is faster, level or slower where
    the ratio of two medians moves by several percent between runs;
  - CPU time per arrow key, user and system, from the kernel's count for the process
    (/proc/PID/schedstat) around each key: what the key cost the program itself, without the
    latency of the pseudo-terminal and of this script, which moves by half between runs.
Then key to screen on a generated 10,000-item questionnaire: intake's form on it, and dialog's
menu of 10,000 entries; and in intake the key that confirms an answer (Enter), which saves it,
re-assesses the questionnaire and paints the next question.

Goals: first screen within 2x of dialog's and 20x faster than questionary's; bytes per arrow key
no more than dialog's; key to screen no worse than dialog's, and under 16 ms (one frame) at
10,000 items, also when an answer makes the engine re-assess.

Usage: frontend_vs_dialog.py INTAKE_BINARY DATA_DIR RUNS [QUESTIONARY_PYTHON] [LARGE_YAML]
DATA_DIR is created with an unfinished assessment stopped at the first rating question (five
choices, like the dialog menu), by answering the questions before it in plain mode.
"""
import os
import random
import statistics
import subprocess
import sys
import time

from ptyrun import read_quiet as read_quiet_timed, read_until, spawn, stop

DOWN, UP = b"\x1bOB", b"\x1bOA"  # what a terminal in keypad mode sends
CHOICES = ["Never", "Sometimes", "Often", "Very often", "Don't know"]
QUESTION = "How often does your child lose the thread during a task?"
QUIET = 0.08


def read_quiet(fd, quiet=QUIET):
    return read_quiet_timed(fd, quiet)[0]


def key_to_screen(fd, key):
    """Writes `key`; returns the bytes of the redraw and the ms until its last byte."""
    begin = time.perf_counter()
    os.write(fd, key)
    data, last = read_quiet_timed(fd, QUIET)
    return data, (last - begin) * 1000 if data else float("nan")


def first_screen(argv, env, marker, runs):
    starts = []
    for _ in range(runs):
        begin = time.perf_counter()
        pid, fd = spawn(argv, env)
        read_until(fd, marker)
        starts.append(time.perf_counter() - begin)
        stop(pid, fd)
    return statistics.median(starts) * 1000


def ready(argv, env, marker, opening=()):
    """A program started and settled at its first screen (after the `opening` keys)."""
    pid, fd = spawn(argv, env)
    read_until(fd, marker, timeout=60)
    read_quiet(fd, 0.3)
    for key, wait in opening:
        os.write(fd, key)
        read_until(fd, wait, timeout=60)
        read_quiet(fd, 0.3)
    return pid, fd


ARROWS = ([DOWN] * 4 + [UP] * 4) * 36


def cpu_ns(pid):
    """Nanoseconds `pid` has run on a CPU, user and system time together."""
    with open(f"/proc/{pid}/schedstat") as file:
        return int(file.read().split()[0])


def paired_arrows(sessions, keys=ARROWS):
    """Bytes, ms and CPU ms per arrow key for each of `sessions` (name -> (pid, fd)), the programs
    taking turns key by key: a load that comes and goes on a shared machine then falls on all of
    them alike, where timing one program's keys after the other's compared two different
    moments."""
    sizes = {name: [] for name in sessions}
    times = {name: [] for name in sessions}  # NaN for a key that wrote nothing, to keep pairs
    cpu = {name: 0 for name in sessions}
    names = list(sessions)
    for index, key in enumerate(keys):
        # Who goes first changes key by key: the one after another program meets caches it left.
        turn = names[index % len(names):] + names[:index % len(names)]
        for name in turn:
            pid, fd = sessions[name]
            before = cpu_ns(pid)
            data, ms = key_to_screen(fd, key)
            cpu[name] += cpu_ns(pid) - before
            sizes[name].append(len(data))
            times[name].append(ms)  # NaN when the key wrote nothing (the end of a short list)
    return {name: (statistics.median(sizes[name]), statistics.median(written(times[name])),
                   cpu[name] / len(keys) / 1e6, times[name]) for name in sessions}


def written(times):
    return [time for time in times if time == time]


def paired_difference(mine, theirs, resamples=2000):
    """Key by key, `mine` less `theirs` (ms, keys both wrote for): the median difference, a 95%
    bootstrap confidence interval for it, and the share of keys where `mine` was faster."""
    differences = [a - b for a, b in zip(mine, theirs) if a == a and b == b]
    chance = random.Random(13)  # the same resamples in every run, so runs differ only in data
    medians = sorted(statistics.median(chance.choices(differences, k=len(differences)))
                     for _ in range(resamples))
    low, high = medians[int(resamples * 0.025)], medians[int(resamples * 0.975) - 1]
    faster = sum(difference < 0 for difference in differences) / len(differences)
    return statistics.median(differences), low, high, faster


def verdict(low, high):
    return "faster" if high < 0 else "slower" if low > 0 else "level"


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


def dialog_menu(entries):
    argv = ["dialog", "--menu", QUESTION, "16", "70", "6"]
    for index, label in enumerate(entries, 1):
        argv += [str(index), label]
    return argv


def row(name, values):
    print(f"{name:34} " + " ".join(f"{v:>12}" for v in values))


def ms(value):
    return "-" if value is None else f"{value:.2f}"


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    intake, data_dir, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
    questionary = sys.argv[4] if len(sys.argv) > 4 and sys.argv[4] else None
    large = sys.argv[5] if len(sys.argv) > 5 else None
    env = dict(os.environ, TERM="xterm-256color", LANG="en_GB.UTF-8", INTAKE_DATA_DIR=data_dir)
    for name in ("NO_COLOR", "LINES", "COLUMNS"):
        env.pop(name, None)
    prepare(intake, env)

    # intake resumes at a list question; its footer is the last thing painted.
    programs = [("dialog", dialog_menu(CHOICES), b"Cancel"), ("intake", [intake, "resume"], b"why we ask")]
    if questionary:
        script = (f"import questionary; questionary.select({QUESTION!r}, choices={CHOICES!r}).ask()")
        programs.append(("questionary", [questionary, "-c", script], b"know"))
    firsts = {name: first_screen(argv, env, marker, runs) for name, argv, marker in programs}
    started = {name: ready(argv, env, marker) for name, argv, marker in programs}
    keys = paired_arrows(started)
    for pid, fd in started.values():
        stop(pid, fd)
    results = {name: (firsts[name], *keys[name][:3]) for name in firsts}
    difference, low, high, faster = paired_difference(keys["intake"][3], keys["dialog"][3])

    print(f"load average: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f}")
    row("five choices", ["first (ms)", "bytes/arrow", "arrow (ms)", "CPU/arrow"])
    for name, (first, size, key, cpu) in results.items():
        row(name, [ms(first), f"{size:.1f}", ms(key), f"{cpu:.3f}"])
    d, i = results["dialog"], results["intake"]
    print(f"intake/dialog: first screen {i[0] / d[0]:.2f}x (goal <= 2), bytes per arrow "
          f"{i[1] / max(1, d[1]):.2f}x (goal <= 1), arrow key to screen {i[2] / d[2]:.2f}x (goal <= 1), "
          f"CPU per arrow {i[3] / d[3]:.2f}x")
    print(f"arrow key, intake less dialog key by key: median {difference * 1000:+.1f} us "
          f"(95% CI {low * 1000:+.1f} to {high * 1000:+.1f} us; intake faster on {faster:.0%} of "
          f"keys): {verdict(low, high)} (goal: not slower)")
    if "questionary" in results:
        q = results["questionary"]
        print(f"questionary/intake: first screen {q[0] / i[0]:.1f}x (goal >= 20)")

    if large:
        n = 10_000
        dialog_pid, dialog_fd = ready(dialog_menu([f"Choice {k}" for k in range(n)]), env, b"Cancel")
        large_env = dict(env, INTAKE_DATA_DIR=data_dir + "-large")
        argv = [intake, "--questionnaire", large]
        # Welcome screen, Enter to start, a name, then question 1 (yes/no).
        pid, fd = ready(argv, large_env, b"q stop", opening=[(b"\r", b"Esc back"), (b"Sam\r", b"why we ask")])
        large_keys = paired_arrows({"dialog": (dialog_pid, dialog_fd), "intake": (pid, fd)})
        stop(dialog_pid, dialog_fd)
        (_, dialog_key, dialog_cpu, dialog_times) = large_keys["dialog"]
        (_, intake_key, intake_cpu, intake_times) = large_keys["intake"]
        large_difference = paired_difference(intake_times, dialog_times)
        # An answer (Enter after marking 1) saves it, re-assesses and paints the next question.
        marks, confirms = [], []
        for _ in range(6):  # the questions before the first date, which "1" does not answer
            marks.append(key_to_screen(fd, b"1")[1])
            confirms.append(key_to_screen(fd, b"\r")[1])
        marks = [m for m in marks if m == m]
        confirms = [c for c in confirms if c == c]
        stop(pid, fd)
        row(f"{n:,} items", ["arrow (ms)", "CPU/arrow", "mark (ms)", "answer (ms)"])
        row("dialog --menu (10,000 entries)", [ms(dialog_key), f"{dialog_cpu:.3f}", "-", "-"])
        row("intake (10,000 questions)", [ms(intake_key), f"{intake_cpu:.3f}", ms(statistics.median(marks)),
                                          ms(statistics.median(confirms))])
        print(f"intake/dialog at {n:,}: arrow key to screen {intake_key / dialog_key:.2f}x (goal <= 1), "
              f"CPU per arrow {intake_cpu / dialog_cpu:.2f}x; "
              f"answer to next question {statistics.median(confirms):.2f} ms, the slowest of "
              f"{len(confirms)} {max(confirms):.2f} ms (goal < 16)")
        difference, low, high, faster = large_difference
        print(f"arrow key at {n:,}, intake less dialog key by key: median {difference * 1000:+.1f} us "
              f"(95% CI {low * 1000:+.1f} to {high * 1000:+.1f} us; intake faster on {faster:.0%} "
              f"of keys): {verdict(low, high)} (goal: not slower)")


if __name__ == "__main__":
    main()
