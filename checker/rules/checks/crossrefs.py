"""crossrefs: "paragraph 3 above" and "the annex to the present resolution" must point at something (ED-15, CIT-11).

The references come from the resolve stage (``checker/resolve/references.py``):
only references to the resolution itself, "paragraph N above/below" and
"paragraph N of the present resolution". A reference is resolved among the operative paragraphs of the same part of a composite
resolution; "paragraph N of the annex to the present resolution" is resolved
among the annex's own numbered paragraphs.
"""

from __future__ import annotations

import re
from typing import Iterator, Optional

from checker.model import Document, OperativeParagraph, PreambularParagraph
from checker.resolve.references import ITEM as _ITEM, NUMBER as _NUM, paragraph_of
from checker.rules.checks import CheckHit, register

# "paragraph 12 of the annex to the present resolution", "paragraphs 3 and 4 of annex II to ..."
_ANNEX_PARAGRAPH_REF = re.compile(
    rf"[Pp](?<![\w][Pp])aragraphs?\s+(?P<items>{_ITEM}(?:\s*(?:,|and|to|or|\u2013|-)\s*{_ITEM})*)"
    r"\s+of\s+(?:the\s+)?annex(?:\s+(?P<no>[IVX]+))?\s+to\s+the\s+present\s+resolution\b")
_ANNEX_REF = re.compile(
    r"\b(?:the\s+)?annex(?:es)?\s*(?P<no>[IVX]+)?\s+(?:to|of)\s+the\s+present\s+resolution\b"
    r"|\bannexed\s+(?:to\s+)?(?:the\s+present|this)\s+resolution\b")


_ANNEX_LINE = re.compile(r"^[ \t#*]*(?:Annex|ANNEX)(?:[ \t]+[IVX]+)?\b", re.M)


def _numbered(doc: Document, part: str) -> dict[int, OperativeParagraph]:
    return {p.number: p for p in doc.operative if p.number is not None and p.part == part}


@register("crossrefs.paragraph", placeholders=("target", "problem"))
def paragraph_refs(doc: Document, params: dict, ctx) -> Iterator[CheckHit]:
    """A paragraph reference whose target does not exist in the resolution."""
    for node, m, n, sub, para in _refs(doc, ctx):
        paras = _numbered(doc, para.part)
        target = paras.get(n)
        if target is None:
            top = max(paras) if paras else 0
            if n < top:
                # a gap in the numbering ("4." then "6."): reported unless the paragraph may
                # be there with a label the parser did not take ("5. Decides" run into 4)
                below = max((k for k in paras if k < n), default=None)
                if below is None or n > 999 or _label_inside(paras[below].text, n):
                    continue
                above = min(k for k in paras if k > n)
                problem = f"the operative numbering jumps from {below} to {above}"
            else:
                problem = (f"its operative paragraphs are numbered up to {top}"
                           if top else "the resolution has no numbered operative paragraphs")
            yield CheckHit(node, m.start(), m.end(), {
                "target": f"paragraph {n}" + (f" ({sub})" if sub else ""), "problem": problem})
        elif sub and not any(s.label.strip("()") == sub for s in target.all_subparagraphs()):
            if target.subparagraphs:   # sub-paragraphs detected, none with this label
                yield CheckHit(node, m.start(), m.end(), {
                    "target": f"paragraph {n} ({sub})", "problem": f"operative paragraph {n} has no sub-paragraph ({sub})"})
    yield from _subparagraph_refs(ctx)
    yield from _annex_paragraph_refs(doc, ctx)


# "subparagraph (f) below", "sub-paragraph (b) above": a list item of the same paragraph.
_SUBPARAGRAPH_REF = re.compile(r"\b[Ss]ub-?paragraphs?\s+\((?P<sub>[a-z]{1,4})\)\s+(?:above|below)\b")


def _subparagraph_refs(ctx) -> Iterator[CheckHit]:
    for node in ctx.nodes:
        if "aragraph (" not in node.text:
            continue
        para = paragraph_of(node)
        if para is None or not para.subparagraphs:
            continue  # no list seen: the reference may be to one the parser did not take
        labels = {s.label.strip("()") for s in para.all_subparagraphs()}
        for m in _SUBPARAGRAPH_REF.finditer(node.text):
            if m["sub"] not in labels:
                yield CheckHit(node, m.start(), m.end(), {
                    "target": f"sub-paragraph ({m['sub']})", "problem": f"{para.address} has no sub-paragraph ({m['sub']})"})


def _label_inside(text: str, n: int) -> bool:
    """Does ``text`` (the paragraph before a gap) hold "n." as a paragraph label run into it
    (or a label the scan misread: "4, Demands" in S/RES/366 (1974))?"""
    return str(n) in text and re.search(rf"(?<![\w.,/]){n}\s?[.,:;]?\s+[A-Z]", text) is not None


def _annex_paragraph_refs(doc: Document, ctx) -> Iterator[CheckHit]:
    """ "paragraph 12 of the annex to the present resolution" beyond the annex's own numbering."""
    if not doc.annexes or doc.kind in ("amendment", "not-a-resolution"):
        return
    for node in ctx.nodes:
        if "annex" not in node.text or "aragraph" not in node.text:
            continue
        for m in _ANNEX_PARAGRAPH_REF.finditer(node.text):
            annex = _annex_named(doc, m["no"])
            numbers = [p.number for p in annex.paragraphs if p.number is not None] if annex else []
            if not numbers:
                continue  # an annex without numbered paragraphs, or not found: nothing to resolve
            for nm in _NUM.finditer(m["items"]):
                if int(nm["n"]) > max(numbers):
                    yield CheckHit(node, m.start(), m.end(), {
                        "target": f"paragraph {nm['n']}", "problem": f"the annex's paragraphs are numbered up to {max(numbers)}"})
                    break


def _annex_named(doc: Document, numeral: Optional[str]):
    """The annex "annex II" names (the only annex when no numeral is given)."""
    if numeral is None:
        return doc.annexes[0] if len(doc.annexes) == 1 else None
    return next((a for a in doc.annexes if a.address == f"ANNEX-{numeral}"), None)


@register("crossrefs.direction", placeholders=("target", "where", "correct"))
def direction(doc: Document, params: dict, ctx) -> Iterator[CheckHit]:
    """"Paragraph N above" for a paragraph that comes later (or "below" for an earlier one)."""
    for node, m, n, sub, para in _refs(doc, ctx):
        where = m["where"]
        if where not in ("above", "below"):
            continue
        paras = _numbered(doc, para.part)
        if n not in paras:
            continue  # crossrefs.paragraph reports it
        if isinstance(para, PreambularParagraph):
            correct = "below"   # the preamble precedes every operative paragraph
        elif para.number is None or para.number == n:
            continue
        else:
            correct = "above" if n < para.number else "below"
        if correct != where:
            wm = m.start("where")
            yield CheckHit(node, m.start(), m.end(), {"target": str(n), "where": where, "correct": correct},
                           fix=_fix(node, wm, m.end("where"), correct))


@register("crossrefs.annex", placeholders=())
def annex_refs(doc: Document, params: dict, ctx) -> Iterator[CheckHit]:
    """"The annex to the present resolution" in a resolution without an annex."""
    if doc.annexes or doc.kind in ("amendment", "not-a-resolution") or "nnex" not in doc.source:
        return
    # Once per document (the annex is missing, not each mention): the first mention, looked
    # for before the costlier scan of the whole source for an "Annex" line.
    first = next(((node, m) for node in list(doc.preamble) + list(doc.operative) if "annex" in node.text
                  for m in _ANNEX_REF.finditer(node.text)), None)
    if first is None:
        return
    src = doc.source
    if ("Annex" in src or "ANNEX" in src) and _ANNEX_LINE.search(src):
        return  # an "Annex" line the parser did not take as an annex heading still is one
    node, m = first
    yield CheckHit(node, m.start(), m.end())


def _refs(doc: Document, ctx) -> list:
    """Every "paragraph N above/below/of the present resolution": the resolve stage's, found once."""
    return ctx.resolution.paragraph_refs


def _fix(node, start: int, end: int, replacement: str):
    from checker.findings import Edit, Fix

    return Fix(f"Write '{replacement}'", (Edit(node.span_of(start, end), replacement),), safe=True)
