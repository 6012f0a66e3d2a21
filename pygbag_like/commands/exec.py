"""`pack exec SCRIPT.py [args...]`: run a script in the runtime inside headless Chromium."""

import argparse

DEFAULT_TIMEOUT = 120.0


def add_parser(commands: argparse._SubParsersAction) -> argparse.ArgumentParser:
    parser = commands.add_parser(
        "exec", prog="pack exec",
        help="run a Python script in the browser runtime, output to the terminal",
        description="Run a Python script inside the WebAssembly runtime in headless Chromium. "
                    "Exit status: the script's; 124 on a time-out; 125 if the page fails.",
    )
    parser.add_argument("script", help="the .py file; its folder becomes the working directory")
    parser.add_argument("args", nargs=argparse.REMAINDER, help="arguments for the script")
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT,
                        help=f"seconds before the run is stopped (default {DEFAULT_TIMEOUT:g})")
    parser.add_argument("--asyncify", action="store_true",
                        help="use the asyncify runtime (blocking loops and time.sleep work)")
    parser.add_argument("--numpy", action="store_true",
                        help="use a runtime with numpy even if the script's imports do not "
                             "show it (a module it imports by name at run time needs it)")
    return parser


def run(args: argparse.Namespace) -> int:
    from pygbag_like.exec import exec_script  # Playwright loads only for this command

    return exec_script(args.script, args.args, timeout=args.timeout, asyncify=args.asyncify,
                       numpy=args.numpy)
