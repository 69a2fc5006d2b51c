"""The one error type for invalid rule and configuration files."""

from __future__ import annotations

from checker.errors import ReslintError


class RuleFileError(ReslintError):
    """A rule or configuration file is invalid.

    ``str()`` is the single line the CLI prints before exiting with code 2:
    ``path:line:col: error: message`` (line and column 1-based).
    """

    def __init__(self, path: str, line: int, column: int, message: str):
        self.path = str(path)
        self.line = line
        self.column = column
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: error: {self.message}"

    def __reduce__(self):
        return (RuleFileError, (self.path, self.line, self.column, self.message))
