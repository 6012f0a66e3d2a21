"""Run one module of pygame-ce's own test suite; the last output line is its result as JSON.

Runs the same way natively and in the page (`pack exec`): the folder holds pygame-ce's
`test/` package (imported as `pygame.tests`, as in an installed pygame) and `examples/data`.
Usage: run_test_module.py MODULE (e.g. color_test). Each test's name is printed, with a
newline, before it runs: when the page dies in a test, the last name says which.
"""

import importlib
import json
import os
import sys
import types
import unittest

import pygame

RESULT_PREFIX = "PYGAME_TEST_RESULT "
# The tags pygame's own runner leaves out by default (test/test_utils/run_tests.py).
EXCLUDED_TAGS = ("interactive", "ignore", "subprocess_ignore", "python3_ignore", "SDL2_ignore")


def _mount_tests_package() -> None:
    """Make this folder's `test/` the `pygame.tests` package, which the test modules import
    from. Its `__init__.py` is not run: it only imports pygame's own runner, which needs
    threads (concurrent.futures.thread is not in the browser's stdlib)."""
    folder = os.path.join(os.path.dirname(os.path.abspath(__file__)), "test")
    package = types.ModuleType("pygame.tests")
    package.__path__ = [folder]
    sys.modules["pygame.tests"] = package
    pygame.tests = package


class _Result(unittest.TextTestResult):
    """Prints each test's name before it runs, and after it if it passed (so that the tests
    that passed before a page died are known too)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.passed: list[str] = []

    def startTest(self, test):
        print(f"RUN {test.id()}", file=sys.stderr, flush=True)
        super().startTest(test)

    def addSuccess(self, test):
        super().addSuccess(test)
        self._pass(test)

    def addExpectedFailure(self, test, err):
        super().addExpectedFailure(test, err)
        self._pass(test)

    def _pass(self, test):
        self.passed.append(test.id())
        print(f"PASS {test.id()}", file=sys.stderr, flush=True)


def _excluded_by(module: str) -> str | None:
    """The tag that leaves a whole module out (`surfarray_tags.py` says "ignore" when numpy
    is missing), as pygame's own runner decides."""
    try:
        tags = importlib.import_module(f"pygame.tests.{module.removesuffix('_test')}_tags")
    except ImportError:
        return None
    return next((tag for tag in tags.__tags__ if tag in EXCLUDED_TAGS), None)


def main(module: str) -> None:
    _mount_tests_package()
    excluded = _excluded_by(module)
    if excluded:
        print(RESULT_PREFIX + json.dumps({"module": module, "excluded": excluded}), flush=True)
        return
    from pygame.tests.test_utils.test_machinery import PygameTestLoader

    loader = PygameTestLoader(exclude=EXCLUDED_TAGS)
    suite = loader.loadTestsFromName(f"pygame.tests.{module}")
    runner = unittest.TextTestRunner(stream=sys.stderr, verbosity=0, resultclass=_Result)
    result = runner.run(suite)
    summary = {
        "module": module,
        "passed": len(result.passed),
        "failures": len(result.failures) + len(result.unexpectedSuccesses),
        "errors": len(result.errors),
        "skipped": len(result.skipped),
        "passed_ids": result.passed,
    }
    print(RESULT_PREFIX + json.dumps(summary), flush=True)


if __name__ == "__main__":
    main(sys.argv[1])
