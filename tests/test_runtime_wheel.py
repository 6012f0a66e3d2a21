"""The runtime as a wheel: reproducible bytes, a valid RECORD, found when installed (a local
build still wins, a wheel for another launcher is refused), and, end to end, `pack` from a
fresh virtualenv with only the project and the wheel, no emcc and an empty cache."""

import base64
import hashlib
import importlib
import json
import os
import re
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from pygbag_like import __version__, cli
from pygbag_like.runtime import installed, layout, paths
from pygbag_like.runtime.wheel import build_wheel
from tests.e2e import REPO, open_game

# The project as a source distribution holds it (setuptools reads these).
PROJECT_FILES = ("pyproject.toml", "README.md", "pygbag_like", "templates", "sdl_port")
KEY = "00ff00ff00ff00ff"


def fake_runtime(folder: Path, launcher: str | None = None) -> layout.RuntimeFiles:
    """A runtime folder with every file a runtime has (tiny contents) and its manifest."""
    folder.mkdir(parents=True)
    for name in layout.RUNTIME_FILES:
        (folder / name).write_bytes(name.encode() * 3)
    (folder / layout.MODULE_FILES / "json").mkdir(parents=True)
    (folder / layout.MODULE_FILES / "json" / "__init__.pyc").write_bytes(b"\x00pyc")
    (folder / layout.MODULE_FILES / "os.pyc").write_bytes(b"\x01pyc")
    (folder / "build.log").write_text("not shipped\n")
    (folder / layout.MANIFEST).write_text(json.dumps({
        "key": KEY, "emscripten": "3.1.6", "components": {"python": "3.11.2"},
        "launcher": launcher or layout.launcher_hash()}))
    return layout.RuntimeFiles(folder)


def install(wheel: Path, site: Path, monkeypatch) -> None:
    """What pip does with the wheel, enough for the lookup: extract it onto sys.path."""
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)
    monkeypatch.syspath_prepend(str(site))
    importlib.invalidate_caches()


@pytest.fixture
def empty_cache(tmp_path, monkeypatch):
    monkeypatch.setenv(paths.CACHE_ENV, str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_same_runtime_same_wheel_bytes_and_a_valid_record(tmp_path):
    runtime = fake_runtime(tmp_path / "runtime")
    first = build_wheel(runtime, tmp_path / "one")
    time.sleep(1.1)  # other modification times must not change the bytes
    os.utime(runtime.root / layout.MANIFEST)
    second = build_wheel(runtime, tmp_path / "two")
    assert first.read_bytes() == second.read_bytes()
    version = installed.wheel_version(__version__, KEY)
    assert first.name == f"pygbag_like_runtime-{version}-py3-none-any.whl"
    assert re.fullmatch(r"\d+(\.\d+)*", version) and version.endswith(f".{int(KEY, 16)}")

    with zipfile.ZipFile(first) as archive:
        names = archive.namelist()
        dist_info = f"pygbag_like_runtime-{version}.dist-info"
        assert names[-1] == f"{dist_info}/RECORD"
        assert {f"{dist_info}/METADATA", f"{dist_info}/WHEEL"} <= set(names)
        assert "pygbag_like_runtime/runtime/lib/json/__init__.pyc" in names
        assert "pygbag_like_runtime/runtime/build.log" not in names
        assert "Tag: py3-none-any" in archive.read(f"{dist_info}/WHEEL").decode()
        assert f"Version: {version}\n" in archive.read(f"{dist_info}/METADATA").decode()
        record = archive.read(f"{dist_info}/RECORD").decode().splitlines()
        assert sorted(line.split(",")[0] for line in record) == sorted(names)
        for line in record[:-1]:
            name, digest, size = line.split(",")
            data = archive.read(name)
            expected = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=")
            assert digest == "sha256=" + expected.decode() and int(size) == len(data), name
        assert all(info.date_time == (1980, 1, 1, 0, 0, 0) for info in archive.infolist())


def test_the_installed_wheel_is_used_when_nothing_is_built(tmp_path, empty_cache, monkeypatch,
                                                           capsys):
    with pytest.raises(layout.RuntimeMissingError, match="not built yet"):
        layout.find_runtime()
    wheel = build_wheel(fake_runtime(tmp_path / "runtime"), tmp_path / "dist")
    install(wheel, tmp_path / "site", monkeypatch)

    found = layout.find_runtime()
    assert found.root == tmp_path / "site" / "pygbag_like_runtime" / "runtime"
    assert found.origin.startswith("installed wheel pygbag_like_runtime ")
    assert cli.main(["runtime", "info"]) == 0
    out = capsys.readouterr().out
    assert f"path: {found.root}" in out and f"from: {found.origin}" in out

    local = fake_runtime(empty_cache / "components" / "runtime-local")
    layout.record_current(local.root)
    assert layout.find_runtime() == layout.RuntimeFiles(local.root, "built locally")


def test_a_wheel_for_another_launcher_is_refused_in_one_line(tmp_path, empty_cache,
                                                             monkeypatch, capsys):
    wheel = build_wheel(fake_runtime(tmp_path / "runtime", launcher="an-older-one"),
                        tmp_path / "dist")
    install(wheel, tmp_path / "site", monkeypatch)
    assert cli.main(["new", str(tmp_path / "game")]) == 0
    capsys.readouterr()
    code = cli.main([str(tmp_path / "game")])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 6 and len(err) == 1, err
    assert "installed wheel pygbag_like_runtime" in err[0]
    assert "built for another version of pygbag_like" in err[0]
    assert "pack runtime wheel" in err[0]
    assert not (tmp_path / "game" / "build").exists()

    # A valid local build wins over the refused wheel.
    local = fake_runtime(empty_cache / "components" / "runtime-local")
    layout.record_current(local.root)
    assert layout.find_runtime().origin == "built locally"


def test_a_wheel_missing_files_is_refused(tmp_path, empty_cache, monkeypatch):
    wheel = build_wheel(fake_runtime(tmp_path / "runtime"), tmp_path / "dist")
    install(wheel, tmp_path / "site", monkeypatch)
    (tmp_path / "site" / "pygbag_like_runtime" / "runtime" / "python.wasm").unlink()
    with pytest.raises(layout.RuntimeMissingError, match="reinstall it"):
        layout.find_runtime()


def test_pack_runtime_wheel_command(tmp_path, empty_cache, capsys):
    local = fake_runtime(empty_cache / "components" / "runtime-local")
    layout.record_current(local.root)
    (tmp_path / "a-file").write_text("")
    code = cli.main(["runtime", "wheel", "--out", str(tmp_path / "a-file")])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 8 and err[-1].startswith("pack: error: cannot write the wheel into"), err
    assert cli.main(["runtime", "wheel", "--out", str(tmp_path / "dist")]) == 0
    (wheel,) = (tmp_path / "dist").glob("*.whl")
    assert str(wheel) in capsys.readouterr().out
    with zipfile.ZipFile(wheel) as archive:  # the sizes `pack runtime info` shows, computed
        sizes = json.loads(archive.read("pygbag_like_runtime/runtime/sizes.json"))
    assert set(sizes) == {path.name for path in local.files}


def test_runtime_build_is_linux_only(monkeypatch, capsys):
    from pygbag_like.commands import runtime as runtime_command

    def no_build(*args, **kwargs):
        raise AssertionError("the build started on macOS")

    monkeypatch.setattr(runtime_command, "build_here", no_build)
    monkeypatch.setattr(runtime_command, "ensure_build_root", no_build)
    monkeypatch.setattr(sys, "platform", "darwin")
    code = cli.main(["runtime", "build"])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 4 and len(err) == 1, err
    assert "Linux only" in err[0] and "runtime wheel" in err[0]


# End to end ----------------------------------------------------------------------------------

def _run(argv: list[str], **kwargs) -> subprocess.CompletedProcess:
    result = subprocess.run(argv, capture_output=True, text=True, timeout=600, **kwargs)
    assert result.returncode == 0, f"{argv}: {result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def wheel_venv(runtime, tmp_path_factory):
    """A fresh virtualenv holding the project (installed from its files, not editable) and
    the runtime wheel made from the built runtime by the real `pack runtime wheel` (twice:
    the same bytes); the environment `pack` runs in there: PATH = the venv's bin only, an
    empty cache, no EMSDK."""
    root = tmp_path_factory.mktemp("wheel-venv")
    started = time.monotonic()
    for out in ("dist", "again"):
        _run([sys.executable, "-m", "pygbag_like", "runtime", "wheel", "--out", str(root / out)],
             cwd=REPO)
    (wheel,) = (root / "dist").glob("*.whl")
    assert (root / "again" / wheel.name).read_bytes() == wheel.read_bytes()
    source = root / "project"
    source.mkdir()
    for name in PROJECT_FILES:
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, source / name,
                            ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(REPO / name, source / name)
    venv = root / "venv"
    _run([sys.executable, "-m", "venv", str(venv)])
    _run([str(venv / "bin" / "python"), "-m", "pip", "install", "-q", str(source), str(wheel)])
    (root / "cache").mkdir()
    (root / "home").mkdir()
    env = {"PATH": str(venv / "bin"), "HOME": str(root / "home"), "LANG": "C.UTF-8",
           paths.CACHE_ENV: str(root / "cache")}
    for tool in ("emcc", "em++", "emcmake", "emconfigure"):
        assert shutil.which(tool, path=env["PATH"]) is None, tool
    print(f"\nwheel {wheel.stat().st_size / 1e6:.1f} MB; wheel + venv + install "
          f"{time.monotonic() - started:.1f}s")
    return {"root": root, "wheel": wheel, "pack": str(venv / "bin" / "pack"), "env": env}


@pytest.mark.runtime
@pytest.mark.browser
def test_pack_from_a_fresh_venv_with_the_wheel_plays_in_chromium(wheel_venv, nginx, browser):
    root, env, pack = wheel_venv["root"], wheel_venv["env"], wheel_venv["pack"]
    version = wheel_venv["wheel"].name.split("-")[1]
    info = _run([pack, "runtime", "info"], env=env, cwd=root).stdout
    assert f"from: installed wheel pygbag_like_runtime {version}" in info
    assert f"path: {root / 'venv'}" in info
    # The installed wheel's files are the ones the repository records for the pinned recipes.
    verified = _run([pack, "runtime", "verify"], env=env, cwd=root).stdout
    assert f"{root / 'venv'}" in verified and ": reproduced: " in verified

    game = root / "async_sprites"
    shutil.copytree(REPO / "examples" / "async_sprites", game)
    _run([pack, str(game), "--archive"], env=env, cwd=root)
    with zipfile.ZipFile(game / "build" / "web.zip") as archive:
        assert "index.html" in archive.namelist()
    _run([pack, "new", "starter"], env=env, cwd=root)
    _run([pack, "starter"], env=env, cwd=root)
    assert not any((root / "cache").iterdir()), "pack wrote into the empty cache"

    session = open_game(browser, nginx.publish(game / "build" / "web", "wheel/async_sprites"))
    try:
        session.click_start()
        assert session.wait_for_line("started"), session.console[-20:]
        assert session.canvas_changes(), "the canvas did not change between two frames"
        session.page.keyboard.press("Space")
        assert session.wait_for_line("key space"), session.console[-20:]
        session.page.keyboard.press("Escape")
        assert session.wait_for_state("ended") == "ended", session.console[-20:]
        assert not session.errors and not session.console_errors, session.console_errors
    finally:
        session.page.close()

    session = open_game(browser, nginx.publish(root / "starter" / "build" / "web",
                                               "wheel/starter"))
    try:
        session.click_start()
        assert session.state() == "running", session.console[-20:]
        before = session.canvas_png()
        session.page.keyboard.down("ArrowRight")  # the square moves while the key is held
        session.page.wait_for_timeout(500)
        session.page.keyboard.up("ArrowRight")
        assert session.canvas_png() != before, "the starter game did not react to a key"
        session.page.keyboard.press("Escape")
        assert session.wait_for_state("ended") == "ended", session.console[-20:]
        assert not session.errors and not session.console_errors, session.console_errors
    finally:
        session.page.close()
