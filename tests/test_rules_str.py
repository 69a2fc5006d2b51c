"""STR rules: their own examples, fixes, and the cases that must stay silent."""

from __future__ import annotations

import re

import pytest

from checker.fix import apply_edits
from checker.parser import parse_text
from checker.rules.config import Config
from checker.rules.engine import DEFAULT_PACK, lint, load_ruleset
from checker.rules.examples import run_examples

STR = DEFAULT_PACK / "str.yaml"
CODES = re.findall(r"code: (STR\d{3})", STR.read_text(encoding="utf-8"))  # every rule of the file


@pytest.fixture(scope="module")
def ruleset():
    return load_ruleset([STR], include_default=False, use_cache=False)


def findings(ruleset, text: str, code: str | None = None):
    found = lint(parse_text(text), ruleset, Config())
    return [f for f in found if code is None or f.rule == code]


def fixed(ruleset, text: str, code: str) -> str:
    found = [f for f in findings(ruleset, text, code) if f.fix is not None]
    assert found and all(f.fix.safe for f in found)
    return apply_edits(text, [e for f in found for e in f.fix.edits])


@pytest.mark.parametrize("code", CODES)
def test_examples(ruleset, code: str) -> None:
    assert run_examples(ruleset.get(code), parse_text) == []


def test_no_comma_without_preamble_is_fine(ruleset) -> None:
    text = "The General Assembly\n\nEndorses the political declaration annexed to the present resolution."
    assert findings(ruleset, text) == []


def test_authoring_comma_fix(ruleset) -> None:
    text = "The General Assembly\n\nRecalling its resolution 77/1,\n\n1. Decides to act;\n2. Requests a report."
    assert fixed(ruleset, text, "STR003").startswith("The General Assembly,\n")


def test_preamble_fix_replaces_semicolon(ruleset) -> None:
    text = "The General Assembly,\n\nRecalling its resolution 77/1;\n\n1. Decides to act;\n2. Requests a report."
    assert "Recalling its resolution 77/1,\n" in fixed(ruleset, text, "STR004")


def test_operative_fix(ruleset) -> None:
    text = "The General Assembly,\n\n1. Decides to act.\n2. Requests a report;"
    out = fixed(ruleset, text, "STR010")
    assert "1. Decides to act;\n2. Requests a report." in out


def test_space_before_semicolon_is_ocr_not_an_error(ruleset) -> None:
    text = "The General Assembly,\n\nRecalling its resolution 77/1 ,\n\n1. Decides to act ;\n2. Requests a report ."
    assert findings(ruleset, text, "STR004") == [] and findings(ruleset, text, "STR010") == []


def test_numbering_restarts_in_each_part(ruleset) -> None:
    text = ("The General Assembly,\n\nA\n\nRecalling its resolution 77/1,\n\n1. Decides to act;\n2. Requests a report.\n\n"
            "B\n\nRecalling its resolution 77/2,\n\n1. Decides to act;\n2. Requests a report.")
    assert findings(ruleset, text, "STR008") == []


def test_annex_paragraphs_are_not_operative(ruleset) -> None:
    text = ("The General Assembly,\n\nRecalling its resolution 77/1,\n\n1. Adopts the declaration annexed to the present "
            "resolution;\n2. Requests a report.\n\nAnnex\n\nDeclaration\n\n1. We commit ourselves to act.\n\n"
            "3. We reaffirm our resolve.")
    assert findings(ruleset, text, "STR008") == [] and findings(ruleset, text, "STR010") == []


def test_preambular_subitems_may_end_with_commas_or_semicolons(ruleset) -> None:
    for mark in (",", ";"):
        text = (f"The Commission on Human Rights,\n\nRecalling the following:\n(a) Its resolution 1999/1{mark}\n"
                "(b) Its resolution 1999/2,\n\n1. Decides to act;\n2. Requests a report.")
        assert findings(ruleset, text, "STR013") == []


def test_relative_clause_in_preamble_is_not_operative(ruleset) -> None:
    text = ("The General Assembly,\n\nRecalling its resolution 77/1, in which it decided to act, and requests the "
            "Secretary-General to report,\n\n1. Decides to act;\n2. Requests a report.")
    assert findings(ruleset, text, "STR006") == []


@pytest.mark.parametrize("opening", [
    "Stressing that the absence of legal identity exposes persons to exclusion",
    "Noting with concern that late registration is costly",
    "Deeply concerned that many births are not registered",
    "Stressing the importance of birth registration",
])
def test_operative_clause_after_any_opening_is_reported(ruleset, opening) -> None:
    text = (f"The Human Rights Council,\n\n{opening}, and calls upon States to abolish fees for late registration,"
            "\n\n1. Decides to act;\n2. Requests a report.")
    (f,) = findings(ruleset, text, "STR006")
    assert "calls upon" in f.message


@pytest.mark.parametrize("preamble", [
    # A relative clause that reports an earlier text, with "that" after a noun.
    "Recalling the measures that the Council took in 2020, and requests the Secretary-General to report",
    # A quotation of another text.
    "Recalling the pledge \u201cthat no one will be left behind, and calls upon States to act\u201d",
    'Recalling the pledge "that no one will be left behind, and urges States to act"',
])
def test_reported_or_quoted_operative_clause_is_silent(ruleset, preamble) -> None:
    text = f"The Human Rights Council,\n\n{preamble},\n\n1. Decides to act;\n2. Requests a report."
    assert findings(ruleset, text, "STR006") == []


def test_percent_fix(ruleset) -> None:
    text = "The General Assembly,\n\n1. Notes that 15% of the budget is unspent;\n2. Requests a report."
    assert "15 per cent of" in fixed(ruleset, text, "STR017")


def test_single_operative_fix(ruleset) -> None:
    text = "The General Assembly,\n\nRecalling its resolution 77/1,\n\n1. Decides to remain seized of the matter."
    assert fixed(ruleset, text, "STR009").endswith("\nDecides to remain seized of the matter.")


def test_ages_stay_in_figures(ruleset) -> None:
    text = "The General Assembly,\n\n1. Notes that children under 5 years of age suffer;\n2. Requests a report."
    assert findings(ruleset, text, "STR016") == []


def test_italics_ignored_without_formatting(ruleset) -> None:
    text = "The General Assembly,\n\nRecalling its resolution 77/1,\n\n1. Decides to act;\n2. Requests a report."
    doc = parse_text(text)
    assert not doc.formatting_known
    assert findings(ruleset, text, "STR014") == []


DECISION = ("The Human Rights Council,\n\nRecalling its decision 2/103,\n\n(a) Decides to convene a dialogue;\n\n"
            "(b) Requests a report;\n\n(d) Invites States to take part;\n\n(e) Also decides to remain seized of the matter{end}\n")


def test_lettered_operative_part_runs_on_and_ends_with_a_full_stop(ruleset) -> None:
    gap = findings(ruleset, DECISION.format(end="."), "STR008")
    assert [(f.address, f.message) for f in gap] == [
        ("OP3", "Operative paragraph numbered (d) where (c) was expected")]
    assert [f.address for f in findings(ruleset, DECISION.format(end=";"), "STR010")] == ["OP4"]


def test_paragraph_inserted_in_negotiation_does_not_break_the_numbering(ruleset) -> None:
    text = ("The General Assembly,\n\nRecalling its resolution 70/1,\n\n1. Decides to act;\n\n"
            "OP1 bis Urges all States to cooperate;\n\n2. Requests a report;\n\n2. Decides to remain seized of the matter.\n")
    assert [(f.rule, f.address) for f in findings(ruleset, text) if f.rule in ("STR008", "STR015")] == [
        ("STR015", "OP1bis"), ("STR008", "OP2")]


def test_operative_number_with_a_parenthesis_is_read_and_reported():
    from checker.parser import parse_text

    doc = parse_text("The General Assembly,\n\nRecalling its resolution 60/1,\n\n1. Decides to act;\n\n"
                     "2) Requests a report;\n\n3. Decides to remain seized of the matter.\n")
    assert [(p.number, p.label, p.opening) for p in doc.operative] == [(1, "1.", "Decides"), (2, "2)", "Requests"),
                                                                       (3, "3.", "Decides")]


def test_annex_numbering_judges_only_a_plain_run(ruleset):
    head = "The General Assembly,\n\n1. Adopts the principles annexed to the present resolution.\n\nAnnex\n\nPrinciples\n\n"

    def annex(*numbers: int) -> list[str]:
        body = "\n\n".join(f"{n}. Institutions shall act in the manner number {n + 10}." for n in numbers)
        return [f.message for f in findings(ruleset, head + body + "\n", "STR020")]

    assert annex(1, 2, 3, 4) == []
    assert annex(1, 2, 4, 5) == ["Annex: paragraph numbered 4 where 3 was expected"]
    assert annex(1, 2, 4, 6) == []  # two gaps: a numbering of its own (a form, sections)
    assert annex(1, 2, 3, 1, 2, 5) == []  # a list restarting inside a paragraph


def test_lower_case_subparagraph_fix_capitalizes_the_first_letter(ruleset) -> None:
    text = ("The General Assembly,\n\n1. Calls upon States:\n\n(a) To integrate human rights education;\n\n"
            "(b) to promote the exchange of good practices;\n\n(c) To evaluate training;\n\n"
            "2. Decides to remain seized of the matter.")
    found = findings(ruleset, text, "STR021")
    assert [f.address for f in found] == ["OP1(b)"]
    assert "(b) To promote the exchange" in fixed(ruleset, text, "STR021")


def test_lower_case_subparagraph_in_a_lettered_decision_and_nested(ruleset) -> None:
    text = ("The Human Rights Council,\n\nDecides:\n\n(a) To convene a seminar;\n\n(b) To request the Office:\n\n"
            "(i) to prepare a summary;\n\n(ii) To report;\n\n(c) to invite States to participate.")
    assert sorted(f.address for f in findings(ruleset, text, "STR021")) == ["OP1(b)(i)", "OP1(c)"]


@pytest.mark.parametrize("text", [
    # A quoted instrument in an annex keeps its own style.
    "The General Assembly,\n\n1. Adopts the Convention annexed to the present resolution.\n\nAnnex\n\n"
    "Convention on cargo documents\n\nArticle 5\n\nThe document shall contain:\n\n(a) the general nature of the goods;\n\n"
    "(b) the number of packages.",
    # An item that opens with a quotation mark or a figure.
    "The General Assembly,\n\n1. Decides:\n\n(a) “to approve”, as proposed;\n\n(b) To act;\n\n2. Decides to remain seized of the matter.",
    "The General Assembly,\n\n1. Appropriates:\n\n(a) 614,400 dollars under section 2;\n\n(b) 12,100 dollars under section 28.",
])
def test_subparagraph_capital_traps(ruleset, text) -> None:
    assert findings(ruleset, text, "STR021") == []


def test_amendment_quoted_items_are_not_judged(ruleset) -> None:
    text = ("Mali and Norway: amendment to draft resolution A/C.3/81/L.40\n\nThe General Assembly,\n\n"
            "1. Replace operative paragraph 5 with the following text:\n\n“5. Requests the Secretary-General:\n\n"
            "(a) to report;\n\n(b) to act;”")
    assert findings(ruleset, text, "STR021") == []


# ---------------------------------------------------------------- STR019 (final punctuation)

ONE_SENTENCE_DECISION = (
    "United Nations A/HRC/60/L.30\nGeneral Assembly Distr.: Limited\n\nHuman Rights Council\nSixtieth session\n"
    "Agenda item 10\n\nMali: draft decision\n\n60/… Panel discussion\n\n"
    "The Human Rights Council, recalling its resolution 36/28 of 29 September 2017, decides:\n\n"
    "(a) To hold a panel discussion at its sixty-first session;\n\n"
    "(b) To continue its consideration of the question at its sixty-third session{end}\n")


def test_one_sentence_decision_ends_with_a_full_stop(ruleset) -> None:
    # However the parser files the sentence (one preambular paragraph holding the items, or a
    # preamble and an operative "decides:"), its last item ends the text.
    found = findings(ruleset, ONE_SENTENCE_DECISION.format(end=""), "STR019")
    assert len(found) == 1 and "end it with '.'" in found[0].message and found[0].fix is not None
    assert findings(ruleset, ONE_SENTENCE_DECISION.format(end="."), "STR019") == []


def test_last_subparagraph_on_a_line_with_a_joined_heading_is_not_judged(ruleset) -> None:
    text = ("The General Assembly,\n\n1. Requests the Secretary-General to include:\n\n(a) A plan;\n\n"
            "(b) Options for funding;\nIncome section 2 General income\n\n2. Decides to remain seized of the matter.")
    assert findings(ruleset, text, "STR019") == []


# ---------------------------------------------------------------- STR022 (closing meeting line in words)

ADOPTED = ("Resolution adopted by the General Assembly on 16 December 2025\n\n80/140. Official statistics\n\n"
           "The General Assembly,\n\nRecalling its resolution 68/261,\n\n1. Adopts the Principles annexed to the present "
           "resolution;\n\n2. Requests a report at its eighty-second session.\n\n{closing}\n16 December 2025\n\n"
           "Annex\n\nPrinciples\n\n1. Cooperation is given at the request of States.\n\nSixty-second plenary meeting\n")


def test_closing_meeting_line_in_words_is_fixed_to_figures(ruleset) -> None:
    text = ADOPTED.format(closing="Sixty-second plenary meeting")
    found = findings(ruleset, text, "STR022")
    assert len(found) == 1  # the annex's own text is not the resolution's closing
    assert "62nd plenary meeting\n16 December 2025" in fixed(ruleset, text, "STR022")
    assert findings(ruleset, ADOPTED.format(closing="62nd plenary meeting"), "STR022") == []


def test_closing_meeting_numbers_above_ninety_nine() -> None:
    from checker.rules.checks.structure import _ordinal_value, _with_suffix
    assert [_ordinal_value(w) for w in ("Sixty-second", "One hundred and third", "two hundredth", "Eleventh")] == \
        [62, 103, 200, 11]
    assert [_with_suffix(n) for n in (1, 2, 3, 11, 12, 13, 21, 62, 111, 103)] == \
        ["1st", "2nd", "3rd", "11th", "12th", "13th", "21st", "62nd", "111th", "103rd"]


# ---------------------------------------------------------------- STR024 (bare sub-paragraph labels)

def test_bare_labels_are_fixed_to_parentheses(ruleset) -> None:
    text = ("The General Assembly,\n\n4. Calls upon development partners to:\n\na) Honour their commitments;\n\n"
            "b) Support debt-for-climate swaps;\n\n5. Decides to remain seized of the matter.")
    assert "\n\n(a) Honour their commitments;\n\n(b) Support" in fixed(ruleset, text, "STR024")


def test_bare_labels_in_an_annex_or_inside_a_line_are_not_judged(ruleset) -> None:
    text = ("The General Assembly,\n\n1. Adopts the Statute annexed to the present resolution, recalling article 3 a) "
            "of the Convention;\n\n2. Decides to remain seized of the matter.\n\nAnnex\n\nStatute\n\n1. The Board shall:\n\n"
            "a) Adopt its rules;\n\nb) Elect its officers.")
    assert findings(ruleset, text, "STR024") == []


def test_bare_label_series_restart_and_roman_numerals() -> None:
    from checker.rules.checks.structure import _bare_series
    src = "x\na) A;\nb) B;\nc) C;\nd) D;\ne) E;\nf) F;\ng) G;\nh) H;\ni) I;\nj) J;\na) New;\ni) Roman;\nii) Two;\nb) of it"
    runs = [[src[s.start:s.end] for s in run] for run in _bare_series(src, 1, len(src))]
    assert runs == [["a)", "b)", "c)", "d)", "e)", "f)", "g)", "h)", "i)", "j)"], ["a)"], ["i)", "ii)"]]


# ---------------------------------------------------------------- STR023 (-ise spelling)

def test_ise_spelling_is_fixed_and_ise_words_are_left_alone(ruleset) -> None:
    text = ("The Economic and Social Council,\n\n*Recognising* the emphasis on the analysis of crises,\n\n"
            "1. Requests the Office to mobilise resources, to advise on and supervise the organisation of work, and "
            "to analyse, revise and otherwise exercise its expertise;\n2. Decides to remain seized of the matter.")
    assert [f.message.split("'")[1] for f in findings(ruleset, text, "STR023")] == \
        ["Recognising", "mobilise", "organisation"]
    out = fixed(ruleset, text, "STR023")
    assert "*Recognizing* the emphasis" in out and "to mobilize resources" in out and "the organization of" in out
    assert "advise on and supervise" in out and "analyse, revise and otherwise exercise its expertise" in out


def test_subparagraph_gap_in_an_annex_is_reported_with_its_address() -> None:
    from checker.parser import parse_text
    from checker.rules.config import Config
    from checker.rules.engine import lint, load_ruleset
    text = ("The Security Council,\n\n1. Adopts the criteria set out in the annex to the present resolution.\n\n"
            "Annex\n\nCriteria\n\n1. Individuals:\n(a) Planning attacks;\n(b) Obstructing aid;\n"
            "(d) Trading in natural resources.")
    rs = load_ruleset(use_cache=False).subset(["STR011"])
    (f,) = [f for f in lint(parse_text(text), rs, Config()) if f.rule == "STR011"]
    assert f.address.startswith("ANNEX") and "(d) where (c)" in f.message
