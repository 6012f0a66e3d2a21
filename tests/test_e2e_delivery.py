"""How the page reaches the player: compressed copies for hosts that do not compress, one
self-contained file that plays from the disk, and a clear hint for a folder opened from it."""

import re

import pytest

from tests.e2e import Nginx, open_game, pack, pack_source

pytestmark = [pytest.mark.runtime, pytest.mark.browser]

GAME = """
import asyncio
import importlib
import json
import pygame

async def main():
    screen = pygame.display.set_mode((320, 200))
    print("started", json.dumps({"ok": True}), flush=True)
    for frame in range(30):
        screen.fill((frame * 8, 0, 80))
        pygame.display.flip()
        await asyncio.sleep(0)
    colorsys = importlib.import_module("color" + "sys")  # unseen: fetched from the store
    print("fetched", colorsys.rgb_to_hsv(1, 0, 0)[0], flush=True)

asyncio.run(main())
"""


def fetched_names(session) -> list[str]:
    """The files the page fetched, with their content hashes taken out (python.wasm.gz)."""
    return [re.sub(r"\.[0-9a-f]{12}\.", ".", entry.split("/")[-1]) for entry in
            session.page.evaluate("performance.getEntriesByType('resource').map(e => e.name)")]


@pytest.fixture(scope="module")
def packed(runtime, tmp_path_factory):
    return pack_source(tmp_path_factory.mktemp("delivery") / "game", GAME)


@pytest.mark.parametrize("compress", [False, True], ids=["stock-nginx", "compressing-host"])
def test_the_cheapest_encoding_is_fetched(packed, browser, tmp_path, compress):
    nginx = Nginx(tmp_path / "nginx", compress=compress)
    session = open_game(browser, nginx.publish(packed, "game"))
    try:
        session.click_start()
        assert session.wait_for_line("fetched 0.0", timeout=30), session.console[-20:]
        names = fetched_names(session)
        # Nothing but colorsys was fetched from the module store: the rest was shipped.
        assert names.count("modules.data") == 1, names
        if compress:  # the host compresses: the files themselves, never the copies
            assert "python.wasm" in names and not any(n.endswith(".gz") for n in names)
        else:
            assert "python.wasm.gz" in names and "python.js.gz" in names, names
        assert not session.errors, session.errors
    finally:
        session.page.close()
        nginx.stop()


def test_single_file_plays_from_the_disk(runtime, browser, tmp_path):
    game = tmp_path / "game"
    game.mkdir()
    (game / "main.py").write_text(GAME)
    result = pack(game, "--single-file")
    assert result.returncode == 0, result.stderr
    out = game / "build" / "web"
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == ["index.html"]
    session = open_game(browser, (out / "index.html").as_uri())
    try:
        session.click_start()
        assert session.wait_for_line("started", timeout=60), session.console[-20:]
        assert session.wait_for_line("fetched 0.0", timeout=30), session.console[-20:]
        assert not session.errors, session.errors
    finally:
        session.page.close()


def test_a_folder_opened_from_the_disk_says_how_to_serve_it(packed, browser):
    session = open_game(browser, (packed / "index.html").as_uri())
    try:
        assert session.wait_for_state("failed", timeout=30) == "failed"
        text = session.page.locator("#pl-error-text").inner_text()
        assert "opened straight from the disk" in text and "--serve" in text
    finally:
        session.page.close()


OFFLINE_GAME = """
import asyncio
import pygame

async def main():
    screen = pygame.display.set_mode((320, 200))
    print("started", flush=True)
    while True:
        screen.fill((0, 0, 80))
        pygame.display.flip()
        await asyncio.sleep(0)

asyncio.run(main())
"""
KEPT_WASM = """async () => {
  for (const name of await caches.keys()) {
    const urls = (await (await caches.open(name)).keys()).map(r => r.url);
    if (urls.some(u => /\\.wasm(\\.gz)?$/.test(u)) && urls.some(u => /game\\.\\w+\\.data/.test(u)))
      return true;
  }
  return false;
}"""


def test_plays_offline_after_one_visit(runtime, browser, tmp_path):
    out = pack_source(tmp_path / "game", OFFLINE_GAME)
    assert (out / "sw.js").is_file() and (out / "manifest.webmanifest").is_file()
    nginx = Nginx(tmp_path / "nginx")
    session = open_game(browser, nginx.publish(out, "sub/path/game"))
    try:
        session.click_start()
        assert session.wait_for_line("started", timeout=30), session.console[-20:]
        session.page.wait_for_function(KEPT_WASM, timeout=30000)
        session.page.context.set_offline(True)
        session.console.clear()
        session.page.reload()
        session.click_start()
        assert session.wait_for_line("started", timeout=30), session.console[-20:]
        assert session.state() == "running"
    finally:
        session.page.close()
        nginx.stop()
