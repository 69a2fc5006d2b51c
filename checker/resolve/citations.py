"""Citations of resolutions and decisions, linked to the organ whose text they cite.

``grammar.citations.find_citations`` reads the numbers and dates; this module
decides whose each one is ("its resolution 60/251" is the enacting body's,
"the Security Council, in its resolution ..." the Council's) and which date is
the number's own. The registry (``registry.py``) then gives the adoption date
the citation can be checked against.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import Iterable, Optional

from checker.grammar.citations import Citation, _canonical_body, find_citations, resolve_body
from checker.model import Document, Node

BODY_SHORT_NAMES = {"General Assembly": "GA", "Human Rights Council": "HRC", "Commission on Human Rights": "CHR",
                    "Sub-Commission": "SUB", "Economic and Social Council": "ECOSOC", "Security Council": "SC"}
_SHORT = BODY_SHORT_NAMES

CitedResolution = tuple[Node, Citation, Optional[str]]


def link_citations(doc: Document, nodes: Iterable[Node]) -> list[CitedResolution]:
    """(node, citation, body name or None) for every resolution or decision cited in ``nodes``.

    The body is the organ whose text is cited ("its resolution" is the enacting
    body's, unless the clause names another organ); None when it cannot be told,
    so that no check guesses.

    The citation's ``date`` is kept only when it is the number's own: written
    right after it ("60/251 of 15 March 2006"), explicitly shared ("both of",
    "all of"), or shared by a plain group ("resolutions 33/10 and 36/28 of 29
    September 2016", "A, B and C of DATE": both were adopted on that date,
    un-drafting.md CIT-10). A date the grammar spread over a list otherwise is
    dropped rather than checked: in "resolutions 446 (1979), 452 (1979) of 20
    July 1979, 465 (1980)" it belongs to 452 alone. In a group, a number the
    text has already cited with its own date keeps none: drafters write "its
    resolutions 71/243 and 75/233 of 21 December 2020" with 71/243 dated (21
    December 2016) at its first mention (A/C.2/80/L.14, L.55).
    """
    out = []
    enacting = doc.body
    dated: set[tuple[str, str]] = set()     # (kind, number) already cited with its own date
    short: dict[str, str] = {}              # "Council" -> "Human Rights Council" once so defined
    for node in nodes:
        cites = find_citations(node.text)
        defs = _short_form_definitions(node.text) if short or cites or "hereinafter" in node.text \
            or "(\u201c" in node.text or '("' in node.text else []
        for i, c in enumerate(cites):
            for end, sf, organ in defs:
                if end <= c.full_start:
                    short[sf] = organ
            if c.date is not None and not _own_date(node.text, c):
                if (c.kind, c.number) in dated or not _plain_group(node.text, cites, i):
                    c = replace(c, date=None, date_shared=False)
            elif c.date is not None and not c.date_shared:
                dated.add((c.kind, c.number))
            body = _body(c, enacting, node.text)
            if body is None and c.body_text in short and not c.body_inherited \
                    and not _named_before(node.text, c.full_start):
                body = short[c.body_text]
            elif body is None and c.body_inherited and c.body_text in short and out and out[-1][0] is node:
                body = out[-1][2]
            elif body is None and c.body_text is None:
                # "all previous resolutions of the Human Rights Council on Somalia, most recently
                # resolution 54/117": the organ the clause has just named for its resolutions.
                m = _ORGAN_RESOLUTIONS_BEFORE.search(node.text, max(0, c.full_start - 160), c.full_start)
                if m is not None:
                    body = _canonical_body(m["organ"])
            out.append((node, c, body))
        for _end, sf, organ in defs:
            short[sf] = organ
    return out


# 'Human Rights Council (hereinafter "the Council")', 'the Commission on Human Rights ("the
# Commission")': a short form the text defines for an organ the resolver knows. A later bare
# "Council resolution 30/25" is then that organ's (un-drafting.md CIT-02), not an ambiguous
# "Council" in a General Assembly text.
_SHORT_FORM_DEF = re.compile(
    r"(?<![\w-])(?P<organ>General Assembly|Human Rights Council|Commission on Human Rights|"
    r"Economic and Social Council|Security Council|Sub-Commission(?: on (?:the )?[A-Z][\w ,]*?)?)"
    r"\s*\((?:hereinafter\s+(?:referred\s+to\s+as\s+|called\s+)?)?[\"\u201c](?:the\s+)?"
    r"(?P<short>Assembly|Council|Commission|Sub-Commission)[\"\u201d]\)")


def _named_before(text: str, at: int) -> bool:
    """Whether a capitalized word other than the paragraph's first ("Recalling Council
    resolutions") is right before ``at``: "Environment Assembly", "Trade and Development Council"."""
    m = _NAMED_BEFORE.search(text, max(0, at - 40), at)
    return m is not None and text[:m.start()].strip() != ""


def _short_form_definitions(text: str) -> list[tuple[int, str, str]]:
    """(end, short form, organ) for each short-form definition of a known organ in ``text``."""
    out = []
    for m in _SHORT_FORM_DEF.finditer(text):
        organ = _canonical_body(m["organ"])
        if organ in _SHORT:
            out.append((m.end(), m["short"], organ))
    return out


_ORGAN_RESOLUTIONS_BEFORE = re.compile(
    r"\bresolutions\s+(?:adopted\s+)?(?:of|by)\s+the\s+(?P<organ>General Assembly|Human Rights Council|Security Council|"
    r"Economic and Social Council|Commission on Human Rights)\b[^;\d]{0,100}$")
_DIRECT = re.compile(r"\s+(?:(?:both|all)\s+)?of\s+")
_EXPLICIT_SHARE = re.compile(r"\b(?:both|all)\s+of\s+$")


def _own_date(text: str, c: Citation) -> bool:
    if c.date is None:
        return False
    if _DIRECT.fullmatch(text, c.end, c.date.start):
        return True
    return _EXPLICIT_SHARE.search(text, max(0, c.date.start - 12), c.date.start) is not None


_AND = re.compile(r"\s*,?\s*and\s+")


def _plain_group(text: str, cites: list[Citation], i: int) -> bool:
    """Whether the date spread to ``cites[i]`` closes a plain group: "A and B of DATE",
    "A, B and C of DATE" (the dated number joined by "and"), not "A, B of DATE, C"."""
    date = cites[i].date
    k = next((j for j in range(i, len(cites)) if cites[j].date is not None
              and cites[j].date.start == date.start and _DIRECT.fullmatch(text, cites[j].end, date.start)), None)
    return k is not None and k > 0 and _AND.fullmatch(text, cites[k - 1].end, cites[k].start) is not None


# Organ words: when one is named in the clause around "its resolution", "its" may be that
# organ's ("the Environment Assembly, in its resolution 5/14", "the Working Group is
# implementing its decision 7/1", "through its resolution 54/18 ..., the Human Rights Council").
_ORGAN = re.compile(r"\b(?:[A-Z][\w-]*\s+)*(?:Assembly|Council|Commission|Committee|Group|Conference|Organization|"
                    r"Board|Forum|Programme|Fund|Agency|Union|Parties|Court|Tribunal|Mechanism|Office|"
                    r"Secretariat|Secretary-General|Summit|Bank|Meeting|Panel|Platform|Institute|Body)\b")
_CLAUSE_END = re.compile(r"[;.]\s|\n")


# After the number, an organ is the owner only as the subject of the clause, set off by a comma
# ("through its resolution 54/18 of ..., the Human Rights Council decided"). One named after a
# preposition ("on the Addis Ababa Action Agenda of the Third International Conference", "on the
# Voluntary Fund for ...") is what the resolution is about.
_SUBJECT_AFTER = re.compile(r",\s+(?:the\s+)?$")


def _its_owner(text: str, c: Citation, enacting: Optional[str]) -> tuple[bool, Optional[str]]:
    """(clear, body) for an "its" citation: the organ named in its clause, if any.

    "its" is read from the words before the citation; after it, only an organ that
    is the subject of the clause counts."""
    return _its_owner_of_phrase(text, c.full_start, c.full_end, enacting)


@lru_cache(maxsize=1024)  # the numbers of one phrase ("its resolutions 60/1, 60/2 and 60/3") share it
def _its_owner_of_phrase(text: str, full_start: int, full_end: int,
                         enacting: Optional[str]) -> tuple[bool, Optional[str]]:
    lo = max(0, full_start - 250)
    before = text[lo:full_start]
    cut = max((m.end() for m in _CLAUSE_END.finditer(before)), default=0)
    before = before[cut:]
    after = text[full_end:full_end + 100]
    m = _CLAUSE_END.search(after)
    after = after[:m.start()] if m else after
    organs = [o.group(0) for o in _ORGAN.finditer(before)] + \
             [o.group(0) for o in _ORGAN.finditer(after) if _SUBJECT_AFTER.search(after, 0, o.start())]
    own = {"General Assembly": "Assembly", "Commission on Human Rights": "Commission"}.get(enacting or "", "Council")
    organs = [o for o in organs if not (enacting and (o.endswith(enacting) or o == own))]
    if not organs:
        return True, enacting
    adjacent = _ITS_OWNER.search(before)
    if adjacent:   # "the Security Council in its resolutions", "the Council, in its decision"
        return True, adjacent["body"]
    return False, None


_ITS_OWNER = re.compile(r"(?<![\w-])(?:the\s+)(?P<body>General Assembly|Human Rights Council|Security Council|"
                        r"Economic and Social Council|Commission on Human Rights)\s*,?\s+(?:[a-z]+\s+){0,2}?in\s+$")


@lru_cache(maxsize=64)  # asked for every "its" citation, about the few body names
def _canonical(body: Optional[str]) -> Optional[str]:
    if body is None:
        return None
    return next((b for b in _SHORT if body == b or body.upper() == _SHORT[b]), body)


_NAMED_BEFORE = re.compile(r"[A-Z][\w-]*\s+$")


def _body(c: Citation, enacting: Optional[str], text: str) -> Optional[str]:
    """The citation's body, or None when it cannot be told.

    Works around two readings of ``resolve_body`` that would be false alarms:
    "United Nations Environment Assembly resolution 5/5" is not the General
    Assembly (nor "World Health Assembly"), and in "the Security Council in its
    resolutions" the owner of "its" is the Council named, not the enacting body.
    """
    bt = c.body_text
    if bt in ("Assembly", "Council", "Commission") and not c.body_inherited:
        if _NAMED_BEFORE.search(text, max(0, c.full_start - 40), c.full_start):
            return None   # "Environment Assembly", "Trade and Development Council"
    if bt is not None and bt.lower() == "its":
        clear, owner = _its_owner(text, c, _canonical(enacting))
        body = owner if clear else None
    else:
        body = resolve_body(c, enacting)
    if body is None and c.form == "sc":
        return "Security Council"   # "n (yyyy)" is only ever the Council's form
    return body
