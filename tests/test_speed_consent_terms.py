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


# ----------------------------------------------------------------------- terms

from checker.grammar import terms as grammar_terms  # noqa: E402
from checker.resolve import acronyms  # noqa: E402
from checker.rules.checks import terms  # noqa: E402

ACRONYM_TEXTS = [
    "Recalls the work of UNDP and the UN\u2011Women office;", "AT&T and A-B, G-7A, COVID-19",
    "the U.N. and the U.S.A.\u2019s plan", "U.N.", "A.B", "X.Y.Z", "aU.N.", ".U.N.", "(U.N.D.P.)",
    "SDGs and LDCs", "Annex IV, article XII", "A/RES/70/1", "\u00c9U and A\u00c9B and \u00c0\u00c0",
    "A\u00a0B", "PP5 and OP7 bis", "TO BE COMPLETED\nBY THE SECRETARIAT", "no capitals here", "",
    "Invites States", "I", "A1B", "A\u2011B", "A\u2010B",
]


def test_acronym_uses_as_without_the_prefilter(monkeypatch):
    fast = [grammar_terms.find_acronym_uses.__wrapped__(t.translate(acronyms._HYPHENS)) for t in ACRONYM_TEXTS]
    monkeypatch.setattr(grammar_terms, "may_have_acronym", lambda text: True)
    plain = [grammar_terms.find_acronym_uses.__wrapped__(t.translate(acronyms._HYPHENS)) for t in ACRONYM_TEXTS]
    assert fast == plain
    assert any(fast)


def test_two_capitals_over_bytes_as_over_text():
    for text in ACRONYM_TEXTS + [t.upper() for t in ACRONYM_TEXTS]:
        as_bytes = text.encode("utf-8", "surrogatepass").translate(grammar_terms.CAPITALS_AS_A)
        assert bool(grammar_terms.TWO_CAPITALS_AS_A.search(as_bytes)) == grammar_terms.may_have_acronym(text), text


def test_acronym_texts_are_those_with_two_capitals():
    doc = parse_text(GA + "Recalling the report of the Secretary-General,\n\nNoting the work of UNDP,\n\n"
                     "1. Welcomes the plan of the U.N. A\n\n2. B decides to remain seized of the matter;")
    nodes = list(doc.text_nodes())
    want = [n for n in nodes if grammar_terms.may_have_acronym(acronyms.scan_text(n))]
    assert [n for n, _ in acronyms.acronym_texts(nodes)] == want
    assert [n for n, _ in acronyms.AcronymTexts(doc).of(nodes)] == want
    assert len(want) == 2  # "UNDP", "U.N."; never "A" and "B" of two texts


def test_dotted_acronyms_as_the_plain_pattern():
    plain = re.compile(r"(?<![\w.])(?P<acr>(?:[A-Z]\.){2,})(?P<poss>[\u2019']s\b)?(?![\w])")
    for text in ACRONYM_TEXTS:
        want = [(m.span(), m.span("acr"), m["poss"]) for m in plain.finditer(text)]
        assert [(m.span(), m.span("acr"), m["poss"]) for m in grammar_terms._DOTTED_RE.finditer(text)] == want


SHORT_FORM_TEXTS = [
    "the Council", "xthe Council", "-the Council", "\u00e9the Council", "the  \n Council of Europe",
    "1the Council", "_the Council", "the Councils", "Bathe Office", "the the Office", "the Office-holder",
    "requests the Special Rapporteur on the right to food", "the Special\nRapporteur", "the 2030 Agenda",
]
HEADS = ["Council", "Office", "Special Rapporteur", "2030 Agenda", "Programme of Action"]


def test_short_form_pattern_as_with_a_leading_word_boundary():
    for head in HEADS:
        plain = re.compile(rf"\bthe\s+{re.escape(head)}\b(?![\w-])(?!{terms._naming(head, frozenset())})")
        fast = terms._short_form_re(head)
        after_the = terms._after_the_re(tuple(HEADS))
        for text in SHORT_FORM_TEXTS:
            want = [(m.span(), m.group(0)) for m in plain.finditer(text)]
            assert [(m.span(), m.group(0)) for m in fast.finditer(text)] == want
            # every short form stands where the one scan for all heads stops
            starts = {m.start() for m in after_the.finditer(text)}
            assert {span[0] for span, _ in want} <= starts, (head, text)


def test_finder_holding_as_a_test_of_each_text():
    texts = ["the Office", "", "office of the Fund", "Fund", "Of", "fice", "the Council of the Office"]
    finder = terms._Finder(texts)
    for s in ["Office", "Fund", "the", "Of\nfice", "e", "Council"]:
        assert finder.holding(s) == [i for i, t in enumerate(texts) if s in t], s
    assert finder.at([0, 3, 12, 31, 44]) == [0, 2, 3, 6]  # texts start at 0, 11, 12, 31, 36, 39, 44


@pytest.fixture(scope="module")
def trm_rules():
    return load_ruleset([ROOT / "rules" / "trm.yaml"], include_default=False, use_cache=False)


@pytest.mark.parametrize("text", [
    "4. Requests the\nSpecial Rapporteur to report;",
    "4. Requests the  Special  Rapporteur to report;",
    "4. Requests the the Office to report;",
])
def test_short_form_with_unusual_spacing_is_still_reported(trm_rules, text):
    assert [(f.rule, f.address) for f in lint(parse_text(GA + text), trm_rules, Config())
            if f.rule == "TRM005"] == [("TRM005", "OP4")]


def test_rest_of_a_term_found_as_by_its_regex():
    texts = ["the Secretary General", "Secretary\nGeneral", "Secretary  General", "Secretary-General",
             "SecretaryGeneral", "", "ecretary General", "peace\u00a0keeping"]
    for wrong in ["Secretary General", "peace keeping", "x", "a  b", "Under Secretary-General"]:
        for text in texts:
            want = terms._swap_rest_re(wrong).search(text) is not None
            assert terms._holds_rest(text, wrong) == want, (wrong, text)


def test_non_agreed_term_across_a_line_break_is_still_reported(trm_rules):
    text = "4. Requests the Secretary\nGeneral to report;"
    assert [f.rule for f in lint(parse_text(GA + text), trm_rules, Config()) if f.rule == "TRM008"] == ["TRM008"]
