import datetime as dt

import pytest
from hypothesis import given, settings, strategies as st

from checker.grammar.sessions import (chr_session_year, find_session_refs, ga_session_for_date,
                                      ga_session_window, header_session, hrc_session_for_date,
                                      hrc_session_year_slot, int_to_ordinal, ordinal_to_int,
                                      session_ref)


@pytest.mark.parametrize("n,word", [(1, "first"), (9, "ninth"), (12, "twelfth"), (19, "nineteenth"),
                                    (20, "twentieth"), (40, "fortieth"), (61, "sixty-first"),
                                    (99, "ninety-ninth")])
def test_ordinals(n, word):
    assert int_to_ordinal(n) == word
    assert ordinal_to_int(word) == n
    assert ordinal_to_int(word.capitalize()) == n


def test_ordinal_round_trip_and_figures():
    for n in range(1, 100):
        assert ordinal_to_int(int_to_ordinal(n)) == n
    assert int_to_ordinal(100) == "100th" and int_to_ordinal(101) == "101st"
    assert int_to_ordinal(112) == "112th"
    assert ordinal_to_int("fourty-first") is None
    assert ordinal_to_int("sixtieth-first") is None


def test_pyparsing_session_ref():
    r = session_ref.parse_string("resumed sixtieth session")
    assert r["number"] == 60 and r["resumed"]
    r = session_ref.parse_string("twenty-third special session")
    assert r["number"] == 23 and r["kind"] == "special"


@pytest.mark.parametrize("text", [
    "at its current session", "during the session", "a special session", "its last session",
    "the next session", "two sessions", "the youth session", "at its resumed session",
    "the organizational session", "in session",
])
def test_prose_without_numbers_returns_nothing(text):
    assert find_session_refs(text) == []


@pytest.mark.parametrize("text,number,form,kind", [
    ("at its sixty-first session", 61, "words", "regular"),
    ("fiftieth session", 50, "words", "regular"),
    ("twenty-third special session", 23, "words", "special"),
    ("eighth emergency special session", 8, "words", "emergency special"),
    ("seventy-sixth regular session", 76, "words", "regular"),
    ("the 2023 session", 2023, "year", "regular"),
    ("Human Rights Committee, 100th session", 100, "figures", "regular"),
    ("the substantive session of 1996", 1996, "year", "regular"),
    ("SIXTY-FIRST SESSION", 61, "words", "regular"),
])
def test_good_references_have_no_problem(text, number, form, kind):
    refs = find_session_refs(text)
    assert len(refs) == 1
    r = refs[0]
    assert (r.number, r.form, r.kind, r.problem, r.suggestion) == (number, form, kind, None, None)
    assert text[r.start:r.end] == r.text


def test_resumed():
    r, = find_session_refs("at its resumed sixtieth session,")
    assert r.resumed and r.number == 60 and r.text == "resumed sixtieth session"


def test_plural_sessions():
    refs = find_session_refs("at its sixty-second and sixty-third sessions")
    assert [r.number for r in refs] == [62, 63]
    assert all(r.problem is None for r in refs)


@pytest.mark.parametrize("text,problem,suggestion,number", [
    ("fourty-first session", "misspelled", "forty-first session", 41),
    ("ninty-first session", "misspelled", "ninety-first session", 91),
    ("nineth session", "misspelled", "ninth session", 9),
    ("twelveth session", "misspelled", "twelfth session", 12),
    ("eightth session", "misspelled", "eighth session", 8),
    ("fiveth session", "misspelled", "fifth session", 5),
    ("nineteeth session", "misspelled", "nineteenth session", 19),
    ("twentyfirst session", "misspelled", "twenty-first session", 21),
    ("sixtieth-first session", "misspelled", "sixty-first session", 61),
    ("twenty first session", "unhyphenated", "twenty-first session", 21),
    ("Twenty-First session", "capitalized-second-element", "Twenty-first session", 21),
    ("61st session", "figures-below-100", "sixty-first session", 61),
    ("61th session", "figures-below-100", "sixty-first session", 61),
    ("101th session", "misspelled", "101st session", 101),
    ("one hundred and first session", "words-at-or-above-100", "101st session", 101),
    ("sixty-one session", "cardinal", "sixty-first session", 61),
    ("sixty-first Session", "capital-session", "sixty-first session", 61),
    ("twenty-third Special Session", "capital-session", "twenty-third special session", 23),
])
def test_malformed_references(text, problem, suggestion, number):
    refs = find_session_refs(f"at its {text}, the Council")
    assert len(refs) == 1
    r = refs[0]
    assert (r.problem, r.suggestion, r.number) == (problem, suggestion, number)
    assert r.text == text


@pytest.mark.parametrize("line,expected", [
    ("Fifty-sixth session", (56, "regular")),
    ("Eightieth session", (80, "regular")),
    ("Twenty-third special session", (23, "special")),
    ("Tenth emergency special session", (10, "emergency special")),
    ("2023 session", (2023, "year")),
    ("Substantive session of 1996", (1996, "substantive")),
    ("Resumed sixtieth session", (60, "regular")),
    ("  Thirty-sixth session  ", (36, "regular")),
    ("Fourty-first session", (41, "regular")),
    ("Agenda item 3", (None, None)),
    ("Report on the sixty-first session", (None, None)),
])
def test_header_session(line, expected):
    assert header_session(line) == expected


def test_ga_window():
    a, b = ga_session_window(60)
    assert a <= dt.date(2006, 3, 15) <= b            # 60/251
    a, b = ga_session_window(61)
    assert a <= dt.date(2007, 9, 13) <= b            # 61/295, still the 61st session
    a, b = ga_session_window(70)
    assert a <= dt.date(2015, 9, 25) <= b            # 70/1
    a, b = ga_session_window(31)
    assert a <= dt.date(1976, 12, 1) <= b            # 31/59
    assert not (a <= dt.date(1977, 12, 1) <= b)
    assert ga_session_for_date(dt.date(2007, 9, 13)) == 61
    assert ga_session_for_date(dt.date(2015, 9, 25)) == 70


@pytest.mark.parametrize("n,year,slot", [
    (9, 2008, "September"), (15, 2010, "September"), (16, 2011, "March"), (17, 2011, "June"),
    (34, 2017, "March"), (36, 2017, "September"), (52, 2023, "March"), (56, 2024, "June"),
    (57, 2024, "September"),
])
def test_hrc_year_slot(n, year, slot):
    assert hrc_session_year_slot(n) == (year, slot)


def test_hrc_session_for_date():
    assert hrc_session_year_slot(6) is None
    assert hrc_session_for_date(dt.date(2024, 6, 20)) == 56
    assert hrc_session_for_date(dt.date(2015, 10, 2)) == 30
    assert hrc_session_for_date(dt.date(2011, 5, 30)) == 17
    assert hrc_session_for_date(dt.date(2007, 6, 18)) == 5
    assert hrc_session_for_date(dt.date(2008, 6, 18)) == 8
    assert hrc_session_for_date(dt.date(2007, 1, 5)) is None
    assert hrc_session_for_date(dt.date(2019, 12, 1)) is None
    assert chr_session_year(61) == 2005


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["session", "Session", "sessions", " ", "-", "twenty", "first",
                                         "fourty", "61st", "hundred", "and", "one", "resumed", "special",
                                         "emergency", "2023", "th", "x", ",", "\n", "Twenty", "First"]),
                max_size=40).map("".join))
def test_never_raises_and_spans_in_bounds(text):
    for r in find_session_refs(text):
        assert 0 <= r.start < r.end <= len(text)
        assert text[r.start:r.end] == r.text
    header_session(text)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_never_raises_on_arbitrary_unicode(text):
    find_session_refs(text + " session")
    header_session(text)


@pytest.mark.parametrize("text,suggestion", [
    ("to brief Member States at its Eighty-first session on progress", "eighty-first session"),
    ("Decides to continue, during the resumed Seventy-ninth session, its work", "resumed seventy-ninth session"),
    ("to report at its Twelfth special session", "twelfth special session"),
])
def test_capital_ordinal_after_a_lower_case_word(text, suggestion):
    (ref,) = find_session_refs(text)
    assert ref.problem == "capitalized-ordinal" and ref.suggestion == suggestion


@pytest.mark.parametrize("text", [
    "General Assembly\nEightieth session",              # a header line under the body's name
    "Human Rights Council\nSixty-first session\n23 February-2 April 2026",
    "XIV Eighty-first session of the General Assembly",  # a heading after a roman numeral
    "Official Records of the General Assembly, Eightieth Session, Supplement No. 53",
    "the Concluding Document of the Twelfth Special Session of the General Assembly",
    "Eightieth session",
    "the agenda of the\nEightieth session",            # not on the same line: left alone
])
def test_capital_ordinal_not_in_running_text(text):
    assert [r.problem for r in find_session_refs(text)] == [None]


@pytest.mark.parametrize("text, problem", [
    ("in the provisional agenda of its Eighty-first Session, under the item", "capitalized-ordinal"),
    ("to the Council at its\nFifty-ninth Session;", "capitalized-ordinal"),
    ("Official Records of the General Assembly, Seventy-second Session, Supplement No. 53", None),
    ("the Final Document of the Tenth Special Session of the General Assembly", None),
    ("the Addis Ababa Agreement of the First Session of the Conference", None),
])
def test_own_session_with_both_words_capitalized_after_its(text, problem):
    ref = find_session_refs(text)[0]
    assert ref.problem == problem
    if problem:
        assert ref.suggestion == ref.suggestion.lower()


def test_hrc_session_surely_open() -> None:
    import datetime as dt
    from checker.grammar.sessions import hrc_session_surely_open
    assert hrc_session_surely_open(51) == dt.date(2022, 9, 20)
    assert hrc_session_surely_open(44) == dt.date(2020, 7, 1)   # opened 30 June 2020
    assert hrc_session_surely_open(5) is None
