import pytest
from hypothesis import given, settings, strategies as st

from checker.grammar.symbols import (find_symbols, int_to_roman, roman_to_int, symbol,
                                     validate_symbol)

VALID = """A/RES/60/251, A/RES/44/25, A/RES/S-13/2, A/RES/ES-8/2, A/RES/217 (III), A/RES/217A (III),
A/RES/3201 (S-VI), A/RES/2252 (ES-V), A/RES/75/277, A/HRC/RES/36/28, A/HRC/RES/33/10, A/HRC/30/L.26,
A/HRC/22/L.13, A/HRC/S-17/2, A/HRC/6/22, A/HRC/38/27, A/C.3/68/L.75, A/C.3/68/L.77, A/C.3/68/SR.50,
A/C.4/70/L.22, A/C.5/65/L.22, A/68/L.33, A/68/PV.70, A/75/L.82/Add.1, A/61/53/Add.1, A/72/53/Add.1,
A/68/49(Vol.I), A/78/251*, E/CN.4/2005/L.11/Add.7, E/CN.4/1992/L.11/Add.4,
E/CN.4/Sub.2/AC.2/1987/WP.4/Add.1, E/2005/23, E/1996/L.25, E/1996/L.25/Corr.1, E/1996/102,
E/RES/1996/31, E/5715/Rev.2, E/2012/100, S/RES/1325 (2000), S/RES/955 (1994), S/PRST/2014/16,
S/INF/19/Rev.1/Add.1, S/26695, A/CONF.157/23, A/CONF.213/RPM.1/1, A/S-23/10/Rev.1, CCPR/C/SR.2772,
ST/AI/189/Add.3/Rev.2, ST/CS/SER.A/44/Rev.1, A/HRC/56/L.12/Rev.1"""
VALID_LIST = [s.strip() for s in VALID.replace("\n", " ").split(", ")]


@pytest.mark.parametrize("sym", VALID_LIST)
def test_valid_examples(sym):
    m = validate_symbol(sym)
    assert m.valid, m.problem
    assert m.problem is None and m.code is None
    text = f"See document {sym}."
    found = find_symbols(text)
    assert len(found) == 1
    assert found[0].text == sym and found[0].valid
    assert text[found[0].start:found[0].end] == sym


@pytest.mark.parametrize("sym,body,session,kind,year,draft,res", [
    ("A/RES/60/251", "GA", 60, "regular", None, False, True),
    ("A/RES/S-13/2", "GA", 13, "special", None, False, True),
    ("A/RES/ES-8/2", "GA", 8, "emergency special", None, False, True),
    ("A/RES/217 A (III)", "GA", 3, "regular", None, False, True),
    ("A/HRC/30/L.26", "HRC", 30, "regular", None, True, False),
    ("A/HRC/S-17/2", "HRC", 17, "special", None, False, False),
    ("A/C.3/68/L.75", "GA", 68, "regular", None, True, False),
    ("E/CN.4/2005/L.11/Add.7", "CHR", None, None, 2005, True, False),
    ("E/RES/1996/31", "ECOSOC", None, None, 1996, False, True),
    ("S/RES/1325 (2000)", "SC", None, None, 2000, False, True),
    ("S/PRST/2014/16", "SC", None, None, 2014, False, False),
    ("CCPR/C/SR.2772", "other", None, None, None, False, False),
])
def test_classification(sym, body, session, kind, year, draft, res):
    m = validate_symbol(sym)
    assert (m.body, m.session, m.session_kind, m.year, m.is_draft, m.is_resolution) == \
        (body, session, kind, year, draft, res)


@pytest.mark.parametrize("sym,code,suggestion", [
    ("A/HRC/L.30", "SYM-01", None),
    ("A/C.3/L.75", "SYM-01", None),
    ("A/Res/61/171", "SYM-02", "A/RES/61/171"),
    ("A/HRC/56/L12", "SYM-04", "A/HRC/56/L.12"),
    ("A/HRC/56/L 12", "SYM-04", "A/HRC/56/L.12"),
    ("A/HRC/56/L.12/rev.1", "SYM-05", "A/HRC/56/L.12/Rev.1"),
    ("A/HRC/56/L.12/REV.1", "SYM-05", "A/HRC/56/L.12/Rev.1"),
    ("A/HRC/56/L.12/Rev1", "SYM-05", "A/HRC/56/L.12/Rev.1"),
    ("A/RES/25/2626", "SYM-06", "A/RES/2626 (XXV)"),
    ("A/RES/2626 (25)", "SYM-06", "A/RES/2626 (XXV)"),
    ("A/RES/4000 (XXX)", "SYM-07", None),
    ("A/HRC/RES/56/120", "CIT-07", None),
])
def test_invalid_examples(sym, code, suggestion):
    m = validate_symbol(sym)
    assert not m.valid and m.problem
    assert m.code == code
    assert m.suggestion == suggestion
    found = find_symbols(f"in {sym}, and")
    assert len(found) == 1 and found[0].text == sym and found[0].code == code


@pytest.mark.parametrize("text", [
    "HIV/AIDS", "and/or", "S/he", "18/06/2007", "1/2", "ISO/IEC 27001", "N/A", "the 24/7 service",
    "resolution 60/251", "TCP/IP",
])
def test_not_symbols(text):
    assert find_symbols(f"The {text} here.") == []


def test_trailing_punctuation_and_suffixes():
    text = "see A/78/251*; A/68/49(Vol.I), S/RES/1325 (2000). Also A/HRC/38/27: and A/61/53/Add.1."
    assert [s.text for s in find_symbols(text)] == [
        "A/78/251*", "A/68/49(Vol.I)", "S/RES/1325 (2000)", "A/HRC/38/27", "A/61/53/Add.1"]


def test_year_in_parentheses_after_ordinary_document_is_prose():
    assert [s.text for s in find_symbols("report A/78/251 (2023)")] == ["A/78/251"]


def test_pyparsing_grammar_named_results():
    r = symbol.parse_string("A/HRC/56/L.12/Rev.1", parse_all=True)
    assert r["series"] == "A"
    assert list(r["components"]) == ["HRC", "56", "L.12", "Rev.1"]
    r = symbol.parse_string("A/RES/217 (III)", parse_all=True)
    assert r["paren"] == "III"


def test_roman():
    assert roman_to_int("XLIV") == 44 and roman_to_int("III") == 3 and roman_to_int("XXX") == 30
    assert roman_to_int("IIII") is None and roman_to_int("") is None
    for n in range(1, 200):
        assert roman_to_int(int_to_roman(n)) == n


def test_validate_symbol_offset():
    m = validate_symbol("A/RES/60/251", start=10)
    assert (m.start, m.end) == (10, 22)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(list("AESTRCHL/.-*() 0123456789IVX") + ["RES", "HRC", "Rev", "Add", "L.", "S-", "ES-"]),
                max_size=60).map("".join))
def test_never_raises_and_spans_in_bounds(text):
    for m in find_symbols(text):
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.text
        assert m.valid == (m.problem is None)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_never_raises_on_arbitrary_unicode(text):
    find_symbols(text)
    validate_symbol(text)
