"""Download size and start-up time of real games, as a player gets them. Prints numbers only.

For each game (the asyncio example `async_sprites`, and pygame-ce's own `aliens`, a blocking
loop): the bytes that really crossed the wire from a server that does not compress (stock
nginx; the page decodes the gzip copies itself), and what a compressing host would send for
the same responses (gzip -9, brotli -q11), file by file;
navigation -> first drawn frame (`pl:first-frame`) for a player who clicks as soon as the
page is ready, median of 5, and the same on a second visit (browser cache warm).

    python3 -m bench.startup_bench [--runs N]
"""

import argparse
import gzip
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlparse

import brotli

from bench.common import summary
from pygbag_like.browser import launch_chromium
from tests.e2e import REPO, Nginx


def aliens_game(root: Path) -> Path:
    """pygame-ce's aliens example as a game folder (main.py + its data)."""
    from pygbag_like.runtime import paths

    sdist = next(paths.sources_dir().glob("pygame_ce-*.tar.gz"))
    subprocess.run(["tar", "-xzf", sdist, "-C", root, "--wildcards", "*/examples/*"], check=True)
    examples = next(root.glob("pygame_ce-*/examples"))
    game = root / "aliens"
    game.mkdir()
    shutil.copy(examples / "aliens.py", game / "main.py")
    shutil.copytree(examples / "data", game / "data")
    return game


class WireLog:
    """Every response of a page as Chromium's network stack saw it (DevTools protocol):
    bytes that really crossed the wire (headers + encoded body; for a fetch the page
    cancelled, what arrived before the cancel), and the bytes each finished response
    delivered (the whole file, or the slice a Range request asked for)."""

    def __init__(self, context, page) -> None:
        self.requests: dict[str, dict] = {}
        session = context.new_cdp_session(page)
        session.send("Network.enable")
        session.on("Network.requestWillBeSent", self._sent)
        session.on("Network.dataReceived", self._data)
        session.on("Network.loadingFinished", self._finished)
        session.on("Network.loadingFailed", self._failed)

    def _sent(self, event: dict) -> None:
        headers = {k.lower(): v for k, v in event["request"]["headers"].items()}
        self.requests[event["requestId"]] = {
            "url": event["request"]["url"], "range": headers.get("range"), "wire": 0,
            "state": "pending"}

    def _data(self, event: dict) -> None:
        if event["requestId"] in self.requests:
            self.requests[event["requestId"]]["wire"] += event.get("encodedDataLength", 0)

    def _finished(self, event: dict) -> None:
        if event["requestId"] in self.requests:
            entry = self.requests[event["requestId"]]
            entry["wire"] = max(entry["wire"], event["encodedDataLength"])
            entry["state"] = "finished"

    def _failed(self, event: dict) -> None:
        if event["requestId"] in self.requests:
            self.requests[event["requestId"]]["state"] = "cancelled"

    def wire_bytes(self) -> int:
        return sum(entry["wire"] for entry in self.requests.values())

    def delivered(self, served_root: Path) -> list[tuple[str, bytes]]:
        """(file name, bytes) of each finished response, a `.gz` copy counted as the file it
        stands for (a compressing host sends that file itself)."""
        out = []
        for entry in self.requests.values():
            path = served_root / urlparse(entry["url"]).path.lstrip("/")
            if entry["state"] != "finished" or not path.is_file():
                continue
            if path.suffix == ".gz" and path.with_suffix("").is_file():
                path = path.with_suffix("")
            data = path.read_bytes()
            match = re.match(r"bytes=(\d+)-(\d+)", entry["range"] or "")
            if match:
                data = data[int(match[1]):int(match[2]) + 1]
            out.append((path.name, data))
        return out


def compressed_sizes(delivered: list[tuple[str, bytes]]) -> tuple[int, int]:
    """gzip -9 and brotli -q11 bytes of what a compressing host would send for `delivered`."""
    gz = sum(len(gzip.compress(data, 9)) for _, data in delivered)
    br = sum(len(brotli.compress(data, quality=11)) for _, data in delivered)
    return gz, br


# The page's start-up marks (docs/runtime-contract.md), in the order they happen.
MARKS = ("pl:downloaded", "pl:instantiated", "pl:mounted", "pl:interpreter", "pl:configured",
         "pl:python-ready", "pl:clicked", "pl:first-frame")


def first_frame_seconds(page, url: str, timeline: dict[str, list[float]] | None = None) -> float:
    """Navigation -> the game's first drawn frame, clicking as soon as the page is ready;
    the time of each start-up mark is added to `timeline`."""
    page.goto(url)
    page.wait_for_function("['ready', 'running'].includes(document.body.dataset.state)",
                           timeout=60000)
    if page.evaluate("document.body.dataset.state") == "ready":
        page.evaluate("performance.mark('pl:clicked')")
        page.locator("#pl-start").click()
    page.wait_for_function("performance.getEntriesByName('pl:first-frame').length",
                           timeout=60000)
    marks = page.evaluate("Object.fromEntries(performance.getEntriesByType('mark')"
                          ".map(m => [m.name, m.startTime]))")
    for name in MARKS:
        if timeline is not None and name in marks:
            timeline.setdefault(name, []).append(marks[name] / 1000)
    return marks["pl:first-frame"] / 1000


def bench_game(browser, nginx: Nginx, name: str, game: Path, runs: int) -> None:
    subprocess.run([sys.executable, "-m", "pygbag_like", str(game)], check=True,
                   stdout=subprocess.DEVNULL)
    url = nginx.publish(game / "build" / "web", f"games/{name}")
    context = browser.new_context()
    page = context.new_page()
    wire = WireLog(context, page)
    first = first_frame_seconds(page, url)
    delivered = wire.delivered(nginx.www)
    gz, br = compressed_sizes(delivered)
    print(f"{name}: {len(wire.requests)} requests; from stock nginx (no compression) "
          f"{wire.wire_bytes() / 1e6:.2f} MB on the wire; from a compressing host "
          f"{gz / 1e6:.2f} MB gzip -9, {br / 1e6:.2f} MB brotli -q11")
    for file_name, data in sorted(delivered, key=lambda item: -len(item[1])):
        print(f"    {file_name:<40} {len(data):>11,} bytes delivered")
    cold = [first]
    timeline: dict[str, list[float]] = {}
    for _ in range(runs - 1):
        fresh = browser.new_context()
        cold.append(first_frame_seconds(fresh.new_page(), url, timeline))
        fresh.close()
    print(f"{name}: navigation -> first frame, clicking at once: {summary(cold)}")
    print(f"{name}: start-up timeline (median s after navigation): " + ", ".join(
        f"{mark.removeprefix('pl:')} {statistics.median(times):.3f}"
        for mark, times in timeline.items()))
    warm = [first_frame_seconds(page, url) for _ in range(runs)]
    print(f"{name}: second visit (cache warm) -> first frame: {summary(warm)}")
    context.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="startup-bench-") as tmp:
        root = Path(tmp)
        nginx = Nginx(root / "nginx")
        try:
            sprites = root / "async_sprites"
            shutil.copytree(REPO / "examples" / "async_sprites", sprites)
            games = {"async_sprites": sprites, "aliens": aliens_game(root)}
            with launch_chromium() as browser:
                for name, game in games.items():
                    bench_game(browser, nginx, name, game, args.runs)
        finally:
            nginx.stop()


if __name__ == "__main__":
    main()
