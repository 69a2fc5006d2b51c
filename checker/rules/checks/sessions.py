"""sessions: session references (un-drafting.md §3, SES-01..SES-10).

The session finder (``checker/grammar/sessions.py``) classifies every
"... session" phrase and proposes a corrected spelling; these checks decide
which of its problems a rule reports, and add the arithmetic that needs the
whole document: the header's session against the symbol, the resolution
number and the session dates, and a draft asking for a report "at its Nth
session" when N is already past.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Iterator, Optional

from checker.findings import Edit, Fix
from checker.grammar.dates import parse_date, parse_date_range
from checker.grammar.sessions import (SessionRef, find_session_refs, ga_session_window,
                                      hrc_session_for_date, hrc_session_surely_open, int_to_ordinal)
from checker.grammar.symbols import validate_symbol
from checker.model import Document, Node
from checker.rules.checks import CheckHit, register

# Which finder problems each rule reports.
SPELLING = ("misspelled", "unhyphenated", "cardinal", "words-at-or-above-100")
FIGURES = ("figures-below-100",)
CAPITALS = ("capitalized-second-element", "capital-session", "capitalized-ordinal")

_DESCRIBE = {
    "misspelled": "misspelled ordinal",
    "unhyphenated": "compound ordinal without its hyphen",
    "cardinal": "cardinal number where the ordinal belongs",
    "words-at-or-above-100": "sessions from 100 up are written in figures",
    "figures-below-100": "sessions below 100 are written in words",
    "capitalized-second-element": "capital letter after the hyphen",
    "capital-session": "capital 'Session' in running text",
    "capitalized-ordinal": "capital ordinal in running text",
}


def _nodes(doc: Document, ctx) -> list[Node]:
    """The rule's scope, with the header lines first (they hold the session line)."""
    nodes = list(ctx.nodes)
    if doc.header_node is not None and doc.header_node not in nodes:
        nodes.insert(0, doc.header_node)
    return nodes


def _refs(ctx, node: Node) -> list[SessionRef]:
    """The node's session references, found once for all SES rules (``find_session_refs``
    is cached per text, and cheaper than a per-document memo on the many paragraphs
    that do not say "session")."""
    return find_session_refs(node.text)


def _fix(node: Node, ref: SessionRef) -> Optional[Fix]:
    """Replace only what differs between the reference and the suggestion ("61st" of
    "61st session"), when that part of the original is exactly the normalized text
    (no footnote marker in it): a line break after "61st" stays where it is."""
    if ref.suggestion is None:
        return None
    old, new = ref.text, ref.suggestion
    head = 0
    while head < min(len(old), len(new)) and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < min(len(old), len(new)) - head and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    start, end = ref.start + head, ref.end - tail
    span = node.span_of(start, end)
    if end > start and node.tmap.to_original(start) + (end - start) != span.end:
        return None
    return Fix(f"Write '{ref.suggestion}'", (Edit(span, new[head:len(new) - tail]),), safe=True)


def _ref_hits(doc: Document, ctx, problems: tuple[str, ...]) -> Iterator[CheckHit]:
    for node in _nodes(doc, ctx):
        for ref in find_session_refs(node.text):   # _refs without the call: SES001-003 visit every node
            if ref.problem not in problems:
                continue
            if ref.problem == "figures-below-100" and "Session" in ref.text:
                continue  # a title of another organization's records ("69th Regular Session")
            yield CheckHit(node, ref.start, ref.end,
                           {"text": ref.text, "suggestion": ref.suggestion or "",
                            "problem": _DESCRIBE.get(ref.problem, ref.problem)},
                           fix=_fix(node, ref))


@register("sessions.spelling", placeholders=("text", "suggestion", "problem"))
def spelling(doc: Document, params: dict, ctx) -> Iterator[CheckHit]:
    """SES-01: misspelled, unhyphenated or cardinal ordinals; words for 100 and above."""
    yield from _ref_hits(doc, ctx, SPELLING)


@register("sessions.figures", placeholders=("text", "suggestion", "problem"))
def figures(doc: Document, params: dict, ctx) -> Iterator[CheckHit]:
    """SES-02: "61st session" -- figures for a session below 100."""
    yield from _ref_hits(doc, ctx, FIGURES)


@register("sessions.capitals", placeholders=("text", "suggestion", "problem"))
def capitals(doc: Document, params: dict, ctx) -> Iterator[CheckHit]:
    """SES-03: "Twenty-First", "sixty-first Session", and a header line in lower case."""
    yield from _ref_hits(doc, ctx, CAPITALS)
    field = doc.header.fields.get("session")
    if field is not None and field.value[:1].islower() and doc.header.session_kind != "year":
        value = field.value[:1].upper() + field.value[1:]
        yield CheckHit(None, 0, 0, {"text": field.value, "suggestion": value,
                                    "problem": "header line starts in lower case"},
                       fix=Fix(f"Write '{value}'", (Edit(field.span, value),)) if
                       doc.source[field.span.start:field.span.end] == field.value else None,
                       span=field.span, address="HEADER")


# ---------------------------------------------------------------- header arithmetic

def _header_regular(doc: Document) -> Optional[int]:
    """The header's session number, when it is a numbered regular session."""
    h = doc.header
    if h.session is None or h.session_kind not in ("regular", None) or h.session >= 1900:
        return None
    return h.session


def _header_span(doc: Document, name: str = "session"):
    return doc.header.field_span(name) or doc.header.field_span("session") or doc.header.span


@register("sessions.header-symbol", placeholders=("session", "symbol", "symbol_session"))
def header_symbol(doc: Document, params: dict, ctx) -> Iterator[CheckHit]:
    """SES-04: "Thirty-sixth session" over the symbol A/HRC/33/L.28."""
    h = doc.header
    if h.session is None or not h.symbol:
        return
    sym = validate_symbol(h.symbol)
    if h.session_kind == "year" and sym.body == "ECOSOC" and sym.is_draft and sym.year is not None:
        # A draft of the Economic and Social Council's "2026 session" is E/2026/L.n: its
        # symbol carries the session's year. (Resolution symbols are left alone: whether
        # their year is the session's or the calendar year of adoption is not verified.)
        if sym.year != h.session:
            yield CheckHit(None, 0, 0, {"session": h.session_text or str(h.session), "symbol": h.symbol,
                                        "symbol_session": str(sym.year)},
                           span=_header_span(doc, "symbol"), address="HEADER")
        return
    if sym.session is None or sym.session_kind is None:
        return
    kind = "regular" if h.session_kind in (None, "regular") else h.session_kind
    if kind != sym.session_kind or sym.session == h.session:
        return
    yield CheckHit(None, 0, 0, {"session": h.session_text or str(h.session), "symbol": h.symbol,
                                "symbol_session": int_to_ordinal(sym.session)},
                   span=_header_span(doc), address="HEADER")


@register("sessions.header-number", placeholders=("session", "number", "number_session"))
def header_number(doc: Document, params: dict, ctx) -> Iterator[CheckHit]:
    """SES-05: "Fifty-sixth session" over the resolution number "55/..."."""
    session = _header_regular(doc)
    title = doc.title
    if session is None or title is None or title.number_session is None or not title.number:
        return
    if "/" not in title.number or title.number_session == session:
        return  # "2223 (2015)" numbers carry a year, not a session
    if re.match(r"\s*(?:S|ES)-", title.number):
        return  # special-session numbering
    yield CheckHit(title, 0, min(len(title.text), len(title.number) + 1) or len(title.text),
                   {"session": doc.header.session_text or str(session), "number": title.number,
                    "number_session": int_to_ordinal(title.number_session)})


def _dates_of(text: str) -> list[_dt.date]:
    rng = parse_date_range(text)
    if rng is not None:
        return [rng.first, rng.last]
    single = parse_date(text)
    d = single.as_date() if single is not None else None
    return [d] if d is not None else []


@register("sessions.header-dates", placeholders=("session", "dates", "expected"))
def header_dates(doc: Document, params: dict, ctx) -> Iterator[CheckHit]:
    """SES-06: session dates (HRC) or adoption date (GA, HRC) outside the session's period."""
    session = _header_regular(doc)
    body = doc.header.body or doc.body
    if session is None or body not in ("Human Rights Council", "General Assembly"):
        return
    candidates = []
    if doc.header.session_dates:
        candidates.append(("session_dates", doc.header.session_dates))
    if doc.header.adoption_date:
        candidates.append(("adoption_date", doc.header.adoption_date))
    for name, value in candidates:
        try:
            dates = ([_dt.date.fromisoformat(value)] if name == "adoption_date" else _dates_of(value))
        except ValueError:
            continue
        if not dates:
            continue
        if body == "Human Rights Council":
            found = [hrc_session_for_date(d) for d in dates]
            if any(n is None for n in found) or any(n == session for n in found):
                continue
            if session < 7 or min(found) < 7:
                continue  # the irregular first sessions: only the verified spans are known
            expected = f"the {int_to_ordinal(found[0])} session"
        else:
            lo, hi = ga_session_window(session)
            if all(lo <= d <= hi for d in dates):
                continue
            expected = f"{lo.isoformat()} to {hi.isoformat()}"
        span = doc.header.field_span(name) or _header_span(doc)
        yield CheckHit(None, 0, 0, {"session": doc.header.session_text or str(session),
                                    "dates": value, "expected": expected},
                       span=span, address="HEADER")


# ---------------------------------------------------------------- self-references

def current_session(doc: Document) -> Optional[int]:
    """The draft's own regular session: header, else resolution number, else symbol."""
    s = _header_regular(doc)
    if s is not None:
        return s
    if doc.title is not None and doc.title.number_session is not None and doc.title.number and \
            "/" in doc.title.number and not re.match(r"\s*(?:S|ES)-", doc.title.number):
        return doc.title.number_session
    if doc.header.symbol:
        sym = validate_symbol(doc.header.symbol)
        if sym.session is not None and sym.session_kind == "regular":
            return sym.session
    return None


def current_year_session(doc: Document) -> Optional[int]:
    """An Economic and Social Council text's own session year: "2026 session" in the
    header, else the year of its symbol (E/2026/L.14); the Council has named its
    sessions by year since 1978 (§3.1)."""
    h = doc.header
    if h.session is not None and h.session_kind == "year":
        return h.session
    if h.symbol:
        sym = validate_symbol(h.symbol)
        if sym.body == "ECOSOC" and sym.year is not None:
            return sym.year
    return None


_MASTHEAD_NAME = re.compile(r"[A-Z][\w'-]*(?:\s+(?:[A-Z][\w'-]*|on|of|and|for|the|in|against))*")


def header_commission(doc: Document) -> Optional[str]:
    """The subsidiary body whose session the masthead gives: a name on the line just above
    the session line that is not the organ of the masthead ("Commission on the Status of
    Women" / "Seventieth session" under "Economic and Social Council", symbol E/CN.6/...).
    The text it recommends is the parent organ's, but the session is the commission's."""
    h = doc.header
    field = h.fields.get("session")
    if field is None or h.session is None or h.session_kind not in ("regular", None):
        return None
    above = doc.source[max(0, field.span.start - 200):field.span.start].rstrip().rsplit("\n", 1)[-1]
    name = above.strip(" \t*_#")
    if not name or name == (h.body or "") or not _MASTHEAD_NAME.fullmatch(name):
        return None
    if not _ORGAN.search(name) or name in ("General Assembly", "Human Rights Council", "Security Council",
                                           "Economic and Social Council"):
        return None
    return name


# "... at its", "the provisional agenda of its", "to the Assembly at its"
_ITS = re.compile(r"\b(?:at|to|for|by|until|during|before|in|of)\s+its\s+$", re.I)
# Names whose "its" could be meant: the nearest one before "its" owns the session.
_ORGAN = re.compile(r"\b(?:Assembly|Council|Commission|Sub-Commission|Committee|Subcommittee|Conference|Board|"
                    r"Forum|Parties|Group|Convention|Agency|"
                    r"Organization|Meeting|Body|Mechanism|Panel|Programme|Fund|Summit|Tribunal|Court)\b")
_SELF_NAMES = {
    "General Assembly": re.compile(r"(?:General\s+|the\s+)Assembly$"),
    "Human Rights Council": re.compile(r"(?:Human\s+Rights\s+|(?<!Security\s)(?<!Social\s)(?<!Trusteeship\s)the\s+)Council$"),
    "Commission on Human Rights": re.compile(r"(?:Commission\s+on\s+Human\s+Rights|the\s+Commission)$"),
    "Economic and Social Council": re.compile(r"(?:Economic\s+and\s+Social\s+|the\s+)Council$"),
    # not the African Union's "Peace and Security Council"
    "Security Council": re.compile(r"(?:(?<!and\s)Security\s+|the\s+)Council$"),
}


# "Invites the COSP to consider", "Requests UNCTAD to present": an entity addressed by its acronym
_ACRONYM_ADDRESSEE = re.compile(r"\b(?i:invites|requests|encourages|calls\s+upon|urges|asks)\s+(?:also\s+)?"
                                r"(?:the\s+)?[A-Z]{2,}[a-z]?[A-Z]*\b(?:\s+(?:also\s+)?to\b)")


def _owner_is_self(before: str, body: str, implicit: bool = True) -> bool:
    """Is the "its" at the end of ``before`` ``body``'s (the enacting body's, unless
    ``implicit`` is false: then ``body`` must be named)?"""
    if implicit and re.search(r"\bto\s+it\s*,?\s*(?:\S+\s+)?(?:at|by|for|during|before)\s+its\s+$", before):
        return True  # "to report to it at its ..."
    # Persons (the Secretary-General, a Special Rapporteur) are "his/her", never "its".
    organs = list(_ORGAN.finditer(before))
    # "Invites the COSP to consider, at its eleventh session, ...": an addressee known by
    # its acronym, after the last body named in full, owns the "its"
    if _ACRONYM_ADDRESSEE.search(before, organs[-1].end() if organs else 0):
        return False
    if not organs:
        return implicit  # "Decides to include in the provisional agenda of its ..."
    last = organs[-1]
    head = before[max(0, last.start() - 40):last.end()]
    return bool(_self_name(body).search(head))


def _self_name(body: str) -> re.Pattern:
    """How a text names its own body: in full, or "the Commission" by its head noun."""
    known = _SELF_NAMES.get(body)
    if known is not None:
        return known
    head = body.split()[0]
    return re.compile(rf"(?:{re.escape(body).replace(chr(92) + ' ', chr(92) + 's+')}|the\s+{re.escape(head)})$")


# A request or decision about the future in the same clause.
_FUTURE = re.compile(
    r"\b(?:to\s+(?:(?:continue|also|further)\s+(?:to\s+)?)?(?:submit|report|present|consider|include|"
    r"continue|convene|hold|review|examine|take\s+up|revert|provide|brief|reconsider|decide|resume|"
    r"keep|remain|update|inform|transmit|organize|make)\b|provisional\s+agenda\b|report\s+(?:thereon\s+)?to\b"
    r"|(?:to|shall|will)\s+be\s+(?:held|convened|organized|considered|submitted|presented|reviewed)\b)",
    re.I)
# A past event reported in the same phrase: "adopted at its", "held at its" (not "to be held at its").
_PAST = re.compile(
    r"(?<!\bbe\s)\b(?:adopted|held|decided|submitted|presented|considered|endorsed|approved|established|taken|made|"
    r"conducted|convened|launched|agreed|requested|issued|discussed|received|began|begun|initiated|"
    r"started|undertaken|included|contained|recommended|noted|reviewed|examined|elected|appointed)\b"
    r"(?:\s+\S+){0,6}\s+(?:at|during|in)\s+(?:its|the)\s+$"
    r"|\b(?:his|her|their|its|previous|last|earlier)\s+(?:\w+\s+)?reports?\b.{0,80}$", re.I)


def _clause_before(text: str, pos: int, floor: int) -> str:
    start = max(floor, max(text.rfind(c, floor, pos) for c in ";:.") + 1)
    return text[start:pos]


def _clause_after(text: str, pos: int) -> str:
    ends = [i for i in (text.find(c, pos) for c in ";:.") if i >= 0]
    return text[pos:min(ends) if ends else len(text)]


# "during the seventy-ninth session" (no "its"): whose session the words after it say
_THE = re.compile(r"\b(?:at|for|by|until|during|before|in)\s+the\s+$", re.I)
_OF_OWNER = re.compile(r"\s+of\s+((?:the\s+)?[A-Z][\w-]*(?:\s+(?:[A-Z][\w-]*|on|of|and|for))*)")
_THE_REACH = 80
_RECALLED = re.compile(r"\b(?:recall\w*|whereby|by\s+which|in\s+which|as\s+(?:originally\s+)?requested)\b", re.I)
_SESSION_WORD = re.compile(r"\bsessions?\b", re.I)
_AT_ITS = re.compile(r"\bat\s+its\s+$", re.I)
# "Requests the Secretary-General to submit / to present a report / to report to it"
_REPORT_REQUEST = re.compile(r"\brequests\b(?:(?!\brequest)[^;:])*?\bto\s+(?:submit|present|report)\b", re.I)
_REPORT_WORD = re.compile(r"\breport\b", re.I)


def _own_future_ref(text: str, ref: SessionRef, floor: int, body: str, implicit: bool = True) -> bool:
    """Is ``ref`` a session of ``body`` (the enacting body, or a commission named in the
    masthead) in a request or decision about the future? ``implicit``: a bare "its" with
    no organ named before it is ``body``'s."""
    before = text[max(floor, ref.start - 160):ref.start]
    tail = before[-30:]   # the preposition and "its"/"the" (cheaper than all 160)
    if _ITS.search(tail):
        if _PAST.search(before[-120:]):
            return False
        clause = _clause_before(text, ref.start, floor)
        if not _owner_is_self(clause, body, implicit):
            return False
    elif _THE.search(tail):
        # "to convene, during the seventy-ninth session, a meeting": the enacting
        # body's session, unless another organ's name follows ("of the Commission");
        # only right after the request (a recalled decision "to continue the
        # consideration of ... at the seventy-eighth session" is not one)
        if not _FUTURE.search(before[-_THE_REACH:]) or _PAST.search(before[-120:]):
            return False
        clause = _clause_before(text, ref.start, floor)
        if _RECALLED.search(clause):
            return False
        word = _SESSION_WORD.search(text, ref.start)   # "sessions" after companions
        owner = _OF_OWNER.match(text, word.end()) if word is not None else None
        if owner is not None:
            if not _self_name(body).search(owner.group(1)):
                return False
        elif not _owner_is_self(clause, body, implicit):
            return False
    else:
        return False
    return bool(_FUTURE.search(clause))


def _own_session_scopes(doc: Document) -> list[tuple[str, int, tuple[str, ...], bool]]:
    """(body, its current session, the reference forms it uses, bare "its" is it) for
    each body whose sessions the text can schedule: the enacting body and, in the text a
    functional commission recommends to the Economic and Social Council, the commission
    of the masthead (named in full or as "the Commission")."""
    body = doc.body or doc.header.body
    scopes = []
    if body == "Economic and Social Council":
        year = current_year_session(doc)
        if year is not None:
            scopes.append((body, year, ("year",), True))
        commission = header_commission(doc)
        if commission is not None:
            scopes.append((commission, doc.header.session, ("words", "figures"), False))
    elif body in ("General Assembly", "Human Rights Council", "Commission on Human Rights"):
        current = current_session(doc)
        if current is not None and (doc.is_draft or _header_regular(doc) is not None):
            scopes.append((body, current, ("words", "figures"), True))
    elif body and _header_regular(doc) is not None:
        # another body with numbered sessions (the Commission on the Status of Women ...):
        # only its header says which session the text is of
        scopes.append((body, _header_regular(doc), ("words", "figures"), True))
    return scopes


@register("sessions.past-session", placeholders=("text", "current"))
def past_session(doc: Document, params: dict, ctx) -> Iterator[CheckHit]:
    """SES-07: an operative request or decision about "its Nth session" (for the
    Economic and Social Council "its YYYY session") with that session already past."""
    scopes = _own_session_scopes(doc)
    if not scopes:
        return
    for node in ctx.nodes:
        text, floor = node.text, getattr(node, "body_start", 0)
        for ref in _refs(ctx, node):
            if ref.number is None or ref.kind != "regular" or ref.start < floor:
                continue
            for body, current, forms, implicit in scopes:
                if ref.form not in forms or ref.number > current:
                    continue
                if ref.number == current:
                    # The text's own session: only a report requested for it ("Requests the
                    # Secretary-General to submit to it at its eightieth session a report"),
                    # which the session that asks for it cannot also receive (SES-07: N must be
                    # greater). Decisions to consider or hold something during the present
                    # session may be meant, and are left alone; so is the Economic and Social
                    # Council, whose year-named session runs from one July to the next.
                    before = text[max(floor, ref.start - 160):ref.start]
                    if forms == ("year",) or ref.resumed or not _AT_ITS.search(before[-30:]):
                        continue
                    clause = _clause_before(text, ref.start, floor)
                    if (not _REPORT_REQUEST.search(clause)
                            or not _REPORT_WORD.search(clause + _clause_after(text, ref.end))
                            or _PAST.search(before[-120:]) or not _owner_is_self(clause, body, implicit)
                            or not _FUTURE.search(clause)):
                        continue
                elif not _own_future_ref(text, ref, floor, body, implicit):
                    continue
                shown = f"{current}" if forms == ("year",) else int_to_ordinal(current)
                yield CheckHit(node, ref.start, ref.end, {"text": ref.text, "current": shown})
                break


@register("sessions.far-ahead", placeholders=("text", "current", "ahead"))
def far_ahead(doc: Document, params: dict, ctx) -> Iterator[CheckHit]:
    """SES-07 (forward side): a request or decision about the text's own "Nth session"
    further ahead than real texts schedule (option ``max_years``: General Assembly
    texts plan up to ten sessions ahead, "at its eighty-fifth and ninetieth sessions"
    in an eightieth-session text); the Human Rights Council meets three times a year."""
    scopes = [s for s in _own_session_scopes(doc) if s[2] != ("year",)]
    if not scopes:
        return
    max_years = int(params.get("max_years", 10))
    for node in ctx.nodes:
        text, floor = node.text, getattr(node, "body_start", 0)
        for ref in _refs(ctx, node):
            if ref.number is None or ref.kind != "regular" or ref.start < floor:
                continue
            for body, current, forms, implicit in scopes:
                per_year = 3 if body == "Human Rights Council" else 1
                if ref.form not in forms or ref.number - current <= max_years * per_year:
                    continue
                if _own_future_ref(text, ref, floor, body, implicit):
                    yield CheckHit(node, ref.start, ref.end, {"text": ref.text, "current": int_to_ordinal(current),
                                                              "ahead": ref.number - current})
                    break


_ITS_RESUMED = re.compile(r"\b(?:at|to|for|by|until|during|before|in|of)\s+its\s+(?:resumed\s+)?$", re.I)
_SUBSTANTIVE = re.compile(r"\bsubstantive\s+session\s+(?:of|for)\s+((?:19|20)\d\d)\b", re.I)


@register("sessions.ecosoc-substantive", placeholders=("text", "year"))
def ecosoc_substantive(doc: Document, params: dict, ctx) -> Iterator[CheckHit]:
    """SES-10: the Economic and Social Council's own session of 2014 or later called a
    "substantive session of YYYY" (a name it dropped with its 2013 reform: "2026 session").
    Only the Council's own texts: General Assembly texts keep the old name for the
    humanitarian affairs segment ("at its substantive session of 2023", A/RES/78/119)."""
    if (doc.body or doc.header.body) != "Economic and Social Council":
        return
    since = int(params.get("since", 2014))
    h = doc.header
    if h.session_kind == "substantive" and h.session is not None and h.session >= since:
        yield CheckHit(None, 0, 0, {"text": h.session_text or "", "year": h.session},
                       span=_header_span(doc), address="HEADER")
    for node in ctx.nodes:
        text = node.text
        if "ubstantive" not in text:
            continue
        floor = getattr(node, "body_start", 0)
        for m in _SUBSTANTIVE.finditer(text):
            year = int(m.group(1))
            if year < since:
                continue
            before = text[max(floor, m.start() - 160):m.start()]
            # "at its substantive session of 2026", "to the Council at its ...": the Council's own
            if not _ITS_RESUMED.search(before[-40:]) or not _owner_is_self(
                    _clause_before(text, m.start(), floor), "Economic and Social Council"):
                continue
            yield CheckHit(node, m.start(), m.end(), {"text": m.group(0), "year": year})


# ---------------------------------------------------------------- body-specific

# "the Council at its eightieth session", "the Council's eightieth session"
_SC_BEFORE = re.compile(r"\b(?:Security\s+)?Council(?:(?:'s|\u2019s)?\s*,?\s*(?:at|during|in)\s+its|'s|\u2019s)\s+(?:resumed\s+)?$")
_SC_AFTER = re.compile(r"^\s+of\s+the\s+Security\s+Council\b")


@register("sessions.security-council", placeholders=("text",))
def security_council(doc: Document, params: dict, ctx) -> Iterator[CheckHit]:
    """SES-09: a numbered session attributed to the Security Council, which holds meetings.
    In the Council's own texts a bare "its" can be the Council's; in other organs' texts
    only the Council named in full ("by the Security Council at its seventy-ninth session")."""
    own = (doc.body or doc.header.body) == "Security Council"
    for node in ctx.nodes:
        text = node.text
        if not own and "Security" not in text:
            continue
        floor = getattr(node, "body_start", 0)
        for ref in _refs(ctx, node):
            if ref.number is None or ref.form == "year":
                continue
            before = text[max(0, ref.start - 60):ref.start]
            m = _SC_BEFORE.search(before)
            if m and "Council" in m.group(0) and (own or "Security" in m.group(0)) and not re.search(
                    r"(?:Economic\s+and\s+Social|Trusteeship|Human\s+Rights|Peace\s+and\s+Security)\s+Council",
                    before[max(0, m.start() - 30):m.end()]):
                yield CheckHit(node, ref.start, ref.end, {"text": ref.text})
            elif _SC_AFTER.match(text[ref.end:ref.end + 40]):
                yield CheckHit(node, ref.start, ref.end, {"text": ref.text})
            elif own and _ITS.search(before):
                # "Decides to review the mandate at its eighty-first session", "the statement
                # of its President adopted at its 9912th session": no other organ owns the
                # "its", so it is the Council's own, and the Council has no sessions.
                clause = _clause_before(text, ref.start, floor)
                if (_FUTURE.search(clause) or _PAST.search(before)) and _owner_is_self(clause, "Security Council"):
                    yield CheckHit(node, ref.start, ref.end, {"text": ref.text})


_ECOSOC_SELF = re.compile(r"\bCouncil\s*,?\s*(?:at|during|in)\s+its\s+$")


@register("sessions.ecosoc-ordinal", placeholders=("text", "year"))
def ecosoc_ordinal(doc: Document, params: dict, ctx) -> Iterator[CheckHit]:
    """SES-10: ECOSOC texts since 1978 name their sessions by year, not by ordinal."""
    if (doc.body or doc.header.body) != "Economic and Social Council":
        return
    year = current_year_session(doc)
    if year is None or year < int(params.get("since", 1978)):
        return
    h = doc.header
    if h.session is not None and h.session_kind in ("regular", None) and h.session < 1900 \
            and header_commission(doc) is None:   # not a functional commission's session line
        span = _header_span(doc)
        yield CheckHit(None, 0, 0, {"text": h.session_text or "", "year": year}, span=span, address="HEADER")
    for node in ctx.nodes:
        text = node.text
        floor = getattr(node, "body_start", 0)
        for ref in _refs(ctx, node):
            if ref.number is None or ref.form != "words":
                continue
            before = text[max(0, ref.start - 60):ref.start]
            if _ECOSOC_SELF.search(before):
                if not re.search(r"(?:Security|Trusteeship|Human\s+Rights)\s+Council\s*,?\s*(?:at|during|in)\s+its\s+$",
                                 before):
                    yield CheckHit(node, ref.start, ref.end, {"text": ref.text, "year": year})
                continue
            # "Decides to consider at its sixty-first session": the Council's own future
            # session (no other organ owns the "its"), which cannot have an ordinal name.
            # A past event ("adopted at its forty-fourth session") may be a pre-1978 session.
            if not _ITS.search(before) or _PAST.search(before):
                continue
            clause = _clause_before(text, ref.start, floor)
            if _FUTURE.search(clause) and _owner_is_self(clause, "Economic and Social Council"):
                yield CheckHit(node, ref.start, ref.end, {"text": ref.text, "year": year})


# ---------------------------------------------------------------- cross-body (SES-08)

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")
# The General Assembly named as the owner of the "its": "to the General Assembly at its ...".
# "to the General Assembly at its", "to the General Assembly, starting at its"
_GA_ITS = re.compile(r"\b(?:General\s+Assembly|the\s+Assembly)\s*,?\s*(?:(?:starting|beginning|commencing|annually|"
                     r"each\s+year)\s+)?(?:at|to|for|by|until|during|before|in|from)\s+its\s+$")
_GA_AFTER = re.compile(r"\s+of\s+the\s+General\s+Assembly\b")


def _iso_day(iso: Optional[str]) -> Optional[_dt.date]:
    try:
        return _dt.date.fromisoformat(iso) if iso else None
    except ValueError:
        return None


def _text_date(doc: Document) -> Optional[tuple[_dt.date, str]]:
    """The earliest date the text can be of, and how to name it: its adoption date, else
    the later of its issue date (a draft exists from then on) and the first day of its
    session dates, else (Human Rights Council, from the seventh session) the first day of
    its session's slot month (§3.3)."""
    for iso in ((doc.closing.date if doc.closing is not None else None), doc.header.adoption_date):
        d = _iso_day(iso)
        if d is not None:
            return d, f"{d.day} {_MONTHS[d.month - 1]} {d.year}"
    issued = doc.header.fields.get("issue_date")
    known = [d for d in [_iso_day(issued.value if issued else None),
                         min(_dates_of(doc.header.session_dates or ""), default=None)] if d is not None]
    if known:
        d = max(known)
        return d, f"{d.day} {_MONTHS[d.month - 1]} {d.year}"
    if (doc.body or doc.header.body) == "Human Rights Council":
        n = current_session(doc)
        if n is not None and n >= 7:
            year, slot = 2008 + (n - 7) // 3, (n - 7) % 3
            month = (2, 6, 9)[slot]   # late February, June, September
            return _dt.date(year, month, 1), f"{('March', 'June', 'September')[slot]} {year}"
    return None


def _ga_open_session(d: _dt.date) -> int:
    """The General Assembly session surely open on ``d``: a session opens on a Tuesday in
    the third week of September (as late as the 18th), so until then the previous one."""
    return d.year - 1945 if (d.month, d.day) > (9, 18) else d.year - 1946


@register("sessions.ga-session-closed", placeholders=("text", "open", "date"))
def ga_session_closed(doc: Document, params: dict, ctx) -> Iterator[CheckHit]:
    """SES-08: another body (the Human Rights Council) asks for something to go to the
    General Assembly "at its Nth session" when that session had closed by the text's date."""
    body = doc.body or doc.header.body
    if not body or body == "General Assembly":
        return   # the Assembly's own sessions are SES007's
    when = _text_date(doc)
    if when is None:
        return
    day, shown = when
    open_n = _ga_open_session(day)
    for node in ctx.nodes:
        text = node.text
        floor = getattr(node, "body_start", 0)
        for ref in _refs(ctx, node):
            if ref.number is None or ref.form not in ("words", "figures") or ref.kind != "regular":
                continue
            if ref.number >= open_n:
                continue
            before = text[max(floor, ref.start - 160):ref.start]
            # "to the Council and to the General Assembly, starting at its sixty-second session and at
            # its eightieth session, respectively": the sessions follow the organs in order.
            paired = _RESPECTIVELY.search(text[ref.end:ref.end + 120].split(";")[0]) is not None
            if paired or not (_GA_ITS.search(before) or (_THE.search(before) and _GA_AFTER.match(text, ref.end))):
                # "to the Council and to the General Assembly, at its sixty-second session and
                # at its seventy-ninth session, respectively"
                listed = _respectively_owner(text, ref, floor) if _ITS.search(before[-30:]) else None
                if listed is None or _organ_key(listed) not in ("General Assembly", "Assembly"):
                    continue
            if _PAST.search(before[-120:]):
                continue
            if not _FUTURE.search(_clause_before(text, ref.start, floor)):
                continue
            yield CheckHit(node, ref.start, ref.end, {"text": ref.text, "open": int_to_ordinal(open_n),
                                                      "date": shown})


# ---------------------------------------------------------------- other bodies' past sessions (SES-07/08)

# The name before "at its": "the Commission", "the Committee on Information", "the Human Rights Council".
_ORGAN_WORDS = _ORGAN.pattern[5:-3]
_NAMED_ITS = re.compile(r"\b((?:[A-Z][\w'-]*\s+){0,4}(?:" + _ORGAN_WORDS + r")(?:\s+(?:on|of|and|for|against)"
                        r"(?:\s+the)?\s+[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,3}){0,3})\s*,?\s*(?:at|to|for|by|until|during|before|in)"
                        r"\s+its\s+$")
_HELD_AFTER = re.compile(r",?\s+(?:held|which\s+(?:was\s+)?held|that\s+took\s+place)\b")
_FULL_COUNCIL = re.compile(r"\b(Human\s+Rights|Security|Economic\s+and\s+Social|Trusteeship)\s+Council\b")
_RESPECTIVELY = re.compile(r"\brespectively\b")
_LISTED_ORGAN = re.compile(r"\bthe\s+((?:[A-Z][\w'-]*\s+){0,4}(?:" + _ORGAN_WORDS + r"))\b")


def _organ_key(name: str) -> str:
    """One key per way of naming a body: "Commission" for "the Commission"."""
    return re.sub(r"\s+", " ", re.sub(r"^(?:the\s+)", "", name.strip()))


def _respectively_owner(text: str, ref: SessionRef, floor: int) -> Optional[str]:
    """"to the Council and to the General Assembly, starting at its sixty-second session
    and at its seventy-ninth session, respectively": the k-th "its ... session" of the
    clause belongs to the k-th body named before the first of them."""
    after = _clause_after(text, ref.end)
    if not _RESPECTIVELY.search(after):
        return None
    clause = _clause_before(text, ref.start, floor)
    its = [m.start() for m in re.finditer(r"\bits\s+", clause)]
    if not its:
        return None
    organs = [m.group(1) for m in _LISTED_ORGAN.finditer(clause, 0, its[0])]
    later = len(re.findall(r"\bits\s+(?:[\w-]+\s+)?sessions?\b", after))
    total = len(its) + later
    if len(organs) != total or total < 2:
        return None
    return organs[len(its) - 1]


def _closed_refs(doc: Document, ctx) -> Iterator[tuple[Node, SessionRef, str, bool]]:
    """Forward-looking references to another body's session, with the name of the body
    that owns the "its" and whether the name came from a "respectively" list."""
    for node in ctx.nodes:
        text = node.text
        if "ession" not in text:
            continue
        floor = getattr(node, "body_start", 0)
        for ref in _refs(ctx, node):
            if ref.number is None or ref.form not in ("words", "figures") or ref.kind != "regular" \
                    or ref.start < floor:
                continue
            before = text[max(floor, ref.start - 160):ref.start]
            if not _ITS.search(before[-30:]) or _PAST.search(before[-120:]):
                continue
            clause = _clause_before(text, ref.start, floor)
            if not _FUTURE.search(clause):
                continue
            listed = _respectively_owner(text, ref, floor)
            if listed is not None:
                yield node, ref, listed, True
                continue
            m = _NAMED_ITS.search(before, max(0, len(before) - 100))
            if m is not None:
                yield node, ref, m.group(1), False
                continue
            # "Requests the Council to consider, at its fifty-seventh session, ...": the
            # last body named in the clause owns the "its" (as in _owner_is_self)
            named = list(_LISTED_ORGAN.finditer(clause))
            if named and not _ACRONYM_ADDRESSEE.search(clause, named[-1].end()):
                yield node, ref, named[-1].group(1), False


def _known_held(doc: Document, ctx) -> dict[str, int]:
    """The latest session of each named body that the text records as held ("the
    deliberations of the Commission at its thirty-fourth session, held in Vienna",
    "adopted by the Committee at its forty-seventh session"), preamble included."""
    held: dict[str, int] = {}
    for node in doc.paragraphs():
        text = node.text
        if "ession" not in text:
            continue
        for ref in _refs(ctx, node):
            if ref.number is None or ref.form not in ("words", "figures") or ref.kind != "regular":
                continue
            before = text[max(0, ref.start - 160):ref.start]
            m = _NAMED_ITS.search(before, max(0, len(before) - 100))
            if m is None or not (_PAST.search(before[-120:]) or _HELD_AFTER.match(text, ref.end)):
                continue
            key = _organ_key(m.group(1))
            held[key] = max(held.get(key, 0), ref.number)
    return held


def _council_named(doc: Document, node: Node, pos: int) -> Optional[str]:
    """The Council a bare "the Council" stands for: the last one named in full before it."""
    last = None
    for n in doc.text_nodes(annexes=False):
        text = n.text if n is not node else node.text[:pos]
        for m in _FULL_COUNCIL.finditer(text):
            last = re.sub(r"\s+", " ", m.group(0))
        if n is node:
            break
    return last


@register("sessions.other-session-closed", placeholders=("text", "organ", "why"))
def other_session_closed(doc: Document, params: dict, ctx) -> Iterator[CheckHit]:
    """SES-07/08 for other bodies: a request or decision about another body's "Nth
    session" when that session was already over: a Human Rights Council session (three a
    year from the seventh, §3.3) before the text's date, or a body's session earlier than
    one the text itself records as held."""
    body = doc.body or doc.header.body or ""
    when = _text_date(doc)
    held = None
    for node, ref, name, _listed in _closed_refs(doc, ctx):
        key = _organ_key(name)
        if key in ("General Assembly", "Assembly") or (body and _self_name(body).search(name)):
            continue   # the Assembly's sessions are SES010's, the text's own body's SES007's
        organ = key
        if key == "Council":
            organ = _council_named(doc, node, ref.start) or key
        if organ == "Human Rights Council":
            if body == organ or when is None:
                continue
            opened = hrc_session_surely_open(ref.number + 1)
            if opened is None or opened > when[0]:
                continue
            why = f"the {int_to_ordinal(ref.number + 1)} session had opened by {when[1]}"
        else:
            if held is None:
                held = _known_held(doc, ctx)
            latest = held.get(key)
            if latest is None or ref.number >= latest:
                continue
            why = f"the text records its {int_to_ordinal(latest)} session as held"
        yield CheckHit(node, ref.start, ref.end, {"text": ref.text, "organ": organ, "why": why})


# "resolution 61/295 of 13 September 2007, adopted at its sixty-second session": what lies
# between the citation (with its date) and the session reference.
# "..., adopted at its", "..., adopted by the General Assembly at its", "..., adopted at the high-level
# meeting held during its" (no other citation, clause or sentence between).
_ADOPTED_AT_ITS = re.compile(r"^\s*,?\s*(?:which\s+was\s+|as\s+)?adopted\b[^;.()]{0,60}?\b(?:at|during|in)\s+(?:its|the)\s+$")


@register("sessions.cited-resolution-session", placeholders=("number", "text", "expected"))
def cited_resolution_session(doc: Document, params: dict, ctx) -> Iterator[CheckHit]:
    """SES-11: a resolution numbered by session ("61/295") said to be adopted at another session."""
    cited: dict[int, tuple[Node, list]] = {}
    for node, c, _body in ctx.resolution.citations:
        if c.form == "session" and c.session is not None and c.session_kind == "regular":
            cited.setdefault(id(node), (node, []))[1].append(c)
    for node, citations in cited.values():
        if "adopted" not in node.text:
            continue
        for ref in _refs(ctx, node):
            if ref.number is None or ref.kind != "regular" or ref.form == "year":
                continue
            before = [c for c in citations if c.full_end <= ref.start]
            if not before:
                continue
            c = max(before, key=lambda c: c.full_end)
            between = node.text[c.full_end:ref.start]
            if len(between) > 100 or not _ADOPTED_AT_ITS.match(between) or ref.number == c.session:
                continue
            yield CheckHit(node, ref.start, ref.end, {"number": c.number, "text": ref.text,
                                                      "expected": int_to_ordinal(c.session) + " session"})
