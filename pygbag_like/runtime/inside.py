"""The runtime build as it runs inside the pinned Debian root: `python -m
pygbag_like.runtime.inside [--jobs N]`.

It imports the builder alone (which needs filelock and platformdirs), not the packer: the
root's Python packages are only what the build needs, so a new dependency of `pack` does
not change the root, hence not the runtime's key. Output: one line per component, the
runtime's folder and the reproducibility verdict; a failure is one `pack: error:` line and
the end of the failing step's log, with the error's exit code.
"""

import argparse
import sys
import time
from pathlib import Path

from pygbag_like.errors import PackError, RuntimeBuildError
from pygbag_like.runtime import paths
from pygbag_like.runtime.builder import BuildReporter, build_runtime
from pygbag_like.runtime.verify import check_runtime

LOG_TAIL_LINES = 25


class LineReporter(BuildReporter):
    """One plain line per component as it starts and finishes."""

    def step_started(self, name: str, version: str, log_path: Path) -> None:
        print(f"  building {name} {version} (log: {log_path})", file=sys.stderr, flush=True)

    def step_finished(self, name: str, version: str, seconds: float, cached: bool) -> None:
        how = "cached" if cached else f"built in {seconds:.1f}s"
        print(f"  ✓ {name} {version} ({how})", file=sys.stderr, flush=True)

    def waiting_for_lock(self, lock_path: Path) -> None:
        print(f"  another build is using the cache; waiting for it ({lock_path})",
              file=sys.stderr, flush=True)


def print_log_tail(error: RuntimeBuildError, lines: int = LOG_TAIL_LINES) -> None:
    """Show the end of the failing step's log, if it has one."""
    log = error.log_path
    if log is not None and log.exists():
        tail = log.read_text(errors="replace").splitlines()[-lines:]
        print(f"--- last {len(tail)} lines of {log} ---", file=sys.stderr)
        print("\n".join(tail), file=sys.stderr)
        print("---", file=sys.stderr)


def build_here(jobs: int | None = None, sources: Path | None = None) -> None:
    """Build (or reuse) the runtime with this machine's tools, saying what happens, where the
    runtime is and whether it is the recorded one (errors are raised)."""
    started = time.monotonic()
    files = build_runtime(LineReporter(), jobs=jobs, sources=sources or paths.sources_dir())
    print(f"Runtime ready in {time.monotonic() - started:.1f}s: {files.root}", file=sys.stderr)
    print(check_runtime(files.root).line(), file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="pack runtime build (inside the build root)")
    parser.add_argument("--jobs", type=int, default=None)
    args = parser.parse_args(argv)
    try:
        build_here(args.jobs)
    except KeyboardInterrupt:
        print("pack: interrupted", file=sys.stderr)
        return 130
    except PackError as error:
        if isinstance(error, RuntimeBuildError):
            print_log_tail(error)
        print(f"pack: error: {error}", file=sys.stderr)
        return error.exit_code
    return 0


if __name__ == "__main__":
    sys.exit(main())
