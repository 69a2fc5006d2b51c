"""Validated rule data: ``RuleSpec`` (one rule) and ``RuleSource`` (where it came from).

A ``RuleSpec`` is plain data and pickles cheaply, which is what the cross-run
cache stores; compiling its patterns happens in the kind modules.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

from checker.rules.errors import RuleFileError
from checker.rules.yamlfile import Positions

# Keys every rule may carry, whatever its kind; everything else is a kind parameter.
COMMON_KEYS = (
    "code", "name", "severity", "message", "scope", "kind", "summary", "rationale",
    "fix", "link", "examples", "options", "filter", "enabled",
)


@dataclass(slots=True)
class RuleSource:
    """The file a rule came from and the position of every key in it.

    The cross-run cache keeps no positions (``without_positions``): they are a third of
    the cached rule set, and needed only to report an error, when they are read again
    from the file (whose contents the cache key vouches for)."""

    path: str
    positions: Optional[Positions]
    base: tuple = ()  # path of the rule inside the file, e.g. ("rules", 3)

    def position(self, keys: tuple = (), *, key: bool = False) -> tuple[int, int]:
        """1-based (line, column) of ``keys`` (relative to ``base``), or of the
        nearest enclosing item that has a position."""
        positions = self.positions if self.positions is not None else _positions_of(self.path)
        where = self.base + tuple(keys)
        while where not in positions and where:
            where, key = where[:-1], False
        kl, kc, vl, vc = positions.get(where, (1, 1, 1, 1))
        return (kl, kc) if key else (vl, vc)

    def without_positions(self) -> "RuleSource":
        return RuleSource(self.path, None, self.base)

    def error(self, keys: tuple, message: str, *, key: bool = False) -> RuleFileError:
        line, col = self.position(keys, key=key)
        return RuleFileError(self.path, line, col, message)


@dataclass(slots=True)
class RuleSpec:
    """One rule as its file states it, validated: code, kind, scope, message, docs, params."""
    code: str
    name: str
    severity: str
    message: str
    kind: str
    summary: str
    source: RuleSource
    scope: str = "document"
    rationale: str = ""
    fix: str = ""
    link: str = ""
    examples: dict[str, Any] = field(default_factory=dict)
    options: dict[str, Any] = field(default_factory=dict)
    filter: dict[str, Any] = field(default_factory=dict)
    enabled: bool = True
    params: dict[str, Any] = field(default_factory=dict)  # the kind's own keys

    @classmethod
    def from_data(cls, data: dict[str, Any], source: RuleSource) -> "RuleSpec":
        common = {k.replace("-", "_"): v for k, v in data.items() if k in COMMON_KEYS}
        params = {k: v for k, v in data.items() if k not in COMMON_KEYS}
        return cls(source=source, params=params, **common)

    def error(self, keys: tuple | str, message: str, *, key: bool = False) -> RuleFileError:
        if isinstance(keys, str):
            keys = (keys,)
        return self.source.error(keys, f"{self.code}: {message}", key=key)


def _positions_of(path: str) -> Positions:
    """The key positions of a rule file, read again (see ``RuleSource``); none if it cannot be."""
    from checker.rules.yamlfile import load_yaml

    try:
        with open(path, encoding="utf-8") as fh:
            return load_yaml(path, fh.read())[1]
    except (OSError, UnicodeDecodeError, RuleFileError):
        return {}
