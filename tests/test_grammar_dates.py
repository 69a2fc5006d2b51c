import datetime as dt

import pytest
from hypothesis import given, settings, strategies as st

from checker.grammar.dates import (MONTHS, date, date_range, find_date_ranges, find_dates,
                                   find_malformed_dates, parse_date, parse_date_range)


def test_months():
    assert MONTHS[0] == "January" and MONTHS[11] == "December" and len(MONTHS) == 12


def test_pyparsing_date_named_results():
    r = date.parse_string("15 March 2006")
    assert (r["day"], r["month"], r["year"]) == ("15", "March", "2006")


def test_find_dates_offsets_and_validity():
    text = "adopted on 15 March 2006 and 31 April 2006."
    found = find_dates(text)
    assert [d.text for d in found] == ["15 March 2006", "31 April 2006"]
    a, b = found
    assert text[a.start:a.end] == "15 March 2006"
    assert (a.day, a.month, a.year, a.valid, a.iso) == (15, 3, 2006, True, "2006-03-15")
    assert (b.valid, b.iso) == (False, None)
    assert a.as_date() == dt.date(2006, 3, 15)


def test_find_dates_leap_year():
    assert find_dates("29 February 2024")[0].valid
    assert not find_dates("29 February 2023")[0].valid


def test_find_dates_ignores_lowercase_and_partial():
    assert find_dates("15 march 2006, March 2006, 2006") == []


def test_parse_date_whole_string():
    d = parse_date(" 18 June 2007 ")
    assert d is not None and d.iso == "2007-06-18" and d.start == 1
    assert parse_date("18 June 2007 and more") is None
    assert parse_date("June 18, 2007") is None


@pytest.mark.parametrize("text,parts", [
    ("18 June–12 July 2024", [((2024, 6, 18), (2024, 7, 12))]),
    ("11–29 September 2017", [((2017, 9, 11), (2017, 9, 29))]),
    ("10-28 September and 10-14 December 2007",
     [((2007, 9, 10), (2007, 9, 28)), ((2007, 12, 10), (2007, 12, 14))]),
    ("from 25 to 27 February 2003", [((2003, 2, 25), (2003, 2, 27))]),
    ("9 September–11 October 2024", [((2024, 9, 9), (2024, 10, 11))]),
    ("18 June 2024–12 July 2025", [((2024, 6, 18), (2025, 7, 12))]),
])
def test_date_ranges(text, parts):
    want = tuple((dt.date(*a), dt.date(*b)) for a, b in parts)
    r = parse_date_range(text)
    assert r is not None and r.parts == want
    found = find_date_ranges(f"Session held {text}.")
    assert len(found) == 1 and found[0].text == text and found[0].parts == want
    assert date_range.parse_string(text) is not None


def test_date_range_single_date_and_invalid():
    r = parse_date_range("15 March 2006")
    assert r is not None and r.first == r.last == dt.date(2006, 3, 15)
    assert parse_date_range("31 June–2 July 2024") is None
    assert parse_date_range("nonsense") is None


@pytest.mark.parametrize("text,problem", [
    ("March 15, 2006", "month-first"),
    ("March 15 2006", "month-first"),
    ("15th March 2006", "ordinal-day"),
    ("15th of March 2006", "ordinal-day"),
    ("15 March, 2006", "comma-before-year"),
    ("15 march 2006", "lowercase-month"),
    ("15 Mar. 2006", "abbreviated-month"),
])
def test_malformed_dates(text, problem):
    found = find_malformed_dates(f"Adopted on {text}.")
    assert len(found) == 1
    m = found[0]
    assert m.text == text and m.problem == problem
    assert m.suggestion == "15 March 2006"


def test_malformed_dates_leaves_good_dates_alone():
    assert find_malformed_dates("on 15 March 2006, in March 2006, 1 May 2007") == []


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(list("0123456789 -–,.tohfrmJuneMarchySeptembrDcadl") + ["March", "15", "2006", " and "]), max_size=80).map("".join))
def test_never_raises_and_spans_in_bounds(text):
    for items in (find_dates(text), find_malformed_dates(text), find_date_ranges(text)):
        for it in items:
            assert 0 <= it.start < it.end <= len(text)
            assert text[it.start:it.end] == it.text
    parse_date(text)
    parse_date_range(text)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_never_raises_on_arbitrary_unicode(text):
    find_dates(text), find_malformed_dates(text), find_date_ranges(text), parse_date_range(text)
