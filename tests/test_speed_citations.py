"""The fast paths of the citation, session and symbol finders give what the plain versions give.

Each speed-up replaced a pyparsing call or a regex scan by something cheaper that must
accept exactly the same texts; these tests compare the two on chosen and generated inputs,
and check the facts about ``re`` that the prefilters rely on.
"""

import re
import subprocess
import sys

import pyparsing as pp
from hypothesis import given, settings, strategies as st

from checker.grammar import citations as gc
from checker.grammar import sessions as gs
from checker.grammar import symbols as gy
from checker.rules.checks import citations as cc

# ---------------------------------------------------------------- facts the prefilters use


def test_prefilter_letters_have_no_unicode_case_variants():
    """"olut", "dec" (citations, CIT015), "t" (CIT015), "r"/"d" (candidate) in any case are
    ASCII only: under IGNORECASE ``re`` matches "ſ" for s and "ı", "İ" for i, but no other
    letter for these."""
    rx = re.compile(r"(?i:[oludtecr])")
    assert [hex(c) for c in range(0x110000) if not chr(c).isascii() and rx.fullmatch(chr(c))] == []


def test_regex_blank_is_str_isspace():
    """``_word_back`` reads ``\\s`` as ``str.isspace``."""
    rx = re.compile(r"\s")
    assert all(bool(rx.fullmatch(chr(c))) == chr(c).isspace() for c in range(0x110000))


def test_grammar_modules_do_not_import_pyparsing():
    code = ("import sys, checker.grammar.citations, checker.grammar.sessions, checker.grammar.symbols, "
            "checker.grammar.dates, checker.rules.checks.citations, checker.rules.checks.sessions; "
            "print('pyparsing' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_lazy_pyparsing_elements():
    from checker.grammar.citations import citation, sc_citation
    from checker.grammar.dates import date_range
    from checker.grammar.sessions import session_ref
    from checker.grammar.symbols import symbol

    assert len(citation.parse_string("resolutions 5/1 and 5/2")) == 3
    assert sc_citation.parse_string("resolution 2223 of 28 May 2015")["kind"] == "resolution"
    assert symbol.parse_string("A/RES/217 (III)", parse_all=True)["series"] == "A"
    assert session_ref.parse_string("sixtieth session")["number"] == 60
    assert date_range.parse_string("11-29 September 2017")["year"] == "2017"


# ---------------------------------------------------------------- citations

_ORIGINAL_CANDIDATE = re.compile(
    r"(?<![\w-])(?i:resolutions?|decisions?)\s+"
    r"(?=(?:E?S-)?\d{1,4}(?:/\d|\s?\(|\s?[A-Z](?:\s(?:and|to)\s[A-Z])?\s?\())")

_CITATION_TEXT = st.lists(st.sampled_from([
    "resolution", "resolutions", "Resolutions", "RESOLUTION", "DeCiSiOn", "decision", "Decides",
    "re\u017folution", "dec\u0131sion", "DEC\u0130SION", "\u0130", " ", "  ", "\t", "\n", ",", " and ", "and", "as well as", "of", "both",
    "all", "60/251", "1325", "(2000)", "(III)", "A", "B", " to ", "S-8/1", "ES-10/2", "2004/81",
    "18 June 2007", "31 February 2001", "its", "Security Council ", "General Assembly",
    "paragraph 5 of", "1", "/", "(", ")", ".", ";", "217 A (III)", "x", "-", "\u0663", "\u2019"]),
    max_size=30).map("".join)


def _pyparsing_phrase(text, kstart, sc):
    grammar = gc.sc_citation if sc else gc.citation
    try:
        res = grammar.parse_string(text[kstart:kstart + gc._MAX_PHRASE])
    except pp.ParseBaseException:
        return None
    return res["kind"], [(m.span(), m.groupdict()) for m in list(res)[1:]]


def _fast_phrase(text, kstart, sc):
    got = gc._phrase_at(text, kstart, sc)
    return None if got is None else (got[0], [(m.span(), m.groupdict()) for m in got[1]])


@settings(max_examples=400, deadline=None)
@given(_CITATION_TEXT)
def test_phrase_at_is_the_pyparsing_grammar(text):
    for k, ch in enumerate(text):
        if ch in "rRdD":
            for sc in (False, True):
                assert _fast_phrase(text, k, sc) == _pyparsing_phrase(text, k, sc)


def test_phrase_at_examples():
    for text in ("resolutions 5/1 and 5/2 of 18 June 2007", "resolution 60/251\tof 15 March 2006",
                 "decisions 217 A (III), 3411 A and B (XXX) as well as S-8/1",
                 "resolutions 530 (1983) and 562 (1985), 86", "resolution 2223 of 28 May 2015",
                 "resolution\n60/251 ,\nand 61/1"):
        for sc in (False, True):
            assert _fast_phrase(text, 0, sc) == _pyparsing_phrase(text, 0, sc)


@settings(max_examples=400, deadline=None)
@given(_CITATION_TEXT)
def test_candidates_are_the_original_regex(text):
    want = [m.start() for m in _ORIGINAL_CANDIDATE.finditer(text)]
    cand = gc._rx()["candidate"]
    assert [m.start() for m in cand.finditer(text)] == want
    low = text.lower()
    if text.isascii():
        assert gc._word_candidates(text, low, cand, gc._ASCII_WORDS) == want
    if len(low) == len(text):
        assert gc._word_candidates(text, low, cand, gc._OTHER_WORDS) == want


def test_no_kind_word_no_citation():
    assert gc.find_citations("Decides to remain seized of the matter, 60/251 (2006).") == []
    assert gc.find_citations("Recalling A/RES/60/251 \u2013 and 2004/81") == []
    c, = gc.find_citations("Recalling its RESOLUTION 60/251 \u2013 of 15 March 2006")
    assert c.number == "60/251"


# ---------------------------------------------------------------- sessions

_ORIGINAL_WORD_BACK = re.compile(
    rf"([A-Za-z0-9](?:[A-Za-z0-9\u2019'-]*[A-Za-z0-9])?)[{gs._SUPERSCRIPTS}]*\s*$")


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet="aZ9'\u2019- \t\n\u00a0\u2009\u00b9\u2075.,x\u3000\x85", max_size=14),
       st.integers(0, 4))
def test_word_back_is_the_original_regex(seg, lo):
    text = "ab c"[:lo] + seg
    m = _ORIGINAL_WORD_BACK.search(text[lo:])
    assert gs._word_back(text, lo, len(text)) == (None if m is None else (lo + m.start(1), lo + m.end(1)))


def test_no_session_word_no_reference():
    assert gs.find_session_refs("at its sixty-first sitting, 61st meeting") == []
    assert [r.number for r in gs.find_session_refs("at its sixty-first SESSION")] == [61]


# ---------------------------------------------------------------- symbols

_SYMBOL_TEXT = st.lists(st.sampled_from([
    "A", "S", "E", "HRC", "RES", "/", "/", "/", "L.", "L", "1", "12", "0", "-", "S-", "ES-", "2005",
    "Add.", "Corr.", "Rev.", "Summary", "C.", "CN.", "Sub.", "PC", "PRST", "*", " ", "(", ")", "III",
    "Vol.", "Part ", "I", "Agenda", "SER.A", ".", "\t", "\n", "a"]), max_size=12).map("".join)


def _pyparsing_symbol(s):
    try:
        gy.symbol.parse_string(s, parse_all=True)
    except pp.ParseBaseException:
        return False
    return True


@settings(max_examples=600, deadline=None)
@given(st.sampled_from(["A/", "S/", "E/", "CCPR/", "A/HRC/"]), _SYMBOL_TEXT)
def test_follows_grammar_is_the_pyparsing_grammar(head, tail):
    s = head + tail
    assert gy._follows_grammar(s) == _pyparsing_symbol(s)


def test_follows_grammar_examples():
    for s in ("A/RES/217 (III)", "A/68/49(Vol.I)", "A/78/251*", "A/HRC/56/L.12/Rev.1", "A/RES/60/251 ",
              "A/RES/217  (III)", "A/RES/2\t(III)", "E/CN.4/Sub.2/AC.2/1987/WP.4/Add.1", "A//1", " A/1",
              "A/1 (1999", "S/Agenda/2329", "CCPR/C/GC/32", "A/RES/1x"):
        assert gy._follows_grammar(s) == _pyparsing_symbol(s), s


# The candidate as it was written before, with the look-behind first.
_ORIGINAL_SYMBOL_CANDIDATE = re.compile(gy._SYMBOL_CANDIDATE.pattern.replace(
    "[A-Z](?<![\\w/.\\-][A-Z])[A-Z]{0,5}", "(?<![\\w/.\\-])[A-Z]{1,6}"), re.X)


def test_original_symbol_candidate_is_the_old_pattern():
    assert "(?<![\\w/.\\-])[A-Z]{1,6}" in _ORIGINAL_SYMBOL_CANDIDATE.pattern


@settings(max_examples=300, deadline=None)
@given(_SYMBOL_TEXT)
def test_symbol_candidate_is_the_original(text):
    text = "x " + text + " A/RES/60/251 (III)"
    assert ([m.span() for m in gy._SYMBOL_CANDIDATE.finditer(text)]
            == [m.span() for m in _ORIGINAL_SYMBOL_CANDIDATE.finditer(text)])


# ---------------------------------------------------------------- "this resolution" (CIT015)

_ORIGINAL_THIS = re.compile(r"t(?<!\wt)his\s+resolution\b", re.I)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["this", "This", "THIS", "tHiS", "resolution", "RESOLUTION", " ", "\n",
                                 "x", "-", "s", "\u0131", "\u017f", "resolutions", "\u00e9"]),
                max_size=12).map("".join))
def test_this_resolution_regex_and_prefilter(text):
    want = [m.span() for m in _ORIGINAL_THIS.finditer(text)]
    assert [m.span() for m in cc._THIS_RESOLUTION.finditer(text)] == want
    if want:
        assert "olut" in text.lower()


def test_symbol_at_offset_is_replace():
    """``validate_symbol(s, start)`` builds the moved match field by field: every field kept."""
    import dataclasses

    for sym in ("A/RES/60/251", "A/RES/28/2", "a/res/60/1", "A/48/486-S/26560", "E/CN.4/2005/L.11/Add.7"):
        m = gy.validate_symbol(sym)
        assert gy.validate_symbol(sym, 7) == dataclasses.replace(m, start=7, end=7 + len(sym))
