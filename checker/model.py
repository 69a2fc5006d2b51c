"""The document model: what the parser produces and the rules read.

Every node keeps its normalized ``text`` and a ``TextMap`` that converts an
offset inside that text back to an offset in the user's original file, so a
finding can always point at the exact original line and column.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from itertools import accumulate, repeat
from operator import add
from typing import Iterator, Optional

DOCUMENT_KINDS = (
    "draft-resolution",
    "draft-decision",
    "resolution",
    "decision",
    "amendment",
    "not-a-resolution",
)


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open range of character offsets into the original text."""

    start: int
    end: int


class TextMap:
    """Maps offsets of a normalized string to offsets of the original text.

    Stored as monotone segments ``(text_offset, original_offset)``: inside a
    segment characters map one to one; a new segment starts wherever the
    normalizer dropped, replaced or inserted characters.
    """

    __slots__ = ("_text_starts", "_orig_starts", "length", "end_original")

    def __init__(self, segments: list[tuple[int, int]], length: int, end_original: int):
        # Two parallel tuples (bisect works on them); zip(*) builds them in C.
        self._text_starts, self._orig_starts = tuple(zip(*segments)) or ((), ())
        self.length = length
        self.end_original = end_original

    @classmethod
    def identity(cls, start: int, length: int) -> "TextMap":
        tmap = cls.__new__(cls)
        tmap._text_starts, tmap._orig_starts = (0,), (start,)
        tmap.length, tmap.end_original = length, start + length
        return tmap

    @classmethod
    def from_starts(cls, text_starts: list[int], orig_starts: list[int], length: int, end_original: int) -> "TextMap":
        """The map whose ``segments()`` pair up ``text_starts`` and ``orig_starts``.

        For maps assembled from other maps' starts (``add_starts``): no pairs to
        build and unzip again, which cost the normalizer and parser per paragraph."""
        tmap = cls.__new__(cls)
        tmap._text_starts, tmap._orig_starts = tuple(text_starts), tuple(orig_starts)
        tmap.length, tmap.end_original = length, end_original
        return tmap

    def add_starts(self, text_starts: list[int], orig_starts: list[int], shift: int = 0) -> None:
        """Append this map's segment starts to the two lists, text offsets moved by ``shift``."""
        text_starts.extend([t + shift for t in self._text_starts] if shift else self._text_starts)
        orig_starts.extend(self._orig_starts)

    def open_end(self) -> int:
        """The original offset the last segment runs on to at the text's end (the
        ``end_original`` ``TextBuilder.build()`` gives a text of mapped pieces)."""
        if not self._text_starts:
            return 0
        return self._orig_starts[-1] + (self.length - self._text_starts[-1])

    def to_original(self, offset: int) -> int:
        """Original offset of the character at ``offset`` (clamped to the text)."""
        if not self._text_starts:
            return self.end_original
        if offset >= self.length:
            return self.end_original
        offset = max(offset, 0)
        i = bisect.bisect_right(self._text_starts, offset) - 1
        return self._orig_starts[i] + (offset - self._text_starts[i])

    def span(self, start: int, end: int) -> Span:
        """Original span covering normalized ``[start, end)``."""
        if end <= start:
            pos = self.to_original(start)
            return Span(pos, pos)
        first = self.to_original(start)
        last = self.to_original(end - 1) + 1
        return Span(first, max(first, last))

    def segments(self) -> list[tuple[int, int]]:
        return list(zip(self._text_starts, self._orig_starts))

    def slice(self, start: int, end: int) -> "TextMap":
        """The map of ``text[start:end]`` as a map of its own (O(log n + k))."""
        first = max(bisect.bisect_right(self._text_starts, start) - 1, 0)
        last = bisect.bisect_left(self._text_starts, end)
        out = []
        for k in range(first, last):
            t, o = self._text_starts[k], self._orig_starts[k]
            t_next = self._text_starts[k + 1] if k + 1 < len(self._text_starts) else self.length
            if t_next <= start or t >= end:
                continue
            a = max(t, start)
            out.append((a - start, o + (a - t)))
        if not out:
            pos = self.to_original(start)
            return TextMap([(0, pos)], max(end - start, 0), pos)
        return TextMap(out, end - start, self.span(start, end).end if end > start else self.to_original(start))


class TextBuilder:
    """Builds a normalized string together with its ``TextMap``."""

    __slots__ = ("_parts", "_segments", "_length", "_last_orig_end")

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._segments: list[tuple[int, int]] = []
        self._length = 0
        self._last_orig_end = 0

    def __len__(self) -> int:
        return self._length

    def add(self, text: str, orig_start: int) -> None:
        """Append ``text`` copied verbatim from ``orig_start`` in the original."""
        if not text:
            return
        contiguous = (
            self._segments
            and self._last_orig_end == orig_start
            and self._segments[-1][1] + (self._length - self._segments[-1][0]) == orig_start
        )
        if not contiguous:
            self._segments.append((self._length, orig_start))
        self._parts.append(text)
        self._length += len(text)
        self._last_orig_end = orig_start + len(text)

    def add_synthetic(self, text: str, orig_pos: int) -> None:
        """Append characters that stand for something at ``orig_pos`` (a joined line break)."""
        for ch in text:
            self._segments.append((self._length, orig_pos))
            self._parts.append(ch)
            self._length += 1
        self._last_orig_end = -1

    def add_mapped(self, text: str, tmap: TextMap) -> None:
        """Append an already-normalized string with its own map."""
        for t_start, o_start in tmap.segments():
            self._segments.append((self._length + t_start, o_start))
        self._parts.append(text)
        self._length += len(text)
        self._last_orig_end = -1

    def build(self, end_original: int | None = None) -> tuple[str, TextMap]:
        text = "".join(self._parts)
        if end_original is None:
            end_original = self._last_orig_end if self._last_orig_end >= 0 else (
                self._segments[-1][1] + (self._length - self._segments[-1][0]) if self._segments else 0
            )
        return text, TextMap(self._segments, self._length, end_original)


# Structural nodes compare by identity (eq=False): two paragraphs with the same
# words are still two paragraphs, and field-by-field __eq__ was slow to generate
# at import and to run in ``node in nodes``.
@dataclass(slots=True, eq=False)
class Node:
    """A text-bearing structural node.

    ``scope`` is the rule scope it answers to; ``address`` is its structural
    name in drafters' terms (``PP3``, ``OP5(a)``, ``FN2``).
    """

    scope: str
    address: str
    text: str
    tmap: TextMap
    italics: list[tuple[int, int]] = field(default_factory=list)
    bold: list[tuple[int, int]] = field(default_factory=list)

    @property
    def span(self) -> Span:
        return self.tmap.span(0, len(self.text))

    def span_of(self, start: int, end: int) -> Span:
        return self.tmap.span(start, end)


@dataclass(slots=True, eq=False)
class SubParagraph(Node):
    """A labelled item of a paragraph: "(a)", "(ii)", with the items nested under it."""
    label: str = ""
    level: int = 1
    # Offset in ``text`` where the body starts (after the "(a)" label).
    body_start: int = 0
    children: list["SubParagraph"] = field(default_factory=list)
    parent: Optional["Paragraph"] = None
    enclosing: Optional["SubParagraph"] = None  # the first-degree item a second-degree item sits in

    @property
    def body(self) -> str:
        return self.text[self.body_start:]

    def walk(self) -> Iterator["SubParagraph"]:
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(slots=True, eq=False)
class Paragraph(Node):
    """A preambular or operative paragraph; ``text`` includes its sub-paragraphs.

    ``chapeau`` is the introductory text before the first sub-paragraph
    (the whole paragraph when there are none). ``label`` is the number as
    printed ("5."), empty when unnumbered; ``body_start`` is where the text
    after the label begins.
    """

    number: Optional[int] = None
    label: str = ""
    body_start: int = 0
    opening: str = ""
    chapeau_end: int = 0
    subparagraphs: list[SubParagraph] = field(default_factory=list)
    part: str = ""  # "A", "B" in a composite resolution
    index: int = 0  # 1-based position among its siblings

    @property
    def body(self) -> str:
        return self.text[self.body_start:]

    @property
    def chapeau(self) -> str:
        return self.text[self.body_start:self.chapeau_end]

    def all_subparagraphs(self) -> Iterator[SubParagraph]:
        for sub in self.subparagraphs:
            yield from sub.walk()


@dataclass(slots=True, eq=False)
class PreambularParagraph(Paragraph):
    """An unnumbered paragraph of the preamble ("Recalling ...,")."""


@dataclass(slots=True, eq=False)
class OperativeParagraph(Paragraph):
    """A numbered (or lettered) paragraph of the operative part ("1. Decides ...;")."""
    # A decision's operative part is often lettered: "(a) Decides ...; (b) Requests ...".
    # Such paragraphs are addressed OP1, OP2 by position; ``label`` keeps "(a)".
    lettered: bool = False


@dataclass(slots=True, eq=False)
class AnnexParagraph(Paragraph):
    """A paragraph of an annexed text, which keeps its own style."""


@dataclass(slots=True)
class FootnoteMarker:
    """A footnote's marker in the text ("2006,1", "¹", "[^1]")."""
    label: str
    span: Span
    address: str  # address of the node the marker sits in
    style: str  # superscript | digits | markdown | asterisk | inline


@dataclass(slots=True, eq=False)
class Footnote(Node):
    """A footnote's text, with the markers that point at it."""
    label: str = ""
    markers: list[FootnoteMarker] = field(default_factory=list)


@dataclass(slots=True)
class Sponsor:
    """A State in the list of sponsors; ``non_member`` for one marked with an asterisk."""
    name: str
    non_member: bool
    span: Span


@dataclass(slots=True)
class HeaderField:
    """One recognised header item: its value and where it was printed."""

    name: str
    value: str
    span: Span


@dataclass(slots=True, eq=False)
class Header:
    """What the header lines say: organ, committee, session, agenda item, symbol, date, sponsors."""
    body: Optional[str] = None
    committee: Optional[str] = None
    session: Optional[int] = None
    session_text: Optional[str] = None
    session_kind: Optional[str] = None  # regular | special | emergency-special | year
    session_dates: Optional[str] = None
    agenda_item: Optional[str] = None
    agenda_title: Optional[str] = None
    symbol: Optional[str] = None
    distribution: Optional[str] = None
    sponsors: list[Sponsor] = field(default_factory=list)
    kind_line: Optional[str] = None
    adoption_line: Optional[str] = None
    adoption_date: Optional[str] = None
    fields: dict[str, HeaderField] = field(default_factory=dict)
    span: Optional[Span] = None

    def field_span(self, name: str) -> Optional[Span]:
        f = self.fields.get(name)
        return f.span if f else None


@dataclass(slots=True, eq=False)
class Title(Node):
    """The title line, with the resolution number or draft placeholder before it ("56/...")."""
    number: Optional[str] = None  # "56/..." / "28/2" / "2223 (2015)"
    number_session: Optional[int] = None
    placeholder: bool = False


@dataclass(slots=True, eq=False)
class AuthoringLine(Node):
    """"The General Assembly,": the organ that speaks, and whether the comma is there."""
    body: str = ""
    has_comma: bool = False


@dataclass(slots=True, eq=False)
class Closing(Node):
    """What follows the last paragraph of an adopted text: the meeting, its date, how it was adopted."""
    meeting: Optional[str] = None
    date: Optional[str] = None  # ISO yyyy-mm-dd
    adoption: Optional[str] = None


@dataclass(slots=True, eq=False)
class Annex:
    """An annex: its address, title, heading and numbered paragraphs."""
    address: str
    title: str
    span: Span
    paragraphs: list[AnnexParagraph] = field(default_factory=list)
    heading: Optional[Node] = None


@dataclass(slots=True)
class Directive:
    """An inline ``<!-- reslint: ... -->`` comment found in the source."""

    action: str  # ignore | ignore-file
    codes: tuple[str, ...]
    span: Span
    target: Optional[Span] = None  # the paragraph it applies to (next one)


@dataclass(slots=True)
class ParseProblem:
    """A structural problem the parser itself found (a missing authoring line)."""
    code: str  # STR0xx style code of the structural problem
    message: str
    span: Span
    address: str = "DOCUMENT"


@dataclass(slots=True, eq=False)
class Document:
    """The parsed draft: header, title, authoring line, preamble, operative part, annexes, footnotes."""
    path: str
    source: str  # the original text, exactly as read
    kind: str = "not-a-resolution"
    header: Header = field(default_factory=Header)
    title: Optional[Title] = None
    authoring: Optional[AuthoringLine] = None
    part_authoring: list[AuthoringLine] = field(default_factory=list)  # parts B, C ... of a composite text
    preamble: list[PreambularParagraph] = field(default_factory=list)
    operative: list[OperativeParagraph] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    markers: list[FootnoteMarker] = field(default_factory=list)
    closing: Optional[Closing] = None
    annexes: list[Annex] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)  # composite letters, in order
    directives: list[Directive] = field(default_factory=list)
    problems: list[ParseProblem] = field(default_factory=list)
    formatting_known: bool = False  # True when italics were visible (Markdown, Word)
    # "Resolves that:" / "Adopts the following declaration:" before numbered paragraphs
    operative_intro: Optional[Paragraph] = None
    header_node: Optional[Node] = None  # the header lines as one node, for header-scoped rules
    sponsors_node: Optional[Node] = None

    @property
    def body(self) -> Optional[str]:
        if self.authoring is not None:
            return self.authoring.body
        return self.header.body

    @property
    def session(self) -> Optional[int]:
        return self.header.session

    @property
    def is_draft(self) -> bool:
        return self.kind in ("draft-resolution", "draft-decision", "amendment")

    def paragraphs(self) -> Iterator[Paragraph]:
        yield from self.preamble
        yield from self.operative

    def text_nodes(self, annexes: bool = True) -> Iterator[Node]:
        """Every paragraph-level node of the body, in document order.

        ``annexes=False`` leaves out annexed texts: they are often adopted elsewhere
        (a declaration, a conference outcome) and reproduced as they stand."""
        if self.title is not None:
            yield self.title
        yield from self.preamble
        yield from self.operative
        if annexes:
            for annex in self.annexes:
                if annex.heading is not None:
                    yield annex.heading
                yield from annex.paragraphs
        yield from self.footnotes

    def node_at(self, offset: int) -> Optional[Node]:
        for node in self.text_nodes():
            span = node.span
            if span.start <= offset < span.end:
                return node
        return None


_NEWLINE = re.compile(r"\r\n|\r|\n")


class LineIndex:
    """Converts original character offsets to 1-based line and column."""

    __slots__ = ("_starts", "_length")

    def __init__(self, text: str):
        if "\r" in text:
            self._starts = [0] + [m.end() for m in _NEWLINE.finditer(text)]
        else:  # the common case, all in C: each line starts one past the previous line's end
            lengths = map(len, text.split("\n")[:-1])
            self._starts = list(accumulate(map(add, lengths, repeat(1)), initial=0))
        self._length = len(text)

    def position(self, offset: int) -> tuple[int, int]:
        offset = min(max(offset, 0), self._length)
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1

    def offset(self, line: int, column: int) -> int:
        line = min(max(line, 1), len(self._starts))
        return min(self._starts[line - 1] + column - 1, self._length)

    @property
    def line_count(self) -> int:
        return len(self._starts)
