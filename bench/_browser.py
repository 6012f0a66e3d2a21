"""Shared helpers for the benchmarks: serve a folder, time a page until a console line."""

import statistics
import time
from pathlib import Path

from pygbag_like.httpserver import start_server


def time_to_line(browser, url: str, line: str, runs: int = 5, timeout: float = 30.0,
                 after=None) -> list[float]:
    """Seconds from navigation until `line` is printed, for each run; `after(page)` may
    evaluate something on the page once the line is there."""
    times = []
    for _ in range(runs):
        page = browser.new_page()
        seen: list[float] = []

        def on_console(message, seen=seen) -> None:
            if message.text == line:
                seen.append(time.perf_counter())

        page.on("console", on_console)
        start = time.perf_counter()
        page.goto(url)
        deadline = start + timeout
        while not seen and time.perf_counter() < deadline:
            page.wait_for_timeout(5)
        if not seen:
            raise RuntimeError(f"{url} never printed {line!r}")
        times.append(seen[0] - start)
        if after is not None:
            after(page)
        page.close()
    return times


def summary(values: list[float], unit: str = "s") -> str:
    """median (min-max) of a list of numbers."""
    return (f"median {statistics.median(values):.3f}{unit} "
            f"(min {min(values):.3f}, max {max(values):.3f}, n={len(values)})")


def serve(folder: Path):
    """A localhost server for `folder`; returns (server, base URL)."""
    server = start_server(folder, "127.0.0.1", 0)
    return server, f"http://127.0.0.1:{server.server_address[1]}/"
