"""Reading stage: turn a path, stdin or bytes into text plus what we know of its form.

Text files must be UTF-8 (with or without BOM) or UTF-16 with a BOM; anything
else is refused with a one-line ``SourceError`` rather than guessed at.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from checker.errors import SourceError

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
DOCX_SUFFIXES = (".docx",)
MAX_FILE_BYTES = 20 * 1024 * 1024  # a resolution is rarely over 1 MB; 20 MB bounds memory and time


@dataclass(slots=True)
class SourceText:
    """A file as read: its text (decoded), encoding, format, and the formatting Word or Markdown gave."""
    path: str
    text: str
    encoding: str = "utf-8"  # utf-8 | utf-8-sig | utf-16-le | utf-16-be
    newline: str = "\n"
    format: str = "text"  # text | markdown | docx
    # Formatting known from the file itself (Word): offsets into ``text``.
    italics: list[tuple[int, int]] = field(default_factory=list)
    bold: list[tuple[int, int]] = field(default_factory=list)
    # Word comments that carry suppressions: (offset range, comment text).
    comments: list[tuple[int, int, str]] = field(default_factory=list)
    # Word automatic numbering already rendered into ``text``.
    raw: bytes | None = None

    @property
    def has_bom(self) -> bool:
        return self.encoding in ("utf-8-sig", "utf-16-le", "utf-16-be")


def detect_newline(text: str) -> str:
    crlf = text.count("\r\n")
    lf = text.count("\n") - crlf
    cr = text.count("\r") - crlf
    if crlf >= lf and crlf >= cr and crlf:
        return "\r\n"
    if cr > lf:
        return "\r"
    return "\n"


def decode(data: bytes, path: str) -> tuple[str, str]:
    """Decode bytes to text; return (text, encoding name) or raise SourceError."""
    if data.startswith(b"\xef\xbb\xbf"):
        encoding, body = "utf-8-sig", data[3:]
        codec = "utf-8"
    elif data.startswith(b"\xff\xfe"):
        encoding, body, codec = "utf-16-le", data[2:], "utf-16-le"
    elif data.startswith(b"\xfe\xff"):
        encoding, body, codec = "utf-16-be", data[2:], "utf-16-be"
    else:
        encoding, body, codec = "utf-8", data, "utf-8"
        if data.startswith(b"PK\x03\x04"):
            raise SourceError(path, "binary file (a zip archive, perhaps a Word file with the wrong extension); reslint reads .txt, .md and .docx")
        if b"\x00" in data[:65536] or b"\x00" in data[-65536:]:
            if _looks_like_utf16(data):
                raise SourceError(path, "looks like UTF-16 without a byte-order mark; save it as UTF-8 (or UTF-16 with BOM)")
            raise SourceError(path, "binary file (contains NUL bytes); reslint reads UTF-8 text, Markdown and .docx")
    try:
        text = body.decode(codec)
    except UnicodeDecodeError as exc:
        raise SourceError(
            path,
            f"not valid {codec.upper()} (byte 0x{body[exc.start]:02x} at offset {exc.start}); save the file as UTF-8",
        ) from None
    if "\x00" in text:
        raise SourceError(path, "binary content (NUL characters in the text)")
    return text, encoding


def _looks_like_utf16(data: bytes) -> bool:
    """Text in UTF-16 without its byte-order mark: one byte of each pair mostly NUL, the other
    mostly printable (a program or an image has NULs in both and control bytes in between)."""
    sample = data[:4096]
    even, odd = sample[0::2], sample[1::2]
    for zeros, chars in ((odd, even), (even, odd)):  # little-endian, then big-endian
        printable = sum(1 for b in chars if 32 <= b < 127 or b in (9, 10, 13))
        if zeros.count(0) > 0.7 * max(len(zeros), 1) and printable > 0.8 * max(len(chars), 1):
            return True
    return False


def from_bytes(data: bytes, path: str, *, suffix: str | None = None) -> SourceText:
    """Build a SourceText from raw bytes (a file's content or stdin)."""
    suffix = (suffix or Path(path).suffix).lower()
    if len(data) > MAX_FILE_BYTES:
        raise SourceError(path, f"file is {len(data) / 1048576:.1f} MB, over the {MAX_FILE_BYTES // 1048576} MB limit for one resolution")
    if suffix in DOCX_SUFFIXES:
        from checker.sources.docx import read_docx

        return read_docx(data, path)
    text, encoding = decode(data, path)
    if not text.strip():
        raise SourceError(path, "file is empty")
    fmt = "markdown" if suffix in (".md", ".markdown") else "text"
    return SourceText(path=path, text=text, encoding=encoding, newline=detect_newline(text), format=fmt, raw=data)


def read_path(path: str | Path) -> SourceText:
    """Read one file; every failure is a SourceError with a one-line reason."""
    p = Path(path)
    name = str(path)
    try:
        if p.is_dir():
            raise SourceError(name, "is a directory")
        size = p.stat().st_size
        if size > MAX_FILE_BYTES:
            raise SourceError(name, f"file is {size / 1048576:.1f} MB, over the {MAX_FILE_BYTES // 1048576} MB limit for one resolution")
        data = p.read_bytes()
    except FileNotFoundError:
        raise SourceError(name, "no such file") from None
    except PermissionError:
        raise SourceError(name, "permission denied") from None
    except IsADirectoryError:
        raise SourceError(name, "is a directory") from None
    except OSError as exc:
        raise SourceError(name, f"cannot read file ({exc.strerror or exc})") from None
    return from_bytes(data, name)


def read_stdin(filename: str | None) -> SourceText:
    data = sys.stdin.buffer.read()
    return from_bytes(data, filename or "-", suffix=Path(filename).suffix if filename else ".txt")


def iter_files(paths: list[str], exclude: list[str] | None = None) -> Iterator[str]:
    """Expand folders into the files reslint reads; files named explicitly are always kept."""
    import fnmatch

    exclude = exclude or []
    for raw in paths:
        p = Path(raw)
        if raw == "-" or not p.is_dir():
            yield raw
            continue
        found = []
        for root, dirs, files in os.walk(p, onerror=None):
            dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in ("__pycache__", "node_modules"))
            for name in files:
                if name.lower().endswith(TEXT_SUFFIXES + DOCX_SUFFIXES) and not name.startswith((".", "~$")):
                    full = os.path.join(root, name)
                    if not any(fnmatch.fnmatch(full, pat) or fnmatch.fnmatch(name, pat) for pat in exclude):
                        found.append(full)
        yield from sorted(found)
