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
    files = list(tmp_path.glob("regex-*.pickle"))
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
    for f in tmp_path.glob("regex-*.pickle"):
        f.write_bytes(b"\x80\x05not a pickle")
    again = _run(env)
    assert again["out"] == plain["out"] == first["out"]


def test_entries_no_run_uses_are_dropped(tmp_path, monkeypatch):
    """A pattern built from one document's words fades; the ones every run uses stay."""
    import pickle

    from checker import regex_cache

    path = tmp_path / "table.pickle"
    monkeypatch.setattr(regex_cache, "_path", path)
    monkeypatch.setattr(regex_cache, "_entries", {("str", "static", 0): ("e1", 0), ("str", "one-document", 0): ("e2", 0)})
    monkeypatch.setattr(regex_cache, "_saves", 0)
    for run in range(regex_cache._KEEP_SAVES + 1):
        monkeypatch.setattr(regex_cache, "_used", {("str", "static", 0)} | ({("str", "one-document", 0)} if run == 0 else set()))
        monkeypatch.setattr(regex_cache, "_dirty", True)  # each run compiled something new
        regex_cache.save()
        saves, entries = pickle.loads(path.read_bytes())
        monkeypatch.setattr(regex_cache, "_saves", saves)
        monkeypatch.setattr(regex_cache, "_entries", dict(entries))
        assert ("str", "static", 0) in entries
        assert (("str", "one-document", 0) in entries) == (run < regex_cache._KEEP_SAVES)
