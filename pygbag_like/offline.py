"""Play offline after one visit: the service worker and the web app manifest of a page.

`sw.js` (templates/sw.js) keeps the files the page used; its version changes with the
content-hashed names of the big files, so a new pack is picked up and the old files dropped.
`manifest.webmanifest` lets the browser install the game as an app (title and icon).
"""

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path

from pygbag_like.config import GameConfig
from pygbag_like.resources import resource_dir

SERVICE_WORKER = "sw.js"
MANIFEST = "manifest.webmanifest"


def write_offline_files(out: Path, config: GameConfig, page_files: Sequence[str],
                        versioned: Sequence[str]) -> None:
    """Write sw.js (keeping `page_files` at install; its version hashes `versioned`, the
    content-hashed names) and manifest.webmanifest into `out`."""
    version = hashlib.sha256("\n".join(sorted(versioned)).encode()).hexdigest()[:12]
    worker = (resource_dir("templates") / SERVICE_WORKER).read_text(encoding="utf-8")
    worker = worker.replace("{{version}}", version).replace(
        "{{files}}", json.dumps(["./", *sorted(page_files)]))
    (out / SERVICE_WORKER).write_text(worker, encoding="utf-8")
    manifest = {
        "name": config.title, "short_name": config.title[:12], "start_url": "./",
        "scope": "./", "display": "fullscreen", "background_color": config.background,
        "theme_color": config.background,
        "icons": [{"src": "favicon.png", "sizes": "192x192", "type": "image/png"}],
    }
    (out / MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
