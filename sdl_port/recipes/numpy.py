"""numpy 1.25, its C modules as static archives for the numpy link variants.

numpy 1.25 is the last release whose setup.py (numpy.distutils) still builds on Python 3.11;
1.26 needs a meson cross build. setup.py runs on the build machine's Python 3.11, told the
target's configuration through CPython's own sysconfig data for emscripten (so emcc and the
wasm32 type sizes are what its configuration checks see), without BLAS/LAPACK (numpy's own
lapack_lite) and without SIMD dispatch. Its linker is replaced by link_record.py: each
extension module becomes a JSON list of its objects, which are put into one archive for the
final link (docs/numpy.md). Installed: `lib/*.a`, `numpy.json` (each module's dotted name and
init function, the archives in link order) and the package's Python files.
"""

import json
import shutil
import sys
from pathlib import Path

from pygbag_like.runtime.recipe import BuildContext, Recipe, Source

RECIPE = Recipe(
    name="numpy",
    version="1.25.2",
    cost=8,
    source=Source(
        filename="numpy-1.25.2.tar.gz",
        sha256="fd608e19c8d7c55021dffd43bfe5492fab8cc105cc8986f813f8c3c048b38760",
        pypi_project="numpy",
        upstream_url="https://github.com/numpy/numpy/releases/tag/v1.25.2",
    ),
    depends=("python",),
    inputs=("link_record.py",),
    # The runtime's .pyc files are compiled as with -OO (no docstrings) while Python runs
    # without -OO: numpy's add_docstring, which skips its work only under -OO, then got
    # None for a docstring and raised, and `import numpy` failed.
    # Cython 3 (what the build machine has, for pygame-ce) no longer knows `long`, which
    # one line of numpy.random's _generator.pyx still named.
    # mtrand (RandomState) compiles its own copy of distributions.c with 32-bit `long`
    # integers where npyrandom's has int64_t, under the same symbol names: fine in separate
    # shared modules, but linked into one binary the Generator called mtrand's copy
    # (wasm-ld: "function signature mismatch: random_multinomial"). Renamed for mtrand.
    # Five getters took one parameter where CPython passes two: a wasm trap ("function
    # signature mismatch") at pickle.dumps(array), which reads a dtype class's `_legacy`.
    patches=("numpy-docstring-none.patch", "numpy-cython3.patch",
             "numpy-static-mtrand.patch", "numpy-getter-signatures.patch"),
)

# numpy's own test helpers: built by setup.py, not linked (no shipped code imports them;
# _multiarray_tests is linked: `import numpy` adds a docstring to one of its functions).
TEST_MODULES = ("_umath_tests", "_rational_tests", "_struct_ufunc_tests",
                "_operand_flag_tests", "_simd")
# Python folders no game needs: tests, the build tools, the Fortran wrapper generator.
UNSHIPPED = ("tests", "distutils", "f2py", "_pyinstaller", "_examples", "__pycache__")
ARCHIVE = "libnumpy.a"


def _recorder(ctx: BuildContext) -> Path:
    """An executable that runs link_record.py (LDSHARED and CXX must be one program)."""
    script = ctx.build_dir / "link-record"
    script.write_text(f'#!/bin/sh\nexec "{sys.executable}" '
                      f'"{ctx.sdl_port / "link_record.py"}" "$@"\n')
    script.chmod(0o755)
    return script


def _build_env(ctx: BuildContext) -> dict[str, str]:
    """setup.py's environment: the target's sysconfig data, emcc, the recording linker."""
    sysconfig_dir = ctx.build_dir / "sysconfig"
    sysconfig_dir.mkdir()
    (data,) = (ctx.dep("python") / "stdlib").glob("_sysconfigdata_*.py")
    shutil.copy2(data, sysconfig_dir)
    # -I first: the host's own Python include folder comes later on distutils' command lines.
    # -g0: the target's CFLAGS ask for debug info, which only slows the compiles down.
    cflags = (f"-I{ctx.dep('python')}/include/{ctx.python_dirname} -g0 -O2 "
              "-Wno-return-type -Wno-unused-command-line-argument")
    recorder = str(_recorder(ctx))
    return {
        "_PYTHON_SYSCONFIGDATA_NAME": data.stem,
        "_PYTHON_HOST_PLATFORM": "emscripten-wasm32",
        "PYTHONPATH": str(sysconfig_dir),
        "SETUPTOOLS_USE_DISTUTILS": "stdlib",  # numpy.distutils predates setuptools' copy
        "CC": "emcc", "CXX": recorder, "LDSHARED": recorder,
        "AR": "emar", "ARFLAGS": "rcs", "RANLIB": "emranlib", "LDFLAGS": "",
        "CFLAGS": cflags, "CXXFLAGS": cflags,
        # No BLAS or LAPACK even if the build machine has one: numpy's own fallbacks.
        "NPY_BLAS_ORDER": "", "NPY_LAPACK_ORDER": "", "BLAS": "None", "LAPACK": "None",
        "ATLAS": "None", "NPY_DISABLE_SVML": "1",
        "NPY_NUM_BUILD_JOBS": str(ctx.jobs),
    }


def build(ctx: BuildContext) -> None:
    ctx.run([sys.executable, "setup.py", "build", "--disable-optimization"],
            env=_build_env(ctx))
    (lib_dir,) = (ctx.src / "build").glob("lib.*")
    modules, objects, archives = _collect(lib_dir)
    lib = ctx.prefix / "lib"
    lib.mkdir(parents=True)
    staged = ctx.build_dir / "objects"
    staged.mkdir()
    members = []
    for index, obj in enumerate(objects):  # numbered: several sources share a file name
        members.append(staged / f"{index:04d}_{obj.name}")
        shutil.copy2(obj, members[-1])
    ctx.run(["emar", "rcs", lib / ARCHIVE, *members])
    for archive in archives:
        shutil.copy2(archive, lib / archive.name)
    record = {"modules": modules, "archives": [ARCHIVE, *(a.name for a in archives)]}
    (ctx.prefix / "numpy.json").write_text(json.dumps(record, indent=1) + "\n")
    shutil.copytree(lib_dir / "numpy", ctx.prefix / "python" / "numpy",
                    ignore=_unshipped)


def _collect(lib_dir: Path) -> tuple[dict[str, str], list[Path], list[Path]]:
    """From the link records: module name -> init function, the objects (each once: the
    lapack_lite sources go into two modules) and the static libraries they link."""
    modules: dict[str, str] = {}
    objects: dict[Path, None] = {}
    archives: dict[str, Path] = {}
    for path in sorted(lib_dir.rglob("*.so")):
        rel = path.relative_to(lib_dir)
        stem = rel.name.split(".")[0]
        if stem in TEST_MODULES:
            continue
        modules[".".join((*rel.parent.parts, stem))] = f"PyInit_{stem}"
        record = json.loads(path.read_text())
        for obj in map(Path, record["objects"]):
            if obj.suffix == ".a":
                archives.setdefault(obj.name, obj)
            else:
                objects.setdefault(obj)
        for name in record["libraries"]:
            found = [Path(d) / f"lib{name}.a" for d in record["library_dirs"]
                     if (Path(d) / f"lib{name}.a").exists()]
            if found:  # else a system library (-lm), which emcc links anyway
                archives.setdefault(found[0].name, found[0])
    return modules, list(objects), list(archives.values())


def _unshipped(folder: str, names: list[str]) -> set[str]:
    return {name for name in names if name in UNSHIPPED
            or (Path(folder, name).is_file() and not name.endswith(".py"))}
