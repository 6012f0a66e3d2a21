"""`pack --serve`: static serving rules, live reload, pack errors shown on the page."""

import concurrent.futures
import http.client
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from pygbag_like import devconsole
from pygbag_like.httpserver import start_server
from pygbag_like.serve import serve_urls
from tests.e2e import free_port

GAME = """
import asyncio
import pygame

async def main():
    pygame.init()
    screen = pygame.display.set_mode((200, 100))
    print("version {version}")
    while True:
        screen.fill((0, 0, 80))
        pygame.display.flip()
        await asyncio.sleep(0)

asyncio.run(main())
"""


def get(port: int, path: str) -> tuple[int, dict[str, str], bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", path)
    response = connection.getresponse()
    headers = {name.lower(): value for name, value in response.getheaders()}
    return response.status, headers, response.read()


def test_static_server_refuses_paths_and_symlinks_leading_out(tmp_path):
    root = tmp_path / "out"
    root.mkdir()
    (root / "index.html").write_text("ok")
    (tmp_path / "secret.txt").write_text("secret")
    (root / "link.txt").symlink_to(tmp_path / "secret.txt")
    server = start_server(root, "127.0.0.1", 0)
    port = server.server_address[1]
    try:
        assert get(port, "/index.html")[0] == 200
        assert get(port, "/index.html")[1]["cache-control"] == "no-store"
        for path in ("/../secret.txt", "/%2e%2e/secret.txt", "/link.txt", "//etc/passwd"):
            status, _, body = get(port, path)
            assert status == 404 and b"secret" not in body, path
    finally:
        server.shutdown()


def test_static_server_serves_wasm_with_its_mime_type(tmp_path):
    (tmp_path / "x.wasm").write_bytes(b"\0asm")
    server = start_server(tmp_path, "127.0.0.1", 0)
    try:
        assert get(server.server_address[1], "/x.wasm")[1]["content-type"] == "application/wasm"
    finally:
        server.shutdown()


def test_static_server_answers_a_byte_range(tmp_path):
    (tmp_path / "store.data").write_bytes(bytes(range(200)))
    server = start_server(tmp_path, "127.0.0.1", 0)
    port = server.server_address[1]
    try:
        for asked, status, body in (("bytes=10-19", 206, bytes(range(10, 20))),
                                    ("bytes=195-", 206, bytes(range(195, 200))),
                                    ("bytes=150-999", 206, bytes(range(150, 200)))):
            request = urllib.request.Request(f"http://127.0.0.1:{port}/store.data",
                                             headers={"Range": asked})
            with urllib.request.urlopen(request, timeout=10) as response:
                assert (response.status, response.read()) == (status, body), asked
        request = urllib.request.Request(f"http://127.0.0.1:{port}/store.data",
                                         headers={"Range": "bytes=300-"})
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=10)
        assert refused.value.code == 416
        assert get(port, "/store.data")[0] == 200  # no Range: the whole file
    finally:
        server.shutdown()


class Terminal:
    """What a `pack --serve` process prints, read line by line as it comes."""

    def __init__(self, process: subprocess.Popen) -> None:
        self.lines: list[str] = []
        self.arrived = threading.Condition()
        threading.Thread(target=self._read, args=(process.stdout,), daemon=True).start()

    def _read(self, stream) -> None:
        for line in stream:
            with self.arrived:
                self.lines.append(line.rstrip("\n"))
                self.arrived.notify_all()

    def wait_for(self, text: str, timeout: float = 30.0) -> str:
        """The first line containing `text`, waiting for it to be printed."""
        deadline = time.monotonic() + timeout
        with self.arrived:
            while True:
                found = [line for line in self.lines if text in line]
                if found:
                    return found[0]
                left = deadline - time.monotonic()
                assert left > 0, f"{text!r} was never printed: {self.lines[-20:]}"
                self.arrived.wait(left)


@pytest.fixture
def served_game(runtime, tmp_path):
    game = tmp_path / "game"
    game.mkdir()
    (game / "main.py").write_text(GAME.format(version=1))
    process, port = start_serve(game)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/index.html", timeout=2)
            break
        except OSError:
            time.sleep(0.2)
    yield game, port, process
    process.terminate()
    process.wait(timeout=10)


@pytest.mark.runtime
@pytest.mark.browser
def test_serve_reloads_on_change_and_shows_pack_errors(served_game, browser):
    game, port, process = served_game
    assert process.poll() is None
    page = browser.new_page()
    console: list[str] = []
    page.on("console", lambda m: console.append(m.text))
    page.goto(f"http://127.0.0.1:{port}/")

    def wait_for(line: str) -> None:
        deadline = time.monotonic() + 30
        while line not in console and time.monotonic() < deadline:
            page.wait_for_timeout(50)
        assert line in console, console[-10:]

    page.wait_for_function("document.body.dataset.state === 'ready'", timeout=60000)
    page.locator("#pl-start").click()
    wait_for("version 1")
    (game / "main.py").write_text(GAME.format(version=2))
    wait_for("version 2")  # reloaded by itself, and started: the developer clicked before

    (game / "main.py").write_text("def broken(:\n")
    page.wait_for_function("document.body.dataset.state === 'failed'", timeout=20000)
    assert "main.py:1" in page.locator("#pl-error-text").inner_text()
    assert process.poll() is None, "the server must survive a pack error"

    (game / "main.py").write_text(GAME.format(version=3))
    page.wait_for_timeout(300)
    page.reload()
    wait_for("version 3")
    page.close()


CRASHING = """
import pygame

def explode():
    return 1 / 0

print("hello from the page")
pygame.init()
explode()
"""


@pytest.mark.runtime
@pytest.mark.browser
def test_the_game_output_and_its_traceback_appear_in_the_terminal(served_game, browser):
    game, port, process = served_game
    terminal = Terminal(process)
    terminal.wait_for("Serving http://127.0.0.1:")
    (game / "main.py").write_text(CRASHING)
    terminal.wait_for("packed ")
    page = browser.new_page()
    page.goto(f"http://127.0.0.1:{port}/")
    page.wait_for_function("document.body.dataset.state === 'ready'", timeout=60000)
    page.locator("#pl-start").click()
    terminal.wait_for("hello from the page")
    location = terminal.wait_for(", line 5, in explode")
    assert location.strip() == f'File "{game}/main.py", line 5, in explode'
    assert terminal.wait_for("ZeroDivisionError") == "ZeroDivisionError: division by zero"
    page.close()


@pytest.mark.runtime
def test_serving_to_the_network_shows_a_usable_address_and_a_warning(runtime, tmp_path):
    game = tmp_path / "game"
    game.mkdir()
    (game / "main.py").write_text(GAME.format(version=1))
    process, port = start_serve(game, "--host", "0.0.0.0")
    try:
        terminal = Terminal(process)
        serving = terminal.wait_for("Serving ", timeout=60)
        assert "0.0.0.0" not in serving and f"http://127.0.0.1:{port}/" in serving
        warning = terminal.wait_for("warning: --host 0.0.0.0")
        assert "networks you trust" in warning
        lan = serve_urls("0.0.0.0", port)[-1]
        assert lan in serving
        assert get(port, "/index.html")[0] == 200
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_serve_urls_for_one_address_or_all():
    assert serve_urls("127.0.0.1", 8000) == ["http://127.0.0.1:8000/"]
    assert serve_urls("::1", 8000) == ["http://[::1]:8000/"]
    everywhere = serve_urls("0.0.0.0", 8000)
    assert everywhere[0] == "http://127.0.0.1:8000/"
    assert all("0.0.0.0" not in url for url in everywhere)


def test_the_page_log_is_checked_and_paths_are_made_local(tmp_path):
    assert devconsole.parse(b'{"lines": [["out", "hi"], ["err", "oops"]]}') == [
        ("out", "hi"), ("err", "oops")]
    for bad in (b"nope", b'{"lines": [["in", "x"]]}', b'{"lines": [["out", 3]]}', b"{}"):
        with pytest.raises(ValueError, match="not a page log"):
            devconsole.parse(bad)
    line = '  File "/game/main.py", line 5, in explode; /game/lib/x.py:3: warning'
    assert devconsole.local_paths(line, "/game", tmp_path) == (
        f'  File "{tmp_path}/main.py", line 5, in explode; {tmp_path}/lib/x.py:3: warning')
    assert devconsole.local_paths("/usr/game/x.py /games/y", "/game", tmp_path) == (
        "/usr/game/x.py /games/y")


def test_error_page_carries_the_live_reload_script():
    from pygbag_like.serve import _error_page

    page = _error_page("main.py:1: <bad>", 3).decode()
    assert "main.py:1: &lt;bad&gt;" in page
    assert 'EventSource("__pack_events")' in page
    assert "window.PACK_GENERATION = 3;" in page  # to tell a repack it missed


def test_serve_binds_to_localhost_by_default():
    from pygbag_like.cli import main_parser

    assert main_parser().parse_args(["game", "--serve"]).host == "127.0.0.1"


def test_no_file_outside_the_output_folder_is_served_even_with_dotdot(tmp_path):
    out = tmp_path / "web"
    out.mkdir()
    (out / "a.txt").write_text("a")
    server = start_server(out, "127.0.0.1", 0)
    try:
        status, _, _ = get(server.server_address[1], "/a.txt/../../" + Path(tmp_path).name)
        assert status == 404
    finally:
        server.shutdown()


@pytest.mark.parametrize("failure", [
    FileNotFoundError(2, "No such file or directory", "assets/gone.png"),
    RecursionError("maximum recursion depth exceeded"),
    ValueError("a bug"),
])
def test_any_repack_failure_is_reported_and_survived(tmp_path, monkeypatch, capsys, failure):
    from pygbag_like import serve as serve_module

    game = tmp_path / "game"
    game.mkdir()
    (game / "main.py").write_text("print(1)\n")

    def failing_pack(*args, **kwargs):
        raise failure

    monkeypatch.setattr(serve_module, "pack_game", failing_pack)
    state = serve_module.LiveState()
    events = state.listen()
    watcher = serve_module._ChangeWatcher(game, tmp_path / "out", threading.Event())
    serve_module.Repacker(game, {}, tmp_path / "out", False, state, watcher)()
    assert state.error and str(failure.args[-1]) in state.error
    assert events.get_nowait() == ("pack-error", state.error)
    assert capsys.readouterr().err == f"pack: error: {state.error}\n"


def start_serve(game: Path, *options: str) -> tuple[subprocess.Popen, int]:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "pygbag_like", str(game), "--serve", "--port", str(port),
         *options],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    return process, port


def wait_for_page(port: int, text: str, timeout: float = 60.0) -> str:
    """Poll the served index.html until it contains `text`; returns the page."""
    deadline = time.monotonic() + timeout
    body = ""
    while time.monotonic() < deadline:
        try:
            body = get(port, "/index.html")[2].decode()
            if text in body:
                return body
        except OSError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"{text!r} never appeared; last page: {body[:300]}")


@pytest.mark.runtime
def test_serve_survives_hostile_folders_and_a_recreated_game(runtime, tmp_path):
    game = tmp_path / "game"
    game.mkdir()
    (game / "main.py").write_text(GAME.format(version=1))
    process, port = start_serve(game)
    try:
        wait_for_page(port, "loader.js")
        (game / "loop").symlink_to("loop")
        wait_for_page(port, "Packing failed")
        assert "loop" in wait_for_page(port, "Too many levels of symbolic links")
        (game / "loop").unlink()
        wait_for_page(port, "loader.js")
        (game / "main.py").write_text("x" + ".a" * 1500 + "\n")
        wait_for_page(port, "nested too deeply")
        (game / "main.py").write_text(GAME.format(version=2))
        wait_for_page(port, "loader.js")
        shutil.rmtree(game)
        wait_for_page(port, "is gone")
        game.mkdir()
        (game / "main.py").write_text(GAME.format(version=7))
        wait_for_page(port, "loader.js")
        (game / "main.py").write_text("def broken(:\n")  # watching resumed on the new folder
        wait_for_page(port, "main.py:1")
        assert process.poll() is None, "the server must keep running"
    finally:
        process.terminate()
        output = process.communicate(timeout=10)[0]
    assert "Traceback" not in output, output


@pytest.mark.timeout(90)  # a server that stalls would otherwise hang here for minutes
def test_many_connections_and_half_open_ones_do_not_stop_a_page_load(tmp_path):
    (tmp_path / "index.html").write_text("page")
    server = start_server(tmp_path, "127.0.0.1", 0)
    port = server.server_address[1]
    idle = []
    try:
        for _ in range(2000):  # connections that never send a request
            idle.append(socket.create_connection(("127.0.0.1", port), timeout=5))
        started = time.monotonic()
        assert get(port, "/index.html")[2] == b"page"
        assert time.monotonic() - started < 5
        with concurrent.futures.ThreadPoolExecutor(max_workers=300) as pool:
            statuses = list(pool.map(lambda _: get(port, "/index.html")[0], range(300)))
        assert statuses == [200] * 300
    finally:
        for connection in idle:
            connection.close()
        server.shutdown()
