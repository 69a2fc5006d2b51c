"""Applying fixes: edit only the finding's span, write atomically, keep the encoding.

A fix never touches a file that fails to parse as a resolution, and running
``--fix`` twice changes nothing the second time.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

from checker.findings import Edit, Finding
from checker.sources import SourceText


def select_edits(findings: list[Finding], unsafe: bool) -> list[Edit]:
    """Non-overlapping edits of the fixable findings, in text order."""
    edits: list[Edit] = []
    for f in sorted(findings, key=lambda f: f.span.start):
        if f.fix is None or (not f.fix.safe and not unsafe):
            continue
        for e in f.fix.edits:
            edits.append(e)
    edits.sort(key=lambda e: (e.span.start, e.span.end))
    chosen: list[Edit] = []
    last_end = -1
    for e in edits:
        if e.span.start < last_end:
            continue  # overlapping fixes wait for the next round
        chosen.append(e)
        last_end = max(e.span.end, e.span.start + (1 if e.span.end == e.span.start else 0))
    return chosen


def apply_edits(text: str, edits: list[Edit]) -> str:
    out: list[str] = []
    prev = 0
    for e in edits:
        out.append(text[prev:e.span.start])
        out.append(e.replacement)
        prev = e.span.end
    out.append(text[prev:])
    return "".join(out)


def encode_like(text: str, source: SourceText) -> bytes:
    """Encode ``text`` as the original was encoded (BOM included)."""
    if source.encoding == "utf-8-sig":
        return b"\xef\xbb\xbf" + text.encode("utf-8")
    if source.encoding == "utf-16-le":
        return b"\xff\xfe" + text.encode("utf-16-le")
    if source.encoding == "utf-16-be":
        return b"\xfe\xff" + text.encode("utf-16-be")
    return text.encode("utf-8")


def write_atomic(path: str | Path, data: bytes) -> None:
    """Write through a temporary file in the same folder and rename over the original."""
    target = Path(path)
    mode = None
    try:
        mode = target.stat().st_mode & 0o777
    except OSError:
        pass
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".reslint-tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def fix_source(source: SourceText, session, unsafe: bool = False, max_rounds: int = 5) -> tuple[str, int]:
    """Apply fixes until none are left; return the new text and the number of edits."""
    from checker.parser import parse_source
    from checker.pipeline import lint_document

    text = source.text
    total = 0
    for _ in range(max_rounds):
        current = SourceText(source.path, text, source.encoding, source.newline, source.format)
        doc = parse_source(current)
        if doc.kind == "not-a-resolution":
            return source.text, 0
        edits = select_edits(lint_document(doc, session), unsafe)
        if not edits:
            break
        text = apply_edits(text, edits)
        total += len(edits)
    return text, total


# Lines end at the file's own newlines only: str.splitlines also breaks at form feeds
# (page breaks in PDF text) and U+2028, which would glue diff lines together.
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")


def unified_diff(path: str, before: str, after: str) -> str:
    import difflib

    out: list[str] = []
    for line in difflib.unified_diff(_LINE.findall(before), _LINE.findall(after),
                                     fromfile=f"a/{path}", tofile=f"b/{path}"):
        if line.endswith("\n"):
            out.append(line)
        elif line.endswith("\r"):
            out.append(line + "\n")  # a CR-only file: still one diff line per line
        else:
            out.append(line + "\n\\ No newline at end of file\n")
    return "".join(out)
