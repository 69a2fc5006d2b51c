"""Fuzzing the whole pipeline: read -> parse -> lint -> locate -> every format.

Inputs are built from pieces of real resolutions (header lines, authoring
lines, numbered and labelled paragraphs, footnote blocks, markers,
directives) mixed with random Unicode, every kind of line break, form feeds
and very long lines, then encoded the ways a file can arrive.

The property: no exception escapes (an unreadable input may only raise
``SourceError``), and every finding's span lies inside the text with a valid
1-based line and column.

The normal suite runs a small budget (200 examples); ``RESLINT_FUZZ_EXAMPLES``
raises it. ``bench/fuzz.py --examples 100000`` runs the same property with a
large budget, collects every distinct crash and minimizes it.
"""

from __future__ import annotations

import os
import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

# -- pieces of resolutions ----------------------------------------------------------

HEADER = [
    "United Nations", "A/C.3/78/L.12", "A/C.3/78/L.12/Rev.1*", "A/HRC/55/L.7", "Distr.: Limited", "Distr.: General",
    "12 October 2023", "Original: English", "ORIGINAL: FRENCH", "Seventy-eighth session", "78th session",
    "Fifty-fifth session", "26 February–5 April 2024", "Third Committee", "Agenda item 71 (b)", "Agenda item 4",
    "Promotion and protection of human rights", "General Assembly", "Human Rights Council", "Security Council",
    "Canada, France, Latvia,* Lithuania and Mexico: draft resolution",
    "Trinidad and Tobago* and Sweden: revised draft resolution", "Draft decision", "Amendment to draft resolution",
    "Resolution adopted by the General Assembly on 19 December 2023",
    "[on the report of the Third Committee (A/78/481/Add.2)]", "78/123. Right to development",
    "55/1. Situation of human rights", "Resolution 2720 (2023)", "Adopted by the Security Council at its 9520th meeting, on 22 December 2023",
    "GE.24-05123(E)", "*2405123*", "Please recycle", "Advance unedited version", "2/5", "- 3 -", "23-25013 (E)",
    "# Draft resolution", "## Title", "---", "Page 4/12",
]
AUTHORING = [
    "The General Assembly,", "The Human Rights Council,", "The Security Council,", "The Economic and Social Council,",
    "*The General Assembly*,", "**The General Assembly,**", "The General Assembly", "The Conference,",
]
OPENERS = ["Recalling", "Reaffirming", "Noting with appreciation", "Bearing in mind", "Deeply concerned",
           "Welcoming", "Guided by", "Recognizing", "Emphasizing", "Taking note", "*Recalling*", "_Noting_"]
VERBS = ["Decides", "Requests", "Calls upon", "Urges", "Encourages", "Invites", "Welcomes", "Reaffirms",
         "Also decides", "Further requests", "*Decides*", "Strongly condemns"]
BODIES = [
    "its resolution 60/251 of 15 March 2006", "the Universal Declaration of Human Rights",
    "the report of the Secretary-General (A/78/123)", "the 2030 Agenda for Sustainable Development",
    "all Member States to cooperate fully with the Special Rapporteur",
    "the Office of the United Nations High Commissioner for Human Rights (OHCHR)",
    "the World Health Organization (WHO) and the WHO regional offices", "resolutions 2417 (2018) and 2532 (2020)",
    "to remain seized of the matter", "the Secretary-General to report thereon at its seventy-ninth session",
    "decision 78/501 of 12 December 2023", "the U.N.D.P. and UNICEF", "its forty-fifth session",
    "article 2, paragraph 1, of the Covenant", "the right to development, as set out in the Declaration",
]
ENDS = [",", ";", ".", ":", "", " ;", ",¹", ";2", ",*", "…", " and", ";**", ",[^1]"]
CLOSING = ["48th plenary meeting", "19 December 2023", "9520th meeting", "Adopted without a vote",
           "[Adopted by a recorded vote of 47 to 0, with 0 abstentions.]", "A", "B", "Annex", "ANNEX I",
           "Annex II", "Declaration on the Right to Development", "I. Introduction", "Article 1"]
FOOTNOTES = ["_______________", "__________________________", "1 A/78/123.", "2 Resolution 217 A (III).",
             "¹ See A/HRC/55/2.", "* Reissued for technical reasons on 3 May 2024.", "[^1]: Official Records.",
             "12 United Nations, Treaty Series, vol. 993, No. 14531.", "3", "** Second reissue."]
DIRECTIVES = ["<!-- reslint: ignore -->", "<!-- reslint: ignore-file -->", "<!-- reslint: ignore OPS001 -->",
              "<!-- reslint: disable-next PP -->", "<!-- reslint: ignore-next -->", "<!-- reslint:", "<!-- x -->"]
LABELS = ["(a)", "(b)", "(i)", "(ii)", "(iv)", "(x)", "(aa)", "(1)", "(12)", "(c)", "(v)", "(vi)", "(l)", "(ivx)"]
BREAKS = ["\n", "\n", "\n", "\n\n", "\r\n", "\r\n\r\n", "\r", "\f", "\n\f\n", "\u2028", "\x0b", "\x85", "\n   ", "\n\t",
          "\n\n\n\n", " "]

_unicode = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=40)
_words = st.text(alphabet=string.ascii_letters + " ,.;:()'-\"“”’*_[]^¹²³⁴0123456789/", max_size=60)


@st.composite
def _pp(draw):
    return f"{draw(st.sampled_from(OPENERS))} {draw(st.sampled_from(BODIES))}{draw(st.sampled_from(ENDS))}"


@st.composite
def _op(draw):
    n = draw(st.one_of(st.integers(1, 30), st.integers(0, 10**6)))
    dot = draw(st.sampled_from([".", ". ", " .", ".\t", ""]))
    return f"{n}{dot} {draw(st.sampled_from(VERBS))} {draw(st.sampled_from(BODIES))}{draw(st.sampled_from(ENDS))}"


@st.composite
def _sub(draw):
    label = draw(st.sampled_from(LABELS))
    lead = draw(st.sampled_from(["", "  ", "\t", "*"]))
    return f"{lead}{label} {draw(st.sampled_from(BODIES))}{draw(st.sampled_from(ENDS))}"


@st.composite
def _long_line(draw):
    unit = draw(st.sampled_from(["word ", "Recalling its resolution 60/251, ", "x", "(a) ", "1. ", "¹", "*", "  "]))
    return unit * draw(st.integers(100, 6000))


PIECE = st.one_of(
    st.sampled_from(HEADER), st.sampled_from(AUTHORING), _pp(), _op(), _sub(), st.sampled_from(CLOSING),
    st.sampled_from(FOOTNOTES), st.sampled_from(DIRECTIVES), _unicode, _words, _long_line(),
    st.just(""), st.just("   "), st.just("\ufeff"),
)


@st.composite
def documents(draw, max_pieces: int = 50) -> str:
    """A text built from resolution pieces joined by assorted line breaks."""
    pieces = draw(st.lists(PIECE, max_size=max_pieces))
    out = []
    for p in pieces:
        out.append(p)
        out.append(draw(st.sampled_from(BREAKS)))
    return "".join(out)


@st.composite
def encoded(draw) -> tuple[bytes, str]:
    """(file bytes, file name): UTF-8 with or without BOM, UTF-16 with BOM, odd bytes."""
    text = draw(documents())
    how = draw(st.sampled_from(["utf-8", "utf-8", "utf-8", "utf-8-sig", "utf-16", "utf-16-be-bom", "raw"]))
    if how == "utf-16-be-bom":
        data = b"\xfe\xff" + text.encode("utf-16-be", "surrogatepass")
    elif how == "raw":
        data = text.encode("utf-8", "surrogatepass") + draw(st.binary(max_size=8))
    else:
        data = text.encode(how, "surrogatepass")
    name = draw(st.sampled_from(["draft.txt", "draft.md", "draft.markdown", "draft.text"]))
    return data, name


# -- the property ---------------------------------------------------------------------

_SESSION = None


def session():
    global _SESSION
    if _SESSION is None:
        from pathlib import Path

        from checker.pipeline import LintSession
        from checker.rules.config import resolve_config

        _SESSION = LintSession.create(resolve_config(Path(__file__).resolve().parents[2]), use_cache=True)
    return _SESSION


def check_pipeline(data: bytes, name: str) -> None:
    """Read, parse, lint, locate and render ``data``; assert the invariants."""
    from checker import sources
    from checker.errors import SourceError
    from checker.findings import FileResult
    from checker.model import LineIndex
    from checker.pipeline import lint_source
    from checker.report import FORMATS, render

    sess = session()
    try:
        src = sources.from_bytes(data, name)
    except SourceError as exc:
        assert "\n" not in str(exc.reason)
        result = FileResult(name, None, None, None, error=exc.reason)
        for fmt in FORMATS:
            assert isinstance(render(fmt, [result], sess.rule_infos(), sources={}), str)
        return
    text = src.text
    doc, result = lint_source(src, sess)
    n = len(text)
    index = LineIndex(text)
    nlines = len(index._starts)
    for f in result.findings:
        assert 0 <= f.span.start <= n, (f.rule, f.span, n)
        assert 0 <= f.span.end <= n, (f.rule, f.span, n)
        assert f.span.start <= f.span.end, (f.rule, f.span)
        assert 1 <= f.line <= nlines and 1 <= f.end_line <= nlines, (f.rule, f.line, f.end_line, nlines)
        assert (f.line, f.column) <= (f.end_line, f.end_column), (f.rule, f.line, f.column, f.end_line, f.end_column)
        assert f.column >= 1 and f.end_column >= 1
        line_start = index._starts[f.line - 1]
        line_end = index._starts[f.line] if f.line < nlines else n
        assert f.column - 1 <= line_end - line_start, (f.rule, f.line, f.column)
    infos = sess.rule_infos()
    for fmt in FORMATS:
        out = render(fmt, [result], infos, sources={src.path: text})
        assert isinstance(out, str)


EXAMPLES = int(os.environ.get("RESLINT_FUZZ_EXAMPLES", "200"))


@settings(max_examples=EXAMPLES, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much])
@given(encoded())
def test_pipeline_never_crashes(sample):
    data, name = sample
    check_pipeline(data, name)


@pytest.mark.parametrize("text", [
    "", "\n", "\r", "\f", "\ufeff", "The General Assembly,", "1.", "(a)", "_____", "¹", "<!-- reslint: ignore",
    "The General Assembly,\r\rRecalling x,\r\r1. Decides;\r(a) y;\r(i) z.\r",
    "The General Assembly,\n\n" + "(a) (i) " * 2000 + "\n",
])
def test_pipeline_edge_texts(text):
    check_pipeline(text.encode("utf-8"), "edge.txt")
