"""The packer's fallbacks for Windows and macOS, exercised on Linux with the fast or
POSIX-only paths turned off: no os.sendfile (Windows) or one that only writes to sockets
(macOS), a lock file that cannot be removed while open and folders that cannot be renamed
while a file in them is open (Windows), a server port that SO_REUSEADDR would share
(Windows), and browsers off PATH (Windows)."""

import errno
import os
import socket
import sys
from pathlib import Path

import pytest

from pygbag_like import datafile, httpserver, output
from pygbag_like.errors import OutputError, PackError, ServeError
from pygbag_like.output import staging_dir, write_output


def sources(folder: Path) -> list[tuple[str, Path]]:
    folder.mkdir()
    files = []
    for index, size in enumerate((0, 1, 3_000_000, 70_000)):
        path = folder / f"f{index}.bin"
        path.write_bytes(os.urandom(size))
        files.append((f"f{index}.bin", path))
    return files


def expected_bytes(files: list[tuple[str, Path]]) -> bytes:
    return b"".join(path.read_bytes() for _, path in files)


def test_data_file_without_sendfile(tmp_path, monkeypatch):
    files = sources(tmp_path / "in")
    monkeypatch.delattr(os, "sendfile", raising=False)
    datafile.write_data_file(files, tmp_path / "game.data")
    assert (tmp_path / "game.data").read_bytes() == expected_bytes(files)


def test_data_file_when_sendfile_stops_half_way(tmp_path, monkeypatch):
    """macOS's sendfile refuses a file as the destination (ENOTSOCK); a kernel may also
    refuse after a first chunk: the copy goes on from there."""
    files = sources(tmp_path / "in")
    real_sendfile = os.sendfile
    calls = []

    def sendfile(out_fd, in_fd, offset, count):
        calls.append(count)
        if len(calls) % 2:  # every other call copies a little, the next one refuses
            return real_sendfile(out_fd, in_fd, offset, min(count, 1000))
        raise OSError(errno.ENOTSOCK, "Socket operation on non-socket")

    monkeypatch.setattr(os, "sendfile", sendfile)
    metadata = datafile.write_data_file(files, tmp_path / "game.data")
    assert (tmp_path / "game.data").read_bytes() == expected_bytes(files)
    assert [entry["end"] - entry["start"] for entry in metadata["files"]] == [
        path.stat().st_size for _, path in files]
    assert len(calls) >= 2


def test_other_sendfile_errors_are_not_hidden(tmp_path, monkeypatch):
    files = sources(tmp_path / "in")

    def sendfile(*args):
        raise OSError(errno.EIO, "I/O error")

    monkeypatch.setattr(os, "sendfile", sendfile)
    with pytest.raises(PackError, match=r"cannot read .*I/O error"):
        datafile.write_data_file(files, tmp_path / "game.data")


def make_game(folder: Path) -> Path:
    folder.mkdir()
    (folder / "main.py").write_text("print('hi')\n")
    return folder


def test_output_when_the_open_lock_file_cannot_be_removed(tmp_path, monkeypatch):
    game, out = make_game(tmp_path / "game"), tmp_path / "out"
    real_unlink = Path.unlink

    def unlink(self, missing_ok=False):
        if self.name == ".lock" and self.exists():
            raise PermissionError(errno.EACCES, "The process cannot access the file", str(self))
        return real_unlink(self, missing_ok=missing_ok)

    monkeypatch.setattr(Path, "unlink", unlink)
    for text in ("first", "second"):
        write_output(out, game, lambda folder, text=text: (folder / "index.html").write_text(text))
        assert (out / "index.html").read_text() == text


def test_output_rename_is_tried_again_while_a_file_is_open(tmp_path, monkeypatch):
    game, out = make_game(tmp_path / "game"), tmp_path / "out"
    write_output(out, game, lambda folder: (folder / "index.html").write_text("first"))
    monkeypatch.setattr(output, "RENAME_RETRY_DELAYS", (0.0, 0.0, 0.0))
    real_rename = Path.rename
    refusals = []

    def rename(self, target, refuse: int = 2):
        if len(refusals) < refuse:
            refusals.append(self)
            raise PermissionError(errno.EACCES, "Access is denied", str(self))
        return real_rename(self, target)

    monkeypatch.setattr(Path, "rename", rename)
    write_output(out, game, lambda folder: (folder / "index.html").write_text("second"))
    assert (out / "index.html").read_text() == "second" and len(refusals) == 2
    assert not staging_dir(out).exists()

    monkeypatch.setattr(Path, "rename", lambda self, target: rename(self, target, refuse=99))
    with pytest.raises(OutputError, match="choose a folder you can write to"):
        write_output(out, game, lambda folder: (folder / "index.html").write_text("third"))
    assert (out / "index.html").read_text() == "second"


def _option(server, name: int) -> int:
    return server.socket.getsockopt(socket.SOL_SOCKET, name)


def test_server_port_on_windows_is_not_shared(tmp_path, monkeypatch):
    default = httpserver.start_server(tmp_path, "127.0.0.1", 0)
    try:
        assert _option(default, socket.SO_REUSEADDR) == 1
    finally:
        default.shutdown()
        default.server_close()

    monkeypatch.setattr(sys, "platform", "win32")
    server = httpserver.start_server(tmp_path, "127.0.0.1", 0)
    try:
        assert _option(server, socket.SO_REUSEADDR) == 0
        port = server.server_address[1]
        with pytest.raises(ServeError, match=f"port {port} on 127.0.0.1 is already in use"):
            httpserver.start_server(tmp_path, "127.0.0.1", port)
    finally:
        server.shutdown()
        server.server_close()


def test_pack_exec_finds_chrome_where_windows_installs_it(tmp_path, monkeypatch):
    from pygbag_like import browser
    from pygbag_like.errors import ToolMissingError

    monkeypatch.delenv(browser.CHROMIUM_ENV, raising=False)
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "local"))
    monkeypatch.delenv("ProgramFiles", raising=False)
    monkeypatch.delenv("ProgramFiles(x86)", raising=False)
    with pytest.raises(ToolMissingError, match="install Chrome or Chromium"):
        browser.find_chromium()
    chrome = tmp_path / "local" / "Google" / "Chrome" / "Application" / "chrome.exe"
    chrome.parent.mkdir(parents=True)
    chrome.write_bytes(b"")
    assert browser.find_chromium() == str(chrome)


def test_output_in_a_code_page_that_lacks_characters(monkeypatch, tmp_path, capsys):
    """Windows pipes write cp1252: what it cannot write comes out escaped, pack goes on."""
    import io

    from pygbag_like import cli

    raw = io.BytesIO()
    stdout = io.TextIOWrapper(raw, encoding="cp1252", write_through=True)
    monkeypatch.setattr(sys, "stdout", stdout)
    assert cli.main(["new", str(tmp_path / "game")]) == 0
    print("\u2713 caf\u00e9 \U0001f600")
    assert raw.getvalue().endswith("\\u2713 caf\u00e9 \\U0001f600\n".encode("cp1252"))
    assert b"created " in raw.getvalue()
