"""End to end: a game that blocks the page is reported on the page while it blocks it.

The check cannot ask the page anything once its main thread is blocked; it watches the frames
Chromium's compositor draws instead (a CDP screencast), as the player would.
"""

import base64
import io
import time

import pygame
import pytest

from tests.e2e import open_game, pack_source

pytestmark = [pytest.mark.runtime, pytest.mark.browser]

# Frames for 6.5 s (longer than the notice's delay), then a loop that never yields.
FREEZING_GAME = """
import pygame

pygame.init()
screen = pygame.display.set_mode((320, 240))
clock = pygame.time.Clock()
for frame in range(195):
    screen.fill((0, 100 + frame % 100, 0))
    pygame.display.flip()
    clock.tick(30)
print("frozen now", flush=True)
while True:
    pass
"""
FROZEN_AFTER_S = 5.0


def shows_notice(png: bytes, point: tuple[float, float]) -> bool:
    """True when the notice's dark orange box covers `point` (CSS pixels) in the frame."""
    image = pygame.image.load(io.BytesIO(png), "frame.png")
    scale = image.get_width() / 800
    red = image.get_at((int(point[0] * scale), int(point[1] * scale))).r
    return red > 40  # the game's green alone has no red


def test_a_game_that_never_yields_is_reported_while_it_blocks_the_page(runtime, nginx,
                                                                        browser, tmp_path):
    url = nginx.publish(pack_source(tmp_path / "frozen", FREEZING_GAME), "frozen/game")
    session = open_game(browser, url)
    screencast = session.page.context.new_cdp_session(session.page)
    frames: list[tuple[float, bytes]] = []

    def on_frame(params: dict) -> None:
        frames.append((time.monotonic(), base64.b64decode(params["data"])))
        screencast.send("Page.screencastFrameAck", {"sessionId": params["sessionId"]})

    try:
        screencast.on("Page.screencastFrame", on_frame)
        screencast.send("Page.startScreencast", {"format": "png"})
        session.click_start()
        box = session.page.locator("#pl-frozen").bounding_box()
        inside = (box["x"] + 8, box["y"] + 8)
        assert session.wait_for_line("frozen now", timeout=30), session.console[-20:]
        frozen_at = time.monotonic()
        early = [t - frozen_at for t, png in frames if shows_notice(png, inside)]
        assert frames and not early, f"the notice showed while the game drew frames: {early}"
        deadline = frozen_at + FROZEN_AFTER_S + 5
        while time.monotonic() < deadline:
            shown = [t for t, png in frames if t > frozen_at and shows_notice(png, inside)]
            if shown:
                break
            session.page.wait_for_timeout(200)  # waits in Playwright, not in the blocked page
        assert shown, "no frame showed the notice while the page was blocked"
        # The line arrived some time after the freeze began, so allow for that delay.
        assert shown[0] - frozen_at > FROZEN_AFTER_S - 1.5, shown[0] - frozen_at
    finally:
        session.page.close()
