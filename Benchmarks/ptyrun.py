"""Running a terminal program in a real pseudo-terminal for the benchmarks: start it at a size,
read until something is written or until it is quiet, stop it."""
import fcntl
import os
import pty
import select
import signal
import struct
import termios
import time

ROWS, COLS = 24, 80


def spawn(argv, env, rows=ROWS, cols=COLS):
    pid, fd = pty.fork()
    if pid == 0:
        os.execvpe(argv[0], argv, env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    return pid, fd


def read_until(fd, marker, timeout=10.0):
    """Reads until `marker` has been written; returns the bytes read."""
    start = time.perf_counter()
    data = b""
    while marker not in data:
        left = timeout - (time.perf_counter() - start)
        if left <= 0:
            raise TimeoutError(f"no {marker!r} after {timeout}s; got {data[-300:]!r}")
        ready, _, _ = select.select([fd], [], [], left)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            data += chunk
    return data


def read_quiet(fd, quiet=0.08):
    """Reads until nothing arrives for `quiet` seconds; returns the bytes and when the last came."""
    data = b""
    last = time.perf_counter()
    while True:
        ready, _, _ = select.select([fd], [], [], quiet)
        if not ready:
            return data, last
        try:
            chunk = os.read(fd, 65536)
        except (OSError, BlockingIOError):
            return data, last
        if not chunk:
            return data, last
        data += chunk
        last = time.perf_counter()


def stop(pid, fd):
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    os.waitpid(pid, 0)
    os.close(fd)
