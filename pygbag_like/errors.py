"""One error hierarchy for the whole tool.

Library code raises these; only `cli.main` turns them into a one-line message and an exit code.
Messages are single lines that say what is wrong and, where possible, how to fix it.
"""

from pathlib import Path


class PackError(Exception):
    """Base class of every error the user should see as a one-line message."""

    exit_code = 1


class UsageError(PackError):
    """Bad command-line arguments or a bad game folder path."""

    exit_code = 2


class ConfigError(PackError):
    """Invalid [tool.pack] / pack.toml configuration."""

    exit_code = 2


class ScanError(PackError):
    """The game folder cannot be packed as it is (no main.py, syntax error, symlink out...)."""

    exit_code = 3


class ToolMissingError(PackError):
    """A required external tool (emcc, chromium, nginx...) is not installed."""

    exit_code = 4


class RuntimeBuildError(PackError):
    """A step of the WebAssembly runtime build failed; `log_path` is its log, if it has one."""

    exit_code = 5

    def __init__(self, message: str, log_path: Path | None = None) -> None:
        super().__init__(message if log_path is None else f"{message} (log: {log_path})")
        self.log_path = log_path


class SourceHashError(RuntimeBuildError):
    """A downloaded source archive does not match its pinned sha256."""


class RuntimeMissingError(PackError):
    """The runtime has not been built yet."""

    exit_code = 6


class RuntimeMismatchError(PackError):
    """A runtime folder's files are not the ones the repository records for its key."""

    exit_code = 9


class ServeError(PackError):
    """The dev server cannot start (port in use...)."""

    exit_code = 7


class OutputError(PackError):
    """The output folder cannot or must not be written (not ours, read-only, disk full)."""

    exit_code = 8
