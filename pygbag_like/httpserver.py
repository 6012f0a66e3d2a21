"""A static file server for one folder, with the MIME types the runtime needs.

Used by `pack --serve` and `pack exec`. It only serves files below its folder (the standard
library's path translation drops `..` and absolute parts; we also refuse symlinks leading
out), answers a single-range request with the slice asked for (the runtime fetches a module
it needs from the module store that way), sends no-cache headers, and binds to the address
it is given (localhost by default).
A long listen queue and a read time-out keep it answering a normal page load while many
connections arrive at once or sit idle half-open.
"""

import errno
import os
import re
import sys
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from pygbag_like.errors import ServeError

LISTEN_BACKLOG = 1024
READ_TIMEOUT_SECONDS = 10.0
EXTRA_TYPES = {
    ".wasm": "application/wasm",
    ".data": "application/octet-stream",
    ".js": "text/javascript",
    ".json": "application/json",
    ".mjs": "text/javascript",
}
SINGLE_RANGE = re.compile(r"bytes=(\d+)-(\d*)$")


class StaticHandler(SimpleHTTPRequestHandler):
    """Serves `directory` with no caching; quiet unless something fails."""

    timeout = READ_TIMEOUT_SECONDS  # a client that sends nothing is dropped

    def guess_type(self, path: str | os.PathLike) -> str:
        """Our MIME types first: the platform's mimetypes tables may lack some."""
        suffix = os.path.splitext(str(path))[1].lower()
        return EXTRA_TYPES.get(suffix) or super().guess_type(path)

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def do_GET(self) -> None:
        match = SINGLE_RANGE.match(self.headers.get("Range", "").strip())
        path = self.translate_path(self.path.split("?", 1)[0])
        if match is None or not os.path.isfile(path):
            super().do_GET()
            return
        self._send_range(path, int(match[1]), int(match[2]) if match[2] else None)

    def _send_range(self, path: str, start: int, last: int | None) -> None:
        """206 with bytes start..last of the file (416 when start is past its end)."""
        with open(path, "rb") as file:
            size = os.fstat(file.fileno()).st_size
            if start >= size:
                self.send_response(416)
                self.send_header("Content-Range", f"bytes */{size}")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            end = size if last is None else min(last + 1, size)
            self.send_response(206)
            self.send_header("Content-Type", self.guess_type(path))
            self.send_header("Content-Range", f"bytes {start}-{end - 1}/{size}")
            self.send_header("Content-Length", str(end - start))
            self.end_headers()
            file.seek(start)
            self.wfile.write(file.read(end - start))  # a module's bytes: small

    def translate_path(self, path: str) -> str:
        translated = Path(super().translate_path(path))
        root = Path(self.directory).resolve()
        try:
            translated.resolve().relative_to(root)
        except ValueError:
            return str(root / "__outside__")  # a path that does not exist: 404
        return str(translated)

    def log_message(self, format: str, *args: object) -> None:
        if args and str(args[1] if len(args) > 1 else "").startswith(("4", "5")):
            super().log_message(format, *args)


def reuse_address() -> bool:
    """SO_REUSEADDR lets a restarted server take its port back at once (Linux, macOS). On
    Windows it lets a server take a port another one listens on, both then getting
    connections: there it is left unset, as socket.create_server and libuv do (so is
    SO_EXCLUSIVEADDRUSE, which keeps the port busy for a while after the server stops)."""
    return sys.platform != "win32"


class _Server(ThreadingHTTPServer):
    request_queue_size = LISTEN_BACKLOG
    daemon_threads = True

    @property
    def allow_reuse_address(self) -> bool:  # type: ignore[override]
        return reuse_address()

    def handle_error(self, request, client_address) -> None:
        """A browser that drops a download half-way (the page took the file's gzip copy
        instead) is normal, not an error to print; anything else is."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def start_server(directory: Path, host: str, port: int,
                 handler: type[StaticHandler] = StaticHandler) -> ThreadingHTTPServer:
    """Start serving `directory` in a background thread; ServeError if the port is taken."""
    try:
        server = _Server((host, port), partial(handler, directory=str(directory)))
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise ServeError(
                f"port {port} on {host} is already in use: stop the other server or pass --port N"
            ) from exc
        raise ServeError(f"cannot listen on {host}:{port}: {exc.strerror}") from exc
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
