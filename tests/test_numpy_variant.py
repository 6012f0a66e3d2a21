"""Which games get numpy's link variant, and what the other games' pages leave out."""

import ast
import importlib.util
import json
from pathlib import Path

from pygbag_like.modulestore import index_sources
from pygbag_like.numpycheck import lazy_module_uses, needs_numpy
from pygbag_like.runtime.layout import (
    ASYNCIFY,
    ASYNCIFY_NUMPY,
    PLAIN,
    PLAIN_NUMPY,
    VARIANTS,
    variant_for,
)
from pygbag_like.runtime.recipe import recipes_dir

# A store shaped like the runtime's: pygame checks for numpy under `except ImportError`,
# its surfarray imports numpy whenever it is imported.
SOURCES = {
    "pygame/__init__.py": b"import sys\ntry:\n    import numpy\nexcept ImportError:\n    pass\n",
    "pygame/surfarray.py": b"import numpy\nfrom pygame.pixelcopy import array_to_surface\n",
    "pygame/sprite.py": b"import pygame\n",
    "numpy/__init__.py": b"from . import core\nfrom . import linalg\n",
    "numpy/core/__init__.py": b"from . import multiarray\n",
    "numpy/core/multiarray.py": b"from ._multiarray_umath import *\n",
    "numpy/linalg/__init__.py": b"from .lapack_lite import *\n",
    "json/__init__.py": b"import sys\n",
    "shutil.py": b"try:\n    import lzma\nexcept ImportError:\n    pass\n",
    "lzma.py": b"from _lzma import *\n",
}
PROVIDED = ["sys", "pygame.pixelcopy", "numpy.core._multiarray_umath", "numpy.linalg.lapack_lite",
            "_lzma"]


def index():
    return index_sources(SOURCES, provided=PROVIDED, data={})


def test_numpy_is_needed_only_through_imports_that_always_run():
    store = index()
    assert needs_numpy(store, ["numpy"], {}, [])
    assert needs_numpy(store, ["numpy.linalg"], {}, [])
    assert needs_numpy(store, ["pygame", "pygame.surfarray"], {}, [])
    # pygame's own guarded check is no reason; nor is anything else pygame imports
    assert not needs_numpy(store, ["pygame", "pygame.sprite", "json"], {}, [])


def test_lazily_imported_pygame_modules_count_when_reachable_code_uses_them():
    code = "import pygame\ndef draw(s):\n    pygame.surfarray.pixels3d(s)\n"
    modules = {"main.py": ast.parse(code), "unused.py": ast.parse("import pygame\n")}
    assert lazy_module_uses(modules.values()) == {"pygame.surfarray"}
    assert needs_numpy(index(), ["pygame"], modules, ["main.py"])
    assert not needs_numpy(index(), ["pygame"], modules, ["unused.py"])


def test_pages_without_numpy_neither_ship_nor_list_it():
    store = index()
    assert "numpy" in store.closure(["pygame"])  # pygame's guarded import, followed
    assert not {n for n in store.closure(["pygame"], missing=PLAIN.missing_packages)
                if n.startswith("numpy")}
    spans = {entry.path: (i, i + 1) for i, entry in enumerate(store.modules.values())}
    listed = json.loads(store.store_contents(spans, missing=PLAIN.missing_packages))
    assert listed and not [path for path in listed if path.startswith("numpy/")]
    # a single-file module of those packages too (shutil's guarded `import lzma`)
    assert "shutil.pyc" in listed and "lzma.pyc" not in listed
    with_numpy = json.loads(store.store_contents(spans, missing=PLAIN_NUMPY.missing_packages))
    assert "numpy/core/multiarray.pyc" in with_numpy and "lzma.pyc" in with_numpy


def test_variants_cover_both_loops_with_and_without_numpy():
    assert variant_for(False) is PLAIN and variant_for(True) is ASYNCIFY
    assert variant_for(False, True) is PLAIN_NUMPY and variant_for(True, True) is ASYNCIFY_NUMPY
    assert len({v.wasm for v in VARIANTS}) == len(VARIANTS) == 4
    assert all(v.numpy == (not v.missing_packages) for v in VARIANTS)


def _load(path: Path):
    spec = importlib.util.spec_from_file_location(f"_test_{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_link_record_keeps_objects_libraries_and_output(tmp_path):
    record = _load(recipes_dir().parent / "link_record.py")
    output, parsed = record.parse(["-shared", "a/x.o", "b.a", "-Llibs", "-L", "more",
                                          "-lnpymath", "-lm", "-o", "out.so"])
    assert output == "out.so"
    assert [Path(p).name for p in parsed["objects"]] == ["x.o", "b.a"]
    assert parsed["libraries"] == ["npymath", "m"]
    assert all(Path(p).is_absolute() for p in parsed["library_dirs"])
    assert record.is_extension_link(["x.o", "-o", "build/lib/numpy/core/_m.so"])
    assert not record.is_extension_link(["-O2", "-c", "sort.cpp", "-o", "sort.o"])  # em++


def test_extra_inittab_registers_each_module_under_its_dotted_name():
    wasm = _load(recipes_dir() / "wasm.py")
    source = wasm.extra_inittab({"numpy.core._multiarray_umath": "PyInit__multiarray_umath",
                                 "numpy.random.mtrand": "PyInit_mtrand"})
    assert 'PyImport_AppendInittab("numpy.random.mtrand", pl_init_1)' in source
    assert '_Py_PackageContext = "numpy.random.mtrand";\n    PyObject *module = PyInit_mtrand()' \
        in source
    assert source.count("PyMODINIT_FUNC") == 2
    assert "PyImport_AppendInittab" not in wasm.extra_inittab({})
