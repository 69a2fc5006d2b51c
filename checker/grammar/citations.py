"""Resolution and decision citations in running text (§5 of the drafting spec).

A compiled regex finds each "resolution(s)/decision(s) <digit>" candidate; the
pyparsing ``citation`` grammar then parses only that candidate: the list of
numbers with their "of <date>" clauses. The body ("General Assembly", "its",
"Council", ...) is read from the words just before the candidate.
"""

from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass, replace
from typing import Optional

import pyparsing as pp

from checker.grammar.dates import DateMatch, MONTH_NUMBER, make_date_match
from checker.grammar.symbols import roman_to_int

__all__ = [
    "Citation", "find_citations", "resolve_body", "roman_to_int", "citation",
    "resolution_number", "BODIES",
]

# --------------------------------------------------------------------------
# pyparsing grammar
# --------------------------------------------------------------------------

# Letters after a number: "A", "A and B", "A to E"; a capital that starts the
# next sentence word ("60/251 A new ...") is not a letter.
def _letter(tag: str) -> str:
    return (rf"(?:\s?(?P<{tag}_letter>[A-Z](?:\s(?:and|to)\s[A-Z])?)(?![\w/-])"
            r"(?!\s+(?!(?:of|and|to|both|all|in|on|adopted|entitled|as|which|were|was|is|are|"
            r"concerning|whereby|by|annex|section|paragraph)\b)[a-z]))?")


def _serial(tag: str) -> str:
    return rf"(?P<{tag}_serial>[1-9]\d{{0,3}})(?![\d/])"


# 217 A (III), 3411 A and B (XXX), 3362 (S-VII), 1296 (XLIV)
LEGACY_NUMBER = (r"(?P<lg_serial>[1-9]\d{0,3})(?:\s?(?P<lg_letter>[A-Z](?:\s(?:and|to)\s[A-Z])?))?\s?"
                 r"\((?P<lg_sp>S-|ES-)?(?P<lg_roman>[IVXL]+)\)")
SC_NUMBER = r"(?P<sc_serial>[1-9]\d{0,3})\s?\((?P<sc_year>(?:19|20)\d\d)\)"           # 1325 (2000)
YEAR_NUMBER = r"(?P<yr_year>(?:19|20)\d\d)/" + _serial("yr") + _letter("yr")         # 2004/81
SPECIAL_NUMBER = r"(?P<sp_sp>E?S)-(?P<sp_session>[1-9]\d?)/" + _serial("sp") + _letter("sp")  # S-8/1
SESSION_NUMBER = r"(?P<ss_session>[1-9]\d{0,2})/" + _serial("ss") + _letter("ss")    # 60/251
RESOLUTION_NUMBER = (rf"(?P<num>{LEGACY_NUMBER}|{SC_NUMBER}|{YEAR_NUMBER}|"
                     rf"{SPECIAL_NUMBER}|{SESSION_NUMBER})")
# "Security Council resolution 2223 of 28 May 2015": a Council number without its
# year. Read only after the words "Security Council" (elsewhere a bare number may be
# anything: "resolution 5 of the Conference"), so that CIT008 can report it.
BARE_NUMBER = (r"(?P<bn_serial>[1-9]\d{0,3})(?![\d/]|\s?\()"
               r"(?=\s*[,;.:)]|\s*$|\s+(?:of|on|and|adopted|entitled|concerning|in|which|to|by)\b)")
SC_RESOLUTION_NUMBER = RESOLUTION_NUMBER[:-1] + rf"|{BARE_NUMBER})"
DATE_CLAUSE = (rf"\s+(?:(?P<shared>both|all)\s+)?of\s+"
               rf"(?P<date>(?P<d>\d{{1,2}})\s+(?P<m>{'|'.join(MONTH_NUMBER)})\s+(?P<y>\d{{4}}))(?!\d)")

# Each element is one regex so that pyparsing does little work per number;
# ``as_match`` keeps the match object, whose group offsets give the spans.
resolution_number = pp.Regex(RESOLUTION_NUMBER).set_name("resolution number")
cited_item = pp.Regex(RESOLUTION_NUMBER + rf"(?:{DATE_CLAUSE})?", as_match=True).set_name("cited item")
kind_word = pp.Regex(r"(?i:resolutions?|decisions?)\b").set_name("kind word")
list_separator = pp.Regex(r",(?:\s*and\b)?|and\b|as well as\b").set_name("list separator")
citation = (kind_word("kind")
            + cited_item + pp.ZeroOrMore(list_separator.suppress() + cited_item)
            ).set_name("citation")
sc_cited_item = pp.Regex(SC_RESOLUTION_NUMBER + rf"(?:{DATE_CLAUSE})?", as_match=True).set_name("Council cited item")
sc_citation = (kind_word("kind")
               + sc_cited_item + pp.ZeroOrMore(list_separator.suppress() + sc_cited_item)
               ).set_name("Security Council citation")


# --------------------------------------------------------------------------
# Results
# --------------------------------------------------------------------------

BODIES = ("General Assembly", "Human Rights Council", "Commission on Human Rights",
          "Economic and Social Council", "Security Council", "Sub-Commission")


@dataclass(frozen=True, slots=True)
class Citation:
    """One cited resolution/decision number (a list yields one per number)."""

    start: int                      # span of the number itself
    end: int
    full_start: int                 # whole phrase: body, kind word, numbers, dates
    full_end: int
    text: str                       # the number as written
    kind: str                       # "resolution" | "decision"
    number: str                     # normalized: "60/251", "217 A (III)", "1325 (2000)", "S-8/1"
    form: str                       # session | year | sc | legacy | special | emergency | bare
    session: Optional[int]
    session_kind: Optional[str]     # regular | special | emergency special (None for year/sc forms)
    year: Optional[int]
    serial: int
    letter: Optional[str]
    body_text: Optional[str]        # as written: "General Assembly", "its", "Council", ...
    body_inherited: bool            # body_text taken from the previous citation of the list
    date: Optional[DateMatch]
    date_shared: bool               # the date is written once for several numbers
    is_paragraph_ref: bool          # "paragraph 5 of ... resolution 49/214"


# --------------------------------------------------------------------------
# Finder
# --------------------------------------------------------------------------

_CANDIDATE = re.compile(r"(?<![\w-])(?i:resolutions?|decisions?)\s+(?=(?:E?S-)?\d{1,4}(?:/\d|\s?\(|\s?[A-Z](?:\s(?:and|to)\s[A-Z])?\s?\())")
# The same after "Security Council " with a number that is none of the above (no year).
_SC_BODY = "Security Council "
_SC_BARE_CANDIDATE = re.compile(r"(?<=Security Council )(?i:resolutions?)\s+(?=[1-9]\d{0,3}(?![\d/]|\s?\(|\s?[A-Z]\b))")
_BODY_BACK = re.compile(
    r"(?<![\w-])(?P<body>General Assembly|Human Rights Council|Commission on Human Rights|"
    r"Economic and Social Council|Security Council|"
    r"Sub-Commission(?: on (?:the )?[A-Z][\w ,]*?)?|Council|Commission|Assembly|[Ii]ts)"
    r"(?:\s+(?:previous|relevant|earlier|subsequent|other|own|related|recent|all|the|most|"
    r"latest|various|prior|pertinent|former|first|second|third|last))*\s+$")
_PARA_BACK = re.compile(
    r"(?<![\w-])(?i:(?:sub)?paragraphs?|sections?|parts?|annex(?:es)?|chapters?)\s+"
    r"[\w().,\u2013 -]{0,40}?\s+(?:of|to|in)\s+(?:the\s+)?$")
_LOOKBACK = 120
_MAX_PHRASE = 2000
_JOIN_RE = re.compile(r"\s*(?:,\s*)?(?:and\s+|as well as\s+)?(?:in\s+)?")


def _number_fields(m: re.Match[str]) -> tuple[str, str, Optional[int], Optional[str], Optional[int], int, Optional[str]]:
    """(normalized, form, session, session_kind, year, serial, letter) of a matched number."""
    def letter_of(tag: str) -> Optional[str]:
        v = m.group(f"{tag}_letter")
        return " ".join(v.split()) if v else None

    if m.group("lg_serial"):
        serial, letter, sp = int(m["lg_serial"]), letter_of("lg"), m["lg_sp"] or ""
        lt = f" {letter}" if letter else ""
        kind = {"S-": "special", "ES-": "emergency special"}.get(sp, "regular")
        return (f"{serial}{lt} ({sp}{m['lg_roman']})", "legacy", roman_to_int(m["lg_roman"]), kind,
                None, serial, letter)
    if "bn_serial" in m.re.groupindex and m["bn_serial"]:
        serial = int(m["bn_serial"])
        return str(serial), "bare", None, None, None, serial, None
    if m.group("sc_serial"):
        serial, yr = int(m["sc_serial"]), int(m["sc_year"])
        return f"{serial} ({yr})", "sc", None, None, yr, serial, None
    if m.group("yr_serial"):
        serial, yr, letter = int(m["yr_serial"]), int(m["yr_year"]), letter_of("yr")
        return f"{yr}/{serial}" + (f" {letter}" if letter else ""), "year", None, None, yr, serial, letter
    if m.group("sp_serial"):
        serial, sess, letter, sp = int(m["sp_serial"]), int(m["sp_session"]), letter_of("sp"), m["sp_sp"]
        form, kind = ("special", "special") if sp == "S" else ("emergency", "emergency special")
        return f"{sp}-{sess}/{serial}" + (f" {letter}" if letter else ""), form, sess, kind, None, serial, letter
    serial, sess, letter = int(m["ss_serial"]), int(m["ss_session"]), letter_of("ss")
    return f"{sess}/{serial}" + (f" {letter}" if letter else ""), "session", sess, "regular", None, serial, letter


def _phrase_at(text: str, kstart: int, grammar: pp.ParserElement = citation) -> Optional[tuple[str, list[re.Match[str]]]]:
    """(kind word, item matches) of the citation starting at ``kstart``; offsets relative to it."""
    chunk = text[kstart:kstart + _MAX_PHRASE]
    try:
        res = grammar.parse_string(chunk)
    except pp.ParseBaseException:
        return None
    return res["kind"], list(res)[1:]


@lru_cache(maxsize=1024)  # the same paragraph across rules and across an editor's runs
def find_citations(text: str) -> list[Citation]:
    """Every cited resolution/decision number with its body, date and phrase span.

    The list is shared between callers: do not modify it."""
    out: list[Citation] = []
    prev_phrase_end = -1
    prev_body: Optional[str] = None
    prev_items: list[int] = []          # indexes in ``out`` of the previous phrase
    starts = [m.start() for m in _CANDIDATE.finditer(text)]
    council = _SC_BODY in text
    if council:
        starts = sorted(starts + [m.start() for m in _SC_BARE_CANDIDATE.finditer(text)])
    for kstart in starts:
        if kstart < prev_phrase_end:
            continue
        sc = council and text.endswith(_SC_BODY, 0, kstart)
        parsed = _phrase_at(text, kstart, sc_citation if sc else citation)
        if parsed is None:
            continue
        kind_text, matches = parsed
        kind = kind_text.lower().rstrip("s")

        window_lo = max(0, kstart - _LOOKBACK)
        window = text[window_lo:kstart]
        bm = _BODY_BACK.search(window)
        full_start = kstart
        body_text: Optional[str] = None
        if bm:
            body_text = bm["body"]
            if body_text == "Its":
                body_text = "its"
            full_start = window_lo + bm.start()
        joined = (prev_phrase_end >= 0 and prev_phrase_end <= full_start
                  and _JOIN_RE.fullmatch(text, prev_phrase_end, full_start) is not None)
        inherited = False
        if body_text is None and joined and prev_body is not None:
            body_text, inherited = prev_body, True
        pwin_lo = max(0, full_start - 80)
        is_para = _PARA_BACK.search(text, pwin_lo, full_start) is not None

        if sc and len(matches) > 1 and matches[-1]["bn_serial"] and not matches[-1]["date"] and \
                text[kstart + matches[-2].end():kstart + matches[-1].start()].strip() == ",":
            matches.pop()   # "resolutions 530 (1983) and 562 (1985), 86": a footnote marker, not a number
        raw: list[list] = []        # [number span, fields, date, shared]
        pending: list[int] = []
        for im in matches:
            date: Optional[DateMatch] = None
            shared = False
            if im.group("date"):
                ds, de = kstart + im.start("date"), kstart + im.end("date")
                date = make_date_match(ds, de, int(im["d"]), MONTH_NUMBER[im["m"]], int(im["y"]), text[ds:de])
                shared = im.group("shared") is not None
            raw.append([kstart + im.start("num"), kstart + im.end("num"), _number_fields(im), date, shared])
            if date is None:
                pending.append(len(raw) - 1)
            else:
                if pending:     # "5/1 and 5/2 of 18 June 2007": the date covers the group
                    for k in pending:
                        raw[k][3], raw[k][4] = date, True
                    raw[-1][4] = True
                pending = []
        phrase_end = max(max(r[1] for r in raw), max((r[3].end for r in raw if r[3] is not None), default=0))
        items = [Citation(ns, ne, full_start, phrase_end, text[ns:ne], kind, f[0], f[1], f[2], f[3],
                          f[4], f[5], f[6], body_text, inherited, d, sh, is_para)
                 for ns, ne, f, d, sh in raw]
        # "its resolution 68/247 A and its resolution 68/248 A both of 27 December 2013"
        if joined and items and items[0].date_shared and items[0].date is not None:
            first_shared = items[0].date
            for k in prev_items:
                if out[k].date is None:
                    out[k] = replace(out[k], date=first_shared, date_shared=True)
        base = len(out)
        out.extend(items)
        prev_items = list(range(base, len(out)))
        prev_phrase_end = phrase_end
        prev_body = body_text
    return out


# --------------------------------------------------------------------------
# Body resolution
# --------------------------------------------------------------------------

_BODY_ALIASES = {
    "GA": "General Assembly", "HRC": "Human Rights Council", "CHR": "Commission on Human Rights",
    "ECOSOC": "Economic and Social Council", "SC": "Security Council",
    "SUB-COMMISSION": "Sub-Commission",
}


def _canonical_body(name: Optional[str]) -> Optional[str]:
    if name is None:
        return None
    if name in BODIES:
        return name
    if name.startswith("Sub-Commission"):
        return "Sub-Commission"
    return _BODY_ALIASES.get(name.upper())


def resolve_body(citation: Citation, enacting_body: Optional[str]) -> Optional[str]:
    """The body that adopted the cited text, or None when it cannot be told.

    ``enacting_body`` is the body of the text being checked (a name of
    ``BODIES`` or GA/HRC/CHR/ECOSOC/SC). Self-citations ("its", "Council",
    "Commission") resolve to the enacting body only where that is consistent;
    "Council" in a General Assembly text is ambiguous.
    """
    enacting = _canonical_body(enacting_body)
    bt = citation.body_text
    if bt is None:
        return None
    named = _canonical_body(bt)
    if named is not None:
        return named
    if bt.lower() == "its":
        return enacting
    if bt == "Assembly":
        return "General Assembly"
    if bt == "Council":
        if enacting in ("Human Rights Council", "Economic and Social Council", "Security Council"):
            return enacting
        if enacting in ("Commission on Human Rights", "Sub-Commission"):
            return "Economic and Social Council"   # the Commission's parent body
        return None
    if bt == "Commission":
        if enacting in ("Commission on Human Rights", "Sub-Commission"):
            return "Commission on Human Rights"
        return None
    return None
