"""Pre-filters of the CON and TRM checks: they only skip work, never a finding.

Each shortcut is compared with the plain computation it stands for, on texts made to
reach its edges (unusual case and spacing, letters that ``re.I`` folds, overlaps).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from checker.parser import parse_text
from checker.rules.checks import consent
from checker.rules.config import Config
from checker.rules.engine import lint, load_ruleset

ROOT = Path(__file__).resolve().parents[1]
GA = "The General Assembly,\n\n"


@pytest.fixture(scope="module")
def con_rules():
    return load_ruleset([ROOT / "rules" / "con.yaml"], include_default=False, use_cache=False)


def params_of(ruleset, code: str) -> dict:
    return next(r for r in ruleset.rules if r.code == code).spec.params["params"]


def found(ruleset, text: str) -> list[tuple[str, str]]:
    return [(f.rule, f.address) for f in lint(parse_text(GA + text), ruleset, Config())]


# ----------------------------------------------------------------------- consent

# Triggers in spellings the pre-filter must not lose: capitals, line breaks and double
# spaces inside the phrase, and letters that only a case-insensitive regex equates with
# ASCII ones (dotless i, long s, capital I with dot). (A trigger that starts with a capital
# after a word is read as part of a proper name, by design.)
UNUSUAL_TRIGGERS = [
    "technical ASSISTANCE",
    "technical\nassistance",
    "technical\u00a0assistance",
    "technical  co-operation",
    "capacity-BUILDING",
    "techn\u0131cal assistance",
    "technical a\u017f\u017fi\u017ftance",
    "techn\u0130cal assistance",
    "advisory services",
    "needs-assessment missions",
    "fellowships and scholarships",
]


@pytest.mark.parametrize("trigger", UNUSUAL_TRIGGERS)
def test_unusual_spelling_of_a_trigger_is_still_reported(con_rules, trigger):
    text = f"4. Requests the Office to provide {trigger} to the Government of Mali;"
    assert found(con_rules, text) == [("CON001", "OP4")]


TEXTS = [
    *(f"Requests the Office to provide {t} to States" for t in UNUSUAL_TRIGGERS),
    # Several phrases, overlapping and adjacent: the alternation takes the first phrase that
    # matches at the leftmost position, then goes on from its end.
    "to provide technical assistance and capacity-building and technical advice, expert services",
    "build the capacity of Member States, strengthening national capacities of the Government",
    "provide training to judges of States; support the training of officials of countries",
    "organize, within existing resources, training for prison staff; advisory missions to Haiti",
    "technical assistance technical cooperation technical co-operation capacity building",
    "nothing to see here at all",
    "",
    "TECHNICAL",
    "the \u212aelvin sign, technical a\u017f\u017fistance and TECHN\u0130CAL advice",
]


@pytest.mark.parametrize("code,key", [("CON001", "triggers"), ("CON004", "triggers"), ("CON005", "parties")])
def test_phrase_list_matches_as_its_whole_alternation(con_rules, code, key):
    params = params_of(con_rules, code)
    state = "|".join(params.get("state") or ())
    lists = [tuple(params[key])] if key != "parties" else [(p,) for p in params[key]]
    for patterns in lists:
        phrases = consent._phrase_list(patterns, state)
        whole = consent._alternation(phrases.parts)
        for text in TEXTS + [t.lower() for t in TEXTS] + [t.upper() for t in TEXTS]:
            got = [(m.span(), m.group(0)) for m in phrases.matches(text)]
            want = [(m.span(), m.group(0)) for m in whole.finditer(text)]
            assert got == want, (code, text)


def test_requirement_is_what_every_match_contains():
    assert set(consent.requirement(r"technical\s+(?:co-?operation|assistance)")) == {
        frozenset({"operation", "assistance"}), frozenset({"technical"})}
    assert set(consent.requirement(r"capacity[- ]building")) == {frozenset({"building"}), frozenset({"capacity"})}
    # Optional parts, classes and look-arounds require nothing.
    assert consent.requirement(r"(?:the\s+)?[a-z]+(?=\s+aid)") is None
    # A branch with no requirement makes the whole alternation require nothing.
    assert consent.requirement(r"(?:assistance|[a-z]+)\s+to") is None
    # A non-ASCII letter is left out (its case-insensitive matches are not known here).
    assert consent.requirement("\u00e9tude") == (frozenset({"tude"}),)
    assert consent.requirement("ca\u00e9") is None  # "ca": too short to help


def test_fold_finds_what_a_case_insensitive_regex_matches():
    for text in ["K", "\u212a", "\u0130", "\u0131", "\u017f", "S", "i", "I"]:
        for letter in "kis":
            if re.fullmatch(letter, text, re.I):
                assert letter in consent._fold(text), (text, letter)


def test_keys_serve_every_phrase(con_rules):
    phrases = consent._phrases(params_of(con_rules, "CON001"), "triggers")
    served = set().union(*(s for _, s in phrases.keys))
    assert served == set(range(len(phrases.parts)))
    for clause, serves in phrases.keys:
        for i in serves:  # a clause of the phrase implies the key clause
            assert any(consent._implies(c, clause) for c in phrases.required[i])


def test_consent_compiled_only_when_a_clause_needs_it(con_rules):
    """A document with no trigger compiles no consent or own-activity list."""
    consent._compile.cache_clear()
    doc = parse_text(GA + "4. Decides to remain seized of the matter;")

    class Ctx:  # what the checks read of the engine's context
        nodes = list(doc.text_nodes())

    assert list(consent.operative(doc, params_of(con_rules, "CON001"), Ctx())) == []
    assert list(consent.wrong_party_check(doc, params_of(con_rules, "CON005"), Ctx())) == []
    assert consent._compile.cache_info().currsize == 0
