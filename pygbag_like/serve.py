"""`pack GAME_DIR --serve`: serve the packed game, repack on change, reload the page.

The game folder is watched with watchdog; a change repacks the game (debounced) and tells
open pages to reload through server-sent events on /__pack_events. A pack error is shown on
the page instead of stopping the server.
"""

import html
import queue
import threading
import time
import warnings
from collections.abc import Mapping
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from pygbag_like.archive import write_archive
from pygbag_like.config import load_config
from pygbag_like.errors import PackError
from pygbag_like.httpserver import StaticHandler, start_server
from pygbag_like.pack import pack_game, staging_dir
from pygbag_like.pack_command import report
from pygbag_like.shell import LIVE_RELOAD_SCRIPT

EVENTS_PATH = "/__pack_events"
DEBOUNCE_SECONDS = 0.15
KEEPALIVE_SECONDS = 15.0
IGNORED_PARTS = {"__pycache__", ".git", ".hg", ".svn"}


class LiveState:
    """The last pack's outcome and the pages listening for changes."""

    def __init__(self) -> None:
        self.error: str | None = None
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


def _error_page(message: str) -> bytes:
    return (
        "<!doctype html><meta charset='utf-8'><title>Pack failed</title>"
        "<body style='background:#200;color:#eee;font-family:sans-serif'>"
        "<h2>Packing failed</h2><pre id='pl-error-text'>" + html.escape(message) + "</pre>"
        "<section id='pl-error' hidden><h2 id='pl-error-title'></h2></section>"
        + LIVE_RELOAD_SCRIPT + "</body>"
    ).encode()


def _handler_for(state: LiveState) -> type[StaticHandler]:
    class LiveHandler(StaticHandler):
        def do_GET(self) -> None:
            if self.path == EVENTS_PATH:
                self._stream_events()
            elif state.error is not None and self.path.split("?")[0] in ("/", "/index.html"):
                body = _error_page(state.error)
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            else:
                super().do_GET()

        def _stream_events(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.end_headers()
            listener = state.listen()
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
    def __init__(self, game_dir: Path, out_dir: Path, changed: threading.Event) -> None:
        self.game_dir = game_dir
        self.ignored = (out_dir, staging_dir(out_dir), out_dir.with_name(out_dir.name + ".zip"))
        self.changed = changed

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in ("opened", "closed_no_write"):
            return
        if event.is_directory and event.event_type == "modified":
            return  # a folder's listing changed: the change itself arrives as its own event
        for raw in (event.src_path, getattr(event, "dest_path", "")):
            if not raw:
                continue
            path = Path(str(raw))
            if any(path == p or path.is_relative_to(p) for p in self.ignored):
                continue
            if IGNORED_PARTS & set(path.parts) or path.name.startswith(".#"):
                continue
            self.changed.set()


def serve(game_dir: Path, overrides: Mapping[str, object], out_dir: Path,
          host: str, port: int, archive: bool = False) -> int:
    """Pack, serve and repack on change until interrupted."""
    state = LiveState()
    server = start_server(out_dir, host, port, _handler_for(state))

    def repack() -> None:
        try:
            config = load_config(game_dir, overrides)
            result = pack_game(game_dir, config, out_dir, live_reload=True)
            if archive:
                write_archive(out_dir, out_dir.with_name(out_dir.name + ".zip"))
        except PackError as exc:
            state.error = str(exc)
            print(f"pack: error: {exc}", flush=True)
            state.broadcast("pack-error", str(exc))
            return
        state.error = None
        report(result)
        state.broadcast("reload")

    repack()
    changed = threading.Event()
    # watchdog warns when it re-adds watches for the output folder it replaced; those events
    # are ignored anyway.
    warnings.filterwarnings("ignore", category=RuntimeWarning, module="watchdog")
    observer = Observer()
    observer.schedule(_ChangeWatcher(game_dir, out_dir, changed), str(game_dir), recursive=True)
    observer.start()
    shown_host = f"[{host}]" if ":" in host else host
    print(f"Serving http://{shown_host}:{server.server_address[1]}/ — edit the game to "
          "repack and reload; Ctrl+C to stop", flush=True)
    try:
        while True:
            if changed.wait(timeout=0.5):
                time.sleep(DEBOUNCE_SECONDS)
                changed.clear()
                repack()
    except KeyboardInterrupt:
        print("stopped", flush=True)
    finally:
        observer.stop()
        observer.join(timeout=2)
        server.shutdown()
    return 0
