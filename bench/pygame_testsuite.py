"""pygame-ce's own test suite, natively and in the browser (issue #9). Prints numbers.

    python3 -m bench.pygame_testsuite                      every module, both sides
    python3 -m bench.pygame_testsuite color_test rect_test some modules
    python3 -m bench.pygame_testsuite --json out.json      also write every result
    python3 -m bench.pygame_testsuite --numpy surfarray_test sndarray_test
                                                           with numpy on both sides

The `test/` folder of the runtime's pygame-ce sdist runs on both sides with the same runner
(pages/run_test_module.py) and the same tag exclusions as pygame's own runner. Natively it
runs under pygame-ce of the runtime's version from PyPI (in a venv made once below the cache,
or --native-python), with SDL's dummy drivers; in the browser, one `pack exec` page per
module, so a wasm trap in one module cannot hide the others. A page that dies is reported
with its message and the test it was running.
"""

import argparse
import json
import shutil
import subprocess
import tempfile
import venv
from pathlib import Path

from bench._pages import PAGES, extract_pygame_sdist, pygame_version, run_native, run_page
from pygbag_like.runtime import paths
from pygbag_like.runtime.recipe import load_recipes

RUNNER = "run_test_module.py"
RESULT_PREFIX = "PYGAME_TEST_RESULT "
COUNTS = ("passed", "failures", "errors", "skipped")


def native_python(version: str, numpy: str | None = None) -> Path:
    """A venv below the cache with pygame-ce `version` and nothing else, as in the browser
    runtime without numpy (the array modules are left out on both sides); or with numpy of
    the version `numpy`, as in the numpy runtime."""
    name = f"native-pygame-ce-{version}" + (f"-numpy-{numpy}" if numpy else "")
    folder = paths.cache_root() / "bench" / name
    python = folder / "bin" / "python"
    if not (folder / ".complete").exists():
        shutil.rmtree(folder, ignore_errors=True)
        venv.create(folder, with_pip=True)
        subprocess.run([python, "-m", "pip", "install", "-q", f"pygame-ce=={version}",
                        *([f"numpy=={numpy}"] if numpy else [])], check=True)
        (folder / ".complete").touch()
    return python


def stage(into: Path) -> Path:
    """A folder with pygame-ce's test/ package, examples/data (read by some tests) and the
    runner: what the page mounts at /game and what the native run uses as well."""
    sdist = extract_pygame_sdist(into / "sdist")
    folder = into / "suite"
    shutil.copytree(sdist / "test", folder / "test")
    shutil.copytree(sdist / "examples" / "data", folder / "examples" / "data")
    shutil.copy2(PAGES / RUNNER, folder / RUNNER)
    shutil.rmtree(into / "sdist")
    return folder


def parse(module: str, stdout: str, stderr: str, failure: str | None) -> dict:
    """The runner's result line, or a record of why the module did not finish."""
    for line in reversed(stdout.splitlines()):
        if line.startswith(RESULT_PREFIX):
            return json.loads(line[len(RESULT_PREFIX):])
    running = [line[4:] for line in stderr.splitlines() if line.startswith("RUN ")]
    passed = [line[5:] for line in stderr.splitlines() if line.startswith("PASS ")]
    return {"module": module, "died": failure or "no result",
            "in_test": running[-1] if running else None,
            "passed": len(passed), "passed_ids": passed}


def run_on_host(python: Path, folder: Path, module: str, timeout: float) -> dict:
    run = run_native(python, folder / RUNNER, [module], timeout)
    return parse(module, run.stdout, run.stderr, run.failure or f"exit status {run.returncode}")


def run_browser(folder: Path, module: str, timeout: float, asyncify: bool,
                numpy: bool = False) -> dict:
    run = run_page(folder / RUNNER, [module], timeout, asyncify=asyncify, numpy=numpy)
    return parse(module, run.stdout, run.stderr, run.failure)


def cell(result: dict | None) -> str:
    if result is None:
        return "-"
    if "excluded" in result:
        return f"left out ({result['excluded']})"
    if "died" in result:
        return f"{result['passed']} passed, DIED: {result['died']}"[:60]
    return "/".join(str(result[k]) for k in COUNTS)


def report(results: dict[str, dict[str, dict]]) -> None:
    print(f"\n{'module':24} {'native pass/fail/err/skip':>26} {'browser pass/fail/err/skip':>27}")
    for module, sides in results.items():
        print(f"{module:24} {cell(sides.get('native')):>26} {cell(sides.get('browser')):>27}")
        died = sides.get("browser", {})
        if "died" in died:
            print(f"{'':24}   browser died in {died['in_test']}")
    totals = {side: sum(r.get("passed", 0) for s in results.values() if (r := s.get(side)))
              for side in ("native", "browser")}
    died = [m for m, s in results.items() if "died" in s.get("browser", {})]
    print(f"\nbrowser passes / native passes: {totals['browser']} / {totals['native']}"
          + (f" = {100 * totals['browser'] / totals['native']:.1f}%" if totals["native"] else ""))
    print(f"modules whose page died: {len(died)}" + (f" ({', '.join(died)})" if died else ""))
    # Per test (where a page died, the tests it did not reach count as not passing).
    lost = [test for s in results.values()
            if "passed_ids" in s.get("native", {}) and "passed_ids" in s.get("browser", {})
            for test in sorted(set(s["native"]["passed_ids"]) - set(s["browser"]["passed_ids"]))]
    if lost:
        print(f"\npass natively, not in the browser ({len(lost)}):")
        for test in lost:
            print(f"  {test}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("modules", nargs="*", help="test modules (default: all)")
    parser.add_argument("--native-python", type=Path, help="a Python with pygame-ce installed")
    parser.add_argument("--no-native", action="store_true")
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("--timeout", type=float, default=300, help="seconds per module")
    parser.add_argument("--json", type=Path, help="write every result to this file")
    parser.add_argument("--plain", action="store_true",
                        help="use the plain runtime (default: asyncify, where blocking "
                             "waits and sleeps work as on the desktop)")
    parser.add_argument("--numpy", action="store_true",
                        help="with numpy: the runtime's numpy variant, and natively the same "
                             "numpy version")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="pygame-suite-") as tmp:
        folder = stage(Path(tmp))
        modules = args.modules or sorted(p.stem for p in (folder / "test").glob("*_test.py"))
        numpy = load_recipes()["numpy"].recipe.version if args.numpy else None
        python = None if args.no_native else (args.native_python
                                              or native_python(pygame_version(), numpy))
        results: dict[str, dict[str, dict]] = {}
        for module in modules:
            sides = results[module] = {}
            if python:
                sides["native"] = run_on_host(python, folder, module, args.timeout)
            if not args.no_browser:
                sides["browser"] = run_browser(folder, module, args.timeout,
                                               asyncify=not args.plain, numpy=args.numpy)
            print(f"{module:24} {cell(sides.get('native')):>26} "
                  f"{cell(sides.get('browser')):>27}", flush=True)
    report(results)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n")


if __name__ == "__main__":
    main()
