"""A static file server for one folder, with the MIME types the runtime needs.

Used by `pack --serve` and `pack exec`. It only serves files below its folder (the standard
library's path translation drops `..` and absolute parts; we also refuse symlinks leading
out), sends no-cache headers, and binds to the address it is given (localhost by default).
A long listen queue and a read time-out keep it answering a normal page load while many
connections arrive at once or sit idle half-open. It answers a single byte range as static
hosts do (206): the runtime fetches one module from the module store that way, which
otherwise meant sending the whole store (11 MB) for each.
"""

import errno
import io
import os
import re
import sys
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from pygbag_like.errors import ServeError

_RANGE = re.compile(r"bytes=(\d+)-(\d*)$")
LISTEN_BACKLOG = 1024
READ_TIMEOUT_SECONDS = 10.0
EXTRA_TYPES = {
    ".wasm": "application/wasm",
    ".data": "application/octet-stream",
    ".js": "text/javascript",
    ".json": "application/json",
    ".mjs": "text/javascript",
}


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

    def send_head(self):
        """A file's bytes `start-end` for a `Range: bytes=start-end` request (206, or 416
        past its end); everything else as the standard handler does it."""
        match = _RANGE.match(self.headers.get("Range", ""))
        path = self.translate_path(self.path.split("?", 1)[0])
        if match is None or not os.path.isfile(path):
            return super().send_head()
        size = os.path.getsize(path)
        start = int(match[1])
        end = min(int(match[2]) if match[2] else size - 1, size - 1)
        if start > end:
            self.send_error(416)
            return None
        with open(path, "rb") as file:
            file.seek(start)
            body = file.read(end - start + 1)
        self.send_response(206)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Range", f"bytes {start}-{end}/{size}")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

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


class _Server(ThreadingHTTPServer):
    request_queue_size = LISTEN_BACKLOG
    daemon_threads = True

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
