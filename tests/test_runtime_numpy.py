"""numpy in the browser (issue #12): a game using it gets the numpy runtime and computes what
it computes natively; a game that does not use it ships and lists nothing of numpy."""

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.e2e import pack

pytestmark = [pytest.mark.runtime, pytest.mark.usefixtures("runtime")]

# surfarray reads and writes, make_surface, sndarray, linalg, random, fft, pickle; each line is
# compared with the same script's output on the desktop.
NUMPY_GAME = """
import pickle

import numpy as np
import pygame
import pygame.sndarray
import pygame.surfarray



def rounded(values):
    return (np.round(values, 9) + 0.0).tolist()  # + 0.0: -0.0 and 0.0 print the same


pygame.init()
pygame.mixer.init(22050, -16, 2)
surface = pygame.Surface((4, 3), depth=32)
surface.fill((10, 20, 30))
print("array3d", surface.get_size(), pygame.surfarray.array3d(surface)[2, 1].tolist())
pixels = pygame.surfarray.pixels3d(surface)
pixels[1, 2] = (200, 100, 50)
del pixels
print("pixels3d write", tuple(surface.get_at((1, 2))))
print("array2d", pygame.surfarray.array2d(surface)[1, 2] == surface.map_rgb((200, 100, 50)))
alpha = pygame.Surface((2, 2), pygame.SRCALPHA)
pygame.surfarray.pixels_alpha(alpha)[:] = 77
print("pixels_alpha", tuple(alpha.get_at((1, 1))))
made = pygame.surfarray.make_surface((np.arange(36).reshape(4, 3, 3) * 7).astype(np.uint8))
print("make_surface", made.get_size(), tuple(made.get_at((3, 1)))[:3])
pygame.surfarray.blit_array(surface, np.full((4, 3, 3), 99, np.uint8))
print("blit_array", tuple(surface.get_at((0, 0))))
wave = (np.sin(np.arange(2205) / 10.0) * 8000).astype(np.int16)
sound = pygame.sndarray.make_sound(np.column_stack([wave, wave // 2]))
back = pygame.sndarray.array(sound)
# in samples: the browser's audio may run at another rate than the one asked for
print("sndarray", back.shape, back[100].tolist(),
      round(sound.get_length() * pygame.mixer.get_init()[0]))
matrix = np.array([[4.0, 1.0, 2.0], [1.0, 3.0, 0.5], [2.0, 0.5, 5.0]])
print("solve", rounded(np.linalg.solve(matrix, [1.0, 2.0, 3.0])))
print("eigvalsh", rounded(np.linalg.eigvalsh(matrix)))
print("inv det", rounded(np.linalg.inv(matrix) @ matrix), rounded(np.linalg.det(matrix)))
print("svd", rounded(np.linalg.svd(matrix, compute_uv=False)))
print("rng", np.random.default_rng(12345).integers(0, 1000, 6).tolist())
np.random.seed(7)
print("legacy", np.random.randint(0, 1000, 4).tolist(), rounded(np.random.standard_normal(3)))
print("fft", rounded(np.abs(np.fft.rfft([1.0, 2.0, 0.0, -1.0, 3.0, 0.5]))))
print("pickle", pickle.loads(pickle.dumps(np.arange(5) * 2)).tolist())
print("done")
"""


def test_numpy_game_computes_in_the_browser_what_it_computes_natively(tmp_path):
    script = tmp_path / "game.py"
    script.write_text(textwrap.dedent(NUMPY_GAME))
    native = subprocess.run([sys.executable, script.name], cwd=tmp_path, capture_output=True,
                            text=True, timeout=120, env=dict(os.environ,
                                                             PYGAME_HIDE_SUPPORT_PROMPT="1"))
    assert native.returncode == 0, native.stderr
    browser = subprocess.run([sys.executable, "-m", "pygbag_like", "exec", "--timeout", "120",
                              str(script)], capture_output=True, text=True, timeout=240)
    assert browser.returncode == 0, browser.stderr
    expected = [line for line in native.stdout.splitlines() if not line.startswith("pygame")]
    got = [line for line in browser.stdout.splitlines() if not line.startswith("pygame")]
    assert got == expected and expected[-1] == "done", browser.stderr


def _packed(out: Path) -> dict[str, bytes]:
    """The files of a packed page's game data: path -> bytes."""
    metadata = next(out.glob("game.*.data.json"))
    data = metadata.with_suffix("").read_bytes()
    return {entry["filename"]: data[entry["start"]:entry["end"]]
            for entry in json.loads(metadata.read_text())["files"]}


def test_only_games_importing_numpy_get_it(tmp_path):
    plain = tmp_path / "plain"
    plain.mkdir()
    (plain / "main.py").write_text("import pygame\npygame.init()\n")
    result = pack(plain)
    assert result.returncode == 0 and result.stdout.rstrip().endswith("runtime: python")
    out = plain / "build" / "web"
    files = _packed(out)
    assert not [path for path in files if "/numpy/" in path]
    (contents,) = [data for path, data in files.items() if path.endswith("_pack_store.json")]
    listed = json.loads(contents)
    assert "pygame/surfarray.pyc" in listed and not [p for p in listed if p.startswith("numpy")]
    assert not [name for name in (out / "runtime").iterdir() if "numpy" in name.name]
    store = json.loads(next((out / "runtime").glob("modules.*.data.json")).read_text())
    assert store["files"] and not [f for f in store["files"] if f["filename"].startswith("numpy")]
    numpy_game = tmp_path / "numpy_game"
    numpy_game.mkdir()
    (numpy_game / "main.py").write_text(
        "import pygame\ndef shade(s):\n    return pygame.surfarray.array3d(s)\n")
    result = pack(numpy_game)
    assert result.returncode == 0 and result.stdout.rstrip().endswith("runtime: python-numpy")
    assert [path for path in _packed(numpy_game / "build" / "web") if "/numpy/" in path]


SAVES_GAME = """
import lzma, sqlite3, zipfile
db = sqlite3.connect("scores.db")
db.execute("create table if not exists score (name text, points integer)")
db.executemany("insert into score values (?, ?)", [("ada", 300), ("bob", 120)])
db.commit()
best = db.execute("select name, max(points) from score").fetchone()
print("sqlite", sqlite3.sqlite_version, best, len(db.serialize()) > 0)
db.close()
print("reopened", sqlite3.connect("scores.db").execute("select count(*) from score").fetchone())
packed = lzma.compress(b"level data " * 100)
print("lzma", len(packed) < 200, lzma.decompress(packed) == b"level data " * 100)
with zipfile.ZipFile("saves.zip", "w", zipfile.ZIP_LZMA) as archive:
    archive.writestr("slot1.txt", "x" * 1000)
print("zip", zipfile.ZipFile("saves.zip").read("slot1.txt") == b"x" * 1000)
"""


def test_sqlite3_and_lzma_come_with_the_numpy_variant_only(tmp_path):
    game = tmp_path / "saves"
    game.mkdir()
    (game / "main.py").write_text(textwrap.dedent(SAVES_GAME))
    result = pack(game)
    assert result.returncode == 0 and result.stdout.rstrip().endswith("runtime: python-numpy")
    browser = subprocess.run([sys.executable, "-m", "pygbag_like", "exec", "--timeout", "120",
                              str(game / "main.py")], capture_output=True, text=True,
                             timeout=240)
    assert browser.returncode == 0, browser.stdout + browser.stderr
    assert "sqlite 3.40.1 ('ada', 300) True" in browser.stdout
    assert "reopened (2,)" in browser.stdout
    assert "lzma True True" in browser.stdout and "zip True" in browser.stdout
    # zipfile alone (its lzma import is guarded) keeps the plain runtime, without lzma.
    (game / "main.py").write_text("import zipfile\nprint(zipfile.ZIP_LZMA)\n")
    result = pack(game)
    assert result.returncode == 0 and result.stdout.rstrip().endswith("runtime: python")
    assert not [path for path in _packed(game / "build" / "web") if "lzma" in path]
