"""Session references: ordinal words (1–99), "Nth session" phrases, header lines,
and the session <-> date mapping of §3.3 of the drafting spec.

``find_session_refs`` follows the spec's SESSION_LOOSE idea: every occurrence
of "session(s)" is located with a compiled regex and the words before it are
examined; ordinary prose ("at its current session", "the 2023 session") yields
no problem.
"""

from __future__ import annotations

import datetime as _dt
import re
from functools import lru_cache
from dataclasses import dataclass
from typing import Any, Optional

from checker.grammar.citations import lowered

UNITS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")
TEENS = ("tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
         "sixteenth", "seventeenth", "eighteenth", "nineteenth")
TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
TENS_ORD = ("twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth",
            "eightieth", "ninetieth")
CARD_UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
CARD_TEENS = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
              "seventeen", "eighteen", "nineteen")


def _build_ordinals() -> dict[str, int]:
    table: dict[str, int] = {}
    for i, w in enumerate(UNITS):
        table[w] = i + 1
    for i, w in enumerate(TEENS):
        table[w] = i + 10
    for t, (tens, tens_ord) in enumerate(zip(TENS, TENS_ORD)):
        base = 20 + 10 * t
        table[tens_ord] = base
        for u, unit in enumerate(UNITS):
            table[f"{tens}-{unit}"] = base + u + 1
    return table


ORDINALS: dict[str, int] = _build_ordinals()
_ORDINAL_OF: dict[int, str] = {v: k for k, v in ORDINALS.items()}
_CARDINALS: dict[str, int] = {
    **{w: i + 1 for i, w in enumerate(CARD_UNITS)},
    **{w: i + 10 for i, w in enumerate(CARD_TEENS)},
    **{w: 20 + 10 * i for i, w in enumerate(TENS)},
    **{f"{t}-{u}": 20 + 10 * i + j + 1 for i, t in enumerate(TENS) for j, u in enumerate(CARD_UNITS)},
}

ORD_1_99 = (rf"(?:{'|'.join(UNITS + TEENS + TENS_ORD)}|"
            rf"(?:{'|'.join(TENS)})-(?:{'|'.join(UNITS)}))")


def ordinal_to_int(word: str) -> Optional[int]:
    """``"sixty-first"`` -> 61 (case-insensitive); None if not a correct ordinal word."""
    return ORDINALS.get(word.strip().lower())


def int_to_ordinal(n: int) -> str:
    """61 -> ``"sixty-first"``; 100 and above in figures (``"100th"``), as the UN writes them."""
    if 1 <= n <= 99:
        return _ORDINAL_OF[n]
    if n < 1:
        raise ValueError(f"no ordinal for {n}")
    return f"{n}{_figure_suffix(n)}"


def _figure_suffix(n: int) -> str:
    if n % 100 in (11, 12, 13):
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


# --------------------------------------------------------------------------
# pyparsing elements
# --------------------------------------------------------------------------

@lru_cache(maxsize=None)
def _grammar() -> dict[str, Any]:
    """The pyparsing elements, built on first use (the finder below does not need them)."""
    import pyparsing as pp

    ordinal = pp.Regex(rf"(?i:{ORD_1_99})(?![\w-])").set_name("ordinal")
    ordinal.add_parse_action(lambda t: ORDINALS[t[0].lower()])
    session_kind = pp.Regex(r"(?i:regular|special|emergency\s+special)(?=\s)").set_name("session kind")
    session_word = pp.Regex(r"(?i:sessions?)\b").set_name("session word")
    session_ref = (
        pp.Opt(pp.CaselessKeyword("resumed"))("resumed")
        + ordinal("number")
        + pp.Opt(session_kind)("kind")
        + session_word("session")
    ).set_name("session ref")
    return {"ordinal": ordinal, "session_kind": session_kind, "session_word": session_word,
            "session_ref": session_ref}


def __getattr__(name: str) -> Any:
    """``session_ref``, ``ordinal``, ...: the pyparsing elements, built lazily."""
    if name in ("ordinal", "session_kind", "session_word", "session_ref"):
        return _grammar()[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# --------------------------------------------------------------------------
# Results
# --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SessionRef:
    """A reference to a numbered session found in running text."""

    start: int
    end: int
    text: str
    token: str                  # the number as written: "sixty-first", "61st", "twenty first"
    number: Optional[int]
    kind: str                   # "regular" | "special" | "emergency special"
    resumed: bool
    form: str                   # "words" | "figures" | "year" | "other"
    problem: Optional[str]
    suggestion: Optional[str]


# --------------------------------------------------------------------------
# Misspellings
# --------------------------------------------------------------------------

_KNOWN_MISSPELLINGS = {
    "fourty": "forty", "ninty": "ninety", "nineth": "ninth", "twelveth": "twelfth",
    "eightth": "eighth", "fiveth": "fifth", "nineteeth": "nineteenth", "fourtieth": "fortieth",
    "nintieth": "ninetieth", "oneth": "first", "twoth": "second", "threeth": "third",
    "fortyth": "fortieth", "twentyth": "twentieth", "thirtyth": "thirtieth",
    "fiftyth": "fiftieth", "sixtyth": "sixtieth", "seventyth": "seventieth",
    "eightyth": "eightieth", "ninetyth": "ninetieth", "eigth": "eighth", "fith": "fifth",
    "ninteenth": "nineteenth", "fourtheenth": "fourteenth", "twelth": "twelfth",
}
_TENS_LIKE = set(TENS) | {"fourty", "ninty"}
_ALL_ORD_PARTS = list(UNITS + TEENS + TENS_ORD)

# Words before "session" that are not ordinals and are fine.
NON_ORDINAL_WORDS = frozenset("""
substantive organizational organisational resumed main special regular emergency this that
its their his her our your the a an next current same each every plenary closing opening
present previous last past forthcoming upcoming following preceding subsequent future recent
first-part second-part annual biennial extraordinary ordinary informal formal joint closed
open public private working briefing question interactive high-level general thematic
ministerial technical final initial one-day two-day three-day half-day full-day any which
what whose whole entire second part another other such every latter former parallel
consecutive successive coordination coordinating and or of in at during for to by with
""".split())


def _spell_fix_part(part: str) -> Optional[str]:
    low = part.lower()
    if low in ORDINALS or low in TENS:
        return low
    if low in _KNOWN_MISSPELLINGS:
        return _KNOWN_MISSPELLINGS[low]
    import difflib   # only for a misspelled ordinal: not worth its import on every start

    close = difflib.get_close_matches(low, _ALL_ORD_PARTS + list(TENS), n=1, cutoff=0.8)
    return close[0] if close else None


def _correct_ordinal(token: str) -> Optional[str]:
    """Best correct ordinal for a malformed token ("fourty-first" -> "forty-first"), or None."""
    low = token.lower()
    parts = [p for p in re.split(r"[-\s]+", low) if p]
    if len(parts) == 1:
        w = parts[0]
        for t in TENS + ("fourty", "ninty"):
            if w.startswith(t) and len(w) > len(t):   # "twentyfirst"
                rest = _spell_fix_part(w[len(t):])
                tens = _KNOWN_MISSPELLINGS.get(t, t)
                if rest in UNITS:
                    return f"{tens}-{rest}"
        fixed = _spell_fix_part(w)
        return fixed if fixed in ORDINALS else None
    if len(parts) == 2:
        a = _KNOWN_MISSPELLINGS.get(parts[0], parts[0])
        if a not in TENS:
            a = _spell_fix_part(parts[0]) or ""
        b = _spell_fix_part(parts[1])
        if a in TENS and b in UNITS:
            return f"{a}-{b}"
        if a in TENS_ORD and b in UNITS:    # "sixtieth-first"
            return f"{TENS[TENS_ORD.index(a)]}-{b}"
    return None


def _looks_ordinal(word: str) -> bool:
    low = word.lower()
    if low in NON_ORDINAL_WORDS:
        return False
    if re.search(r"(?:th|st|nd|rd)$", low):
        return True
    return any(low.startswith(t) for t in _TENS_LIKE)


def _match_case(template: str, word: str) -> str:
    """Give ``word`` the initial capital of ``template``."""
    if template[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


# --------------------------------------------------------------------------
# Finder
# --------------------------------------------------------------------------

# "session", "Session", "SESSION" as a word; the look-behinds follow the first letter so that
# ``re`` can skip to an "s" (2.5x faster than a leading look-behind).
_SESSION_RE = re.compile(r"(?:s(?<![\w-]s)ession|S(?<![\w-]S)(?:ession|ESSION))(?P<pl>s|S)?(?![\w-])")
_SUPERSCRIPTS = "\u00b9\u00b2\u00b3\u2070\u2071\u2074\u2075\u2076\u2077\u2078\u2079"
_LOOKBACK = 80
_ALNUM = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
_WORD_CHARS = _ALNUM | frozenset("\u2019'-")
_SUPERSCRIPT_SET = frozenset(_SUPERSCRIPTS)


def _word_back(text: str, lo: int, pos: int) -> Optional[tuple[int, int]]:
    r"""Span of the word that ends ``text[lo:pos]``, before footnote markers and blanks.

    What ``re.search(r"([A-Za-z0-9](?:[A-Za-z0-9\u2019'-]*[A-Za-z0-9])?)[<superscripts>]*\s*$",
    text[lo:pos])`` gives as group 1, read backwards instead of trying every start
    (a word must be followed only by superscripts then blanks, so its end is fixed; the
    leftmost start is the first letter or digit of the run of word characters before it).
    ``\s`` is ``str.isspace``; ``tests/test_speed_citations.py`` compares the two."""
    e = pos
    while e > lo and text[e - 1].isspace():
        e -= 1
    while e > lo and text[e - 1] in _SUPERSCRIPT_SET:
        e -= 1
    if e == lo or text[e - 1] not in _ALNUM:
        return None
    s = e - 1
    while s > lo and text[s - 1] in _WORD_CHARS:
        s -= 1
    while text[s] not in _ALNUM:   # the word starts with a letter or digit
        s += 1
    return s, e


_MARKERS_AND_BLANKS = _SUPERSCRIPTS + " \t\n\r\f\v\u00a0"


def _words_before(text: str, end: int, limit: int) -> list[tuple[int, int, str]]:
    """Up to ``limit`` words ending at ``end``, nearest first, separated only by blanks."""
    words: list[tuple[int, int, str]] = []
    pos = end
    while len(words) < limit:
        lo = max(0, pos - _LOOKBACK)
        span = _word_back(text, lo, pos)
        if span is None:
            break
        s, e = span
        if text[e:pos].strip(_MARKERS_AND_BLANKS):
            break
        if lo > 0 and s == lo:     # word may continue before the window
            break
        words.append((s, e, text[s:e]))
        pos = s
    return words


_FIGURES = re.compile(r"(\d{1,5})(st|nd|rd|th|ST|ND|RD|TH)?")


def _classify(text: str, words: list[tuple[int, int, str]], sess_start: int, sess_end: int,
              session_token: str, plural: bool) -> Optional[SessionRef]:
    """Analyse the words before one "session" occurrence."""
    i = 0
    kind = "regular"
    if i < len(words) and words[i][2].lower() == "special":
        kind = "special"
        i += 1
        if i < len(words) and words[i][2].lower() == "emergency":
            kind = "emergency special"
            i += 1
    elif i < len(words) and words[i][2].lower() == "regular":
        i += 1
    if i >= len(words):
        return None
    s, e, tok = words[i]
    low = tok.lower()
    prev = words[i + 1] if i + 1 < len(words) else None
    problem: Optional[str] = None
    suggestion_tok: Optional[str] = None
    number: Optional[int] = None
    form = "other"
    start = s

    # -- figures ----------------------------------------------------------------
    fm = _FIGURES.fullmatch(tok)
    if fm:
        n = int(fm.group(1))
        if fm.group(2) is None:
            if len(fm.group(1)) == 4 and 1900 <= n <= 2100:
                return SessionRef(s, sess_end, text[s:sess_end], tok, n, kind, False, "year",
                                  None, None)
            return None
        number, form = n, "figures"
        if n == 0:
            return None
        if n < 100:
            problem, suggestion_tok = "figures-below-100", int_to_ordinal(n)
        elif fm.group(2).lower() != _figure_suffix(n):
            problem, suggestion_tok = "misspelled", int_to_ordinal(n)
    elif low in ORDINALS:
        number, form = ORDINALS[low], "words"
        # "one hundred and first"
        if (prev and prev[2].lower() == "and" and i + 2 < len(words)
                and words[i + 2][2].lower() == "hundred"):
            h = i + 2
            start = words[h + 1][0] if h + 1 < len(words) and words[h + 1][2].lower() in ("one", "a") else words[h][0]
            number = 100 + number
            problem, suggestion_tok = "words-at-or-above-100", int_to_ordinal(number)
            tok = text[start:e]
        elif (prev and prev[2].lower() in ("hundred",)):
            h = i + 1
            start = words[h + 1][0] if h + 1 < len(words) and words[h + 1][2].lower() in ("one", "a") else words[h][0]
            number = 100 + number
            problem, suggestion_tok = "words-at-or-above-100", int_to_ordinal(number)
            tok = text[start:e]
        elif prev and low in UNITS and prev[2].lower() in _TENS_LIKE and prev[1] + 1 == s:
            # "twenty first" (single space) -- missing hyphen
            tens = _KNOWN_MISSPELLINGS.get(prev[2].lower(), prev[2].lower())
            start = prev[0]
            fixed = f"{tens}-{low}"
            number = ORDINALS[fixed]
            tok = text[start:e]
            problem = "unhyphenated" if tens == prev[2].lower() else "misspelled"
            suggestion_tok = _match_case(tok, fixed)
        elif "-" in tok and tok.split("-", 1)[1][:1].isupper() and not tok.isupper():
            problem = "capitalized-second-element"
            suggestion_tok = _match_case(tok, low)
        elif session_token == "Session" and tok[:1].islower():
            problem = "capital-session"
            suggestion_tok = tok
        elif (session_token == "Session" and tok[:1].isupper() and not tok.isupper()
              and prev is not None and prev[2] == "its" and prev[1] + 1 == s and i == 0 and sess_start == e + 1):
            # "of its Eighty-first Session": the body's own session in running text. Titles keep
            # their capitals ("Official Records of the General Assembly, Seventy-second Session",
            # "the Final Document of the Tenth Special Session", "the Agreement of the First
            # Session of the Conference"): none has "its" before the ordinal.
            problem = "capitalized-ordinal"
            suggestion_tok = low
        elif (session_token == "Session" and tok[:1].isupper() and not tok.isupper()
              and prev is not None and prev[2] == "the" and i + 2 < len(words)
              and words[i + 2][2] in ("at", "during", "since", "until", "before")
              and "\n" not in text[words[i + 2][0]:sess_start]):
            # "adopted at the Eleventh Emergency Special Session": an event in running text,
            # lower case; a title keeps its capitals ("the Final Document of the Tenth
            # Special Session", "Official Records of the General Assembly, Sixty-first Session")
            problem = "capitalized-ordinal"
            suggestion_tok = low
        elif (session_token == "session" and tok[:1].isupper() and not tok.isupper()
              and prev is not None and prev[2][:1].islower() and "\n" not in text[prev[1]:s]):
            # "at its Eighty-first session": a capital after a lower-case word of the same
            # line is running text (a header line starts its line; the Official Records
            # title form "..., Sixty-first Session" capitalizes "Session" and follows a comma)
            problem = "capitalized-ordinal"
            suggestion_tok = low
    elif low in CARD_UNITS and prev and prev[2].lower() in TENS and prev[1] + 1 == s and not plural:
        # "sixty eight session": a cardinal, and unhyphenated
        start = prev[0]
        number, form = _CARDINALS[f"{prev[2].lower()}-{low}"], "words"
        tok = text[start:e]
        problem, suggestion_tok = "cardinal", _match_case(tok, int_to_ordinal(number))
    elif low in _CARDINALS and ("-" in low or low in TENS) and not plural:
        number, form = _CARDINALS[low], "words"
        problem, suggestion_tok = "cardinal", _match_case(tok, int_to_ordinal(number))
    elif _looks_ordinal(tok) or (prev is not None and prev[2].lower() in _TENS_LIKE):
        # misspelled, possibly split ("twenty first" handled above; "fourty first", "twentyfirst")
        cand_tok = tok
        if prev is not None and prev[2].lower() in _TENS_LIKE and prev[1] + 1 == s:
            cand_tok = f"{prev[2]} {tok}"
        fixed = _correct_ordinal(cand_tok)
        if fixed is None and cand_tok != tok:
            cand_tok = tok
            fixed = _correct_ordinal(tok)
        if fixed is None:
            return None
        if cand_tok != tok:
            start = prev[0]  # type: ignore[index]
            tok = text[start:e]
        number, form = ORDINALS[fixed], "words"
        problem = "misspelled"
        if " " in tok and fixed.replace("-", " ") == tok.lower():
            problem = "unhyphenated"
        suggestion_tok = _match_case(tok, fixed)
    else:
        return None

    # "resumed" before the number
    tok_start = start
    j = next((k for k, w in enumerate(words) if w[0] == tok_start), None)
    resumed = False
    if j is not None and j + 1 < len(words) and words[j + 1][2].lower() == "resumed":
        resumed = True
        start = words[j + 1][0]
    suggestion = None
    if suggestion_tok is not None:
        tail = text[e:sess_end]
        if session_token == "Session" and (tok[:1].islower() or problem == "capitalized-ordinal"):
            tail = tail.lower()
        suggestion = text[start:tok_start] + suggestion_tok + tail
    return SessionRef(start, sess_end, text[start:sess_end], tok, number, kind, resumed, form,
                      problem, suggestion)


@lru_cache(maxsize=1024)  # the same paragraph across rules and across an editor's runs;
# 4096: UN texts repeat whole paragraphs from year to year
def find_session_refs(text: str) -> list[SessionRef]:
    """Numbered session references ("sixty-first session", "61st session", "2023 session").

    Returns only references that carry a number or a problem: "the session",
    "at its current session", "a special session" are not returned.
    The list is shared between callers: do not modify it.
    """
    out: list[SessionRef] = []
    if "ession" not in lowered(text):
        # Every match of the case-sensitive _SESSION_RE holds "ession" or "ESSION", so the
        # lower-cased text holds "ession" (``str.lower`` maps each of those letters alone).
        # One scan of a string the citation finder has lowered already, not two of the text.
        # (Inside the cache: SES001-SES003 ask again for each paragraph, and a hit is cheaper.)
        return out
    for m in _SESSION_RE.finditer(text):
        words = _words_before(text, m.start(), 6)
        ref = _classify(text, words, m.start(), m.end(), m.group(0).rstrip("sS") or m.group(0),
                        bool(m.group("pl")))
        if ref is not None:
            out.append(ref)
            # "sixty-second and sixty-third sessions": the earlier ordinals of a plural
            if m.group("pl"):
                out[len(out) - 1:len(out) - 1] = _plural_companions(text, ref)
        else:
            sub = _substantive_year(text, m)
            if sub is not None:
                out.append(sub)
    return out


_COMPANION_RE = re.compile(r"([A-Za-z]+(?:-[A-Za-z]+)?|\d{1,3}(?:st|nd|rd|th))(\s*,\s*|\s+and\s+|\s*,\s*and\s+)$")


def _plural_companions(text: str, ref: SessionRef) -> list[SessionRef]:
    found: list[SessionRef] = []
    pos = ref.start
    for _ in range(10):
        seg = text[max(0, pos - 60):pos]
        m = _COMPANION_RE.search(seg)
        if not m:
            break
        tok = m.group(1)
        s = pos - len(seg) + m.start(1)
        e = s + len(tok)
        n = ordinal_to_int(tok)
        if n is None:
            break
        found.append(SessionRef(s, e, tok, tok, n, ref.kind, False, "words", None, None))
        pos = s
    found.reverse()
    return found


_SUBSTANTIVE_RE = re.compile(r"(?i:(substantive|organizational|organisational))\s+session\s+(?:of|for)\s+((?:19|20)\d\d)(?!\d)")


def _substantive_year(text: str, m: re.Match[str]) -> Optional[SessionRef]:
    """ECOSOC's "substantive session of 1996" / "organizational session for 1978"."""
    lo = max(0, m.start() - 20)
    sm = _SUBSTANTIVE_RE.search(text, lo, min(len(text), m.end() + 10))
    if not sm or not (sm.start() <= m.start() < sm.end()):
        return None
    return SessionRef(sm.start(), sm.end(), sm.group(0), sm.group(2), int(sm.group(2)),
                      "regular", False, "year", None, None)


# --------------------------------------------------------------------------
# Header lines
# --------------------------------------------------------------------------

_HEADER_SUB_RE = re.compile(r"\s*(?P<kind>substantive|organizational|organisational)\s+session\s+(?:of|for)\s+(?P<year>(?:19|20)\d\d)\s*", re.I)
_HEADER_TAIL_RE = re.compile(r"\s*(?:,\s*(?:19|20)\d\d)?\s*")


def header_session(line: str) -> tuple[Optional[int], Optional[str]]:
    """(number, kind) of a header line such as "Fifty-sixth session".

    kind is "regular", "special", "emergency special", "year" ("2023 session",
    number = 2023) or "substantive"/"organizational" ("Substantive session of
    1996", number = 1996). Misspelled ordinals are read leniently (the problem
    itself is reported by ``find_session_refs``). Returns (None, None) when the
    line is not a session header.
    """
    m = _HEADER_SUB_RE.fullmatch(line)
    if m:
        k = m["kind"].lower().replace("organisational", "organizational")
        return int(m["year"]), k
    stripped = line.strip()
    refs = find_session_refs(stripped)
    if not refs:
        return None, None
    ref = refs[-1]
    if ref.number is None or not _HEADER_TAIL_RE.fullmatch(stripped, ref.end):
        return None, None
    lead = stripped[:ref.start].strip()
    if lead and not (len(refs) > 1 and lead.lower().endswith("and")):
        return None, None
    return ref.number, ("year" if ref.form == "year" else ref.kind)


# --------------------------------------------------------------------------
# Session <-> date mapping (§3.3)
# --------------------------------------------------------------------------


def ga_session_window(n: int) -> tuple[_dt.date, _dt.date]:
    """Approximate span of GA regular session ``n``: 1 September 1945+n to 18 September 1946+n.

    Sessions open on a Tuesday in early-to-mid September and run until the next
    opens; the window is generous at both ends, so use it for warnings.
    """
    return _dt.date(1945 + n, 9, 1), _dt.date(1946 + n, 9, 18)


def ga_session_for_date(d: _dt.date) -> int:
    """GA regular session most likely open on ``d`` (a session opens mid-September)."""
    return d.year - 1945 if (d.month, d.day) >= (9, 15) else d.year - 1946


HRC_SLOTS = ("March", "June", "September")


def hrc_session_year_slot(n: int) -> Optional[tuple[int, str]]:
    """(year, slot) of HRC regular session ``n`` for n >= 7; None for the irregular 1–6."""
    if n < 7:
        return None
    return 2008 + (n - 7) // 3, HRC_SLOTS[(n - 7) % 3]


# The day by which a session of each slot has surely opened (openings seen: March slot
# 22 February-3 March, June slot 10-30 June (30 June 2020), September slot 8-14 September).
_HRC_SURELY_OPEN = {"March": (3, 10), "June": (7, 1), "September": (9, 20)}


def hrc_session_surely_open(n: int) -> Optional[_dt.date]:
    """A day by which HRC regular session ``n`` (7 and later) had surely opened."""
    ys = hrc_session_year_slot(n)
    if ys is None:
        return None
    month, day = _HRC_SURELY_OPEN[ys[1]]
    return _dt.date(ys[0], month, day)


# Sessions 1–6 (2006–2007) were irregular: verified spans (§3.3).
_HRC_EARLY: tuple[tuple[int, _dt.date, _dt.date], ...] = (
    (1, _dt.date(2006, 6, 19), _dt.date(2006, 6, 30)),
    (2, _dt.date(2006, 9, 18), _dt.date(2006, 10, 6)),
    (2, _dt.date(2006, 11, 27), _dt.date(2006, 11, 29)),
    (3, _dt.date(2006, 11, 29), _dt.date(2006, 12, 8)),
    (4, _dt.date(2007, 3, 12), _dt.date(2007, 3, 30)),
    (5, _dt.date(2007, 6, 11), _dt.date(2007, 6, 18)),
    (6, _dt.date(2007, 9, 10), _dt.date(2007, 9, 28)),
    (6, _dt.date(2007, 12, 10), _dt.date(2007, 12, 14)),
)
_SLOT_MONTHS = {2: 0, 3: 0, 4: 0, 5: 1, 6: 1, 7: 1, 8: 2, 9: 2, 10: 2}


def hrc_session_for_date(d: _dt.date) -> Optional[int]:
    """HRC regular session held on (or, for 2008+, in the slot of) date ``d``.

    For 2006–2007 only the verified spans count (the 29 November 2006 overlap
    returns the resumed second session). From 2008 the month picks the slot:
    February–April March, May–July June, August–October September; other
    months give None.
    """
    if d.year < 2008:
        for n, a, b in _HRC_EARLY:
            if a <= d <= b:
                return n
        return None
    slot = _SLOT_MONTHS.get(d.month)
    if slot is None:
        return None
    return 7 + 3 * (d.year - 2008) + slot


def chr_session_year(n: int) -> int:
    """Year in which Commission on Human Rights session ``n`` was held (later sessions)."""
    return 1944 + n
