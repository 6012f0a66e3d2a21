"""The runtime's module index: what each module imports in the browser, and the closure."""

from pathlib import Path

from pygbag_like.modulestore import ModuleIndex, index_sources, module_name

SOURCES = {
    "json/__init__.py": b"from .decoder import JSONDecoder\nimport codecs\n",
    "json/decoder.py": b"import re\ntry:\n    from _json import scanstring\nexcept ImportError:\n"
                       b"    scanstring = None\n",
    "re/__init__.py": b"import enum\nfrom . import _compiler\n",
    "re/_compiler.py": b"import _sre\n",
    "enum.py": b"import sys\n",
    "heapq.py": b"import sys\nif __name__ == '__main__':\n    import doctest\n",
    "doctest.py": b"import pdb\n",
    "pdb.py": b"",
    "asyncio/__init__.py": b"import sys\nfrom .base_events import *\n"
                          b"if sys.platform == 'win32':\n    from .windows_events import *\n"
                          b"else:\n    from .unix_events import *\n",
    "asyncio/base_events.py": b"import heapq\ntry:\n    import ssl\nexcept ImportError:\n"
                             b"    ssl = None\n",
    "asyncio/unix_events.py": b"import os\n",
    "asyncio/windows_events.py": b"import _winapi\n",
    "ssl.py": b"import _ssl\n",
    "helper.py": b"def later():\n    import doctest\n",
    "subprocess.py": b"import sys\n_mswindows = sys.platform == 'win32'\nif _mswindows:\n"
                     b"    import _winapi\nelse:\n    import _posixsubprocess\n",
}


def index() -> ModuleIndex:
    return index_sources(SOURCES, provided=["sys", "_sre", "codecs", "os"],
                         data={"json": ("json/notes.dat",)})


def test_module_names():
    assert module_name("json/__init__.py") == "json"
    assert module_name("os.py") == "os"
    assert module_name("pygame/freesansbold.ttf") is None
    assert module_name("bad-name/x.py") is None
    name = "_sysconfigdata__emscripten_wasm32-emscripten"
    assert module_name(f"{name}.py") == name  # sysconfig imports it by that name


def test_module_level_imports_in_the_browser():
    modules = index().modules
    assert modules["heapq"].imports == ("sys",)  # not the __main__ block's doctest
    assert "asyncio.unix_events" in modules["asyncio"].imports
    assert "asyncio.windows_events" not in modules["asyncio"].imports  # not on emscripten
    assert modules["asyncio.base_events"].optional == ("ssl",)
    assert modules["helper"].imports == ()  # imports inside functions are fetched when run


def test_modules_needing_a_missing_c_module_are_unavailable():
    modules = index().modules
    assert not modules["ssl"].available  # _ssl is not in the runtime
    assert not modules["asyncio.windows_events"].available
    assert modules["json.decoder"].available  # its _json import is optional
    assert modules["re._compiler"].available  # _sre is provided
    # below an `if` the analysis cannot decide: it may not run, so it is not needed
    assert modules["subprocess"].available
    assert modules["subprocess"].optional == ("_posixsubprocess", "_winapi")


def test_closure_follows_imports_and_ships_package_data():
    store = index()
    selected = store.closure(["asyncio", "json"])
    assert selected == {"asyncio", "asyncio.base_events", "asyncio.unix_events", "heapq",
                        "json", "json.decoder", "re", "re._compiler", "enum"}
    assert "json/notes.dat" in store.files(selected)
    assert "asyncio/__init__.pyc" in store.files(selected)


def test_index_round_trips_through_its_file(tmp_path: Path):
    store = index()
    store.save(tmp_path / "modules.json")
    assert ModuleIndex.load(tmp_path / "modules.json") == store


def test_frozen_modules_ship_no_file_but_what_they_import_does():
    store = index_sources({"importlib/util.py": b"from . import _abc\n",
                           "importlib/__init__.py": b"", "importlib/_abc.py": b""},
                          provided=["importlib.util"], data={})
    selected = store.closure(["importlib.util"])
    assert selected == {"importlib", "importlib.util", "importlib._abc"}
    assert store.files(selected) == ["importlib/__init__.pyc", "importlib/_abc.pyc"]


def test_imports_in_an_except_handler_are_fallbacks_not_needs():
    store = index_sources({"printer.py": b"try:\n    from _thread import get_ident\n"
                                         b"except ImportError:\n"
                                         b"    from _dummy_thread import get_ident\n"},
                          provided=["_thread"], data={})
    entry = store.modules["printer"]
    assert entry.available  # _dummy_thread is missing, but only the fallback needs it
    assert "_dummy_thread" in entry.optional and "_dummy_thread" not in entry.imports
