"""Dates in UN style ("15 March 2006") and date ranges ("18 June–12 July 2024").

The pyparsing elements (``date``, ``date_range``) are for composing other
grammars; the finder functions locate candidates with compiled regular
expressions and never scan whole paragraphs with pyparsing.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Optional

MONTHS: tuple[str, ...] = (
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
)
MONTH_NUMBER: dict[str, int] = {name: i + 1 for i, name in enumerate(MONTHS)}
_MONTHS_RE = "|".join(MONTHS)

# Abbreviations seen in drafts; "May" needs none.
_MONTH_ABBR: dict[str, int] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_DASH = "-\u2013\u2014\u2012"

# --------------------------------------------------------------------------
# pyparsing elements
# --------------------------------------------------------------------------

@lru_cache(maxsize=None)
def _grammar() -> dict[str, Any]:
    """The pyparsing elements, built on first use: most runs parse no date range."""
    import pyparsing as pp

    day = pp.Regex(r"(?:0?[1-9]|[12]\d|3[01])(?!\d)").set_name("day")
    month = pp.Regex(rf"(?:{_MONTHS_RE})\b").set_name("month")
    year = pp.Regex(r"(?:1[89]|20)\d\d(?!\d)").set_name("year")
    date = (day("day") + month("month") + year("year")).set_name("date")

    range_dash = pp.Regex(rf"[{_DASH}]|to\b").set_name("range dash")
    # "11–29 September", "18 June–12 July", "from 25 to 27 February"
    day_span = (
        day("from_day") + pp.Opt(month("from_month")) + range_dash.suppress()
        + day("to_day") + month("to_month")
    ).set_name("day span")
    date_range = pp.MatchFirst([
        # "18 June 2024–12 July 2025"
        (pp.Group(date)("from_date") + range_dash.suppress() + pp.Group(date)("to_date")),
        (pp.Opt(pp.Keyword("from")).suppress()
         + pp.Group(day_span)("spans*")
         + pp.ZeroOrMore(pp.Keyword("and").suppress() + pp.Group(day_span)("spans*"))
         + year("year")),
    ]).set_name("date range")
    return {"day": day, "month": month, "year": year, "date": date, "range_dash": range_dash,
            "day_span": day_span, "date_range": date_range,
            "located_range": pp.Located(date_range).set_name("located date range")}


def __getattr__(name: str) -> Any:
    """``date``, ``date_range``, ...: the pyparsing elements, built lazily."""
    if name in ("day", "month", "year", "date", "range_dash", "day_span", "date_range"):
        return _grammar()[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# --------------------------------------------------------------------------
# Results
# --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DateMatch:
    """A "D Month YYYY" date found in text (offsets into the searched string)."""

    start: int
    end: int
    day: int
    month: int
    year: int
    text: str
    valid: bool
    iso: Optional[str]

    def as_date(self) -> Optional[_dt.date]:
        """The ``datetime.date``, or None if not a real calendar date."""
        return _dt.date(self.year, self.month, self.day) if self.valid else None


@dataclass(frozen=True, slots=True)
class DateRange:
    """A session-style date range; ``parts`` are (first, last) day pairs."""

    start: int
    end: int
    text: str
    parts: tuple[tuple[_dt.date, _dt.date], ...]

    @property
    def first(self) -> _dt.date:
        return self.parts[0][0]

    @property
    def last(self) -> _dt.date:
        return self.parts[-1][1]


@dataclass(frozen=True, slots=True)
class MalformedDate:
    """A date written in a non-UN form, with the "D Month YYYY" suggestion."""

    start: int
    end: int
    text: str
    problem: str          # month-first | ordinal-day | comma-before-year | lowercase-month | abbreviated-month | day-of-month
    suggestion: str
    day: int
    month: int
    year: int


def make_date_match(start: int, end: int, d: int, m: int, y: int, text: str) -> DateMatch:
    """A DateMatch, with ``valid``/``iso`` computed from the calendar."""
    try:
        iso: Optional[str] = _dt.date(y, m, d).isoformat()
    except ValueError:
        iso = None
    return DateMatch(start, end, d, m, y, text, iso is not None, iso)


# --------------------------------------------------------------------------
# Finders
# --------------------------------------------------------------------------

_DATE_RE = re.compile(rf"(?<![\w.])(?P<d>\d{{1,2}})\s+(?P<m>{_MONTHS_RE})\s+(?P<y>\d{{4}})(?![\w])")


def find_dates(text: str) -> list[DateMatch]:
    """All "D Month YYYY" dates; ``valid`` says whether the date exists."""
    out = []
    for m in _DATE_RE.finditer(text):
        out.append(make_date_match(m.start(), m.end(), int(m["d"]), MONTH_NUMBER[m["m"]],
                         int(m["y"]), m.group(0)))
    return out


_WHOLE_DATE_RE = re.compile(rf"\s*(?P<d>\d{{1,2}})\s+(?P<m>{_MONTHS_RE})\s+(?P<y>\d{{4}})\s*")


def parse_date(text: str) -> Optional[DateMatch]:
    """Parse a whole string as "D Month YYYY" (surrounding blanks allowed)."""
    m = _WHOLE_DATE_RE.fullmatch(text)
    if not m:
        return None
    return make_date_match(m.start("d"), m.end("y"), int(m["d"]), MONTH_NUMBER[m["m"]],
                 int(m["y"]), text[m.start("d"):m.end("y")])


_RANGE_CANDIDATE = re.compile(
    rf"(?<![\w.])(?:from\s+)?\d{{1,2}}(?:\s+(?:{_MONTHS_RE})(?:\s+\d{{4}})?)?\s*(?:[{_DASH}]|to\b)"
    rf"\s*\d{{1,2}}\s+(?:{_MONTHS_RE})\b")


def _range_from_results(res: Any) -> Optional[tuple[tuple[_dt.date, _dt.date], ...]]:
    try:
        if "from_date" in res:
            f, t = res["from_date"], res["to_date"]
            return ((_dt.date(int(f["year"]), MONTH_NUMBER[f["month"]], int(f["day"])),
                     _dt.date(int(t["year"]), MONTH_NUMBER[t["month"]], int(t["day"]))),)
        y = int(res["year"])
        parts = []
        for span in res["spans"]:
            to_m = MONTH_NUMBER[span["to_month"]]
            from_m = MONTH_NUMBER[span["from_month"]] if "from_month" in span else to_m
            from_y = y - 1 if from_m > to_m else y
            parts.append((_dt.date(from_y, from_m, int(span["from_day"])),
                          _dt.date(y, to_m, int(span["to_day"]))))
        return tuple(parts)
    except (ValueError, KeyError):
        return None


def find_date_ranges(text: str) -> list[DateRange]:
    """Date ranges ("11–29 September 2017", "10-28 September and 10-14 December 2007")."""
    import pyparsing as pp

    out: list[DateRange] = []
    pos_done = 0
    for m in _RANGE_CANDIDATE.finditer(text):
        if m.start() < pos_done:
            continue
        chunk = text[m.start():m.start() + 120]
        try:
            located = _grammar()["located_range"].parse_string(chunk)
        except pp.ParseBaseException:
            continue
        e = located["locn_end"]
        parts = _range_from_results(located["value"])
        if parts is None:
            continue
        end = m.start() + e
        out.append(DateRange(m.start(), end, text[m.start():end], parts))
        pos_done = end
    return out


def parse_date_range(text: str) -> Optional[DateRange]:
    """Parse a whole string as a date range (or a single date, as a one-day range)."""
    s = text.strip()
    if not s:
        return None
    off = text.index(s)
    import pyparsing as pp

    try:
        res = _grammar()["date_range"].parse_string(s, parse_all=True)
    except pp.ParseBaseException:
        d = parse_date(s)
        if d is None or not d.valid:
            return None
        dd = d.as_date()
        assert dd is not None
        return DateRange(off, off + len(s), s, ((dd, dd),))
    parts = _range_from_results(res)
    return DateRange(off, off + len(s), s, parts) if parts else None


# --- malformed dates -------------------------------------------------------

_ANY_MONTH = rf"(?:{_MONTHS_RE}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)"
_US_DATE_RE = re.compile(
    rf"(?<![\w.])(?P<m>(?i:{_ANY_MONTH}))\s+(?P<d>\d{{1,2}})(?P<ord>st|nd|rd|th)?(?P<comma>,)?\s+(?P<y>(?:1[89]|20)\d\d)(?!\w)")
_DMY_RE = re.compile(
    rf"(?<![\w.])(?P<d>\d{{1,2}})(?P<ord>st|nd|rd|th)?(?P<of>\s+of)?\s+(?P<m>(?i:{_ANY_MONTH}))(?P<comma>,)?\s+(?P<y>(?:1[89]|20)\d\d)(?!\w)")


def _month_of(word: str) -> tuple[Optional[int], str]:
    """Month number and the problem of the written month (``""`` if fine)."""
    w = word.rstrip(".")
    if w in MONTH_NUMBER:
        return MONTH_NUMBER[w], ""
    cap = w[:1].upper() + w[1:].lower()
    if cap in MONTH_NUMBER:
        return MONTH_NUMBER[cap], "lowercase-month" if w[:1].islower() else "lowercase-month"
    if w.lower() in _MONTH_ABBR:
        return _MONTH_ABBR[w.lower()], "abbreviated-month"
    return None, ""


def find_malformed_dates(text: str) -> list[MalformedDate]:
    """Dates not in "D Month YYYY" form: "March 15, 2006", "15th March 2006", "15 March, 2006"."""
    out: list[MalformedDate] = []
    taken: list[tuple[int, int]] = []
    for m in _US_DATE_RE.finditer(text):
        mon, _p = _month_of(m["m"])
        if mon is None:
            continue
        d, y = int(m["d"]), int(m["y"])
        out.append(MalformedDate(m.start(), m.end(), m.group(0), "month-first",
                                 f"{d} {MONTHS[mon - 1]} {y}", d, mon, y))
        taken.append((m.start(), m.end()))
    for m in _DMY_RE.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        mon, mprob = _month_of(m["m"])
        if mon is None:
            continue
        problem = ("ordinal-day" if m["ord"] else "day-of-month" if m["of"]
                   else "comma-before-year" if m["comma"] else mprob)
        if not problem:
            continue
        d, y = int(m["d"]), int(m["y"])
        out.append(MalformedDate(m.start(), m.end(), m.group(0), problem,
                                 f"{d} {MONTHS[mon - 1]} {y}", d, mon, y))
    out.sort(key=lambda x: x.start)
    return out
