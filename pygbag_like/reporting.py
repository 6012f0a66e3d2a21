"""What `pack` prints: results on stdout, warnings and errors on stderr, one line each."""

import sys

from pygbag_like.archive import ArchiveReport
from pygbag_like.pack import PackResult


def warning(message: str) -> None:
    print(f"warning: {message}", file=sys.stderr, flush=True)


def error(message: str) -> None:
    print(f"pack: error: {message}", file=sys.stderr, flush=True)


def pack_result(result: PackResult) -> None:
    """A pack's warnings, then its summary."""
    for message in result.warnings:
        warning(message)
    if result.bundled:
        print(f"bundled: {', '.join(result.bundled)}", flush=True)
    for note in result.phones:
        print(f"phones: {note}", flush=True)
    # game_bytes is the game's data file: its files and the modules they import.
    print(f"packed {result.file_count} files of the game ({result.game_bytes / 1e6:.2f} MB of "
          f"game data with the modules it imports) into {result.out_dir} in "
          f"{result.seconds:.2f}s, runtime: {result.variant.name}", flush=True)


def archive_result(report: ArchiveReport) -> None:
    print(f"archive: {report.path} ({report.file_count} files, "
          f"{report.zip_size / 1e6:.2f} MB, {report.uncompressed_size / 1e6:.2f} MB unpacked)",
          flush=True)


def game_output(stream: str, line: str) -> None:
    """A line the game printed in the page: its stdout on ours, its stderr on ours."""
    print(line, file=sys.stderr if stream == "err" else sys.stdout, flush=True)
