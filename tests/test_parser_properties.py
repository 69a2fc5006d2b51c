"""Properties of the parse stage on arbitrary text.

* parsing never raises, whatever the text (random Unicode, very long lines,
  mixed \\r\\n / \\r / \\n, form feeds);
* every node's span lies inside the input;
* every node's TextMap is monotone: ``to_original`` never decreases over the
  node's text, and stays inside the input.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.parser import parse_text

EXAMPLES = int(os.environ.get("RESLINT_FUZZ_EXAMPLES", "150"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

_LINES = [
    "The General Assembly,", "Recalling its resolution 60/251 of 15 March 2006,", "1. Decides to act;",
    "2. Requests the Secretary-General to report;", "(a) first item;", "(i) roman item;", "(b) second item.",
    "_______________", "1 A/78/123.", "Annex", "A", "B", "48th plenary meeting", "19 December 2023",
    "A/C.3/78/L.12", "Distr.: Limited", "Canada and Mexico: draft resolution", "Agenda item 71 (b)",
    "Seventy-eighth session", "Noting with appreciation,¹", "<!-- reslint: ignore -->", "**bold** *it*",
    # a decision in one sentence; an annex paragraph that introduces items
    "The Human Rights Council, recalling its resolution 36/28, decides:",
    "The General Assembly, taking note of the report,¹ also decides to act.", "decides to act.",
    "5. Members shall enjoy:",
]
_BREAKS = ["\n", "\r\n", "\r", "\f", "\n\n", "\r\n\r\n", "\n\f\n", "\x0b", "\u2028", "\x85"]

arbitrary_unicode = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=2000)


@st.composite
def structured(draw):
    parts = draw(st.lists(st.one_of(st.sampled_from(_LINES), st.text(max_size=30),
                                    st.builds(lambda u, n: u * n, st.sampled_from(["word ", "x", "¹", "(a) "]),
                                              st.integers(200, 5000))), max_size=40))
    out = []
    for p in parts:
        out.append(p)
        out.append(draw(st.sampled_from(_BREAKS)))
    return "".join(out)


texts = st.one_of(arbitrary_unicode, structured())


def _nodes(doc):
    seen = []
    for n in doc.text_nodes():
        seen.append(n)
        for sub in getattr(n, "all_subparagraphs", lambda: [])():
            seen.append(sub)
    for extra in (doc.authoring, doc.closing, doc.header_node, doc.sponsors_node, doc.operative_intro):
        if extra is not None:
            seen.append(extra)
    for annex in doc.annexes:
        if annex.heading is not None:
            seen.append(annex.heading)
    return seen


def _check_document(text: str) -> None:
    doc = parse_text(text)
    n = len(text)
    for node in _nodes(doc):
        span = node.span
        assert 0 <= span.start <= span.end <= n, (node.address, span, n)
        prev = -1
        for i in range(len(node.text)):
            orig = node.tmap.to_original(i)
            assert 0 <= orig <= n, (node.address, i, orig, n)
            assert orig >= prev, (node.address, i, prev, orig, node.tmap.segments()[:10])
            prev = orig
    for marker in doc.markers:
        assert 0 <= marker.span.start <= marker.span.end <= n, (marker, n)
    for field in doc.header.fields.values():
        assert 0 <= field.span.start <= field.span.end <= n, (field, n)
    for sponsor in doc.header.sponsors:
        assert 0 <= sponsor.span.start <= sponsor.span.end <= n, (sponsor, n)
    for problem in doc.problems:
        assert 0 <= problem.span.start <= problem.span.end <= n, (problem, n)


@SETTINGS
@given(texts)
def test_parse_never_raises_and_spans_are_inside(text):
    _check_document(text)


@SETTINGS
@given(st.lists(st.sampled_from(_LINES), min_size=1, max_size=30), st.lists(st.sampled_from(_BREAKS), min_size=1))
def test_mixed_line_breaks(lines, breaks):
    text = "".join(line + breaks[i % len(breaks)] for i, line in enumerate(lines))
    _check_document(text)


def test_very_long_line():
    _check_document("The General Assembly,\n\n1. Decides " + "and decides " * 100_000 + ";\n")


def test_form_feeds_only():
    _check_document("\f\f\n\f\r\f")
