"""Which pygame calls kill the browser page (wasm traps such as "function signature mismatch").
Prints a report; exits 1 if any call did.

    python3 -m bench.pygame_sweep                       every pygame module
    python3 -m bench.pygame_sweep pygame.color ...      some modules
    python3 -m bench.pygame_sweep --json out.json       also write the findings
    python3 -m bench.pygame_sweep --native PYTHON       the same sweep on the host, to tell
                                                       pygame's own crashes from wasm ones

One `pack exec` page per module runs pages/sweep_module.py, which calls every public callable
of the module and every method, attribute and protocol slot of its types. When a page dies,
the call it was making is recorded and the module is swept again without it, until a page
runs to its end: every trapping call is found, not only the first of each module.

Pages use the plain runtime unless --asyncify: both are linked from the same objects, so a
mismatched function pointer traps in both, and the asyncify one adds failures of its own
(docs/wasm-traps.md) that would hide the calls made after them.
"""

import argparse
import json
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from bench._pages import PAGES, PageRun, run_native, run_page

SWEEP = "sweep_module.py"
MAX_PAGES_PER_MODULE = 25


def sweep_module(runner: Callable[[list[str]], PageRun], module: str) -> dict:
    """Sweep `module`, again and again without the calls that killed the page."""
    found: dict[str, str] = {}  # label of the call -> how the page died
    for _ in range(MAX_PAGES_PER_MODULE):
        run = runner([module, json.dumps(sorted(found))])
        done = [line for line in run.stdout.splitlines() if line.startswith("SWEEP DONE ")]
        if done:
            result = {"calls": int(done[-1].split()[-1]), "traps": found}
            if run.failure:  # after the last call: no call to blame (a crash at exit)
                result["error"] = f"died after the sweep: {run.failure}"
            return result
        calls = [line[5:] for line in run.stderr.splitlines() if line.startswith("CALL ")]
        if not calls:
            return {"calls": 0, "traps": found, "error": run.failure or run.stderr[-2000:]}
        found[calls[-1]] = run.failure or f"exit status {run.returncode}"
    return {"calls": None, "traps": found, "error": "gave up: too many pages died"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("modules", nargs="*", help="modules to sweep (default: all)")
    parser.add_argument("--timeout", type=float, default=300, help="seconds per page")
    parser.add_argument("--json", type=Path, help="write the findings to this file")
    parser.add_argument("--asyncify", action="store_true", help="use the asyncify runtime")
    parser.add_argument("--native", type=Path, metavar="PYTHON",
                        help="sweep on the host with this Python (pygame-ce installed)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="pygame-sweep-") as tmp:
        script = Path(tmp) / SWEEP
        script.write_bytes((PAGES / SWEEP).read_bytes())
        if args.native:
            def runner(argv):
                return run_native(args.native, script, argv, args.timeout)
        else:
            def runner(argv):
                return run_page(script, argv, args.timeout, asyncify=args.asyncify)
        modules = args.modules or json.loads(runner(["--list"]).stdout.strip().splitlines()[-1])
        results = {}
        for module in modules:
            result = results[module] = sweep_module(runner, module)
            print(f"{module:24} calls {result['calls']}, page died in {len(result['traps'])}"
                  + (f" [{result['error']}]" if "error" in result else ""), flush=True)
            for label, how in result["traps"].items():
                print(f"    {label}: {how}", flush=True)
    traps = {label for r in results.values() for label in r["traps"]}
    unfinished = [m for m, r in results.items() if "error" in r]
    print(f"\n{len(modules)} modules, {sum(r['calls'] or 0 for r in results.values())} calls; "
          f"calls that killed the page: {len(traps)}; modules not swept to the end: "
          f"{len(unfinished)}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n")
    sys.exit(1 if traps or unfinished else 0)


if __name__ == "__main__":
    main()
