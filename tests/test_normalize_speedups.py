"""The normalizer's fast paths read the text as the plain ways they replace did.

Each case pins one shortcut: the single digit-marker scan (four regexes before),
str.splitlines for physical lines (a regex before), the per-document checks
that let lines skip a search (superscripts, white space other than spaces).
"""

from __future__ import annotations

import re

from checker import normalize as nz
from checker.normalize import _split_lines, _ws_is_clean
from checker.sources import SourceText
from checker.vocabulary import MONTHS_RE

# The four marker patterns the one scan replaced, kept here as the reference.
_YEAR = re.compile(rf"\b(?:{MONTHS_RE})\s((?:1[89]|20)\d\d)(\d{{1,2}})(?=[\s,.;:)]|$)")
_PUNCT = re.compile(r"([,;:.])(?<=[\w)\]”’\"'][,;:.])(\d{1,2})(?=\s|$)")
_WORD = re.compile(r"(\d(?<=[a-z)]\d)\d?)(?=[\s,.;:)]|$)")
_SPACED = re.compile(r"( (?<=[,;.] )(\d{1,2}))(?= \S)")


def _reference(s: str) -> list[tuple[int, int, str]]:
    out = [(m.start(2), m.end(2), m.group(2)) for m in _YEAR.finditer(s)]
    out += [(m.start(2), m.end(2), m.group(2)) for m in _PUNCT.finditer(s)]
    out += [(m.start(1), m.end(1), m.group(1)) for m in _WORD.finditer(s)]
    out += [(m.start(1), m.end(1), m.group(2)) for m in _SPACED.finditer(s)]
    return sorted(out)


def _one_scan(s: str) -> list[tuple[int, int, str]]:
    out = []
    for m in (nz._DIGIT_MARK_ASCII if s.isascii() else nz._DIGIT_MARK).finditer(s):
        a, b = m.span()
        if m.group("year") is not None:
            if nz._MONTH_BEFORE.search(s, max(a - 10, 0), a):
                out.append((m.start("year"), b, m.group("year")))
        elif s[a - 1] == " ":
            out.append((a - 1, b, m.group()))
        else:
            out.append((a, b, m.group()))
    return sorted(out)


def test_digit_marker_scan_finds_what_the_four_patterns_found():
    cases = [
        "adopted on 18 May 20041 and", "on 3 June 199912, it", "xMay 20041 no", "May  20041 no",
        "session,4 and", "2004,2 x", "3,4 list", "Action3 of", "Action12.", "(a)1 x",
        "Assembly, 2 and", "Assembly; 12 x", "a, 123 b", "A/RES/60/1 of 2005", "19991", "",
        "“quoted”,3 x", "September 20211; and", "Council ٣ x", "word٣ x", "end.7",
    ]
    for s in cases:
        assert _one_scan(s) == _reference(s), s


def test_split_lines_breaks_where_the_line_regex_did():
    for text in ["a\r\nb\rc\nd", "a\n\n", "", "x", "a\fb\vc\n", "a\u2028b\nc", "a\x85b\r\n", "a\x1cb"]:
        expected = [(r.text, r.start) for r in nz._split_lines_re(text.replace("\f", " ").replace("\v", " "))]
        assert [(r.text, r.start) for r in _split_lines(text)] == expected, repr(text)


def test_white_space_check_with_and_without_odd_white_space():
    for text in ["a b", "a  b", " a", "a ", "a\tb", "a\u00a0b", "", "a\xadb"]:
        collapsed = nz._WS_RUN.search(text) is None and text == text.strip()
        assert _ws_is_clean(text) == collapsed, repr(text)
    assert _ws_is_clean("a b", odd_ws=False)


def test_superscript_markers_found_only_in_lines_that_hold_one():
    text = ("The General Assembly,\n\nRecalling its resolution 1,¹\n\n"
            "Noting the report,\n\n1. Decides to act.\n\n_____\n¹ A/RES/1.\n")
    n = nz.normalize(SourceText(path="t.txt", text=text))
    assert [(m.label, m.style) for m in n.markers] == [("1", "superscript")]
    assert text[n.markers[0].span.start:n.markers[0].span.end] == "¹"
