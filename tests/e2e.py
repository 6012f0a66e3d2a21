"""Helpers for end-to-end tests: nginx serving packed games, and playing them in Chromium."""

import contextlib
import shutil
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import TimeoutError as PlaywrightTimeout

REPO = Path(__file__).resolve().parent.parent

NGINX_CONF = """
daemon off;
user root;
worker_processes 1;
pid {root}/nginx.pid;
error_log {root}/error.log warn;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    sendfile on;
    {compression}
    server {{
        listen 127.0.0.1:{port};
        root {root}/www;
        location / {{ }}
    }}
}}
"""


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# A host that compresses what it sends (as CDNs do), instead of stock nginx, which does not.
GZIP_EVERYTHING = "gzip on; gzip_types *; gzip_min_length 256;"


class Nginx:
    """Debian's nginx, with its default settings (or compressing everything), serving
    `root/www` on a loopback port."""

    def __init__(self, root: Path, compress: bool = False) -> None:
        self.root = root
        self.www = root / "www"
        self.www.mkdir(parents=True)
        self.port = free_port()
        conf = root / "nginx.conf"
        conf.write_text(NGINX_CONF.format(root=root, port=self.port,
                                          compression=GZIP_EVERYTHING if compress else ""))
        self.process = subprocess.Popen(["nginx", "-c", str(conf), "-p", str(root)],
                                        stderr=subprocess.PIPE)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("nginx did not start: " + self.process.stderr.read().decode())

    def publish(self, out_dir: Path, sub_path: str) -> str:
        """Copy a packed game below a sub-path and return its URL."""
        target = self.www / sub_path
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(out_dir, target)
        return f"http://127.0.0.1:{self.port}/{sub_path}/index.html"

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


def pack(game_dir: Path, *args: str) -> subprocess.CompletedProcess:
    """Run the real `pack` command line on a game folder."""
    return subprocess.run([sys.executable, "-m", "pygbag_like", str(game_dir), *args],
                          capture_output=True, text=True, timeout=300)


def pack_source(game_dir: Path, source: str, settings: str = "") -> Path:
    """Write `source` as a game's main.py (and `settings` as its pack.toml), pack it, and
    return the packed folder."""
    game_dir.mkdir(parents=True)
    (game_dir / "main.py").write_text(source)
    if settings:
        (game_dir / "pack.toml").write_text(settings)
    result = pack(game_dir)
    assert result.returncode == 0, result.stderr
    return game_dir / "build" / "web"


@dataclass
class PlaySession:
    """A game page in Chromium, with what it printed."""

    page: object
    console: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def wait_for_line(self, text: str, timeout: float = 20.0) -> bool:
        """Wait until a console line equal to (or starting with) `text` has been printed."""
        def matches(line: str) -> bool:
            return line == text or line.startswith(text)

        if any(matches(line) for line in self.console):
            return True
        try:
            self.page.wait_for_event("console", lambda message: matches(message.text),
                                     timeout=timeout * 1000)
        except PlaywrightTimeout:
            return False
        return True

    def state(self) -> str | None:
        return self.page.evaluate("document.body.dataset.state || null")

    def wait_for_state(self, *states: str, timeout: float = 20.0) -> str | None:
        """Wait until body[data-state] is one of `states`; returns the state then."""
        with contextlib.suppress(PlaywrightTimeout):
            self.page.wait_for_function("states => states.includes(document.body.dataset.state)",
                                        arg=list(states), timeout=timeout * 1000)
        return self.state()

    def canvas_png(self) -> bytes:
        return self.page.locator("#canvas").screenshot()

    def canvas_changes(self, interval_ms: int = 400) -> bool:
        """True when two screenshots of the canvas taken `interval_ms` apart differ."""
        first = self.canvas_png()
        self.page.wait_for_timeout(interval_ms)
        return self.canvas_png() != first

    def lines(self, prefix: str) -> list[str]:
        return [line for line in self.console if line.startswith(prefix)]

    def click_start(self) -> None:
        """Click the start screen once the page is ready to start."""
        assert self.wait_for_state("ready", "running", timeout=60) in ("ready", "running"), (
            f"page never became ready: {self.console[-20:]} {self.errors}"
        )
        if self.state() == "ready":
            self.page.locator("#pl-start").click()
        assert self.wait_for_state("running", "ended", "failed", timeout=10)


def open_game(browser, url: str, **context) -> PlaySession:
    """Open a game page and record its console (console lines of its frames too).

    `context`: Playwright's context options, e.g. a phone's viewport, has_touch, is_mobile.
    """
    page = browser.new_page(**({"viewport": {"width": 800, "height": 600}} | context))
    session = PlaySession(page)

    def on_console(message) -> None:
        session.console.append(message.text)
        if message.type == "error":
            session.console_errors.append(message.text)

    page.on("console", on_console)
    page.on("pageerror", lambda error: session.errors.append(str(error)))
    page.goto(url)
    return session
