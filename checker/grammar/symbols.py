"""United Nations document symbols (§4 of the drafting spec).

``symbol`` is the pyparsing grammar of §4.2; ``find_symbols`` locates
symbol-shaped tokens with a compiled regex, then classifies each one with the
grammar and the body-specific validators of §4.3, reporting the invalid forms
of §4.5 with a suggestion where one is certain.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Optional

import pyparsing as pp

# --------------------------------------------------------------------------
# pyparsing grammar (§4.2)
# --------------------------------------------------------------------------


def _tok(pattern: str, name: str) -> pp.Regex:
    return pp.Regex(pattern).leave_whitespace().set_name(name)


digits = _tok(r"[1-9]\d*(?:-[1-9]\d*)?", "digits")    # "3-7": combined reports
year = _tok(r"(?:19|20)\d\d(?![\d])", "year")
roman = _tok(r"[IVXLC]+", "roman")
series = _tok(r"[A-Z]+", "series")
body_comp = _tok(r"(?:AC|CN|CONF|GC|SC|WG|C)\.[1-9]\d*(?![\w])|Sub\.[1-9]\d*|PC(?![\w.])|HRC(?![\w.])",
                 "body component")
nature_comp = _tok(r"(?:L|PV|SR|CRP|WP|R)\.[1-9]\d*(?![\w])|(?:RES|DEC|PRST|INF|NGO|PET)(?![\w.])",
                   "nature component")
session_comp = _tok(r"(?:S|ES)-[1-9]\d*(?![\w])", "special session component") | year | digits
modifier = _tok(r"(?:Add|Corr|Rev|Amend)\.[1-9]\d*(?:-[1-9]\d*)?(?![\w])|Summary(?![\w])", "modifier")
# Other components the EBNF leaves open ("AI", "CS", "SER.A", "RPM.1", "C" in CCPR/C/...).
other_comp = _tok(r"[A-Z][A-Za-z]*(?:\.(?:[1-9]\d*|[A-Z]+))?(?![\w])", "other component")   # "S/Agenda/2329"
component = (modifier | nature_comp | body_comp | session_comp | other_comp).set_name("component")
paren_suffix = (
    pp.Opt(pp.Literal(" ").leave_whitespace()).suppress()
    + pp.Literal("(").leave_whitespace().suppress()
    + _tok(r"Vol\. ?[IVXLC]+|Part [IVXLC]+|(?:S-|ES-)?[IVXLC]+|(?:19|20)\d\d", "paren content")("paren")
    + pp.Literal(")").leave_whitespace().suppress()
).set_name("paren suffix")
symbol = (
    series("series")
    + pp.OneOrMore(pp.Literal("/").leave_whitespace().suppress() + component)("components")
    + pp.Opt(pp.Literal("*").leave_whitespace())("reissued")
    + pp.Opt(paren_suffix)
).set_name("document symbol")

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
_SYMBOL_CANDIDATE = re.compile(r"""
    (?<![\w/.\-])
    [A-Z]{1,6}
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
    m = re.search(r"(\*?)(\s?(?:[A-Z]\s?)?\([^)]*\))?$", sym)
    if m and m.group(0):
        core = sym[:m.start()]
        letter = re.match(r"\s?([A-Z])\s?\(", m.group(2) or "")
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
        yr = next((int(p) for p in parts[1:] if re.fullmatch(r"(?:19|20)\d\d", p)), None)
    for p in parts[1:4]:
        m = re.fullmatch(r"(ES|S)-(\d{1,2})", p)
        if m:
            sess, kind = int(m.group(2)), "special" if m.group(1) == "S" else "emergency special"
            break
        if re.fullmatch(r"(?:19|20)\d\d", p) and parts[0] in ("E", "S") or (
                re.fullmatch(r"(?:19|20)\d\d", p) and parts[:2] == ["E", "CN.4"]):
            yr = int(p)
            break
        if re.fullmatch(r"[1-9]\d?", p) and parts[0] == "A" and p is not parts[-1]:
            sess, kind = int(p), "regular"
            break
        if re.fullmatch(r"[1-9]\d?", p) and parts[0] == "A" and parts[1] in ("RES", "HRC") and len(parts) > 3:
            sess, kind = int(p), "regular"
            break
    pm = re.search(r"\((S-|ES-)?([IVXLC]+|\d{4})\)$", sym)
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
    return m if start == 0 else replace(m, start=start, end=start + len(s))


@lru_cache(maxsize=4096)
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
    is_draft = any(re.fullmatch(r"L\.\d+", p) for p in parts)
    is_res = "RES" in parts
    sess, kind, yr = _session_info(normalized)
    valid = problem is None

    def result(problem: Optional[str], code: Optional[str], suggestion: Optional[str]) -> SymbolMatch:
        return SymbolMatch(start, start + len(text), text, series, body, sess, kind, yr, is_draft,
                           is_res, problem is None, problem, suggestion, code)

    if not valid:
        return result(problem, code, suggestion)

    # -- §4.5 specific forms ------------------------------------------------------
    if re.fullmatch(r"A/(?:HRC|C\.\d+)/L\.\d+.*|A/L\.\d+.*", normalized):
        hint = "" if normalized.startswith("A/HRC/") else " (valid only for pre-1976 documents)"
        return result("session component missing" + hint, "SYM-01", None)
    m = re.fullmatch(r"A/RES/(\d{1,2})/(\d{1,4})", normalized)
    if m and int(m.group(1)) < 31:
        sug = f"A/RES/{m.group(2)} ({int_to_roman(int(m.group(1)))})"
        return result("GA sessions before the 31st use the form n (ROMAN)", "SYM-06", sug)
    m = re.fullmatch(r"A/RES/(\d{1,4})(\s?[A-Z])?\s?\((\d{1,2})\)", normalized)
    if m:
        sug = f"A/RES/{m.group(1)}{m.group(2) or ''} ({int_to_roman(int(m.group(3)))})"
        return result("session in parentheses must be a roman numeral", "SYM-06", sug)
    m = GA_RES_OLD.match(normalized)
    if m and int(m["n"]) > GA_LEGACY_MAX:
        return result(f"legacy GA resolution numbers stop at {GA_LEGACY_MAX}", "SYM-07", None)
    m = re.fullmatch(r"A/HRC/RES/(?:\d{1,2}|S-\d{1,2})/(\d{3})", normalized)
    if m and int(m.group(1)) >= 101:
        return result("numbers from 101 are HRC decisions, not resolutions", "CIT-07", None)

    # -- joint documents: "A/48/486-S/26560" ------------------------------------------
    jm = re.fullmatch(r"([A-Z]{1,6}/[^ ]+?)-([A-Z]{1,6}/[^ ]+)", normalized)
    if jm:
        bad = next((p for p in (validate_symbol(jm.group(1)), validate_symbol(jm.group(2)))
                    if not p.valid), None)
        return result(bad.problem, bad.code, None) if bad else result(None, None, None)

    # -- body-specific validators (on the symbol without "*" / "(Vol.I)" / "(Part I)") --
    plain = re.sub(r"\*?(?:\s?\((?:Vol\.|Part)[^)]*\))?$", "", normalized)
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
    try:
        symbol.parse_string(normalized, parse_all=True)
    except pp.ParseBaseException:
        return result("does not follow the document-symbol grammar", "SYM-09", None)
    if parts[:2] == ["A", "HRC"] and not any(re.fullmatch(r"\d{1,3}|S-\d{1,2}", p) for p in parts[2:-1]):
        return result("session component missing", "SYM-01", None)
    return result(None, None, None)


@lru_cache(maxsize=1024)  # several rules ask for the same paragraph's symbols
def find_symbols(text: str) -> list[SymbolMatch]:
    """Document symbols in ``text`` (trailing sentence punctuation excluded).

    The list is shared between callers: do not modify it."""
    out: list[SymbolMatch] = []
    if "/" not in text:
        return out  # every symbol has a slash: most paragraphs need no scan
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
        pm = re.search(r"\s?\(\d{1,4}\)$", s)
        if pm and not re.match(r"[AS]/RES/", s):   # "A/78/251 (2023)": the year is prose
            s = s[:pm.start()]
        out.append(validate_symbol(s, m.start()))
    return out
