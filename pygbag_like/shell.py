"""Render the HTML shell (templates/) into an output folder.

A template is an HTML file with these placeholders, all filled in one pass (so text that is
put in, like a title, is never read as a placeholder):
    {{title}}      the game's title, HTML-escaped
    {{pack_head}}  required, inside <head>: stylesheet, loader script, page configuration
    {{pack_body}}  required, inside <body>: the canvas, progress, start screen, error overlay
The default template is templates/index.html; `--template FILE` / `template = "FILE"` in the
config chooses another one.
"""

import html
import re
import shutil
from pathlib import Path

from pygbag_like.config import GameConfig
from pygbag_like.errors import ConfigError
from pygbag_like.offline import MANIFEST
from pygbag_like.page import PageConfig
from pygbag_like.resources import resource_dir

REQUIRED_PLACEHOLDERS = ("{{pack_head}}", "{{pack_body}}")
STATIC_FILES = ("notice.js", "saves.js", "bridge.js", "keys.js", "stage.js", "gamepad.js",
                "textinput.js", "loader.js", "pack.css")
LIVE_RELOAD_FILE = "livereload.js"  # only in pages served by `pack --serve`


_PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")


def _fill(text: str, values: dict[str, str]) -> str:
    """Replace each {{key}} of `values` in one pass; other {{...}} stay as they are."""
    return _PLACEHOLDER.sub(lambda match: values.get(match[1], match[0]), text)


def read_template(config: GameConfig, game_dir: Path) -> str:
    """The page template's text: the game's own template if configured, else the default."""
    if config.template is None:
        return (resource_dir("templates") / "index.html").read_text(encoding="utf-8")
    path = (game_dir / config.template).resolve()
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read the template {path}: {exc}") from exc
    missing = [p for p in REQUIRED_PLACEHOLDERS if p not in text]
    if missing:
        raise ConfigError(
            f"the template {path} lacks {' and '.join(missing)}; see docs/templates.md"
        )
    return text


def render_page(template: str, config: GameConfig, page_config: PageConfig,
                live_reload: bool) -> str:
    """The page's HTML from a template, the game config and the loader's configuration."""
    templates = resource_dir("templates")
    values = {
        "title": html.escape(config.title),
        "width": str(config.width),
        "height": str(config.height),
        "background": config.background,
        "image_rendering": "pixelated" if config.pixel_art else "auto",
        "config": page_config.to_json(),
        "manifest": f'<link rel="manifest" href="{MANIFEST}">' if page_config.offline else "",
        "live_reload": f'<script src="{LIVE_RELOAD_FILE}"></script>' if live_reload else "",
    }
    values["pack_head"] = _fill((templates / "head.html").read_text(encoding="utf-8"), values)
    values["pack_body"] = _fill((templates / "body.html").read_text(encoding="utf-8"), values)
    return _fill(template, {key: values[key] for key in ("title", "pack_head", "pack_body")})


def live_reload_script() -> str:
    """The live-reload script's source, for pages that cannot load it from the output."""
    return (resource_dir("templates") / LIVE_RELOAD_FILE).read_text(encoding="utf-8")


def write_shell(out_dir: Path, page_html: str, live_reload: bool) -> None:
    """Write index.html and the loader's static files into `out_dir`."""
    (out_dir / "index.html").write_text(page_html, encoding="utf-8")
    templates = resource_dir("templates")
    for name in STATIC_FILES + ((LIVE_RELOAD_FILE,) if live_reload else ()):
        shutil.copyfile(templates / name, out_dir / name)
