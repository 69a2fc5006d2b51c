"""Compiled regular expressions kept across runs.

``re`` parses a pattern and generates its matching code in pure Python. The
grammar, the vocabulary and the rule pack hold some 360 patterns, and compiling
them was about 45 ms of every cold start (a quarter of ``reslint check`` on one
file). The generated code is plain data (a list of integers and the group
tables), so it is kept in the cache folder and handed straight to
``_sre.compile``, the step ``re`` itself ends with.

Only the ``reslint`` command installs this (``install()``, from ``cli.run``);
the library and the tests compile as usual. It wraps ``re._compiler.compile``,
so it is tied to CPython's internals: it is enabled only on the versions whose
``re`` it was checked against, checks itself on install, is keyed by the
interpreter version and ``_sre.MAGIC``, and falls back to the plain compiler on
anything unexpected. ``RESLINT_NO_CACHE=1`` turns it off like every other cache.

Some patterns are built from a document's own words (a short form it
defines). So that they do not pile up, each entry remembers the last save that
used it; one unused for ``_KEEP_SAVES`` saves is dropped, while the grammar's
and the rule pack's patterns, used by every run, stay.
"""

from __future__ import annotations

import array
import atexit
import os
import pickle
import sys
from typing import Any

_SUPPORTED = ((3, 11), (3, 12), (3, 13))
_KEEP_SAVES = 20
_MEMORY_CAP = 4000  # entries held in memory by one process (a long language-server session)

_entries: dict[tuple, tuple] = {}  # key -> (entry, number of the last save that used it)
_used: set[tuple] = set()
_saves = 0
_dirty = False
_installed = False
_path = None


def _file_name(sre_magic: int) -> str:
    impl = sys.implementation
    return f"regex-{impl.name}-{sys.version_info[0]}.{sys.version_info[1]}.{sys.version_info[2]}-{sre_magic}.pickle"


def install() -> bool:
    """Route ``re``'s compiler through the cache; False when not possible here."""
    global _installed, _path
    if _installed:
        return True
    if sys.implementation.name != "cpython" or sys.version_info[:2] not in _SUPPORTED:
        return False
    from checker.rules import cache

    if not cache.enabled():
        return False
    try:
        import _sre
        from re import _compiler, _parser
    except ImportError:
        return False
    original = _compiler.compile

    def entry_for(pattern: Any, flags: int) -> tuple:
        parsed = _parser.parse(pattern, flags)
        # Stored as packed bytes: a tenth of the load time of a pickled list of ints.
        code = array.array("I", _compiler._code(parsed, flags)).tobytes()
        groupindex = dict(parsed.state.groupdict)
        indexgroup = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        return (flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup))

    def build(p: Any, entry: tuple):
        final_flags, code, groups, groupindex, indexgroup = entry
        return _sre.compile(p, final_flags, array.array("I", code).tolist(), groups, groupindex, indexgroup)

    def cached_compile(p: Any, flags: int = 0):
        global _dirty
        if not isinstance(p, (str, bytes)) or flags & _compiler.SRE_FLAG_DEBUG:
            return original(p, flags)
        key = (type(p).__name__, p, flags)
        held = _entries.get(key)
        if held is None:
            try:
                entry = entry_for(p, flags)
            except Exception:
                return original(p, flags)  # the error message is re's own
            if len(_entries) < _MEMORY_CAP:
                _entries[key] = (entry, _saves)
                _dirty = True
        else:
            entry = held[0]
        _used.add(key)
        return build(p, entry)

    # Self-check: the cached path must build the very pattern re builds.
    probe = r"(?P<word>[A-Z]\w+)\s+(?i:of)\b|\d+/\d+"
    try:
        built = build(probe, entry_for(probe, 0))
        reference = original(probe, 0)
        text = "Recalling of 60/251 Assembly OF"
        if (built.groupindex != reference.groupindex or built.flags != reference.flags
                or [m.span() for m in built.finditer(text)] != [m.span() for m in reference.finditer(text)]):
            return False
    except Exception:
        return False

    _path = cache.cache_dir() / _file_name(getattr(_sre, "MAGIC", 0))
    _load(_path)
    _compiler.compile = cached_compile
    _installed = True
    atexit.register(save)
    return True


def _load(path) -> None:
    global _saves
    try:
        with open(path, "rb") as fh:
            saves, entries = pickle.load(fh)
        if isinstance(saves, int) and isinstance(entries, dict):
            _saves = saves
            _entries.update(entries)
    except Exception:  # missing, truncated, an older layout, written by something else
        pass


def save() -> None:
    """Write the table if this run compiled anything new (atomically), dropping the
    entries no save has used for ``_KEEP_SAVES`` saves."""
    global _dirty
    if not _dirty or _path is None:
        return
    import tempfile

    _dirty = False
    number = _saves + 1
    kept = {}
    for key, (entry, last) in _entries.items():
        if key in _used:
            last = number
        if number - last < _KEEP_SAVES:
            kept[key] = (entry, last)
    try:
        _path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=_path.parent, prefix=".regex-", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump((number, kept), fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, _path)
    except OSError:
        pass  # a read-only cache folder costs speed, never a run
