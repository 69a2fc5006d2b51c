"""The cross-run regex cache must build exactly the patterns ``re`` builds."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PATTERNS = [
    (r"(?P<symbol>A/(?:HRC/)?\d+/L\.\d+)", 0, "see A/HRC/19/L.5 and A/75/L.1"),
    (r"\bresolutions?\s+(\d+/\d+)", 2, "Resolution 60/251 and RESOLUTIONS 65/1"),  # IGNORECASE
    (r"^\s*\((?:[a-z]|[ivx]+)\)\s", 8, "(a) first\n(ii) second\n"),  # MULTILINE
    (r"(?i:of)\s+(\w+)|(?<=\d)th\b", 0, "Of the 15th and of Assembly"),
    (r"\d+(?=\s*(?:January|March))", 0, "15 March 2006, 3 January"),
    (br"[\x00-\x08]+", 0, b"ab\x00\x01c"),
]

SCRIPT = r"""
import json, re, sys
from checker import regex_cache
installed = regex_cache.install()
cases = json.loads(sys.argv[1])
out = []
for pattern, flags, text in cases:
    if pattern.startswith("b:"):
        pattern, text = pattern[2:].encode("latin-1"), text.encode("latin-1")
    compiled = re.compile(pattern, flags)
    out.append([[m.span() for m in compiled.finditer(text)],
                [list(m.groups()) if isinstance(m.group(0), str) else [g.decode("latin-1") if g else g for g in m.groups()]
                 for m in compiled.finditer(text)],
                dict(compiled.groupindex), compiled.flags])
try:
    re.compile("(unclosed")
    out.append("no error")
except re.error as exc:
    out.append(str(exc))
print(json.dumps({"installed": installed, "out": out}))
"""


def _cases() -> str:
    cases = []
    for pattern, flags, text in PATTERNS:
        if isinstance(pattern, bytes):
            cases.append(["b:" + pattern.decode("latin-1"), flags, text.decode("latin-1")])
        else:
            cases.append([pattern, flags, text])
    return json.dumps(cases)


def _run(env: dict) -> dict:
    proc = subprocess.run([sys.executable, "-c", SCRIPT, _cases()], capture_output=True, text=True, env=env,
                          cwd=Path(__file__).resolve().parents[1], timeout=60)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


@pytest.mark.skipif(sys.implementation.name != "cpython" or sys.version_info[:2] not in ((3, 11), (3, 12), (3, 13)),
                    reason="the regex cache is enabled only on the CPython versions it was checked against")
def test_cached_patterns_behave_like_re_and_persist(tmp_path):
    env = dict(os.environ, RESLINT_CACHE_DIR=str(tmp_path))
    env.pop("RESLINT_NO_CACHE", None)
    plain = _run(dict(env, RESLINT_NO_CACHE="1"))
    assert plain["installed"] is False
    first = _run(env)  # compiles and writes the table
    assert first["installed"] is True
    files = list(tmp_path.glob("regex-*.marshal"))
    assert len(files) == 1
    stamp = files[0].stat().st_mtime_ns
    second = _run(env)  # served from the table, nothing new to write
    assert files[0].stat().st_mtime_ns == stamp
    assert first["out"] == plain["out"] == second["out"]
    assert plain["out"][-1] != "no error"  # re's own error still comes through


def test_corrupt_table_is_ignored(tmp_path):
    env = dict(os.environ, RESLINT_CACHE_DIR=str(tmp_path))
    env.pop("RESLINT_NO_CACHE", None)
    plain = _run(dict(env, RESLINT_NO_CACHE="1"))
    first = _run(env)
    for f in tmp_path.glob("regex-*.marshal"):
        f.write_bytes(b"\xe9not marshal data")
    again = _run(env)
    assert again["out"] == plain["out"] == first["out"]


def test_entries_no_run_uses_are_dropped(tmp_path):
    """A pattern built from one document's words fades; the ones every run uses stay."""
    from checker.kept_table import KEEP_SAVES, KeptTable

    path = tmp_path / "table.marshal"
    for run in range(KEEP_SAVES + 1):
        table = KeptTable(path)
        assert table.get("static") == (run > 0 and "e1" or None)
        if run == 0:
            table.put("static", "e1")
            table.put("one-document", "e2")
        table.dirty = True  # each run compiled something new
        table.save()
        entries = KeptTable(path).entries
        assert "static" in entries
        assert ("one-document" in entries) == (run < KEEP_SAVES)


@pytest.mark.skipif(sys.implementation.name != "cpython" or sys.version_info[:2] not in ((3, 11), (3, 12), (3, 13)),
                    reason="the regex cache is enabled only on the CPython versions it was checked against")
def test_patterns_do_not_depend_on_hash_seed(tmp_path):
    """Every pattern reslint builds is the same text from run to run: one built from a
    set in iteration order (which follows the string hash seed) missed the table on
    every run and cost its compile time each start."""
    root = Path(__file__).resolve().parents[1]
    sample = root / "samples" / "clean"
    env = dict(os.environ, RESLINT_CACHE_DIR=str(tmp_path))
    env.pop("RESLINT_NO_CACHE", None)
    stamps = []
    for seed in ("1", "2", "3"):
        proc = subprocess.run([sys.executable, "-m", "checker.cli", "check", "--no-cache", "--jobs", "1", "--exit-zero",
                               str(sample)], capture_output=True, text=True, cwd=root, timeout=120,
                              env=dict(env, PYTHONHASHSEED=seed))
        assert proc.returncode == 0, proc.stderr
        (table,) = tmp_path.glob("regex-*.marshal")
        stamps.append(table.stat().st_mtime_ns)
    assert stamps[0] == stamps[1] == stamps[2], "a later run compiled a pattern the first run had not"
