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
                                  "SES007", "SES008", "SES009"])
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
