"""CIT rules: citations, footnotes and cross-references resolve."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.parser import parse_text
from checker.rules.config import Config
from checker.rules.engine import load_ruleset, lint
from checker.rules.examples import run_examples

GA = "The General Assembly,\n\n"


@pytest.fixture(scope="module")
def ruleset():
    return load_ruleset(use_cache=False)


@pytest.fixture(autouse=True)
def _no_cache(monkeypatch, tmp_path):
    monkeypatch.setenv("RESLINT_CACHE_DIR", str(tmp_path / "cache"))


def findings(ruleset, text: str, code: str, config: Config | None = None):
    config = config or Config(extend_select=[code])
    return [f for f in lint(parse_text(text), ruleset.subset([code]), config) if f.rule == code]


def test_at_least_ten_cit_rules_with_examples(ruleset) -> None:
    cit = [r for r in ruleset.rules if r.code.startswith("CIT")]
    assert len(cit) >= 10
    failures = [str(f) for r in cit for f in run_examples(r, parse_text)]
    assert failures == []


def test_registry_date_mismatch_has_unsafe_fix(ruleset) -> None:
    (f,) = findings(ruleset, GA + "Recalling its resolution 48/141 of 21 December 1993,", "CIT011")
    assert "adopted on 20 December 1993 according to the registry" in f.message
    assert f.fix is not None and not f.fix.safe
    assert f.fix.edits[0].replacement == "20 December 1993"


def test_project_registry_files_are_used(ruleset, tmp_path: Path) -> None:
    extra = tmp_path / "extra.csv"
    extra.write_text("symbol,date\nA/RES/47/999,1992-12-20\n", encoding="utf-8")
    text = GA + "Recalling its resolution 47/999 of 21 December 1992,"
    assert findings(ruleset, text, "CIT011") == []
    config = Config(extend_select=["CIT011"], registry_files=[extra])
    (f,) = findings(ruleset, text, "CIT011", config)
    assert "20 December 1992" in f.message


def test_unregistered_is_off_by_default(ruleset) -> None:
    text = GA + "Recalling its resolution 47/999 of 20 December 1992,"
    assert [f for f in lint(parse_text(text), ruleset, Config()) if f.rule == "CIT013"] == []
    (f,) = findings(ruleset, text, "CIT013")
    assert f.severity == "info"


def test_date_spread_over_a_list_is_not_checked(ruleset) -> None:
    # The date belongs to 452 (1979) only; 465 (1980) is undated.
    text = GA + ("Calling for the implementation of Security Council resolutions 446 (1979), "
                 "452 (1979) of 20 July 1979, 465 (1980), 1515 (2003) of 19 November 2003 and 2334 (2016),")
    assert findings(ruleset, text, "CIT009") == []
    # A number already dated earlier in the text is not redated by a group (A/C.2/80/L.14).
    text = GA + ("Recalling its resolution 71/243 of 21 December 2016,\n\n"
                 "1. Calls upon the system, in line with its resolutions 71/243 and 75/233 of 21 December 2020, to act;")
    assert findings(ruleset, text, "CIT009") == []


@pytest.mark.parametrize("head, citation, number", [
    ("The Human Rights Council,\n\n", "its resolutions 33/10 and 36/28 of 29 September 2017", "33/10"),
    (GA, "its resolutions 71/243 and 75/233 of 21 December 2020", "71/243"),
    (GA, "its resolutions 60/1, 71/243 and 75/233 of 21 December 2020", "71/243"),
    ("The Security Council,\n\n", "its resolutions 1265 (1999) and 1296 (2000) of 19 April 2000", "1265 (1999)"),
])
def test_date_of_a_plain_group_is_each_numbers(ruleset, head, citation, number) -> None:
    found = findings(ruleset, head + f"Recalling {citation},", "CIT009")
    assert number in [f.message.split("resolution ")[1].split(":")[0] for f in found]


def test_list_goes_on_after_the_subject_of_a_dated_number(ruleset) -> None:
    text = "The Security Council,\n\n" + (
        "Recalling its resolutions 1325 (2000) of 31 October 2000 on women and peace and security "
        "and 1314 (2000) of 11 August 2001 on children and armed conflict,")
    (f,) = findings(ruleset, text, "CIT009")
    assert "1314 (2000)" in f.message
    text = "The Security Council,\n\n" + (
        "Recalling its resolutions 1265 (1999) of 17 September 1999 on civilians and 1296 (2000) and "
        "1325 (2000) of 31 October 2000 on women,")
    assert findings(ruleset, text, "CIT009") == []   # the later date is not spread back over 1265


def test_other_assemblies_are_not_the_general_assembly(ruleset) -> None:
    text = GA + ("Welcoming the decision by the United Nations Environment Assembly at its resumed fifth "
                 "session, in its resolution 5/14 of 2 March 2022, and United Nations Environment Assembly "
                 "resolution 5/5 of 2 March 2022,")
    assert findings(ruleset, text, "CIT008") == []
    text = GA + "Noting the Economic and Social Commission for Asia and the Pacific in its resolution 73/8 of 19 May 2017,"
    assert findings(ruleset, text, "CIT009") == []


def test_named_body_owns_its(ruleset) -> None:
    text = GA + "Recalling that the Security Council in its resolution 1325 (2000) of 31 October 2001 decided,"
    (f,) = findings(ruleset, text, "CIT009")
    assert "2000" in f.message


ECOSOC = "The Economic and Social Council,\n\n"
HRC = "The Human Rights Council,\n\n"


def test_its_is_read_from_the_words_before_not_the_subject_matter_after(ruleset) -> None:
    # An organ named after the number is what the resolution is about, not its owner.
    text = ECOSOC + ("Mindful of its resolution 69/313 of 27 July 2015 on the Addis Ababa Action Agenda "
                     "of the Third International Conference on Financing for Development,")
    (f,) = findings(ruleset, text, "CIT008")
    assert "Economic and Social Council" in f.message
    text = HRC + "Recalling further its resolution 28/101 on the Voluntary Fund for Technical Cooperation,"
    (f,) = findings(ruleset, text, "CIT016")
    assert "decision" in f.message


def test_its_of_unclear_owner_is_compared_with_the_same_number(ruleset) -> None:
    # "its" may be the World Assembly's: the same number dated differently is still reported (CIT012).
    text = GA + ("Recalling its resolution 74/125 of 18 December 2019 on follow-up to the Second World Assembly on Ageing,\n\n"
                 "1. Stresses the follow-up to the Second World Assembly on Ageing, as outlined in its resolution "
                 "74/125 of 19 December 2019;")
    (f,) = findings(ruleset, text, "CIT012")
    assert "18 December 2019" in f.message
    text = GA + ("Recalling its resolution 74/125 of 18 December 2019,\n\n"
                 "1. Stresses the follow-up to the Second World Assembly on Ageing, as outlined in its resolution "
                 "74/125 of 18 December 2019;")
    assert findings(ruleset, text, "CIT012") == []


def test_organ_before_or_as_subject_after_still_owns_its(ruleset) -> None:
    text = ECOSOC + "Noting that the General Assembly, in its resolution 69/313 of 27 July 2015, endorsed the Agenda,"
    assert findings(ruleset, text, "CIT008") == []
    text = ECOSOC + "Recalling that through its resolution 69/313 of 27 July 2015, the General Assembly endorsed the Agenda,"
    assert findings(ruleset, text, "CIT008") == []


@pytest.mark.parametrize("head, citation", [
    (ECOSOC, "its resolution 2019/14 of 8 June 2018"),          # before the 2019 session opened
    (ECOSOC, "its resolution 2019/14 of 8 June 2020"),          # after it closed
    (GA, "Economic and Social Council resolution 2010/2 of 3 March 2008"),
    ("The Commission on Human Rights,\n\n", "its resolution 1987/37 of 10 March 1986"),
])
def test_year_prefix_differs_from_date_year(ruleset, head, citation) -> None:
    (f,) = findings(ruleset, head + f"Recalling {citation},", "CIT009")
    assert f.severity == "error"


@pytest.mark.parametrize("citation", [
    "its resolution 2019/14 of 8 June 2019",
    "its resolution 2019/14 of 26 July 2018",   # the 2019 session opens in July 2018
])
def test_year_prefix_within_its_session_is_silent(ruleset, citation) -> None:
    assert findings(ruleset, ECOSOC + f"Recalling {citation},", "CIT009") == []
    assert findings(ruleset, ECOSOC + f"Recalling {citation},", "CIT010") == []


def test_ga_session_closes_late_september(ruleset) -> None:
    text = GA + "Recalling its resolution 47/120 B of 20 September 1993,"
    assert findings(ruleset, text, "CIT009") == []


def test_direction_fix_is_safe(ruleset) -> None:
    text = GA + "1. Requests a report.\n\n2. Decides to consider the report requested in paragraph 1 below."
    (f,) = findings(ruleset, text, "CIT005")
    assert f.fix.safe and f.fix.edits[0].replacement == "above"


def test_paragraph_of_another_resolution_is_skipped(ruleset) -> None:
    text = GA + "1. Requests a report.\n\n2. Recalls paragraph 9 of resolution 60/251."
    assert findings(ruleset, text, "CIT004") == []


def test_unit_exponent_is_not_a_marker(ruleset) -> None:
    text = GA + "1. Decides that containers of 0.100 m³ or more are covered."
    assert findings(ruleset, text, "CIT001") == []


def test_full_symbol_fix(ruleset) -> None:
    (f,) = findings(ruleset, GA + "Recalling its resolution A/RES/61/171 of 19 December 2006,", "CIT014")
    assert f.fix.safe and f.fix.edits[0].replacement == "61/171"
    (f,) = findings(ruleset, GA + "Recalling the 2030 Agenda (A/RES/70/1),", "CIT014")
    assert not f.fix.safe and f.fix.edits[0].replacement == "resolution 70/1"


def test_symbols_in_footnotes_are_not_cit014(ruleset) -> None:
    text = GA + "Recalling its resolution 70/1,¹\n\n1. Decides.\n\n__________________\n¹ A/RES/70/1."
    assert findings(ruleset, text, "CIT014") == []


def test_malformed_symbol_fix(ruleset) -> None:
    (f,) = findings(ruleset, GA + "Taking note of draft resolution A/HRC/56/L12,", "CIT007")
    assert f.fix.safe and f.fix.edits[0].replacement == "A/HRC/56/L.12"


def test_own_header_symbol_is_checked(ruleset) -> None:
    text = ("United Nations\n\nA/HRC/56/L12\n\nGeneral Assembly\n\nDistr.: Limited\n8 July 2024\n\n"
            "Human Rights Council\nFifty-sixth session\nAgenda item 10\n\nBhutan: draft resolution\n\n"
            "56/... Technical cooperation\n\nThe Human Rights Council,\n\n1. Decides to remain seized of the matter.\n")
    (f,) = findings(ruleset, text, "CIT007")
    assert f.address == "HEADER" and f.fix.edits[0].replacement == "A/HRC/56/L.12"


# CIT015: "this resolution" -------------------------------------------------

def test_this_resolution_still_fires_in_general_assembly_text(ruleset) -> None:
    (f,) = findings(ruleset, GA + "1. Requests the Secretary-General to report on the implementation of this resolution.",
                    "CIT015")
    assert f.fix is not None and f.fix.safe
    assert f.fix.edits[0].replacement == "the present resolution"


def test_this_resolution_not_reported_in_security_council_text(ruleset) -> None:
    text = ("The Security Council,\n\n1. Requests the Secretary-General to report within 60 days of the "
            "adoption of this resolution;\n\n2. Decides to remain seized of the matter.")
    assert findings(ruleset, text, "CIT012") == []


def test_this_resolution_pointing_at_another_resolution_is_not_reported(ruleset) -> None:
    text = GA + ("1. Decides that the informal consultations concerning the annual resolution on oceans "
                 "will be held in March, and that the consultations on this resolution will last five days.")
    assert findings(ruleset, text, "CIT012") == []
    coordinated = GA + "1. Requests a report on resolution 50/1 and this resolution."
    assert len(findings(ruleset, coordinated, "CIT015")) == 1


def test_this_resolution_inside_a_quotation_is_not_reported(ruleset) -> None:
    text = GA + "1. Recalls that resolution 50/1 provides that “this resolution shall be reviewed”."
    assert findings(ruleset, text, "CIT012") == []


def test_security_council_number_without_year(ruleset) -> None:
    (f,) = findings(ruleset, GA + "Recalling Security Council resolution 2117 of 26 September 2013,", "CIT008")
    assert "'2117 (2013)'" in f.message
    (g,) = findings(ruleset, GA + "Recalling Security Council resolutions 1325 (2000) and 2122,", "CIT008")
    assert "'2122'" in g.message


def test_security_council_number_with_year_or_other_body_is_not_cit008(ruleset) -> None:
    text = GA + ("Recalling Security Council resolution 2117 (2013) of 26 September 2013, resolution 5 of the "
                 "Conference of the Parties and Security Council resolution 217 A (III) on another matter,")
    assert [f for f in findings(ruleset, text, "CIT008") if "2117" in f.message or "'5'" in f.message] == []
    # A plain-digit footnote marker after a list of Council resolutions is not a number.
    text = GA + "Noting the report requested in Security Council resolutions 530 (1983) and 562 (1985), 7\n\n1. Decides."
    assert findings(ruleset, text, "CIT008") == []


PDF_GA = ("The General Assembly,\n\n  Recalling the Charter of the United Nations,1\n\n  Noting the report of the\n"
          "Secretary-General,2\n\n  1. Takes note of the views adopted by the Committee at its 120th session,{m} and of\n"
          "the work of its bureau;\n\n  2. Decides to remain seized of the matter.\n\n_______________\n"
          "1 See resolution 217 A (III).\n2 A/80/100.\n")


def test_plain_digit_marker_without_footnote(ruleset) -> None:
    (f,) = findings(ruleset, PDF_GA.format(m="3"), "CIT001")
    assert "marker 3" in f.message


def test_plain_digits_that_are_numbers_are_not_markers(ruleset) -> None:
    # "at its 120th session,5": not the next marker (3); "articles 1,3": a list, not a marker.
    assert findings(ruleset, PDF_GA.format(m="5"), "CIT001") == []
    text = PDF_GA.replace("the work of its bureau", "articles 1,3 and 4 of the Covenant")
    assert findings(ruleset, text.format(m=""), "CIT001") == []


def test_orphan_footnote_in_plain_digit_text(ruleset) -> None:
    text = PDF_GA.format(m="").replace("2 A/80/100.\n", "2 A/80/100.\n3 A/80/200.\n4 A/80/300.\n")
    (f,) = findings(ruleset, text, "CIT002")   # only the first orphan: later markers would be unseen
    assert "Footnote 3" in f.message
    assert findings(ruleset, PDF_GA.format(m=""), "CIT002") == []


SC_HEADER = ("United Nations\nS/RES/{symbol}\n\nSecurity Council\nDistr.: General\n15 July 2025\n\n"
             "Resolution {title}\n\nAdopted by the Security Council at its 9960th meeting, on {date}\n\n"
             "The Security Council,\n\n1. Decides to remain seized of the matter.")


def test_sc_title_line_against_symbol_and_adoption_date(ruleset) -> None:
    ok = dict(symbol="2785 (2025)", title="2785 (2025)", date="14 July 2025")
    assert findings(ruleset, SC_HEADER.format(**ok), "CIT017") == []
    (f,) = findings(ruleset, SC_HEADER.format(**{**ok, "symbol": "2786 (2025)"}), "CIT017")
    assert f.address == "HEADER" and "S/RES/2786 (2025)" in f.message and "adopted" not in f.message
    (f,) = findings(ruleset, SC_HEADER.format(**{**ok, "date": "2 January 2026"}), "CIT017")
    assert "adopted on 2 January 2026" in f.message and "symbol" not in f.message


def test_draft_without_a_number_is_not_checked(ruleset) -> None:
    text = ("United Nations\nA/HRC/57/L.9\n\nGeneral Assembly\nDistr.: Limited\n7 October 2024\n\n"
            "Human Rights Council\nFifty-seventh session\nAgenda item 3\n\n57/... Right to education\n\n"
            "The Human Rights Council,\n\n1. Decides to remain seized of the matter.")
    assert findings(ruleset, text, "CIT017") == []


# --- holdout8: a reference into a numbering gap; footnote numbers skipped in text and notes

def test_reference_into_a_numbering_gap(ruleset) -> None:
    text = ("The General Assembly,\n\n1. Requests a report;\n\n2. Invites States to contribute;\n\n"
            "4. Calls upon States to act;\n\n5. Decides to consider the matters in paragraphs 1 and 3 above.")
    (f,) = findings(ruleset, text, "CIT004")
    assert "'paragraph 3'" in f.message and "jumps from 2 to 4" in f.message


def test_footnote_gap_only_when_the_number_is_nowhere(ruleset) -> None:
    head = ("The General Assembly,\n\nRecalling its resolution 70/1,¹\n\nRecalling also its resolution 71/1,²\n\n"
            "Welcoming the work of the Panel,⁴\n\n1. Decides to remain seized of the matter.\n\n__________________\n"
            "¹ Resolution 70/1.\n² Resolution 71/1.\n")
    (f,) = findings(ruleset, head + "⁴ See A/78/L.54.", "CIT018")
    assert "footnote 3 is missing" in f.message
    # note 3 still there: its superscript may be lost (CIT002 reports the orphan)
    assert findings(ruleset, head + "³ A/78/100.\n⁴ See A/78/L.54.", "CIT018") == []
