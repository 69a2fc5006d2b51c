"""Resolution and decision citations in running text (§5 of the drafting spec).

A compiled regex finds each "resolution(s)/decision(s) <digit>" candidate; the
``citation`` grammar then parses only that candidate: the list of numbers with
their "of <date>" clauses. The body ("General Assembly", "its", "Council", ...)
is read from the words just before the candidate.

The grammar is written with pyparsing (``citation``, ``sc_citation``, built on
first use), but the finder runs the same token regexes in a plain loop
(``_phrase_at``): pyparsing's per-call overhead was most of the time of CIT008.
"""

from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass, replace
from typing import Any, Optional

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

KIND_WORD = r"(?i:resolutions?|decisions?)\b"
LIST_SEPARATOR = r",(?:\s*and\b)?|and\b|as well as\b"
CITED_ITEM = RESOLUTION_NUMBER + rf"(?:{DATE_CLAUSE})?"
SC_CITED_ITEM = SC_RESOLUTION_NUMBER + rf"(?:{DATE_CLAUSE})?"


@lru_cache(maxsize=None)
def _grammar() -> dict[str, Any]:
    """The pyparsing elements, built on first use (importing this module stays cheap).

    Each element is one regex so that pyparsing does little work per number;
    ``as_match`` keeps the match object, whose group offsets give the spans."""
    import pyparsing as pp

    kind_word = pp.Regex(KIND_WORD).set_name("kind word")
    list_separator = pp.Regex(LIST_SEPARATOR).set_name("list separator")
    cited_item = pp.Regex(CITED_ITEM, as_match=True).set_name("cited item")
    sc_cited_item = pp.Regex(SC_CITED_ITEM, as_match=True).set_name("Council cited item")
    return {
        "resolution_number": pp.Regex(RESOLUTION_NUMBER).set_name("resolution number"),
        "cited_item": cited_item, "kind_word": kind_word, "list_separator": list_separator,
        "citation": (kind_word("kind") + cited_item
                     + pp.ZeroOrMore(list_separator.suppress() + cited_item)).set_name("citation"),
        "sc_cited_item": sc_cited_item,
        "sc_citation": (kind_word("kind") + sc_cited_item
                        + pp.ZeroOrMore(list_separator.suppress() + sc_cited_item)
                        ).set_name("Security Council citation"),
    }


def __getattr__(name: str) -> Any:
    """``citation``, ``resolution_number``, ...: the pyparsing elements, built lazily."""
    if name in ("resolution_number", "cited_item", "kind_word", "list_separator", "citation",
                "sc_cited_item", "sc_citation"):
        return _grammar()[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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

@lru_cache(maxsize=None)
def _rx() -> dict[str, re.Pattern[str]]:
    """The finder's compiled regexes, compiled on first use."""
    return {
        # "(?<![\w-])(?i:resolutions?|decisions?)" with the first letter as a class, so that
        # ``re`` can skip to an r/R/d/D (2x faster): the same matches, since under IGNORECASE
        # only the ASCII r, R, d, D match "r" and "d", and "[rR](?<![\w-][rR])" is
        # "(?<![\w-])[rR]".
        "candidate": re.compile(
            r"[rRdD](?:(?<=[rR])(?<![\w-][rR])(?i:esolutions?)|(?<=[dD])(?<![\w-][dD])(?i:ecisions?))\s+"
            r"(?=(?:E?S-)?\d{1,4}(?:/\d|\s?\(|\s?[A-Z](?:\s(?:and|to)\s[A-Z])?\s?\())"),
        # The same after "Security Council " with a number that is none of the above (no year).
        "sc_bare_candidate": re.compile(
            r"(?<=Security Council )(?i:resolutions?)\s+(?=[1-9]\d{0,3}(?![\d/]|\s?\(|\s?[A-Z]\b))"),
        "body_back": re.compile(
            r"(?<![\w-])(?P<body>General Assembly|Human Rights Council|Commission on Human Rights|"
            r"Economic and Social Council|Security Council|"
            r"Sub-Commission(?: on (?:the )?[A-Z][\w ,]*?)?|Council|Commission|Assembly|[Ii]ts)"
            r"(?:(?<=[lny])['\u2019]s)?"     # "the Council's resolution 5/1", "the Assembly's decision"
            r"(?:\s+(?:previous|relevant|earlier|subsequent|other|own|related|recent|all|the|most|"
            r"latest|various|prior|pertinent|former|first|second|third|last))*\s+$"),
        "para_back": re.compile(
            r"(?<![\w-])(?i:(?:sub)?paragraphs?|sections?|parts?|annex(?:es)?|chapters?)\s+"
            r"[\w().,\u2013 -]{0,40}?\s+(?:of|to|in)\s+(?:the\s+)?$"),
        # "its resolutions 1325 (2000) of 31 October 2000 on women and peace and security and
        # 1314 (2000) of 11 August 2000 on ...": the list goes on after the subject of a dated item.
        "continuation": re.compile(r"[ \n\t\r]*on[ \n\t\r]+[^;:.()\d]{1,150}?,?[ \n\t\r]+(?:and|as well as)[ \n\t\r]+(?=(?:E?S-)?\d)"),
        "join": re.compile(r"\s*(?:,\s*)?(?:and\s+|as well as\s+)?(?:in\s+)?"),
        # The tokens of ``citation``, each followed by the whitespace pyparsing skips before
        # the next token (" \n\t\r"); a token never starts with a blank, so taking the
        # blanks into the same regex cannot change which alternative matches.
        "kind": re.compile(rf"({KIND_WORD})[ \n\t\r]*"),
        "separator": re.compile(rf"(?:{LIST_SEPARATOR})[ \n\t\r]*"),
        "blanks": re.compile(r"[ \n\t\r]*"),
        "item": re.compile(CITED_ITEM),
        "sc_item": re.compile(SC_CITED_ITEM),
    }


_SC_BODY = "Security Council "
_LOOKBACK = 120
_MAX_PHRASE = 2000


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


def _phrase_at(text: str, kstart: int, sc: bool = False) -> Optional[tuple[str, list[re.Match[str]]]]:
    """(kind word, item matches) of the citation starting at ``kstart``; offsets relative to it.

    What ``(sc_citation if sc else citation).parse_string(chunk)`` returns, without
    pyparsing's overhead: the same token regexes, tried in the same order, matched
    at the same offsets of the same (tab-expanded) chunk, and the same whitespace
    skipped between tokens. ``tests/test_speed_citations.py`` compares the two."""
    rx = _rx()
    chunk = text[kstart:kstart + _MAX_PHRASE]
    if "\t" in chunk:
        chunk = chunk.expandtabs()   # as parse_string does
    km = rx["kind"].match(chunk)   # no blanks to skip: a candidate starts with its kind word
    if km is None:
        return None
    item = rx["sc_item" if sc else "item"].match
    im = item(chunk, km.end())
    if im is None:
        return None
    matches = [im]
    separator = rx["separator"].match
    blanks = rx["blanks"].match
    while True:   # ZeroOrMore(separator + item): stop at the first separator or item that fails
        sm = separator(chunk, blanks(chunk, im.end()).end())
        if sm is None:
            break
        im = item(chunk, sm.end())
        if im is None:
            break
        matches.append(im)
    return km.group(1), matches


def _continue_list(text: str, kstart: int, matches: list[re.Match[str]], sc: bool) -> set[int]:
    """Extend ``matches`` with the dated numbers that go on the list after a subject
    ("1325 (2000) of 31 October 2000 on women and peace and security and 1314 (2000) of
    11 August 2000"); the indexes where each such continuation starts."""
    if not matches[-1]["date"]:
        return set()
    rx = _rx()
    chunk = text[kstart:kstart + _MAX_PHRASE]
    if "\t" in chunk:
        chunk = chunk.expandtabs()   # the offsets of ``_phrase_at``
    item = rx["sc_item" if sc else "item"].match
    starts: set[int] = set()
    while matches[-1]["date"]:
        cm = rx["continuation"].match(chunk, matches[-1].end())
        im = cm and item(chunk, cm.end())
        if im is None or not im["date"] or ("bn_serial" in im.re.groupindex and im["bn_serial"]):
            break
        starts.add(len(matches))
        matches.append(im)
    return starts


# Where a candidate can start, found with ``str.find`` in the lower-cased text: (word, offset
# of the candidate's first letter before the word). In an ASCII text only ASCII letters
# match the kind word, so the whole word is there; otherwise only "olut" ("res-olut-ion")
# and "dec" are sure to be, since under IGNORECASE ``re`` lets "ſ" match s and "ı" match i.
_ASCII_WORDS = (("resolution", 0), ("decision", 0))
_OTHER_WORDS = (("olut", 3), ("dec", 0))


def _word_candidates(text: str, low: str, candidate: re.Pattern[str],
                     words: tuple[tuple[str, int], ...]) -> list[int]:
    """``[m.start() for m in candidate.finditer(text)]``, 3x faster.

    ``low`` is ``text.lower()`` with the same length, so with the same offsets. The
    regex is tried only where a word of ``words`` says a kind word may start. Candidates
    never overlap (neither kind word, nor the blanks after it, holds another r or d), so
    these are exactly the ``finditer`` matches."""
    out = []
    for word, back in words:
        p = low.find(word)
        while p >= 0:
            if p >= back and candidate.match(text, p - back):
                out.append(p - back)
            p = low.find(word, p + 1)
    out.sort()
    return out


# ``text.lower()``, kept for the next rule that prefilters the same paragraph (CIT015).
lowered = lru_cache(maxsize=1024)(str.lower)


def find_citations(text: str) -> list[Citation]:
    """Every cited resolution/decision number with its body, date and phrase span.

    The list is shared between callers: do not modify it."""
    # Prefilter: both candidate regexes start with "resolution" or "decision" in any case.
    # Most paragraphs have neither, and ``in`` is much cheaper than a regex scan.
    low = lowered(text)
    if text.isascii():
        if "resolution" not in low and "decision" not in low:
            return []
    elif "olut" not in low and "dec" not in low:
        # Lower-cased, the text holds "olut" or "dec": ``re`` lets no non-ASCII letter match
        # o, l, u, t, d, e or c under IGNORECASE (it does for s and i: "ſ", "ı").
        return []
    return _find_citations(text)


@lru_cache(maxsize=1024)  # the same paragraph across rules and across an editor's runs;
# 4096: UN texts repeat whole paragraphs from year to year
def _find_citations(text: str) -> list[Citation]:
    out: list[Citation] = []
    prev_phrase_end = -1
    prev_body: Optional[str] = None
    prev_items: list[int] = []          # indexes in ``out`` of the previous phrase
    rx = _rx()
    low = lowered(text)
    if text.isascii():
        starts = _word_candidates(text, low, rx["candidate"], _ASCII_WORDS)
    elif len(low) == len(text):
        starts = _word_candidates(text, low, rx["candidate"], _OTHER_WORDS)
    else:   # "İ" lower-cases to two characters: the offsets differ
        starts = [m.start() for m in rx["candidate"].finditer(text)]
    council = _SC_BODY in text
    if council:
        starts = sorted(starts + [m.start() for m in rx["sc_bare_candidate"].finditer(text)])
    for kstart in starts:
        if kstart < prev_phrase_end:
            continue
        sc = council and text.endswith(_SC_BODY, 0, kstart)
        parsed = _phrase_at(text, kstart, sc)
        if parsed is None:
            continue
        kind_text, matches = parsed
        kind = kind_text.lower().rstrip("s")
        restart = _continue_list(text, kstart, matches, sc) if kind_text[-1] in "sS" else set()

        window_lo = max(0, kstart - _LOOKBACK)
        window = text[window_lo:kstart]
        bm = rx["body_back"].search(window)
        full_start = kstart
        body_text: Optional[str] = None
        if bm:
            body_text = bm["body"]
            if body_text == "Its":
                body_text = "its"
            full_start = window_lo + bm.start()
        joined = (prev_phrase_end >= 0 and prev_phrase_end <= full_start
                  and rx["join"].fullmatch(text, prev_phrase_end, full_start) is not None)
        inherited = False
        if body_text is None and joined and prev_body is not None:
            body_text, inherited = prev_body, True
        pwin_lo = max(0, full_start - 80)
        is_para = rx["para_back"].search(text, pwin_lo, full_start) is not None

        if sc and len(matches) > 1 and matches[-1]["bn_serial"] and not matches[-1]["date"] and \
                text[kstart + matches[-2].end():kstart + matches[-1].start()].strip() == ",":
            matches.pop()   # "resolutions 530 (1983) and 562 (1985), 86": a footnote marker, not a number
        raw: list[list] = []        # [number span, fields, date, shared]
        pending: list[int] = []
        for i, im in enumerate(matches):
            if i in restart:
                pending = []    # a new group: the earlier numbers' date was written before
            date: Optional[DateMatch] = None
            shared = False
            ds, de = im.span("date")
            if ds >= 0:
                ds, de = kstart + ds, kstart + de
                date = make_date_match(ds, de, int(im["d"]), MONTH_NUMBER[im["m"]], int(im["y"]), text[ds:de])
                shared = im.group("shared") is not None
            ns, ne = im.span("num")
            raw.append([kstart + ns, kstart + ne, _number_fields(im), date, shared])
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
