"""CPython 3.11 for wasm32-unknown-emscripten (browser target), as a static library.

Built with Tools/wasm/config.site-wasm32-emscripten. zlib, bzip2 and libffi (for ctypes)
come from our own recipes (configure would otherwise ask emscripten's ports, which download
at build time). The sqlite3 and lzma C modules (over our SQLite and liblzma) are compiled
apart, into `libpython-extras.a`, which only the numpy variants link. Installed: the archives
and headers for the link, the standard library's sources (for the runtime's module store),
and `modules.json` naming the modules compiled into the binary (builtin) or frozen into it.
"""

import json
import re
import shlex
import shutil
from pathlib import Path

from pygbag_like.runtime.recipe import BuildContext, Recipe, Source
from pygbag_like.runtime.reproducible import replace_paths

RECIPE = Recipe(
    name="python",
    version="3.11.2",
    cost=7,
    source=Source(
        filename="python3.11_3.11.2.orig.tar.gz",
        sha256="2411c74bda5bbcfcddaf4531f66d1adc73f247f529aee981b029513aefdbf849",
        debian_package="python3.11",
        upstream_url="https://www.python.org/ftp/python/3.11.2/Python-3.11.2.tgz",
    ),
    depends=("zlib", "bzip2", "libffi", "sqlite3", "xz"),
    # faulthandler.unregister() was called with one argument more than it takes, which
    # traps on wasm (bench/signature_check.py --cpython finds no other).
    patches=("python-faulthandler-unregister.patch",),
)

# Make variables the final link needs, read from the configured Makefile, and the flags
# builtin modules are compiled with.
LINK_VARIABLES = ("LIBS", "MODLIBS", "SYSLIBS", "LIBMPDEC_A", "LIBEXPAT_A", "VERSION",
                  "PY_BUILTIN_MODULE_CFLAGS")
# C modules linked into the numpy variants only (recipes/wasm.py): SQLite and liblzma are
# 1.08 MB of wasm (0.43 MB of gzip) that the games without them should not download.
# name -> (init function, sources below Modules/), as Modules/Setup.stdlib.in lists them.
EXTRA_MODULES = {
    "_sqlite3": ("PyInit__sqlite3", tuple(
        f"_sqlite/{name}.c" for name in ("blob", "connection", "cursor", "microprotocols",
                                         "module", "prepare_protocol", "row", "statement",
                                         "util"))),
    "_lzma": ("PyInit__lzma", ("_lzmamodule.c",)),
}
EXTRAS_ARCHIVE = "libpython-extras.a"
# Standard library folders no game needs (tests, the IDLE and Tk GUIs, packaging tools,
# pydoc's topic texts), left out of the installed sources.
UNSHIPPED_LIB = ("test", "idlelib", "tkinter", "turtledemo", "lib2to3", "ensurepip", "venv",
                 "distutils", "pydoc_data", "site-packages", "__pycache__")
# Where the standard library's sources live in the browser; build paths are replaced by it.
STDLIB_PREFIX = "/usr/local/lib"
# C modules left out of the binary: the East Asian legacy codecs (about 1 MB of tables;
# games read UTF-8) and _decimal (the decimal module falls back to the pure-Python
# _pydecimal, which the module store has). docs/size-and-speed.md has the measured saving.
LEFT_OUT_MODULES = ("_codecs_cn", "_codecs_hk", "_codecs_iso2022", "_codecs_jp", "_codecs_kr",
                    "_codecs_tw", "_multibytecodec", "_decimal")


def _make_variables(ctx: BuildContext, names: tuple[str, ...]) -> dict[str, str]:
    printer = ctx.build_dir / "print.mk"
    printer.write_text("include Makefile\nprint-%:\n\t@echo '$*=$($*)'\n")
    out = ctx.run(["make", "-s", "-f", printer, *(f"print-{n}" for n in names)], capture=True)
    return dict(line.split("=", 1) for line in out.splitlines() if "=" in line)


def _build_python(ctx: BuildContext) -> str:
    """The host's Python of the runtime's version, which CPython's build runs."""
    return shutil.which(ctx.python_dirname, path=ctx.env.get("PATH")) or ctx.python_dirname


def _ctypes_setup(libffi: Path) -> str:
    """Modules/Setup.local: _ctypes built in (3.11 leaves it to setup.py, which a static
    build does not run), as Modules/Setup's own commented line has it; libffi.a is linked
    by the final link."""
    sources = " ".join(f"_ctypes/{name}.c"
                       for name in ("_ctypes", "callbacks", "callproc", "stgdict", "cfield"))
    flags = ("-DHAVE_FFI_PREP_CIF_VAR", "-DHAVE_FFI_PREP_CLOSURE_LOC", "-DHAVE_FFI_CLOSURE_ALLOC")
    return f"*static*\n_ctypes {sources} -I{libffi}/include {' '.join(flags)}\n"


def build(ctx: BuildContext) -> None:
    zlib, bzip2 = ctx.dep("zlib"), ctx.dep("bzip2")
    (ctx.src / "Modules" / "Setup.local").write_text(_ctypes_setup(ctx.dep("libffi")))
    env = {
        "CONFIG_SITE": str(ctx.src / "Tools/wasm/config.site-wasm32-emscripten"),
        "ZLIB_CFLAGS": f"-I{zlib}/include", "ZLIB_LIBS": f"{zlib}/lib/libz.a",
        "BZIP2_CFLAGS": f"-I{bzip2}/include", "BZIP2_LIBS": f"{bzip2}/lib/libbz2.a",
        # Non-empty values keep configure away from the sqlite3 port; the module is left out.
        "LIBSQLITE3_CFLAGS": " ", "LIBSQLITE3_LIBS": " ",
    }
    build_python = _build_python(ctx)
    host = ctx.run(["./config.guess"], capture=True).strip()
    ctx.run(["emconfigure", "./configure", "-C", "--host=wasm32-unknown-emscripten",
             f"--build={host}", "--with-emscripten-target=browser",
             f"--with-build-python={build_python}", "--with-ensurepip=no",
             "--disable-test-modules", "py_cv_module__sqlite3=n/a",
             *(f"py_cv_module_{name}=n/a" for name in LEFT_OUT_MODULES)], env=env)
    ctx.run(["emmake", "make", f"-j{ctx.jobs}", f"lib{ctx.python_dirname}.a", "pybuilddir.txt",
             "Modules/_decimal/libmpdec/libmpdec.a", "Modules/expat/libexpat.a"], env=env)
    make_vars = _make_variables(ctx, LINK_VARIABLES)
    _build_extras(ctx, shlex.split(make_vars["PY_BUILTIN_MODULE_CFLAGS"]))
    _install(ctx, make_vars)


def _build_extras(ctx: BuildContext, module_cflags: list[str]) -> None:
    """EXTRA_MODULES' objects, compiled as builtin modules are, into EXTRAS_ARCHIVE.

    configure leaves both modules out (the sqlite3 one as n/a: its probes of SQLite do not
    link with emscripten 3.1.6, docs/wasm-traps.md), so their flags are given here: SQLite
    3.40 has the serialize API; loadable extensions are compiled out (recipes/sqlite3.py)."""
    flags = [*module_cflags, f"-I{ctx.dep('sqlite3')}/include", f"-I{ctx.dep('xz')}/include",
             "-IModules/_sqlite", "-DPY_SQLITE_HAVE_SERIALIZE=1"]
    objects = ctx.build_dir / "extras"
    objects.mkdir()
    built = []
    for _init, sources in EXTRA_MODULES.values():
        for source in sources:
            built.append(objects / source.replace("/", "_").replace(".c", ".o"))
            ctx.run(["emcc", *flags, "-c", f"Modules/{source}", "-o", built[-1]])
    ctx.run(["emar", "rcs", ctx.build_dir / EXTRAS_ARCHIVE, *built])


def _install(ctx: BuildContext, make_vars: dict[str, str]) -> None:
    lib, include = ctx.prefix / "lib", ctx.prefix / "include" / ctx.python_dirname
    lib.mkdir(parents=True)
    archives = [f"lib{ctx.python_dirname}.a", make_vars["LIBMPDEC_A"], make_vars["LIBEXPAT_A"]]
    for archive in archives:
        shutil.copy2(ctx.src / archive, lib / Path(archive).name)
    shutil.copy2(ctx.build_dir / EXTRAS_ARCHIVE, lib / EXTRAS_ARCHIVE)
    shutil.copytree(ctx.src / "Include", include)
    shutil.copy2(ctx.src / "pyconfig.h", include)
    # The stable ABI's functions and variables: what ctypes.pythonapi finds (recipes/wasm.py).
    shutil.copy2(ctx.src / "Doc" / "data" / "stable_abi.dat", ctx.prefix / "stable_abi.dat")
    _install_stdlib(ctx)
    link = {
        "archives": [Path(a).name for a in archives],
        "flags": " ".join(make_vars[n] for n in ("LIBS", "MODLIBS", "SYSLIBS")),
        # For the numpy variants only: module name -> init function, and their archive.
        "extra_modules": {name: init for name, (init, _) in EXTRA_MODULES.items()},
        "extra_archives": [EXTRAS_ARCHIVE],
    }
    (ctx.prefix / "link.json").write_text(json.dumps(link, indent=2) + "\n")


def _install_stdlib(ctx: BuildContext) -> None:
    """The standard library's sources, the generated sysconfig data (build paths replaced),
    and which modules are builtin or frozen."""
    stdlib = ctx.prefix / "stdlib"
    shutil.copytree(ctx.src / "Lib", stdlib, ignore=shutil.ignore_patterns(*UNSHIPPED_LIB))
    build_dir = ctx.src / (ctx.src / "pybuilddir.txt").read_text().strip()
    # Build folders become fixed names (the same bytes from any cache folder): the sources are
    # where the standard library lives in the browser, the rest as in __FILE__ (ctx.path_map),
    # and the build Python's path its name.
    folders = {**ctx.path_map, str(ctx.src): f"{STDLIB_PREFIX}/{ctx.python_dirname}",
               _build_python(ctx): ctx.python_dirname}
    for generated in build_dir.glob("_sysconfigdata_*.py"):
        (stdlib / generated.name).write_text(replace_paths(generated.read_text(), folders))
    config_c = (ctx.src / "Modules" / "config.c").read_text()
    frozen_c = (ctx.src / "Python" / "frozen.c").read_text()
    frozen = set(re.findall(r'\{"([\w.]+)", NULL, 0, (?:false|true), GET_CODE', frozen_c))
    frozen |= {real for alias, real in re.findall(r'\{"([\w.]+)", "<?([\w.]+)"\}', frozen_c)
               if alias in frozen}
    modules = {
        "builtin": sorted(set(re.findall(r'\{"([\w.]+)", (?:PyInit_\w+|NULL|_Py\w+)\}', config_c))),
        "frozen": sorted(frozen),
    }
    (ctx.prefix / "modules.json").write_text(json.dumps(modules, indent=1) + "\n")
