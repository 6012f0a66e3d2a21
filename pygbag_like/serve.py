"""`pack GAME_DIR --serve`: serve the packed game, repack on change, reload the page.

The game folder is watched with watchdog; a change repacks the game (debounced) and tells
open pages to reload through server-sent events on /__pack_events. Whatever makes a repack
fail (a pack error, a file deleted mid-scan, a bug) is shown on the page and in the terminal;
the server keeps running, and keeps watching when the game folder is deleted and recreated.
What the game prints in the page comes back to the terminal (devconsole.py).
"""

import html
import ipaddress
import os
import queue
import socket
import threading
import time
import warnings
from collections.abc import Mapping
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.api import ObservedWatch

from pygbag_like import devconsole, reporting
from pygbag_like.archive import archive_path, write_archive
from pygbag_like.config import PACK_TOML, PYPROJECT, load_config
from pygbag_like.errors import PackError
from pygbag_like.httpserver import StaticHandler, start_server
from pygbag_like.output import staging_dir
from pygbag_like.pack import MOUNT_POINT, pack_game
from pygbag_like.scan import GITIGNORE, PACKIGNORE, IgnoreRules
from pygbag_like.shell import live_reload_script

EVENTS_PATH = "/__pack_events"
DEBOUNCE_SECONDS = 0.15
KEEPALIVE_SECONDS = 15.0
POLL_SECONDS = 0.5
# Changes to these always repack, though they are never packed themselves.
SETTINGS_FILES = {PACKIGNORE, GITIGNORE, PACK_TOML, PYPROJECT}


class LiveState:
    """The last pack's outcome and the pages listening for changes."""

    def __init__(self) -> None:
        self.error: str | None = None
        # One more for each repack, whatever its outcome: a page knows which one it shows
        # (it is written into the page as it is served), and the events stream tells it the
        # latest when it connects, so a repack that ended before it listened is not missed.
        self.generation = 0
        self._listeners: list[queue.Queue[tuple[str, str]]] = []
        self._lock = threading.Lock()

    def listen(self) -> "queue.Queue[tuple[str, str]]":
        listener: queue.Queue[tuple[str, str]] = queue.Queue()
        with self._lock:
            self._listeners.append(listener)
        return listener

    def forget(self, listener: "queue.Queue[tuple[str, str]]") -> None:
        with self._lock:
            self._listeners.remove(listener)

    def broadcast(self, event: str, data: str = "") -> None:
        with self._lock:
            for listener in self._listeners:
                listener.put((event, data))


def _generation_script(generation: int) -> str:
    return f"<script>window.PACK_GENERATION = {generation};</script>"


def _error_page(message: str, generation: int) -> bytes:
    return (
        "<!doctype html><meta charset='utf-8'><title>Pack failed</title>"
        + _generation_script(generation) +
        "<body style='background:#200;color:#eee;font-family:sans-serif'>"
        "<h2>Packing failed</h2><pre id='pl-error-text'>" + html.escape(message) + "</pre>"
        "<section id='pl-error' hidden><h2 id='pl-error-title'></h2></section>"
        "<script>" + live_reload_script() + "</script></body>"
    ).encode()


def _handler_for(state: LiveState, game_dir: Path) -> type[StaticHandler]:
    class LiveHandler(StaticHandler):
        def do_POST(self) -> None:
            """The game's output, posted by the page (livereload.js), printed here."""
            if self.path != devconsole.LOG_PATH:
                self.send_error(404)
                return
            length = int(self.headers.get("Content-Length") or 0)
            if not 0 < length <= devconsole.MAX_BYTES:
                self.send_error(413 if length else 411)
                return
            try:
                lines = devconsole.parse(self.rfile.read(length))
            except ValueError as error:
                self.send_error(400, str(error))
                return
            for stream, line in lines:
                reporting.game_output(stream, devconsole.local_paths(line, MOUNT_POINT, game_dir))
            self.send_response(204)
            self.end_headers()

        def do_GET(self) -> None:
            if self.path == EVENTS_PATH:
                self._stream_events()
            elif self.path.split("?")[0] in ("/", "/index.html"):
                self._send_page()
            else:
                super().do_GET()

        def _send_page(self) -> None:
            """index.html (or the error page), marked with the repack it belongs to."""
            generation = state.generation
            if state.error is not None:
                body = _error_page(state.error, generation)
            else:
                try:
                    page = (Path(self.directory) / "index.html").read_text(encoding="utf-8")
                except OSError:
                    self.send_error(404)
                    return
                body = page.replace("</head>", _generation_script(generation) + "</head>",
                                    1).encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _stream_events(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.end_headers()
            listener = state.listen()
            listener.put(("hello", str(state.generation)))
            try:
                while True:
                    try:
                        event, data = listener.get(timeout=KEEPALIVE_SECONDS)
                        lines = "".join(f"data: {line}\n" for line in (data or "-").splitlines())
                        self.wfile.write(f"event: {event}\n{lines}\n".encode())
                    except queue.Empty:
                        self.wfile.write(b": keepalive\n\n")
                    self.wfile.flush()
            except (BrokenPipeError, ConnectionResetError):
                pass
            finally:
                state.forget(listener)

    return LiveHandler


class _ChangeWatcher(FileSystemEventHandler):
    """Sets `changed` for a change to a file that is packed, or to the packing settings."""

    def __init__(self, game_dir: Path, out_dir: Path, changed: threading.Event) -> None:
        self.game_dir = game_dir
        self.outputs = (out_dir, staging_dir(out_dir), archive_path(out_dir))
        self.changed = changed
        self.rules: IgnoreRules | None = None  # the last pack's, once it read them

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in ("opened", "closed_no_write"):
            return
        if event.is_directory and event.event_type == "modified":
            return  # a folder's listing changed: the change itself arrives as its own event
        for raw in (event.src_path, getattr(event, "dest_path", "")):
            if raw and self._matters(Path(os.fsdecode(raw)), event.is_directory):
                self.changed.set()

    def _matters(self, path: Path, is_dir: bool) -> bool:
        if any(path == p or path.is_relative_to(p) for p in self.outputs):
            return False
        if path.name in SETTINGS_FILES:
            return True
        if path.name.startswith(".#") or not path.is_relative_to(self.game_dir):
            return False  # an editor's lock file
        rel = path.relative_to(self.game_dir).as_posix()
        return self.rules is None or not self.rules.ignores(f"{rel}/" if is_dir else rel)


def _folder_identity(folder: Path) -> tuple[int, int] | None:
    try:
        info = folder.stat()
    except OSError:
        return None
    return (info.st_dev, info.st_ino)


class _Watch:
    """watchdog on the game folder, scheduled again when the folder is replaced."""

    def __init__(self, game_dir: Path, handler: _ChangeWatcher) -> None:
        self.game_dir = game_dir
        self.handler = handler
        self.observer = Observer()
        self.observer.start()
        self.watch: ObservedWatch | None = None
        self.identity: tuple[int, int] | None = None
        self.check()

    def check(self) -> bool:
        """Follow the folder if it was deleted or recreated; True when it came back."""
        identity = _folder_identity(self.game_dir)
        if identity == self.identity:
            return False
        if self.watch is not None:
            self.observer.unschedule(self.watch)
            self.watch = None
        self.identity = identity
        if identity is None:
            return False
        self.watch = self.observer.schedule(self.handler, str(self.game_dir), recursive=True)
        return True

    def stop(self) -> None:
        self.observer.stop()
        self.observer.join(timeout=2)


def _failure_message(error: Exception) -> str:
    if isinstance(error, PackError):
        return str(error)
    if isinstance(error, OSError) and error.filename:
        return f"{error.strerror or error}: {error.filename}"
    return f"{type(error).__name__}: {error}"


class Repacker:
    """Packs the game again on demand; any failure becomes the page's error and a terminal
    line, never an exception."""

    def __init__(self, game_dir: Path, overrides: Mapping[str, object], out_dir: Path,
                 archive: bool, state: LiveState, watcher: _ChangeWatcher) -> None:
        self.game_dir = game_dir
        self.overrides = overrides
        self.out_dir = out_dir
        self.archive = archive
        self.state = state
        self.watcher = watcher

    def __call__(self) -> None:
        try:
            if not self.game_dir.is_dir():
                raise PackError(f"the game folder {self.game_dir} is gone: waiting for it")
            config = load_config(self.game_dir, self.overrides)
            self.watcher.rules = IgnoreRules.for_game(self.game_dir, config.excludes)
            result = pack_game(self.game_dir, config, self.out_dir, live_reload=True)
            if self.archive:
                write_archive(self.out_dir, archive_path(self.out_dir))
        except Exception as error:  # the server outlives any failure of one pack
            self.state.generation += 1
            self.state.error = _failure_message(error)
            reporting.error(self.state.error)
            self.state.broadcast("pack-error", self.state.error)
            return
        self.state.generation += 1
        self.state.error = None
        reporting.pack_result(result)
        self.state.broadcast("reload")


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


def _lan_address() -> str | None:
    """This machine's address on its network: the one it would send from (UDP's connect
    sends nothing), or None without a network."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # TEST-NET-1: never routed anywhere for real
            address = probe.getsockname()[0]
        except OSError:
            return None
    return None if ipaddress.ip_address(address).is_loopback else address


def serve_urls(host: str, port: int) -> list[str]:
    """Addresses a browser can open: for all interfaces (0.0.0.0, ::) this machine's own
    and its network address, since 0.0.0.0 is not an address to browse to."""
    if host in ("", "0.0.0.0", "::"):
        hosts = ["127.0.0.1", *filter(None, [_lan_address()])]
    else:
        hosts = [host]
    return [f"http://{f'[{h}]' if ':' in h else h}:{port}/" for h in hosts]


def serve(game_dir: Path, overrides: Mapping[str, object], out_dir: Path,
          host: str, port: int, archive: bool = False) -> int:
    """Pack, serve and repack on change until interrupted."""
    state = LiveState()
    server = start_server(out_dir, host, port, _handler_for(state, game_dir))
    changed = threading.Event()
    watcher = _ChangeWatcher(game_dir, out_dir, changed)
    repack = Repacker(game_dir, overrides, out_dir, archive, state, watcher)
    repack()
    # watchdog warns when it re-adds watches for the output folder it replaced; those events
    # are ignored anyway.
    warnings.filterwarnings("ignore", category=RuntimeWarning, module="watchdog")
    watch = _Watch(game_dir, watcher)
    urls = serve_urls(host, server.server_address[1])
    print(f"Serving {' and '.join(urls)} — edit the game to repack and reload; Ctrl+C to stop",
          flush=True)
    if not _is_loopback(host):
        reporting.warning(f"--host {host} lets every device that can reach this machine on "
                          "its networks load the game and its files; use it on networks you "
                          "trust, and keep the default (127.0.0.1) otherwise")
    try:
        while True:
            if watch.check() or changed.wait(timeout=POLL_SECONDS):
                time.sleep(DEBOUNCE_SECONDS)
                changed.clear()
                repack()
    except KeyboardInterrupt:
        print("stopped", flush=True)
    finally:
        watch.stop()
        server.shutdown()
    return 0
