"""Parser: exact structure of the seed texts, and positions that point at the original."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from checker.model import LineIndex
from checker.parser import parse_source, parse_text
from checker.sources import SourceText, read_path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
SAMPLES = ROOT / "samples"


def seed(prefix: str) -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/corpus is not available")
    return next(SEEDS.glob(f"{prefix}_*.txt"))


def parse_file(path: Path):
    return parse_source(read_path(path))


@pytest.mark.corpus
def test_seed_000_counts():
    doc = parse_file(seed("000"))
    assert (len(doc.preamble), len(doc.operative)) == (6, 20)
    op19 = next(o for o in doc.operative if o.number == 19)
    assert [s.label for s in op19.subparagraphs] == ["a", "b", "c"]
    assert doc.kind == "resolution"
    assert doc.closing is not None and doc.closing.date == "2004-04-21"


@pytest.mark.corpus
def test_seed_001_single_unnumbered_operative_and_asterisk_note():
    doc = parse_file(seed("001"))
    assert (len(doc.preamble), len(doc.operative)) == (17, 1)
    assert doc.operative[0].number is None and doc.operative[0].address == "OP1"
    assert [f.label for f in doc.footnotes] == ["*"]
    assert doc.kind == "draft-resolution"
    assert doc.header.body == "Human Rights Council" and doc.header.session == 56
    non_members = {s.name for s in doc.header.sponsors if s.non_member}
    assert {"Latvia", "Marshall Islands", "Sweden"} <= non_members and "Albania" not in non_members
    # the page-broken preambular paragraph is one paragraph again
    assert any(p.text.endswith("in accordance with the mandate of the Office,") for p in doc.preamble)


@pytest.mark.corpus
def test_seed_002_page_break_footnotes_and_glued_markers():
    path = seed("002")
    doc = parse_file(path)
    assert (len(doc.preamble), len(doc.operative)) == (9, 14)
    op8 = next(o for o in doc.operative if o.number == 8)
    assert len(op8.subparagraphs) == 6
    assert [f.label for f in doc.footnotes] == ["1", "2", "3", "4", "5", "6"]
    source = path.read_text(encoding="utf-8")
    # "19931" is 1993 + marker 1; the paragraph text reads 1993
    pp2 = doc.preamble[1]
    assert "9 March 1993 and" in pp2.text
    marker1 = next(m for m in doc.markers if m.label == "1")
    assert source[marker1.span.start:marker1.span.end] == "1"
    assert source[marker1.span.start - 4:marker1.span.start] == "1993"
    assert marker1.address == "PP2"
    assert not any(m.address == "DOCUMENT" for m in doc.markers)


@pytest.mark.corpus
def test_seed_003_is_not_a_resolution():
    doc = parse_file(seed("003"))
    assert doc.kind == "not-a-resolution"
    assert doc.preamble == [] and doc.operative == []


@pytest.mark.corpus
def test_seed_004_double_spaced():
    doc = parse_file(seed("004"))
    assert (len(doc.preamble), len(doc.operative)) == (17, 27)
    assert doc.header.session == 28
    # footnote text pasted into the paragraph ("Assistance,A/HRC/19/50. in") is taken out
    op15 = next(o for o in doc.operative if o.number == 15)
    assert "A/HRC/19/50" not in op15.text
    assert any(f.text.startswith("A/HRC/19/50") for f in doc.footnotes)


def _check_positions(path: Path) -> None:
    source = read_path(path)
    doc = parse_source(source)
    text = source.text
    assert doc.preamble or doc.operative, path
    for para in list(doc.preamble) + list(doc.operative):
        span = para.span
        body = para.text[para.body_start:para.body_start + 12].replace("*", "")
        original = text[span.start:span.end].replace("*", "").replace("_", "")
        # the paragraph's first words stand at its start in the original file
        assert original.lstrip("0123456789. ").startswith(body.split()[0]), (path, para.address)
        for sub in para.all_subparagraphs():
            assert text[sub.span.start] in "(*_", (path, sub.address)
    for marker in doc.markers:
        assert text[marker.span.start:marker.span.end].strip() != "", (path, marker)


@pytest.mark.parametrize("name", ["hrc-draft.md", "ga-draft-paragraph-per-line.txt", "ga-resolution-wrapped.txt",
                                  "hrc-double-spaced.txt"])
def test_positions_point_at_the_original_in_every_layout(name):
    _check_positions(SAMPLES / name)


@pytest.mark.corpus
@pytest.mark.parametrize("prefix", ["000", "001", "002", "004"])
def test_positions_in_seed_layouts(prefix):
    _check_positions(seed(prefix))


def test_line_and_column_of_a_wrapped_paragraph():
    text = ("The General Assembly,\n\n Recalling its resolution 60/251 of\n15 March 2006,\n\n"
            " 1. Decides to remain seized of the matter.\n")
    doc = parse_text(text)
    index = LineIndex(text)
    pp1 = doc.preamble[0]
    assert index.position(pp1.span.start) == (3, 2)
    start = pp1.text.index("15 March")
    assert index.position(pp1.span_of(start, start + 2).start) == (4, 1)
    assert doc.operative[0].number is None or doc.operative[0].number == 1


def test_crlf_and_bom_positions():
    body = "The Human Rights Council,\r\n\r\nRecalling its resolution 5/1,\r\n\r\nDecides to remain seized of the matter.\r\n"
    doc = parse_source(SourceText("x.txt", body))
    index = LineIndex(body)
    assert index.position(doc.operative[0].span.start) == (5, 1)
    assert doc.operative[0].address == "OP1"


def test_markdown_emphasis_kept_as_italics():
    doc = parse_text("The General Assembly,\n\n*Recalling* its resolution 60/251,\n\n1. *Decides* to act;\n\n"
                     "2. *Requests* a report.\n", fmt="markdown")
    pp = doc.preamble[0]
    assert pp.text.startswith("Recalling its")
    a, b = pp.italics[0]
    assert pp.text[a:b] == "Recalling"
    assert doc.formatting_known


def test_composite_resolution_parts_restart_numbering():
    text = ("The General Assembly,\n\nRecalling its resolution 60/251,\n\nA\n\n1. Decides to act;\n\n"
            "2. Requests a report.\n\nB\n\n1. Invites States to cooperate.\n")
    doc = parse_text(text)
    assert [o.address for o in doc.operative] == ["A.OP1", "A.OP2", "B.OP1"]


def test_annex_paragraphs_are_not_operative():
    text = ("The General Assembly,\n\n1. Adopts the declaration contained in the annex to the present resolution.\n\n"
            "10th plenary meeting\n1 March 2024\n\nAnnex\n\nDeclaration\n\n1. We reaffirm our commitment.\n\n"
            "2. We resolve to act.\n")
    doc = parse_text(text)
    assert len(doc.operative) == 1
    assert [p.address for p in doc.annexes[0].paragraphs if p.number] == ["ANNEX.1", "ANNEX.2"]
    assert doc.closing.date == "2024-03-01"


def test_lettered_operative_part_of_a_decision():
    text = ("The General Assembly,\n\nRecalling its resolution 79/81 of 3 December 2024,\n\n"
            "Recalling also its decision 79/573 of 5 September 2025:\n\n"
            "(a) Expresses its gratitude to the Co-Chairs of the Conference;\n\n"
            "(b) Endorses the declaration of the Conference.\n")
    doc = parse_text(text)
    assert [p.address for p in doc.preamble] == ["PP1", "PP2"]
    assert [(p.address, p.label, p.opening) for p in doc.operative] == [
        ("OP1", "(a)", "Expresses"), ("OP2", "(b)", "Endorses")]


def test_operative_verbs_ending_with_commas_before_paragraph_1_stay_preambular():
    text = ("The General Assembly,\n\nRecalling its resolution 70/1,\n\nUnderlines that ownership is essential,\n\n"
            "Stresses the need for coordination,\n\n1. Decides to act;\n\n2. Decides to remain seized of the matter.\n")
    doc = parse_text(text)
    assert [p.opening for p in doc.preamble] == ["Recalling", "Underlines", "Stresses"]
    assert [p.address for p in doc.operative] == ["OP1", "OP2"]


def test_negotiation_label_before_the_number():
    doc = parse_text("The General Assembly,\n\n1. Decides to act;\n\n[OP1bis] 2. Requests a report;\n\n"
                     "3. Decides to remain seized of the matter.\n")
    assert [(p.address, p.number, p.opening) for p in doc.operative] == [
        ("OP1", 1, "Decides"), ("OP2", 2, "Requests"), ("OP3", 3, "Decides")]


def test_number_without_full_stop_is_a_paragraph():
    doc = parse_text("The General Assembly,\n\n1. Decides to act;\n2 Requests a report;\n"
                     "3. Decides to remain seized of the matter.\n")
    assert [(p.number, p.label) for p in doc.operative] == [(1, "1."), (2, "2"), (3, "3.")]


def test_decision_with_its_preamble_on_the_authoring_line():
    doc = parse_text("Question of the island\n\nThe General Assembly, recalling its decision 79/521 of 4 December 2024:\n\n"
                     "(a) Urges the two Governments to continue their dialogue;\n\n(b) Takes note of the position of both;\n")
    assert doc.authoring is not None and doc.authoring.body == "General Assembly"
    assert [p.opening for p in doc.preamble] == ["recalling"]
    assert [(p.address, p.label) for p in doc.operative] == [("OP1", "(a)"), ("OP2", "(b)")]


def _original(source: str, node) -> str:
    """The node's text as the original file has it (its span), line breaks read as spaces."""
    return " ".join(source[node.span.start:node.span.end].split())


def test_one_sentence_decision_without_lettered_items():
    """ "The General Assembly, recalling ..., decides to ...": PP1 up to the comma, OP1 from the verb."""
    source = ("Outer space\n\nThe General Assembly, recalling its resolution 79/22 of 2 December 2024, and taking\n"
              "note of the report of the Committee,\u00b9 decides to include in the provisional agenda of its\n"
              "eighty-first session the item entitled \u201cOuter space\u201d.\n\n__________________\n\n"
              "\u00b9 A/80/20.\n")
    doc = parse_text(source)
    assert doc.authoring is not None and doc.authoring.text == "The General Assembly,"
    [pp] = doc.preamble
    [op] = doc.operative
    assert (pp.address, pp.opening) == ("PP1", "recalling")
    assert pp.text == ("recalling its resolution 79/22 of 2 December 2024, and taking note of the report of the "
                       "Committee,")
    assert (op.address, op.number, op.label, op.opening, op.subparagraphs) == ("OP1", None, "", "decides", [])
    assert op.text.startswith("decides to include") and op.text.endswith("\u201cOuter space\u201d.")
    # spans map back to the original text: the preamble ends at its comma, OP1 starts at "decides"
    assert source[pp.span.start:pp.span.start + 9] == "recalling"
    assert source[pp.span.end - 1] == ","
    assert source[op.span.start:op.span.start + 7] == "decides"
    assert _original(source, op) == op.text
    # the footnote marker after the comma belongs to the preamble
    assert [(m.label, m.address) for m in doc.markers] == [("1", "PP1")]


def test_one_sentence_decision_with_lettered_items():
    source = ("Annual panel\n\nThe Human Rights Council, recalling its resolution 36/28 of 29 September 2017, "
              "decides:\n\n(a) That the theme of the panel shall be \u201cTechnical cooperation\u201d;\n\n"
              "(b) To request a summary report;\n\n(c) To continue its consideration of the question at its "
              "sixty-third session.\n")
    doc = parse_text(source)
    [pp] = doc.preamble
    [op] = doc.operative
    assert pp.text == "recalling its resolution 36/28 of 29 September 2017,"
    assert (op.address, op.opening, op.chapeau) == ("OP1", "decides", "decides:")
    assert [(s.address, s.label, s.level) for s in op.all_subparagraphs()] == [
        ("OP1(a)", "a", 1), ("OP1(b)", "b", 1), ("OP1(c)", "c", 1)]
    assert [s.body for s in op.subparagraphs] == [
        "That the theme of the panel shall be \u201cTechnical cooperation\u201d;", "To request a summary report;",
        "To continue its consideration of the question at its sixty-third session."]
    for node in [pp, op, *op.all_subparagraphs()]:
        assert source[node.span.start:node.span.end] == node.text.replace("\n", "\n\n"), node.address


def test_one_sentence_decision_forms():
    """An adverb before the verb, emphasis, separate lines, and no preamble at all."""
    doc = parse_text("The General Assembly, recalling its resolution 79/22, in which it decided to act, "
                     "also decides to act.\n")
    assert [(p.address, p.opening) for p in doc.paragraphs()] == [("PP1", "recalling"), ("OP1", "also decides")]
    doc = parse_text("The General Assembly, *taking note* of the report, *decides* to act.\n", fmt="markdown")
    assert [(p.address, p.text, p.opening, p.italics) for p in doc.paragraphs()] == [
        ("PP1", "taking note of the report,", "taking note of", [(0, 11)]),
        ("OP1", "decides to act.", "decides", [(0, 7)])]
    doc = parse_text("The General Assembly, recalling its resolution 79/22,\n\nnoting the report,\n\ndecides to act.\n")
    assert [(p.address, p.text) for p in doc.paragraphs()] == [
        ("PP1", "recalling its resolution 79/22,"), ("PP2", "noting the report,"), ("OP1", "decides to act.")]
    doc = parse_text("Title\n\nThe General Assembly, decides to include the item in its agenda.\n")
    assert doc.authoring is not None and doc.preamble == []
    assert [(p.address, p.text) for p in doc.operative] == [("OP1", "decides to include the item in its agenda.")]
    # numbered paragraphs after a lower-case preamble: not a one-sentence decision
    doc = parse_text("The General Assembly, recalling its resolution 79/22, in which it decides to act,\n\n"
                     "1. Decides to act.\n")
    assert [p.address for p in doc.paragraphs()] == ["PP1", "OP1"]
    assert doc.operative[0].number == 1


def test_annex_paragraph_with_subparagraphs():
    source = ("The General Assembly,\n\nRecalling its resolution 48/134 of 20 December 1993,\n\n"
              "1. Adopts the principles annexed to the present resolution.\n\nAnnex\n\nPrinciples\n\n"
              "5. Members of national institutions shall enjoy:\n(a) Protection against legal liability;\n"
              "(b) Protection against reprisals:\n(i) In their work;\n(ii) After their term;\n"
              "(c) The inviolability of the premises.\n\n6. Members shall serve for five years.\n")
    doc = parse_text(source)
    [annex] = doc.annexes
    assert [p.address for p in annex.paragraphs] == ["ANNEX.P1", "ANNEX.5", "ANNEX.6"]
    p5 = annex.paragraphs[1]
    assert p5.chapeau == "Members of national institutions shall enjoy:"
    assert p5.text.endswith("(c) The inviolability of the premises.")
    assert [(s.address, s.level, s.body) for s in p5.all_subparagraphs()] == [
        ("ANNEX.5(a)", 1, "Protection against legal liability;"),
        ("ANNEX.5(b)", 1, "Protection against reprisals:"),  # (its items are its children, as in the body)
        ("ANNEX.5(b)(i)", 2, "In their work;"),
        ("ANNEX.5(b)(ii)", 2, "After their term;"),
        ("ANNEX.5(c)", 1, "The inviolability of the premises.")]
    assert all(s.parent is p5 for s in p5.all_subparagraphs())
    for node in [p5, *p5.all_subparagraphs()]:
        assert source[node.span.start:node.span.end] == node.text, node.address
    assert annex.paragraphs[2].subparagraphs == []
    # the rules' "subparagraph" scope stays the resolution's own paragraphs'
    from checker.rules.scopes import scope_nodes
    assert not any(n.address.startswith("ANNEX") for n in scope_nodes(doc, "subparagraph"))


def test_double_spaced_footnotes_keep_their_second_line():
    doc = parse_text("The Commission on Human Rights,\n\nRecalling its resolution 2004/81,1\n\nNoting the report,2\n\n"
                     "1. Decides to continue its consideration of the question.\n\n__________________\n\n"
                     "1 See Official Records of the Economic and Social Council, 2004,\n\n"
                     "Supplement No. 3 (E/2004/23), chap. II.\n\n2 E/CN.4/2005/100.\n")
    assert [(f.label, f.text) for f in doc.footnotes] == [
        ("1", "See Official Records of the Economic and Social Council, 2004, Supplement No. 3 (E/2004/23), chap. II."),
        ("2", "E/CN.4/2005/100.")]
    assert doc.operative[0].text.endswith("question.")


def test_wrapped_footnote_line_that_starts_with_a_day_is_not_a_new_note():
    """A PDF-wrapped note whose next line opens with a date ("26 August-4 September 2002") or
    with a number that is not the next label goes on; the next label starts a note."""
    doc = parse_text("The General Assembly,\n\nRecalling the Johannesburg Summit,7\n\nNoting the report,8\n\n"
                     "1. Decides to continue its consideration of the question.\n\n__________________\n\n"
                     "7 Report of the World Summit on Sustainable Development, Johannesburg, South Africa,\n"
                     "26 August\u20134 September 2002 (United Nations publication, Sales No. E.03.II.A.1).\n"
                     "8 A/80/123.\n")
    assert [(f.label, f.text[-40:]) for f in doc.footnotes] == [
        ("7", "(United Nations publication, Sales No. E.03.II.A.1)."[-40:]), ("8", "A/80/123.")]


def test_composite_parts_announced_by_letter_headings():
    text = ("# Disaster risk reduction\n\n## A\n\n### Early warning\n\nThe General Assembly,\n\n*Recalling* its resolution 69/283,\n\n"
            "1. *Decides* to act;\n\n2. *Requests* a report.\n\n## B\n\n### Infrastructure\n\nThe General Assembly,\n\n"
            "*Convinced* of the need to invest,\n\n1. *Calls upon* partners to invest.\n")
    doc = parse_text(text, fmt="markdown")
    assert doc.title is not None and doc.title.text == "Disaster risk reduction"
    assert [p.address for p in doc.preamble] == ["A.PP1", "B.PP1"]
    assert [p.address for p in doc.operative] == ["A.OP1", "A.OP2", "B.OP1"]


def test_security_council_resolution_as_adopted_is_a_resolution_without_title():
    text = ("United Nations                                   S/RES/2812 (2026)\n\nSecurity Council\n\n"
            "Resolution 2812 (2026)\n\nAdopted by the Security Council at its 9876th meeting, on\n14 May 2026\n\n"
            "The Security Council,\n\nRecalling its resolution 2217 (2015),\n\n1. Decides to remain seized of the matter.\n")
    doc = parse_text(text)
    assert (doc.kind, doc.body) == ("resolution", "Security Council")
    assert doc.title is None or "Adopted" not in doc.title.text


def test_adopted_corpus_texts_are_resolutions():
    folder = ROOT.parent / "shared" / "corpus" / "real" / "resolutions"
    if not folder.is_dir():
        pytest.skip("../shared/corpus is not available")
    from checker.sources import read_path
    from checker.parser import parse_source

    kinds = [parse_source(read_path(str(p))).kind for p in sorted(folder.glob("*.txt"))]
    assert kinds.count("resolution") >= 0.99 * len(kinds)


def test_revised_symbol_escaped_star_note_and_word_hyphens():
    text = ("United Nations\n\nA/HRC/62/L.12/Rev.1\n\nHuman Rights Council\nSixty-second session\n\n"
            "Chile,* Peru: revised draft resolution\n\nThe Human Rights Council,\n\n*Recalling* its resolution 5/1,\n\n"
            "1. *Requests* the Office to provide capacity\u2011building to the Government of Chile.\n\n"
            "\\* State not a member of the Human Rights Council.\n")
    doc = parse_text(text, fmt="markdown")
    assert doc.header.symbol == "A/HRC/62/L.12/Rev.1"
    assert [f.label for f in doc.footnotes] == ["*"]
    assert "capacity-building" in doc.operative[0].text
    assert doc.source[doc.operative[0].span.start:doc.operative[0].span.end].count("\u2011") == 1


def test_lettered_items_quoted_inside_a_preamble_stay_sub_items():
    text = ("The Commission,\n\nRecalling that the Declaration, inter alia:\n\n"
            "(a) Calls upon the Office to assume a larger role;\n\n(b) Recommends increased coordination;\n\n"
            "Mindful of its mandate,\n\n1. Requests a report.\n")
    doc = parse_text(text)
    assert [s.address for s in doc.preamble[0].subparagraphs] == ["PP1(a)", "PP1(b)"]
    assert [p.address for p in doc.operative] == ["OP1"]


def test_parse_json_contract(tmp_path):
    if not (SAMPLES / "ga-draft-paragraph-per-line.txt").exists():
        pytest.skip("sample missing")
    out = subprocess.run([sys.executable, "-m", "checker.cli", "parse", "--format", "json",
                          str(SAMPLES / "ga-draft-paragraph-per-line.txt")], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    for key in ("kind", "body", "session", "title", "symbol", "sponsors", "preamble", "operative", "footnotes", "closing"):
        assert key in data
    assert data["kind"] == "draft-resolution"
    assert data["operative"][0]["address"] == "OP1"
    assert {"address", "number", "line", "opening", "text", "subparagraphs"} <= set(data["operative"][0])


def test_masthead_columns_separated_by_a_tab_word_paste():
    """A Word paste keeps the masthead's columns on one line, with a tab between them."""
    text = ("United Nations\tA/C.3/80/L.41\nGeneral Assembly\tDistr.: Limited\n4 November 2025\n\n"
            "Eightieth session\nThird Committee\nAgenda item 26 (b)\n\nArgentina: draft resolution\n\n"
            "Title of the draft\n\nThe General Assembly,\n\nRecalling its resolution 60/1,\n\n"
            "1.\tDecides to remain seized of the matter.\n")
    doc = parse_text(text)
    assert doc.header.symbol == "A/C.3/80/L.41"
    assert doc.header.fields["symbol"].value == "A/C.3/80/L.41"
    assert [p.number for p in doc.operative] == [1]


def test_footnote_block_with_hanging_indent():
    """PDF notes: '  1 Official Records ...' with the next line aligned under the note's words."""
    text = ("The General Assembly,\n\n"
            "  Recalling its resolution 174 (II) of 21 November 1947,1\n\n"
            "  Noting the importance of the Convention,2\n\n"
            "__________________\n"
            "  1 Official Records of the General Assembly, Eighty-first Session, Supplement\n"
            "    No. 10 (A/81/10).\n"
            "  2 United Nations, Treaty Series, vol. 1155, No. 18232.\n\n"
            "  Stressing the usefulness of the debate,\n\n"
            "  1. Decides to remain seized of the matter.\n")
    doc = parse_text(text)
    assert [p.opening for p in doc.preamble] == ["Recalling", "Noting", "Stressing"]
    assert [f.label for f in doc.footnotes] == ["1", "2"]
    assert doc.footnotes[0].text.endswith("No. 10 (A/81/10).")


def test_issue_date_under_the_distribution_line_is_a_header_field():
    doc = parse_text("United Nations\nA/HRC/57/L.9\n\nGeneral Assembly\nDistr.: Limited\n7 October 2024\n\n"
                     "Human Rights Council\nFifty-seventh session\n9 September-11 October 2024\nAgenda item 3\n\n"
                     "The Human Rights Council,\n\n1. Decides to remain seized of the matter.")
    assert doc.header.fields["issue_date"].value == "2024-10-07"
    assert doc.header.session_dates == "9 September-11 October 2024"  # not taken for the issue date


AMENDMENT_WITH_WRAPPED_KIND_LINE = """United Nations
A/C.2/80/L.99

General Assembly
Distr.: Limited

Eightieth session
Second Committee
Agenda item 16

Austria, Belgium and Sweden:* amendment to draft
resolution 6 recommended by the Second Committee in its report contained in
document A/80/555

Strengthening technical cooperation for
sustainable development

1. In the seventh preambular paragraph, delete the words "as appropriate".

2. Delete operative paragraph 4.
"""


def test_amendment_title_after_a_wrapped_kind_line_even_when_it_opens_with_a_participle():
    # The kind line runs on to the symbol it is about; the title of the amended draft follows,
    # and "Strengthening" opening it does not make it a preambular paragraph.
    doc = parse_text(AMENDMENT_WITH_WRAPPED_KIND_LINE)
    assert doc.kind == "amendment"
    assert doc.title is not None
    assert doc.title.text == "Strengthening technical cooperation for sustainable development"
    assert doc.preamble == []
    assert [p.number for p in doc.operative] == [1, 2]


NOTES_AT_THE_END_WITHOUT_A_RULE = """The General Assembly,

Recalling the Universal Declaration of Human Rights,¹

Recalling also its resolution 2200 A (XXI),2

1. Decides to continue its consideration of the question at its eighty-first session.

1 Resolution 217 A (III).
2 Resolution 2200 A (XXI), annex.
"""


def test_notes_that_end_the_text_without_a_rule_line_are_footnotes():
    doc = parse_text(NOTES_AT_THE_END_WITHOUT_A_RULE)
    assert [f.label for f in doc.footnotes] == ["1", "2"]
    assert doc.footnotes[1].text.endswith("Resolution 2200 A (XXI), annex.")
    assert [p.number for p in doc.operative] == [1]
    assert doc.operative[0].text.endswith("eighty-first session.")


def test_numbered_paragraphs_that_end_a_text_are_not_taken_for_notes():
    # Operative paragraphs whose number lost its full stop read like paragraphs, not notes.
    doc = parse_text("The General Assembly,\n\nRecalling its resolution 60/1,\n\n"
                     "1 Decides to act;\n\n2 Requests the Secretary-General to report.\n")
    assert doc.footnotes == []
    assert len(doc.operative) == 2


def test_end_notes_labelled_with_superscript_digits_do_not_crash_the_end_notes_reader():
    # Regression: "³".isdigit() is true but int("³") fails; such labels are left to the
    # other footnote readers.
    doc = parse_text("The General Assembly,\n\nRecalling its resolution 60/1,\u00b9\n\n"
                     "1. Decides to remain seized of the matter.\n\n\u00b9 A/80/1.\n\u00b2 A/80/2.\n")
    assert [p.number for p in doc.operative] == [1]


def test_end_notes_labelled_with_superscript_digits_are_footnotes():
    # "¹ United Nations, Treaty Series ..." after the last paragraph (a Markdown draft whose notes
    # are typed with superscript digits): notes 1 and 2, not text of the last paragraph.
    doc = parse_text("The Commission on Narcotic Drugs,\n\nRecalling the Convention,\u00b9 and the Protocol,\u00b2\n\n"
                     "1. Decides to remain seized of the matter.\n\n"
                     "\u00b9 United Nations, Treaty Series, vol. 976, No. 14152.\n\n\u00b2 Ibid., vol. 1019, No. 14956.\n")
    assert [f.label for f in doc.footnotes] == ["1", "2"]
    assert doc.footnotes[1].text == "Ibid., vol. 1019, No. 14956."
    assert doc.operative[-1].text.endswith("seized of the matter.")


def test_heading_between_double_spaced_paragraphs_is_not_their_text():
    # A budget resolution's heading ("Income section 3 ...") after a finished paragraph, in a
    # double-spaced text (every line followed by a blank one): not the end of the paragraph.
    lines = ["The General Assembly,", "Recalling its resolution 78/252 on the programme budget",
             "for the biennium and its resolution 78/253,",
             "1. Recalls paragraph IS2.4 of the report of the Advisory Committee, and encourages",
             "efforts by the Secretary-General to present updated information on the working",
             "group on global rental practices and its work;",
             "Income section 3 Services to the public",
             "2. Emphasizes that services to the public should be financially self-supporting,",
             "and urges the Secretary-General to develop innovative options to increase income",
             "and avoid deficit, and to report thereon in the next budget submission;",
             "3. Requests the Secretary-General to continue to review the garage operations",
             "policies and the rates charged and to submit proposals on them to the Fifth",
             "Committee together with the estimates for the coming period of the budget;",
             "4. Decides to consider the question of the income of the Organization under",
             "the item entitled Programme budget at the main part of its next session."]
    doc = parse_text("\n\n".join(lines) + "\n")
    assert [p.text.rsplit(" ", 1)[-1] for p in doc.operative] == ["work;", "submission;", "budget;", "session."]
