"""Errors that end a run with a clear one-line message and exit code 2."""

from __future__ import annotations


class ReslintError(Exception):
    """A problem the user must fix (bad input, bad rules); never a traceback."""

    exit_code = 2


class SourceError(ReslintError):
    """A file that cannot be read as a resolution text."""

    def __init__(self, path: str, message: str):
        super().__init__(f"{path}: error: {message}")
        self.path = path
        self.reason = message
