"""Acronyms and defined short forms (§8 of the drafting spec).

Definitions are found as "Full Name (ACR)" and "(hereinafter “the Council”)";
uses are capital tokens that are not document symbols, roman numerals or parts
of resolution numbers. Both finders are plain regex scans, linear in the input.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from checker.grammar.symbols import find_symbols

#: ACR-02: never abbreviated in resolution text; value = what to write instead.
ALWAYS_SPELLED_OUT: dict[str, str] = {
    "UN": "United Nations",
    "GA": "General Assembly",
    "UNGA": "General Assembly",
    "SC": "Security Council",
    "UNSC": "Security Council",
    "ECOSOC": "Economic and Social Council",
    "SG": "Secretary-General",
    "UNSG": "Secretary-General",
    "UNOG": "United Nations Office at Geneva",
    "UNON": "United Nations Office at Nairobi",
    "UNOV": "United Nations Office at Vienna",
}

FUNCTION_WORDS = frozenset(
    "of the for and on in to at de la le les des du et a an by with against from".split())

_ROMAN_RE = re.compile(r"^(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$")


def is_roman(token: str) -> bool:
    """True for roman numerals I–LXXXIX (session numbers, annex numbers)."""
    return bool(token) and bool(_ROMAN_RE.match(token))


@dataclass(frozen=True, slots=True)
class AcronymDef:
    """A definition: "Full Name (ACR)" (kind "acronym") or '(hereinafter "the X")' (kind "short-form")."""

    start: int                  # span of the acronym / short form inside the parentheses
    end: int
    acronym: str                # "OHCHR", "SDGs", "the Council"
    expansion: str              # "Office of the United Nations High Commissioner for Human Rights"
    expansion_start: int
    expansion_end: int
    plausible: bool             # initials of the expansion fit the acronym
    kind: str                   # "acronym" | "short-form"
    plural: bool                # "SDGs"


@dataclass(frozen=True, slots=True)
class AcronymUse:
    """A capital token used as an abbreviation."""

    start: int
    end: int
    text: str                   # as written: "UNDP", "U.N.D.P.", "SDGs"
    acronym: str                # without full stops: "UNDP", "SDGs"
    base: str                   # without plural s: "SDG"
    plural: bool
    dotted: bool                # ACR-04: "U.N.D.P."
    possessive: bool            # ACR-04: "UNMIL's"
    in_definition: bool         # the "(UNDP)" of its own definition


# --------------------------------------------------------------------------
# Definitions
# --------------------------------------------------------------------------

_ACR = r"[A-Z](?:[A-Z0-9&]|-(?=[A-Z0-9]))*[A-Z0-9]s?"
# "UN-Women", "UN-Habitat": official names built on "UN-" are defined like acronyms
# ("United Nations Entity for Gender Equality and the Empowerment of Women (UN-Women)").
UN_NAME = r"UN-[A-Z][a-z]+"
_DEF_RE = re.compile(rf"\((?P<acr>{_ACR}|{UN_NAME})\)")
_SHORT_RE = re.compile(
    r"\((?:hereinafter(?:\s+(?:referred\s+to\s+as|called))?\s+)?"
    r"[\u201c\"\u2018'](?P<term>[^\u201d\"\u2019'()\n]{1,80})[\u201d\"\u2019']\)")
_WORD_RE = re.compile(r"[\w\u2019'-]+")
_MAX_WORDS = 14


def _letters(acr: str) -> str:
    core = acr[:-1] if acr.endswith("s") else acr
    return "".join(c for c in core if c.isalpha()).lower()


def _words_back(text: str, end: int) -> list[tuple[int, int, str]]:
    """Words before ``end`` (nearest last), across commas but not sentence breaks."""
    lo = max(0, end - 200)
    seg = text[lo:end]
    cut = max(seg.rfind(c) for c in ".;:()\n[]")
    if cut >= 0:
        lo, seg = lo + cut + 1, seg[cut + 1:]
    words = [(lo + m.start(), lo + m.end(), m.group(0)) for m in _WORD_RE.finditer(seg)]
    return words[-_MAX_WORDS:]


def _match_initials(letters: str, words: list[str], inner: bool) -> bool:
    """Can the acronym letters be read off ``words`` in order?

    Each word gives a prefix of itself (``inner``: any subsequence starting
    with its first letter, for run-together words like "coronavirus"), or is
    skipped; the first word must give at least its first letter.
    """
    @lru_cache(maxsize=None)
    def go(i: int, j: int) -> bool:
        if i == len(letters):
            return True
        if j == len(words):
            return False
        w = words[j].lower()
        if go(i, j + 1) and j > 0:
            return True
        if not w or w[0] != letters[i]:
            return False
        # take k >= 1 letters from this word
        if inner:
            k, pos = i + 1, 1
            while True:
                if go(k, j + 1):
                    return True
                if k == len(letters):
                    return False
                pos = w.find(letters[k], pos)
                if pos < 0:
                    return False
                k, pos = k + 1, pos + 1
        k = i
        while k < len(letters) and k - i < len(w) and w[k - i] == letters[k]:
            k += 1
            if go(k, j + 1):
                return True
        return False

    return go(0, 0)


def _find_expansion(text: str, acr_open: int, acronym: str) -> tuple[int, int, bool]:
    """(start, end, plausible) of the expansion ending just before "(" at ``acr_open``."""
    words = _words_back(text, acr_open)
    if not words:
        return acr_open, acr_open, False
    end = words[-1][1]
    letters = _letters(acronym)
    if not letters or len(letters) > 15:
        return words[-1][0], end, False
    # The capitalized run: capitalized words and function words, nearest first.
    run_start = len(words)
    for k in range(len(words) - 1, -1, -1):
        w = words[k][2]
        if w[:1].isupper() or w[:1].isdigit() or (w.lower() in FUNCTION_WORDS and k < len(words) - 1):
            run_start = k
        else:
            break
    texts = [w[2] for w in words]
    if run_start < len(words):
        for k in range(len(words) - 1, run_start - 1, -1):
            if texts[k][:1].lower() == letters[0] and texts[k][:1].isupper():
                if _match_initials(letters, [t for t in texts[k:] if t.lower() not in FUNCTION_WORDS], False):
                    return words[k][0], end, True
    # lower-case expansions: "coronavirus disease (COVID-19)", "least developed countries (LDCs)"
    lower_range = range(len(words) - 1, max(-1, len(words) - 1 - len(letters) - 2), -1)
    for k in (lower_range if run_start == len(words) else ()):
        cand = [t for t in texts[k:] if t.lower() not in FUNCTION_WORDS]
        if texts[k][:1].lower() == letters[0] and _match_initials(letters, cand, True):
            return words[k][0], end, True
    if run_start < len(words):
        k = run_start
        while k < len(words) - 1 and texts[k].lower() in FUNCTION_WORDS:
            k += 1
        return words[k][0], end, False
    k = max(0, len(words) - len(letters))
    return words[k][0], end, False


def find_acronym_definitions(text: str, include_short_forms: bool = True) -> list[AcronymDef]:
    """Acronym definitions "Full Name (ACR)" and, optionally, short-form definitions."""
    out: list[AcronymDef] = []
    for m in _DEF_RE.finditer(text):
        acr = m["acr"]
        if sum(c.isupper() for c in acr) < 2 or is_roman(acr):
            continue
        xs, xe, ok = _find_expansion(text, m.start(), acr)
        out.append(AcronymDef(m.start("acr"), m.end("acr"), acr, text[xs:xe], xs, xe, ok,
                              "acronym", acr.endswith("s") and len(acr) > 2))
    if include_short_forms:
        for m in _SHORT_RE.finditer(text):
            term = m["term"].strip()
            words = _words_back(text, m.start())
            if words:
                run = len(words)
                for k in range(len(words) - 1, -1, -1):
                    w = words[k][2]
                    # "the" after a word that is not "of", "for"... opens the name: "Recognizing the
                    # Resource Group", "4. Welcomes the Group of Friends of the Rule of Law".
                    if w == "the" and k > 0 and words[k - 1][2].lower() not in FUNCTION_WORDS:
                        break
                    if w[:1].isupper() or w[:1].isdigit() or (w.lower() in FUNCTION_WORDS and k < len(words) - 1):
                        run = k
                    else:
                        break
                while run < len(words) - 1 and words[run][2].lower() in FUNCTION_WORDS:
                    run += 1
                xs = words[run][0] if run < len(words) else m.start()
                xe = words[-1][1]
            else:
                xs = xe = m.start()
            expansion = text[xs:xe]
            head = term.split()[-1].lower() if term.split() else ""
            plausible = bool(head) and head in {w.lower() for w in _WORD_RE.findall(expansion)}
            out.append(AcronymDef(m.start("term"), m.start("term") + len(m["term"]), term, expansion,
                                  xs, xe, plausible, "short-form", False))
        out.sort(key=lambda d: d.start)
    return out


# --------------------------------------------------------------------------
# Uses
# --------------------------------------------------------------------------

# The look-behind sits after the first capital so that ``re`` can skip to capitals (3x faster).
_ACR_REST = _ACR[len("[A-Z]"):]
_USE_RE = re.compile(rf"(?P<acr>[A-Z](?<![\w/.\-&][A-Z]){_ACR_REST})(?P<poss>[\u2019']s\b)?(?![\w/&]|-\w|\.\w)")
# "(?<![\w.])(?:[A-Z]\.){2,}", with the look-behind after the first capital for the same reason.
_DOTTED_RE = re.compile(r"(?P<acr>[A-Z](?<![\w.][A-Z])\.(?:[A-Z]\.)+)(?P<poss>[\u2019']s\b)?(?![\w])")
_HEADING_LINE = re.compile(r"[^\n]*")
# Two capitals with only capitals, digits, "&", "-" or "." between them. Every use counted below
# has them: a ``_USE_RE`` token holds two capitals (the check on ``isupper``) joined by
# [A-Z0-9&-], a ``_DOTTED_RE`` one "X.Y.". Nine paragraphs in ten have none.
# (No newline in it: searched in texts joined by newlines, a match is inside one of them.)
TWO_CAPITALS = re.compile(r"[A-Z][A-Z0-9&.\-]*[A-Z]")


# TWO_CAPITALS for many texts at once, over their UTF-8 bytes: a capital read as "A", a character
# allowed between two as "0", any other byte (all those of a non-ASCII character too) as " ".
# "A[A0]*A" then matches where TWO_CAPITALS does, and opens with a literal, which ``re`` looks
# for far faster than for a class (three times faster over the corpus).
CAPITALS_AS_A = bytes(65 if 65 <= b <= 90 else 48 if chr(b) in "0123456789&.-" else 32 for b in range(256))
TWO_CAPITALS_AS_A = re.compile(rb"A[A0]*A")


def may_have_acronym(text: str) -> bool:
    """False when ``text`` can hold no acronym use nor "(ACR)" definition (both need two capitals)."""
    return TWO_CAPITALS.search(text) is not None


def _heading_lines(text: str) -> list[tuple[int, int]]:
    """Spans of all-capital lines (no lower-case letter, at least two capitals)."""
    spans = []
    for m in _HEADING_LINE.finditer(text):
        line = m.group(0)
        if line and not any(c.islower() for c in line) and sum(c.isupper() for c in line) >= 2 \
                and len(line.split()) >= 2:
            spans.append((m.start(), m.end()))
    return spans


_UN_NAME_USE = re.compile(rf"(?<![\w-])(?P<acr>{UN_NAME})(?P<poss>[\u2019']s\b)?(?![\w-]|\.\w)")


def find_un_name_uses(text: str) -> list[AcronymUse]:
    """Uses of "UN-" names ("UN-Women", "UN-Habitat"), which ``find_acronym_uses`` does not read:
    TRM006 takes them for official names, and many adopted texts use them undefined. The
    resolver counts them only where the text defines them (used before the definition, TRM002)."""
    if "UN-" not in text:
        return []
    return [AcronymUse(m.start(), m.end("acr"), m["acr"], m["acr"], m["acr"], False, False, bool(m["poss"]),
                       m.start() > 0 and text[m.start() - 1] == "(" and text[m.end("acr"):m.end("acr") + 1] == ")")
            for m in _UN_NAME_USE.finditer(text)]


@lru_cache(maxsize=1024)  # TRM001-TRM007 all read the same paragraphs
def find_acronym_uses(text: str) -> list[AcronymUse]:
    """Abbreviation tokens: 2+ capitals (digits, hyphens, plural "s" allowed), and dotted forms.

    The list is shared between callers: do not modify it."""
    if not may_have_acronym(text):
        return []
    spans = sorted([(s.start, s.end) for s in find_symbols(text)] + _heading_lines(text))
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    starts = [s for s, _ in merged]

    def skipped(pos: int) -> bool:
        i = bisect.bisect_right(starts, pos) - 1
        return i >= 0 and pos < merged[i][1]

    out: list[AcronymUse] = []
    for m in _USE_RE.finditer(text):
        acr = m["acr"]
        if sum(c.isupper() for c in acr) < 2 or is_roman(acr) or skipped(m.start()):
            continue
        plural = acr.endswith("s")
        base = acr[:-1] if plural else acr
        in_def = m.start() > 0 and text[m.start() - 1] == "(" and text[m.end("acr"):m.end("acr") + 1] == ")"
        out.append(AcronymUse(m.start(), m.end("acr"), acr, acr, base, plural, False,
                              bool(m["poss"]), in_def))
    for m in _DOTTED_RE.finditer(text):
        if skipped(m.start()):
            continue
        acr = m["acr"].replace(".", "")
        out.append(AcronymUse(m.start(), m.end("acr"), m["acr"], acr, acr, False, True,
                              bool(m["poss"]), False))
    out.sort(key=lambda u: u.start)
    return out
