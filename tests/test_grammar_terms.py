import pytest
from hypothesis import given, settings, strategies as st

from checker.grammar.terms import (ALWAYS_SPELLED_OUT, find_acronym_definitions,
                                   find_acronym_uses, is_roman)


@pytest.mark.parametrize("expansion,acr", [
    ("Office of the United Nations High Commissioner for Human Rights", "OHCHR"),
    ("United Nations Development Programme", "UNDP"),
    ("coronavirus disease", "COVID-19"),
    ("Sustainable Development Goals", "SDGs"),
    ("least developed countries", "LDCs"),
    ("United Nations Educational, Scientific and Cultural Organization", "UNESCO"),
    ("United Nations Mission in Liberia", "UNMIL"),
    ("Human Rights Council", "HRC"),
])
def test_plausible_definitions(expansion, acr):
    text = f"Welcoming the work of the {expansion} ({acr}) in the field,"
    d, = find_acronym_definitions(text)
    assert d.acronym == acr and d.kind == "acronym"
    assert d.expansion == expansion and d.plausible
    assert text[d.start:d.end] == acr
    assert text[d.expansion_start:d.expansion_end] == expansion
    assert d.plural == acr.endswith("s")


def test_implausible_definition():
    d, = find_acronym_definitions("the United Nations Development Programme (UNEP)")
    assert not d.plausible and d.acronym == "UNEP"


def test_not_definitions():
    assert find_acronym_definitions("resolution 217 A (III) and (XXX), (2000), (a), (E), (A/78/251)") == []


def test_short_forms():
    text = ("Human Rights Council (hereinafter \u201cthe Council\u201d) and the Voluntary Fund "
            "for Technical Cooperation (\u201cthe Fund\u201d) and the Committee (\"the Board\")")
    defs = find_acronym_definitions(text)
    assert [(d.acronym, d.kind, d.plausible) for d in defs] == [
        ("the Council", "short-form", True), ("the Fund", "short-form", True),
        ("the Board", "short-form", False)]
    assert defs[0].expansion == "Human Rights Council"
    assert find_acronym_definitions(text, include_short_forms=False) == []


def test_uses():
    text = ("The UN and U.N.D.P. and UNMIL's Commander, HIV/AIDS, A/HRC/56/L.1, resolution 217 A (III), "
            "section II, annex XXX, SDGs, COVID-19, ES-7/11, LDCs (UNDP).")
    uses = find_acronym_uses(text)
    assert [u.text for u in uses] == ["UN", "U.N.D.P.", "UNMIL", "SDGs", "COVID-19", "LDCs", "UNDP"]
    by = {u.text: u for u in uses}
    assert by["U.N.D.P."].dotted and by["U.N.D.P."].acronym == "UNDP"
    assert by["UNMIL"].possessive
    assert by["SDGs"].plural and by["SDGs"].base == "SDG"
    assert by["UNDP"].in_definition and not by["UN"].in_definition
    for u in uses:
        assert text[u.start:u.end] == u.text


def test_uses_skip_heading_lines_and_symbols():
    text = "GENERAL ASSEMBLY RESOLUTION\nThe OHCHR report A/HRC/RES/36/28 of the UNDP\n"
    assert [u.text for u in find_acronym_uses(text)] == ["OHCHR", "UNDP"]


def test_always_spelled_out():
    assert ALWAYS_SPELLED_OUT["UN"] == "United Nations"
    for k in ("GA", "ECOSOC", "SG", "UNOG", "UNOV", "UNON", "UNSC"):
        assert k in ALWAYS_SPELLED_OUT


def test_is_roman():
    assert is_roman("III") and is_roman("XXXIX") and is_roman("XLIV")
    assert not is_roman("LDC") and not is_roman("CD") and not is_roman("UN")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(list("ABCDUNPs-19()./' \n\u201c\u201d") + ["United", "Nations", "the", "of",
                                                                     "hereinafter", "III", "A/RES/60/1"]),
                max_size=60).map("".join))
def test_never_raises_and_spans_in_bounds(text):
    for d in find_acronym_definitions(text):
        assert 0 <= d.start < d.end <= len(text)
        assert 0 <= d.expansion_start <= d.expansion_end <= d.start
    for u in find_acronym_uses(text):
        assert 0 <= u.start < u.end <= len(text)
        assert text[u.start:u.end] == u.text


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_never_raises_on_arbitrary_unicode(text):
    find_acronym_definitions(text)
    find_acronym_uses(text)


def test_short_form_name_starts_after_the_article():
    # The paragraph's verb is not part of the name: the name opens after "the".
    text = 'Recognizing the Rule of Law Coordination and Resource Group (hereinafter "the Group"), chaired'
    (d,) = [d for d in find_acronym_definitions(text) if d.kind == "short-form"]
    assert d.expansion == "Rule of Law Coordination and Resource Group"
    text = 'Welcoming the activities of the Group of Friends of the Rule of Law (hereinafter "the Group")'
    (d,) = [d for d in find_acronym_definitions(text) if d.kind == "short-form"]
    assert d.expansion == "Group of Friends of the Rule of Law"
