"""One module per `pack` command, each with `add_parser(subparsers)` and `run(args) -> int`.

`pack` (the game command), `runtime`, `exec` and `new`. cli.py builds the one parser from
them.
"""

import argparse


class OneLineParser(argparse.ArgumentParser):
    """An argument parser whose errors are one line (`pack: error: ...`), exit status 2.

    `error_hint` is added to each error message (how to do what was probably meant)."""

    def __init__(self, *args, error_hint: str = "", **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.error_hint = error_hint

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"pack: error: {message}{self.error_hint}\n")
