"""The `pack` command line: one parser, and errors turned into one line and an exit code.

    pack GAME_DIR [--out DIR] [--serve] [--archive] ...   pack a game (see `pack --help`)
    pack runtime build|info|wheel|clean                     the WebAssembly runtime
    pack exec SCRIPT.py [args...]                           run a script in the runtime

The first argument is a command name or, for anything else, the game folder: a game folder
named like a command is packed as `./runtime`.
"""

import argparse
import errno
import signal
import sys
from collections.abc import Sequence

from pygbag_like import __version__
from pygbag_like.commands import OneLineParser
from pygbag_like.commands import exec as exec_command
from pygbag_like.commands import new as new_command
from pygbag_like.commands import pack as pack_command
from pygbag_like.commands import runtime as runtime_command
from pygbag_like.errors import PackError, RuntimeBuildError
from pygbag_like.runtime.inside import print_log_tail

# Every command but the game one, by name; they are listed in this order in `pack --help`.
COMMANDS = {"runtime": runtime_command, "exec": exec_command, "new": new_command}
GAME_COMMAND = "game"


class _CommandOrGame(argparse._SubParsersAction):
    """The first positional: a command's name, or else the game folder of `pack GAME_DIR`."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.choices = None  # any word is accepted: what is not a command is a game folder

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        if values[0] not in COMMANDS:
            values = [GAME_COMMAND, *values]
        super().__call__(parser, namespace, values, option_string)


class _HelpAction(argparse.Action):
    """`pack --help`: the commands, then the options of `pack GAME_DIR`."""

    def __init__(self, option_strings, game_parser: argparse.ArgumentParser,
                 dest=argparse.SUPPRESS, **kwargs) -> None:
        super().__init__(option_strings, dest, nargs=0, help="show this help and exit", **kwargs)
        self.game_parser = game_parser

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        game_help = self.game_parser.format_help().split("\n", 1)[1]  # without its usage
        print(parser.format_help() + game_help, end="")
        parser.exit()


def main_parser() -> argparse.ArgumentParser:
    """The whole command line: `pack GAME_DIR ...` and one subparser per command."""
    parser = OneLineParser(
        prog="pack", add_help=False,
        usage="pack GAME_DIR [options]\n       pack {runtime,exec,new} ...",
        description="Pack a pygame-ce game folder (with main.py) into a web page that runs in "
                    "any modern browser, with nothing loaded from elsewhere.",
    )
    parser.add_argument("--version", action="version", version=f"pack (pygbag_like) {__version__}")
    commands = parser.add_subparsers(
        action=_CommandOrGame, dest="command", metavar="COMMAND",
        parser_class=OneLineParser,
        title="commands (anything else is taken as GAME_DIR)",
    )
    for module in COMMANDS.values():
        module.add_parser(commands)
    game_parser = pack_command.add_parser(commands, GAME_COMMAND)
    parser.add_argument("-h", "--help", action=_HelpAction, game_parser=game_parser)
    return parser


def _stop_on_sigterm() -> None:
    """SIGTERM stops `pack` like Ctrl+C: builds stop their children, packs clean up."""
    def interrupt(signum, frame) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, interrupt)


def _tolerant_output() -> None:
    """A Windows console or pipe may write with a code page (cp1252...) that lacks
    characters a game prints or pack's own ✓: those are written escaped, not a crash."""
    for stream in (sys.stdout, sys.stderr):
        if getattr(stream, "errors", None) == "strict" and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")


def _one_line(error: OSError) -> str:
    if error.errno == errno.ENOSPC:
        return f"the disk is full{f' (writing {error.filename})' if error.filename else ''}: " \
               "free some space and try again"
    where = f": {error.filename}" if error.filename else ""
    return f"{error.strerror or error}{where}"


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `pack` console script; returns the exit code."""
    parser = main_parser()
    args = parser.parse_args(sys.argv[1:] if argv is None else list(argv))
    if args.command is None:
        parser.error("give the game folder to pack (pack GAME_DIR) or a command; "
                     "see pack --help")
    command = COMMANDS.get(args.command, pack_command)
    _stop_on_sigterm()
    _tolerant_output()
    try:
        return command.run(args)
    except RuntimeBuildError as exc:
        print_log_tail(exc)
        print(f"pack: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except PackError as exc:
        print(f"pack: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except OSError as exc:  # anything the library did not expect: still one line
        print(f"pack: error: {_one_line(exc)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("pack: interrupted", file=sys.stderr)
        return 130
