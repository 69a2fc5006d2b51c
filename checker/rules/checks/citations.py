"""citations: document symbols and cited resolutions must be well formed and resolve (§4, §5 CIT-03..10).

The citations come from the resolve stage (``checker/resolve/citations.py``):
every resolution or decision cited in the title, preamble, operative part,
annexes and footnotes, with the body whose text it is ("its resolution" is
the enacting body's). A check that needs the body skips citations whose body
cannot be told: a wrong guess would be a false alarm. Registry checks use the
registry the resolve stage loads (with the project's ``registry:`` files).
"""

from __future__ import annotations

import re
from typing import Iterator, Optional

from checker.findings import Edit, Fix
from checker.grammar.citations import Citation, lowered
from checker.grammar.sessions import ga_session_window, hrc_session_surely_open, hrc_session_year_slot
from checker.grammar.symbols import find_symbols, validate_symbol
from checker.model import Document, Footnote, Node, Span
from checker.resolve.citations import BODY_SHORT_NAMES as _SHORT
from checker.rules.checks import CheckHit, register


def _citations(doc: Document, ctx) -> list[tuple[Node, Citation, Optional[str]]]:
    """(node, citation, body name or None) for every citation: the resolve stage's, linked once per document."""
    return ctx.resolution.citations


# --------------------------------------------------------------------------
# Document symbols
# --------------------------------------------------------------------------

_SAFE_CODES = {"SYM-02", "SYM-04", "SYM-05"}   # case and full-stop repairs


@register("citations.symbol", placeholders=("symbol", "problem", "suggestion"))
def symbol(doc: Document, params: dict, ctx) -> Iterator[CheckHit]:
    """A document symbol that breaks the §4 grammar of its body (the draft's own symbol included)."""
    own = doc.header.fields.get("symbol")
    if own is not None and own.value:
        s = validate_symbol(own.value.strip())
        if not s.valid:
            yield _header_symbol_hit(doc, own, s)
    # The kind line names the draft an amendment or a revision is to ("Eritrea: amendment to draft
    # resolution A/HRC/57/L.21"): that symbol is not in any paragraph.
    kind_line = doc.header.fields.get("kind_line")
    if kind_line is not None and "/" in kind_line.value:
        for s in find_symbols(kind_line.value):
            if not s.valid:
                yield _header_symbol_hit(doc, kind_line, s)
    for node in ctx.nodes:
        if "/" not in node.text:
            continue  # every symbol has a slash (as find_symbols knows, but a call costs more)
        for s in find_symbols(node.text):
            if s.valid:
                continue
            fix = None
            hint = ""
            if s.suggestion:
                hint = f"; write {s.suggestion}"
                fix = Fix(f"Write {s.suggestion}", (Edit(node.span_of(s.start, s.end), s.suggestion),),
                          safe=s.code in _SAFE_CODES)
            yield CheckHit(node, s.start, s.end, {"symbol": s.text, "problem": s.problem, "suggestion": hint},
                           fix=fix)


def _header_symbol_hit(doc: Document, field, s) -> CheckHit:
    """A malformed symbol in a header field, at its place in the source when it is found there."""
    text = doc.source[field.span.start:field.span.end]
    at = text.find(s.text)
    span = Span(field.span.start + at, field.span.start + at + len(s.text)) if at >= 0 else field.span
    fix = (Fix(f"Write {s.suggestion}", (Edit(span, s.suggestion),), safe=s.code in _SAFE_CODES)
           if s.suggestion and at >= 0 else None)
    return CheckHit(None, 0, 0, {"symbol": s.text, "problem": s.problem,
                                 "suggestion": f"; write {s.suggestion}" if s.suggestion else ""},
                    fix=fix, span=span, address="HEADER")


_FULL_SYMBOL = re.compile(r"(?<![\w/])(?:A/RES/(?P<ga>(?:S-|ES-)?\d{1,2}/\d{1,4}(?:\s?[A-Z](?![\w/]))?)"
                          r"|A/HRC/RES/(?P<hrc>(?:S-)?\d{1,2}/\d{1,3})"
                          r"|E/RES/(?P<eco>(?:19|20)\d\d/\d{1,3})"
                          r"|S/RES/(?P<sc>\d{1,4}\s?\((?:19|20)\d\d\)))(?![\w/])")
_KIND_BEFORE = re.compile(r"(?i:resolutions?)\s*$")
# "resolution E/1996/31": an ordinary ECOSOC document symbol taken for the resolution (SYM-03);
# without the word "resolution" before it, E/1996/31 may be a report and is left alone.
_ECOSOC_DOC_AS_RESOLUTION = re.compile(r"(?<![\w-])(?i:resolutions?)\s+(?P<symbol>E/(?P<short>(?:19|20)\d\d/\d{1,3}))(?![\w/.]|\.\w)")


@register("citations.full-symbol", placeholders=("symbol", "short"))
def full_symbol(doc: Document, params: dict, ctx) -> Iterator[CheckHit]:
    """"resolution A/RES/61/171" in running text: cite the short number."""
    for node in ctx.nodes:
        if isinstance(node, Footnote):
            continue  # footnotes may carry document symbols
        if "E/" in node.text:
            for m in _ECOSOC_DOC_AS_RESOLUTION.finditer(node.text):
                short = m.group("short")
                fix = Fix(f"Write {short}", (Edit(node.span_of(m.start("symbol"), m.end("symbol")), short),), safe=True)
                yield CheckHit(node, m.start("symbol"), m.end("symbol"), {"symbol": m.group("symbol"), "short": short},
                               fix=fix)
        if "RES/" not in node.text:
            continue  # every full symbol has it
        for m in _FULL_SYMBOL.finditer(node.text):
            short = next(g for g in m.groups() if g)
            short = re.sub(r"(\d)\(", r"\1 (", short)
            before = node.text[max(0, m.start() - 20):m.start()]
            if _KIND_BEFORE.search(before):
                fix = Fix(f"Write {short}", (Edit(node.span_of(m.start(), m.end()), short),), safe=True)
                shown = short
            else:
                shown = f"resolution {short}"
                fix = Fix(f"Write {shown}", (Edit(node.span_of(m.start(), m.end()), shown),), safe=False)
            yield CheckHit(node, m.start(), m.end(), {"symbol": m.group(0), "short": shown}, fix=fix)


# --------------------------------------------------------------------------
# Number form and dates
# --------------------------------------------------------------------------

def _form_problem(c: Citation, body: str) -> Optional[str]:
    """Why the number's form cannot be a ``body`` resolution/decision, or None."""
    f = c.form
    if body == "General Assembly":
        if f == "session" and c.session is not None and c.session < 31:
            return (f"General Assembly sessions before the thirty-first used the form 'n (ROMAN)'; "
                    f"'{c.number}' is Human Rights Council form")
        if f == "year":
            return "the General Assembly does not number its texts by year"
        if f == "sc":
            return "'n (yyyy)' is the Security Council's form"
        if f == "legacy" and c.session is not None and c.session > 30 and c.session_kind == "regular":
            return "legacy 'n (ROMAN)' numbering stopped after the thirtieth session"
    elif body == "Human Rights Council":
        if f in ("year", "sc", "legacy", "emergency"):
            return "Human Rights Council texts are numbered 'session/number' (e.g. 5/1)"
    elif body in ("Commission on Human Rights", "Sub-Commission"):
        if f in ("session", "sc", "special", "emergency", "legacy"):
            return f"{body} texts are numbered 'year/number' (e.g. 2004/81)"
    elif body == "Economic and Social Council":
        if f in ("session", "sc", "special", "emergency"):
            return "Economic and Social Council texts are numbered 'year/number' (or 'n (ROMAN)' before 1978)"
        if f == "year" and c.year is not None and c.year < 1978:
            return "Economic and Social Council year numbering starts in 1978"
    elif body == "Security Council":
        if f == "bare" and c.kind == "resolution":
            d = c.date.as_date() if c.date is not None else None
            hint = f"; write '{c.serial} ({d.year})'" if d is not None else ""
            return f"Security Council resolutions are cited with their year, 'n (yyyy)'{hint}"
        if f != "sc" and c.kind == "resolution":
            return "Security Council resolutions are numbered 'n (yyyy)' (e.g. 1325 (2000))"
    return None


@register("citations.number-form", placeholders=("number", "body", "problem"))
def number_form(doc: Document, params: dict, ctx) -> Iterator[CheckHit]:
    """The number's form does not fit the body named ("General Assembly resolution 28/2")."""
    for node, c, body in _citations(doc, ctx):
        if body is None or c.body_text is None or c.body_inherited:
            continue
        problem = _form_problem(c, body)
        if problem:
            yield CheckHit(node, c.start, c.end, {"number": c.number, "body": body, "problem": problem})


# An ECOSOC text numbered YYYY/n is adopted at the YYYY session: in YYYY, or, since the sessions
# run from July to July (GA 68/1; the 2015 organizational session met on 22 July 2014), from July
# of YYYY-1. Before that the session was the calendar year; where the cycle changed is not certain,
# so an earlier number dated the year before is only unusual.
_ECOSOC_SESSION_OPENS = 7
_ECOSOC_JULY_CYCLE = 2014


def _date_problem(c: Citation, body: Optional[str], strict: bool) -> Optional[str]:
    """Why the cited date cannot (strict) or probably does not (not strict) belong to this number."""
    d = c.date.as_date() if c.date is not None else None
    if d is None:
        return None
    y = d.year
    if strict:
        if c.form == "sc" and c.year != y:
            return f"a Security Council resolution numbered ({c.year}) was adopted in {c.year}"
        if body == "General Assembly" and c.form == "session" and c.session is not None and c.session >= 31:
            lo, hi = ga_session_window(c.session)
            # Session N+1 opens on the Tuesday of the third week of September, as late as
            # the 21st or 22nd: 47/120 B is of 20 September 1993. Allow the whole month.
            hi = max(hi, hi.replace(day=30))
            if not lo <= d <= hi:
                return (f"General Assembly session {c.session} ran from September {lo.year} "
                        f"to September {hi.year}")
        if body == "Human Rights Council" and c.form == "session" and c.session is not None and c.serial:
            ys = hrc_session_year_slot(c.session)
            year = ys[0] if ys else (2006 if c.session <= 3 else 2007)
            if y != year:
                return f"Human Rights Council session {c.session} was held in {year}"
            # A session's texts are adopted before the next session opens (the resumed
            # forty-third session of June 2020 still ended before the forty-fourth opened).
            following = hrc_session_surely_open(c.session + 1) if c.session >= 6 else None
            if following is not None and d >= following:
                return (f"Human Rights Council session {c.session + 1} had opened by then "
                        f"(its {hrc_session_year_slot(c.session + 1)[1]} session of {following.year})")
        if body in ("Commission on Human Rights", "Sub-Commission") and c.form == "year" and c.year != y:
            return f"{body} texts numbered {c.year}/... were adopted in {c.year}"
        if body == "Economic and Social Council" and c.form == "year" and c.year is not None \
                and not (y == c.year or y == c.year - 1 and d.month >= _ECOSOC_SESSION_OPENS):
            return (f"Economic and Social Council texts numbered {c.year}/... were adopted at its {c.year} "
                    f"session, which opens in July {c.year - 1} at the earliest")
        return None
    if body == "Economic and Social Council" and c.form == "year" and c.year is not None \
            and y == c.year - 1 and c.year <= _ECOSOC_JULY_CYCLE:
        return (f"Economic and Social Council texts numbered {c.year}/... date from the {c.year} session, "
                f"held in {c.year} before its sessions ran from July to July")
    if body == "General Assembly" and c.form == "legacy" and c.session_kind == "regular" and c.session:
        if y not in (1945 + c.session, 1946 + c.session):
            return f"General Assembly session {c.session} met in {1945 + c.session}\u2013{1946 + c.session}"
        # From the second session, each opened in September and ran (with resumed parts) until
        # the next opened: "2200 A (XXI) of 16 December 1967" is a date of the twenty-second.
        if c.session >= 2:
            lo, hi = ga_session_window(c.session)
            if not lo <= d <= max(hi, hi.replace(day=30)):
                return (f"General Assembly session {c.session} ran from September {lo.year} "
                        f"to September {hi.year}")
    if body == "Human Rights Council" and c.form == "session" and c.session and c.session >= 7:
        ys = hrc_session_year_slot(c.session)
        months = {"March": (2, 3, 4), "June": (5, 6, 7), "September": (8, 9, 10)}[ys[1]]
        if ys[0] == y and d.month < months[0]:   # resumed sessions run late, never early
            return f"Human Rights Council session {c.session} was its {ys[1]} session of {ys[0]}"
    return None


@register("citations.date-impossible", placeholders=("number", "date", "problem"))
def date_impossible(doc: Document, params: dict, ctx) -> Iterator[CheckHit]:
    """The date cannot be the adoption date of that number (or is not a calendar date)."""
    for node, c, body in _citations(doc, ctx):
        if c.date is None or c.is_paragraph_ref and c.date_shared:
            continue
        if not c.date.valid:
            yield CheckHit(node, c.date.start, c.date.end,
                           {"number": c.number, "date": c.date.text, "problem": "it is not a calendar date"})
            continue
        problem = _date_problem(c, body, strict=True)
        if problem:
            yield CheckHit(node, c.date.start, c.date.end, {"number": c.number, "date": c.date.text,
                                                            "problem": problem})


@register("citations.date-implausible", placeholders=("number", "date", "problem"))
def date_implausible(doc: Document, params: dict, ctx) -> Iterator[CheckHit]:
    """The date is unusual for the number (ECOSOC year, early GA sessions, HRC session month)."""
    for node, c, body in _citations(doc, ctx):
        if c.date is None or not c.date.valid:
            continue
        problem = _date_problem(c, body, strict=False)
        if problem:
            yield CheckHit(node, c.date.start, c.date.end, {"number": c.number, "date": c.date.text,
                                                            "problem": problem})


@register("citations.inconsistent-date", placeholders=("number", "date", "other"))
def inconsistent_date(doc: Document, params: dict, ctx) -> Iterator[CheckHit]:
    """The same resolution cited with two different dates in one text.

    A citation whose body could not be told ("the follow-up to the World Assembly on Ageing,
    as outlined in its resolution 74/125") is compared with the same number cited elsewhere
    in the text, whatever that one's body."""
    first: dict[tuple, Citation] = {}
    # The entries of ``first`` by (kind, number), in the same order: no scan of all of them.
    by_number: dict[tuple, list[tuple[str, Citation]]] = {}
    for node, c, body in _citations(doc, ctx):
        if c.date is None or not c.date.valid or c.is_paragraph_ref:
            continue
        key = (body or "?", c.kind, c.number)
        prev = first.get(key)
        if prev is None:
            same = by_number.setdefault((c.kind, c.number), [])
            prev = next((p for b, p in same if body is None or b == "?"), None)
            first[key] = prev or c
            same.append((key[0], first[key]))
            if prev is None:
                continue
        if prev.date.iso != c.date.iso and not (prev.date_shared and c.date_shared):
            yield CheckHit(node, c.date.start, c.date.end,
                           {"number": c.number, "date": c.date.text, "other": prev.date.text})


# --------------------------------------------------------------------------
# Registry
# --------------------------------------------------------------------------

def _registry(ctx):
    return ctx.resolution.registry


def _entry(reg, c: Citation, body: Optional[str]):
    """The registry entry, exactly this number of this body (no guessing: a wrong match is a false alarm)."""
    if body is None or body not in _SHORT:
        return None
    return reg.get(_SHORT[body], c.kind, c.number, exact=True)


@register("citations.registry-date", placeholders=("number", "date", "registry_date", "source"))
def registry_date(doc: Document, params: dict, ctx) -> Iterator[CheckHit]:
    """The cited date differs from the registry's adoption date (CIT-06)."""
    cites = _citations(doc, ctx)
    if not any(c.date is not None for _, c, _ in cites):
        return
    reg = _registry(ctx)
    for node, c, body in cites:
        if c.date is None or not c.date.valid:
            continue
        entry = _entry(reg, c, body)
        if entry is None or not entry.date or entry.date == c.date.iso:
            continue
        fix = None
        if not c.date_shared:   # a shared date ("5/1 and 5/2 of ...") may be right for the others
            fix = Fix(f"Write {entry.date_text}", (Edit(node.span_of(c.date.start, c.date.end), entry.date_text),),
                      safe=False)
        yield CheckHit(node, c.date.start, c.date.end,
                       {"number": c.number, "date": c.date.text, "registry_date": entry.date_text,
                        "source": entry.source}, fix=fix)


@register("citations.unregistered", placeholders=("number", "body"))
def unregistered(doc: Document, params: dict, ctx) -> Iterator[CheckHit]:
    """A dated citation the registry does not know (nothing to check its date against)."""
    cites = _citations(doc, ctx)
    if not cites:
        return
    reg = _registry(ctx)
    seen: set[tuple] = set()
    for node, c, body in cites:
        if body is None or body not in _SHORT or c.date is None:
            continue
        key = (body, c.kind, c.number)
        if key in seen:
            continue
        seen.add(key)
        if _entry(reg, c, body) is None:
            yield CheckHit(node, c.start, c.end, {"number": c.number, "body": body})


# A Security Council number with a mistyped year: the registry's rows for the same serial in the
# years around it. Resolutions n (yyyy) run in one sequence, so a serial has a single year.
_SC_YEAR_WINDOW = 10


@register("citations.sc-year-registry", placeholders=("number", "registry_number", "registry_date"))
def sc_year_registry(doc: Document, params: dict, ctx) -> Iterator[CheckHit]:
    """An undated Security Council citation whose year in parentheses is not the registry's (CIT-05/06).

    A dated citation is CIT009's (year against date) and CIT011's (date against registry)."""
    cites = [(node, c) for node, c, body in _citations(doc, ctx)
             if c.form == "sc" and c.kind == "resolution" and c.date is None and body == "Security Council"]
    if not cites:
        return
    reg = _registry(ctx)
    for node, c in cites:
        if reg.get("SC", "resolution", c.number, exact=True) is not None:
            continue
        for year in range(c.year - _SC_YEAR_WINDOW, c.year + _SC_YEAR_WINDOW + 1):
            entry = reg.get("SC", "resolution", f"{c.serial} ({year})", exact=True)
            if entry is not None:
                break
        else:
            continue
        right = f"{c.serial} ({year})"
        fix = Fix(f"Write {right}", (Edit(node.span_of(c.start, c.end), right),), safe=False)
        yield CheckHit(node, c.start, c.end, {"number": c.number, "registry_number": right,
                                              "registry_date": entry.date_text}, fix=fix)


# --------------------------------------------------------------------------
# The body named (CIT-02)
# --------------------------------------------------------------------------

# A body named in the clause around the number, before it ("Commission resolutions 2004/81 and
# 2005/3") or after it ("resolution 2000/22 ..., by the Subcommission on ...").
_BODY_WORD = re.compile(r"\b(?:Assembly|Council|Commission|Sub-?[Cc]ommission|ECOSOC)\b")
_CLAUSE_MARK = re.compile(r"[;:]|\.\s|\n")


@register("citations.body-not-named", placeholders=("number",))
def body_not_named(doc: Document, params: dict, ctx) -> Iterator[CheckHit]:
    """CIT-02: "resolution 1993/80" with no body: a year/number is the Commission on Human Rights',
    the Economic and Social Council's or the Sub-Commission's.

    Only the year form: a session number ("resolution 60/251") is cited bare in adopted texts of
    both the General Assembly and the Human Rights Council, and a legacy "n (ROMAN)" in General
    Assembly and Security Council texts, where the reader knows whose it is. Not reported when a
    body is named anywhere in the clause, before or after the number, or when the text cited the
    same number with its body before ("Recalling its resolution 1996/31 ..." then "paragraph 61 of
    the annex to resolution 1996/31")."""
    named: set[str] = set()
    for node, c, body in _citations(doc, ctx):
        if c.form != "year":
            continue
        if c.body_text is not None or c.body_inherited:
            named.add(c.number)
            continue
        if c.number in named:
            continue
        text = node.text
        lo = max((m.end() for m in _CLAUSE_MARK.finditer(text, max(0, c.full_start - 200), c.full_start)),
                 default=max(0, c.full_start - 200))
        after = _CLAUSE_MARK.search(text, c.end)
        hi = after.start() if after else len(text)
        if _BODY_WORD.search(text, lo, c.full_start) or _BODY_WORD.search(text, c.end, hi):
            continue
        yield CheckHit(node, c.full_start, c.end, {"number": c.number})


# --------------------------------------------------------------------------
# Resolution or decision
# --------------------------------------------------------------------------

@register("citations.kind", placeholders=("number", "kind", "correct"))
def kind(doc: Document, params: dict, ctx) -> Iterator[CheckHit]:
    """HRC numbers from 101 are decisions (and below 101 resolutions); GA decisions start at 301."""
    for node, c, body in _citations(doc, ctx):
        if c.form not in ("session", "special"):
            continue
        correct = None
        if body == "Human Rights Council":
            correct = "decision" if c.serial >= 101 else "resolution"
        elif body == "General Assembly" and c.kind == "decision" and c.form == "session" and c.serial < 301:
            correct = "resolution"
        if correct and correct != c.kind:
            yield CheckHit(node, c.start, c.end, {"number": c.number, "kind": c.kind, "correct": correct})


# --------------------------------------------------------------------------
# "this resolution"
# --------------------------------------------------------------------------

# "\bthis", letter first: faster. Only the ASCII t and T match "t" under IGNORECASE.
_THIS_RESOLUTION = re.compile(r"[tT](?<!\w[tT])(?i:his\s+resolution)\b")
# The sentence (or ";"-clause) that holds the phrase: its antecedent, if any, is there.
_SENTENCE_START = re.compile(r"(?:[;:]|\.(?=\s+[A-Z]))\s*")
# Another resolution named before the phrase ("the annual resolution on sustainable fisheries",
# "its resolution 70/1"); not the text's own ("the present resolution").
_RESOLUTION_WORD = re.compile(r"\bresolutions?\b", re.I)
_SELF_BEFORE = re.compile(r"\b(?:present|this)\s+$", re.I)
# "resolution 1409 (2002) and this resolution": coordinated with the other one, so the text's own.
_COORDINATED = re.compile(r"(?:\band|\bor|\bas\s+well\s+as|,)\s*$", re.I)
_OPEN_QUOTES, _CLOSE_QUOTES = "“‘", "”’"


def _quoted(text: str, pos: int) -> bool:
    """Is ``pos`` inside a quotation ("“... this resolution ...”") opened before it?"""
    before = text[:pos]
    curly = sum(before.count(q) for q in _OPEN_QUOTES) - sum(before.count(q) for q in _CLOSE_QUOTES)
    return curly > 0 or before.count('"') % 2 == 1


def _other_antecedent(text: str, pos: int, lo: int) -> bool:
    """Does "this resolution" at ``pos`` point back at another resolution named in its sentence?"""
    cut = max((m.end() for m in _SENTENCE_START.finditer(text, lo, pos)), default=lo)
    last = None
    for m in _RESOLUTION_WORD.finditer(text, cut, pos):
        if not _SELF_BEFORE.search(text, max(cut, m.start() - 12), m.start()):
            last = m
    if last is None:
        return False
    between = re.sub(r"\s*\d[\d/]*(?:\s*\([^)]*\))?", "", text[last.end():pos])  # drop "1409 (2002)"
    return not _COORDINATED.search(between)


@register("citations.this-resolution", placeholders=("match", "replacement"),
          params_schema={"type": "object", "properties": {"skip-bodies": {"type": "array", "items": {"type": "string"}}},
                         "additionalProperties": False})
def this_resolution(doc: Document, params: dict, ctx) -> Iterator[CheckHit]:
    """"this resolution" for the text itself: "the present resolution" (ED-16).

    Not reported: in the bodies of ``skip-bodies`` (Security Council texts use both
    forms), inside a quotation (the quoted text's own words), and where the phrase
    points back at another resolution named in its sentence ("the annual resolution on
    sustainable fisheries ... consultations on this resolution")."""
    if (doc.body or "").lower() in {b.lower() for b in params.get("skip-bodies") or ()}:
        return
    for node in ctx.nodes:
        # Prefilter: a match holds "resolution" in some case, so the lower-cased text holds
        # "olut" (``re`` lets no non-ASCII letter match o, l, u or t under IGNORECASE). In an
        # ASCII text only ASCII letters match, so it holds "this" as well: most paragraphs
        # that cite a resolution do not, and are spared the scan for "t".
        low = lowered(node.text)
        if "olut" not in low or "this" not in low and node.text.isascii():
            continue
        lo = getattr(node, "body_start", 0)
        for m in _THIS_RESOLUTION.finditer(node.text):
            if _quoted(node.text, m.start()) or _other_antecedent(node.text, m.start(), lo):
                continue
            right = "The present resolution" if m.group(0)[0].isupper() else "the present resolution"
            fix = Fix(f"Replace '{m.group(0)}' with '{right}'", (Edit(node.span_of(m.start(), m.end()), right),), safe=True)
            yield CheckHit(node, m.start(), m.end(), {"match": m.group(0), "replacement": right}, fix=fix)


# --------------------------------------------------------------------------
# The resolution's own number: title line, symbol, adoption date
# --------------------------------------------------------------------------

_MONTH_NAMES = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_SC_SYMBOL = re.compile(r"\bS/RES/(\d{1,4})\s*\((\d{4})\)")
# "Adopted by the Security Council at its 9960th meeting, on 14 July 2025"; before 1994 the title
# line was followed by "of 15 March 1965".
_SC_ADOPTED = re.compile(rf"Adopted\s+(?:unanimously\s+)?by\s+the\s+Security\s+Council\s+at\s+its\s+\d+\w*\s+meeting,?"
                         rf"\s+on\s+(\d{{1,2}}\s+{_MONTH_NAMES}\s+(\d{{4}}))")
_SC_OF = re.compile(rf"Resolution\s+\d{{1,4}}\s*\(\d{{4}}\)\s*\n\s*of\s+(\d{{1,2}}\s+{_MONTH_NAMES}\s+(\d{{4}}))")
_SC_TITLE = re.compile(r"(\d{1,4})\s*\((\d{4})\)")
_OWN_SYMBOL_NUMBER = re.compile(r"/RES/((?:S-|ES-)?\d{1,4}/\d{1,4})\b")
_TITLE_NUMBER = re.compile(r"((?:S-|ES-)?\d{1,4}/\d{1,4})\b")


@register("citations.own-number", placeholders=("number", "problem"))
def own_number(doc: Document, params: dict, ctx) -> Iterator[CheckHit]:
    """The resolution's number in its title line against its symbol and (Security Council) its
    adoption year: "Resolution 2785 (2024)" under S/RES/2785 (2025), adopted 14 July 2025."""
    if (doc.body or doc.header.body) == "Security Council":
        yield from _sc_own_number(doc)
        return
    symbol, title = doc.header.symbol or "", doc.title
    if "/RES/" not in symbol or title is None or not title.number or title.placeholder:
        return
    in_symbol, in_title = _OWN_SYMBOL_NUMBER.search(symbol), _TITLE_NUMBER.match(title.number)
    if in_symbol and in_title and in_symbol.group(1) != in_title.group(1):
        yield CheckHit(title, 0, min(len(title.text), len(title.number)) or len(title.text),
                       {"number": title.number.strip(), "problem": f"the symbol {symbol} numbers it {in_symbol.group(1)}"})


def _sc_own_number(doc: Document) -> Iterator[CheckHit]:
    """Security Council: "Resolution N (YYYY)" against "S/RES/N (YYYY)" and the adoption date."""
    field = doc.header.fields.get("sc_number")
    title = _SC_TITLE.fullmatch(field.value) if field is not None else None
    if title is None:
        return
    number, year = title.groups()
    head = doc.source[:doc.authoring.span.start] if doc.authoring is not None else ""
    problems = []
    symbol = _SC_SYMBOL.search(head)
    if symbol is not None and symbol.groups() != (number, year):
        problems.append(f"the symbol is S/RES/{symbol.group(1)} ({symbol.group(2)})")
    adopted = _SC_ADOPTED.search(head) or _SC_OF.search(head)
    if adopted is not None and adopted.group(2) != year:
        problems.append(f"it was adopted on {' '.join(adopted.group(1).split())}")
    if problems:
        yield CheckHit(None, 0, 0, {"number": f"Resolution {number} ({year})", "problem": " and ".join(problems)},
                       span=field.span, address="HEADER")
