"""The normalize and parse stages' fast paths read texts as the general paths they skip.

Each property runs a fast path and the general one on the same generated text:

* physical lines cut with str.split("\\n") where "\\n" is the only break, as the
  line regex cuts them;
* plain lines (``_Normalizer._is_plain``) taken as they are, as ``_clean`` takes them.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker import normalize as nz
from checker.sources import SourceText

EXAMPLES = int(os.environ.get("RESLINT_FUZZ_EXAMPLES", "300"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow])

# Characters each fast path looks for, with ordinary ones around them.
_TRICKY = ["a", "B", " ", "  ", "\t", "\u00a0", "\u2009", "*", "**", "_", "#", "# ", "[^1]", "[^", "^",
           "¹", "²⁰", "\u2010", "\u2011", "’", "“", ".", ",", "1", "2004", "(a)", "/", "<!-- x -->", "\f", "\v",
           "\u2060", "\xad", "Recalling", "Decides", "The General Assembly,", "_____", "A/RES/1"]
_BREAKS = ["\n", "\n\n", "\r\n", "\r", "\u2028", "\x85", "\x1c"]


@st.composite
def documents(draw, breaks=_BREAKS):
    lines = draw(st.lists(st.lists(st.sampled_from(_TRICKY), max_size=12).map("".join), max_size=25))
    out = []
    for line in lines:
        out.append(line)
        out.append(draw(st.sampled_from(breaks)))
    return "".join(out)


@SETTINGS
@given(documents(breaks=["\n", "\n\n", "\r\n", "\r", "\u2028", "\x85", "\v", "\f"]))
def test_split_lines_cuts_where_the_line_regex_does(text):
    expected = [(r.text, r.start) for r in nz._split_lines_re(text.replace("\f", " ").replace("\v", " "))]
    assert [(r.text, r.start) for r in nz._split_lines(text)] == expected


def test_split_lines_edge_cases():
    for text in ["", "\n", "\n\n", "a", "a\n", "a\nb", "a\n\nb\n", " \n "]:
        expected = [(r.text, r.start) for r in nz._split_lines_re(text)]
        assert [(r.text, r.start) for r in nz._split_lines(text)] == expected, repr(text)


class _NoPlainLines(nz._Normalizer):
    """The normalizer with every line sent through ``_clean`` (the reference)."""

    def _is_plain(self, text: str) -> bool:
        return False


def _dump_line(line: nz.LogicalLine):
    tmap = line.tmap
    return (line.text, tmap.segments(), tmap.length, tmap.end_original, line.italics, line.bold, line.indent,
            line.blank_before, line.line_no, line.furniture)


def _dump(n: nz.Normalized):
    return ([_dump_line(x) for x in n.header], n.authoring and _dump_line(n.authoring),
            [_dump_line(x) for x in n.body], [(label, _dump_line(x)) for label, x in n.footnotes],
            [(m.label, m.span, m.style) for m in n.markers], n.directives, n.formatting_known, n.layout)


@SETTINGS
@given(documents(), st.sampled_from(["text", "markdown"]))
def test_plain_lines_read_as_the_general_path_reads_them(text, fmt):
    source = SourceText(path="t.txt", text=text, format=fmt)
    assert _dump(nz._Normalizer(source).run()) == _dump(_NoPlainLines(source).run())


@SETTINGS
@given(st.lists(st.sampled_from(_TRICKY), min_size=1, max_size=12).map("".join))
def test_a_plain_line_is_its_own_cleaned_text(line):
    source = SourceText(path="t.txt", text="The General Assembly,\n\n" + line + "\n¹ x\u2011y *z_ # [^1]\n")
    normalizer = nz._Normalizer(source)
    if line.strip() and normalizer._is_plain(line):
        raw = nz._Raw(line, 23)
        assert _NoPlainLines(source)._cleaned(raw, True, True) == (line, None, [], [])


def _join_with_text_builder(lines, separator):
    """``parser._join_lines`` as it was written with ``TextBuilder`` (the reference)."""
    from checker.model import TextBuilder

    builder = TextBuilder()
    for line in lines:
        if len(builder):
            builder.add_synthetic(separator, line.tmap.to_original(0) - 1)
        builder.add_mapped(line.text, line.tmap)
    return builder.build()


@SETTINGS
@given(documents(), st.sampled_from([" ", "\n", "  "]), st.booleans())
def test_joined_lines_are_what_text_builder_builds(text, separator, with_empty):
    from checker.model import TextMap
    from checker.parser import _join_lines

    n = nz.normalize(SourceText(path="t.txt", text=text))
    lines = n.header + n.body + [line for _, line in n.footnotes]
    if with_empty:  # a line without text (its map has no segment) in the middle
        lines.insert(len(lines) // 2, nz.LogicalLine("", TextMap.from_starts((), (), 0, 3)))
    got_text, got_map = _join_lines(lines, separator)
    want_text, want_map = _join_with_text_builder(lines, separator)
    assert (got_text, got_map.segments(), got_map.length, got_map.end_original) == \
        (want_text, want_map.segments(), want_map.length, want_map.end_original)
