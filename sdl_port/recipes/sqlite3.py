"""SQLite: CPython's sqlite3 module (games keep high scores and saves in a database file).

Debian's source is SQLite's full tree: the amalgamation (one sqlite3.c) is generated with the
host's compiler and tclsh, then compiled with emcc. No threads, no loadable extensions (the
runtime has neither); the database files live in the game's folder like any other save.
"""

import shutil

from pygbag_like.runtime.recipe import BuildContext, Recipe, Source

RECIPE = Recipe(
    name="sqlite3",
    version="3.40.1",
    source=Source(
        filename="sqlite3_3.40.1.orig.tar.xz",
        sha256="aaa776260ab4dc976db34aa7891819484c8676b5b2783123ebc6301e2ca5d655",
        debian_package="sqlite3",
        upstream_url="https://www.sqlite.org/2022/sqlite-src-3400100.zip",
    ),
)

# CPython's configure looks for sqlite3_trace and sqlite3_enable_shared_cache: no
# SQLITE_OMIT_DEPRECATED.
CFLAGS = ["-O2", "-DSQLITE_THREADSAFE=0", "-DSQLITE_OMIT_LOAD_EXTENSION",
          "-DSQLITE_DEFAULT_MEMSTATUS=0"]


def build(ctx: BuildContext) -> None:
    # Configured for the host: only the generator tools (lemon, mkkeywordhash) run here.
    ctx.run(["./configure", "--disable-tcl", "--disable-readline", "--disable-threadsafe"],
            env={"CC": "gcc", "CFLAGS": "-O1"})
    ctx.run(["make", "sqlite3.c"])
    ctx.run(["emcc", *CFLAGS, "-c", "sqlite3.c", "-o", ctx.build_dir / "sqlite3.o"])
    (ctx.prefix / "lib").mkdir(parents=True)
    (ctx.prefix / "include").mkdir(parents=True)
    ctx.run(["emar", "rcs", ctx.prefix / "lib" / "libsqlite3.a", ctx.build_dir / "sqlite3.o"])
    for header in ("sqlite3.h", "sqlite3ext.h"):
        shutil.copy2(ctx.src / header, ctx.prefix / "include")
