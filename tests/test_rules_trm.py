"""TRM family: acronyms, short forms, names never abbreviated (rules/trm.yaml, checks/terms.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.parser import parse_text
from checker.resolve.acronyms import index_acronyms
from checker.rules.config import Config
from checker.rules.engine import lint, load_ruleset
from checker.rules.examples import run_examples

RULES = Path(__file__).resolve().parents[1] / "rules" / "trm.yaml"
GA = "The General Assembly,\n\n"
HRC = "The Human Rights Council,\n\n"


@pytest.fixture(scope="module")
def ruleset():
    return load_ruleset([RULES], include_default=False, use_cache=False)


def found(ruleset, text: str, head: str = GA, config: Config | None = None) -> list[tuple[str, str]]:
    return [(f.rule, f.address) for f in lint(parse_text(head + text), ruleset, config or Config())]


def test_examples_pass(ruleset):
    failures = [str(f) for rule in ruleset.rules for f in run_examples(rule, parse_text)]
    assert not failures, "\n\n".join(failures)


def test_every_rule_documented(ruleset):
    for rule in ruleset.rules:
        spec = rule.spec
        assert spec.summary and spec.rationale and spec.fix, spec.code
        assert spec.examples.get("valid") and spec.examples.get("invalid"), spec.code


# ------------------------------------------------------------ index

def test_index_reads_definitions_uses_and_skips_codes():
    doc = parse_text(GA + "1. Invites the United Nations Development Programme (UNDP) and UNDP offices, "
                          "and takes note of resolution GC(69)/RES/7 and document CL 144/9;\n")
    idx = index_acronyms(doc)
    assert set(idx.defs) == {"UNDP"}
    assert [u.acronym for u in idx.uses["UNDP"]] == ["UNDP"]
    assert "GC" not in idx.uses and "CL" not in idx.uses


def test_non_breaking_hyphen_is_read_as_hyphen():
    doc = parse_text(GA + "1. Notes the coronavirus disease (COVID\u201119) pandemic and COVID\u201119 recovery;\n")
    idx = index_acronyms(doc)
    assert "COVID" not in idx.uses and "COVID-19" in idx.defs


# ------------------------------------------------------------ TRM001-004

def test_undefined_acronym_reported_once_at_first_use(ruleset):
    text = "1. Requests the Secretary-General to report;\n\n2. Invites UNDP to act, and UNDP to report;\n\n3. Requests UNDP to continue;\n"
    assert found(ruleset, text) == [("TRM001", "OP2")]


def test_definition_in_footnote_counts_and_footnote_only_use_is_not_undefined(ruleset):
    text = ("1. Recalls the Paris Agreement,\u00b9 and invites States to act;\n\n"
            "_______________\n\n\u00b9 Adopted under the UNFCCC in FCCC/CP/2015/10/Add.1, decision 1/CP.21.\n")
    assert [c for c, _ in found(ruleset, text)] == []
    defined_in_footnote = ("1. Recalls the Paris Agreement,\u00b9 and invites UNFCCC to act, and UNFCCC to report;\n\n"
                           "_______________\n\n\u00b9 Adopted under the United Nations Framework Convention on "
                           "Climate Change (UNFCCC).\n")
    assert found(ruleset, defined_in_footnote) == [("TRM002", "OP1")]


def test_allowlisted_and_option(ruleset):
    assert found(ruleset, "1. Notes the impact of HIV and AIDS;\n") == []
    text = "1. Invites UNESCO to report, and UNESCO to act, and UNESCO to continue;\n"
    assert found(ruleset, text) == [("TRM001", "OP1")]
    lenient = Config(options={"TRM001": {"also-allow": ["UNESCO"]}})
    assert found(ruleset, text, config=lenient) == []


def test_used_before_definition(ruleset):
    text = ("Recalling the work of UNDP,\n\n"
            "1. Invites the United Nations Development Programme (UNDP) to continue, and UNDP to report;\n")
    assert found(ruleset, text) == [("TRM002", "PP1")]


def test_defined_twice_differently(ruleset):
    text = ("Recalling the United Nations Development Programme (UNDP),\n\n"
            "1. Invites the United Nations Drug Control Programme (UNDP) to continue, and UNDP to report;\n")
    assert found(ruleset, text) == [("TRM003", "OP1")]


def test_short_form_given_to_two_bodies(ruleset):
    text = ('Recognizing the Rule of Law Coordination and Resource Group (hereinafter "the Group"),\n\n'
            'Welcoming the Group of Friends of the Rule of Law (hereinafter "the Group"),\n\n'
            "1. Invites the Group to report;\n")
    assert found(ruleset, text) == [("TRM003", "PP2")]
    # The same body twice is not a second meaning.
    text = ('Recognizing the Coordination and Resource Group (hereinafter "the Group"),\n\n'
            'Welcoming the Coordination and Resource Group (hereinafter "the Group"),\n\n'
            "1. Invites the Group to report;\n")
    assert found(ruleset, text) == []


def test_defined_twice_when_one_name_is_an_earlier_one(ruleset):
    # "United Nations Population Fund (UNFPA)": the initials are those of the earlier name.
    text = ("Recalling the work of the United Nations Population Fund (UNFPA),\n\n"
            "1. Invites the United Nations Fund for Population Activities (UNFPA) to continue, and UNFPA to report;\n")
    assert found(ruleset, text) == [("TRM003", "OP1")]
    # An allowlisted acronym defined twice differently is reported too.
    text = ("Recalling the Acquired Immunodeficiency Syndrome (AIDS),\n\n"
            "1. Invites the Agency for International Development Studies (AIDS) to report on AIDS;\n")
    assert ("TRM003", "OP1") in found(ruleset, text)


def test_defined_twice_with_the_same_earlier_name_is_silent(ruleset):
    text = ("Recalling the work of the United Nations Population Fund (UNFPA),\n\n"
            "1. Invites the United Nations Population Fund (UNFPA) to continue, and UNFPA to report;\n")
    assert found(ruleset, text) == []
    text = ("Recalling the United Nations Fund for Population Activities (UNFPA),\n\n"
            "1. Invites the Fund (UNFPA) to continue, and UNFPA to report;\n")
    assert found(ruleset, text) == []


def test_negotiation_labels_are_not_acronyms(ruleset):
    text = ("PP5 bis Recalling the work of the United Nations Development Programme (UNDP),\n\n"
            "1. Invites UNDP to continue;\n\nOP7 Requests UNDP to report;\n\nPP4 alt Invites UNDP to act.\n")
    assert [f for f in found(ruleset, text) if f[0] in ("TRM001", "TRM002")] == []
    # An acronym that only looks like a label still fires: "OPCW" has no number.
    assert found(ruleset, "1. Invites the OPCW to report, and invites the OPCW to continue;\n") == [("TRM001", "OP1")]


def test_rarely_used_is_info(ruleset):
    doc = parse_text(GA + "1. Invites the United Nations Development Programme (UNDP) to continue;\n")
    (f,) = lint(doc, ruleset, Config())
    assert (f.rule, f.address, f.severity) == ("TRM004", "OP1", "info")
    assert "United Nations Development Programme" in f.message


# ------------------------------------------------------------ TRM005

def test_short_form_before_full_name(ruleset):
    text = ("1. Requests the Office to report;\n\n"
            "2. Welcomes the work of the Office of the United Nations High Commissioner for Human Rights;\n")
    assert found(ruleset, text) == [("TRM005", "OP1")]


def test_enacting_body_defines_itself(ruleset):
    assert found(ruleset, "1. Decides that the Council shall remain seized;\n", HRC) == []
    assert found(ruleset, "1. Decides that the Council shall remain seized;\n", GA) == [("TRM005", "OP1")]
    assert found(ruleset, "1. Decides that the Assembly shall remain seized;\n", GA) == []
    # The head noun of a body named "X on Y" is X, not the last word.
    chr_ = "The Commission on Human Rights,\n\n"
    assert found(ruleset, "1. Requests the Secretary-General to report to the Commission;\n", chr_) == []
    assert found(ruleset, "1. Requests the Secretary-General to report to the Committee;\n", chr_) == [("TRM005", "OP1")]
    cerd = "The Committee on the Elimination of Racial Discrimination,\n\n"
    assert found(ruleset, "1. Decides that the Committee shall meet annually;\n", cerd) == []
    assert found(ruleset, "1. Decides that the Commission shall meet annually;\n", cerd) == [("TRM005", "OP1")]


def test_short_form_that_starts_a_full_name_is_not_a_short_form(ruleset):
    text = "1. Recalls the Programme of Action to Prevent, Combat and Eradicate the Illicit Trade, and the Committee established by resolution 661 (1990);\n"
    assert found(ruleset, text) == []


# ------------------------------------------------------------ TRM006-008

def test_never_abbreviated_is_error_with_fix(ruleset):
    doc = parse_text(GA + "1. Requests the UN system to report to ECOSOC, and invites UN-Women to act;\n")
    findings = lint(doc, ruleset, Config())
    assert [(f.rule, f.severity) for f in findings] == [("TRM006", "error"), ("TRM006", "error")]
    assert [f.fix.edits[0].replacement for f in findings] == ["United Nations", "Economic and Social Council"]


def test_never_abbreviated_skips_annexed_texts(ruleset):
    """An annexed declaration is reproduced as adopted elsewhere; the resolution's own text is still checked."""
    text = ("1. Adopts the declaration annexed to the present resolution, and invites the UN system to act.\n\n"
            "10th plenary meeting\n1 March 2024\n\nAnnex\n\nDeclaration\n\n1. We support the UN development system.\n")
    assert [(r, a) for r, a in found(ruleset, text) if r == "TRM006"] == [("TRM006", "OP1")]


def test_dotted_acronym_fix_and_traps(ruleset):
    doc = parse_text(GA + "1. Invites the U.N.D.P. to act;\n")
    (f,) = [f for f in lint(doc, ruleset, Config()) if f.rule == "TRM007"]
    assert f.address == "OP1" and f.fix.edits[0].replacement == "UNDP"
    assert [r for r, _ in found(ruleset, "1. Recalls the meeting in Washington, D.C., and resolution 73/2, sect. I.A.;\n")] == []


def test_non_agreed_terms_and_option_override(ruleset):
    text = "1. Requests the Secretary General to support capacity building in Member Nations;\n"
    assert found(ruleset, text) == [("TRM008", "OP1")] * 3
    custom = Config(options={"TRM008": {"swap": {"Member Nations": "Member States"}}})
    assert found(ruleset, text, config=custom) == [("TRM008", "OP1")]
    assert found(ruleset, "1. Welcomes the Regional Capacity Building Programme;\n") == []


# ------------------------------------------------------------ false-alarm classes of adopted texts

@pytest.mark.parametrize("text", [
    # A label, not an acronym.
    "4. Recalls paragraphs IS3.3 and IS3.4 of the report of the Advisory Committee;",
    "4. Recalls section IS2 of the report of the Advisory Committee;",
    # A middle word of an official name.
    "4. Reaffirms the World Health Organization End TB Strategy;",
    "4. Takes note of the Beyond GDP Global Alliance;",
    # Named with an article in parentheses.
    "4. Welcomes the system for case law on Commission texts (the CLOUT system), and invites contributions to CLOUT;",
])
def test_trm001_false_alarm_classes(ruleset, text):
    assert [r for r, _ in found(ruleset, text) if r == "TRM001"] == []


@pytest.mark.parametrize("text", [
    "4. Invites UNDP Executive Board members to report;",
    "4. Requests the UNDP Administrator to report;",
    "4. Recalls the report of the Advisory Committee, and invites UNDP to report;",
])
def test_trm001_true_cases_still_fire(ruleset, text):
    assert [r for r, _ in found(ruleset, text) if r == "TRM001"] == ["TRM001"]


def test_trm005_short_form_after_an_indefinite_introduction(ruleset):
    text = ("4. Decides to establish a committee of the General Assembly to examine the reports;\n\n"
            "5. Requests the Committee to report;")
    assert [r for r, _ in found(ruleset, text) if r == "TRM005"] == []
    assert [r for r, _ in found(ruleset, "4. Requests the Committee to report;") if r == "TRM005"] == ["TRM005"]


# ------------------------------------------------------------ TRM005: a full name goes on in capitals

def test_short_form_followed_by_lower_case_words_is_not_a_full_name(ruleset):
    text = ("Welcoming the work of the Commission on the revision of the classification of occupations,\n\n"
            "1. Takes note of the report of the Statistical Commission on its fifty-sixth session;")
    assert found(ruleset, text) == [("TRM005", "PP1")]


@pytest.mark.parametrize("text", [
    "Welcoming the work of the Commission on the Status of Women,\n\n1. Invites the Commission to continue;",
    "Recalling the Committee on the Rights of the Child,\n\n1. Invites the Committee to continue;",
    "Recalling the Programme of Action of the Conference,\n\n1. Reaffirms the Programme of Action;",
    # Mandate titles go on in lower case.
    "Recalling the Special Rapporteur on the right to food,\n\n1. Invites the Special Rapporteur to report;",
])
def test_full_names_with_capitalized_words_after_of_on_for(ruleset, text):
    assert [r for r, _ in found(ruleset, text) if r == "TRM005"] == []


# ------------------------------------------------------------ TRM009: official short names of countries

def _draft(sponsors: str, body: str = "1. Decides to remain seized of the matter.") -> str:
    return f"A/C.3/80/L.99\n\n{sponsors}: draft resolution\n\nRights of older persons\n\nThe General Assembly,\n\n{body}"


def test_informal_country_name_in_sponsor_list_fires_with_safe_fix(ruleset):
    doc = parse_text(_draft("Andorra, Ghana, Uruguay and Vietnam"))
    hits = [f for f in lint(doc, ruleset, Config()) if f.rule == "TRM009"]
    assert [f.message for f in hits] == ["'Vietnam' is not the United Nations short name of the country: write 'Viet Nam'"]
    assert hits[0].fix is not None and hits[0].fix.safe
    assert [f.rule for f in lint(parse_text(_draft("Cape Verde, East Timor and Laos")), ruleset, Config())
            if f.rule == "TRM009"] == ["TRM009"] * 3


@pytest.mark.parametrize("sponsors", [
    "Andorra, Côte d'Ivoire, Republic of Korea, Timor-Leste and Viet Nam",
    # The official forms contain the short ones.
    "Bolivia (Plurinational State of), Iran (Islamic Republic of), Republic of\nMoldova and United Republic of Tanzania",
])
def test_official_short_names_stay_silent(ruleset, sponsors):
    assert [f for f in lint(parse_text(_draft(sponsors)), ruleset, Config()) if f.rule == "TRM009"] == []


def test_former_name_recalling_a_past_event_in_the_body_is_not_checked(ruleset):
    body = "1. Recalls the World Humanitarian Summit, held in Istanbul, Turkey, on 23 and 24 May 2016;"
    assert [f for f in lint(parse_text(_draft("Andorra and Türkiye", body)), ruleset, Config())
            if f.rule == "TRM009"] == []


def test_fund_named_for_its_purpose_is_a_full_name(ruleset):
    text = "1. Welcomes the new funding arrangements, including the Fund for responding to loss and damage;"
    assert [r for r, _ in found(ruleset, text) if r == "TRM005"] == []


def test_never_abbreviated_in_the_paragraph_an_amendment_proposes(ruleset):
    """A quoted title is left alone; a quoted paragraph on its own line is text being adopted."""
    title = "1. Takes note of the study entitled \u201cECOSOC at eighty\u201d;\n"
    assert [c for c, _ in found(ruleset, title) if c == "TRM006"] == []
    proposed = ("1. Decides that paragraph 7 of its resolution 78/12 shall read:\n"
                "\u201c7. Invites ECOSOC to consider the question at its next session;\u201d\n")
    doc = parse_text(GA + proposed)
    hits = [f for f in lint(doc, ruleset, Config()) if f.rule == "TRM006"]
    assert [(f.rule, doc.source[f.span.start:f.span.end]) for f in hits] == [("TRM006", "ECOSOC")]


def test_acronym_defined_in_an_end_note_counts_after_its_markers_paragraph(ruleset):
    body = ("Recalling the Paris Agreement,{marker}\n\n"
            "1. Encourages cooperation with the secretariat of the UNFCCC;\n\n"
            "2. Decides to remain seized of the matter.\n\n"
            "[^1]: Adopted under the United Nations Framework Convention on Climate Change (UNFCCC).\n")

    def acronym_findings(text: str) -> list[str]:
        return [c for c, _ in found(ruleset, text, HRC) if c in ("TRM001", "TRM002")]

    assert acronym_findings(body.format(marker="[^1]")) == []
    # The same note referenced only after the use: the acronym is used before it is defined.
    late = body.format(marker="").replace("2. Decides", "2. Decides, as recalled,[^1]")
    assert acronym_findings(late) == ["TRM002"]


def test_ambiguous_never_abbreviated_only_when_the_text_does_not_define_it(ruleset):
    lint_ = lambda text: [f for f in lint(parse_text(GA + text), ruleset, Config()) if f.rule == "TRM006"]
    hits = lint_("4. Requests the SG to report to the GA;")
    assert [f.message.split("'")[1] for f in hits] == ["SG", "GA"]
    assert all(not f.fix.safe for f in hits)  # "SG" may stand for another name: not applied unasked
    assert not lint_("4. Invites the Steering Group (SG) to meet, and requests the SG to report;")
    assert lint_("4. Requests the UN to report;")[0].fix.safe


ANNEX = "1. Adopts the text contained in the annex to the present resolution.\n\nAnnex\n\n{title}\n\n1. {text}"


@pytest.mark.parametrize("title", ["Guidelines for the participation of civil society",
                                   "Modalities for the high-level meeting",
                                   "Principles and guidelines for the use of administrative data"])
def test_undefined_acronym_in_an_annex_the_resolution_drafts(ruleset, title):
    assert ("TRM001", "ANNEX.1") in found(ruleset, ANNEX.format(title=title, text="CSOs may submit contributions."))
    # Defined in the annex, or in the resolution: silent.
    assert "TRM001" not in {r for r, _ in found(ruleset, ANNEX.format(
        title=title, text="Civil society organizations (CSOs) and CSOs networks may submit contributions."))}


@pytest.mark.parametrize("title", ["Political Declaration adopted at the High-level Political Forum",
                                   "Global Digital Compact", "United Nations Convention on Negotiable Cargo Documents",
                                   "Revised text of rules 41 to 47 of the provisional rules of procedure",
                                   "Doha Programme of Action for the Least Developed Countries", ""])
def test_annexed_instruments_are_reproduced_as_they_stand(ruleset, title):
    text = ANNEX.format(title=title, text="We commit to achieve the SDGs.").replace("\n\n\n\n", "\n\n")
    assert "TRM001" not in {r for r, _ in found(ruleset, text)}


def test_security_council_annexes_are_not_read(ruleset):
    text = ANNEX.format(title="Goods Review List procedures", text="The decision of UNMOVIC will be final.")
    assert "TRM001" not in {r for r, _ in found(ruleset, text, head="The Security Council,\n\n")}


def test_charter_short_form_needs_the_full_name_outside_security_council_texts(ruleset):
    trm005 = lambda text, head=GA: [a for r, a in found(ruleset, text, head) if r == "TRM005"]
    assert trm005("Reaffirming the purposes and principles of the Charter,\n\n4. Decides to remain seized;") == ["PP1"]
    assert trm005("Reaffirming the Charter of the United Nations,\n\n4. Recalls Article 19 of the Charter;") == []
    # The owner named before it in the same sentence; a later bare use is still the first without it.
    assert trm005("Recalling the purposes of the United Nations, as defined in the Charter,\n\n"
                  "4. Decides to remain seized;") == []
    assert trm005("Recalling the United Nations system;\n\n4. Recalls Article 2 of the Charter;") == ["OP4"]
    assert trm005("Acting under Chapter VII of the Charter,\n\n4. Decides to remain seized;",
                  head="The Security Council,\n\n") == []


def test_acronym_inside_the_full_name_of_another_is_part_of_that_name() -> None:
    # holdout8 H8-T65 and A/RES/78/68: "the SIDS Accelerated Modalities of Action (SAMOA) Pathway"
    from checker.parser import parse_text
    from checker.rules.config import Config
    from checker.rules.engine import DEFAULT_PACK, lint, load_ruleset

    rs = load_ruleset([DEFAULT_PACK / "trm.yaml"], include_default=False, use_cache=False)
    text = ("The General Assembly,\n\nRecalling the SIDS Accelerated Modalities of Action (SAMOA) Pathway,\n\n"
            "1. Calls for the implementation of the SAMOA Pathway;\n\n2. Invites SIDS to report.")
    found = [(f.rule, f.address) for f in lint(parse_text(text), rs, Config()) if f.rule in ("TRM001", "TRM004")]
    assert found == [("TRM001", "OP2")]   # the use outside the name is still undefined
