"""The build's command runner: logged, and nothing left running when the build is stopped."""

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from pygbag_like.errors import RuntimeBuildError
from pygbag_like.runtime.process import run_logged

# A build step that starts a grandchild, as make starts clang.
STEP = "sleep {marker} & sleep {marker}; wait"
BUILDER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from pygbag_like.cli import _stop_on_sigterm
    from pygbag_like.runtime.process import run_logged

    _stop_on_sigterm()
    print("started", flush=True)
    try:
        run_logged(["sh", "-c", {step!r}], log_path=Path({log!r}), step="test")
    except KeyboardInterrupt:
        print("interrupted", flush=True)
""")


def running(marker: str) -> list[str]:
    out = subprocess.run(["ps", "-eo", "args"], capture_output=True, text=True).stdout
    return [line for line in out.splitlines() if line.strip() == f"sleep {marker}"]


def wait_until(condition, seconds: float = 15.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return condition()


def start_builder(tmp_path: Path, marker: str) -> subprocess.Popen:
    script = BUILDER.format(step=STEP.format(marker=marker), log=str(tmp_path / "step.log"))
    process = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE,
                               text=True, env={**os.environ, "PYTHONPATH": os.getcwd()})
    assert process.stdout.readline().strip() == "started"
    assert wait_until(lambda: len(running(marker)) == 2), running(marker)
    time.sleep(0.5)  # the builder tells its guardian about the step right after starting it
    return process


def test_output_status_and_duration_go_to_the_log(tmp_path):
    log = tmp_path / "step.log"
    assert run_logged(["sh", "-c", "echo out; echo err >&2"], log_path=log, step="s",
                      capture=True) == "out\n"
    text = log.read_text()
    assert "$ (cd " in text and "echo out" in text and "err" in text and "# exit 0 after" in text


def test_failure_names_the_step_and_carries_the_log(tmp_path):
    log = tmp_path / "step.log"
    with pytest.raises(RuntimeBuildError) as caught:
        run_logged(["sh", "-c", "exit 3"], log_path=log, step="zlib")
    assert caught.value.log_path == log
    assert str(caught.value).startswith("zlib: `sh -c 'exit 3'` exited with 3")


def test_sigterm_stops_the_command_and_its_children(tmp_path):
    marker = "317.25"
    builder = start_builder(tmp_path, marker)
    builder.send_signal(signal.SIGTERM)
    assert builder.stdout.readline().strip() == "interrupted"
    builder.wait(timeout=20)
    assert wait_until(lambda: not running(marker)), running(marker)


def test_sigkill_of_the_build_still_stops_its_children(tmp_path):
    marker = "318.25"
    builder = start_builder(tmp_path, marker)
    builder.kill()
    builder.wait(timeout=20)
    assert wait_until(lambda: not running(marker)), running(marker)


def test_stop_all_ends_the_commands_of_every_thread(tmp_path):
    import threading

    from pygbag_like.runtime.process import stop_all

    marker = "319.75"
    failures: list[BaseException] = []

    def step() -> None:
        try:
            run_logged(["sh", "-c", f"sleep {marker}"], log_path=tmp_path / "s.log", step="s")
        except RuntimeBuildError as error:
            failures.append(error)

    threads = [threading.Thread(target=step) for _ in range(2)]
    for thread in threads:
        thread.start()
    assert wait_until(lambda: len(running(marker)) == 2), running(marker)
    stop_all()
    for thread in threads:
        thread.join(timeout=20)
    assert not any(thread.is_alive() for thread in threads)
    assert len(failures) == 2 and not running(marker)
