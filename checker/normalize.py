"""Normalize stage: raw text -> clean logical lines, each with a map to the original.

Real resolution texts come as one paragraph per line, hard-wrapped PDF text
with indentation, or with a blank line after every physical line; with
masthead furniture, page-break footnote blocks and footnote markers glued to
words. This module undoes all of that without ever losing the way back to the
user's original line and column: every character of every ``LogicalLine`` has
an original offset through its ``TextMap``.

It knows the *shape* of paragraphs (labels, opening words, punctuation) but
not the document model: classifying lines into PP/OP/... is the parser's job.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field
from operator import add
from typing import Optional

from checker import vocabulary
from checker.model import Directive, Span, TextBuilder, TextMap
from checker.sources import SourceText

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUPER_TO_DIGIT = {c: str(i) for i, c in enumerate(SUPERSCRIPTS)}

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_RULE_LINE = re.compile(r"^\s*_{5,}\s*$")
_DIRECTIVE = re.compile(r"<!--\s*reslint\s*:\s*(ignore-file|ignore|disable-next|ignore-next)\b([^>]*?)-->", re.I)
_HTML_COMMENT = re.compile(r"<!--.*?-->")
_FOOTNOTE_START = re.compile(r"^(?P<label>\d{1,3}|\*{1,3}|[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})(?:\s+|(?=[A-Z(]))(?=\S)")
_MD_FOOTNOTE_DEF = re.compile(r"^\[\^(?P<label>[^\]\s]{1,10})\]:\s*")
_MD_FOOTNOTE_REF = re.compile(r"\[\^(?P<label>[^\]\s]{1,10})\]")
_SUPER_RUN = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}")
_BOLD = re.compile(r"(?<![*\w])\*\*(?=[^\s*])(.+?)(?<=[^\s*])\*\*(?![*\w])|(?<![_\w])__(?=[^\s_])(.+?)(?<=[^\s_])__(?![_\w])")
_ITALIC = re.compile(r"(?<![*\w])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![*\w])|(?<![_\w])_(?=[^\s_])(.+?)(?<=[^\s_])_(?![_\w])")
# Paragraph-final punctuation, allowing a footnote marker after it ("2004,²", "General;4").
_TERMINAL_MARK = re.compile(r"[.,;:)\]”\"’](?:\s?[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\s?\d{1,2})?\s*$")


def _ends_with_mark(line: str) -> bool:
    """Does ``line`` end with a punctuation mark (and perhaps a footnote marker)?

    Only the tail is searched: a "$"-anchored search from the start would try the
    pattern at every position of a long paragraph-per-line text."""
    tail = line.rstrip()[-8:]
    # The tail ends (it is stripped) with the mark itself, or with the marker's digit.
    last = tail[-1:]
    if last in _MARKS:
        return True
    return last.isdigit() and bool(_TERMINAL_MARK.search(tail))  # (isdigit: any \d or superscript)


_MARKS = frozenset(".,;:)]”\"’")  # the first class of _TERMINAL_MARK
_MD_HEADING = re.compile(r"^#{1,6}\s+")
_GLUED_BOLD = re.compile(r"(?<=[^\s*])\*\*(?=[A-Z0-9])")
_WIDE_GAP = re.compile(r"(?<=\S)(?: {3,}| *\t[ \t]*)(?=\S)")  # a Word paste separates columns with a tab

# Digit footnote markers glued to text, accepted only for labels that exist. One scan
# finds all four kinds, starting at a digit (four scans of every paragraph were a quarter
# of the stage). Each branch needs a different character before its first digit (white
# space, [,;:.], [a-z)], a space after [,;.]), so at most one can match at a place and
# no match hides another. Branches:
#   year:    "18 May 20041" - the year, then the marker (the month is checked by _MONTH_BEFORE)
#   punct:   "session,4", "2004,2" - after a word's final punctuation
#   word:    "Action3" - glued to a word
#   spaced:  "Assembly, 2 and" - after punctuation and a space (a wide space must follow)
_DIGIT_MARK_TAIL = (
    # First the character before the digit: one any branch accepts. Most digits sit inside
    # a number ("2004", "60/1") and fail here at once instead of trying four branches.
    r"(?<=[\s,;:.a-z)]\d)"
    r"(?:"
    r"(?:(?<=\s1)[89]|(?<=\s2)0)\d\d(?P<year>\d\d?)(?=[\s,.;:)]|$)"
    r"|(?<=[\w)\]”’\"'][,;:.]\d)\d?(?=\s|$)"
    r"|(?<=[a-z)]\d)\d?(?=[\s,.;:)]|$)"
    r"|(?<=[,;.] \d)\d?(?= \S)"
    r")")
_DIGIT_MARK = re.compile(r"\d" + _DIGIT_MARK_TAIL)
# The same for an ASCII line, where \d is [0-9]: re finds a [0-9] twice as fast as a \d.
_DIGIT_MARK_ASCII = re.compile(r"[0-9]" + _DIGIT_MARK_TAIL)
# The month before a year: searched only in the ten characters before it ("September ").
_MONTH_BEFORE = re.compile(rf"\b(?:{vocabulary.MONTHS_RE})\s\Z")
_MARK_AFTER = frozenset("abcdefghijklmnopqrstuvwxyz)”’")   # "session,4": a word's end, not "3,4"
# "Latvia,*", "Action**": an asterisk marker after a word (the star first, for speed).
_ASTERISK_MARKER = re.compile(r"\*(?:(?<=\w\*)|(?<=\w[,.;:]\*))\*{0,2}(?=[\s:;,.]|$)")
_INLINE_NOTE = re.compile(r"((?:A|E|S)(?<=[,;:][AES])/[A-Z0-9][A-Za-z0-9./-]*\d\.)(?=\s|$)")


def _trailing_note_run(lines: list[_Raw]) -> Optional[int]:
    """Where a run of notes that ends the text without a rule line above it begins, or None.

    "1 Resolution 217 A (III)." / "2 A/80/157." ...: one-line notes numbered 1, 2, 3 in order,
    after the last paragraph; a single one only when its marker is in the text before it
    ("1996,¹", "session,1"). A number with a full stop ("9. Decides") or a note that reads
    like a paragraph (an opening participle or operative verb) is not one."""
    k = len(lines)
    while k > 0 and _is_blank(lines[k - 1]):
        k -= 1
    run: list[int] = []
    expected = None
    while k > 0:
        s = lines[k - 1].text.strip()
        if not s:
            k -= 1
            continue
        m = _FOOTNOTE_START.match(s)
        label = "".join(_SUPER_TO_DIGIT.get(c, c) for c in m.group("label")) if m else ""
        # "¹ United Nations, Treaty Series ...": superscript labels read as their digits
        if not label.isdecimal() or not label.isascii() or re.match(r"\d{1,3}\.", s):
            break
        number = int(label)
        if expected is not None and number != expected:
            break
        rest = s[m.end():]
        if vocabulary.starts_with_opener(rest) or vocabulary.starts_with_operative(rest):
            return None
        run.append(k - 1)
        expected = number - 1
        k -= 1
        if number == 1:
            break
    if not run or expected != 0:
        return None
    if len(run) == 1:
        before = "\n".join(raw.text for raw in lines[:run[0]])
        if "\u00b9" not in before and not re.search(r"[a-z)\],.;:]1(?!\d)", before):
            return None
    return run[-1]


def _in_symbol(s: str, pos: int) -> bool:
    """Do the letters just before ``pos`` end a document symbol ("A/HRC/60/31/Add")?"""
    start = pos
    while start > 0 and s[start - 1].isalpha():
        start -= 1
    return start > 0 and s[start - 1] == "/" and pos - start <= 6


_FURNITURE = [
    re.compile(p)
    for p in (
        r"^United Nations$",
        r"^Distr\.?\s*:?\s*(?:General|Limited|Restricted|GENERAL|LIMITED|RESTRICTED)\b",
        r"^(?:Original|ORIGINAL)\s*:\s*\w+",
        r"^(?:GE\.)?\d{2}-\d{4,6}\s*(?:\([A-Z]\))?(?:\s+\S+)?$",
        r"^GE\.\S*\s*\d*-?\d+\s*\(E\)$",
        r"^\*\d{6,}\*$",
        r"^(?:Page\s+)?\d{1,3}\s*/\s*\d{1,3}$",
        r"^-\s*\d{1,3}\s*-$",
        r"^Please recycle\b",
        r"^Advance unedited version$",
        r"^(?:A|E|S)/[A-Z0-9.\-/]+(?:/(?:Rev|Add|Corr|Amend)\.\d{1,3})*(?:\s*\*)?(?:\s*\((?:\d{4}|[IVXL]+)\))?(?:\s+\d{1,3}/\d{1,3})?$",
        r"^\d{1,3}/\d{1,3}\s+(?:A|E|S)/\S+$",
    )
]


@dataclass(slots=True)
class LogicalLine:
    """One paragraph-like unit: joined physical lines, cleaned, with its map."""

    text: str
    tmap: TextMap
    italics: list[tuple[int, int]] = field(default_factory=list)
    bold: list[tuple[int, int]] = field(default_factory=list)
    indent: int = 0
    blank_before: int = 0
    line_no: int = 0  # 0-based index of the first physical line
    furniture: bool = False

    @property
    def span(self) -> Span:
        return self.tmap.span(0, len(self.text))


@dataclass(slots=True)
class Marker:
    """A footnote marker removed from a line, with where it stood in the original."""
    label: str
    span: Span
    style: str


@dataclass(slots=True)
class Normalized:
    """The normalized text split into header, authoring line, body and footnote lines."""
    header: list[LogicalLine]
    authoring: Optional[LogicalLine]
    body: list[LogicalLine]
    footnotes: list[tuple[str, LogicalLine]]
    markers: list[Marker]
    directives: list[Directive]
    formatting_known: bool
    layout: str  # paragraph-per-line | wrapped | double-spaced


@dataclass(slots=True)
class _Raw:
    """A physical line: its text without the line break, and its original offset."""

    text: str
    start: int
    furniture: bool = False


# ----------------------------------------------------------------------------
# physical lines


# Characters str.splitlines() breaks at besides \r and \n (\f and \v are made spaces first).
_OTHER_BREAKS = ("\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029")


def _split_lines(text: str) -> list[_Raw]:
    """Physical lines: breaks are \r\n, \r or \n only; \f and \v read as spaces."""
    if "\f" in text or "\v" in text:
        text = text.replace("\f", " ").replace("\v", " ")  # one for one: offsets keep their place
    if any(c in text for c in _OTHER_BREAKS):
        return _split_lines_re(text)
    if "\r" not in text:
        # "\n" is then the only line break: str.split finds it with memchr, twice as fast
        # as splitlines(), which tests every character against all the breaks. split()
        # gives one more, empty, piece after a final "\n" (or for ""); splitlines() does not.
        texts = text.split("\n")
        if not texts[-1]:
            texts.pop()
        starts = itertools.accumulate(map(add, map(len, texts), itertools.repeat(1)), initial=0)
        return list(map(_Raw, texts, starts))
    # str.splitlines() is C-fast and, without the characters above, breaks where _LINE does;
    # each line starts where the one before ended, with its line break.
    starts = itertools.accumulate(map(len, text.splitlines(True)), initial=0)
    return list(map(_Raw, text.splitlines(), starts))


def _split_lines_re(text: str) -> list[_Raw]:
    lines = []
    pos = 0
    for m in _LINE.finditer(text):
        chunk = m.group(0)
        if not chunk:
            break
        lines.append(_Raw(chunk.rstrip("\r\n"), m.start()))
        pos = m.end()
        if pos >= len(text):
            break
    return lines


def _is_blank(raw: _Raw) -> bool:
    # Same as ``not text.strip()`` without copying the line (isspace stops at the first letter).
    return not raw.text or raw.text.isspace()


def _indent(s: str) -> int:
    return len(s) - len(s.lstrip(" \t\u00a0"))


_FURNITURE_ANY = re.compile("|".join(f"(?:{p.pattern})" for p in _FURNITURE))


def _is_furniture(stripped: str) -> bool:
    return bool(_FURNITURE_ANY.match(stripped))


def find_authoring_line(lines: list[_Raw]) -> Optional[int]:
    """Index of the enacting formula ("The Human Rights Council,"), if any."""
    for i, raw in enumerate(lines):
        s = _strip_emphasis(raw.text.strip())
        if not s.startswith("The "):
            continue
        m = vocabulary.AUTHORING_LINE.match(s[:200])
        if m is None:
            continue
        rest = (m.group("rest") or "").strip()
        if not rest and len(s) > 120:
            continue
        # "The General Assembly, Recalling ..." or, in decisions, "..., recalling its decision ...:"
        # and "..., decides to include ..." (a decision in one sentence, with no preamble)
        if rest and not vocabulary.starts_with_opener(rest[:1].upper() + rest[1:]) \
                and not (rest[:1].islower() and vocabulary.starts_with_operative(rest[:1].upper() + rest[1:])):
            continue
        return i
    return None


def _strip_emphasis(s: str) -> str:
    return s.replace("**", "").replace("*", "") if "*" in s else s


# ----------------------------------------------------------------------------
# cleaning one physical line


_STAR_NOTE = re.compile(r"^\\?(\*{1,3})\s+[A-Z]")
_HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-"})


def _clean(raw_text: str, start: int, deletions: list[tuple[int, int]],
           known_italics: list[tuple[int, int]] = (), known_bold: list[tuple[int, int]] = (),
           odd_ws: bool = True) -> tuple[str, TextMap, list[tuple[int, int]], list[tuple[int, int]]]:
    """Drop ``deletions`` and markdown emphasis; collapse white space; keep the map.

    ``known_italics``/``known_bold`` are formatting the file itself carries (Word),
    as offsets within ``raw_text``. The map is None when the text is ``raw_text``
    itself, one for one from ``start`` (most lines): the caller needs no map object then.
    ``odd_ws=False`` says the text has no white space but spaces and line breaks.
    """
    if "\u2010" in raw_text or "\u2011" in raw_text:
        # Word's (non-breaking) hyphens read as "-": "capacity\u2011building", "seventy\u2011ninth".
        # One character for one: every offset keeps its place in the map.
        raw_text = raw_text.translate(_HYPHENS)
    if not deletions and not known_italics and not known_bold and "*" not in raw_text and "_" not in raw_text:
        # Most lines: nothing to delete, no emphasis; only white space to collapse.
        if _ws_is_clean(raw_text, odd_ws):
            return raw_text, None, [], []
        text, tmap, _ = _collapse_ws(raw_text, TextMap.identity(start, len(raw_text)))
        return text, tmap, [], []
    italics_raw: list[tuple[int, int]] = list(known_italics)
    bold_raw: list[tuple[int, int]] = list(known_bold)
    dels = list(deletions)
    if "*" in raw_text or "_" in raw_text:
        for m in _BOLD.finditer(raw_text):
            if _overlaps(m.start(), m.end(), dels):
                continue
            dels += [(m.start(), m.start() + 2), (m.end() - 2, m.end())]
            bold_raw.append((m.start() + 2, m.end() - 2))
        masked = _mask(raw_text, dels)
        for m in _ITALIC.finditer(masked):
            if _overlaps(m.start(), m.start() + 1, dels) or _overlaps(m.end() - 1, m.end(), dels):
                continue
            dels += [(m.start(), m.start() + 1), (m.end() - 1, m.end())]
            italics_raw.append((m.start() + 1, m.end() - 1))
    merged = _merge_ranges(dels, len(raw_text))
    builder = TextBuilder()
    prev = 0
    for a, b in merged:
        builder.add(raw_text[prev:a], start + prev)
        prev = b
    builder.add(raw_text[prev:], start + prev)
    text, tmap = builder.build(end_original=start + len(raw_text))
    shift1 = _shifter(merged)
    text, tmap, shift2 = _collapse_ws(text, tmap)

    def conv(p: int) -> int:
        return shift2(shift1(p))

    italics = [(conv(a), conv(b)) for a, b in italics_raw]
    bold = [(conv(a), conv(b)) for a, b in bold_raw]
    return text, tmap, [x for x in italics if x[1] > x[0]], [x for x in bold if x[1] > x[0]]


def _merge_ranges(ranges: list[tuple[int, int]], limit: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted(ranges):
        a, b = max(a, 0), min(b, limit)
        if b <= a:
            continue
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _shifter(removed: list[tuple[int, int]]):
    """Position in the text before removing ``removed`` -> position after."""
    starts = [a for a, _ in removed]
    cumulative = []
    total = 0
    for a, b in removed:
        total += b - a
        cumulative.append(total)

    def shift(p: int) -> int:
        k = bisect.bisect_right(starts, p) - 1
        if k < 0:
            return p
        a, b = removed[k]
        before = cumulative[k - 1] if k else 0
        if p < b:
            return a - before
        return p - cumulative[k]

    return shift


_WS_RUN = re.compile(r"[^\S ]+| {2,}|\s{2,}")
_ODD_WS = re.compile(r"[^\S ]")  # white space other than " "
# The same as characters (all white space is below U+3001), but for the line breaks.
_ODD_WS_CHARS = tuple(c for c in map(chr, range(0x3001)) if c.isspace() and c not in " \n\r")
_ODD_ASCII_WS = tuple(c for c in _ODD_WS_CHARS if c.isascii())  # \t, \v, \f, \x1c-\x1f


def _ws_is_clean(text: str, odd_ws: bool = True) -> bool:
    """No white space to collapse or strip: ``_collapse_ws`` would return ``text`` as it is.

    ``odd_ws=False``: the caller knows the text has no white space but " " (and line breaks)."""
    # isprintable() is False for any white space but " ": a fast test before the regex.
    # Without "  ", _WS_RUN finds something only where it finds _ODD_WS (a faster scan).
    return (not text or not (text[0].isspace() or text[-1].isspace())) and "  " not in text \
        and (not odd_ws or text.isprintable() or not _ODD_WS.search(text))


def _collapse_ws(text: str, tmap: TextMap):
    """Runs of white space become one space; the ends are stripped. Map-aware."""
    if _ws_is_clean(text):
        return text, tmap, lambda p: p
    lead = len(text) - len(text.lstrip())
    trail = len(text.rstrip())
    builder = TextBuilder()
    removed: list[tuple[int, int]] = [(0, lead)] if lead else []
    prev = lead
    for m in _WS_RUN.finditer(text, lead, trail):
        builder.add_mapped(text[prev:m.start()], _sub_map(tmap, prev, m.start()))
        builder.add_synthetic(" ", tmap.to_original(m.start()))
        if m.end() - m.start() > 1:
            removed.append((m.start() + 1, m.end()))
        prev = m.end()
    builder.add_mapped(text[prev:trail], _sub_map(tmap, prev, trail))
    if trail < len(text):
        removed.append((trail, len(text)))
    out, out_map = builder.build(end_original=tmap.to_original(trail - 1) + 1 if trail else tmap.end_original)
    return out, out_map, _shifter(removed)


def _overlaps(a: int, b: int, ranges: list[tuple[int, int]]) -> bool:
    return any(x < b and a < y for x, y in ranges)


def _mask(text: str, dels: list[tuple[int, int]]) -> str:
    if not dels:
        return text
    chars = list(text)
    for a, b in dels:
        for k in range(a, min(b, len(chars))):
            chars[k] = "\x00"
    return "".join(chars)


# ----------------------------------------------------------------------------
# the normalizer


class _Normalizer:
    def __init__(self, source: SourceText):
        self.source = source
        self.text = source.text
        self.directives: list[Directive] = []
        self.markers: list[Marker] = []
        self.footnotes: list[tuple[str, LogicalLine]] = []
        self.formatting_known = source.format in ("markdown", "docx")
        self.max_label = 0
        self.labels: set[str] = set()
        # Per-document facts that spare a scan of every line.
        # Lines are cut from the text (comments and \f, \v blanked): what the text lacks,
        # no line has, and the per-line searches for it can be skipped. Superscripts and
        # most odd white space are not ASCII: a line that is (most lines; isascii() costs
        # nothing) has none of them either.
        self._has_superscripts = any(c in self.text for c in SUPERSCRIPTS)
        self._has_known_formatting = bool(source.italics or source.bold)
        # (a search for one rare character first: many times faster than for two)
        self._has_md_refs = "^" in self.text and "[^" in self.text
        self._has_hash = "#" in self.text
        self._odd_ascii_ws = any(c in self.text for c in _ODD_ASCII_WS)
        self._has_emphasis_marks = "*" in self.text or "_" in self.text
        self._has_word_hyphens = "\u2010" in self.text or "\u2011" in self.text

    def _is_plain(self, text: str) -> bool:
        """Would ``_cleaned`` give the line ``text`` back as it is (no map, no emphasis)?

        For a line that is not empty, in a document without formatting of its own (Word's).
        The line has nothing ``_cleaned`` and ``_clean`` take out or change: no superscript
        marker or Word hyphen (an ASCII line has none), no emphasis mark, heading or
        Markdown note reference (each sought only if the document has one: see __init__),
        and no white space to collapse (``_ws_is_clean``'s test)."""
        if text.isascii():
            odd_ws = self._odd_ascii_ws
        else:
            if self._has_superscripts and any(c in text for c in SUPERSCRIPTS):
                return False
            if self._has_word_hyphens and ("\u2010" in text or "\u2011" in text):
                return False
            odd_ws = True
        return not (text[0].isspace() or text[-1].isspace()) and "  " not in text \
            and not (self._has_emphasis_marks and ("*" in text or "_" in text)) \
            and not (self._has_hash and "#" in text) \
            and not (self._has_md_refs and "[^" in text) \
            and (not odd_ws or text.isprintable() or not _ODD_WS.search(text))

    # -- entry point ---------------------------------------------------------
    def run(self) -> Normalized:
        lines = _split_lines(self.text)
        lines = self._take_directives(lines)
        auth = find_authoring_line(lines)
        if auth is None:
            head_end = self._guess_header_end(lines)
            header_raw, body_raw = lines[:head_end], lines[head_end:]
            authoring = None
        else:
            header_raw, body_raw = lines[:auth], lines[auth + 1:]
            authoring = self._logical([lines[auth]])
            # "The General Assembly, Recalling ..." glued on one line
            rest = vocabulary.AUTHORING_LINE.match(_strip_emphasis(lines[auth].text.strip()))
            if rest and rest.group("rest"):
                authoring, glued = self._split_glued_authoring(lines[auth])
                if glued is not None:
                    body_raw = [glued] + body_raw
        header = self._header_lines(header_raw)
        body_raw = self._extract_footnotes(body_raw)
        blank = [_is_blank(raw) for raw in body_raw]  # (read several times by both)
        layout = self._layout(body_raw, blank)
        body = self._join(body_raw, layout, blank)
        self._digit_markers(body)
        self._inline_notes(body)
        return Normalized(header, authoring, body, self.footnotes, self.markers, self.directives,
                          self.formatting_known, layout)

    # -- directives ------------------------------------------------------------
    def _take_directives(self, lines: list[_Raw]) -> list[_Raw]:
        if "<" not in self.text or "<!--" not in self.text:  # ("<" first: see __init__)
            return lines  # (no comment in the text: none in a line)
        out = []
        for raw in lines:
            if "<!--" not in raw.text:
                out.append(raw)
                continue
            for m in _DIRECTIVE.finditer(raw.text):
                action = m.group(1).lower()
                action = "ignore-file" if action == "ignore-file" else "ignore"
                codes = tuple(c for c in re.split(r"[\s,]+", m.group(2).strip()) if c)
                self.directives.append(Directive(action, codes, Span(raw.start + m.start(), raw.start + m.end())))
            stripped = _HTML_COMMENT.sub(lambda m: " " * len(m.group(0)), raw.text)
            out.append(_Raw(stripped, raw.start))
        return out

    # -- header ----------------------------------------------------------------
    def _guess_header_end(self, lines: list[_Raw]) -> int:
        """Without an authoring line: the header ends after the draft/title lines."""
        limit = min(len(lines), 60)
        kind_line = None
        for i in range(limit):
            s = _strip_emphasis(lines[i].text.strip())
            if vocabulary.KIND_LINE.search(s):
                kind_line = i
                break
        if kind_line is not None and "amendment" in lines[kind_line].text.lower():
            # An amendment has no authoring line; the title of the draft it amends follows.
            title_end = self._title_block_end(lines, kind_line + 1)
            if title_end is not None:
                return title_end
        for i in range(kind_line + 1 if kind_line is not None else 0, len(lines)):
            s = _strip_emphasis(lines[i].text.strip())
            if not s:
                continue
            if vocabulary.starts_paragraph(s) and (kind_line is not None or vocabulary.starts_with_opener(s)):
                return i
            if kind_line is None and i > limit:
                break
        if kind_line is not None:
            return kind_line + 1
        # No header we recognise: keep only leading masthead furniture out of the body.
        i = 0
        while i < len(lines) and (_is_blank(lines[i]) or _is_furniture(lines[i].text.strip())):
            i += 1
        return i

    def _title_block_end(self, lines: list[_Raw], start: int) -> Optional[int]:
        """After the kind line ("Singapore: amendments to draft resolution A/C.3/80/L.41"), the
        end of the title that follows it, even one that opens with a participle ("Strengthening
        technical cooperation ..."); None when what follows is not a title. The title is the
        first block of lines (up to three); it is neither numbered nor lettered, and it ends
        with no comma, semicolon or colon, as a preambular paragraph or an instruction would."""
        # (past the rest of a kind line wrapped over several lines, and blank lines)
        i = vocabulary.kind_line_end([raw.text for raw in lines], start)
        while i < len(lines) and _is_blank(lines[i]):
            i += 1
        end = i
        while end < len(lines) and not _is_blank(lines[end]) and end - i < 4:
            end += 1
        block = [_strip_emphasis(raw.text.strip()) for raw in lines[i:end]]
        if (not block or end - i >= 4 or end >= len(lines) or block[-1][-1:] in ",;:"
                or re.match(r"\d{1,3}\s?\.|\(", block[0])):
            return None
        return end

    def _header_lines(self, raws: list[_Raw]) -> list[LogicalLine]:
        out: list[LogicalLine] = []
        blank = 0
        for raw in raws:
            if _is_blank(raw):
                blank += 1
                continue
            for piece in self._split_glued(raw):
                line = self._logical([piece])
                line.blank_before = blank
                line.furniture = _is_furniture(line.text)
                if line.text:
                    out.append(line)
            blank = 0
        return out

    def _split_glued(self, raw: _Raw) -> list[_Raw]:
        """``Human Rights Council**Fifty-sixth session**`` is two header lines."""
        # "United Nations      A/RES/80/197": masthead columns on one line; "Body**Session**"
        if "**" not in raw.text and "   " not in raw.text and "\t" not in raw.text:
            return [raw]  # (neither regex can match: the usual header line)
        cuts = sorted([m.start() for m in _GLUED_BOLD.finditer(raw.text)] +
                      [m.end() for m in _WIDE_GAP.finditer(raw.text)])
        if not cuts:
            return [raw]
        pieces, prev = [], 0
        for c in cuts:
            pieces.append(_Raw(raw.text[prev:c], raw.start + prev))
            prev = c
        pieces.append(_Raw(raw.text[prev:], raw.start + prev))
        return pieces

    def _split_glued_authoring(self, raw: _Raw) -> tuple[LogicalLine, Optional[_Raw]]:
        m = re.search(r",\s*", raw.text)
        if m is None:
            return self._logical([raw]), None
        head = _Raw(raw.text[: m.start() + 1], raw.start)
        tail = _Raw(raw.text[m.end():], raw.start + m.end())
        return self._logical([head]), tail

    # -- footnotes ---------------------------------------------------------------
    def _extract_footnotes(self, lines: list[_Raw]) -> list[_Raw]:
        """Take footnote blocks out of the body; return the remaining lines.

        A removed block leaves a blank line behind so the joiner sees a break,
        and lower-case continuation text after it still rejoins its paragraph.
        """
        has_asterisk_marker = bool(_ASTERISK_MARKER.search(self.text, 0, 20000))
        trailing_notes = _trailing_note_run(lines)
        out: list[_Raw] = []
        i = 0
        n = len(lines)
        while i < n:
            raw = lines[i]
            s = raw.text.strip()
            if not s:  # (a blank line is none of the cases below)
                out.append(raw)
                i += 1
                continue
            if i == trailing_notes:
                i = self._footnote_block(lines, i)
                out.append(_Raw("", raw.start))
                continue
            md = _MD_FOOTNOTE_DEF.match(s) if s[0] == "[" else None
            if md:
                j = i + 1
                block = [raw]
                while j < n and lines[j].text.startswith(("    ", "\t")) and lines[j].text.strip():
                    block.append(lines[j])
                    j += 1
                self._add_footnote(md.group("label"), block, label_len=md.end() + _indent(raw.text))
                out.append(_Raw("", raw.start))
                i = j
                continue
            if s[0] == "_" and _RULE_LINE.match(raw.text):  # (the line is all underscores)
                i = self._footnote_block(lines, i + 1)
                out.append(_Raw("", raw.start))
                continue
            star = _STAR_NOTE.match(s) if has_asterisk_marker and i > 0 else None
            if star:  # "* State not a member ...", or "\* ..." escaped in Markdown
                self._add_footnote(star.group(1), [raw], label_len=_indent(raw.text) + star.end(1))
                out.append(_Raw("", raw.start))
                i += 1
                continue
            stripped = s
            if stripped and _is_furniture(stripped):
                out.append(_Raw("", raw.start, furniture=True))
                i += 1
                continue
            out.append(raw)
            i += 1
        return out

    def _footnote_block(self, lines: list[_Raw], i: int) -> int:
        n = len(lines)
        current: list[_Raw] = []
        label = None
        fn_indent = None
        text_col = -1
        blank_run = 0
        while i < n:
            raw = lines[i]
            s = raw.text.strip()
            if not s:
                blank_run += 1
                i += 1
                continue
            if _is_furniture(s):
                i += 1
                continue
            m = _FOOTNOTE_START.match(s)
            # (ASCII digits only: int() cannot read a superscript label, "³".isdigit() though it is)
            if (m and label is not None and label.isascii() and label.isdecimal()
                    and m.group("label").isascii() and m.group("label").isdecimal()
                    and not current[-1].text.rstrip().endswith((".", ".)"))
                    and (int(m.group("label")) != int(label) + 1
                         or re.match(r"\d{1,3}\s*(?:[–-]|and\b|(?:January|February|March|April|May|June|July|August|September|October|November|December)\b)", s))):
                m = None  # a wrapped note's next line that starts with a number ("26 August 2002")
            if m and not re.match(r"^\d{1,3}\.\s", s):
                if label is not None:
                    self._add_footnote_lines(label, current)
                label, current = m.group("label"), [raw]
                fn_indent = _indent(raw.text)
                text_col = fn_indent + m.end()  # where the note's words start: a hanging indent aligns there
                blank_run = 0
                i += 1
                continue
            if label is None:
                # a rule line followed by ordinary text: not a footnote block
                return i
            # One blank line inside a note that has not ended its sentence is double
            # spacing ("... Council, 2004," / blank / "Supplement No. 3 ..."), not its end.
            runs_on = blank_run == 1 and not current[-1].text.rstrip().endswith(".")
            indent = _indent(raw.text)
            ends = (
                vocabulary.starts_paragraph(s)
                or (fn_indent is not None and indent > fn_indent and indent != text_col)
                or (blank_run > 0 and not runs_on)
            )
            if ends:
                break
            blank_run = 0
            current.append(raw)
            i += 1
        if label is not None:
            self._add_footnote_lines(label, current)
        return i

    def _add_footnote_lines(self, label: str, raws: list[_Raw]) -> None:
        first = raws[0]
        s = first.text
        ind = _indent(s)
        m = _FOOTNOTE_START.match(s[ind:])
        label_len = ind + (m.end() if m else len(label))
        # GA texts put several asterisk notes on one line: "* A/80/150. ** Any changes ..."
        if label.startswith("*") and len(raws) == 1:
            parts = list(re.finditer(r"(?:(?<=^)|(?<=\.\s))(\*{1,3})\s+", s[ind:]))
            if len(parts) > 1:
                for k, p in enumerate(parts):
                    a = ind + p.end()
                    b = ind + parts[k + 1].start() if k + 1 < len(parts) else len(s)
                    self._add_footnote(p.group(1), [_Raw(s[a:b], first.start + a)], label_len=0)
                return
        self._add_footnote(label, raws, label_len=label_len)

    def _add_footnote(self, label: str, raws: list[_Raw], label_len: int) -> None:
        label = "".join(_SUPER_TO_DIGIT.get(c, c) for c in label)
        first = _Raw(raws[0].text[label_len:], raws[0].start + label_len)
        line = self._logical([first] + raws[1:], markers=False)
        self.footnotes.append((label, line))
        if label.isdecimal() and label.isascii():
            self.labels.add(label)

    def _inline_notes(self, body: list[LogicalLine]) -> None:
        """Footnote text pasted into the paragraph: ``Assistance,A/HRC/19/50. in``."""
        for idx, line in enumerate(body):
            if "/" not in line.text:
                continue
            matches = list(_INLINE_NOTE.finditer(line.text))
            if not matches:
                continue
            for m in matches:
                self.max_label += 1
                label = str(self.max_label)
                note_map = _sub_map(line.tmap, m.start(), m.end())
                self.footnotes.append((label, LogicalLine(m.group(1), note_map)))
                self.markers.append(Marker(label, line.tmap.span(m.start(), m.end()), "inline"))
            body[idx] = _remove_ranges(line, [(m.start(), m.end()) for m in matches])

    # -- markers -------------------------------------------------------------------
    def _marker_deletions(self, raw: _Raw) -> list[tuple[int, int]]:
        s = raw.text
        dels: list[tuple[int, int]] = []
        for m in _SUPER_RUN.finditer(s):
            label = "".join(_SUPER_TO_DIGIT[c] for c in m.group(0))
            a, b = m.start(), m.end()
            # "Development ¹ and": the marker took a space of its own
            if a > 0 and s[a - 1] == " " and b < len(s) and s[b] == " ":
                a -= 1
            dels.append((a, b))
            self._note_marker(label, Span(raw.start + m.start(), raw.start + m.end()), "superscript")
        if "[^" in s:
            for m in _MD_FOOTNOTE_REF.finditer(s):
                dels.append((m.start(), m.end()))
                self._note_marker(m.group("label"), Span(raw.start + m.start(), raw.start + m.end()), "markdown")
        return dels

    def _digit_markers(self, body: list[LogicalLine]) -> None:
        """Plain digits glued to text (``19931``, ``2004,2``, ``Action3``) that name a real footnote."""
        if not self.labels:
            return
        # Digits are the document's marker style only if no superscript/Markdown marker was seen.
        digit_style = not any(m.style in ("superscript", "markdown") for m in self.markers)
        for idx, line in enumerate(body):
            s = line.text
            candidates: list[tuple[int, int, str, bool]] = []
            for m in (_DIGIT_MARK_ASCII if s.isascii() else _DIGIT_MARK).finditer(s):
                a, b = m.span()
                before = s[a - 1]  # every branch has a character before the digit
                if m.group("year") is not None:
                    if _MONTH_BEFORE.search(s, max(a - 10, 0), a):
                        candidates.append((m.start("year"), b, m.group("year"), False))
                elif before in ",;:.":
                    candidates.append((a, b, m.group(), s[a - 2] in _MARK_AFTER))
                elif before == " ":
                    if self._followed_by_wide_space(line, b):
                        candidates.append((a - 1, b, m.group(), False))  # the span takes the space
                elif before.isalpha() and _in_symbol(s, a):
                    continue  # "A/HRC/60/31/Add1": a symbol's modifier, miswritten, not a note
                else:
                    candidates.append((a, b, m.group(), False))
            candidates.sort()
            ranges: list[tuple[int, int]] = []
            for a, b, label, after_word in candidates:
                if ranges and a < ranges[-1][1]:
                    continue
                if label not in self.labels:
                    # A marker whose note is missing: believed only where it is certain,
                    # i.e. the next number of a run of digit markers ("session,4 and" after
                    # markers 1-3), glued to a word's final punctuation ("3,4" is a list).
                    if not (after_word and digit_style and 1 <= self.max_label == int(label) - 1):
                        continue
                elif int(label) > self.max_label + 1:
                    continue
                ranges.append((a, b))
                start = a + (1 if s[a] == " " else 0)
                self._note_marker(label, line.tmap.span(start, b), "digits")
            if ranges:
                body[idx] = _remove_ranges(line, ranges)

    def _followed_by_wide_space(self, line: LogicalLine, pos: int) -> bool:
        orig = line.tmap.to_original(pos - 1) + 1
        return self.text[orig:orig + 2] == "  "

    def _note_marker(self, label: str, span: Span, style: str) -> None:
        self.markers.append(Marker(label, span, style))
        if label.isdecimal() and label.isascii() and len(label) <= 4:
            self.max_label = max(self.max_label, int(label))

    # -- joining ---------------------------------------------------------------------
    def _layout(self, lines: list[_Raw], is_blank: list[bool]) -> str:
        """``is_blank[k]``: ``lines[k]`` is blank."""
        content = [k for k, b in enumerate(is_blank) if not b]
        if len(content) < 12:
            return "paragraph-per-line"
        followed_by_single_blank = 0
        unterminated = 0
        for k in content:
            if k + 2 < len(lines) and is_blank[k + 1] and not is_blank[k + 2]:
                followed_by_single_blank += 1
            if not _ends_with_mark(lines[k].text):
                unterminated += 1
        if followed_by_single_blank > 0.7 * len(content) and unterminated > 0.3 * len(content):
            return "double-spaced"
        adjacent = sum(1 for k in content if k + 1 < len(lines) and not is_blank[k + 1])
        return "wrapped" if adjacent > 0.3 * len(content) else "paragraph-per-line"

    def _join(self, lines: list[_Raw], layout: str, is_blank: list[bool]) -> list[LogicalLine]:
        """Physical lines into paragraphs (``is_blank[k]``: ``lines[k]`` is blank)."""
        paragraphs: list[tuple[list[_Raw], int]] = []
        current: list[_Raw] = []
        blank = 0
        blank_before_current = 0
        soft_gap = 1 if layout == "double-spaced" else 0
        for raw, raw_is_blank in zip(lines, is_blank):
            if raw_is_blank:
                if not raw.furniture:
                    blank += 1
                continue
            s = raw.text.strip()
            if current and not self._starts_new(current, raw, s, blank, soft_gap):
                current.append(raw)
            else:
                if current:
                    paragraphs.append((current, blank_before_current))
                current = [raw]
                blank_before_current = blank
            blank = 0
        if current:
            paragraphs.append((current, blank_before_current))
        out = []
        for raws, blank_before in paragraphs:
            line = self._logical(raws)
            line.blank_before = blank_before
            if line.text:
                out.append(line)
        return out

    def _starts_new(self, current: list[_Raw], raw: _Raw, s: str, blank: int, soft_gap: int) -> bool:
        if self.source.format == "docx":
            return True  # a Word paragraph is a paragraph; no guessing
        s_plain = _strip_emphasis(s)
        lower_start = s_plain[:1].islower()
        if blank > soft_gap and not lower_start:
            return True  # a real gap (the usual case: settled before the tests below)
        prev = current[-1].text.rstrip()
        prev_s = _strip_emphasis(prev.strip())
        terminal = _ends_with_mark(prev_s) or prev_s.endswith(("*", "…"))
        if blank > soft_gap:
            # a real gap, unless the text visibly runs on (page break): lower case after no mark
            return terminal
        if not terminal and not soft_gap:
            # (mid-sentence in a wrapped text, the usual case: of the tests below, only
            # the first can hold without a mark before the line or a soft gap)
            return bool(vocabulary.NUMBERED_PARAGRAPH.match(s_plain)) and \
                vocabulary.starts_with_operative(s_plain[s_plain.find(".") + 1:].strip())
        if vocabulary.NUMBERED_PARAGRAPH.match(s_plain) and (terminal or vocabulary.starts_with_operative(s_plain[s_plain.find(".") + 1:].strip())):
            return True
        if vocabulary.SUBPARAGRAPH_LABEL.match(s_plain) and terminal:
            return True
        if terminal and vocabulary.SECTION_HEADING_LINE.match(s_plain) and len(s_plain) < 160 \
                and not _ends_with_mark(s_plain):
            return True  # a section heading between paragraphs, even in a double-spaced layout
        if soft_gap and prev_s.endswith((";", ".")) and s_plain[:1].isupper() and len(s_plain.split()) <= 10 \
                and not _ends_with_mark(s_plain) and not s_plain.endswith(","):
            return True  # a heading after a finished paragraph ("Income section 3 Services to the public")
        if terminal and vocabulary.NEGOTIATION_PREFIX.match(s_plain):
            return True  # "OP7 bis Urges ...": a paragraph with its negotiation label still on
        bare = vocabulary.NUMBER_WITHOUT_STOP.match(s_plain)
        if bare and terminal and vocabulary.starts_with_operative(s_plain[bare.end():]):
            return True
        if terminal and vocabulary.starts_with_opener(s_plain, strict=True):
            return True
        if terminal and not prev_s.endswith(":") and vocabulary.starts_with_operative(s_plain) and s_plain[:1].isupper():
            return True
        if soft_gap and vocabulary.starts_with_opener(s_plain, strict=True) and not lower_start:
            return True
        if vocabulary.is_closing_line(s_plain) and (terminal or soft_gap):
            return True
        ind_prev = _indent(current[-1].text)
        ind_now = _indent(raw.text)
        if terminal and ind_now > ind_prev and len(current) > 1 and ind_now - ind_prev <= 8:
            return True
        return False

    def _known_formatting(self, raw: _Raw) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
        if not (self.source.italics or self.source.bold):
            return [], []
        a, b = raw.start, raw.start + len(raw.text)

        def clip(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
            return [(max(x, a) - a, min(y, b) - a) for x, y in spans if x < b and y > a]

        return clip(self.source.italics), clip(self.source.bold)

    # -- building logical lines ----------------------------------------------------------
    def _logical(self, raws: list[_Raw], markers: bool = True) -> LogicalLine:
        """The physical lines ``raws`` cleaned and joined by spaces into one logical line."""
        if len(raws) == 1:
            return self._logical_one(raws[0], markers)
        # The text and map are assembled here as ``TextBuilder`` would (add_mapped per line,
        # add_synthetic for each joining space), without a builder and without the
        # identity maps of lines that need no cleaning: this runs for every paragraph.
        parts: list[str] = []
        text_starts: list[int] = []
        orig_starts: list[int] = []
        length = 0
        italics: list[tuple[int, int]] = []
        bold: list[tuple[int, int]] = []
        only_map = None  # the map of the text when it is a single cleaned line
        for k, raw in enumerate(raws):
            text, tmap, it, bd = self._cleaned(raw, markers, k == 0)
            if not text:
                continue
            if length:
                prev = raws[k - 1]
                text_starts.append(length)
                orig_starts.append(prev.start + len(prev.text))
                parts.append(" ")
                length += 1
                only_map = None
            else:
                only_map = tmap
            base = length
            if tmap is None:
                text_starts.append(base)
                orig_starts.append(raw.start)
            else:
                tmap.add_starts(text_starts, orig_starts, base)
            parts.append(text)
            length += len(text)
            if it:
                italics.extend([(a + base, b + base) for a, b in it])
            if bd:
                bold.extend([(a + base, b + base) for a, b in bd])
        end = raws[-1].start + len(raws[-1].text.rstrip()) if raws else 0
        text = parts[0] if len(parts) == 1 else "".join(parts)
        if only_map is not None and only_map.length == length and only_map.end_original == end:
            tmap = only_map  # the same segments, length and end: maps are never changed after building
        else:
            tmap = TextMap.from_starts(text_starts, orig_starts, length, end)
        return LogicalLine(text, tmap, _merge(italics) if italics else [], _merge(bold) if bold else [],
                           _indent(raws[0].text) if raws else 0, 0, 0)

    def _logical_one(self, raw: _Raw, markers: bool) -> LogicalLine:
        """``_logical([raw])``: the same line, without the joining (most paragraphs are one line)."""
        text = raw.text
        if text and not self._has_known_formatting and self._is_plain(text):
            # What the path below gives such a line (most lines): the text itself, mapped
            # one for one from its start; no white space at either end, so no indent.
            return LogicalLine(text, TextMap.identity(raw.start, len(text)))
        text, tmap, it, bd = self._cleaned(raw, markers, True)
        end = raw.start + len(raw.text.rstrip())
        if not text:
            tmap, it, bd = TextMap.from_starts((), (), 0, end), (), ()
        elif tmap is None:
            tmap = TextMap.from_starts((0,), (raw.start,), len(text), end)
        elif tmap.length != len(text) or tmap.end_original != end:
            tmap = TextMap(tmap.segments(), len(text), end)
        return LogicalLine(text, tmap, _merge(it) if it else [], _merge(bd) if bd else [], _indent(raw.text), 0, 0)

    def _cleaned(self, raw: _Raw, markers: bool, first: bool):
        """One physical line through ``_clean``: (text, map or None, italics, bold).

        Its footnote markers are noted (``markers``) and taken out, with a Markdown
        heading's hashes; ``first``: the line opens its paragraph."""
        raw_text = raw.text
        if raw_text and not self._has_known_formatting and self._is_plain(raw_text):
            return raw_text, None, [], []  # (what _clean gives it: see _is_plain)
        is_ascii = raw_text.isascii()
        dels = self._marker_deletions(raw) if markers and (
            self._has_md_refs and "[^" in raw_text or self._has_superscripts and not is_ascii
        ) else []
        if self._has_hash and "#" in raw_text:
            heading = _MD_HEADING.match(raw_text.lstrip())
            if heading:
                off = _indent(raw_text)
                dels.append((off, off + heading.end()))
        if self._has_known_formatting:
            text, tmap, it, bd = _clean(raw_text, raw.start, dels, *self._known_formatting(raw),
                                     odd_ws=self._odd_ascii_ws or not is_ascii)
        else:
            text, tmap, it, bd = _clean(raw_text, raw.start, dels, odd_ws=self._odd_ascii_ws or not is_ascii)
        if it and first and it[0][0] <= 6:
            # An italic opening ("*Recalling*", "1. *Decides*") shows that this text
            # italicizes openings. Bold alone (headings marked ** by a PDF converter)
            # or an italic "*inter alia*" in mid-sentence says nothing about them.
            self.formatting_known = True
        return text, tmap, it, bd


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Adjacent emphasis runs across a joined line break become one span."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(b, out[-1][1]))
        else:
            out.append((a, b))
    return out


def _sub_map(tmap: TextMap, start: int, end: int) -> TextMap:
    """The map of ``text[start:end]`` as a map of its own."""
    return tmap.slice(start, end)


def _remove_ranges(line: LogicalLine, ranges: list[tuple[int, int]]) -> LogicalLine:
    """``line`` without the characters in ``ranges`` (and the white space they leave doubled)."""
    text, tmap = line.text, line.tmap
    merged = _merge_ranges(ranges, len(text))
    builder = TextBuilder()
    prev = 0
    for a, b in merged:
        builder.add_mapped(text[prev:a], _sub_map(tmap, prev, a))
        prev = b
    builder.add_mapped(text[prev:], _sub_map(tmap, prev, len(text)))
    new_text, new_map = builder.build(end_original=tmap.end_original)
    shift = _shifter(merged)
    new_text, new_map, shift2 = _collapse_ws(new_text, new_map)

    def conv(p: int) -> int:
        return shift2(shift(p))

    italics = [(conv(a), conv(b)) for a, b in line.italics]
    bold = [(conv(a), conv(b)) for a, b in line.bold]
    return LogicalLine(new_text, new_map, [x for x in italics if x[1] > x[0]], [x for x in bold if x[1] > x[0]],
                       line.indent, line.blank_before, line.line_no, line.furniture)


def _collapse_spaces(text: str, tmap: TextMap) -> tuple[str, TextMap]:
    builder = TextBuilder()
    prev = 0
    for m in re.finditer(r"  +", text):
        builder.add_mapped(text[prev:m.start() + 1], _sub_map(tmap, prev, m.start() + 1))
        prev = m.end()
    builder.add_mapped(text[prev:], _sub_map(tmap, prev, len(text)))
    out, out_map = builder.build(end_original=tmap.end_original)
    stripped = out.rstrip()
    if len(stripped) != len(out):
        out_map = _sub_map(out_map, 0, len(stripped))
        out = stripped
    return out, out_map


def normalize(source: SourceText) -> Normalized:
    """Turn a source text into header lines, an authoring line, body paragraphs and footnotes."""
    return _Normalizer(source).run()
