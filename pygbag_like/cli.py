"""The `pack` command: argument parsing and error-to-exit-code only.

    pack GAME_DIR [--out DIR] [--serve] [--archive] ...   pack a game (see `pack --help`)
    pack runtime build|info|clean                           the WebAssembly runtime
    pack exec SCRIPT.py [args...]                           run a script in the runtime
"""

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from pygbag_like.errors import PackError, RuntimeBuildError

SUBCOMMANDS = ("runtime", "exec")


def _runtime_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="pack runtime",
                                     description="Build, inspect or remove the runtime.")
    sub = parser.add_subparsers(dest="action", required=True)
    build = sub.add_parser("build", help="build the runtime into the user cache (once)")
    build.add_argument("--jobs", type=int, default=None, help="parallel compile jobs")
    build.add_argument("--sources", metavar="DIR",
                       help="a folder of already-downloaded source archives (offline builds; "
                            "same as $PYGBAG_LIKE_SOURCES)")
    sub.add_parser("info", help="where the runtime is, its versions and file sizes")
    sub.add_parser("clean", help="remove the cached runtime and its build files")
    return parser


def _exec_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="pack exec",
        description="Run a Python script inside the WebAssembly runtime in headless Chromium.",
    )
    parser.add_argument("script", help="the .py file; its folder becomes the working directory")
    parser.add_argument("args", nargs=argparse.REMAINDER, help="arguments for the script")
    parser.add_argument("--timeout", type=float, default=120.0,
                        help="seconds before the run is stopped (default 120)")
    parser.add_argument("--asyncify", action="store_true",
                        help="use the asyncify runtime (blocking loops and time.sleep work)")
    return parser


def _run_runtime(args: argparse.Namespace) -> int:
    from pygbag_like import runtime_commands
    from pygbag_like.runtime import paths

    if args.action == "build":
        if args.sources:
            os.environ[paths.SOURCES_ENV] = str(Path(args.sources).resolve())
        return runtime_commands.build(jobs=args.jobs)
    if args.action == "info":
        return runtime_commands.info()
    return runtime_commands.clean()


def _run_exec(args: argparse.Namespace) -> int:
    from pygbag_like.exec import exec_script

    return exec_script(args.script, args.args, timeout=args.timeout, asyncify=args.asyncify)


def _run_pack(argv: Sequence[str]) -> int:
    from pygbag_like.pack_command import run_pack_command

    return run_pack_command(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `pack` console script; returns the exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] == "runtime":
            return _run_runtime(_runtime_parser().parse_args(argv[1:]))
        if argv and argv[0] == "exec":
            return _run_exec(_exec_parser().parse_args(argv[1:]))
        return _run_pack(argv)
    except RuntimeBuildError as exc:
        from pygbag_like.runtime_commands import print_log_tail

        print_log_tail(exc)
        print(f"pack: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except PackError as exc:
        print(f"pack: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("pack: interrupted", file=sys.stderr)
        return 130
