"""End to end: files a game writes survive reloads (templates/saves.js), served by nginx."""

import pytest

from tests.e2e import open_game, pack_source

pytestmark = [pytest.mark.runtime, pytest.mark.browser]

# Reads a counter (missing: 0), prints it, stores counter + 1, then keeps running.
COUNTER_BLOCKING = """
import json
import pygame

pygame.init()
screen = pygame.display.set_mode((160, 120))
try:
    with open("save.json") as file:
        count = json.load(file)["count"]
except FileNotFoundError:
    count = 0
print(f"count {count}", flush=True)
with open("save.json", "w") as file:
    json.dump({"count": count + 1}, file)
print("saved", flush=True)
clock = pygame.time.Clock()
while True:
    pygame.event.get()
    screen.fill((0, 0, 80))
    pygame.display.flip()
    clock.tick(30)
"""

COUNTER_ASYNCIO = """
import asyncio
import json
import pygame

async def main():
    pygame.init()
    screen = pygame.display.set_mode((160, 120))
    try:
        with open("save.json") as file:
            count = json.load(file)["count"]
    except FileNotFoundError:
        count = 0
    print(f"count {count}", flush=True)
    with open("save.json", "w") as file:
        json.dump({"count": count + 1}, file)
    print("saved", flush=True)
    while True:
        pygame.event.get()
        screen.fill((0, 0, 80))
        pygame.display.flip()
        await asyncio.sleep(0)

asyncio.run(main())
"""

# The first visit writes a file over the page's budget, then a small one; later visits
# only read.
OVERSIZE = """
import os
import pygame

if os.path.exists("small.txt"):
    with open("small.txt") as file:
        print("small " + file.read(), flush=True)
    print(f"big {os.path.exists('big.bin')}", flush=True)
else:
    with open("big.bin", "wb") as file:
        file.write(bytes(17 * 1024 * 1024))
    with open("small.txt", "w") as file:
        file.write("kept")
    print("saved", flush=True)
pygame.init()
screen = pygame.display.set_mode((160, 120))
clock = pygame.time.Clock()
while True:
    pygame.event.get()
    pygame.display.flip()
    clock.tick(30)
"""

# Visit 0 writes gone.txt and save.txt (through a rename), visit 1 deletes gone.txt; each
# visit lists what it found.
RENAME_AND_DELETE = """
import os
import pygame

os.makedirs("visits", exist_ok=True)
visit = len(os.listdir("visits"))
open(f"visits/{visit}", "w").close()
found = sorted(set(os.listdir()) - {"main.py", "visits"})
print(f"visit {visit}: {' '.join(found)}", flush=True)
if visit == 0:
    with open("gone.txt", "w") as file:
        file.write("x")
    with open("save.tmp", "w") as file:
        file.write("1")
    os.replace("save.tmp", "save.txt")
elif visit == 1:
    os.remove("gone.txt")
print("done", flush=True)
pygame.init()
screen = pygame.display.set_mode((160, 120))
clock = pygame.time.Clock()
while True:
    pygame.event.get()
    pygame.display.flip()
    clock.tick(30)
"""

GAMES = {"blocking": COUNTER_BLOCKING, "asyncio": COUNTER_ASYNCIO, "oversize": OVERSIZE,
         "rename": RENAME_AND_DELETE}

# What pages before per-file records left: database version 1, one record per page folder.
WRITE_VERSION_1_SAVE = """([folder, text]) => new Promise((resolve, reject) => {
  const request = indexedDB.open("pygbag_like", 1);
  request.onupgradeneeded = () => request.result.createObjectStore("saved-files");
  request.onerror = () => reject(request.error);
  request.onsuccess = () => {
    const db = request.result;
    const tx = db.transaction("saved-files", "readwrite");
    tx.objectStore("saved-files").put({"save.json": new TextEncoder().encode(text)}, folder);
    tx.oncomplete = () => { db.close(); resolve(); };
    tx.onerror = () => reject(tx.error);
  };
})"""


@pytest.fixture(scope="module")
def published(runtime, nginx, tmp_path_factory):
    """Each game packed by the real CLI and published below /saves/<name>/ on nginx."""
    folder = tmp_path_factory.mktemp("saves")
    return {name: nginx.publish(pack_source(folder / name, source), f"saves/{name}")
            for name, source in GAMES.items()}


def notices(session) -> str:
    return session.page.locator("#pl-notice").inner_text()


@pytest.mark.parametrize("game", ["blocking", "asyncio"])
def test_a_save_survives_a_reload_one_second_later(published, browser, game):
    session = open_game(browser, published[game])  # a new browser context: no saves yet
    try:
        for expected in range(4):
            session.click_start()
            assert session.wait_for_line("saved"), session.console[-20:] + session.errors
            assert session.lines("count ") == [f"count {expected}"], session.console[-20:]
            session.page.wait_for_timeout(1000)
            session.console.clear()
            session.page.reload()
        assert not session.errors and not session.console_errors, session.console_errors
    finally:
        session.page.close()


def test_a_file_over_the_budget_does_not_take_the_others_with_it(published, browser):
    session = open_game(browser, published["oversize"])
    try:
        session.click_start()
        assert session.wait_for_line("saved"), session.console[-20:] + session.errors
        session.page.locator("#pl-notice").get_by_text("big.bin").wait_for()
        assert "was not saved" in notices(session)
        session.page.wait_for_timeout(1000)
        for _ in range(2):  # the second visit writes nothing: the save must stay
            session.console.clear()
            session.page.reload()
            session.click_start()
            assert session.wait_for_line("small kept"), session.console[-20:] + session.errors
            assert session.wait_for_line("big False"), session.console[-20:]
            session.page.wait_for_timeout(2500)  # a periodic scan runs meanwhile
    finally:
        session.page.close()


def test_renamed_files_are_kept_and_deleted_files_forgotten(published, browser):
    session = open_game(browser, published["rename"])
    try:
        seen = []
        for _ in range(3):
            session.click_start()
            assert session.wait_for_line("done"), session.console[-20:] + session.errors
            seen += session.lines("visit ")
            session.page.wait_for_timeout(1000)
            session.console.clear()
            session.page.reload()
        assert seen == ["visit 0: ", "visit 1: gone.txt save.txt", "visit 2: save.txt"]
    finally:
        session.page.close()


def test_saves_of_the_one_record_per_page_database_are_kept(published, browser, nginx):
    url = published["blocking"]
    folder = url.removeprefix(f"http://127.0.0.1:{nginx.port}").removesuffix("index.html")
    session = open_game(browser, url.removesuffix("index.html") + "favicon.png")
    try:
        session.page.evaluate(WRITE_VERSION_1_SAVE, [folder, '{"count": 41}'])
        session.page.goto(url)
        session.click_start()
        assert session.wait_for_line("saved"), session.console[-20:] + session.errors
        assert session.lines("count ") == ["count 41"]
        session.console.clear()
        session.page.reload()
        session.click_start()
        assert session.wait_for_line("count 42"), session.console[-20:]
    finally:
        session.page.close()


def test_the_player_is_told_when_the_browser_refuses_storage(published, browser):
    session = open_game(browser, "about:blank")
    try:
        session.page.add_init_script("""Object.defineProperty(window, "indexedDB", {
            get() { throw new DOMException("refused by the test", "SecurityError"); } });""")
        session.page.goto(published["blocking"])
        session.click_start()
        assert session.wait_for_line("saved"), session.console[-20:] + session.errors
        assert "will not be kept" in notices(session)
        assert session.page.locator("#pl-notice").is_visible()
    finally:
        session.page.close()
