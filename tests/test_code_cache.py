"""Dataclasses built from the kept code must be the classes ``dataclasses`` builds."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

SCRIPT = r"""
import json, sys
from checker import code_cache
installed = code_cache.install()
import dataclasses
from dataclasses import dataclass, field

@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int = 0

@dataclass(order=True)
class Item:
    name: str
    tags: list = field(default_factory=list)

    def __post_init__(self):
        self.name = self.name.strip()

out = {"installed": installed}
a, b = Span(1, 2), Span(1, 2)
out["eq"] = [a == b, a != Span(1, 3), hash(a) == hash(b), repr(a)]
try:
    a.start = 5
    out["frozen"] = "assigned"
except dataclasses.FrozenInstanceError as exc:
    out["frozen"] = type(exc).__name__
i, j = Item(" x "), Item("y", ["t"])
out["item"] = [i.name, i.tags, i < j, repr(j), i.tags is not Item("z").tags]
try:
    Span()
except TypeError as exc:
    out["missing"] = str(exc)
print(json.dumps(out))
"""

ROOT = Path(__file__).resolve().parents[1]


def _run(env: dict) -> dict:
    proc = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, cwd=ROOT, timeout=60)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def _env(tmp_path: Path) -> dict:
    env = dict(os.environ, RESLINT_CACHE_DIR=str(tmp_path))
    env.pop("RESLINT_NO_CACHE", None)
    return env


def test_kept_code_builds_the_same_classes(tmp_path):
    env = _env(tmp_path)
    plain = _run(dict(env, RESLINT_NO_CACHE="1"))
    assert plain.pop("installed") is False
    first = _run(env)  # compiles and writes the table
    assert first.pop("installed") is True
    (table,) = tmp_path.glob("code-*.marshal")
    stamp = table.stat().st_mtime_ns
    second = _run(env)  # every method from the table: nothing new to write
    second.pop("installed")
    assert table.stat().st_mtime_ns == stamp
    assert first == plain == second
    assert plain["eq"][:3] == [True, True, True] and plain["frozen"] == "FrozenInstanceError"
    assert "missing 1 required positional argument" in plain["missing"]


def test_corrupt_code_table_is_ignored(tmp_path):
    env = _env(tmp_path)
    first = _run(env)
    for f in tmp_path.glob("code-*.marshal"):
        f.write_bytes(b"\xe3\x00garbage")
    again = _run(env)
    assert again == first
