"""`pack --single-file`: the whole page in one index.html that plays opened from the disk.

The scripts and the stylesheet are written into the page, the favicon as a data URL, and the
files the loader downloads (runtime, game data, module store) as base64 of their gzip, in
`PygbagLike.inline`; the loader and the bridge read them from there instead of the network
(templates/loader.js `fetchOk`, templates/bridge.js), decoding with DecompressionStream.
"""

import base64
import gzip
import json
import re
from collections.abc import Iterable
from pathlib import Path

_SCRIPT = re.compile(r'<script src="([\w.-]+\.js)"></script>')
_STYLESHEET = re.compile(r'<link rel="stylesheet" href="([\w.-]+\.css)">')
_FAVICON = re.compile(r'<link rel="icon" type="image/png" href="([\w.-]+\.png)">')


def _inline_script(text: str) -> str:
    return "<script>" + text.replace("</script", "<\\/script") + "</script>"


def single_file_page(folder: Path, inlined: Iterable[str]) -> str:
    """index.html of `folder` with everything it loads written into it; `inlined` are the
    URLs (relative to the page) the loader fetches."""
    page = (folder / "index.html").read_text(encoding="utf-8")
    page = _SCRIPT.sub(lambda m: _inline_script((folder / m[1]).read_text(encoding="utf-8")),
                       page)
    page = _STYLESHEET.sub(
        lambda m: "<style>" + (folder / m[1]).read_text(encoding="utf-8") + "</style>", page)
    page = _FAVICON.sub(
        lambda m: '<link rel="icon" type="image/png" href="data:image/png;base64,'
                  + base64.b64encode((folder / m[1]).read_bytes()).decode() + '">', page)
    files = {url: base64.b64encode(gzip.compress((folder / url).read_bytes(), 9, mtime=0))
             .decode() for url in sorted(set(inlined))}
    store = _inline_script("(window.PygbagLike = window.PygbagLike || {}).inline = "
                           + json.dumps(files, sort_keys=True) + ";")
    head = page.index("<head>") + len("<head>")
    return page[:head] + "\n" + store + page[head:]
