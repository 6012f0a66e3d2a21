"""Unit tests of the reproducible runtime: .pyc bytes and names, the build environment that
pins paths and time, and `pack runtime verify` against a record (docs/reproducible.md)."""

import importlib.util
import json
import marshal
import shlex
import shutil
from pathlib import Path

import pytest

from pygbag_like import cli
from pygbag_like.datafile import write_data_file, write_gzip_copy
from pygbag_like.errors import PackError
from pygbag_like.modulestore import LIB_ROOT
from pygbag_like.resources import resource_dir
from pygbag_like.runtime import reproducible, verify
from pygbag_like.runtime.layout import MANIFEST, MODULE_FILES, MODULE_STORE, RUNTIME_FILES

MODULE = '''"""A docstring that -OO drops."""
COLOURS = {"red", "green", "blue", "cyan", "magenta", "yellow"}

def fail(colour):
    if colour not in COLOURS:
        raise ValueError(colour)
'''


def load_compile_pyc():
    path = resource_dir("sdl_port") / "compile_pyc.py"
    spec = importlib.util.spec_from_file_location("compile_pyc_under_test", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def compile_tree(root: Path) -> Path:
    """Lay out sources below `root` and compile them as the runtime build does."""
    sources, out = root / "some" / "deep" / "sources", root / "out"
    (sources / "pkg").mkdir(parents=True)
    (sources / "pkg" / "__init__.py").write_text("")
    (sources / "pkg" / "colours.py").write_text(MODULE)
    (sources / "broken.py").write_text("def (:\n")
    load_compile_pyc().main(sources, out, LIB_ROOT)
    return out


def test_pyc_bytes_do_not_depend_on_the_build_folder(tmp_path):
    first, second = compile_tree(tmp_path / "a"), compile_tree(tmp_path / "elsewhere" / "b")
    files = sorted(p.relative_to(first).as_posix() for p in first.rglob("*.pyc"))
    assert files == ["pkg/__init__.pyc", "pkg/colours.pyc"]  # broken.py is skipped
    for rel in files:
        assert (first / rel).read_bytes() == (second / rel).read_bytes(), rel
    data = (first / "pkg" / "colours.pyc").read_bytes()
    assert data[:16] == importlib.util.MAGIC_NUMBER + bytes(12)
    assert str(tmp_path).encode() not in data


def test_pyc_names_the_file_where_the_browser_has_it(tmp_path):
    code = marshal.loads((compile_tree(tmp_path) / "pkg" / "colours.pyc").read_bytes()[16:])
    fail = next(c for c in code.co_consts if hasattr(c, "co_filename"))
    expected = f"{LIB_ROOT}/pkg/colours.py"
    assert (code.co_filename, fail.co_filename) == (expected, expected)
    assert code.co_filename.startswith("/usr/local/lib/python3.11/")
    assert "A docstring" not in repr(code.co_consts)


def test_path_map_names_folders_by_what_they_are(tmp_path):
    cache = tmp_path / "cache"
    work = cache / "work" / "sdl2-0123456789abcdef-x1y2z3"
    mapping = reproducible.path_map(work, "sdl2", cache, str(cache / "emscripten-cache"))
    text = (f"{work}/src/SDL2/render.c {cache}/components/zlib-00/lib/libz.a "
            f"{cache}/emscripten-cache/sysroot/lib/pkgconfig")
    assert reproducible.replace_paths(text, mapping) == (
        "/build/sdl2/src/SDL2/render.c /build/cache/components/zlib-00/lib/libz.a "
        "/build/emscripten-cache/sysroot/lib/pkgconfig")


def test_build_env_maps_every_folder_and_pins_the_time():
    mapping = {"/c": "/build/cache", "/c/work/x-1": "/build/x"}
    env = reproducible.build_env(mapping, 1675777920, emcc_cflags="-DUSER=1")
    flags = shlex.split(env["EMCC_CFLAGS"])
    assert flags[0] == "-DUSER=1"  # the caller's own flags are kept
    assert {"-ffile-prefix-map=/c=/build/cache", "-ffile-prefix-map=/c/work/x-1=/build/x",
            '-D__DATE__="Feb  7 2023"', '-D__TIME__="13:52:00"'} <= set(flags)
    assert env["SOURCE_DATE_EPOCH"] == "1675777920"
    assert env["PYTHONHASHSEED"] == "0" and env["TZ"] == "UTC"
    assert reproducible.c_date_time(0) == ("Jan  1 1970", "00:00:00")
    assert reproducible.c_date_time(1700000000) == ("Nov 14 2023", "22:13:20")


def make_runtime(folder: Path, key: str = "0123456789abcdef") -> Path:
    """A runtime folder with every recorded file: small fake binaries, a real module store."""
    lib = folder / MODULE_FILES
    (lib / "json").mkdir(parents=True)
    (lib / "json" / "__init__.pyc").write_bytes(b"json module")
    (lib / "os.pyc").write_bytes(b"os module")
    files = sorted(p for p in lib.rglob("*") if p.is_file())
    write_data_file([(p.relative_to(lib).as_posix(), p) for p in files], folder / MODULE_STORE)
    for name in RUNTIME_FILES:
        if not (folder / name).exists() and not name.endswith(".gz"):
            (folder / name).write_text(f"contents of {name}")
    for name in RUNTIME_FILES:
        if name.endswith(".gz"):
            write_gzip_copy(folder / name.removesuffix(".gz"))
    (folder / MANIFEST).write_text(json.dumps({"key": key, "emscripten": "3.1.6"}))
    return folder


def test_a_recorded_runtime_verifies_and_a_changed_one_names_its_files(tmp_path):
    record = tmp_path / "expected-runtime.json"
    original = make_runtime(tmp_path / "first")
    verify.record_runtime(original, record)
    recorded = json.loads(record.read_text())["0123456789abcdef"]
    assert set(recorded["files"]) == set(RUNTIME_FILES) and recorded["emscripten"] == "3.1.6"
    copy = tmp_path / "copy"
    shutil.copytree(original, copy)
    records = verify.load_record(record)
    assert verify.check_runtime(copy, records).status == verify.REPRODUCED
    (copy / "python.wasm").write_bytes(b"rebuilt")
    (copy / "python.js.gz").unlink()
    (copy / MODULE_FILES / "os.pyc").write_bytes(b"os module, edited")
    (copy / MODULE_FILES / "extra.pyc").write_bytes(b"not in the store")
    verdict = verify.check_runtime(copy, records)
    assert verdict.status == verify.DIFFERS
    assert verdict.differing == ("python.js.gz (missing)", "python.wasm",
                                 "lib/extra.pyc", "lib/os.pyc")
    assert verdict.line().endswith(
        ": python.js.gz (missing), python.wasm, lib/extra.pyc, lib/os.pyc")
    other = make_runtime(tmp_path / "other", key="fedcba9876543210")
    assert verify.check_runtime(other, records).status == verify.NO_RECORD


def test_an_incomplete_runtime_is_not_recorded(tmp_path):
    folder = make_runtime(tmp_path / "runtime")
    (folder / "python-asyncify.wasm").unlink()
    with pytest.raises(PackError, match=r"python-asyncify\.wasm"):
        verify.record_runtime(folder, tmp_path / "record.json")
    assert not (tmp_path / "record.json").exists()


def test_verify_command_exits_non_zero_naming_the_differing_files(tmp_path, capsys,
                                                                 monkeypatch):
    record = tmp_path / "expected-runtime.json"
    monkeypatch.setattr(verify, "record_path", lambda: record)
    folder = make_runtime(tmp_path / "runtime")
    assert cli.main(["runtime", "verify", str(folder)]) == 9
    assert capsys.readouterr().err.strip().endswith("no record for this key "
                                                    "(0123456789abcdef) in "
                                                    "expected-runtime.json")
    assert cli.main(["runtime", "verify", "--record", str(folder)]) == 0
    assert cli.main(["runtime", "verify", str(folder)]) == 0
    assert "reproduced" in capsys.readouterr().out
    (folder / "modules.json").write_text("{}")
    assert cli.main(["runtime", "verify", str(folder)]) == 9
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"pack: error: {folder}: differs from the record for key "
                   "0123456789abcdef: modules.json"]
