"""Acronyms and their definitions: "the United Nations Development Programme (UNDP)".

``index_acronyms`` lists, for the body of a document (title, preamble,
operative part, footnotes; ``index_annex``: one annex), where each acronym is
defined and where it is used, in original-file order, so that the TRM checks
can tell an acronym used before its definition, never defined, or defined
twice. A use that is not one is left out: a resolution number's letter
("53/77 AA"), a paragraph label ("IS3.3"), a word of a proper name ("the End
TB Strategy"), a word of the full name another acronym is defined by ("the SIDS
Accelerated Modalities of Action (SAMOA) Pathway"), a line of capitals.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterable, Iterator, Optional

from checker.grammar.terms import (CAPITALS_AS_A, TWO_CAPITALS_AS_A, find_acronym_definitions, find_acronym_uses,
                                   find_un_name_uses)
from checker.model import Annex, Document, FootnoteMarker, Node


@dataclass(frozen=True, slots=True)
class Occurrence:
    """An acronym or its definition at one place in one node."""
    node: Node
    start: int  # in node.text
    end: int
    pos: float  # original offset, for document order (a footnote's definitions: after its marker's paragraph)
    acronym: str
    base: str


@dataclass
class AcronymIndex:
    """Every acronym definition and use of the body, in original-file order."""

    defs: dict[str, list[tuple[Occurrence, str]]]  # base -> [(definition, expansion)]
    uses: dict[str, list[Occurrence]]  # base -> uses (not the "(ACR)" of a definition)
    # The name written before a definition whose initials do not fit the acronym (the acronym
    # of an earlier name: "United Nations Population Fund (UNFPA)"), by (base, pos).
    written: dict[tuple[str, int], str] = field(default_factory=dict)


def body_nodes(doc: Document, annexes: bool = True) -> list[Node]:
    """The text of the resolution: title, preamble, operative part, footnotes (and annexes)."""
    return list(doc.text_nodes(annexes=annexes))


def _base(acr: str) -> str:
    return acr[:-1] if acr.endswith("s") and len(acr) > 2 and acr[-2].isupper() else acr


_HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-"})  # non-breaking hyphens: "COVID\u201119", "UN\u2011Women"
QUOTED = re.compile(r"\u201c[^\u201d\n]{0,400}\u201d")
_PARENS = re.compile(r"\([^()\n]{1,80}\)")
# A code, not an acronym: "GC(69)/RES/7", "CL 144/9", "GC(XXXIV)/RES/530".
_DOC_NUMBER = re.compile(r"\s?\((?:\d+|[IVXL]+)\)|\s\d+/\d+|\s+\d+\s*\(\d{4}\)")
_AFTER_NUMBER = re.compile(r"\d+/\d+\s$")  # "53/77 AA": the letter of a resolution number
# A label, not an acronym: "paragraphs IS3.3 and IS3.4 of the report", "article III" (OCR "article HI").
_LABEL_BEFORE = re.compile(r"\b(?:paragraphs?|articles?|sections?|chapters?|parts?|annex(?:es)?|tables?|figures?|rules?)\s+(?:[\w.()-]+,?\s+(?:and\s+|to\s+)?){0,3}$", re.I)
_LABEL_AFTER = re.compile(r"\.\d")
# Inside a proper name, between two of its capitalized words: "the End TB Strategy",
# "the Stop TB Partnership", "An IPCC Special Report on ...". The name is official as it stands.
# The capitalized word before must not open the paragraph or a sentence ("Invites UNDP Executive ...").
# A function word or two may stand between ("Workshop on RFMO Management", "Declaration on the TRIPS
# Agreement"), and the acronym may end a name of two capitalized words or more ("Moscow Declaration
# to End TB"), but then the word just before it is capitalized.
_NAME_WORD_BEFORE = re.compile(r"(?:^|\s)(?P<prev>[^\s.;:()]*[^\s.;:()\d])\s+[A-Z][a-z][\w-]*\s+(?:(?:on|of|for|to|the)\s+){0,2}$")
_NAME_WORD_AFTER = re.compile(r"\s[A-Z][a-z]")
_NAME_ENDING_BEFORE = re.compile(r"(?:^|\s)[^\s.;:()]*[^\s.;:()\d]\s+[A-Z][a-z][\w-]*(?:\s+(?:(?:on|of|for|to|the)\s+){0,2}[A-Z][a-z][\w-]*)+\s$")
_NAME_ENDING_AFTER = re.compile(r"[,;.)]|\s+[a-z]")
_CAPS_WORD = re.compile(r"[A-Z][A-Z'-]{2,}")
# A written name: capitalized words (three at least), function words between them.
_NAME = re.compile(r"[A-Z][\w\u2019'-]*(?:\s+(?:(?:of|the|for|and|on|in|de)\s+)*[A-Z][\w\u2019'-]*){2,}")


def scan_text(node: Node) -> str:
    text = node.text
    # translate() with a table walks every character: only where a non-breaking hyphen occurs.
    return text.translate(_HYPHENS) if "\u2010" in text or "\u2011" in text else text


def acronym_texts(nodes: Iterable[Node]) -> Iterator[tuple[Node, str]]:
    """The nodes, with their ``scan_text``, that may hold an acronym use or definition (both need
    two capitals together: ``may_have_acronym``); nine in ten have none. One search of the texts
    joined (``TWO_CAPITALS_AS_A``) finds them, not a search of each text."""
    nodes = list(nodes)
    texts = [scan_text(node) for node in nodes]
    encoded = [t.encode("utf-8", "surrogatepass") for t in texts]
    whole = b"\n".join(encoded).translate(CAPITALS_AS_A)
    starts = list(itertools.accumulate((len(e) + 1 for e in encoded[:-1]), initial=0))
    m = TWO_CAPITALS_AS_A.search(whole)
    while m is not None:
        i = bisect.bisect_right(starts, m.start()) - 1
        yield nodes[i], texts[i]
        m = TWO_CAPITALS_AS_A.search(whole, starts[i] + len(encoded[i]) + 1)  # on from the next text


class AcronymTexts:
    """For one document: the body texts (annexes included) that may hold an acronym, found
    once (``acronym_texts``) for TRM001, TRM006 and TRM007."""

    def __init__(self, doc: Document):
        nodes = body_nodes(doc)
        self.covered = {id(node) for node in nodes}
        self.texts = {id(node): text for node, text in acronym_texts(nodes)}

    def of(self, nodes: Iterable[Node]) -> Iterator[tuple[Node, str]]:
        """``acronym_texts(nodes)``, from what was found."""
        for node in nodes:
            text = self.texts.get(id(node))
            if text is not None:
                yield node, text
            elif id(node) not in self.covered:  # not a body node: looked at on its own
                yield from acronym_texts([node])


def shouting(text: str, start: int, end: int) -> bool:
    """A word in a line of capitals ("TO BE COMPLETED BY THE UN SECRETARIAT"), or a lone word on its line."""
    before = text[max(0, start - 40):start].split()
    after = text[end:end + 40].split()
    if (not before or "\n" in text[max(0, start - 2):start]) and (not after or text[end:end + 1] == "\n") \
            and not text[max(0, start - 1):start].strip():
        return True
    near = before[-2:] + after[:2]
    return sum(bool(_CAPS_WORD.fullmatch(w.strip(",.;:()"))) for w in near) >= 2


def _near_fit(expansion: str, base: str) -> bool:
    """Words whose initials fit the acronym but for one: "national statistical systems (NSOs)",
    a slip for the "national statistical offices" the acronym stands for elsewhere."""
    words = expansion.split()
    letters = [c for c in base if c.isalpha()]
    if len(words) != len(letters) or len(words) < 3 or not all(w.replace("-", "").isalpha() for w in words):
        return False
    return sum(w[0].lower() != c.lower() for w, c in zip(words, letters)) == 1


def _inside_name(text: str, start: int, end: int) -> bool:
    """Is the acronym a word of a capitalized name ("End TB Strategy", "Declaration to End TB")?"""
    if _NAME_WORD_AFTER.match(text, end):
        return bool(_NAME_WORD_BEFORE.search(text, max(0, start - 60), start))
    return bool(_NAME_ENDING_AFTER.match(text, end)) and bool(_NAME_ENDING_BEFORE.search(text, max(0, start - 80), start))


def _footnote_markers(doc: Document) -> dict[int, int]:
    """For each footnote node (by id), where it is read: the end of the paragraph that
    holds its first marker (the reader meets the note after that paragraph)."""
    first: dict[str, FootnoteMarker] = {}
    for m in doc.markers:
        if m.label not in first or m.span.start < first[m.label].span.start:
            first[m.label] = m
    if not first:
        return {}
    by_address = {node.address: node for node in doc.text_nodes()}
    holder_ends: dict[str, int] = {}  # a paragraph's end, mapped once for all the notes it calls
    out = {}
    for fn in doc.footnotes:
        marker = first.get(fn.label)
        holder = by_address.get(marker.address) if marker is not None else None
        if holder is not None and holder is not fn:
            end = holder_ends.get(marker.address)
            if end is None:
                end = holder_ends[marker.address] = holder.span.end
            out[id(fn)] = max(end, marker.span.end)
    return out


def index_acronyms(doc: Document, texts: Optional[AcronymTexts] = None) -> AcronymIndex:
    """The definitions and uses of the resolution's own text (annexes left out: ``index_annex``)."""
    texts = texts or AcronymTexts(doc)
    return _scan(texts.of(body_nodes(doc, annexes=False)), _footnote_markers(doc))  # the others have none


def index_annex(annex: Annex, texts: AcronymTexts) -> AcronymIndex:
    """The definitions and uses of one annex, on their own (an annex may reproduce a text adopted
    elsewhere as it stands: whether to read it is the rules' call)."""
    nodes = ([annex.heading] if annex.heading is not None else []) + list(annex.paragraphs)
    return _scan(texts.of(nodes), {})


def _scan(node_texts: Iterable[tuple[Node, str]], read_from: dict[int, int]) -> AcronymIndex:
    """The definitions and uses of ``node_texts``, each list in file order. ``read_from``: where each
    footnote is read (``_footnote_markers``)."""
    defs: dict[str, list[tuple[Occurrence, str]]] = defaultdict(list)
    uses: dict[str, list[Occurrence]] = defaultdict(list)
    written: dict[tuple[str, int], str] = {}
    for node, text in node_texts:
        quoted = [(m.start(), m.end()) for m in QUOTED.finditer(text)]
        names = []   # the full names definitions give: "SIDS Accelerated Modalities of Action (SAMOA)"
        for d in find_acronym_definitions(text, include_short_forms=False):
            if any(s < d.start < e for s, e in quoted):
                continue  # a name inside a quoted title ("... (ZODIAC) Project")
            pos = node.span_of(d.start, d.end).start
            marker = read_from.get(id(node))
            if marker is not None and marker < pos:
                # A footnote is read after the paragraph of its marker: an acronym it defines
                # is defined from there on, even when the notes are printed at the end.
                pos = marker + (d.start + 1) / (len(text) + 2)
            occ = Occurrence(node, d.start, d.end, pos, d.acronym, _base(d.acronym))
            defs[occ.base].append((occ, d.expansion if d.plausible else ""))
            if d.plausible:
                names.append((d.expansion_start, d.expansion_end))
            if not d.plausible and (_NAME.fullmatch(d.expansion) or _near_fit(d.expansion, occ.base)):
                written[(occ.base, occ.pos)] = d.expansion
        parens = [(m.start(), m.end()) for m in _PARENS.finditer(text)]
        for u in find_acronym_uses(text) + find_un_name_uses(text):
            if u.in_definition or u.dotted or text[u.end:u.end + 1] == "$":  # "US$": the UN currency sign
                continue
            if any(s < u.start < e for s, e in quoted) or _DOC_NUMBER.match(text, u.end) \
                    or _AFTER_NUMBER.search(text, max(0, u.start - 12), u.start) \
                    or _LABEL_BEFORE.search(text, max(0, u.start - 40), u.start) or _LABEL_AFTER.match(text, u.end) \
                    or _inside_name(text, u.start, u.end) \
                    or any(s <= u.start and u.end <= e for s, e in names) \
                    or shouting(text, u.start, u.end):
                continue
            occ = Occurrence(node, u.start, u.end, node.span_of(u.start, u.end).start, u.acronym, u.base)
            # A short name in parentheses after a name defines it: "... Arms (New START Treaty)".
            if any(s < u.start < e for s, e in parens) and text[max(0, u.start - 2):u.start] != "((":
                s = max(s for s, e in parens if s < u.start < e)
                # ... or names it with an article: "case law on Commission texts (the CLOUT system)".
                if s > 0 and (re.search(r"[A-Z][\w-]*\s*$", text[max(0, s - 60):s]) or text.startswith("(the ", s)):
                    defs[occ.base].append((occ, ""))
                    continue
            uses[u.base].append(occ)
    for base in [b for b in uses if b.startswith("UN-") and b not in defs]:
        del uses[base]   # "UN-Women" undefined throughout: an official name, used so in adopted texts
    for lst in uses.values():
        lst.sort(key=lambda o: o.pos)
    for lst in defs.values():
        lst.sort(key=lambda d: d[0].pos)
    return AcronymIndex(dict(defs), dict(uses), written)
