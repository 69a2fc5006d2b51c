"""The prefilters of the citation, term and session rules skip only texts that cannot match.

Each test states what a prefilter assumes about the regex it guards and checks it on
chosen and generated texts (ASCII, the Unicode letters that ``re`` folds to ASCII under
IGNORECASE, and letters whose lower case is longer than they are).
"""

import re

from hypothesis import given, settings, strategies as st

from checker.grammar import sessions as gs
from checker.grammar.citations import lowered
from checker.rules.checks import citations as cc

# Words the regexes look for, cut into pieces, and letters that fold or lower oddly:
# "ſ" (long s), "ı" (dotless i), "İ" (lower-cases to two characters), "K" (Kelvin sign).
_PIECES = ["this", "This", "THIS", "t", "T", "his", "HIS", " ", "\n", "\u00a0", "resolution", "Resolution",
           "RESOLUTION", "reso", "lution", "session", "Session", "SESSION", "ession", "ESSION", "sessions",
           "S", "s", "e", "E", "sixty-first", "61st", "\u017f", "\u0131", "\u0130", "\u212a", "-", "'", "at its "]
_TEXTS = st.lists(st.sampled_from(_PIECES), max_size=12).map("".join) | st.text(max_size=40)


@settings(max_examples=500, deadline=None)
@given(_TEXTS)
def test_this_resolution_prefilter_keeps_every_match(text):
    """CIT015 skips a text whose lower case lacks "olut", or an ASCII one whose lower case lacks "this"."""
    if cc._THIS_RESOLUTION.search(text):
        low = lowered(text)
        assert "olut" in low
        assert "this" in low or not text.isascii()


@settings(max_examples=500, deadline=None)
@given(_TEXTS)
def test_session_prefilter_keeps_every_match(text):
    """find_session_refs skips a text whose lower case lacks "ession": no match of the regex is lost."""
    if gs._SESSION_RE.search(text):
        assert "ession" in lowered(text)


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_session_prefilter_is_a_superset_of_the_old_one(text):
    """Lower-casing keeps "ession" and "ESSION" whole, wherever they stand."""
    if "ession" in text or "ESSION" in text:
        assert "ession" in text.lower()


def test_session_refs_unchanged_on_chosen_texts():
    for text, numbers in [("at its sixty-first session", [61]), ("at its SIXTY-FIRST SESSION", [61]),
                          ("at its 61st Session", [61]), ("the \u0130 sixty-first session", [61]),
                          ("a special session", []), ("no reference here", [])]:
        assert [r.number for r in gs.find_session_refs(text)] == numbers, text


def test_figures_pattern_is_the_inline_one():
    assert gs._FIGURES.pattern == r"(\d{1,5})(st|nd|rd|th|ST|ND|RD|TH)?"
    assert gs._FIGURES.flags == re.compile(r"(\d{1,5})(st|nd|rd|th|ST|ND|RD|TH)?").flags
