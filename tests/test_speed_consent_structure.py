"""Fast paths of the CON and STR checks agree with the plain computation they replace."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.rules.checks import consent, structure
from checker.rules.engine import load_ruleset

ROOT = Path(__file__).resolve().parents[1]

# Words of the trigger, own-activity and consent phrases, with the spacing, case and
# punctuation that reach the edges of the pre-filter (adjacent and overlapping phrases).
WORDS = ["technical", "assistance", "co-operation", "cooperation", "capacity", "building", "capacity-building",
         "build", "the", "capacities", "of", "States", "national", "Government", "training", "provide", "to",
         "advisory", "services", "missions", "expert", "fund", "trust", "at", "request", "their", "upon",
         "Office", "and", "in", "consultation", "with", "consent", "deploy", "team", "Haiti", "TECHNICAL",
         "deployment", "experts", "advisers", "non-governmental", "organizations", "from", "developing", "countries",
         "a\u017f\u017fistance", "techn\u0131cal", ",", ";", "."]
texts = st.lists(st.sampled_from(WORDS), max_size=30).flatmap(
    lambda ws: st.tuples(st.just(ws), st.lists(st.sampled_from([" ", "  ", "\n", "-", ""]), min_size=len(ws),
                                               max_size=len(ws)))).map(
    lambda p: "".join(w + s for w, s in zip(*p)))


@pytest.fixture(scope="module")
def lists():
    rules = load_ruleset([ROOT / "rules" / "con.yaml"], include_default=False, use_cache=False)
    out = []
    for rule in rules.rules:
        params = rule.spec.params["params"]
        state = "|".join(params.get("state") or ())
        for key in ("triggers", "own-activity", "consent", "call-cues", "parties"):
            # Each pattern of ``parties`` is a list of its own (they share a group name).
            for patterns in ([(p,) for p in params.get(key) or ()] if key == "parties" else [params.get(key)]):
                if patterns:
                    phrases = consent._phrase_list(tuple(patterns), state)
                    out.append((phrases, consent._alternation(phrases.parts)))
    return out


@settings(max_examples=300, deadline=None)
@given(text=texts, data=st.data())
def test_phrase_list_is_its_alternation_on_any_range(lists, text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    for phrases, whole in lists:
        assert [(m.span(), m.group(0)) for m in phrases.matches(text, start, end)] == \
            [(m.span(), m.group(0)) for m in whole.finditer(text, start, end)]
        assert [(m.span(), m.group(0)) for m in phrases.matches(text)] == \
            [(m.span(), m.group(0)) for m in whole.finditer(text)]
        got, want = phrases.search(text, start, end), whole.search(text, start, end)
        assert (got and (got.span(), got.group(0))) == (want and (want.span(), want.group(0)))


def test_stored_analysis_is_the_analysis(lists):
    for phrases, _ in lists:
        assert consent._stored_analysis(phrases.parts) == consent._analysis(phrases.parts)


# ----------------------------------------------------------------------- structure

class _Node:
    def __init__(self, text: str):
        self.text = text


class _Ctx:
    def __init__(self, nodes):
        self.nodes, self._cache = nodes, {}

    def memo(self, key, make):
        if key not in self._cache:
            self._cache[key] = make()
        return self._cache[key]


NUMBER_TEXT = st.lists(st.sampled_from(["5", "12", "2027", "3", "days", "States", "additional", "(", ")", "/",
                                        "of", "age", "%", "percent", "PP", "OP", "[", "]", "x", ".", ","]),
                       max_size=12).flatmap(lambda ws: st.lists(st.sampled_from([" ", "", "\n", "  "]),
                                                                min_size=len(ws), max_size=len(ws)).map(
    lambda sep: "".join(w + s for w, s in zip(ws, sep))))


@settings(max_examples=300, deadline=None)
@given(node_texts=st.lists(NUMBER_TEXT, max_size=5))
def test_joined_text_skips_only_documents_without_a_match(node_texts):
    ctx = _Ctx([_Node(t) for t in node_texts])
    joined = structure._joined_text(ctx)
    if any(structure._SMALL.search(t) for t in node_texts):
        assert structure._SMALL.search(joined)
    for needle in ("[", "PP", "OP", "%", "ercent", "er-cent"):
        if any(needle in t for t in node_texts):
            assert needle in joined
    assert structure._joined_text(ctx) is joined  # kept for the same node list


# STR023 scans for the literal "is" and looks the stem up in a set: the same words as the plain
# whole-word alternation of the stems (with their prefixes) would find.
_STR = load_ruleset([ROOT / "rules" / "str.yaml"], include_default=False, use_cache=False)
_ISE = _STR.get("STR023").spec.params["params"]
_ISE_PLAIN = re.compile(r"\b(?i:(?:%s)?(?:%s))is(?:ations?|ers?|ing|ed|es|e)\b"
                        % ("|".join(_ISE["prefixes"]), "|".join(_ISE["stems"])))
_ISE_PARTS = ["recogn", "Recogn", "organ", "re", "un", "Un", "RE", "real", "emphas", "adv", "comprom", "analy",
              "expert", "is", "ise", "ising", "isation", "isations", "ised", "iser", "ize", "s", "m", "t", " ", "-", ".",
              "\n", "the "]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_ISE_PARTS), max_size=25).map("".join))
def test_ise_spelling_fast_path_is_the_plain_alternation(text):
    from types import SimpleNamespace

    from checker.model import Node, TextMap
    node = Node("operative", "OP1", text, TextMap.identity(0, len(text)))
    ctx = SimpleNamespace(nodes=[node])
    params = {**_ISE, "exceptions": []}
    found = [(h.start, h.end) for h in structure.ise_spelling(None, params, ctx)]
    assert found == [m.span() for m in _ISE_PLAIN.finditer(text)]
