"""`pack GAME_DIR [options]`: pack a game, and optionally serve it or zip it for itch.io."""

import argparse
from pathlib import Path

from pygbag_like import reporting
from pygbag_like.archive import archive_path, write_archive
from pygbag_like.config import RESIZE_MODES, load_config
from pygbag_like.errors import UsageError
from pygbag_like.output import resolve_out_dir
from pygbag_like.pack import pack_game

DEFAULT_PORT = 8000
LOCALHOST = "127.0.0.1"


def _port(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number") from None
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"port {port} is out of range: use 1 to 65535 "
                                         "(0 picks a free one)")
    return port


def add_parser(commands: argparse._SubParsersAction, name: str) -> argparse.ArgumentParser:
    """The game command's parser (`pack GAME_DIR ...`): it has no name users type."""
    parser = commands.add_parser(name, prog="pack", usage="pack GAME_DIR [options]")
    parser.add_argument("game_dir", metavar="GAME_DIR",
                        help="the game folder (main.py, or --main, is its entry point)")
    parser.add_argument("--out", help="output folder (default: GAME_DIR/build/web); pack only "
                        "replaces a folder it wrote itself, or an empty one")
    parser.add_argument("--serve", action="store_true",
                        help="serve the game, repack and reload the page on changes")
    parser.add_argument("--port", type=_port, default=DEFAULT_PORT,
                        help=f"port for --serve (default {DEFAULT_PORT})")
    parser.add_argument("--host", default=LOCALHOST,
                        help=f"address for --serve (default {LOCALHOST}, this machine only; "
                             "0.0.0.0: other devices too, e.g. a phone on the same network)")
    parser.add_argument("--archive", action="store_true",
                        help="also write an itch.io-ready zip next to the output folder")
    parser.add_argument("--single-file", action="store_true",
                        help="write the whole game as one index.html that also plays opened "
                             "straight from the disk")
    parser.add_argument("--template", help="an HTML template with {{pack_head}} and {{pack_body}}")
    parser.add_argument("--main", metavar="PATH",
                        help="the entry point, relative to GAME_DIR (default main.py); the "
                             "game runs from its folder, e.g. --main code/main.py")
    parser.add_argument("--title", help="page title (default: the folder name)")
    parser.add_argument("--icon", help="icon image for the favicon, relative to the game folder")
    parser.add_argument("--width", type=int, help="canvas width before the game sets its mode")
    parser.add_argument("--height", type=int, help="canvas height before the game sets its mode")
    parser.add_argument("--resize", choices=RESIZE_MODES,
                        help="fit (default): scaled to the page; fixed: unscaled; fill: a "
                             "RESIZABLE game gets the page's size")
    parser.add_argument("--pixel-art", action="store_true", default=None,
                        help="scale the canvas by whole steps without smoothing")
    parser.add_argument("--exclude", action="append", default=None, metavar="PATTERN",
                        help="gitignore-style pattern of files to leave out (repeatable)")
    return parser


def _overrides(args: argparse.Namespace) -> dict[str, object]:
    return {
        "main": args.main, "template": args.template, "title": args.title, "icon": args.icon,
        "width": args.width, "height": args.height, "pixel_art": args.pixel_art,
        "resize": args.resize,
        "excludes": tuple(args.exclude) if args.exclude else None,
    }


def run(args: argparse.Namespace) -> int:
    """Pack the game; then serve it, or zip it, as asked."""
    game_dir = Path(args.game_dir)
    if not game_dir.is_dir():
        raise UsageError(f"{game_dir} is not a folder: give the folder that holds main.py")
    game_dir = game_dir.resolve()
    overrides = _overrides(args)
    config = load_config(game_dir, overrides)
    out_dir = resolve_out_dir(game_dir, args.out or config.out, from_cli=bool(args.out))
    if args.serve:
        from pygbag_like.serve import serve

        return serve(game_dir, overrides, out_dir, args.host, args.port, archive=args.archive)
    if args.single_file and args.serve:
        raise UsageError("--single-file and --serve do not go together: serve the normal "
                         "output while you work, make the single file at the end")
    result = pack_game(game_dir, config, out_dir, single_file=args.single_file)
    reporting.pack_result(result)
    if args.archive:
        reporting.archive_result(write_archive(out_dir, archive_path(out_dir)))
    return 0
