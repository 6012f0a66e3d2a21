"""No wasm trap left in the runtime (issue #9): C functions called through a pointer of
another signature kill the page with "RuntimeError: function signature mismatch".

The calls named in the issue work; a static check finds no mismatched function pointer in
pygame-ce's C code; a sweep that calls every public callable, method, attribute and protocol
slot of every pygame module ends without a dead page; pygame-ce's own tests that trapped
pass. The scripts are the ones in bench/, run as a developer would.
"""

import json
import shutil
import subprocess
import sys
import textwrap
import warnings
from pathlib import Path

import pytest

pytestmark = [pytest.mark.runtime, pytest.mark.browser]

REPO = Path(__file__).resolve().parent.parent
# The pygame-ce tests in which the page died of a trap before the fix, by module.
TRAPPED_TESTS = {
    "color_test": "ColorTypeTest.test_bytes",
    "mouse_test": "MouseModuleTest.test_get_relative_mode",
    "window_test": "WindowTypeTest.test_always_on_top",
    "video_test": "VideoModuleTest.test_logical_window_mapping",
    "render_test": "RendererTest.test_blit",
}


def run_script(*args: str, timeout: float) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *args], capture_output=True, text=True,
                          timeout=timeout, cwd=REPO)


def test_calls_named_in_the_issue_work(runtime, tmp_path):
    script = tmp_path / "named.py"
    script.write_text(textwrap.dedent("""
        import gc, warnings
        import pygame
        pygame.init()
        print("bytes", bytes(pygame.Color(1, 2, 3, 4)) == b"\\x01\\x02\\x03\\x04")
        pygame.display.set_mode((32, 32))
        pygame.mouse.set_relative_mode(True)
        print("relative", pygame.mouse.get_relative_mode())
        pygame.mouse.set_relative_mode(False)
        print("relative", pygame.mouse.get_relative_mode())
        from pygame._sdl2 import video
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            window = video.Window.from_display_module()
        print("window", window.size)
        del window
        gc.collect()
        print("freed")
    """))
    for variant in ([], ["--asyncify"]):
        result = run_script("-m", "pygbag_like", "exec", *variant, str(script), timeout=120)
        assert result.returncode == 0, result.stdout + result.stderr
        assert "bytes True\nrelative True\nrelative False\nwindow (32, 32)\nfreed\n" in (
            result.stdout)


def test_no_function_is_stored_as_a_pointer_of_another_signature(runtime):
    result = run_script("-m", "bench.signature_check", timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "of another signature: 0" in result.stdout


@pytest.mark.timeout(2400)
def test_sweep_of_every_pygame_module_kills_no_page(runtime, tmp_path):
    # Ten minutes of calls, and its outcome depends on the runtime alone: the report of a
    # sweep of this very runtime (kept in its folder, which its key names) is checked again
    # instead, and the test says so. A new runtime is swept in full.
    kept = runtime.root / "pygame-sweep.json"
    if kept.exists():
        warnings.warn(f"pygame sweep: checking the report of this runtime's earlier sweep, "
                      f"{kept}", stacklevel=1)
        report = kept
    else:
        report = tmp_path / "sweep.json"
        result = run_script("-m", "bench.pygame_sweep", "--json", str(report), timeout=2300)
        assert result.returncode == 0, result.stdout + result.stderr
    modules = json.loads(report.read_text())
    assert {"pygame.color", "pygame.mouse", "pygame.window", "pygame._sdl2.video"} <= set(modules)
    assert all(m["calls"] is not None and not m["traps"] and "error" not in m
               for m in modules.values()), result.stdout
    assert sum(m["calls"] for m in modules.values()) > 20000
    if report != kept:
        shutil.copyfile(report, kept)


def test_pygame_tests_that_trapped_pass(runtime, tmp_path):
    report = tmp_path / "suite.json"
    result = run_script("-m", "bench.pygame_testsuite", "--no-native", "--json",
                        str(report), *TRAPPED_TESTS, timeout=800)
    assert result.returncode == 0, result.stdout + result.stderr
    modules = json.loads(report.read_text())
    for module, test in TRAPPED_TESTS.items():
        browser = modules[module]["browser"]
        assert "signature mismatch" not in browser.get("died", ""), (module, browser)
        passed = browser.get("passed_ids") or []
        assert f"pygame.tests.{module}.{test}" in passed, (module, browser)
