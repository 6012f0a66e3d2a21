"""The page's configuration: what `pack` tells the loader (templates/loader.js).

One dataclass, serialised into the page as JSON. loader.js documents the same fields in its
`PageConfig` JSDoc typedef; docs/runtime-contract.md lists them. Change all three together.
"""

import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field

from pygbag_like.touchcontrols import DomKey


@dataclass(frozen=True)
class PageConfig:
    """Everything the loader needs to start the game; paths are relative to the page."""

    runtime_js: str  # the emscripten loader script of the chosen variant
    runtime_wasm: str  # its WebAssembly binary
    asyncify: bool  # the variant can suspend: `start` returns only when the game ends
    module_store: str  # every runtime module; one is fetched from it when first imported
    module_contents: str  # in the browser's files: the store's table of contents
    game_data: str  # the game's files (mounted at `mount`) and the modules it imports
    mount: str  # where the game's files live in the browser (the working directory)
    main: str  # the entry point, relative to `mount`
    cwd: str  # the game's working directory, relative to `mount` ("" for the mount itself)
    sizes: Mapping[str, int]  # bytes of each file downloaded with progress, by URL
    pixel_art: bool = False  # scale the canvas by whole steps, without smoothing
    resize: str = "fit"  # fit, fixed or fill (config.RESIZE_MODES)
    autostart: bool = False  # start without waiting for a click (pack exec, live reload)
    preload: tuple[str, ...] = ()  # modules to import while the page waits for the click
    keep_saves: bool = True  # keep the files the game writes (IndexedDB)
    offline: bool = False  # register sw.js: the game plays with no network after one visit
    argv: tuple[str, ...] | None = None  # sys.argv for the script (pack exec)
    python_path: tuple[str, ...] = ()  # folders put on sys.path after the script's own
    gzipped: tuple[str, ...] = ()  # files with a gzip copy (.gz), for hosts that don't compress
    # The on-screen gamepad for touch devices: button -> the key it presses (touchcontrols.py).
    touch_controls: Mapping[str, DomKey] = field(default_factory=dict)
    touch_keyboard: bool = False  # a button opens the phone's keyboard (textinput.js)
    orientation: str = "any"  # any, landscape or portrait (config.ORIENTATIONS)
    background_audio: bool = False  # keep the sound on while the page is hidden

    def to_json(self) -> str:
        """The configuration as JSON that is safe inside a <script> element."""
        return json.dumps(asdict(self), sort_keys=True).replace("</", "<\\/")
