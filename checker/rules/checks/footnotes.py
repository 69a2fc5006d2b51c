"""footnotes: every marker has its footnote, every footnote is referenced, in order (§1.5, CIT-11).

Marker detection is imperfect: the normalizer reads digits glued to a word
as a marker ("digits" style) when a footnote with that label exists, or, with
no footnote, only when it is certainly one (the next number of a run of digit
markers, after a word's final punctuation: "session,4 and" after markers 1-3);
and OCR texts lose superscripts. So "a marker without a footnote" trusts
explicit markers (superscripts, Markdown ``[^1]``, sponsor asterisks) and
those digit markers, and
"a footnote nobody points at" is reported only when the document shows
explicit numeric markers elsewhere, i.e. when markers were visible at all.
Asterisk footnotes are notes on the whole document (the header symbol, the
non-member sponsors): they are never reported as unreferenced.
"""

from __future__ import annotations

import re
from typing import Iterator

from checker.model import Document, FootnoteMarker
from checker.rules.checks import CheckHit, register

_EXPLICIT = ("superscript", "markdown")
_UNIT = re.compile(r"(?<![A-Za-z])(?:[kcdm]?m|ft|in|sq)$")


def _explicit(doc: Document) -> list[FootnoteMarker]:
    return [m for m in doc.markers if m.style in _EXPLICIT and m.label.isdigit()]


@register("footnotes.unresolved", placeholders=("label",))
def unresolved(doc: Document, params: dict, ctx) -> Iterator[CheckHit]:
    """A superscript/Markdown/digit marker (or sponsor asterisk) with no footnote of that label."""
    labels = {f.label for f in doc.footnotes}
    seen: set[str] = set()
    for m in doc.markers:
        if m.style not in _EXPLICIT + ("asterisk", "digits") or m.label in labels:
            continue
        if m.style == "asterisk" and not doc.is_draft:
            continue  # adopted texts drop the sponsor list and its note
        if m.label in seen:
            continue  # one finding per missing footnote
        if m.style == "superscript" and _UNIT.search(doc.source, max(0, m.span.start - 4), m.span.start):
            continue  # "0.100 m³": an exponent, not a marker
        seen.add(m.label)
        yield CheckHit(None, 0, 0, {"label": m.label}, span=m.span, address=m.address)


@register("footnotes.unreferenced", placeholders=("label",))
def unreferenced(doc: Document, params: dict, ctx) -> Iterator[CheckHit]:
    """A numbered footnote that no marker points at (only where markers are visible)."""
    explicit = _explicit(doc)
    # A text whose markers are all plain digits (PDF extraction): the normalizer
    # reads digits as the marker n only after marker n-1, so once one marker is
    # lost every later one is unseen too; only the first orphan is certain.
    digits_only = not explicit and any(m.style == "digits" and m.label.isdigit() for m in doc.markers)
    if not explicit and not digits_only:
        return
    for fn in doc.footnotes:
        if not fn.label.isdigit() or fn.markers:
            continue
        yield CheckHit(fn, 0, min(len(fn.text), 60), {"label": fn.label})
        if digits_only:
            return


@register("footnotes.order", placeholders=("label", "previous"))
def order(doc: Document, params: dict, ctx) -> Iterator[CheckHit]:
    """Footnotes are numbered 1..n in order of their first marker."""
    expected = 1
    first_seen: set[str] = set()
    labels = {f.label for f in doc.footnotes}
    for m in _explicit(doc):
        if m.label in first_seen:
            continue  # a later reference to an earlier footnote is fine
        first_seen.add(m.label)
        n = int(m.label)
        # Only a backward jump is certain: a forward one may be a marker the
        # normalizer could not see (OCR, a superscript lost in conversion).
        if n < expected and m.label in labels:
            yield CheckHit(None, 0, 0, {"label": m.label, "previous": str(expected - 1)},
                           span=m.span, address=m.address)
            return  # one out-of-order marker shifts every later one: report the first
        expected = max(expected, n + 1)


@register("footnotes.gap", placeholders=("label", "previous", "missing"))
def gap(doc: Document, params: dict, ctx) -> Iterator[CheckHit]:
    """Footnote markers jump forward ("²" then "⁴") over a number that has neither a marker
    nor a footnote: the notes were renumbered, or one was deleted, without the rest."""
    explicit = _explicit(doc)
    if len(explicit) < 2:
        return
    labels = {f.label for f in doc.footnotes}
    marked = {m.label for m in explicit}
    previous = None
    for m in explicit:
        n = int(m.label)
        if previous is not None and n > previous + 1:
            missing = [str(k) for k in range(previous + 1, n)]
            # a lost superscript leaves its footnote (CIT002); a lost footnote, its marker (CIT001)
            if m.label in labels and not any(k in labels or k in marked for k in missing):
                yield CheckHit(None, 0, 0, {"label": m.label, "previous": str(previous),
                                            "missing": ", ".join(missing)},
                               span=m.span, address=m.address)
                return  # one gap shifts every later number: report the first
        if previous is None or n > previous:
            previous = n
