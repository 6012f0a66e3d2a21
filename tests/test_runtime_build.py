"""`pack runtime build|info` through the command line, against the real cache."""

import hashlib
import os
import shutil
import subprocess
import sys

import pytest

from pygbag_like.runtime import paths
from pygbag_like.runtime.recipe import load_recipes
from pygbag_like.runtime.verify import check_runtime

pytestmark = pytest.mark.runtime


def pack_runtime(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pygbag_like", "runtime", *args],
                          capture_output=True, text=True, timeout=600, env=env)


def test_second_build_reuses_every_component(runtime):
    result = pack_runtime("build")
    assert result.returncode == 0, result.stderr
    names = set(load_recipes())
    cached = {line.split()[1] for line in result.stderr.splitlines() if "(cached)" in line}
    assert cached == names
    assert "building" not in result.stderr
    # Its last line says whether the runtime is the one the repository records.
    assert result.stderr.strip().splitlines()[-1] == check_runtime(runtime.root).line()


def test_info_lists_versions_and_compressed_sizes(runtime):
    result = pack_runtime("info")
    assert result.returncode == 0, result.stderr
    assert "python       3.11.2" in result.stdout and "pygame_ce    2.5.6" in result.stdout
    wasm = next(line for line in result.stdout.splitlines() if line.startswith("python.wasm"))
    raw, gz, br = (int(x.replace(",", "")) for x in wasm.split()[1:4])
    assert raw > gz > br > 0


def test_tampered_source_stops_the_build_with_the_hash_message(runtime, tmp_path):
    sources = tmp_path / "sources"
    sources.mkdir()
    recipe = load_recipes()["bzip2"].recipe.source
    shutil.copy(paths.sources_dir() / recipe.filename, sources / recipe.filename)
    with (sources / recipe.filename).open("ab") as archive:
        archive.write(b"tampered")
    actual = hashlib.sha256((sources / recipe.filename).read_bytes()).hexdigest()
    cache = tmp_path / "cache"
    cache.mkdir()
    # Share the pinned Debian root (made once per cache) instead of making it again.
    (cache / paths.build_roots_dir().name).symlink_to(paths.build_roots_dir())
    env = dict(os.environ, **{paths.CACHE_ENV: str(cache), paths.SOURCES_ENV: str(sources)})
    result = pack_runtime("build", env=env)
    assert result.returncode != 0
    message = result.stderr.strip().splitlines()[-1]
    assert message.startswith("pack: error: sha256 mismatch")
    assert recipe.filename in message and recipe.sha256 in message and actual in message


def test_two_builds_at_once_both_succeed_and_leave_the_cache_whole(runtime):
    first = subprocess.Popen([sys.executable, "-m", "pygbag_like", "runtime", "build"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    second = pack_runtime("build")
    _, err = first.communicate(timeout=600)
    assert first.returncode == 0, err
    assert second.returncode == 0, second.stderr
    assert "Traceback" not in err + second.stderr
    files = runtime.files
    assert all(path.stat().st_size > 0 for path in files)


def test_packed_outputs_are_independent_of_the_cache(runtime, tmp_path):
    game = tmp_path / "game"
    game.mkdir()
    (game / "main.py").write_text("print('hi')\n")
    result = subprocess.run([sys.executable, "-m", "pygbag_like", str(game)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    cached = runtime.root / "modules.data"
    before = hashlib.sha256(cached.read_bytes()).hexdigest()
    (shipped,) = (game / "build" / "web" / "runtime").glob("modules.*.data")
    assert shipped.stat().st_ino != cached.stat().st_ino
    shipped.chmod(0o666)
    with shipped.open("r+b") as data:
        data.write(b"edited")
    assert hashlib.sha256(cached.read_bytes()).hexdigest() == before
    assert not cached.stat().st_mode & 0o222, "cache files are read-only"
