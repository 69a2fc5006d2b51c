"""A table of start-up work kept across runs in the cache folder.

Two caches use it: compiled regular expressions (``checker.regex_cache``) and
the methods ``dataclasses`` generates (``checker.code_cache``). Both hold data
``marshal`` writes and reads quickly (strings, bytes, numbers, tuples, dicts,
code objects), so the file is a marshal dump of ``(saves, {key: (value, last)})``.

Some keys come from a document's own words (a pattern built from a short form it
defines); so that they do not pile up, each entry remembers the last save that
used it, and one unused for ``KEEP_SAVES`` saves is dropped. Writes are atomic
(temporary file + rename); a missing, truncated or foreign file is ignored.
"""

from __future__ import annotations

import marshal
import os
from pathlib import Path
from typing import Any, Optional

KEEP_SAVES = 20
MEMORY_CAP = 4000  # entries one process adds (a long language-server session)


class KeptTable:
    """Entries loaded at start, looked up by key, written back at exit if any is new."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.saves = 0
        self.entries: dict[Any, tuple[Any, int]] = {}  # key -> (value, number of the last save that used it)
        self.used: set = set()
        self.dirty = False
        try:
            # One read, then ``loads``: ``marshal.load`` on a file reads it in small pieces.
            saves, entries = marshal.loads(path.read_bytes())
            if isinstance(saves, int) and isinstance(entries, dict):
                self.saves, self.entries = saves, entries
        except Exception:  # missing, truncated, an older layout, written by something else
            pass

    def get(self, key: Any) -> Optional[Any]:
        held = self.entries.get(key)
        if held is None:
            return None
        self.used.add(key)
        return held[0]

    def put(self, key: Any, value: Any) -> None:
        if len(self.entries) < MEMORY_CAP:
            self.entries[key] = (value, self.saves)
            self.used.add(key)
            self.dirty = True

    def save(self) -> None:
        """Write the table if this run added anything, dropping long-unused entries."""
        if not self.dirty:
            return
        import tempfile

        self.dirty = False
        number = self.saves + 1
        kept = {}
        for key, (value, last) in self.entries.items():
            if key in self.used:
                last = number
            if number - last < KEEP_SAVES:
                kept[key] = (value, last)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=f".{self.path.stem}-", suffix=".tmp")
            with os.fdopen(fd, "wb") as fh:
                marshal.dump((number, kept), fh)
            os.replace(tmp, self.path)
        except (OSError, ValueError):
            pass  # a read-only cache folder costs speed, never a run
