"""A small cross-run cache of validated rule and config data.

Validating the default rule pack means importing ruamel.yaml and jsonschema
and walking every file: too slow for an editor that lints on every keystroke.
The validated ``RuleSpec`` objects are pickled under a key made of the rule
files' contents, the schemas, and the loader's own source (so an upgrade of
reslint invalidates old entries). Compiled regexes are not picklable; their
compiled code has a cache of its own (``checker.regex_cache``), as has the
code ``dataclasses`` generates (``checker.code_cache``).

Location: ``$RESLINT_CACHE_DIR``, else ``$XDG_CACHE_HOME/reslint``, else
``~/.cache/reslint``. ``RESLINT_NO_CACHE=1`` turns it off. Writes are atomic
(temporary file + rename); an unreadable or corrupted entry is ignored.
"""

from __future__ import annotations

import os
import pickle
from pathlib import Path
from typing import Any

try:
    # hashlib's own BLAKE2 without importing hashlib, which loads OpenSSL's bindings:
    # about 3 ms, a fortieth of a one-file check. The keys need no other algorithm.
    from _blake2 import blake2b as _blake2b
except ImportError:  # not CPython
    from hashlib import blake2b as _blake2b

FORMAT = 1
_KEEP = 16  # entries kept per kind; older ones are pruned on write
_HERE = Path(__file__).resolve().parent
_CODE_FILES = ("cache.py", "spec.py", "yamlfile.py", "validate.py", "engine.py", "config.py")


def new_hash(data: bytes = b""):
    """The hash of every cache key (BLAKE2b, 256 bits)."""
    return _blake2b(data, digest_size=32)


def cache_dir() -> Path:
    if os.environ.get("RESLINT_CACHE_DIR"):
        return Path(os.environ["RESLINT_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "reslint"


def enabled() -> bool:
    return os.environ.get("RESLINT_NO_CACHE", "") in ("", "0")


_code_digest: str | None = None


def code_digest() -> str:
    """Hash of the loader's code and the schemas: a new reslint, a new key."""
    global _code_digest
    if _code_digest is None:
        import checker

        h = new_hash(f"format {FORMAT} reslint {getattr(checker, '__version__', '?')}".encode())
        for name in _CODE_FILES:
            h.update(_read(_HERE / name))
        for schema in sorted((_HERE.parents[1] / "schemas").glob("*.json")):
            h.update(_read(schema))
        _code_digest = h.hexdigest()
    return _code_digest


_package_stamp: str | None = None


def package_stamp() -> str:
    """Name, size and modification time of every module of reslint: a changed
    parser or check (an upgrade, an edited checkout) invalidates cached results."""
    global _package_stamp
    if _package_stamp is None:
        h = new_hash()
        for name, st in sorted(_modules(str(_HERE.parent), "")):
            h.update(f"{name} {st.st_size} {st.st_mtime_ns}\n".encode())
        _package_stamp = h.hexdigest()
    return _package_stamp


def _modules(folder: str, prefix: str) -> list[tuple[str, os.stat_result]]:
    """(relative path, stat) of every ``.py`` below ``folder``; os.scandir, as a one-file
    check pays for this walk (pathlib's rglob took four times as long)."""
    out = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return out
    for entry in entries:
        try:
            if entry.name.endswith(".py") and entry.is_file():
                out.append((prefix + entry.name, entry.stat()))
            elif entry.is_dir() and entry.name != "__pycache__":
                out.extend(_modules(entry.path, prefix + entry.name + "/"))
        except OSError:
            continue
    return out


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        return b""


def key_for(parts: list[tuple[str, bytes]]) -> str:
    h = new_hash(code_digest().encode())
    for name, data in parts:
        h.update(name.encode("utf-8", "surrogatepass") + b"\0")
        h.update(new_hash(data).digest())
    return h.hexdigest()[:32]


def load(kind: str, key: str) -> Any | None:
    if not enabled():
        return None
    try:
        # One read, then ``loads``: several times faster than unpickling from the file object.
        return pickle.loads((cache_dir() / f"{kind}-{key}.pickle").read_bytes())
    except Exception:  # missing, truncated, from an incompatible version...
        return None


def store(kind: str, key: str, value: Any) -> None:
    if not enabled():
        return
    import tempfile

    folder = cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{kind}-", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, folder / f"{kind}-{key}.pickle")
        _prune(folder, kind)
    except OSError:
        pass  # a read-only home is no reason to fail a lint run


def _prune(folder: Path, kind: str) -> None:
    entries = sorted(folder.glob(f"{kind}-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in entries[_KEEP:]:
        try:
            old.unlink()
        except OSError:
            pass


def clear_cache() -> int:
    """Remove every cache entry; return how many files were removed."""
    folder = cache_dir()
    removed = 0
    for kind in ("rules", "config", "regex", "code", "registry", "phrases"):
        patterns = (f"{kind}-*.pickle", f"{kind}-*.marshal", f".{kind}-*.tmp")
        for entry in (e for p in patterns for e in folder.glob(p)):
            try:
                entry.unlink()
                removed += 1
            except OSError:
                pass
    return removed
