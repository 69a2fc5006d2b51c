import pytest
from hypothesis import given, settings, strategies as st

from checker.grammar.citations import citation, find_citations, resolve_body, roman_to_int


def nums(text):
    return [c.number for c in find_citations(text)]


def test_hrc_list_shared_and_own_dates():
    text = "Recalling Council resolutions 5/1 and 5/2 of 18 June 2007 and 16/21 of 25 March 2011,"
    cs = find_citations(text)
    assert [c.number for c in cs] == ["5/1", "5/2", "16/21"]
    assert [c.date.iso for c in cs] == ["2007-06-18", "2007-06-18", "2011-03-25"]
    assert [c.date_shared for c in cs] == [True, True, False]
    assert all(c.body_text == "Council" for c in cs)
    assert [text[c.start:c.end] for c in cs] == ["5/1", "5/2", "16/21"]
    full = text[cs[0].full_start:cs[0].full_end]
    assert full == "Council resolutions 5/1 and 5/2 of 18 June 2007 and 16/21 of 25 March 2011"
    assert cs[0].form == "session" and cs[0].session == 5 and cs[0].serial == 1


def test_sc_list():
    text = ("Recalling its resolutions 1261 (1999) of 25 August 1999, 1265 (1999) of "
            "17 September 1999 and 1314 (2000),")
    cs = find_citations(text)
    assert [c.number for c in cs] == ["1261 (1999)", "1265 (1999)", "1314 (2000)"]
    assert [c.form for c in cs] == ["sc"] * 3
    assert [c.year for c in cs] == [1999, 1999, 2000]
    assert [c.date.iso if c.date else None for c in cs] == ["1999-08-25", "1999-09-17", None]
    assert all(c.body_text == "its" for c in cs)


@pytest.mark.parametrize("text,number,form,session,year,serial,letter", [
    ("General Assembly resolutions 3411 A and B (XXX)", "3411 A and B (XXX)", "legacy", 30, None, 3411, "A and B"),
    ("resolutions 3419 A to D (XXX)", "3419 A to D (XXX)", "legacy", 30, None, 3419, "A to D"),
    ("decisions 31/406 A to E", "31/406 A to E", "session", 31, None, 406, "A to E"),
    ("resolution 217 A (III)", "217 A (III)", "legacy", 3, None, 217, "A"),
    ("resolution 217A (III)", "217 A (III)", "legacy", 3, None, 217, "A"),
    ("resolution 3362 (S-VII)", "3362 (S-VII)", "legacy", 7, None, 3362, None),
    ("resolution S-8/1", "S-8/1", "special", 8, None, 1, None),
    ("decision ES-7/11", "ES-7/11", "emergency", 7, None, 11, None),
    ("Council resolution 1296 (XLIV) of 23 May 1968", "1296 (XLIV)", "legacy", 44, None, 1296, None),
    ("Commission on Human Rights resolution 2004/81 of 21 April 2004", "2004/81", "year", None, 2004, 81, None),
    ("Sub-Commission resolution 1991/35", "1991/35", "year", None, 1991, 35, None),
    ("General Assembly resolution 60/251 of 15 March 2006", "60/251", "session", 60, None, 251, None),
    ("resolution 31/16 A", "31/16 A", "session", 31, None, 16, "A"),
    ("Security Council resolution 1325 (2000) of 31 October 2000", "1325 (2000)", "sc", None, 2000, 1325, None),
])
def test_forms(text, number, form, session, year, serial, letter):
    c, = find_citations(text)
    assert (c.number, c.form, c.session, c.year, c.serial, c.letter) == \
        (number, form, session, year, serial, letter)


def test_kind_and_body_text():
    c, = find_citations("General Assembly decision 50/411")
    assert c.kind == "decision" and c.body_text == "General Assembly"
    c, = find_citations("Resolution 60/251 A new era")
    assert c.kind == "resolution" and c.letter is None and c.number == "60/251"
    c, = find_citations("the Economic and Social Council in its resolution 1996/31 of 25 July 1996")
    assert c.body_text == "its"
    c, = find_citations("Recalling its previous resolutions 1996 (2011)")
    assert c.body_text == "its"
    c, = find_citations(
        "Sub-Commission on the Promotion and Protection of Human Rights resolution 1999/1")
    assert c.body_text.startswith("Sub-Commission")


def test_both_of_applies_to_previous_phrase():
    text = "its resolution 68/247 A and its resolution 68/248 A both of 27 December 2013"
    a, b = find_citations(text)
    assert (a.number, b.number) == ("68/247 A", "68/248 A")
    assert a.date.iso == b.date.iso == "2013-12-27"
    assert a.date_shared and b.date_shared
    assert text[a.full_start:a.full_end] == "its resolution 68/247 A"


def test_body_inherited_from_previous_phrase():
    a, b = find_citations("General Assembly resolution 60/251 and resolution 61/1")
    assert b.body_text == "General Assembly" and b.body_inherited and not a.body_inherited


def test_paragraph_reference():
    c, = find_citations("paragraph 5 of General Assembly resolution 49/214 of 23 December 1994")
    assert c.is_paragraph_ref and c.date.iso == "1994-12-23"
    c, = find_citations("sections II and IV of its resolution 67/254 A")
    assert c.is_paragraph_ref
    c, = find_citations("Recalling its resolution 67/254 A")
    assert not c.is_paragraph_ref


def test_failure_examples_are_parsed_for_checking():
    c, = find_citations("General Assembly resolution 60/251 of 15 March 2005")
    assert c.date.year == 2005 and c.session == 60
    c, = find_citations("Security Council resolution 1325 (2000) of 31 October 2001")
    assert c.year == 2000 and c.date.year == 2001
    c, = find_citations("Human Rights Council resolution 5/1 of 18 June 2008")
    assert c.session == 5 and c.date.year == 2008
    c, = find_citations("General Assembly resolution 28/2")
    assert c.form == "session" and c.session == 28 and c.body_text == "General Assembly"
    c, = find_citations("resolution 1993/80")
    assert c.body_text is None and resolve_body(c, "Human Rights Council") is None


def test_invalid_date_is_kept_with_valid_false():
    c, = find_citations("resolution 60/251 of 31 April 2006")
    assert c.date is not None and not c.date.valid


def test_not_citations():
    assert find_citations("draft resolution A/HRC/56/L.1 and resolution of the conflict") == []
    assert find_citations("the resolution 5 times") == []


@pytest.mark.parametrize("text,enacting,expected", [
    ("General Assembly resolution 60/251", "Human Rights Council", "General Assembly"),
    ("its resolution 5/1", "Human Rights Council", "Human Rights Council"),
    ("its resolution 5/1", "HRC", "Human Rights Council"),
    ("its resolution 5/1", None, None),
    ("Council resolution 5/1", "Human Rights Council", "Human Rights Council"),
    ("Council resolution 5/1", "General Assembly", None),
    ("Council resolution 1296 (XLIV)", "Commission on Human Rights", "Economic and Social Council"),
    ("Assembly resolution 60/251", "Human Rights Council", "General Assembly"),
    ("Commission resolution 2004/81", "Commission on Human Rights", "Commission on Human Rights"),
    ("Commission resolution 2004/81", "General Assembly", None),
    ("Sub-Commission resolution 1991/35", None, "Sub-Commission"),
    ("Security Council resolution 1325 (2000)", "GA", "Security Council"),
    ("resolution 60/251", "General Assembly", None),
])
def test_resolve_body(text, enacting, expected):
    c, = find_citations(text)
    assert resolve_body(c, enacting) == expected


def test_pyparsing_element_and_roman():
    r = citation.parse_string("resolutions 5/1 and 5/2 of 18 June 2007")
    assert r["kind"] == "resolutions" and len(r) == 3
    assert roman_to_int("XLIV") == 44


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["resolution", "resolutions", "decision", " ", ",", " and ", "of",
                                 "60/251", "1325", "(2000)", "(III)", "A", "B", " to ", "S-8/1",
                                 "18 June 2007", "its", "Council", "General Assembly", "paragraph 5 of",
                                 "both", "2004/81", "1", "/", "(", ")"]),
                max_size=40).map("".join))
def test_never_raises_and_spans_in_bounds(text):
    for c in find_citations(text):
        assert 0 <= c.full_start <= c.start < c.end <= c.full_end <= len(text)
        assert text[c.start:c.end] == c.text
        if c.date is not None:
            assert text[c.date.start:c.date.end] == c.date.text
        resolve_body(c, "General Assembly")


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_never_raises_on_arbitrary_unicode(text):
    find_citations("resolution 1/1 " + text)
