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
``re`` it was checked against, checks itself when it starts a table, is keyed
by the interpreter version and ``_sre.MAGIC``, and falls back to the plain
compiler on anything unexpected. ``RESLINT_NO_CACHE=1`` turns it off like every
other cache. The table (``checker.kept_table``) drops patterns no run uses any
more, such as one built from a single document's words.
"""

from __future__ import annotations

import array
import atexit
import sys
from typing import Any

from checker.kept_table import KeptTable

_SUPPORTED = ((3, 11), (3, 12), (3, 13))

_table: KeptTable | None = None


def _file_name(sre_magic: int) -> str:
    impl = sys.implementation
    return f"regex-{impl.name}-{sys.version_info[0]}.{sys.version_info[1]}.{sys.version_info[2]}-{sre_magic}.marshal"


def install() -> bool:
    """Route ``re``'s compiler through the cache; False when not possible here."""
    global _table
    if _table is not None:
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
        # Stored as packed bytes: one object to write and load, not one per instruction.
        code = array.array("I", _compiler._code(parsed, flags)).tobytes()
        groupindex = dict(parsed.state.groupdict)
        indexgroup = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        return (flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup))

    def build(p: Any, entry: tuple):
        final_flags, code, groups, groupindex, indexgroup = entry
        return _sre.compile(p, final_flags, array.array("I", code).tolist(), groups, groupindex, indexgroup)

    table = KeptTable(cache.cache_dir() / _file_name(getattr(_sre, "MAGIC", 0)))

    def cached_compile(p: Any, flags: int = 0):
        if not isinstance(p, (str, bytes)) or flags & _compiler.SRE_FLAG_DEBUG:
            return original(p, flags)
        key = (type(p).__name__, p, flags)
        entry = table.get(key)
        if entry is None:
            try:
                entry = entry_for(p, flags)
            except Exception:
                return original(p, flags)  # the error message is re's own
            table.put(key, entry)
        return build(p, entry)

    # Self-check, once per table (a table exists only if its first run passed it):
    # the cached path must build the very pattern re builds.
    if not table.entries:
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

    _compiler.compile = cached_compile
    _table = table
    atexit.register(table.save)
    return True
