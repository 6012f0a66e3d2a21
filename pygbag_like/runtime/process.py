"""The one way the runtime build runs external commands: logged, and never left running.

Each command is written to a log file with its folder, exit status and duration, and its
output goes to the same log (or is captured and returned). Each runs in its own process
group, stopped as a whole when the build is interrupted (Ctrl+C or SIGTERM). A small guardian
process also stops those groups if the build itself dies without a chance to clean up
(SIGKILL), so no make or clang is left compiling for nobody.
"""

import os
import shlex
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Mapping, Sequence
from pathlib import Path

from pygbag_like.errors import RuntimeBuildError

STOP_GRACE_SECONDS = 3.0

# Run by the guardian: reads "+PGID" / "-PGID" lines; when its input closes (the build
# ended, whichever way), it stops the groups still listed.
_GUARDIAN = """
import os, signal, sys, time
groups = set()
for line in sys.stdin:
    (groups.add if line[0] == "+" else groups.discard)(int(line[1:]))
for sig in (signal.SIGTERM, signal.SIGKILL):
    for pgid in groups:
        try:
            os.killpg(pgid, sig)
        except OSError:
            pass
    if groups:
        time.sleep(2)
"""


class _Guardian:
    """Knows the process groups of the running commands; stops them if this process dies."""

    def __init__(self) -> None:
        self._process: subprocess.Popen | None = None
        self._lock = threading.Lock()

    def start(self) -> None:
        """Have the guardian running (before a command starts, so it can be told at once)."""
        with self._lock:
            if self._process is None or self._process.poll() is not None:
                self._process = subprocess.Popen(
                    [sys.executable, "-c", _GUARDIAN], stdin=subprocess.PIPE, text=True,
                    start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                )

    def _send(self, line: str) -> None:
        self.start()
        with self._lock:
            assert self._process is not None and self._process.stdin is not None
            self._process.stdin.write(line + "\n")
            self._process.stdin.flush()

    def watch(self, pgid: int) -> None:
        self._send(f"+{pgid}")

    def forget(self, pgid: int) -> None:
        self._send(f"-{pgid}")


_guardian = _Guardian()
_running: set[subprocess.Popen] = set()  # commands running now, in any thread


def stop_all() -> None:
    """Stop every running command and what it started (an interrupted build: its other
    threads are waiting on their commands, which SIGINT/SIGTERM did not reach)."""
    for process in list(_running):
        stop_group(process)


def stop_group(process: subprocess.Popen) -> None:
    """Stop a command and everything it started: SIGTERM, then SIGKILL after a grace period."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(process.pid, sig)
        except OSError:
            return
        try:
            process.wait(timeout=STOP_GRACE_SECONDS)
            return
        except subprocess.TimeoutExpired:
            continue


def run_logged(
    args: Sequence[str | os.PathLike], *, log_path: Path, step: str,
    cwd: Path | None = None, env: Mapping[str, str] | None = None, capture: bool = False,
    check: bool = True,
) -> str:
    """Run a command, appending it and its output to `log_path`; raise RuntimeBuildError
    (naming `step` and carrying the log) when it exits non-zero and `check` is set.
    Returns stdout when `capture`."""
    argv = [str(arg) for arg in args]
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with log_path.open("a") as log:
        log.write(f"\n$ (cd {cwd or os.getcwd()}) {shlex.join(argv)}\n")
        log.flush()
        started = time.monotonic()
        _guardian.start()
        try:
            process = subprocess.Popen(
                argv, cwd=cwd, env=dict(env) if env is not None else None,
                stdin=subprocess.DEVNULL, stdout=subprocess.PIPE if capture else log,
                stderr=log, text=capture, start_new_session=True,
            )
        except OSError as exc:
            log.write(f"# could not start: {exc}\n")
            raise RuntimeBuildError(f"{step}: cannot run {argv[0]}: {exc.strerror}",
                                    log_path=log_path) from exc
        _guardian.watch(process.pid)
        _running.add(process)
        try:
            output, _ = process.communicate()
        except BaseException:  # Ctrl+C, SIGTERM (raised as KeyboardInterrupt), errors
            stop_group(process)
            raise
        finally:
            _running.discard(process)
            _guardian.forget(process.pid)
        log.write(f"# exit {process.returncode} after {time.monotonic() - started:.1f}s\n")
        if capture and output:
            log.write(output)
    if check and process.returncode != 0:
        raise RuntimeBuildError(
            f"{step}: `{shlex.join(argv)[:160]}` exited with {process.returncode}",
            log_path=log_path,
        )
    return output or ""
