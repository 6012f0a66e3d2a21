"""Shared helpers for the benchmarks: a summary line, a localhost server."""

import statistics
from pathlib import Path

from pygbag_like.httpserver import start_server


def summary(values: list[float], unit: str = "s") -> str:
    """median (min-max) of a list of numbers."""
    return (f"median {statistics.median(values):.3f}{unit} "
            f"(min {min(values):.3f}, max {max(values):.3f}, n={len(values)})")


def serve(folder: Path):
    """A localhost server for `folder`; returns (server, base URL)."""
    server = start_server(folder, "127.0.0.1", 0)
    return server, f"http://127.0.0.1:{server.server_address[1]}/"
