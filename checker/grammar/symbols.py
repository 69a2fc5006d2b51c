"""United Nations document symbols (§4 of the drafting spec).

``symbol`` is the pyparsing grammar of §4.2; ``find_symbols`` locates
symbol-shaped tokens with a compiled regex, then classifies each one with the
grammar and the body-specific validators of §4.3, reporting the invalid forms
of §4.5 with a suggestion where one is certain.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Optional

# --------------------------------------------------------------------------
# Grammar (§4.2)
# --------------------------------------------------------------------------

# The tokens: each is one regex, matched with no whitespace skipping.
_DIGITS = r"[1-9]\d*(?:-[1-9]\d*)?"    # "3-7": combined reports
_YEAR = r"(?:19|20)\d\d(?![\d])"
_SERIES = r"[A-Z]+"
_BODY_COMP = r"(?:AC|CN|CONF|GC|SC|WG|C)\.[1-9]\d*(?![\w])|Sub\.[1-9]\d*|PC(?![\w.])|HRC(?![\w.])"
_NATURE_COMP = r"(?:L|PV|SR|CRP|WP|R)\.[1-9]\d*(?![\w])|(?:RES|DEC|PRST|INF|NGO|PET)(?![\w.])"
_SPECIAL_COMP = r"(?:S|ES)-[1-9]\d*(?![\w])"
_MODIFIER = r"(?:Add|Corr|Rev|Amend)\.[1-9]\d*(?:-[1-9]\d*)?(?![\w])|Summary(?![\w])"
# Other components the EBNF leaves open ("AI", "CS", "SER.A", "RPM.1", "C" in CCPR/C/...).
_OTHER_COMP = r"[A-Z][A-Za-z]*(?:\.(?:[1-9]\d*|[A-Z]+))?(?![\w])"   # "S/Agenda/2329"
_PAREN_CONTENT = r"Vol\. ?[IVXLC]+|Part [IVXLC]+|(?:S-|ES-)?[IVXLC]+|(?:19|20)\d\d"
# component = modifier | nature | body | session (special | year | digits) | other, first match wins
_COMPONENTS = (_MODIFIER, _NATURE_COMP, _BODY_COMP, _SPECIAL_COMP, _YEAR, _DIGITS, _OTHER_COMP)


@lru_cache(maxsize=None)
def _grammar() -> dict[str, Any]:
    """The pyparsing grammar of §4.2 (``symbol`` and its parts), built on first use."""
    import pyparsing as pp

    def tok(pattern: str, name: str) -> pp.Regex:
        return pp.Regex(pattern).leave_whitespace().set_name(name)

    g: dict[str, Any] = {
        "digits": tok(_DIGITS, "digits"), "year": tok(_YEAR, "year"), "roman": tok(r"[IVXLC]+", "roman"),
        "series": tok(_SERIES, "series"), "body_comp": tok(_BODY_COMP, "body component"),
        "nature_comp": tok(_NATURE_COMP, "nature component"), "modifier": tok(_MODIFIER, "modifier"),
        "other_comp": tok(_OTHER_COMP, "other component"),
    }
    g["session_comp"] = tok(_SPECIAL_COMP, "special session component") | g["year"] | g["digits"]
    g["component"] = (g["modifier"] | g["nature_comp"] | g["body_comp"] | g["session_comp"]
                      | g["other_comp"]).set_name("component")
    g["paren_suffix"] = (
        pp.Opt(pp.Literal(" ").leave_whitespace()).suppress()
        + pp.Literal("(").leave_whitespace().suppress()
        + tok(_PAREN_CONTENT, "paren content")("paren")
        + pp.Literal(")").leave_whitespace().suppress()
    ).set_name("paren suffix")
    g["symbol"] = (
        g["series"]("series")
        + pp.OneOrMore(pp.Literal("/").leave_whitespace().suppress() + g["component"])("components")
        + pp.Opt(pp.Literal("*").leave_whitespace())("reissued")
        + pp.Opt(g["paren_suffix"])
    ).set_name("document symbol")
    return g


def __getattr__(name: str) -> Any:
    """``symbol`` and its parts: the pyparsing elements, built lazily."""
    if name in ("digits", "year", "roman", "series", "body_comp", "nature_comp", "session_comp",
                "modifier", "other_comp", "component", "paren_suffix", "symbol"):
        return _grammar()[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@lru_cache(maxsize=None)
def _grammar_rx() -> dict[str, re.Pattern[str]]:
    # A standalone alternation matches with its first alternative that matches: pyparsing's
    # MatchFirst of the component tokens.
    return {"series": re.compile(_SERIES), "component": re.compile("|".join(f"(?:{c})" for c in _COMPONENTS)),
            "paren_content": re.compile(_PAREN_CONTENT), "end": re.compile(r"[ \n\t\r]*")}


def _follows_grammar(s: str) -> bool:
    """Does ``symbol.parse_string(s, parse_all=True)`` succeed? Without pyparsing (100x faster).

    The same tokens in the same order, as pyparsing reads them: each token is the
    first match of its regex, an ordered choice takes its first alternative that
    matches, and a repetition or option never gives back what it took.
    ``tests/test_speed_citations.py`` compares the two."""
    rx = _grammar_rx()
    if "\t" in s:
        s = s.expandtabs()   # as parse_string does
    m = rx["series"].match(s)
    if m is None:
        return False
    pos, n = m.end(), 0
    while s.startswith("/", pos):                  # OneOrMore("/" + component)
        m = rx["component"].match(s, pos + 1)
        if m is None:
            break
        pos, n = m.end(), n + 1
    if n == 0:
        return False
    if s.startswith("*", pos):                     # Opt("*")
        pos += 1
    p = pos + 1 if s.startswith(" ", pos) else pos  # Opt(paren_suffix): Opt(" ") "(" content ")"
    if s.startswith("(", p):
        m = rx["paren_content"].match(s, p + 1)
        if m is not None and s.startswith(")", m.end()):
            pos = m.end() + 1
    return rx["end"].fullmatch(s, pos) is not None  # parse_all: only blanks may follow


# --------------------------------------------------------------------------
# Validators (§4.3)
# --------------------------------------------------------------------------

GA_RES_NEW = re.compile(r"^A/RES/(?:(?P<s>3[1-9]|[4-9]\d)|S-(?P<ss>[89]|[1-9]\d)|ES-(?P<es>\d{1,2}))/(?P<n>[1-9]\d{0,3})(?:\s?(?P<l>[A-Z]))?$")
GA_RES_OLD = re.compile(r"^A/RES/(?P<n>[1-9]\d{0,3})\s?(?P<l>[A-Z])?\s?\((?P<s>[IVXL]+|S-[IVX]+|ES-[IVX]+)\)$")
GA_DRAFT = re.compile(r"^A/(?P<s>[1-9]\d?|S-\d{1,2}|ES-\d{1,2})/L\.(?P<n>[1-9]\d{0,3})(?:/Rev\.[1-9]\d?)?(?:/Add\.[1-9]\d?)?(?:/Corr\.[1-9])?$")
GA_C_DRAFT = re.compile(r"^A/C\.(?P<c>[1-6])/(?P<s>[1-9]\d?)/L\.(?P<n>[1-9]\d{0,3})(?:/Rev\.[1-9])?(?:/Add\.[1-9]\d?)?(?:/Corr\.[1-9])?$")
GA_PV = re.compile(r"^A/(?:C\.[1-6]/)?(?P<s>[1-9]\d?)/(?:PV|SR)\.(?P<m>[1-9]\d{0,3})$")
HRC_RES = re.compile(r"^A/HRC/RES/(?:(?P<s>[1-9]\d?)|S-(?P<ss>[1-9]\d?))/(?P<n>[1-9]\d?)$")
HRC_DRAFT = re.compile(r"^A/HRC/(?:(?P<s>[1-9]\d?)|S-(?P<ss>[1-9]\d?))/L\.(?P<n>[1-9]\d{0,2})(?:/Rev\.[1-9])?(?:/Add\.[1-9])?(?:/Corr\.[1-9])?$")
HRC_DOC = re.compile(r"^A/HRC/(?:(?P<s>[1-9]\d?)|S-(?P<ss>[1-9]\d?))/(?P<n>[1-9]\d{0,3})(?:/Add\.[1-9]\d?)*(?:/Corr\.[1-9])?$")
CHR_DRAFT = re.compile(r"^E/CN\.4/(?P<y>19[4-9]\d|200[0-6])/L\.(?P<n>[1-9]\d{0,3})(?:/Add\.[1-9]\d?)?(?:/Rev\.[1-9])?$")
ECOSOC_RES = re.compile(r"^E/RES/(?P<y>19(?:7[89]|[89]\d)|20\d\d)/(?P<n>[1-9]\d{0,3})$")
ECOSOC_DRAFT = re.compile(r"^E/(?P<y>19(?:7[89]|[89]\d)|20\d\d)/L\.(?P<n>[1-9]\d{0,3})(?:/Rev\.[1-9])?(?:/Corr\.[1-9])?$")
SC_RES = re.compile(r"^S/RES/(?P<n>[1-9]\d{0,3})(?:\s?\((?P<y>19[4-9]\d|20\d\d)\))?$")
SC_PRST = re.compile(r"^S/PRST/(?P<y>19\d\d|20\d\d)/(?P<n>[1-9]\d{0,2})$")
CONF_DOC = re.compile(r"^A/CONF\.(?P<c>[1-9]\d{0,3})/(?:[A-Z]+(?:\.[1-9]\d*)?/)*[1-9]\d*(?:/(?:Add|Corr|Rev)\.[1-9]\d*)*$")

#: (prefix test, validators, message) -- the first rule whose prefix matches decides.
_BODY_RULES: tuple[tuple[re.Pattern[str], tuple[re.Pattern[str], ...], str], ...] = (
    (re.compile(r"^A/HRC/RES/"), (HRC_RES,), "malformed HRC resolution symbol"),
    (re.compile(r"^A/HRC/[^/]+/L\."), (HRC_DRAFT,), "malformed HRC draft symbol"),
    (re.compile(r"^A/RES/"), (GA_RES_NEW, GA_RES_OLD), "malformed GA resolution symbol"),
    (re.compile(r"^A/C\.\d+/[^/]+/L\."), (GA_C_DRAFT,), "malformed GA committee draft symbol"),
    (re.compile(r"^A/(?:C\.\d+/)?[^/]+/(?:PV|SR)\."), (GA_PV,), "malformed GA meeting-record symbol"),
    (re.compile(r"^A/[^/]+/L\."), (GA_DRAFT,), "malformed GA draft symbol"),
    (re.compile(r"^E/CN\.4/\d{4}/L\."), (CHR_DRAFT,), "malformed Commission on Human Rights draft symbol"),
    (re.compile(r"^E/RES/"), (ECOSOC_RES,), "malformed ECOSOC resolution symbol"),
    (re.compile(r"^E/\d{4}/L\."), (ECOSOC_DRAFT,), "malformed ECOSOC draft symbol"),
    (re.compile(r"^S/RES/"), (SC_RES,), "malformed Security Council resolution symbol"),
    (re.compile(r"^S/PRST/"), (SC_PRST,), "malformed Security Council presidential statement symbol"),
)

# ``re.fullmatch(pattern, ...)`` looks the pattern up in ``re``'s cache in Python on every
# call; validating a symbol makes some twenty such calls.
_pattern = lru_cache(maxsize=None)(re.compile)

ROMAN_RE = re.compile(r"^(?=[IVXLC])C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$")
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def roman_to_int(s: str) -> Optional[int]:
    """``"XLIV"`` -> 44; None if ``s`` is not a well-formed roman numeral (1–399)."""
    if not ROMAN_RE.match(s):
        return None
    total = 0
    for a, b in zip(s, s[1:] + " "):
        v = _ROMAN[a]
        total += -v if b != " " and _ROMAN[b] > v else v
    return total


def int_to_roman(n: int) -> str:
    """44 -> ``"XLIV"`` (1–399)."""
    out = []
    for v, r in ((100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"),
                 (5, "V"), (4, "IV"), (1, "I")):
        while n >= v:
            out.append(r)
            n -= v
    return "".join(out)


GA_LEGACY_MAX = 3541
#: Series whose symbols follow §4.2 strictly; other series are only spell-checked.
CORE_SERIES = frozenset({"A", "S", "E", "T", "ST", "CCPR", "CRC", "CEDAW", "CAT", "CERD", "CESCR", "DP", "TD"})

# --------------------------------------------------------------------------
# Results
# --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SymbolMatch:
    """A document symbol, classified and validated."""

    start: int
    end: int
    text: str
    series: str
    body: str                       # GA | HRC | SC | ECOSOC | CHR | other
    session: Optional[int]
    session_kind: Optional[str]     # regular | special | emergency special | None
    year: Optional[int]
    is_draft: bool                  # has an L.n component
    is_resolution: bool             # has RES
    valid: bool
    problem: Optional[str]
    suggestion: Optional[str]
    code: Optional[str]             # SYM-01.. / CIT-07 of the spec, when invalid or suspicious


# --------------------------------------------------------------------------
# Candidate finder
# --------------------------------------------------------------------------

# A capital series, then "/"-separated components; "L 12" (missing stop) is
# allowed so that it can be reported; an optional "*" and "(...)" suffix.
# "[A-Z](?<![\w/.\-][A-Z])[A-Z]{0,5}" is "(?<![\w/.\-])[A-Z]{1,6}" with the letter
# first, so that ``re`` can skip to a capital (3x faster).
_SYMBOL_CANDIDATE = re.compile(r"""
    [A-Z](?<![\w/.\-][A-Z])[A-Z]{0,5}
    (?:/(?:(?:L|PV|SR)\x20\d{1,4}(?![\w/])|[A-Za-z0-9][A-Za-z0-9.\-]{0,15}(?![A-Za-z0-9.\-]))){1,10}(?![/\w])
    \*?
    (?:\x20?[A-Z](?=\x20?\())?
    (?:\x20?\((?:(?:S-|ES-)?[IVXLC]+|\d{1,4}|Vol\.\x20?[IVXLC]+|Part\x20[IVXLC]+)\))?
""", re.X)
_TRAIL = ".,;:-"


def _body_of(sym: str) -> str:
    if sym.startswith("A/HRC/"):
        return "HRC"
    if sym.startswith("A/"):
        return "GA"
    if sym.startswith("S/"):
        return "SC"
    if sym.startswith("E/CN.4/"):
        return "CHR"
    if sym.startswith("E/"):
        return "ECOSOC"
    return "other"


_CASE_FIX = {"res": "RES", "dec": "DEC", "prst": "PRST", "hrc": "HRC", "inf": "INF"}
_MOD_RE = re.compile(r"^(?P<w>add|corr|rev|amend)\.?\s?(?P<n>\d+)$", re.I)
_NATURE_RE = re.compile(r"^(?P<w>L|PV|SR)(?P<sep>\.?\s?)(?P<n>\d+)$", re.I)


def _normalize_components(parts: list[str]) -> tuple[list[str], Optional[str], Optional[str]]:
    """Fix case and missing full stops; returns (parts, problem, code) of the first fix."""
    out = []
    problem: Optional[str] = None
    code: Optional[str] = None
    for p in parts:
        fixed = p
        m = _MOD_RE.match(p)
        n = _NATURE_RE.match(p)
        if p.lower() in _CASE_FIX and p != _CASE_FIX[p.lower()]:
            fixed = _CASE_FIX[p.lower()]
            problem = problem or f"'{p}' must be written '{fixed}'"
            code = code or "SYM-02"
        elif m:
            fixed = f"{m['w'].capitalize()}.{m['n']}"
            if fixed != p:
                problem = problem or f"modifier '{p}' must be written '{fixed}'"
                code = code or "SYM-05"
        elif n:
            fixed = f"{n['w'].upper()}.{n['n']}"
            if fixed != p:
                problem = problem or f"missing full stop: '{p}' must be written '{fixed}'"
                code = code or "SYM-04"
        out.append(fixed)
    return out, problem, code


def _split(sym: str) -> tuple[str, str]:
    """(slash part, suffix) where suffix is "*", " (III)", "(Vol.I)", ..."""
    m = _pattern(r"(\*?)(\s?(?:[A-Z]\s?)?\([^)]*\))?$").search(sym)
    if m and m.group(0):
        core = sym[:m.start()]
        letter = _pattern(r"\s?([A-Z])\s?\(").match(m.group(2) or "")
        if letter:   # "217 A (III)": the letter belongs to the number
            return core, m.group(0)
        return core, m.group(0)
    return sym, ""


def _session_info(sym: str) -> tuple[Optional[int], Optional[str], Optional[int]]:
    parts = sym.split("/")
    sess: Optional[int] = None
    kind: Optional[str] = None
    yr: Optional[int] = None
    if parts[0] in ("E", "S"):
        yr = next((int(p) for p in parts[1:] if _pattern(r"(?:19|20)\d\d").fullmatch(p)), None)
    for p in parts[1:4]:
        m = _pattern(r"(ES|S)-(\d{1,2})").fullmatch(p)
        if m:
            sess, kind = int(m.group(2)), "special" if m.group(1) == "S" else "emergency special"
            break
        if _pattern(r"(?:19|20)\d\d").fullmatch(p) and parts[0] in ("E", "S") or (
                _pattern(r"(?:19|20)\d\d").fullmatch(p) and parts[:2] == ["E", "CN.4"]):
            yr = int(p)
            break
        if _pattern(r"[1-9]\d?").fullmatch(p) and parts[0] == "A" and p is not parts[-1]:
            sess, kind = int(p), "regular"
            break
        if _pattern(r"[1-9]\d?").fullmatch(p) and parts[0] == "A" and parts[1] in ("RES", "HRC") and len(parts) > 3:
            sess, kind = int(p), "regular"
            break
    pm = _pattern(r"\((S-|ES-)?([IVXLC]+|\d{4})\)$").search(sym)
    if pm:
        val = pm.group(2)
        if val.isdigit():
            yr = int(val)
        else:
            r = roman_to_int(val)
            if r is not None:
                sess = r
                kind = {"S-": "special", "ES-": "emergency special"}.get(pm.group(1) or "", "regular")
    return sess, kind, yr


def validate_symbol(s: str, start: int = 0) -> SymbolMatch:
    """Classify and validate one symbol string (no surrounding text)."""
    m = _validate_cached(s)
    if start == 0:
        return m
    # ``replace(m, start=start, end=start + len(s))``, without its field introspection
    return SymbolMatch(start, start + len(s), m.text, m.series, m.body, m.session, m.session_kind, m.year,
                       m.is_draft, m.is_resolution, m.valid, m.problem, m.suggestion, m.code)


@lru_cache(maxsize=1024)
def _validate_cached(s: str) -> SymbolMatch:
    # Documents cite the same few symbols many times: validate each once.
    start = 0
    text = s
    core, suffix = _split(s)
    raw_parts = core.split("/")
    parts, problem, code = _normalize_components(raw_parts)
    normalized = "/".join(parts) + suffix
    suggestion = normalized if normalized != s else None
    body = _body_of(normalized)
    series = parts[0]
    is_draft = any(_pattern(r"L\.\d+").fullmatch(p) for p in parts)
    is_res = "RES" in parts
    sess, kind, yr = _session_info(normalized)
    valid = problem is None

    def result(problem: Optional[str], code: Optional[str], suggestion: Optional[str]) -> SymbolMatch:
        return SymbolMatch(start, start + len(text), text, series, body, sess, kind, yr, is_draft,
                           is_res, problem is None, problem, suggestion, code)

    if not valid:
        return result(problem, code, suggestion)

    # -- §4.5 specific forms ------------------------------------------------------
    m = _pattern(r"([SE])/HRC/(.+)").fullmatch(normalized)
    if m:  # "S/HRC/58/22": the Council's documents are General Assembly documents
        return result(f"Human Rights Council documents are in the A/ series, not {m.group(1)}/", "SYM-09",
                      f"A/HRC/{m.group(2)}")
    if _pattern(r"A/(?:HRC|C\.\d+)/L\.\d+.*|A/L\.\d+.*").fullmatch(normalized):
        hint = "" if normalized.startswith("A/HRC/") else " (valid only for pre-1976 documents)"
        return result("session component missing" + hint, "SYM-01", None)
    m = _pattern(r"A/RES/(\d{1,2})/(\d{1,4})").fullmatch(normalized)
    if m and int(m.group(1)) < 31:
        sug = f"A/RES/{m.group(2)} ({int_to_roman(int(m.group(1)))})"
        return result("GA sessions before the 31st use the form n (ROMAN)", "SYM-06", sug)
    m = _pattern(r"A/RES/(\d{1,4})(\s?[A-Z])?\s?\((\d{1,2})\)").fullmatch(normalized)
    if m:
        sug = f"A/RES/{m.group(1)}{m.group(2) or ''} ({int_to_roman(int(m.group(3)))})"
        return result("session in parentheses must be a roman numeral", "SYM-06", sug)
    m = GA_RES_OLD.match(normalized)
    if m and int(m["n"]) > GA_LEGACY_MAX:
        return result(f"legacy GA resolution numbers stop at {GA_LEGACY_MAX}", "SYM-07", None)
    m = _pattern(r"A/HRC/RES/(?:\d{1,2}|S-\d{1,2})/(\d{3})").fullmatch(normalized)
    if m and int(m.group(1)) >= 101:
        return result("numbers from 101 are HRC decisions, not resolutions", "CIT-07", None)

    # -- joint documents: "A/48/486-S/26560" ------------------------------------------
    jm = _pattern(r"([A-Z]{1,6}/[^ ]+?)-([A-Z]{1,6}/[^ ]+)").fullmatch(normalized)
    if jm:
        bad = next((p for p in (validate_symbol(jm.group(1)), validate_symbol(jm.group(2)))
                    if not p.valid), None)
        return result(bad.problem, bad.code, None) if bad else result(None, None, None)

    # -- body-specific validators (on the symbol without "*" / "(Vol.I)" / "(Part I)") --
    plain = _pattern(r"\*?(?:\s?\((?:Vol\.|Part)[^)]*\))?$").sub("", normalized)
    for prefix, validators, message in _BODY_RULES:
        if prefix.match(plain):
            if any(v.match(plain) for v in validators):
                return result(None, None, None)
            return result(message, "SYM-09", None)

    # -- generic grammar ----------------------------------------------------------------
    if series not in CORE_SERIES:
        # Specialized agencies and programmes (UNEP/EA.5/Res.5, COFI/2022/4.1/Rev.1) have
        # their own conventions; only the spelling checks above apply to them.
        return result(None, None, None)
    if not _follows_grammar(normalized):
        return result("does not follow the document-symbol grammar", "SYM-09", None)
    if parts[:2] == ["A", "HRC"] and not any(_pattern(r"\d{1,3}|S-\d{1,2}").fullmatch(p) for p in parts[2:-1]):
        return result("session component missing", "SYM-01", None)
    return result(None, None, None)


def find_symbols(text: str) -> list[SymbolMatch]:
    """Document symbols in ``text`` (trailing sentence punctuation excluded).

    The list is shared between callers: do not modify it."""
    if "/" not in text:
        return []  # every symbol has a slash: most paragraphs need no scan (nor a cache entry)
    return _find_symbols(text)


@lru_cache(maxsize=1024)  # several rules ask for the same paragraph's symbols
def _find_symbols(text: str) -> list[SymbolMatch]:
    out: list[SymbolMatch] = []
    for m in _SYMBOL_CANDIDATE.finditer(text):
        s = m.group(0)
        e = len(s)
        while e and s[e - 1] in _TRAIL:
            e -= 1
        s = s[:e]
        if "/" not in s or not any(c.isdigit() for c in s):
            continue
        if s.endswith("/"):
            continue
        pm = _pattern(r"\s?\(\d{1,4}\)$").search(s)
        if pm and not _pattern(r"[AS]/RES/").match(s):   # "A/78/251 (2023)": the year is prose
            s = s[:pm.start()]
        out.append(validate_symbol(s, m.start()))
    return out
