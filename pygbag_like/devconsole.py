"""The game's output in the terminal of `pack --serve`: what the page posts to LOG_PATH.

Only pages served with live reload post here (templates/livereload.js). Paths the game's
files have in the browser (/game/main.py) are shown as the files in the game folder, so a
traceback's `File "...", line N` leads to the file being edited.
"""

import json
import re
from pathlib import Path

LOG_PATH = "/__pack_log"
MAX_BYTES = 1 << 20  # one post; the page sends a few lines at a time
STREAMS = ("out", "err")


def parse(body: bytes) -> list[tuple[str, str]]:
    """(stream, line) pairs from a post: {"lines": [["out" or "err", text], ...]}."""
    try:
        lines = json.loads(body)["lines"]
        pairs = [(stream, text) for stream, text in lines]
    except (ValueError, KeyError, TypeError) as error:
        raise ValueError(f"not a page log: {error}") from error
    if not all(stream in STREAMS and isinstance(text, str) for stream, text in pairs):
        raise ValueError("not a page log: streams are out or err, lines are strings")
    return pairs


def local_paths(text: str, mount: str, game_dir: Path) -> str:
    """`text` with the game's paths in the browser (below `mount`) made paths on this disk."""
    return re.sub(rf"(?<![\w/.]){re.escape(mount)}/", f"{game_dir.as_posix()}/", text)
