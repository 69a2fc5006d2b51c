"""pyparsing grammar for the structure of a resolution, one logical line at a time.

The normalizer hands over clean logical lines; these elements say what each
line is (an operative paragraph, a sub-paragraph, a meeting line, a header
item ...). Every element is anchored at the start of the line, so parsing
costs only the prefix it reads, never a scan of the whole paragraph.
"""

from __future__ import annotations

from typing import Optional

import re

import pyparsing as pp

from checker.vocabulary import BODIES, MONTHS_RE


_MONTH = pp.Regex(MONTHS_RE).set_name("month")
_DAY = pp.Regex(r"[12]\d|3[01]|[1-9]").set_name("day")
_YEAR = pp.Regex(r"(?:19|20)\d\d").set_name("year")
adoption_date = (_DAY("day") + _MONTH("month") + _YEAR("year")).set_name("adoption date")

# -- body lines ---------------------------------------------------------------

paragraph_number = pp.Regex(r"(?P<number>\d{1,3})\s?\.(?=\s)").set_name("paragraph number")
operative_paragraph = (paragraph_number + pp.Regex(r"\S.*", flags=0)("rest")).set_name("operative paragraph")

subparagraph_label = pp.Regex(r"\((?P<label>[a-z]{1,2}|[ivxlc]{1,7}|\d{1,2})\)").set_name("sub-paragraph label")
lower_degree_label = pp.Regex(r"(?P<label>[a-z]|[ivx]{1,5})\.(?=\s)").set_name("third/fourth-degree label")
subparagraph = (subparagraph_label + pp.Optional(pp.Regex(r"\S.*")("rest"))).set_name("sub-paragraph")

_ORDINAL_SUFFIX = pp.Regex(r"\d{1,4}(?:st|nd|rd|th)")
meeting_line = (
    _ORDINAL_SUFFIX("meeting_number") + pp.Optional(pp.Literal("(resumed)")) + pp.Optional(pp.Keyword("plenary")) + pp.Keyword("meeting")
    + pp.Optional(pp.Optional(",") + adoption_date("date"))
).set_name("meeting line")
adoption_note = pp.Regex(
    r"\[?(?:(?:Resolution|Decision)\s+adopted|Adopted)\s+(?:without\s+a\s+vote|by\s+(?:a\s+)?(?:recorded\s+)?vote|unanimously|at\s+the)[^\]]*\]?.*"
).set_name("adoption note")
date_line = (adoption_date + pp.StringEnd()).set_name("date line")
closing_line = (meeting_line | adoption_note | date_line).set_name("closing line")

annex_heading = pp.Regex(
    r"(?P<word>Annex(?:es)?|ANNEX(?:ES)?|Appendix|APPENDIX)(?:\s+(?P<number>[IVXL]{1,6}|\d{1,2}|[A-Z])\b)?(?:\s*[.:\-–]?\s*(?P<title>.*))?"
).set_name("annex heading")

part_letter = pp.Regex(r"(?P<letter>[A-H])\s*\.?").set_name("part letter") + pp.StringEnd()
section_heading = pp.Regex(r"(?P<numeral>[IVXL]{1,6}|[A-H])\s*\.?(?:\s+(?P<title>\S.{0,150}))?").set_name("section heading")

# -- header lines ----------------------------------------------------------------

_BODY_NAMES = list(BODIES)
body_name = pp.one_of(_BODY_NAMES, caseless=True).set_name("body name")
# one_of's parse action gives the name as listed, whatever its case in the text.
_BODY_NAME_AS_LISTED = {name.lower(): name for name in _BODY_NAMES}
# Empty() and StringEnd(), which parse_all=True puts after the grammar, skip the default white space.
_DEFAULT_WHITE = pp.Empty()
committee_line = pp.Regex(r"(?P<committee>(?:First|Second|Third|Fourth|Fifth|Sixth|Special Political and Decolonization)\s+Committee)").set_name("committee")
agenda_item_line = pp.Regex(
    r"(?:(?:Provisional\s+)?[Aa]genda\s+items?|Item|ITEM|AGENDA\s+ITEMS?)\s*:?\s*(?P<item>\d{1,3}(?:\s*\([a-z]\))?(?:\s*(?:,|and)\s*\d{1,3}(?:\s*\([a-z]\))?)*)(?P<rest>.*)"
).set_name("agenda item")
symbol_line = pp.Regex(r"(?P<symbol>(?:A|E|S|T|ST)/[A-Za-z0-9./\-]+(?:\s*\*)?)").set_name("document symbol") + pp.StringEnd()
distribution_line = pp.Regex(r"Distr\.?\s*:?\s*(?P<distribution>General|Limited|Restricted|GENERAL|LIMITED|RESTRICTED)").set_name("distribution")
adoption_line = pp.Regex(
    r"(?P<what>Resolution|Decision)\s+adopted\s+by\s+the\s+(?P<body>[A-Z][\w ]+?)(?:\s*\*)?(?:\s+on\s+(?P<date>\d{1,2}\s+[A-Z][a-z]+\s+\d{4}))?\s*$"
).set_name("adoption line")
sc_resolution_line = pp.Regex(r"Resolution\s+(?P<number>\d{1,4})\s*\((?P<year>\d{4})\)").set_name("Security Council resolution number")
title_number = pp.Regex(
    r"(?P<number>(?:S-|ES-)?\d{1,4}/(?:\d{1,4}(?:\s?[A-Z](?=[\s.]))?|\.{2,3}|…|_+|x{1,3}|X{1,3}|\[\s*\])|\d{4}/\d{1,3})\s*\.?(?=\s|$)"
).set_name("resolution number")
kind_phrase = pp.Regex(
    r"(?i)(?P<kind>amendments?\s+to\s+draft\s+(?:resolution|decision)|amendments?|draft\s+resolutions?|draft\s+decisions?)"
).set_name("kind of text")


class RegexResult(dict):
    """The named results of a one-``Regex`` element, read like ``ParseResults``:
    ``result["number"]``, ``result.get("title")``, ``result[0]`` (the matched text)."""

    __slots__ = ("text",)

    def __init__(self, m: re.Match):
        dict.__init__(self, m.groupdict())  # unmatched groups are None, as pyparsing sets them
        self.text = m.group(0)

    def __getitem__(self, key):
        return self.text if key == 0 else dict.__getitem__(self, key)


def _plain_regex(element: pp.ParserElement) -> bool:
    """A ``Regex`` whose tokens are just its match: no parse action, results name or ignorables."""
    return (type(element) is pp.Regex and not element.parseAction and not element.resultsName
            and not element.ignoreExprs and not element.asGroupList and not element.asMatch)


def _regex_then_end(element: pp.ParserElement) -> bool:
    """``Regex + StringEnd`` (``symbol_line``, ``part_letter``), all plain."""
    return (type(element) is pp.And and len(element.exprs) == 2 and _plain_regex(element.exprs[0])
            and type(element.exprs[1]) is pp.StringEnd and not element.parseAction and not element.resultsName
            and not element.ignoreExprs and not element.exprs[1].parseAction and not element.exprs[1].ignoreExprs)


def _skip(element: pp.ParserElement, line: str, pos: int) -> int:
    """``pos`` past ``element``'s white space, as its ``preParse`` moves it."""
    if element.skipWhitespace:
        chars = element.whiteChars
        while pos < len(line) and line[pos] in chars:
            pos += 1
    return pos


def _regex_then_end_match(element: pp.And, line: str) -> Optional[RegexResult]:
    # And skips its white space, then the regex reads, then StringEnd skips its own.
    m = element.exprs[0].re.match(line, _skip(element, line, 0))
    if m is None or _skip(element.exprs[1], line, m.end()) < len(line):
        return None
    return RegexResult(m)


# Grammars that can only start with a digit (a day, "95th meeting"): a line that does not,
# after its white space, is not handed to parse_string (the costliest call left).
_DIGIT_FIRST = {id(e) for e in (meeting_line, adoption_date, date_line)}


def _cannot_start(element: pp.ParserElement, line: str) -> bool:
    # isdigit() is true for every \d (and more): never a line the grammar could read.
    return id(element) in _DIGIT_FIRST and not line.lstrip()[:1].isdigit()


def match(element: pp.ParserElement, line: str) -> Optional[pp.ParseResults | RegexResult]:
    """Parse ``element`` at the start of ``line``; None when it does not fit.

    A grammar made of a single ``Regex`` is matched with the regex pyparsing
    compiled for it: the same grammar, without ``parse_string``'s per-call
    machinery, which cost a quarter of the parse on the corpus (56,000 calls)."""
    if type(element) is pp.Regex and not element.parseAction:
        # (lines seldom start with white space: then nothing is to be skipped)
        pos = _skip(element, line, 0) if line[:1] in element.whiteChars else 0
        m = element.re.match(line, pos)
        return RegexResult(m) if m else None
    # (parse_string expands tabs first: only a line without one reads the same here)
    if "\t" not in line and _regex_then_end(element):
        return _regex_then_end_match(element, line)
    if _cannot_start(element, line):
        return None
    try:
        return element.parse_string(line, parse_all=False)
    except pp.ParseBaseException:
        return None


def match_all(element: pp.ParserElement, line: str) -> Optional[pp.ParseResults | RegexResult]:
    """Parse ``element`` against the whole of ``line``.

    The one-regex grammars are read without ``parse_string`` here too (6,500 calls)."""
    if "\t" not in line:
        if _regex_then_end(element):
            return _regex_then_end_match(element, line)  # StringEnd already asks for all of it
        if _plain_regex(element):
            m = element.re.match(line, _skip(element, line, 0))
            if m is None:
                return None
            # parse_all: the element's white space, then Empty's and StringEnd's (the default)
            end = _skip(_DEFAULT_WHITE, line, _skip(element, line, m.end()))
            return RegexResult(m) if end >= len(line) else None
    if _cannot_start(element, line):
        return None
    try:
        return element.parse_string(line, parse_all=True)
    except pp.ParseBaseException:
        return None


def match_body_name(line: str) -> Optional[str]:
    """``match(body_name, line)[0]`` without pyparsing: the body's name at the start of
    ``line`` as ``_BODY_NAMES`` spells it (what one_of's parse action returns), or None."""
    if "\t" in line:
        found = match(body_name, line)
        return found[0] if found is not None else None
    m = body_name.re.match(line, _skip(body_name, line, 0))
    return _BODY_NAME_AS_LISTED[m.group(0).lower()] if m else None
