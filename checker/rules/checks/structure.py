"""structure: editorial form of a resolution (un-drafting.md §2, ED-01..ED-20).

Authoring line, preambular and operative punctuation and openings, numbering,
sub-paragraph labels, italics of opening words, negotiation labels left in a
tabled text, numbers in figures.

Punctuation and numbering are judged leniently: spaces before a mark are OCR
("Council ;"), a footnote marker or closing quotation mark after the mark is
skipped, and a paragraph that ends in a colon introduces something the parser
may not have seen (a quoted text, a list) and is left alone. Texts that came
hard-wrapped (OCR of old printed resolutions) parse less reliably; checks that
depend on exact structure skip them unless the rule's option
``wrapped: true`` asks otherwise.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator, Optional

from checker import vocabulary
from checker.findings import Edit, Fix
from checker.grammar.symbols import validate_symbol
from checker.model import (AnnexParagraph, Document, Node, OperativeParagraph, Paragraph, PreambularParagraph, Span,
                           SubParagraph)
from checker.rules.checks import CheckHit, register
from checker.rules.checks.consent import proposed_paragraphs  # an amendment's quoted paragraphs
from checker.rules.checks.terms import annex_is_own_text

_TRAILING_CHARS = ("\u00b9\u00b2\u00b3" + "".join(map(chr, range(0x2070, 0x207A))) + "".join(map(chr, range(0x2080, 0x208A)))
                   + "*\"\u201d\u2019')]")


def _strip_trailing(text: str) -> str:
    """``text`` without trailing blanks, closing quotes and brackets, superscript markers."""
    while True:
        stripped = text.rstrip().rstrip(_TRAILING_CHARS)
        if stripped == text:
            return text
        text = stripped


def is_wrapped(doc: Document) -> bool:
    """Was the text hard-wrapped (one printed line per source line)?

    In paragraph-per-line texts a paragraph's opening sentence sits on one
    source line; in wrapped ones most paragraphs cross line breaks.
    """
    paras = [p for p in doc.paragraphs()][:40]
    if not paras:
        return False
    crossing = 0
    for p in paras:
        end = p.chapeau_end or len(p.text)
        span = p.span_of(0, min(end, len(p.text)))
        if "\n" in doc.source[span.start:span.end].strip():
            crossing += 1
    return crossing > 0.3 * len(paras)


@lru_cache(maxsize=4096)  # several rules ask it of the same paragraph text
def final_mark(text: str) -> tuple[str, int]:
    """(last punctuation-or-character, its offset) ignoring trailing blanks, quotes, markers."""
    # Walk back from the end: a "$"-anchored regex search would scan the whole paragraph.
    end = len(text)
    while True:
        end = len(_strip_trailing(text[:end]))
        digits = end
        while digits > 0 and end - digits < 3 and text[digits - 1].isdigit() and text[digits - 1].isascii():
            digits -= 1
        if digits == end or digits == 0 or text[digits - 1] not in ",;.:":
            break
        end = digits  # "resolution,12": a footnote marker glued on
    if end == 0:
        return "", 0
    # Judge the mark leniently: "Council ;" is OCR spacing, not a missing mark.
    return text[end - 1], end - 1


def _reliable(ctx, params: dict) -> bool:
    """Is the parse good enough to judge exact structure?

    Not in amendments (their "paragraphs" are instructions), nor in hard-wrapped
    Security Council texts from before 2000, which in practice come from OCR of
    printed copies where "," and "." are confused and numbers lose their full stops.
    The ``wrapped`` option turns the check on regardless.
    """
    doc = ctx.doc
    if doc.kind == "amendment":
        return False  # "Delete operative paragraph 9." is an instruction, not a paragraph
    if params.get("wrapped", False) or not ctx.memo("structure.wrapped", lambda: is_wrapped(doc)):
        return True
    if (doc.body or doc.header.body) != "Security Council":
        return True
    # Security Council texts before 2000 reach us as OCR of printed copies; later ones as PDF text.
    year = _sc_year(doc)
    return year is not None and year >= 2000


def _sc_year(doc: Document) -> Optional[int]:
    """The year of a Security Council text: of its number ("Resolution 2785 (2025)"), else of a
    draft's symbol ("S/2025/741") or its issue date; None when none is known."""
    fields = doc.header.fields
    for name, pattern in (("sc_number", r"\((\d{4})\)"), ("symbol", r"^S/((?:19|20)\d\d)/"),
                          ("issue_date", r"^((?:19|20)\d\d)-")):
        m = re.search(pattern, fields[name].value) if name in fields else None
        if m is not None:
            return int(m.group(1))
    return None


def _looks_operative(p: Paragraph) -> bool:
    """An operative paragraph by its words, not only by its place.

    Sections of budget texts repeat preambular paragraphs ("Having considered
    ...,") that the parser files as operative; declarations number sentences
    ("We commit ..."); a decision's list of agenda items is numbered too. A text written
    as one sentence ("The Human Rights Council, recalling ..., decides: ...") opens its
    operative part in lower case.
    """
    body = _capitalized(p.body)
    if body.startswith("We ") or vocabulary.starts_with_opener(body, strict=True):
        return False
    return vocabulary.starts_with_operative(body, loose=True)


def _replace_fix(node: Node, offset: int, old: str, new: str, what: str) -> Optional[Fix]:
    span = node.span_of(offset, offset + len(old)) if old else node.span_of(offset, offset)
    if old and node.tmap.to_original(offset) + len(old) != span.end:
        return None
    return Fix(what, (Edit(span, new),), safe=True)


# ---------------------------------------------------------------- authoring line (ED-01..03)

_ABBREVIATION = re.compile(r"\b[A-Z]{2,}\b")


_LOOSE_AUTHORING = re.compile(
    r"^[ \t]*(?P<line>(?:The\s+)?(?:(?P<abbr>[A-Z]{2,8})|(?P<body>" + "|".join(vocabulary.BODIES) + r"))\s*,)[ \t]*$")


@register("structure.authoring-form", placeholders=("text",))
def authoring_form(doc: Document, params: dict, ctx) -> Iterator[CheckHit]:
    """ED-01: "The Human Rights Council," -- with its article, the organ's name in full.

    The parser only takes a line with the article (or a bare full name with no
    header above) as the authoring line; when it found none, the line just
    before the first paragraph is examined for "Human Rights Council," or
    "The HRC,".
    """
    a = doc.authoring
    for part_line in doc.part_authoring:  # "General Assembly," opening part B of a composite text
        text = part_line.text.strip()
        if not text.startswith("The ") or _ABBREVIATION.search(part_line.body or ""):
            yield CheckHit(part_line, 0, len(part_line.text.rstrip()), {"text": text})
    if a is not None:
        text = a.text.strip()
        if not text.startswith("The ") or _ABBREVIATION.search(a.body or ""):
            yield CheckHit(a, 0, len(a.text.rstrip()), {"text": text})
        return
    first = next(iter(doc.paragraphs()), None)
    if first is None:
        return
    start = first.span.start
    before = doc.source[:start].rstrip()
    line_start = before.rfind("\n") + 1
    m = _LOOSE_AUTHORING.match(before[line_start:])
    if m is None or (m.group("body") and m.group("line").startswith("The ")):
        return
    span = Span(line_start + m.start("line"), line_start + m.end("line"))
    yield CheckHit(None, 0, 0, {"text": m.group("line")}, span=span, address="AUTHORING")


_SYMBOL_BODY = {"GA": "General Assembly", "HRC": "Human Rights Council", "SC": "Security Council",
                "ECOSOC": "Economic and Social Council", "CHR": "Commission on Human Rights"}


@register("structure.authoring-body", placeholders=("authoring", "expected", "source"))
def authoring_body(doc: Document, params: dict, ctx) -> Iterator[CheckHit]:
    """ED-02: the enacting organ is the one of the header and the symbol."""
    a = doc.authoring
    if a is None or doc.kind in ("amendment", "draft-decision", "decision"):
        return
    name = vocabulary.body_from_name(a.body)
    if name not in _SYMBOL_BODY.values():
        return
    expected, source = None, ""
    if doc.header.symbol:
        sym = validate_symbol(doc.header.symbol)
        if sym.valid and sym.body in _SYMBOL_BODY and not re.match(r"E/CN\.(?!4/)", doc.header.symbol):
            expected, source = _SYMBOL_BODY[sym.body], f"the symbol {doc.header.symbol}"
    if expected is None and doc.header.fields.get("body") is not None and doc.header.body in _SYMBOL_BODY.values():
        expected, source = doc.header.body, "the header"
    if expected is None or expected == name:
        return
    yield CheckHit(a, 0, len(a.text.rstrip()), {"authoring": a.text.strip(), "expected": expected,
                                                 "source": source})


@register("structure.authoring-comma", placeholders=("text",))
def authoring_comma(doc: Document, params: dict, ctx) -> Iterator[CheckHit]:
    """ED-03: "The General Assembly," takes a comma when a preamble follows."""
    a = doc.authoring
    if a is None or a.has_comma:
        return
    if not _reliable(ctx, params):
        return  # OCR of old printed texts often drops this comma
    has_preamble = bool(doc.preamble) and vocabulary.starts_with_opener(doc.preamble[0].body)
    if not has_preamble and not params.get("always", False):
        return  # "The General Assembly" straight before operative paragraph 1 (EM example)
    end = len(a.text.rstrip())
    yield CheckHit(a, 0, end, {"text": a.text.strip()},
                   fix=_replace_fix(a, end, "", ",", "Add the comma"))


# ---------------------------------------------------------------- an amendment's proposed paragraphs

# The instruction says which part the new paragraph goes into ("After the ninth preambular
# paragraph, insert ...", "Replace operative paragraph 12 with ..."); one that inserts words, a
# phrase or a sub-paragraph brings a fragment, not a paragraph.
_PREAMBULAR_PART = re.compile(r"\bpreambular\b", re.I)
_OPERATIVE_PART = re.compile(r"\boperative\b", re.I)
_FRAGMENT = re.compile(r"\b(?:words?|phrases?|sentences?|sub-?paragraphs?)\b", re.I)


def _proposed_paragraphs(doc: Document, ctx) -> list[tuple[Paragraph, int, int, str]]:
    """(instruction, start, end, part) for each paragraph an amendment proposes: text that would be
    adopted, so the opening and punctuation rules apply to it, reported at the instruction.

    ``start``..``end`` is the new paragraph in the instruction's text, after its quotation mark and
    number and up to its closing quotation mark (its final mark included); ``part`` is "preamble" or
    "operative", as the instruction says or, when it does not, as the opening word shows. The
    quoted text is found as the consent checks find it (``consent.proposed_paragraphs``): text an instruction
    deletes is left out, and so are items and fragments in lower case."""
    if doc.kind != "amendment":
        return []
    return ctx.memo("structure.proposed-paragraphs", lambda: list(_find_proposed(doc)))


def _find_proposed(doc: Document) -> Iterator[tuple[Paragraph, int, int, str]]:
    for para in doc.operative:   # the instructions
        text = para.text
        if '"' not in text and "\u201c" not in text:
            continue  # every proposed paragraph is quoted
        proposed = proposed_paragraphs(para)[1]
        line_starts = {text.rfind("\n", 0, new.start) + 1 for new in proposed}
        for new in proposed:
            instruction = _instruction_of(text, new.start, line_starts)
            if _FRAGMENT.search(instruction):
                continue
            preamble, operative = _PREAMBULAR_PART.search(instruction), _OPERATIVE_PART.search(instruction)
            part = "preamble" if preamble and not operative else "operative" if operative and not preamble else new.kind
            if part:
                yield para, new.start, new.end, part


def _instruction_of(text: str, pos: int, quoted_lines: set[int]) -> str:
    """The instruction before the quotation at ``pos``: the words before it on its line
    ("... insert the following paragraph: “...”"), or the last line before it that is not quoted."""
    line = text.rfind("\n", 0, pos) + 1
    if text[line:pos].strip(" \t\"\u201c\u2018'0123456789.[]"):
        return text[line:pos]
    while line > 0:
        end = line - 1
        line = text.rfind("\n", 0, end) + 1
        if line not in quoted_lines:
            return text[line:end]
    return ""


def _proposed_of(doc: Document, ctx, part: str) -> Iterator[tuple[Paragraph, int, str]]:
    """(instruction, start, proposed text) of the proposed paragraphs of ``part``."""
    for para, start, end, kind in _proposed_paragraphs(doc, ctx):
        if kind == part:
            yield para, start, para.text[start:end]


# ---------------------------------------------------------------- preamble (ED-04, ED-06)

@register("structure.preamble-punctuation", placeholders=("mark",))
def preamble_punctuation(doc: Document, params: dict, ctx) -> Iterator[CheckHit]:
    """ED-04: a preambular paragraph ends with a comma, not ";" or "." (an amendment's proposed one too)."""
    if doc.kind == "amendment":
        paragraphs = [(p, start, text) for p, start, text in _proposed_of(doc, ctx, "preamble")]
    elif _reliable(ctx, params):
        paragraphs = [(p, 0, p.text) for p in ctx.nodes if vocabulary.starts_with_opener(p.body)]
        # (not a fragment the parser filed as preamble: header sub-items, a split line)
    else:
        return
    for p, start, text in paragraphs:
        mark, pos = final_mark(text)
        if mark not in (";", "."):
            continue
        if mark == "." and re.search(r"\b(?:etc|No|para|paras|Add|Corr|Rev|al|vol|art|arts|Inc|Ltd)\.$",
                                     text[:pos + 1]):
            continue
        pos += start
        yield CheckHit(p, pos, pos + 1, {"mark": mark},
                       fix=_replace_fix(p, pos, mark, ",", "End the paragraph with a comma"))


def _operative_like(body: str) -> bool:
    return vocabulary.starts_with_operative(body) and not vocabulary.starts_with_opener(body, strict=True)


_ORGAN_SUBJECT = re.compile(r"^The\s+(?:General\s+Assembly|[A-Z][\w-]*\s+)*?(?:Assembly|Council|Commission)\s+"
                            r"(?:also\s+|further\s+)?[a-z]+s\b")


@register("structure.preamble-opening", placeholders=("opening",),
          params_schema={"type": "object", "properties": {"other-openers": {"type": "array", "items": {"type": "string"}}},
                         "additionalProperties": False})
def preamble_opening(doc: Document, params: dict, ctx) -> Iterator[CheckHit]:
    """ED-06: a preambular paragraph never opens with an operative verb ("Recalls", "The Council notes"),
    nor with an opener of another tradition (``other-openers``: "Whereas").

    The parser takes an unnumbered paragraph with an operative verb just before
    paragraph 1 as the operative part's introduction ("Resolves that:"); one
    that ends with a comma is a preambular paragraph and is judged as one.
    """
    other = _other_openers(tuple(params.get("other-openers") or ()))
    if doc.kind == "amendment":
        for p, start, text in _proposed_of(doc, ctx, "preamble"):
            word = _preamble_opening_problem(text)
            if word:
                yield CheckHit(p, start, start + len(word), {"opening": word})
        return
    nodes = list(ctx.nodes)
    intro = doc.operative_intro
    if intro is not None and doc.operative and doc.operative[0].number is not None \
            and final_mark(intro.text)[0] == ",":
        nodes.append(intro)
    for p in nodes:
        if final_mark(p.text)[0] != ",":
            continue  # not punctuated as a preambular paragraph: unnumbered operative text (old layouts)
        body = p.body
        m = _ORGAN_SUBJECT.match(body)
        if m:
            yield CheckHit(p, p.body_start, p.body_start + m.end(), {"opening": m.group(0)})
            continue
        if _reliable(ctx, params):
            word = _preamble_opening_problem(body)
            if word is None and other is not None:
                m = other.match(body)
                word = m.group(0) if m else None
            if word:
                yield CheckHit(p, p.body_start, p.body_start + len(word), {"opening": word})


@lru_cache(maxsize=8)
def _other_openers(words: tuple[str, ...]) -> Optional[re.Pattern[str]]:
    if not words:
        return None
    return re.compile("(?:" + "|".join(r"\s+".join(map(re.escape, w.split())) for w in words) + r")(?![\w-])")


def _preamble_opening_problem(body: str) -> Optional[str]:
    """The opening words that make a preambular paragraph operative ("Recalls", "The Council notes"), or None."""
    m = _ORGAN_SUBJECT.match(body)
    if m:
        return m.group(0)
    if _operative_like(body):
        return re.match(r"\S+(?:\s+(?:upon|on|for|note|of))?", body).group(0)
    return None


_CLAUSE_VERBS = ("invites|requests|urges|calls\\s+upon|calls\\s+on|encourages|decides|recommends|"
                 "demands|appeals|authorizes|endorses|approves|adopts|reaffirms|welcomes|expresses|"
                 "condemns|stresses|emphasizes|underlines|notes|recognizes|reiterates|affirms")
_OPERATIVE_CLAUSE = re.compile(rf",\s+and\s+(?:also\s+|further\s+|strongly\s+|once\s+again\s+)?(?:{_CLAUSE_VERBS})\b")
# A relative clause reports what an earlier text or someone else did ("in which it ..., and
# requests"). "that" is relative after a noun ("the measures that it took"), but a conjunction
# after the opening ("Stressing that ...", "Noting with concern that ..."): the clause after a
# conjunction is the body's own statement, and ", and calls upon" there is the body's call.
_RELATIVE = re.compile(r"\b(?:in\s+which|by\s+which|whereby|wherein|which|where|who|when)\b"
                       r"|(?<=[a-z])\s+that\b")
_CONJUNCTION_THAT = re.compile(r"(?<!\w)(?:\w+ing|\w+ed|aware|conscious|mindful|cognizant|also|further|again|"
                               r"concern|satisfaction|appreciation|regret|alarm|mind|account|view|fact)\s+that$", re.I)
_QUOTE_MARKS = "\u201c\u201d\""


def _inside_quotation(text: str, start: int, pos: int) -> bool:
    """Is ``pos`` inside a quotation opened after ``start``?"""
    before = text[start:pos]
    if not any(q in before for q in _QUOTE_MARKS):
        return False
    return before.count("\u201c") > before.count("\u201d") or before.count('"') % 2 == 1


def _reported(text: str, start: int, end: int) -> bool:
    """Does a relative clause that reports an earlier text open between ``start`` and ``end``?"""
    for r in _RELATIVE.finditer(text, start, end):
        if r.group(0).endswith("that") and _CONJUNCTION_THAT.search(text, max(start, r.start() - 40), r.end()):
            continue
        return True
    return False


@register("structure.preamble-operative-clause", placeholders=("clause",))
def preamble_operative_clause(doc: Document, params: dict, ctx) -> Iterator[CheckHit]:
    """ED-06 variant: "Recognizing ..., and invites States to ..." puts an operative clause in the preamble.

    Whatever the opening's form ("Stressing the importance of ...", "Stressing that ..."), except
    inside a relative clause that reports an earlier text and inside a quotation."""
    if doc.kind == "amendment":
        return
    for p in ctx.nodes:
        text = p.text
        for m in _OPERATIVE_CLAUSE.finditer(text, p.body_start):
            if _reported(text, p.body_start, m.start()) or _inside_quotation(text, p.body_start, m.start()):
                continue
            yield CheckHit(p, m.start() + 1, m.end(), {"clause": m.group(0)[1:].strip()})
            break


# ---------------------------------------------------------------- operative (ED-07..ED-10)

# After "Also", "Further", "Strongly" the verb is in lower case ("Also request").
_PARTICIPLE = re.compile(r"^(?:(?:Also|Further|Strongly)\s+(?=[a-z])|(?=[A-Z]))([A-Za-z][a-z]+ing)\b")
_BASE_FORM = re.compile(r"^(?:(?:Also|Further|Strongly)\s+(?=[a-z])|(?=[A-Z]))([A-Za-z][a-z]+)\b")


@register("structure.operative-opening", placeholders=("opening", "expected"))
def operative_opening(doc: Document, params: dict, ctx) -> Iterator[CheckHit]:
    """ED-07: an operative paragraph opens with a present-tense verb ("Requests", not "Requesting").

    Declarations number their sentences ("1. Reaffirm our commitment", after
    "We ...:") and pacts use action headings ("Eradicating poverty"): a text
    with several such openings is in that style and is not judged.
    """
    if doc.kind == "amendment":
        yield from _proposed_operative_openings(doc, ctx)
        return
    participles, bases = [], []
    for p in ctx.nodes:
        body = p.body
        if vocabulary.starts_with_operative(body, loose=True):
            continue
        m = _ORGAN_SUBJECT.match(body)
        if m:
            yield CheckHit(p, p.body_start, p.body_start + m.end(),
                           {"opening": m.group(0), "expected": "the verb alone"})
            continue
        mark = final_mark(p.text)[0]
        if mark not in (";", "."):
            continue  # a heading, or a preambular paragraph of a section filed as operative
        m = _PARTICIPLE.match(body)
        if m:
            verb = _third_person(m.group(1)[:-3].capitalize())
            if verb is not None:
                participles.append((p, m, verb))
            continue
        m = _BASE_FORM.match(body)
        if m and (m.group(1).capitalize() + "s") in vocabulary.OPERATIVE_VERBS and _reliable(ctx, params):
            bases.append((p, m))
    limit = int(params.get("style-limit", 2))
    if len(participles) <= limit:
        for p, m, verb in participles:
            yield CheckHit(p, p.body_start + m.start(1), p.body_start + m.end(1),
                           {"opening": m.group(1), "expected": f"a present-tense verb, e.g. '{verb}'"})
    if len(bases) <= limit:
        for p, m in bases:
            yield CheckHit(p, p.body_start + m.start(1), p.body_start + m.end(1),
                           {"opening": m.group(1), "expected": f"'{m.group(1)}s'"})


def _proposed_operative_openings(doc: Document, ctx) -> Iterator[CheckHit]:
    """ED-07 for the operative paragraphs an amendment proposes ("Replace operative paragraph 12
    with: “12. Requesting ...”"), reported at the instruction."""
    for p, start, text in _proposed_of(doc, ctx, "operative"):
        if vocabulary.starts_with_operative(text, loose=True):
            continue
        m = _ORGAN_SUBJECT.match(text)
        if m:
            yield CheckHit(p, start, start + m.end(), {"opening": m.group(0), "expected": "the verb alone"})
            continue
        m = _PARTICIPLE.match(text)
        verb = _third_person(m.group(1)[:-3].capitalize()) if m else None
        if verb is not None:
            yield CheckHit(p, start + m.start(1), start + m.end(1),
                           {"opening": m.group(1), "expected": f"a present-tense verb, e.g. '{verb}'"})
            continue
        m = _BASE_FORM.match(text)
        if m and (m.group(1).capitalize() + "s") in vocabulary.OPERATIVE_VERBS:
            yield CheckHit(p, start + m.start(1), start + m.end(1),
                           {"opening": m.group(1), "expected": f"'{m.group(1)}s'"})


def _third_person(stem: str) -> Optional[str]:
    """"Request" -> "Requests", "Recogniz" -> "Recognizes"; None unless it is a known operative verb."""
    for guess in (stem + "s", stem + "es", stem + "e" + "s", stem[:-1] + "s" if stem[-1:] == stem[-2:-1] else ""):
        if guess and guess in vocabulary.OPERATIVE_VERBS:
            return guess
    return None


def _by_part(paras: list[Paragraph]) -> dict[str, list[Paragraph]]:
    parts: dict[str, list[Paragraph]] = {}
    for p in paras:
        parts.setdefault(p.part or "", []).append(p)
    return parts


@register("structure.operative-numbering", placeholders=("found", "expected"))
def operative_numbering(doc: Document, params: dict, ctx) -> Iterator[CheckHit]:
    """ED-08: operative paragraphs are numbered 1..n, restarting in each part (A, B) of a composite text.
    An amendment's numbered items too: they are instructions, but numbered like paragraphs."""
    if doc.kind != "amendment" and not _reliable(ctx, params):
        return
    for part, paras in _by_part(list(ctx.nodes)).items():
        # A paragraph inserted in negotiation ("OP7 bis ...") has no number of its own (STR015).
        paras = [p for p in paras if not _inserted(p)]
        lettered = [p for p in paras if p.lettered]
        if lettered and len(lettered) == len(paras):
            # a decision lettered (a), (b), ...: the letters run on without a gap
            numbers = [(p, ord(p.label[1]) - ord("a") + 1) for p in lettered]
            show = lambda n: f"({chr(ord('a') + n - 1)})"  # noqa: E731
        else:
            numbers = [(p, p.number) for p in paras if p.number is not None]
            if len(numbers) != len(paras):
                continue  # unnumbered paragraphs mixed in (old layouts, parse doubt)
            show = str
        if len(numbers) < 2:
            continue  # one paragraph (ED-09)
        # A number is out of place when it is neither the previous number + 1 nor its position:
        # after a skip (1, 2, 4, 5) the numbers count on from the one found, and after a repeat
        # (1, 2, 3, 3, 5) the next one is back at its place. One slip, one finding.
        previous, breaks = 0, []
        for position, (p, number) in enumerate(numbers, start=1):
            if number != previous + 1 and number != position:
                breaks.append((p, number, previous + 1))
            previous = number
        if len(breaks) > int(params.get("max-breaks", 2)):
            continue  # numbered tables or sections the parser did not see (budget texts): a parse doubt
        for p, number, wanted in breaks:
            label_end = p.body_start or len(p.label)
            yield CheckHit(p, 0, max(1, label_end), {"found": show(number), "expected": show(wanted)})


@register("structure.annex-numbering", placeholders=("annex", "found", "expected"))
def annex_numbering(doc: Document, params: dict, ctx) -> Iterator[CheckHit]:
    """ED-08 in an annex: its numbered paragraphs run on without a gap.

    Only a plain run is judged: numbers that never go back and skip exactly one
    place. Annexed texts number their own way (a list restarting at 1 inside a
    paragraph, numbered forms, sections), and then nothing is said."""
    for annex in doc.annexes:
        numbered = [p for p in annex.paragraphs if p.number is not None]
        if len(numbered) < 3 or numbered[0].number != 1:
            continue
        breaks = [(prev, p) for prev, p in zip(numbered, numbered[1:]) if p.number != prev.number + 1]
        if len(breaks) != 1 or breaks[0][1].number < breaks[0][0].number:
            continue
        prev, p = breaks[0]
        label_end = p.body_start or len(p.label)
        yield CheckHit(p, 0, max(1, label_end), {"annex": annex.address.replace("-", " ").title(),
                                                  "found": str(p.number), "expected": str(prev.number + 1)})


def _inserted(p: Paragraph) -> bool:
    return p.number is None and not getattr(p, "lettered", False) and \
        vocabulary.NEGOTIATION_PREFIX.match(p.text) is not None


@register("structure.operative-number-form", placeholders=("number",))
def operative_number_form(doc: Document, params: dict, ctx) -> Iterator[CheckHit]:
    """ED-08: an operative number is followed by a full stop ("25. Condemns", not "25 Condemns" or "25) Condemns")."""
    if not _reliable(ctx, params):
        return
    for p in ctx.nodes:
        if p.number is None or not p.label or p.label.endswith("."):
            continue
        end = len(p.label) + p.text.find(p.label)
        number = p.label.rstrip(")")
        if p.label.endswith(")"):  # "9) Invites": the parenthesis stands for the full stop
            fix = _replace_fix(p, end - 1, ")", ".", f"Write '{number}.'")
        else:
            fix = _replace_fix(p, end, "", ".", f"Write '{number}.'")
        yield CheckHit(p, 0, end, {"number": number}, fix=fix)


@register("structure.single-operative", placeholders=())
def single_operative(doc: Document, params: dict, ctx) -> Iterator[CheckHit]:
    """ED-09: a single operative paragraph is not numbered."""
    if doc.kind == "amendment":
        return
    for part, paras in _by_part(list(ctx.nodes)).items():
        if len(paras) != 1:
            continue
        p = paras[0]
        if p.number != 1 or not p.label:
            continue
        end = p.body_start
        fix = _replace_fix(p, 0, p.text[:end], "", "Remove the number") if end else None
        yield CheckHit(p, 0, max(1, len(p.label)), {}, fix=fix)


@register("structure.operative-punctuation", placeholders=("mark", "expected", "which"))
def operative_punctuation(doc: Document, params: dict, ctx) -> Iterator[CheckHit]:
    """ED-10: operative paragraphs end with ";", the last (of each part) with "."."""
    if doc.kind == "amendment":
        # A proposed paragraph's place may be the last: ";" and "." are both right, "," never.
        for p, start, text in _proposed_of(doc, ctx, "operative"):
            mark, pos = final_mark(text)
            if mark == ",":
                yield CheckHit(p, start + pos, start + pos + 1,
                               {"mark": mark, "expected": ";", "which": "proposed operative paragraph"},
                               fix=_replace_fix(p, start + pos, mark, ";", "End the paragraph with ';'"))
        return
    if not _reliable(ctx, params):
        return
    for part, paras in _by_part(list(ctx.nodes)).items():
        marks = [final_mark(p.text)[0] for p in paras[:-1]]
        if len(marks) >= 3 and marks.count(".") > len(marks) / 2:
            continue  # numbered sentences (a declaration) or a parse doubt, not operative style
        for i, p in enumerate(paras):
            last = i == len(paras) - 1
            if not _looks_operative(p) or (p.number is None and not p.lettered and len(paras) > 1):
                continue
            tail = p.text.rstrip().rsplit("\n", 1)[-1]
            if tail is not p.text and vocabulary.starts_with_opener(tail, strict=True):
                continue  # a section's preambular line joined to the paragraph before it
            mark, pos = final_mark(p.text)
            if not mark or mark == ":":
                continue  # a colon introduces a text the parser did not attach
            expected = "." if last else ";"
            if mark == expected:
                continue
            if not last and mark == "." and _looks_like_section_end(doc, p):
                continue
            if mark not in ";.,":
                continue  # no mark at all is STR019's; a figure or a kept marker is not judged
            which = "last operative paragraph" if last else "operative paragraph"
            fix = _replace_fix(p, pos, mark, expected, f"End the paragraph with '{expected}'")
            yield CheckHit(p, pos, pos + 1, {"mark": mark, "expected": expected, "which": which}, fix=fix)


@register("structure.missing-final-punctuation", placeholders=("which", "expected"))
def missing_final_punctuation(doc: Document, params: dict, ctx) -> Iterator[CheckHit]:
    """ED-04/ED-10/ED-12: a paragraph that ends on a word, with no punctuation mark at all.

    A paragraph with sub-paragraphs ends where its last sub-paragraph ends, with the paragraph's
    own mark (ED-12). A part with no operative paragraph is one sentence ("The Human Rights
    Council, recalling ..., decides: (a) ...; (d) To continue ..."), which the parser files as one
    preambular paragraph: its last paragraph ends the text, with a full stop.

    Judged only where the text that ends is one line of the source: where it runs over several
    lines, a heading or a page's footnote joined to it would look like a missing mark."""
    if not _reliable(ctx, params):
        return
    body = [p for p in ctx.nodes if isinstance(p, (PreambularParagraph, OperativeParagraph))]  # not annexes
    for part, paras in _by_part(body).items():
        operative = [p for p in paras if isinstance(p, OperativeParagraph)]
        for p in paras:
            ends = _last_leaf(p) or p
            if "\n" in ends.text.strip():
                continue
            mark, pos = final_mark(ends.text)
            if not mark.isalpha() or (ends is not p and not _one_source_line(doc, ends)):
                continue
            if isinstance(p, PreambularParagraph):
                if not vocabulary.starts_with_opener(_capitalized(p.body)):
                    continue
                if not operative and p is paras[-1]:
                    which, expected = "last paragraph", "."
                else:
                    which, expected = "preambular paragraph", ","
            else:
                if not _looks_operative(p):
                    continue
                last = p is operative[-1]
                which, expected = ("last operative paragraph", ".") if last else ("operative paragraph", ";")
            if ends is not p:
                which = f"last sub-paragraph of the {which}"
            fix = _replace_fix(ends, pos + 1, "", expected, f"End the paragraph with '{expected}'")
            yield CheckHit(ends, pos, pos + 1, {"which": which, "expected": expected},
                           fix=Fix(fix.description, fix.edits, safe=False) if fix else None)


def _one_source_line(doc: Document, node: Node) -> bool:
    """Is the node's text one line of the source? (A heading the parser joined to the end of a
    sub-paragraph, "...stakeholders; Income section 2", is on a line of its own there.)

    Asked of sub-paragraphs only: a paragraph is judged on its own text, as before, where a
    list of items the parser joined into it is still the paragraph's end."""
    span = node.span_of(0, len(node.text))
    return "\n" not in doc.source[span.start:span.end].strip()


def _capitalized(text: str) -> str:
    """``text`` with its first letter capitalized: a text written as one sentence ("The Council,
    recalling ..., decides: ...") opens its preambular and operative parts in lower case."""
    return text[:1].upper() + text[1:] if text[:1].islower() else text


def _last_leaf(p: Paragraph) -> Optional[SubParagraph]:
    """The paragraph's last sub-paragraph, at its deepest level: the text that ends the paragraph."""
    leaf, subs = None, p.subparagraphs
    while subs:
        leaf = subs[-1]
        subs = leaf.children
    return leaf


def _looks_like_section_end(doc: Document, p: Paragraph) -> bool:
    """A full stop before a new section heading or an annexed text is the drafter's choice."""
    return bool(re.search(r"(?:the\s+following|as\s+follows)\s*[:.]$", p.text.rstrip()))


# ---------------------------------------------------------------- sub-paragraphs (ED-11..ED-13)

_ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv",
          "xvi", "xvii", "xviii", "xix", "xx", "xxi", "xxii", "xxiii", "xxiv", "xxv"]
_LETTERS = [chr(c) for c in range(ord("a"), ord("z") + 1)] + [c + c for c in "abcdefghijklmnopqrstuvwxyz"]


def _series(labels: list[str]) -> Optional[list[str]]:
    first = labels[0]
    if first == "i" and (len(labels) == 1 or labels[1] == "ii"):
        return _ROMAN
    if first in _LETTERS:
        return _LETTERS
    if first in _ROMAN:
        return _ROMAN
    if first.isdigit():
        return [str(n) for n in range(1, 100)]
    return None


def _reads_as_body(n: Node) -> bool:
    return ((isinstance(n, PreambularParagraph) and vocabulary.starts_with_opener(n.body))
            or (isinstance(n, OperativeParagraph) and vocabulary.starts_with_operative(n.body, loose=True)))


def _body_paragraphs(ctx) -> list[Paragraph]:
    """Preambular and operative paragraphs of the scope that read as such
    (annex paragraphs follow their own style; header lines with "(a)" items
    are sometimes filed as a preambular paragraph).

    STR011-STR013 ask it of the same node list (the document scope's, listed once per
    document): the answer is kept with that list and reused while it is the one asked about."""
    nodes = ctx.nodes
    kept = ctx.memo("structure.body-paragraphs", lambda: [None, None])
    if kept[0] is not nodes:  # the list itself is held, so its identity cannot be reused
        kept[:] = [nodes, [n for n in nodes if ctx.memo_node("structure.reads-as-body", n, _reads_as_body)]]
    return kept[1]


def _own_annex_paragraphs(doc: Document) -> list[Paragraph]:
    """The paragraphs of the annexes the resolution drafts itself (guidelines, modalities): its
    own text, in its own style. An annexed instrument or form keeps the style it was adopted in."""
    return [p for annex in doc.annexes if annex_is_own_text(doc, annex) for p in annex.paragraphs]


def _siblings(p: Paragraph) -> Iterator[list[SubParagraph]]:
    """Each list of sibling sub-paragraphs, walked without recursion (lists can nest deeply)."""
    if p.subparagraphs:
        yield _flattened(p.subparagraphs)
    stack = list(reversed(p.subparagraphs))
    while stack:
        sub = stack.pop()
        if sub.children and not _misnested(sub):
            yield sub.children
        stack.extend(reversed(sub.children))


def _misnested(sub: SubParagraph) -> bool:
    """"(cc)" after "(bb)" read as a roman numeral (200) under it: it is the next letter."""
    lab, kids = sub.label.strip("()."), sub.children
    return (len(kids) == 1 and lab in _LETTERS and lab in _LETTERS[26:]
            and _LETTERS.index(lab) + 1 < len(_LETTERS)
            and kids[0].label.strip("().") == _LETTERS[_LETTERS.index(lab) + 1])


def _flattened(subs: list[SubParagraph]) -> list[SubParagraph]:
    out: list[SubParagraph] = []
    for s in subs:
        out.append(s)
        if _misnested(s):
            out.append(s.children[0])
    return out


@register("structure.subparagraph-sequence", placeholders=("label", "expected"))
def subparagraph_sequence(doc: Document, params: dict, ctx) -> Iterator[CheckHit]:
    """ED-11: sub-paragraph labels run (a), (b), (c) ... / (i), (ii) ... without gaps.

    The annexes' paragraphs too: a list that skips a letter is a defect in an annexed text as
    well (no annex of the corpus's adopted texts has one)."""
    if not _reliable(ctx, params):
        return
    annexed = [p for annex in doc.annexes for p in annex.paragraphs if p.subparagraphs]
    for p in _body_paragraphs(ctx) + annexed:
        first = p.subparagraphs[0] if p.subparagraphs else None
        if (first is not None and first.label.strip("().") == "i" and first.children
                and first.children[0].label.strip("().") == "ii"):
            # "(i) ... (ii) ..." directly under the chapeau, read as the letter (i) with (ii) under
            # it: the first level is lettered, romans are the second.
            yield CheckHit(first, 0, max(1, first.body_start), {"label": "(i)", "expected": "(a)"})
            continue
        for subs in _siblings(p):
            labels = [s.label.strip("().").lower() for s in subs]
            if labels[:2] == ["1", "2"] and not isinstance(p, AnnexParagraph):
                # "(1)", "(2)" for the items: ED-11 letters them, "(a)", "(b)" (an annexed list,
                # such as a goods review list, keeps its own numbering)
                first = subs[0]
                yield CheckHit(first, 0, max(1, first.body_start), {"label": "(1)", "expected": "(a)"})
                continue
            series = _series(labels)
            if series is None or labels[0] != series[0]:
                continue  # a list that does not start at (a)/(i) is a parse doubt, not judged
            for k, (s, lab) in enumerate(zip(subs, labels)):
                if k >= len(series) or lab != series[k]:
                    expected = series[k] if k < len(series) else "?"
                    yield CheckHit(s, 0, max(1, s.body_start), {"label": f"({s.label.strip('().')})", "expected": f"({expected})"})
                    break


@register("structure.subparagraph-colon", placeholders=("mark", "ending"))
def subparagraph_colon(doc: Document, params: dict, ctx) -> Iterator[CheckHit]:
    """ED-11: the words introducing sub-paragraphs end with a colon."""
    if not _reliable(ctx, params):
        return
    for p in _body_paragraphs(ctx):
        if not p.subparagraphs:
            continue
        chapeau = p.text[:p.chapeau_end]
        mark, pos = final_mark(chapeau)
        if mark in (":", "") or mark == "\u2014" or mark == "-":
            continue
        ending = f"'{mark}'" if not mark.isalnum() else "no punctuation mark"
        yield CheckHit(p, pos, pos + 1, {"mark": mark, "ending": ending})


@register("structure.subparagraph-punctuation", placeholders=("mark", "expected"))
def subparagraph_punctuation(doc: Document, params: dict, ctx) -> Iterator[CheckHit]:
    """ED-12/ED-13: each sub-paragraph but the last ends with ";" ("," or ";" in the preamble)."""
    if not _reliable(ctx, params):
        return
    operative_marks = tuple(params.get("operative", [";"]))
    preamble_marks = tuple(params.get("preamble", [",", ";"]))
    for p in _body_paragraphs(ctx):
        allowed = preamble_marks if isinstance(p, PreambularParagraph) else operative_marks
        for subs in _siblings(p):
            for s in subs[:-1]:
                own = s.text
                if s.children:
                    continue  # its own text ends at the colon before (i); children are judged themselves
                stripped = re.sub(r"(?:\s*(?:;|,)?\s+(?:and|or|and/or))\s*$", lambda m: m.group(0).strip()[:1]
                                  if m.group(0).strip()[:1] in ";," else "", own.rstrip())
                mark, pos = final_mark(stripped)
                if not mark or mark in allowed or mark == ":":
                    continue
                if mark.isalnum():
                    continue  # "; and" removed, or a line the parser cut: not judged
                yield CheckHit(s, pos, pos + 1, {"mark": mark, "expected": " or ".join(f"'{a}'" for a in allowed)})


_LIST_JOINER = re.compile(r"[;,]\s*(?:and|or|and/or)\s*$")


@register("structure.annex-list-punctuation", placeholders=("mark", "expected"))
def annex_list_punctuation(doc: Document, params: dict, ctx) -> Iterator[CheckHit]:
    """ED-12 inside annexes, judged against the annex's own style (an annexed instrument keeps
    it): an item of a ";" list that ends with no mark at all, and the last item of a paragraph
    that ends with ";" where the annex's paragraphs end with "." (unless the paragraph goes on
    after the list: "...; as if it were a party to the contract.")."""
    if not _reliable(ctx, params):
        return
    for annex in doc.annexes:
        paras = annex.paragraphs
        ends = [m for m in (final_mark(q.text)[0] for q in paras if not q.subparagraphs) if m and not m.isalnum()]
        full_stops = sum(1 for m in ends if m == ".")
        ends_with_stop = full_stops >= 3 and full_stops >= 0.8 * len(ends)
        for i, para in enumerate(paras):
            for subs in _siblings(para):
                marks = [final_mark(s.text) if not s.children else (":", 0) for s in subs[:-1]]
                if not any(m == ";" for m, _ in marks):
                    continue
                for s, (mark, pos) in zip(subs, marks):
                    if mark and mark.isalnum() and not _LIST_JOINER.search(s.text.rstrip()):
                        yield CheckHit(s, pos, pos + 1, {"mark": "no mark", "expected": "';'"})
            if not para.subparagraphs or not ends_with_stop:
                continue
            last = para.subparagraphs[-1]
            while last.children:
                last = last.children[-1]
            mark, pos = final_mark(last.text)
            follows = paras[i + 1].text.lstrip()[:1] if i + 1 < len(paras) else ""
            if mark == ";" and not follows.islower():
                yield CheckHit(last, pos, pos + 1, {"mark": "';'", "expected": "'.' (the paragraph ends here)"})


@register("structure.subparagraph-capital", placeholders=("text",))
def subparagraph_capital(doc: Document, params: dict, ctx) -> Iterator[CheckHit]:
    """ED-12: sub-paragraph text starts with a capital letter ("(c) To promote ...", not "(c) to promote").

    The resolution's own preambular and operative paragraphs (``_body_paragraphs``); in the
    annexes it drafts itself, whose lists may all open in lower case ("States should: (a)
    integrate ..."), only an item whose siblings open with capitals. The items of a quoted
    instrument keep their own style, and an amendment's quoted text is the instruction's
    (``_reliable``). An item that opens with a quotation mark, a figure or a symbol is not judged."""
    if not _reliable(ctx, params):
        return
    body = _body_paragraphs(ctx)
    for p in body + _own_annex_paragraphs(doc):
        in_annex = isinstance(p, AnnexParagraph)
        for subs in _siblings(p):
            if in_annex and not any(_opening_letter(s)[:1].isupper() for s in subs):
                continue  # the annex's own style: every item in lower case
            for sub in subs:
                text, start = sub.text, sub.body_start
                while start < len(text) and text[start] in " \t":
                    start += 1
                if start >= len(text) or not text[start].islower():
                    continue
                word = _FIRST_WORD.match(text, start).group(0)
                fix = _replace_fix(sub, start, text[start], text[start].upper(), f"Write '{word[:1].upper() + word[1:]}'")
                yield CheckHit(sub, start, start + len(word), {"text": word}, fix=fix)


_FIRST_WORD = re.compile(r"[^\s,;:.]+")


def _opening_letter(sub: SubParagraph) -> str:
    """The first character of the item's own text ("" if none)."""
    return sub.text[sub.body_start:].lstrip(" \t")[:1]


# ---------------------------------------------------------------- italics (ED-14)

_PARTICLES = frozenset("by of with to in on upon that for at from into about also further".split())


@register("structure.opening-italics", placeholders=("opening", "problem"))
def opening_italics(doc: Document, params: dict, ctx) -> Iterator[CheckHit]:
    """ED-14: when formatting is known, exactly the opening words are italic, and the enacting
    formula ("The Human Rights Council,") is roman."""
    if not doc.formatting_known:
        return
    authoring = doc.authoring
    if authoring is not None and any(authoring.text[a:b].strip() for a, b in authoring.italics):
        a, b = min(authoring.italics)[0], max(b for _, b in authoring.italics)
        yield CheckHit(authoring, a, b, {"opening": authoring.text[a:b].strip(" ,"),
                                         "problem": "is in italics: the enacting formula is roman"})
    for p in ctx.nodes:
        if not isinstance(p, (PreambularParagraph, OperativeParagraph)):
            continue
        if not p.opening:
            continue
        start = p.body_start
        end = start + len(p.opening)
        if p.text[start:end] != p.opening:
            continue
        spans = sorted(p.italics)
        cover = [s for s in spans if s[0] < end and s[1] > start]
        if not cover:
            yield CheckHit(p, start, end, {"opening": p.opening, "problem": "is not in italics"})
            continue
        first_start, last_end = min(s[0] for s in cover), max(s[1] for s in cover)
        # "*Guided* by", "*Taking note* of": the prepositions closing the phrase may stay roman.
        core = re.sub(r"(?:\s+(?:by|of|with|to|in|on|upon|that|for|at|from|into|about))+$", "", p.opening)
        if first_start > start or last_end < start + len(core):
            yield CheckHit(p, start, end, {"opening": p.opening, "problem": "is only partly in italics"})
            continue
        extra = p.text[end:last_end].split()
        # The slack is for a closing particle ("Takes note *of*"); a noun is never part of it.
        content = [w for w in extra if w.strip("*_,;:").lower() not in _PARTICLES]
        if len(extra) > int(params.get("slack", 1)) or content:
            yield CheckHit(p, start, last_end, {"opening": p.opening,
                                                "problem": "is italic together with the words after it"})
            continue
        later = [s for s in spans if s[0] >= max(end, last_end) and p.text[s[0]:s[1]].strip()
                 and not _publication_title(p.text[s[0]:s[1]])]
        if later and params.get("emphasis", True):
            s = later[0]
            yield CheckHit(p, s[0], s[1], {"opening": p.text[s[0]:s[1]].strip(),
                                           "problem": "is italic for emphasis, which resolutions do not use"})


def _publication_title(words: str) -> bool:
    """Is an italic run the title of a publication, which is italic in United Nations texts ("the
    *World Economic Situation and Prospects 2026*", "United Nations, *Treaty Series*")? Capitalized
    like a title: its first word and most of its longer words."""
    long_words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", words) if len(w) > 3]
    return (bool(long_words) and words.strip()[:1].isupper() and len(long_words) >= 2
            and sum(w[0].isupper() for w in long_words) * 3 >= len(long_words) * 2)


# ---------------------------------------------------------------- negotiation labels (ED-19)

_LABEL = re.compile(
    r"^\s*\[?\(?(?:PP|OP)\s?\.?\s?\d{1,3}\s?(?:bis|ter|quater|[a-z])?\)?\]?\s*[.:]?\s+"
    r"|\[\s*(?:PP|OP)\s?\.?\s?\d{1,3}\s?(?:bis|ter|quater|[a-z])?\s*\]"
    r"|\[[A-Z]{1,3}/[^\]\n]{1,40}?\(\s*(?:PP|OP)\s?\.?\s?\d{1,3}\w*\s*\)\s*\]"
    r"|\((?:PP|OP)\s?\.?\s?\d{1,3}\w*\)\s*$")


# Revision and negotiation annotations in square brackets ("[new]", "[ad ref]", "[agreed]").
_REVISION_MARK = re.compile(r"\[(?:new|ad\s?ref\.?|agreed(?:\s+ad\s?ref\.?)?|alt\.?|moved|revised|"
                            r"proposed|tbc|pending|placeholder|updated)\]", re.I)


@register("structure.negotiation-labels", placeholders=("label",))
def negotiation_labels(doc: Document, params: dict, ctx) -> Iterator[CheckHit]:
    """ED-19: "PP3", "[OP5bis]", "[A/HRC/28/2 (PP5)]" are negotiation metadata, removed before tabling."""
    joined = _joined_text(ctx)
    if "[" not in joined and "PP" not in joined and "OP" not in joined:
        return  # each node is skipped below when none of these is in its text (part of ``joined``)
    for node in ctx.nodes:
        text = node.text
        if "[" in text and doc.is_draft:  # an adopted text may keep "6. [Deleted]" in a numbered list
            for m in _REVISION_MARK.finditer(text):
                yield CheckHit(node, m.start(), m.end(), {"label": m.group(0)})
        if "PP" not in text and "OP" not in text:
            continue  # every label names PP or OP: spare the regex
        start = getattr(node, "body_start", 0)
        for m in _LABEL.finditer(text):
            if m.end() <= start and not m.group(0).lstrip().startswith(("PP", "OP", "[", "(")):
                continue  # the paragraph's own number
            if m.group(0).lstrip().startswith(("PP", "OP", "[", "(")) or m.start() == start:
                yield CheckHit(node, m.start() + (len(m.group(0)) - len(m.group(0).lstrip())),
                               m.end(), {"label": m.group(0).strip()})


# ---------------------------------------------------------------- numbers (ED-20)

_UNITS = ("days|weeks|months|years|hours|minutes|members|States|Member\\s+States|countries|"
          "experts|persons|meetings|sessions|pages|times|representatives|judges|seats|candidates|"
          "working\\s+days|calendar\\s+days|languages|regions|copies")
# A count of 10 or more ("15 days"), not a year ("the 2027 session"): beside one, small
# numbers stay in figures too.
_LARGE_COUNT = re.compile(r"(?<![\w.,/])(?!(?:19|20)\d\d(?![\w.,/]))(?:[1-9]\d|\d{3,})(?![\w.,/])\s+[a-z]")
# The look-behind comes after the digit so that ``re`` can skip to digits (3x faster).
_SMALL = re.compile(rf"([1-9])(?<![\w.,/()-][1-9])\s+(?:additional\s+|more\s+|further\s+|consecutive\s+|full\s+)?(?:{_UNITS})\b")
_BEFORE_OK = re.compile(r"(?:paragraphs?|resolutions?|articles?|art\.|chapters?|annex(?:es)?|sections?|items?|"
                        r"Goals?|No\.|rules?|volumes?|vol\.|parts?|principles?|recommendations?|tables?|"
                        r"figures?|phase|level|category|Protocol|page|pages|decisions?|targets?|and|to|or|from|"
                        r"Add\.|Corr\.|Rev\.)\s*$", re.I)
_PERCENT = re.compile(r"(?<=\d)\s?%|(?<=\d)\s(?:percent|per-cent)\b")


def _joined_text(ctx) -> str:
    """The texts of the scope's nodes joined by line breaks: one scan tells a document with
    nothing to report (most) from one to look at node by node.

    A string found in a node's text is found here. So is a match of ``_SMALL``: its
    look-behind sees a line break where the node's text starts (allowed, like the start),
    and its closing ``\b`` a line break where the text ends (a boundary, like the end).
    Kept with the node list it was made from (STR015-STR017 share the document scope's)."""
    nodes = ctx.nodes
    kept = ctx.memo("structure.joined-text", lambda: [None, ""])
    if kept[0] is not nodes:  # the list itself is held, so its identity cannot be reused
        kept[:] = [nodes, "\n".join(n.text for n in nodes)]
    return kept[1]


@register("structure.small-numbers", placeholders=("text", "words"))
def small_numbers(doc: Document, params: dict, ctx) -> Iterator[CheckHit]:
    """ED-20: numbers below 10 are written in words ("within six months")."""
    words = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
    if _SMALL.search(_joined_text(ctx)) is None:
        return  # see ``_joined_text``: no match in any node
    for node in ctx.nodes:
        for m in _SMALL.finditer(node.text):
            if _BEFORE_OK.search(node.text[max(0, m.start() - 14):m.start()]):
                continue
            if re.match(r"\s+of\s+age\b", node.text[m.end():m.end() + 8]):
                continue  # ages are given in figures ("children under 5 years of age")
            near = node.text[max(0, m.start() - 160):m.end() + 160]  # about a sentence
            if _LARGE_COUNT.search(near):
                continue  # figures below and above 10 together stay in figures
            yield CheckHit(node, m.start(), m.end(),
                           {"text": m.group(0), "words": words[int(m.group(1)) - 1] + m.group(0)[1:]})


@register("structure.percent-sign", placeholders=("text",))
def percent_sign(doc: Document, params: dict, ctx) -> Iterator[CheckHit]:
    """ED-20: "per cent" is spelled out ("15 per cent", not "15%" or "15 percent")."""
    joined = _joined_text(ctx)
    if "%" not in joined and "ercent" not in joined and "er-cent" not in joined:
        return  # each node is skipped below when none of these is in its text (part of ``joined``)
    for node in ctx.nodes:
        if "%" not in node.text and "ercent" not in node.text and "er-cent" not in node.text:
            continue
        for m in _PERCENT.finditer(node.text):
            if m.group(0)[-1] != "%" and isinstance(node, AnnexParagraph):
                continue  # "percent" in an annexed technical list is reproduced as adopted elsewhere
            yield CheckHit(node, m.start(), m.end(), {"text": node.text[max(0, m.start() - 3):m.end()].strip()},
                           fix=_replace_fix(node, m.start(), m.group(0), " per cent", "Write 'per cent'"))


# ---------------------------------------------------------------- closing meeting line (ED-23)

def _ordinal_words_pattern() -> str:
    """An ordinal in words, 1st to 999th: "sixty-second", "one hundred and fifth", "two hundredth"."""
    from checker.grammar.sessions import CARD_UNITS, ORDINALS
    ordinal = "|".join(sorted(ORDINALS, key=len, reverse=True))  # "sixty-second" before "sixty"
    hundreds = "|".join(CARD_UNITS)
    return rf"(?:(?:{hundreds})\s+hundred(?:th|\s+(?:and\s+)?(?:{ordinal}))|{ordinal})"


# The whole line: the meeting in words, perhaps with its date ("Sixty-second plenary meeting",
# "Fifth meeting, 16 December 2025"). Running text that merely starts a line is not one.
_MEETING_IN_WORDS = re.compile(
    rf"[ \t]*(?P<words>{_ordinal_words_pattern()})(?:\s+\(resumed\))?\s+(?:plenary\s+)?meeting"
    rf"(?=[ \t]*(?:,?[ \t]*\d{{1,2}}[ \t]+[a-z]+[ \t]+\d{{4}})?[ \t]*\.?[ \t]*(?:\n|$))", re.I)


def _ordinal_value(words: str) -> Optional[int]:
    from checker.grammar.sessions import ORDINALS
    parts = re.split(r"\s+hundred(?:th)?(?:\s+(?:and\s+)?)?", words.lower().strip())
    if len(parts) == 1:
        return ORDINALS.get(parts[0])
    units = {w: i + 1 for i, w in enumerate(("one", "two", "three", "four", "five", "six", "seven", "eight", "nine"))}
    rest = ORDINALS.get(parts[1], 0) if parts[1] else 0
    return units[parts[0]] * 100 + rest if parts[0] in units else None


def _with_suffix(n: int) -> str:
    """62 -> "62nd", 111 -> "111th"."""
    suffix = "th" if n % 100 in (11, 12, 13) else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


@register("structure.closing-meeting-in-words", placeholders=("words", "figure"))
def closing_meeting_in_words(doc: Document, params: dict, ctx) -> Iterator[CheckHit]:
    """ED-23: the closing meeting line of an adopted text gives the number in figures ("62nd plenary meeting")."""
    if doc.kind == "amendment":
        return  # its lines are instructions and quoted text
    # Not only texts the header calls adopted: a headerless text is taken for a draft when the
    # parser finds no closing block, and a meeting line in words is what it does not find.
    source = doc.source
    # Closing lines stand after the authoring line and before any annex, whether the parser filed
    # them as the closing block, passed over them as headings or joined them to a paragraph.
    start = doc.authoring.span.end if doc.authoring is not None else 0
    end = min((a.span.start for a in doc.annexes if a.span.start >= start), default=len(source))
    at = source.find("eeting", start, end)  # "meeting", "Meeting"
    while at >= 0:  # only the lines that hold the word are read
        line_start = source.rfind("\n", start, at) + 1 or start
        m = _MEETING_IN_WORDS.match(source, line_start, end)
        at = source.find("eeting", at + 6, end)
        if m is None:
            continue
        words = m.group("words")
        n = _ordinal_value(words)
        if n is None or not words[:1].isupper():
            continue  # a closing line starts with a capital; running text on a new line does not
        s, e = m.span("words")
        figure = _with_suffix(n)
        fix = Fix(f"Write '{figure}'", (Edit(Span(s, e), figure),), safe=True)
        yield CheckHit(None, 0, 0, {"words": words, "figure": figure}, fix=fix, span=Span(s, e), address="CLOSING")


# ---------------------------------------------------------------- sub-paragraph label form (ED-11)

# A line of a paragraph that opens with a bare label, "a) Honour ..." or "ii) Support ...", not "(a)".
_BARE_LABEL = re.compile(r"(?m)^[ \t]*(?P<label>[a-z]{1,2}|[ivxl]{3,6})\)[ \t]+(?=[A-Za-z\u201c\"])")


@register("structure.subparagraph-label-form", placeholders=("label", "expected"))
def subparagraph_label_form(doc: Document, params: dict, ctx) -> Iterator[CheckHit]:
    """ED-11: sub-paragraph labels are written "(a)", "(i)", not "a)" or "i)".

    The parser does not read "a)" as a label, so the items stay text of their paragraph, on
    lines of their own in the source (the node's text may have joined them with a space): the
    source is read. A bare label counts only as part of a series that starts at "a)" or "i)" in
    the paragraph and runs on without a gap: a line a hard-wrapped sentence happens to start
    with "b) of" is not one. Only the resolution's own paragraphs: an annexed instrument keeps
    its style."""
    if not _reliable(ctx, params):
        return
    source = doc.source
    for p in list(ctx.nodes) + _own_annex_paragraphs(doc):
        if not isinstance(p, Paragraph) or ")" not in p.text:
            continue
        span = p.span
        first_break = source.find("\n", span.start, span.end)
        if first_break < 0:
            continue  # a bare label opens a line after the paragraph's first
        for series in _bare_series(source, first_break, span.end):
            labels = [source[at.start:at.end] for at in series]
            fixed = [f"({label[:-1]})" for label in labels]
            fix = Fix(f"Write {', '.join(fixed)}", tuple(Edit(at, new) for at, new in zip(series, fixed)), safe=True)
            # One finding per series, at its first label: the fix mends them all.
            yield CheckHit(None, 0, 0, {"label": ", ".join(labels), "expected": ", ".join(fixed)}, fix=fix,
                           span=series[0], address=p.address)


def _bare_series(source: str, start: int, end: int) -> list[list[Span]]:
    """The runs of bare labels ("a)", "b)" ...; "i)", "ii)" ...) that open lines of ``source[start:end]``,
    each a list of the labels' spans (the closing parenthesis included)."""
    runs: list[list[Span]] = []
    previous: Optional[str] = None
    for m in _BARE_LABEL.finditer(source, start, end):
        label = m.group("label")
        if not _continues(previous, label):
            previous = None
            continue
        at = Span(m.start("label"), m.end("label") + 1)
        if not runs or label == "a" or (label == "i" and previous != "h"):  # a new series ("i" after "h" goes on)
            runs.append([at])
        else:
            runs[-1].append(at)
        previous = label
    return runs


def _continues(previous: Optional[str], label: str) -> bool:
    """Is ``label`` the start of a series ("a", "i") or the next label after ``previous``?"""
    if label in ("a", "i"):
        return True
    for series in (_LETTERS, _ROMAN):
        if previous in series and label in series and series.index(label) == series.index(previous) + 1:
            return True
    return False


# ---------------------------------------------------------------- -ise spelling (ED-21)

# Every finding ends in one of these (lower case: a word in capitals is left alone). The search
# starts with the literal "is", which ``re`` finds fast; the stem before it is then looked up in a
# set, so the rule costs a scan for "is" and not a try of every stem at every word.
_ISE_ENDING = re.compile(r"is(?=(?:ations?|ers?|ing|ed|es|e)\b)")
_LIST_OF_WORDS = {"type": "array", "items": {"type": "string", "minLength": 1}}


@lru_cache(maxsize=8)
def _stem_set(stems: tuple[str, ...]) -> frozenset[str]:
    return frozenset(s.lower() for s in stems)


@register("structure.ise-spelling", placeholders=("word", "replacement"),
          params_schema={"type": "object", "properties": {"stems": _LIST_OF_WORDS, "prefixes": _LIST_OF_WORDS,
                                                           "exceptions": _LIST_OF_WORDS},
                         "required": ["stems"], "additionalProperties": False})
def ise_spelling(doc: Document, params: dict, ctx) -> Iterator[CheckHit]:
    """ED-21: a word of the -ize family (``stems``, perhaps after one of ``prefixes``) spelled -ise."""
    stems = _stem_set(tuple(params["stems"]))
    prefixes = tuple(params.get("prefixes") or ())
    exceptions = [re.compile(p) for p in params.get("exceptions") or ()]
    for node in ctx.nodes:
        text = node.text
        for m in _ISE_ENDING.finditer(text):
            start = m.start()
            word_start = start
            while word_start > 0 and text[word_start - 1].isalpha():
                word_start -= 1
            stem = text[word_start:start].lower()
            if stem not in stems and not any(stem.startswith(p) and stem[len(p):] in stems for p in prefixes):
                continue
            word_end = start + 2
            while word_end < len(text) and text[word_end].isalpha():
                word_end += 1
            if any(e.start() <= word_start and word_end <= e.end()
                   for x in exceptions for e in x.finditer(text, max(0, word_start - 2), word_end)):
                continue
            word = text[word_start:word_end]
            replacement = word[:start - word_start] + "iz" + word[start - word_start + 2:]
            fix = _replace_fix(node, start, "is", "iz", f"Write '{replacement}'")
            yield CheckHit(node, word_start, word_end, {"word": word, "replacement": replacement}, fix=fix)


# ---------------------------------------------------------------- American spelling (ED-21)

_SPELLINGS_SCHEMA = {"type": "object", "additionalProperties": {"type": "string", "minLength": 1}, "minProperties": 1}


@lru_cache(maxsize=8)
def _spelling_scan(words: tuple[str, ...], anchors: tuple[str, ...]) -> dict[str, re.Pattern[str]]:
    """{literal: pattern}: every word contains one of the literals (an anchor of the rule's, or else
    the word itself); the literal's pattern finds the words that contain it. A pattern that opens
    with the literal ("programs?") is searched for as a string, fast; the word's start is checked
    by the caller."""
    by_literal: dict[str, list[str]] = {}
    for w in words:
        by_literal.setdefault(next((a for a in anchors if a in w), w), []).append(w)
    return {lit: re.compile("(?:" + "|".join(re.escape(w) for w in sorted(ws, key=len, reverse=True)) + r")(?!\w)")
            for lit, ws in by_literal.items()}   # longest first: "programs" before "program"


@register("structure.american-spelling", placeholders=("word", "replacement"),
          params_schema={"type": "object", "properties": {"spellings": _SPELLINGS_SCHEMA, "anchors": _LIST_OF_WORDS,
                                                           "exceptions": _LIST_OF_WORDS},
                         "required": ["spellings"], "additionalProperties": False})
def american_spelling(doc: Document, params: dict, ctx) -> Iterator[CheckHit]:
    """ED-21: an American spelling ("program", "center", "labor") of a word the United Nations spells
    the Oxford way. Only the lower-case word: a capitalized one is a name ("Joint Data Center")."""
    spellings: dict[str, str] = params["spellings"]
    scans = _spelling_scan(tuple(spellings), tuple(params.get("anchors") or ()))
    joined = _joined_text(ctx)
    # A literal test, then the literal's own pattern on the whole text ("program" is in every
    # "programme"): most documents stop here, and a node is read only for a pattern found.
    present = [(lit, pattern) for lit, pattern in scans.items() if lit in joined and pattern.search(joined)]
    if not present:
        return
    exceptions = [re.compile(p) for p in params.get("exceptions") or ()]
    for node in ctx.nodes:
        text = node.text
        hits = sorted((m for lit, pattern in present if lit in text for m in pattern.finditer(text)
                       if m.start() == 0 or not text[m.start() - 1].isalnum() and text[m.start() - 1] != "_"),
                      key=lambda m: m.start())   # "people-centered" too
        for m in hits:
            if any(e.start() <= m.start() and m.end() <= e.end()
                   for x in exceptions for e in x.finditer(text, max(0, m.start() - 40), m.end())):
                continue
            word, replacement = m.group(0), spellings[m.group(0)]
            fix = _replace_fix(node, m.start(), word, replacement, f"Write '{replacement}'")
            yield CheckHit(node, m.start(), m.end(), {"word": word, "replacement": replacement}, fix=fix)


# ---------------------------------------------------------------- sponsor list (ED-24)

_SPONSOR_LINE = re.compile(r"^(?P<names>[^\n:]{3,}?):\s*(?:revised\s+)?(?:draft\s+(?:resolution|decision)|amendments?\b)",
                           re.MULTILINE | re.IGNORECASE)
_SERIAL_COMMA = re.compile(r",\s+and\s+(?=[^,]*\Z)")


def _sponsor_key(name: str) -> str:
    """Alphabetical key of a State's English short name: accents and marks do not count."""
    plain = name
    if not name.isascii():
        import unicodedata  # only for "Côte d'Ivoire", "Türkiye": a cold start is spared the module

        plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z ]", "", plain.lower()).strip()  # "* Ecuador": a non-member's mark


@register("structure.sponsor-list", placeholders=("problem", "expected"),
          params_schema={"type": "object", "properties": {"listed-last": {"type": "array", "items": {"type": "string"}}},
                         "additionalProperties": False})
def sponsor_list(doc: Document, params: dict, ctx) -> Iterator[CheckHit]:
    """ED-24: sponsors in alphabetical order, with no comma before the last "and". Observers
    listed after the Member States (``listed-last``: "State of Palestine") are not ordered."""
    node = doc.header_node
    names = [sp.name for sp in doc.header.sponsors]
    if node is None or len(names) < 2:
        return
    m = _SPONSOR_LINE.search(node.text)
    if m is None:
        return
    line, base = m.group("names"), m.start("names")
    if re.search(r"\bon\s+behalf\s+of\b", line, re.IGNORECASE):
        return  # a State for a group ("Iraq (on behalf of the Group of 77 and China)"): the list is not one of States
    serial = _SERIAL_COMMA.search(line)
    if serial and len(names) >= 3:
        yield CheckHit(node, base + serial.start(), base + serial.start() + 1,
                       {"problem": "has a comma before 'and'", "expected": "write no comma before the last name"})
    last = set(params.get("listed-last") or ())
    while names and names[-1] in last:
        names.pop()
    keys = [_sponsor_key(n) for n in names]
    for i in range(1, len(names)):
        if keys[i] < keys[i - 1]:
            at = line.find(names[i])
            if at >= 0:
                yield CheckHit(node, base + at, base + at + len(names[i]),
                               {"problem": f"is not in alphabetical order ('{names[i]}' after '{names[i - 1]}')",
                                "expected": "list the States in English alphabetical order"})
            return


_SC_NUMBER_LINE = re.compile(r"(?i)(?:resolution\b|\d)")


@register("structure.security-council-title", placeholders=("title",))
def security_council_title(doc: Document, params: dict, ctx) -> Iterator[CheckHit]:
    """ED-17: a Security Council draft or resolution has no title; the Council's resolutions are
    known by their number and the agenda item. What the parser takes for the title of an adopted
    text is most often its number line ("Resolution 2719 (2023)", "101 (1953). Resolution of ...",
    or an OCR fragment of it, "of 15 March 1965"): a title is a line that opens with a capital
    and is none of these."""
    if doc.kind not in ("draft-resolution", "resolution") or (doc.body or doc.header.body) != "Security Council" \
            or doc.title is None:
        return
    title = doc.title
    if not title.text[:1].isupper() or _SC_NUMBER_LINE.match(title.text):
        return
    yield CheckHit(title, 0, len(title.text), {"title": title.text if len(title.text) <= 60 else title.text[:57] + "..."})


# ---------------------------------------------------------------- date format (ED-18)

_MONTH = re.compile(r"(?:January|February|March|April|May|June|July|August|September|October|November|December)\b")
_ORDINAL_BEFORE = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)\s+(?:of\s+)?\Z")
_DAY_COMMA_AFTER = re.compile(r"\s*,\s*\d{4}\b")
_DAY_BEFORE = re.compile(r"\b\d{1,2}\s+\Z")
_DAY_YEAR_AFTER = re.compile(r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b")


@register("structure.date-format", placeholders=("match",))
def date_format(doc: Document, params: dict, ctx) -> Iterator[CheckHit]:
    """ED-18: day, month, year; no ordinal suffix ("22nd September"), no month first
    ("September 22, 2026"), no comma before the year ("22 September, 2026").

    Every such date has a month name, and a scan for month names is some five times faster
    than a pattern that starts at the day; the words around each month are then read."""
    for node in ctx.nodes:
        text = node.text
        for m in _MONTH.finditer(text):
            # Most months are "15 March 2006": cheap tests first, regexes only near a suspect.
            window = text[max(0, m.start() - 12):m.start()]
            if any(suffix in window for suffix in ("st ", "nd ", "rd ", "th ")):
                before = _ORDINAL_BEFORE.search(window)
                if before:
                    start = m.start() - len(window) + before.start()
                    yield CheckHit(node, start, m.end(), {"match": text[start:m.end()]})
                    continue
            follows = text[m.end():m.end() + 3]
            day = _DAY_BEFORE.search(window) if window[-1:].isspace() else None
            if follows[1:2].isdigit() and day is None:
                after = _DAY_YEAR_AFTER.match(text, m.end())
                if after:
                    yield CheckHit(node, m.start(), after.end(), {"match": text[m.start():after.end()]})
                    continue
            if "," in follows and day is not None:
                comma = _DAY_COMMA_AFTER.match(text, m.end())
                if comma:
                    start = m.start() - len(window) + day.start()
                    yield CheckHit(node, start, comma.end(), {"match": text[start:comma.end()]})
