"""pygame.scrap in a page served by nginx: what the game copies reaches the system clipboard,
and what the player pastes (Ctrl+V) reaches the game."""

import pytest

from tests.e2e import open_game, pack_source

pytestmark = [pytest.mark.runtime, pytest.mark.browser]

# Copies a line when it starts, then prints the clipboard's text whenever it changes.
CLIPBOARD_GAME = """
import asyncio
import warnings
import pygame
import pygame.scrap

pygame.init()
screen = pygame.display.set_mode((200, 100))
with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    pygame.scrap.init()
pygame.scrap.put_text("copied by the game")
print("copied", flush=True)


async def main():
    last = None
    while True:
        pygame.event.get()
        text = pygame.scrap.get_text()
        if text != last:
            print(f"clipboard: {text}", flush=True)
            last = text
        screen.fill((20, 40, 60))
        pygame.display.flip()
        await asyncio.sleep(0)

asyncio.run(main())
"""


def test_scrap_writes_the_system_clipboard_and_reads_a_paste(runtime, nginx, browser,
                                                              tmp_path):
    url = nginx.publish(pack_source(tmp_path / "clip", CLIPBOARD_GAME), "clip")
    session = open_game(browser, url, permissions=["clipboard-read", "clipboard-write"])
    try:
        session.click_start()
        assert session.wait_for_line("clipboard: copied by the game"), session.console[-20:]
        session.page.wait_for_function(
            "async () => (await navigator.clipboard.readText()) === 'copied by the game'",
            timeout=10_000)
        session.page.evaluate("navigator.clipboard.writeText('from another program')")
        session.page.locator("#canvas").click()
        session.page.keyboard.press("Control+V")
        assert session.wait_for_line("clipboard: from another program"), session.console[-20:]
        assert not session.errors, session.errors
    finally:
        session.page.close()
