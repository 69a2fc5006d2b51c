"""SES rules: their own examples, fixes, and the cases that must stay silent."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.fix import apply_edits
from checker.parser import parse_text
from checker.rules.config import Config
from checker.rules.engine import DEFAULT_PACK, lint, load_ruleset
from checker.rules.examples import run_examples

SES = DEFAULT_PACK / "ses.yaml"


@pytest.fixture(scope="module")
def ruleset():
    return load_ruleset([SES], include_default=False, use_cache=False)


def findings(ruleset, text: str, code: str | None = None):
    found = lint(parse_text(text), ruleset, Config())
    return [f for f in found if code is None or f.rule == code]


def test_at_least_four_rules(ruleset) -> None:
    assert len(ruleset.rules) >= 4


@pytest.mark.parametrize("code", ["SES001", "SES002", "SES003", "SES004", "SES005", "SES006",
                                  "SES007", "SES008", "SES009", "SES010", "SES011", "SES012"])
def test_examples(ruleset, code: str) -> None:
    assert run_examples(ruleset.get(code), parse_text) == []


GA = "General Assembly\nEightieth session\nAgenda item 10\n\nThe General Assembly,\n\n"


@pytest.mark.parametrize("wrong,right", [
    ("fourty-first session", "forty-first session"),
    ("twenty first session", "twenty-first session"),
    ("Twenty-First session", "Twenty-first session"),
    ("61st session", "sixty-first session"),
])
def test_safe_fix_replaces_the_reference(ruleset, wrong: str, right: str) -> None:
    text = f"The General Assembly,\n\n1. Decides to consider the item at its {wrong};\n2. Requests a report."
    found = [f for f in findings(ruleset, text) if f.fix is not None]
    assert found and all(f.fix.safe for f in found)
    fixed = apply_edits(text, [e for f in found for e in f.fix.edits])
    assert f"at its {right};" in fixed


def test_annexed_texts_are_not_checked_for_session_form(ruleset) -> None:
    text = ("The General Assembly,\n\n1. Adopts the declaration annexed to the present resolution and decides to "
            "review it at its 81st session.\n\n10th plenary meeting\n1 March 2024\n\nAnnex\n\nDeclaration\n\n"
            "1. We will review progress at the 78th session of the General Assembly.\n")
    assert [f.address for f in findings(ruleset, text, "SES002")] == ["OP1"]


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_fix_touches_only_the_ordinal_and_keeps_a_line_break(ruleset, newline: str) -> None:
    text = newline.join(["The General Assembly,", "", "1. Decides to consider the item at its 61st",
                         "session;", "2. Requests a report."])
    (f,) = [f for f in findings(ruleset, text, "SES002")]
    assert apply_edits(text, list(f.fix.edits)) == text.replace("61st", "sixty-first")


def test_official_records_title_form_is_not_capitalization_error(ruleset) -> None:
    text = ("The General Assembly,\n\nNoting the report,\n\n1. Takes note of Official Records of the General "
            "Assembly, Seventy-ninth Session, Supplement No. 53;\n2. Requests a report.")
    assert findings(ruleset, text, "SES003") == []


def test_past_session_only_for_forward_self_references(ruleset) -> None:
    text = GA + ("1. Requests the Secretary-General to submit an interim report to the Human Rights Council at its "
                 "sixty-second session;\n2. Recalls the resolution adopted at its seventy-eighth session;\n"
                 "3. Encourages the Commission on the Status of Women to consider the matter at its seventieth session;\n"
                 "4. Requests the Secretary-General to prepare a report similar to his report to the General Assembly "
                 "at its seventy-fifth session;\n5. Decides to include the item in the provisional agenda of its "
                 "eighty-first session.")
    assert findings(ruleset, text, "SES007") == []


def test_past_session_found_in_provisional_agenda(ruleset) -> None:
    text = GA + "1. Decides to include the item in the provisional agenda of its seventy-ninth session."
    assert len(findings(ruleset, text, "SES007")) == 1


def test_past_session_needs_a_known_session(ruleset) -> None:
    text = "The General Assembly,\n\n1. Decides to include the item in the provisional agenda of its seventy-ninth session."
    assert findings(ruleset, text, "SES007") == []


def test_security_council_may_cite_general_assembly_sessions(ruleset) -> None:
    text = ("The Security Council,\n\nRecalling the resolution adopted by the General Assembly at its forty-ninth "
            "session,\n\n1. Decides to remain seized of the matter.")
    assert findings(ruleset, text, "SES008") == []


def test_security_council_own_session(ruleset) -> None:
    text = ("The Security Council,\n\nRecalling the eighth session of the Security Council,\n\n"
            "1. Decides to remain seized of the matter.")
    assert len(findings(ruleset, text, "SES008")) == 1


def test_hrc_header_dates_match(ruleset) -> None:
    ok = "Human Rights Council\nThirty-sixth session\n11-29 September 2017\nAgenda item 10\n\nThe Human Rights Council,\n\n1. Decides to act."
    assert findings(ruleset, ok, "SES006") == []


def test_symbol_session_agrees(ruleset) -> None:
    text = ("A/C.3/80/L.5\n\nGeneral Assembly\nEightieth session\nThird Committee\nAgenda item 10\n\n"
            "Peru: draft resolution\n\nThe General Assembly,\n\n1. Decides to act.")
    assert findings(ruleset, text, "SES004") == []


ECOSOC = ("E/2026/L.3\n\nEconomic and Social Council\n2026 session\nAgenda item 12\n\n"
          "The Economic and Social Council,\n\n")


def test_ecosoc_report_at_a_past_year_session(ruleset) -> None:
    text = ECOSOC + "1. Requests the Secretary-General to submit to the Council at its 2025 session a report."
    (f,) = findings(ruleset, text, "SES007")
    assert "2026 session" in f.message


def test_ecosoc_report_at_a_later_session_or_recalled_one(ruleset) -> None:
    text = ECOSOC + ("1. Recalls the ministerial declaration adopted at its 2024 session;\n"
                     "2. Requests the Secretary-General to submit to the Council at its 2027 session a report;\n"
                     "3. Invites the Statistical Commission to report at its 2025 session.")
    assert findings(ruleset, text, "SES007") == []


def test_ecosoc_own_future_session_with_an_ordinal(ruleset) -> None:
    text = ECOSOC + "1. Decides to consider at its sixty-second session the question of statistics."
    assert len(findings(ruleset, text, "SES009")) == 1


def test_ecosoc_ordinal_of_other_body_or_past_event(ruleset) -> None:
    text = ECOSOC + ("1. Recalls its resolution 1296 (XLIV), adopted at its forty-fourth session;\n"
                     "2. Requests the Statistical Commission to consider the matter at its fifty-eighth session.")
    assert findings(ruleset, text, "SES009") == []


def test_security_council_own_session_with_a_bare_its(ruleset) -> None:
    sc = "Security Council\n\nThe Security Council,\n\nRecalling its resolution 2217 (2015),\n\n"
    text = sc + ("1. Decides to review the mandate of the Mission at its eighty-first session;\n"
                 "2. Invites the General Assembly to consider the question at its eighty-first session;\n"
                 "3. Decides to remain seized of the matter.")
    assert [f.address for f in findings(ruleset, text, "SES008")] == ["OP1"]


def test_past_session_for_a_functional_commission(ruleset) -> None:
    text = ("Commission on the Status of Women\nSixty-ninth session\n\nThe Commission on the Status of Women,\n\n"
            "Recalling its resolution 60/2,\n\n1. Requests the Secretary-General to submit to the Commission at its "
            "sixty-eighth session a report;\n2. Decides to consider the question at its seventieth session.")
    assert [f.address for f in findings(ruleset, text, "SES007")] == ["OP1"]


# --- holdout5 misses (D46, D69, D29, D30, D47, D10, D49): the cases written fresh

def test_capital_ordinal_in_running_text_with_safe_fix(ruleset) -> None:
    text = GA + "1. Invites the Administrator to brief Member States at its Eighty-second session on progress made;"
    (f,) = findings(ruleset, text, "SES003")
    assert f.fix is not None and f.fix.safe
    assert "at its eighty-second session on" in apply_edits(text, list(f.fix.edits))


def test_past_session_named_with_the(ruleset) -> None:
    text = GA + ("1. Requests the President of the General Assembly to organize, during the seventy-eighth session, "
                 "a one-day dialogue on the question;\n"
                 "2. Decides to hold, during the seventy-ninth session of the General Assembly, a high-level meeting.")
    assert [f.address for f in findings(ruleset, text, "SES007")] == ["OP1", "OP2"]


def test_the_form_left_alone_for_other_organs_recalls_and_past_events(ruleset) -> None:
    text = GA + ("1. Invites the President to convene, during the eightieth session, an interactive dialogue;\n"
                 "2. Encourages the Commission to hold, during the sixty-eighth session of the Commission, a panel;\n"
                 "3. Recalls its resolution 77/203, whereby it decided to continue the consideration of further "
                 "measures at the seventy-eighth session;\n"
                 "4. Decides to include the item in the provisional agenda of its eighty-third session, taking into "
                 "account the views expressed in the debates held at the seventy-first, seventy-fourth and "
                 "seventy-seventh sessions of the General Assembly;\n"
                 "5. Invites Member States to consider the practice during the seventy-seventh session of the "
                 "Conference of the Parties.")
    assert findings(ruleset, text, "SES007") == []


def test_report_requested_for_the_texts_own_session(ruleset) -> None:
    ga = GA + "1. Requests the Secretary-General to submit to the General Assembly at its eightieth session a report on the question;"
    hrc = ("A/HRC/RES/60/3\n\nHuman Rights Council\nSixtieth session\n8 September-8 October 2025\nAgenda item 3\n\n"
           "60/3. Right to development\n\nThe Human Rights Council,\n\n"
           "1. Requests the High Commissioner to present a report on the question to the Council at its sixtieth session;")
    assert [f.address for f in findings(ruleset, ga, "SES007")] == ["OP1"]
    (f,) = findings(ruleset, hrc, "SES007")
    assert "sixtieth session" in f.message


def test_own_session_left_alone_when_not_a_report_request(ruleset) -> None:
    text = GA + ("1. Decides to continue its consideration of the question at its eightieth session;\n"
                 "2. Invites the President of the General Assembly to hold, during the eightieth session, a debate;\n"
                 "3. Requests the Secretary-General to submit a report at its resumed eightieth session;\n"
                 "4. Recalls the request to the Secretary-General to submit a report to the General Assembly at its "
                 "eightieth session;\n"
                 "5. Invites the Secretary-General to submit a proposal to the General Assembly during its eightieth "
                 "session;\n"
                 "6. Requests the Secretary-General to present an oral update at the second part of its resumed "
                 "eightieth session.")
    assert findings(ruleset, text, "SES007") == []


def test_ecosoc_report_at_its_own_year_session_is_left_alone(ruleset) -> None:
    text = ECOSOC + "1. Requests the Secretary-General to submit to the Council at its 2026 session a report."
    assert findings(ruleset, text, "SES007") == []


HRC_APRIL = ("A/HRC/RES/61/9\n\nHuman Rights Council\nSixty-first session\n23 February-2 April 2026\nAgenda item 3\n\n"
             "61/9. Right to food\n\nThe Human Rights Council,\n\n")


def test_cross_body_general_assembly_session_already_closed(ruleset) -> None:
    text = HRC_APRIL + ("1. Requests the Secretary-General to transmit the report to the General Assembly at its "
                        "seventy-ninth session;\n2. Invites the Special Rapporteur to present an interim report "
                        "during the seventy-eighth session of the General Assembly;\n3. Decides to remain seized.")
    found = findings(ruleset, text, "SES010")
    assert [f.address for f in found] == ["OP1", "OP2"]
    assert "eightieth session" in found[0].message and "23 February 2026" in found[0].message


def test_cross_body_open_next_or_recalled_sessions_pass(ruleset) -> None:
    text = HRC_APRIL + ("1. Requests the Secretary-General to transmit the report to the General Assembly at its "
                        "eightieth session;\n2. Invites the High Commissioner to brief the General Assembly at its "
                        "eighty-first session;\n3. Takes note of the report submitted to the General Assembly at its "
                        "seventy-ninth session;\n4. Requests the Working Group to report to the World Health "
                        "Assembly at its seventy-eighth session.")
    assert findings(ruleset, text, "SES010") == []


def test_cross_body_needs_a_date_and_another_body(ruleset) -> None:
    no_date = ("Commission on the Status of Women\nSeventieth session\n\nThe Commission on the Status of Women,\n\n"
               "1. Requests the Secretary-General to report to the General Assembly at its sixtieth session.")
    assert findings(ruleset, no_date, "SES010") == []
    assert findings(ruleset, GA + "1. Requests a report to the General Assembly at its seventy-eighth session.",
                    "SES010") == []


def test_hrc_date_from_the_session_number_alone(ruleset) -> None:
    text = ("A/HRC/62/L.4\n\nHuman Rights Council\nSixty-second session\nAgenda item 3\n\n"
            "The Human Rights Council,\n\n1. Requests the Secretary-General to transmit the report to the General "
            "Assembly at its seventy-ninth session.")
    (f,) = findings(ruleset, text, "SES010")
    assert "June 2026" in f.message


def test_security_council_session_in_a_recalled_event(ruleset) -> None:
    sc = "Security Council\n\nThe Security Council,\n\n"
    text = sc + ("Recalling the statement of its President adopted at its 9801st session,\n\n"
                 "Recalling the communiqué of the Peace and Security Council of the African Union adopted at its "
                 "twelfth session,\n\n"
                 "Recalling General Assembly resolution 78/1, adopted at its seventy-eighth session,\n\n"
                 "1. Decides to remain seized of the matter.")
    assert [f.address for f in findings(ruleset, text, "SES008")] == ["PP1"]


def test_ecosoc_draft_symbol_carries_the_session_year(ruleset) -> None:
    head = "\n\nEconomic and Social Council\n2027 session\nAgenda item 14\n\nThe Economic and Social Council,\n\n1. Decides to act."
    (f,) = findings(ruleset, "E/2026/L.12" + head, "SES004")
    assert "2026 session" in f.message and f.address == "HEADER"
    assert findings(ruleset, "E/2027/L.12/Rev.1" + head, "SES004") == []
    assert findings(ruleset, "E/RES/2026/12" + head, "SES004") == []   # resolution symbols: not settled


def test_security_council_session_numbered_past_ten_thousand(ruleset):
    """Council meetings are numbered past 10000: '10124th session' is still a session given to the Council."""
    text = ("The Security Council,\n\nRecalling the open debate held by the Council at its 10124th session,\n\n"
            "1. Decides to remain seized of the matter.\n")
    doc = parse_text(text)
    hits = findings(ruleset, text, "SES008")
    assert [doc.source[f.span.start:f.span.end] for f in hits] == ["10124th session"]


# --- holdout8: functional commissions, one-sentence decisions, old and far-off session names

CSW = ("E/CN.6/2026/L.4\n\nEconomic and Social Council\n\nCommission on the Status of Women\nSeventieth session\n"
       "Agenda item 3\n\nThe Commission on the Status of Women recommends to the Economic and Social Council the "
       "adoption of the following draft resolution:\n\nThe Economic and Social Council,\n\n")


def test_functional_commission_masthead_is_not_an_ecosoc_ordinal(ruleset) -> None:
    text = CSW + "1. Decides to consider the question at its 2028 session."
    assert findings(ruleset, text, "SES009") == []


def test_report_to_a_past_session_of_the_masthead_commission(ruleset) -> None:
    text = CSW + ("1. Requests the Secretary-General to submit to the Commission on the Status of Women at its "
                  "sixty-ninth session a report;\n2. Invites the Commission at its seventy-first session to review "
                  "progress;\n3. Decides to consider the question at its sixty-ninth session.")
    # OP3's bare "its" is the Council's (year-named), not the Commission's
    assert [f.address for f in findings(ruleset, text, "SES007")] == ["OP1"]


def test_one_sentence_decision_items_are_checked_after_decides(ruleset) -> None:
    text = ("Human Rights Council\nSixtieth session\nAgenda item 10\n\nThe Human Rights Council, recalling the "
            "panel held at its fifty-eighth session, decides:\n\n(a) That the theme of the panel discussion to be "
            "held at its fifty-ninth session shall be \"Technical cooperation\";\n\n(b) To continue its "
            "consideration of the question at its sixty-third session.")
    found = findings(ruleset, text, "SES007")
    assert len(found) == 1 and "fifty-ninth" in found[0].message


def test_ecosoc_substantive_session_only_in_the_councils_own_texts(ruleset) -> None:
    ecosoc = ("E/RES/2025/30\n\nEconomic and Social Council\n2025 session\nAgenda item 18\n\n"
              "The Economic and Social Council,\n\n")
    bad = ecosoc + "1. Requests the Secretary-General to report to the Council at its substantive session of 2026;"
    assert [f.rule for f in findings(ruleset, bad, "SES011")] == ["SES011"]
    old = ecosoc + "1. Recalls the decision taken at its substantive session of 2012;"
    assert findings(ruleset, old, "SES011") == []
    ga = GA + "1. Welcomes the segment of the Economic and Social Council at its substantive session of 2025;"
    assert findings(ruleset, ga, "SES011") == []


def test_far_ahead_only_beyond_ten_years_and_own_sessions(ruleset) -> None:
    near = GA + "1. Requests the Secretary-General to report to the General Assembly at its ninetieth session;"
    assert findings(ruleset, near, "SES012") == []
    far = GA + "1. Decides to include in the provisional agenda of its ninety-second session the item;"
    assert [f.rule for f in findings(ruleset, far, "SES012")] == ["SES012"]
    other = GA + "1. Welcomes the Convention adopted by the International Labour Conference at its 112th session;"
    assert findings(ruleset, other, "SES012") == []


def test_ses008_security_council_named_in_another_organs_text(ruleset):
    head = "Human Rights Council\nSixtieth session\nAgenda item 3\n\nThe Human Rights Council,\n\n"
    bad = head + "1. Welcomes the attention given to hunger by the Security Council at its seventy-ninth session;"
    (f,) = findings(ruleset, bad, "SES008")
    assert "seventy-ninth session" in f.message
    ok = head + ("1. Welcomes the communiqué of the Peace and Security Council at its 1200th session;\n"
                 "2. Decides to consider the question at its sixty-third session;\n"
                 "3. Welcomes the statement of the Security Council at its 9850th meeting.")
    assert findings(ruleset, ok, "SES008") == []
