"""`pack GAME_DIR [options]`: pack a game, and optionally serve it or zip it for itch.io."""

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from pygbag_like.archive import write_archive
from pygbag_like.config import GameConfig, load_config
from pygbag_like.errors import UsageError
from pygbag_like.pack import PackResult, default_out_dir, pack_game


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="pack",
        description="Pack a pygame-ce game folder (with main.py) into a web page. "
                    "Other commands: `pack runtime build|info|clean`, `pack exec SCRIPT.py`.",
    )
    parser.add_argument("game_dir", help="the game folder; main.py is its entry point")
    parser.add_argument("--out", help="output folder (default: GAME_DIR/build/web)")
    parser.add_argument("--serve", action="store_true",
                        help="serve the game, repack and reload the page on changes")
    parser.add_argument("--port", type=int, default=8000, help="port for --serve (default 8000)")
    parser.add_argument("--host", default="127.0.0.1",
                        help="address for --serve (default 127.0.0.1, this machine only)")
    parser.add_argument("--archive", action="store_true",
                        help="also write an itch.io-ready zip next to the output folder")
    parser.add_argument("--template", help="an HTML template with {{pack_head}} and {{pack_body}}")
    parser.add_argument("--title", help="page title (default: the folder name)")
    parser.add_argument("--icon", help="icon image for the favicon, relative to the game folder")
    parser.add_argument("--width", type=int, help="canvas width before the game sets its mode")
    parser.add_argument("--height", type=int, help="canvas height before the game sets its mode")
    parser.add_argument("--pixel-art", action="store_true", default=None,
                        help="scale the canvas by whole steps without smoothing")
    parser.add_argument("--exclude", action="append", default=None, metavar="PATTERN",
                        help="gitignore-style pattern of files to leave out (repeatable)")
    return parser


def _overrides(args: argparse.Namespace) -> dict[str, object]:
    return {
        "out": args.out, "template": args.template, "title": args.title, "icon": args.icon,
        "width": args.width, "height": args.height, "pixel_art": args.pixel_art,
        "excludes": tuple(args.exclude) if args.exclude else None,
    }


def _resolve_out(game_dir: Path, config: GameConfig, cli_out: str | None) -> Path:
    if cli_out:
        return Path(cli_out).resolve()  # relative to where the command runs, like any path
    return default_out_dir(game_dir, config)


def report(result: PackResult) -> None:
    """Print a pack's summary and warnings."""
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(f"packed {result.file_count} files ({result.game_bytes / 1e6:.2f} MB) "
          f"into {result.out_dir} in {result.seconds:.2f}s, runtime: {result.variant}")


def run_pack_command(argv: Sequence[str]) -> int:
    """Parse `pack GAME_DIR ...` and run it; returns the exit code."""
    args = _parser().parse_args(argv)
    game_dir = Path(args.game_dir)
    if not game_dir.is_dir():
        raise UsageError(f"{game_dir} is not a folder: give the folder that holds main.py")
    game_dir = game_dir.resolve()
    overrides = _overrides(args)
    config = load_config(game_dir, overrides)
    out_dir = _resolve_out(game_dir, config, args.out)
    if out_dir == game_dir or game_dir.is_relative_to(out_dir):
        raise UsageError(f"the output folder {out_dir} would replace the game folder")
    if args.serve:
        from pygbag_like.serve import serve

        return serve(game_dir, overrides, out_dir, args.host, args.port, archive=args.archive)
    result = pack_game(game_dir, config, out_dir)
    report(result)
    if args.archive:
        zip_report = write_archive(out_dir, out_dir.with_name(out_dir.name + ".zip"))
        print(f"archive: {zip_report.path} ({zip_report.file_count} files, "
              f"{zip_report.zip_size / 1e6:.2f} MB)")
    return 0
