"""Unit tests of the runtime build's pure logic: recipes, keys, order, source hashes."""

import hashlib
import textwrap
from pathlib import Path

import pytest

from pygbag_like.errors import RuntimeBuildError, SourceHashError
from pygbag_like.httpserver import start_server
from pygbag_like.runtime import paths
from pygbag_like.runtime.builder import component_keys, topological_order
from pygbag_like.runtime.recipe import Source, load_recipes
from pygbag_like.runtime.sources import debian_pool_url, ensure_source, verify


def _write_recipe(folder: Path, name: str, depends: tuple[str, ...] = (), body: str = "") -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.py").write_text(textwrap.dedent(f"""
        from pygbag_like.runtime.recipe import Recipe
        RECIPE = Recipe(name={name!r}, version="1.0", depends={depends!r})
        def build(ctx):
            pass  {body}
    """))


def test_shipped_recipes_load_and_pin_every_source():
    recipes = load_recipes()
    expected = {"zlib", "bzip2", "libwebp", "freetype", "sdl2", "sdl2_image", "sdl2_mixer", "wasm",
                "sdl2_ttf", "python", "pygame_ce", "runtime", "libffi"}
    assert expected <= set(recipes)
    for item in recipes.values():
        for source in filter(None, [item.recipe.source]):
            assert len(source.sha256) == 64
            assert source.upstream_url.startswith("https://")
            assert (source.debian_package is None) != (source.pypi_project is None)


def test_order_puts_dependencies_first():
    order = topological_order(load_recipes())
    assert order.index("zlib") < order.index("python") < order.index("pygame_ce")
    assert order.index("sdl2") < order.index("sdl2_image") < order.index("runtime")
    assert order[-1] == "runtime"


def test_changing_one_recipe_changes_its_key_and_its_dependents_only(tmp_path):
    folder = tmp_path / "recipes"
    _write_recipe(folder, "base")
    _write_recipe(folder, "middle", ("base",))
    _write_recipe(folder, "other")
    before = component_keys(load_recipes(folder), "3.1.6")
    assert before == component_keys(load_recipes(folder), "3.1.6")
    _write_recipe(folder, "base", body="# changed")
    after = component_keys(load_recipes(folder), "3.1.6")
    assert after["base"] != before["base"]
    assert after["middle"] != before["middle"]
    assert after["other"] == before["other"]
    assert component_keys(load_recipes(folder), "3.1.7")["other"] != before["other"]


def test_declared_inputs_are_part_of_the_key(tmp_path):
    folder = tmp_path / "recipes"
    folder.mkdir()
    (tmp_path / "launcher").mkdir()
    (tmp_path / "launcher" / "main.c").write_text("int x;")
    (folder / "link.py").write_text(textwrap.dedent("""
        from pygbag_like.runtime.recipe import Recipe
        RECIPE = Recipe(name="link", version="1", inputs=("launcher",))
        def build(ctx):
            pass
    """))
    before = component_keys(load_recipes(folder), "v")["link"]
    (tmp_path / "launcher" / "main.c").write_text("int y;")
    assert component_keys(load_recipes(folder), "v")["link"] != before


def test_unknown_dependency_is_refused(tmp_path):
    _write_recipe(tmp_path / "recipes", "lonely", ("missing",))
    with pytest.raises(RuntimeBuildError, match="unknown 'missing'"):
        load_recipes(tmp_path / "recipes")


def test_tampered_source_is_refused_with_both_hashes(tmp_path):
    archive = tmp_path / "thing-1.0.tar.gz"
    archive.write_bytes(b"original")
    good = hashlib.sha256(b"original").hexdigest()
    verify(archive, good)
    archive.write_bytes(b"tampered")
    bad = hashlib.sha256(b"tampered").hexdigest()
    source = Source(filename=archive.name, sha256=good, upstream_url="https://example.invalid/x",
                    debian_package="thing")
    with pytest.raises(SourceHashError) as caught:
        ensure_source(source, tmp_path, tmp_path / "sources.log")
    message = str(caught.value)
    assert str(archive) in message and good in message and bad in message


def test_source_of_another_debian_release_comes_from_the_archive_pool(monkeypatch, tmp_path):
    # A local mirror stands in for deb.debian.org: the same path layout, the real download.
    mirror = tmp_path / "mirror"
    pool = mirror / "pool" / "main" / "libt" / "libthing"
    pool.mkdir(parents=True)
    (pool / "libthing_2.0.orig.tar.gz").write_bytes(b"pinned bytes")
    server = start_server(mirror, "127.0.0.1", 0)  # the dev server: a static file host
    try:
        monkeypatch.setenv("PYGBAG_LIKE_DEBIAN_MIRROR", f"http://127.0.0.1:{server.server_address[1]}")
        source = Source(filename="libthing_2.0.orig.tar.gz",
                        sha256=hashlib.sha256(b"pinned bytes").hexdigest(),
                        upstream_url="https://example.invalid/x", debian_package="libthing",
                        debian_release="trixie")
        fetched = ensure_source(source, tmp_path / "sources", tmp_path / "sources.log")
        assert fetched.read_bytes() == b"pinned bytes"
        missing = Source(filename="libthing_3.0.orig.tar.gz", sha256="0" * 64,
                         upstream_url="https://example.invalid/x", debian_package="libthing",
                         debian_release="trixie")
        with pytest.raises(RuntimeBuildError, match="from Debian trixie's archive"):
            ensure_source(missing, tmp_path / "sources", tmp_path / "sources.log")
    finally:
        server.shutdown()
    assert not (tmp_path / "sources" / "libthing_3.0.orig.tar.gz").exists()
    assert debian_pool_url(source).endswith("/pool/main/libt/libthing/libthing_2.0.orig.tar.gz")
    zlib = load_recipes()["zlib"].recipe.source
    assert debian_pool_url(zlib) == ("http://deb.debian.org/debian/pool/main/z/zlib/"
                                     "zlib_1.2.13.dfsg.orig.tar.bz2")


def test_cache_location_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv(paths.CACHE_ENV, str(tmp_path / "cache"))
    monkeypatch.delenv(paths.SOURCES_ENV, raising=False)
    assert paths.cache_root() == tmp_path / "cache"
    assert paths.sources_dir() == tmp_path / "cache" / "sources"
    monkeypatch.setenv(paths.SOURCES_ENV, str(tmp_path / "offline"))
    assert paths.sources_dir() == tmp_path / "offline"


def test_missing_tool_names_what_to_install(monkeypatch, tmp_path):
    from pygbag_like.errors import ToolMissingError
    from pygbag_like.runtime.toolchain import find_toolchain

    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("EMSDK", raising=False)
    with pytest.raises(ToolMissingError, match=r"apt-get install"):
        find_toolchain()


def test_missing_emcc_suggests_emscripten_or_emsdk(monkeypatch, tmp_path):
    from pygbag_like.errors import ToolMissingError
    from pygbag_like.runtime import toolchain

    which = toolchain.shutil.which
    monkeypatch.delenv("EMSDK", raising=False)
    monkeypatch.setattr(toolchain.shutil, "which",
                        lambda name, *a, **k: None if name == "emcc" else which(name))
    with pytest.raises(ToolMissingError, match=r"emcc was not found.*EMSDK"):
        toolchain.find_toolchain()


def test_a_runtime_from_another_launcher_is_refused(monkeypatch, tmp_path):
    import json

    from pygbag_like.errors import RuntimeMissingError
    from pygbag_like.runtime import layout

    monkeypatch.setenv(paths.CACHE_ENV, str(tmp_path))
    folder = tmp_path / "runtime"
    folder.mkdir()
    for name in layout.RUNTIME_FILES:
        (folder / name).write_text("x")
    (folder / layout.MANIFEST).write_text(json.dumps({"launcher": "an-older-one"}))
    layout.record_current(folder)
    with pytest.raises(RuntimeMissingError, match="another version of pygbag_like"):
        layout.find_runtime()
    (folder / layout.MANIFEST).write_text(json.dumps({"launcher": layout.launcher_hash()}))
    assert layout.find_runtime().root == folder
