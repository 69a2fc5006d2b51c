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


# -- second round: one-line paths and per-line ASCII tests --------------------------


def _map_of(tmap):
    return tmap.segments(), tmap.length, tmap.end_original


def test_one_line_logical_reads_as_the_joining_loop():
    """``_logical([raw])`` (its own path) gives what the loop over several lines gives
    when the other lines add nothing (a blank line at the first one's end)."""
    lines = ["Recalling its resolution 1,", "  indented  twice ", "", "   ", "*Noting* the __report__",
             "a\u00a0b\tc", "capacity\u2011building", "# Heading", "Action3 of", "word   wide gap"]
    for fmt in ("text", "markdown"):
        text = "\n".join(lines)
        nzr = nz._Normalizer(SourceText(path="t.txt", text=text, format=fmt))
        for raw in nz._split_lines(text):
            one = nzr._logical([raw])
            end = raw.start + len(raw.text.rstrip())
            loop = nzr._logical([raw, nz._Raw(" ", end)])
            assert (one.text, _map_of(one.tmap), one.italics, one.bold, one.indent) == \
                (loop.text, _map_of(loop.tmap), loop.italics, loop.bold, loop.indent), repr(raw.text)


def test_compose_of_one_line_is_what_text_builder_builds():
    from checker.model import TextBuilder
    from checker.parser import _compose

    text = "The General Assembly,\n\nRecalling  its resolution,\n\n1. *Decides* to act;\n"
    for line in nz.normalize(SourceText(path="t.md", text=text, format="markdown")).body:
        builder = TextBuilder()
        builder.add_mapped(line.text, line.tmap)
        built_text, built_map = builder.build()
        got_text, got_map, italics, bold, starts = _compose([line])
        assert (got_text, _map_of(got_map), italics, bold, starts) == \
            (built_text, _map_of(built_map), line.italics, line.bold, [0])


def test_odd_white_space_is_collapsed_in_ascii_and_other_lines():
    # A tab in an ASCII line, a no-break space in a line that is not ASCII.
    text = "The General Assembly,\n\nRecalling\tits resolution 1,\n\nNoting\u00a0the  report “A”,\n"
    body = [line.text for line in nz.normalize(SourceText(path="t.txt", text=text)).body]
    assert body == ["Recalling its resolution 1,", "Noting the report “A”,"]


def test_wrapped_line_after_no_mark_starts_a_paragraph_only_when_numbered_and_operative():
    text = ("The General Assembly,\n\n1. Decides to consider the question at its\n"
            "2. Requests the Secretary-General to report\n"
            "3. the report being ready,\nand more text.\n")
    body = [line.text for line in nz.normalize(SourceText(path="t.txt", text=text)).body]
    assert body == ["1. Decides to consider the question at its",
                    "2. Requests the Secretary-General to report 3. the report being ready, and more text."]


def test_digits_ending_a_symbols_modifier_are_not_a_footnote_marker():
    """'A/HRC/60/31/Add1' is a miswritten 'Add.1' (CIT007 reports it), not 'Add' + marker 1."""
    from checker.parser import parse_text

    text = ("The General Assembly,\n\nRecalling the Declaration,\u00b9\n\n"
            "Taking note of the report (A/HRC/60/31/Add1),\n\n1. Decides to remain seized of the matter.\n\n"
            "_______________\n\n\u00b9 Resolution 217 A (III).\n")
    doc = parse_text(text)
    assert "A/HRC/60/31/Add1" in doc.preamble[1].text
    assert [m.label for m in doc.markers] == ["1"]
