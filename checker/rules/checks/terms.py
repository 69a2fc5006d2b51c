"""terms: acronyms, short forms and names that are never abbreviated (§8 of the drafting spec).

The acronym index comes from the resolve stage (``checker/resolve/acronyms.py``).
The whole body of the text counts (title, preamble, operative part, annexes
and footnotes; never the header): an acronym defined in a footnote is
defined, and an acronym used only in a footnote is used. Positions are
compared in the original file, so a footnote printed at the foot of page 2
comes before the paragraphs of page 3.

Lists are data from the rule's ``params`` and ``options``: ``allow`` (acronyms
that need no definition), ``label-prefixes`` (negotiation labels: a prefix and a
number, "PP5", "OP7", are not acronyms), ``never`` (names that are never abbreviated and what
to write instead), ``short-forms`` (the definite short forms to track),
``swap`` (non-agreed term -> agreed term).
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections import defaultdict
from typing import Iterable, Iterator, Optional

from checker.findings import Edit, Fix
from checker.grammar.citations import lowered
from checker.grammar.terms import ALWAYS_SPELLED_OUT, UN_NAME, find_acronym_definitions, find_acronym_uses
from checker.model import Annex, Document, Footnote, Node, Title
from checker.resolve.acronyms import (QUOTED as _QUOTED, AcronymIndex, AcronymTexts, Occurrence, body_nodes,
                                      index_acronyms, index_annex, shouting as _shouting)
from checker.rules.checks import CheckHit, register

_LIST = {"type": "array", "items": {"type": "string", "minLength": 1}}
_SWAP = {"type": "object", "additionalProperties": {"type": "string"}}
_SCHEMA = {
    "type": "object",
    "properties": {"allow": _LIST, "also-allow": _LIST, "label-prefixes": _LIST, "max-uses": {"type": "integer", "minimum": 1},
                   "short-forms": _LIST, "lower-case-titles": _LIST,
                   "not-in": {"type": "object", "additionalProperties": _LIST}, "owner-named-before": _SWAP, "swap": _SWAP, "swap-if-undefined": _SWAP},
    "additionalProperties": False,
}


def _acronym_texts(ctx, doc: Document) -> AcronymTexts:
    return ctx.resolution.acronym_texts if ctx is not None else AcronymTexts(doc)


def _index(ctx, doc: Document) -> AcronymIndex:
    """The document's acronym definitions and uses: the resolve stage's, indexed once."""
    return ctx.resolution.acronyms if ctx is not None else index_acronyms(doc)


def _allowed(params: dict) -> set[str]:
    return set(params.get("allow") or ()) | set(params.get("also-allow") or ()) | set(ALWAYS_SPELLED_OUT)


@functools.lru_cache(maxsize=16)
def _label_re(prefixes: tuple[str, ...]) -> Optional[re.Pattern]:
    """A negotiation label: a prefix and a paragraph number ("PP5", "OP7"; "OP7 bis" is read as "OP7")."""
    if not prefixes:
        return None
    return re.compile(rf"(?:{'|'.join(map(re.escape, prefixes))})\d{{1,3}}")


def _labels(params: dict):
    """The uses that are negotiation labels, not acronyms (STR015 reports those left in a text)."""
    pattern = _label_re(tuple(params.get("label-prefixes") or ()))
    return (lambda occ: False) if pattern is None else (lambda occ: pattern.fullmatch(occ.acronym) is not None)


def _hit(occ: Occurrence, **values) -> CheckHit:
    return CheckHit(occ.node, occ.start, occ.end, {"acronym": occ.acronym, **values})


# ----------------------------------------------------------------------- acronyms

@register("terms.undefined-acronym", placeholders=("acronym",), params_schema=_SCHEMA)
def undefined_acronym(doc: Document, params: dict, ctx) -> Iterator[CheckHit]:
    """TRM001: an acronym used with no "Full Name (ACR)" anywhere in the text (first use only)."""
    idx, allowed, label = _index(ctx, doc), _allowed(params), _labels(params)
    for base, uses in idx.uses.items():
        if base in idx.defs or base in allowed or uses[0].acronym in allowed:
            continue
        # Footnotes cite titles as published ("Adopted under the UNFCCC in FCCC/CP/2015/10/Add.1"):
        # an acronym only used there counts as used, not as undefined.
        body_uses = [u for u in uses if not isinstance(u.node, Footnote) and not label(u)]
        if body_uses:
            yield _hit(body_uses[0])
    # An annex the resolution drafts itself (guidelines, modalities) is read like its text: an
    # acronym there is defined in the resolution or in the annex. An annexed instrument is not.
    for own in _own_annex_indexes(ctx, doc):
        for base, uses in own.uses.items():
            if base in idx.defs or base in own.defs or base in allowed or uses[0].acronym in allowed:
                continue
            own_uses = [u for u in uses if not label(u)]
            if own_uses:
                yield _hit(own_uses[0])


def _own_annex_indexes(ctx, doc: Document) -> list[AcronymIndex]:
    """The acronyms of each annex the resolution drafts itself, indexed once per document
    (TRM001 and TRM004 both read them)."""
    def make() -> list[AcronymIndex]:
        return [index_annex(a, _acronym_texts(ctx, doc)) for a in doc.annexes if annex_is_own_text(doc, a)]

    return ctx.memo("terms.own-annex-indexes", make) if ctx is not None else make()


# An annexed text named as one of these is an instrument, negotiated or adopted as a whole (often
# elsewhere: a conference, another organ) and reproduced as it stands: "Political Declaration
# adopted at the High-level Political Forum", "Global Digital Compact", "Revised text of rules 41
# to 47 of the provisional rules of procedure", "United Nations Convention on ...".
_INSTRUMENT_NAME = re.compile(
    r"\b(?:Declarations?|Conventions?|Protocols?|Agreements?|Compacts?|Pacts?|Charters?|Statutes?|Covenants?"
    r"|Treat(?:y|ies)|Constitution|Agenda|Plan|Programme|Platform|Outcome|Accords?|Code"
    r"|rules?\s+(?:\d|of\s+procedure)|adopted\s+(?:at|by|in)\b)", re.I)


def annex_name(annex: Annex) -> str:
    """The annex's title: the one printed with "Annex", else its first paragraph when that is
    an unnumbered line ("Annex" / "Guidelines for the participation of ...")."""
    if annex.title.strip():
        return annex.title
    first = annex.paragraphs[0] if annex.paragraphs else None
    return first.text.split("\n")[0] if first is not None and first.number is None else ""


def annex_is_own_text(doc: Document, annex: Annex) -> bool:
    """Is the annex the resolution's own text, to be read by its rules? Not an instrument
    (``_INSTRUMENT_NAME``), nor an annex without a name; nor any annex of a Security Council
    resolution, whose annexes are lists, forms and texts agreed by others (the goods review
    list of 1454 (2002), the rules of procedure of 263 (1969) and 345 (1974))."""
    if "Security Council" in (doc.body or ""):
        return False
    name = annex_name(annex)
    return bool(name.strip()) and _INSTRUMENT_NAME.search(name) is None


@register("terms.acronym-before-definition", placeholders=("acronym", "address_of_definition"),
          params_schema=_SCHEMA)
def acronym_before_definition(doc: Document, params: dict, ctx) -> Iterator[CheckHit]:
    """TRM002: an acronym used before the paragraph that defines it."""
    idx, allowed, label = _index(ctx, doc), _allowed(params), _labels(params)
    for base, defs in idx.defs.items():
        if base in allowed:
            continue
        first_def = defs[0][0]
        early = [u for u in idx.uses.get(base, []) if u.pos < first_def.pos and not label(u)]
        if early:
            yield _hit(early[0], address_of_definition=first_def.node.address)


def _norm(expansion: str) -> str:
    words = re.findall(r"[\w’'-]+", expansion.lower())
    return " ".join(w for w in words if w not in ("the", "of", "and", "for", "on", "in"))


@register("terms.acronym-redefined", placeholders=("acronym", "first", "second", "address_of_definition"),
          params_schema=_SCHEMA)
def acronym_redefined(doc: Document, params: dict, ctx) -> Iterator[CheckHit]:
    """TRM003: one acronym defined with two different full names.

    An acronym of ``allow`` needs no definition, but one the text defines twice, differently,
    is reported all the same. A name whose initials do not fit the acronym (the acronym of an
    earlier name: "United Nations Population Fund (UNFPA)") is compared with one whose initials
    do ("United Nations Fund for Population Activities (UNFPA)"); two such names are not (the
    finder may have read neither)."""
    idx = _index(ctx, doc)
    for base, defs in idx.defs.items():
        if len(defs) < 2:
            continue
        first_occ, first = defs[0]
        first = first or idx.written.get((base, first_occ.pos), "")
        for occ, expansion in defs[1:]:
            fits = bool(expansion) or bool(defs[0][1])
            expansion = expansion or idx.written.get((base, occ.pos), "")
            a, b = _norm(first), _norm(expansion)  # empty when the finder could not read the name
            # The expansion finder may take more or fewer leading words: only a real difference counts.
            if fits and a and b and not (a.endswith(b) or b.endswith(a)):
                yield _hit(occ, first=first.strip(), second=expansion.strip(),
                           address_of_definition=first_occ.node.address)
                break
    yield from _short_form_redefined(ctx, doc)


# A quoted short form in parentheses: '(hereinafter "the Group")', '("Johannesburg Plan of Implementation")'.
_SHORT_FORM_OPEN = re.compile(r"\((?:hereinafter|[\u201c\"\u2018'])")


def _short_form_redefined(ctx, doc: Document) -> Iterator[CheckHit]:
    """TRM003 for short forms: '(hereinafter "the Group")' given to two different names."""
    if _SHORT_FORM_OPEN.search(_body_text(ctx, doc)[1].whole) is None:  # nearly every document
        return
    first: dict[str, tuple[Node, str]] = {}
    reported: set[str] = set()
    for node in body_nodes(doc, annexes=False):
        if _SHORT_FORM_OPEN.search(node.text) is None:  # nearly every paragraph
            continue
        for d in find_acronym_definitions(node.text):
            if d.kind != "short-form" or not d.plausible:
                continue
            if d.acronym not in first:
                first[d.acronym] = (node, d.expansion)
                continue
            first_node, name = first[d.acronym]
            a, b = _norm(name), _norm(d.expansion)
            if a and b and not (a.endswith(b) or b.endswith(a)) and d.acronym not in reported:
                reported.add(d.acronym)
                yield CheckHit(node, d.start, d.end, {"acronym": d.acronym, "first": name.strip(), "second": d.expansion.strip(),
                                                      "address_of_definition": first_node.address})


# The name goes on after "(ACR)": the parenthesis is part of an official title ("the SIDS
# Accelerated Modalities of Action (SAMOA) Pathway", "the ... (INTERPOL) Global Focal Point Network").
_TITLE_AFTER_DEFINITION = re.compile(r"\)[ \t]+[A-Z][a-z]")


_UN_NAME = re.compile(UN_NAME)


def _un_name(base: str) -> bool:
    """"UN-Women", "UN-Habitat": read as acronyms for TRM001/TRM002 only (``find_un_name_uses``)."""
    return _UN_NAME.fullmatch(base) is not None


@register("terms.acronym-defined-again", placeholders=("acronym", "address_of_definition"), params_schema=_SCHEMA)
def acronym_defined_again(doc: Document, params: dict, ctx) -> Iterator[CheckHit]:
    """TRM010: an acronym defined a second time for the same name (ACR-01: once, at first mention).

    Not counted: a definition in the title (the title stands alone) or in a footnote (notes cite
    titles as published), an acronym of ``allow`` ("coronavirus disease (COVID-19)" is repeated
    in agreed language), a definition after which the name goes on ("the SIDS Accelerated
    Modalities of Action (SAMOA) Pathway": an official title), and names the finder could not
    read (two different names are TRM003's)."""
    idx, allowed = _index(ctx, doc), _allowed(params)
    for base, defs in idx.defs.items():
        if len(defs) < 2 or base in allowed or _un_name(base):
            continue   # adopted texts give "UN-Women" its full name again in long resolutions
        own = [(occ, expansion) for occ, expansion in defs
               if expansion and not isinstance(occ.node, (Title, Footnote))
               and not _TITLE_AFTER_DEFINITION.match(occ.node.text, occ.end)]
        if len(own) < 2 or own[0][0].acronym in allowed:
            continue
        first_occ, first = own[0]
        for occ, expansion in own[1:]:
            a, b = _norm(first), _norm(expansion)
            if a and b and (a.endswith(b) or b.endswith(a)):  # the same name (TRM003: another one)
                yield _hit(occ, address_of_definition=first_occ.node.address)
                break


@register("terms.acronym-rarely-used", placeholders=("acronym", "uses", "expansion"), params_schema=_SCHEMA)
def acronym_rarely_used(doc: Document, params: dict, ctx) -> Iterator[CheckHit]:
    """TRM004: an acronym introduced for a name used only once or twice (definition included)."""
    idx, limit, allowed = _index(ctx, doc), int(params.get("max-uses", 2)), _allowed(params)
    for base, defs in idx.defs.items():
        occ, expansion = defs[0]
        if base in allowed or occ.acronym in allowed or _un_name(base):
            continue   # "UN-Women" is an official name, defined however seldom used (adopted texts)
        total = len(defs) + len(idx.uses.get(base, []))
        if total <= limit and doc.annexes:  # uses in the annexes the resolution drafts itself count too
            total += sum(len(own.uses.get(base, [])) for own in _own_annex_indexes(ctx, doc))
        if total <= limit and expansion.strip() and not _TITLE_AFTER_DEFINITION.match(occ.node.text, occ.end):
            yield _hit(occ, uses=total, expansion=expansion.strip())


@register("terms.acronym-possessive", placeholders=("acronym",), params_schema=_SCHEMA)
def acronym_possessive(doc: Document, params: dict, ctx) -> Iterator[CheckHit]:
    """TRM011: an acronym in the possessive ("WHO's estimates": "the estimates of WHO"). Once per
    acronym; names never abbreviated ("UN's") are TRM006's."""
    idx = _index(ctx, doc)
    for base, uses in idx.uses.items():
        if base in ALWAYS_SPELLED_OUT:
            continue
        for u in uses:
            if u.node.text.startswith("'s", u.end) or u.node.text.startswith("\u2019s", u.end):
                yield _hit(u)
                break


# The head noun of a name whose acronym takes no article: an organization, a programme, a fund,
# an office ("the United Nations Development Programme (UNDP)": "UNDP", never "the UNDP"). Treaties,
# mechanisms, conferences and processes keep theirs ("the UNFCCC", "the TPVM", "the COP").
_NO_ARTICLE_HEAD = re.compile(r"(?:Organi[sz]ation|Programme|Fund|Office|Agency|Commissioner|Institute|Entity|Service|Department|Division|Cent(?:re|er)|Mission|Force|Operation)\Z")
# "the" before the acronym ...
_THE_BEFORE = re.compile(r"\b[Tt]he\s+\Z")
# ... and after it, the acronym standing alone: punctuation or a function word, once a list of
# acronyms joined to it is passed over, all of it (a possessive quantifier: "the UNDP and UNFPA
# Executive Board" is not read as "the UNDP" and "and": the article is the Board's).
_ALONE_AFTER = re.compile(r"(?:\s*(?:,|/|\s(?:and|or)\s)\s*[A-Z][A-Z0-9-]+s?\b)*+"
                          r"\s*(?:$|[,;:.)]|(?:to|and|or|in|on|for|with|at|as|is|has|have|which|that|by|from)\b)")


def _head_noun(expansion: str) -> str:
    """The name up to where it goes on ("Food and Agriculture Organization" of "... of the United Nations")."""
    m = re.search(r"\s(?:of|on|for|in)\s", expansion)
    return (expansion[:m.start()] if m else expansion).strip()


@register("terms.acronym-with-article", placeholders=("acronym",), params_schema=_SCHEMA)
def acronym_with_article(doc: Document, params: dict, ctx) -> Iterator[CheckHit]:
    """TRM012: "the UNHCR": the acronym of an organization, programme, fund or office the text
    defines takes no article. Once per acronym."""
    idx = _index(ctx, doc)
    for base, uses in idx.uses.items():
        expansion = next((e for _, e in idx.defs.get(base, ()) if e), "")
        if not expansion or not _NO_ARTICLE_HEAD.search(_head_noun(expansion)):
            continue
        for u in uses:
            text = u.node.text
            if not _THE_BEFORE.search(text, max(0, u.start - 5), u.start):
                continue
            if _ALONE_AFTER.match(text, u.end):
                yield _hit(u)
                break


@register("terms.dotted-acronym", placeholders=("acronym", "undotted"), params_schema=_SCHEMA)
def dotted_acronym(doc: Document, params: dict, ctx) -> Iterator[CheckHit]:
    """TRM007: abbreviations carry no full stops ("UNDP", not "U.N.D.P.").

    Not abbreviations: section references ("sect. I.A.": a roman numeral first) and the
    place names in ``allow`` ("Washington, D.C.")."""
    allowed = set(params.get("allow") or ())
    # An annex reproduced as others wrote it (a form, an instrument) keeps its "U.N.".
    reproduced = {id(n) for annex in doc.annexes if not annex_is_own_text(doc, annex)
                  for para in annex.paragraphs for n in (para, *para.all_subparagraphs())}
    for node, text in _acronym_texts(ctx, doc).of(body_nodes(doc)):  # the others have no use
        if id(node) in reproduced:
            continue
        for u in find_acronym_uses(text):
            if not u.dotted or u.text in allowed or u.text[0] in "IVX":
                continue
            right = ALWAYS_SPELLED_OUT.get(u.acronym, u.acronym)
            fix = Fix(f"Replace '{u.text}' with '{right}'", (Edit(node.span_of(u.start, u.end), right),), safe=True)
            yield CheckHit(node, u.start, u.end, {"acronym": u.text, "undotted": right}, fix=fix)


@register("terms.never-abbreviated", placeholders=("match", "replacement"), params_schema=_SCHEMA)
def never_abbreviated(doc: Document, params: dict, ctx) -> Iterator[CheckHit]:
    """TRM006: names the United Nations never abbreviates ("UN", "ECOSOC"), with the full name as fix.

    ``swap`` maps each abbreviation to its full name; only certain ones belong there.
    Official names built on "UN-" ("UN-Women") are not abbreviations; titles in
    quotation marks and lines in capitals are left alone (a quotation that opens a
    line is not a title but text being adopted: it is checked)."""
    swap = params.get("swap") or {}
    # "SG", "GA", "SC" stand for other names too ("Steering Group (SG)"): an error only when the
    # text does not define them itself, and the fix is not applied unasked.
    ambiguous = params.get("swap-if-undefined") or {}
    for node, text in _acronym_texts(ctx, doc).of(ctx.nodes):  # the others have no use
        quoted = None  # found once a use is in ``swap``: few paragraphs get there
        for u in find_acronym_uses(text):
            right = swap.get(u.acronym)
            if right is None and u.acronym in ambiguous and u.acronym not in _index(ctx, doc).defs:
                right = ambiguous[u.acronym]
            if right is None or u.dotted or text[u.end:u.end + 1] == "-":
                continue
            if text[u.end:u.end + 1] == ":" and text[u.end + 1:u.end + 2].isalnum():
                continue  # part of a name: "the SC:ORE initiative"
            if quoted is None:
                quoted = [(m.start(), m.end()) for m in _QUOTED.finditer(text) if not _opens_line(text, m.start())]
            if any(s < u.start < e for s, e in quoted) or _shouting(text, u.start, u.end):
                continue
            fix = Fix(f"Replace '{u.text}' with '{right}'", (Edit(node.span_of(u.start, u.end), right),),
                      safe=u.acronym in swap)
            yield CheckHit(node, u.start, u.end, {"match": u.text, "replacement": right}, fix=fix)


def _opens_line(text: str, pos: int) -> bool:
    """A quotation that opens a line or follows a colon is text being adopted (the
    paragraph an amendment proposes, "paragraph 5 shall read: “5. ...”"), not the title
    of another text ("the report entitled “...”")."""
    return text[:pos].rstrip(" \t")[-1:] in ("", "\n", ":")


# ----------------------------------------------------------------------- short forms

# What follows a head noun when it starts a full name or identifies the body
# ("the Programme of Action to Prevent ...", "the Committee established by resolution 661 (1990)").
# After "of", "on", "for", "against" a name goes on in capitalized words ("Commission on the Status
# of Women"): "the Commission on the refinement of ..." is the short form and what the body did.
# A fund named for its purpose goes on with a gerund ("the Fund for responding to loss and damage"),
# and mandate titles (``lower-case-titles``) in lower case ("Special Rapporteur on the right to food").
_NAMED_BY_TAIL = r"established\b|set\s+up\b|created\b|referred\s+to\b|[A-Z]"
_NAMED_BY = rf"(?:to|in)\s+[A-Z]|{_NAMED_BY_TAIL}"
_NAMING_CAPITAL = rf"\s+(?:(?:of|on|for|against)\s+(?:(?:the|a|an)\s+)?[A-Z0-9]|for\s+[a-z]+ing\b|{_NAMED_BY})"
# "the Special Rapporteur on this question" points back: it is the short form, not a title; nor
# does "to" name a mandate ("the visits made by the Special Rapporteur to Cambodia").
_NAMING_ANY = rf"\s+(?:(?:of|on|for|against)\b(?!\s+(?:this|that|these|those)\b)|in\s+[A-Z]|{_NAMED_BY_TAIL})"


def _naming(head: str, lower_titles: frozenset[str]) -> str:
    return _NAMING_ANY if head in lower_titles else _NAMING_CAPITAL


@functools.lru_cache(maxsize=256)
def _short_form_re(head: str, lower_titles: frozenset[str] = frozenset()) -> re.Pattern:
    """ "the Council" used alone: not the start of a full name ("the Council of Europe").

    "the" comes first and its word boundary after it, as a look-behind ("\\bthe" in effect):
    a pattern that opens with a literal is searched for that literal at C speed, not tried
    at every position (5-10 times faster on real paragraphs)."""
    return re.compile(rf"the(?<!\wthe)\s+{re.escape(head)}\b(?![\w-])(?!{_naming(head, lower_titles)})")


@functools.lru_cache(maxsize=256)
def _full_name_re(head: str, lower_titles: frozenset[str] = frozenset()) -> re.Pattern:
    """A full name whose head noun is ``head``: "Human Rights Council", "Durban Declaration and
    Programme of Action", "Convention on the Rights of ...", '(hereinafter "the Council")'."""
    h = re.escape(head)
    word = r"[A-Z0-9][\w\u2019'-]*"
    return re.compile(rf"\b{word}(?:\s+(?:(?:of|and|for|on|the|de)\s+)*{word})*(?:\s+(?:and|of|for|on))?\s+{h}\b"
                      rf"|\b{h}(?={_naming(head, lower_titles)})"
                      rf"|\b(?:an?|one)\s+(?i:{h})\b"  # introduced indefinitely: "establishes a committee of ..."
                      rf"|[\u201c\"]the\s+{h}[\u201d\"]")


@register("terms.short-form-before-name", placeholders=("short", "full"), params_schema=_SCHEMA)
def short_form_before_name(doc: Document, params: dict, ctx) -> Iterator[CheckHit]:
    """TRM005: "the Office", "the Special Rapporteur" used before the full name it stands for.

    The enacting body defines itself: "the Council" needs no antecedent in a
    Human Rights Council text, "the Assembly" none in a General Assembly text."""
    own = _own_head(doc.body or "")
    nodes, written = _body_text(ctx, doc)
    heads = params.get("short-forms") or ()
    body = doc.body or doc.header.body
    skipped = [h for h, where in (params.get("not-in") or {}).items() if body in where or doc.kind in where]
    if skipped:
        heads = [h for h in heads if h not in skipped]
    owner_before = params.get("owner-named-before") or {}
    # Where "the" stands before a head's first word: one scan of the document for all heads.
    after_the: dict[str, list[int]] = defaultdict(list)
    for m in _after_the_re(tuple(heads)).finditer(written.whole):
        after_the[m.group(1)].append(m.start())
    lower: Optional[_Finder] = None  # the texts in lower case, made for the first short form found
    span_starts: dict[int, int] = {}
    lower_titles = frozenset(params.get("lower-case-titles") or ())
    for head in heads:
        if own and (own == head or own.endswith(" " + head)):
            continue
        # Only the texts where the short form can be are scanned for it (most heads are in none).
        first_word = head.split(" ")[0]
        if _WORD_RUN.fullmatch(first_word):
            # Where ``_short_form_re`` matches, "the", spaces and the head stand as written, and the
            # head's first word is a whole run of [\w-] there (a one-word head has no [\w-] after
            # it): ``_after_the_re`` matched at the same place, with that word.
            holding = written.at(after_the.get(first_word, ()))
        else:
            holding = written.holding(head)  # texts holding the head as written
        if not holding:
            continue
        if not head.isascii():  # (an ASCII head as written is in the lower-case text as well)
            lower = lower or _lower_texts(nodes)
            holding = [i for i in holding if head.lower() in lower.texts[i]]
        short_re, full_re = _short_form_re(head, lower_titles), _full_name_re(head, lower_titles)
        first_short = None
        owner = owner_before.get(head)
        for i in holding:
            node = nodes[i]
            m = short_re.search(node.text)
            while m is not None and owner and _owner_named_before(node.text, m.start(), owner):
                m = short_re.search(node.text, m.end())
            if m is not None:
                pos = node.span_of(m.start(), m.end()).start
                if first_short is None or pos < first_short[0]:
                    first_short = (pos, node, m)
        if first_short is None:
            continue
        # A full name as written ("Charter of the United Nations") is looked for first, in the
        # texts holding the head as written (found above for most heads): the lower-case texts
        # are made only when there is none.
        if head.isascii() and any(_full_name_before(full_re, head, nodes[i], first_short[0])
                                  for i in holding if nodes[i].span_of(0, 0).start < first_short[0]):
            continue
        # Every pattern of a full name needs the head noun, in any case ("a committee"): other
        # texts are skipped. Only a full name before the first short form matters.
        lower = lower or _lower_texts(nodes)
        before = []
        for i in lower.holding(head.lower()):
            if i not in span_starts:
                span_starts[i] = nodes[i].span_of(0, 0).start  # ``span.start``, one offset mapped
            if span_starts[i] < first_short[0]:
                before.append(nodes[i])
        if not any(_full_name_before(full_re, head, node, first_short[0]) for node in before):
            _, node, m = first_short
            yield CheckHit(node, m.start(), m.end(), {"short": m.group(0), "full": head})


def _owner_named_before(text: str, pos: int, owner: str) -> bool:
    """Is ``owner`` named before ``pos`` in the same sentence, close by? "the purposes and
    principles of the United Nations, as defined in the Charter": the Charter is the United
    Nations' (agreed language); "Article 19 of the Charter" in an agenda title after "the
    expenses of the United Nations" too."""
    start = max(0, pos - 120)
    clause = text[start:pos]
    cut = max(clause.rfind(";"), clause.rfind(". "))
    return owner in (clause[cut + 1:] if cut >= 0 else clause)


def _body_text(ctx, doc: Document) -> tuple[list[Node], "_Finder"]:
    """The body nodes and a ``_Finder`` of their texts, made once per document (TRM005, TRM008)."""
    def make():
        nodes = body_nodes(doc)
        return nodes, _Finder([node.text for node in nodes])
    return ctx.memo("terms.body-text", make) if ctx is not None else make()


def _lower_texts(nodes: list[Node]) -> "_Finder":
    """The nodes' texts in lower case. ``lowered`` keeps them for the citation finder, which
    has lowered each paragraph already (the same strings: no second ``str.lower``)."""
    return _Finder([lowered(node.text) for node in nodes])


class _Finder:
    """Which of a document's texts hold a string: one search of the texts joined, at C speed,
    instead of a test of each text."""

    def __init__(self, texts: list[str]):
        self.texts = texts
        self.whole = "\n".join(texts)
        self.starts = list(itertools.accumulate((len(t) + 1 for t in texts[:-1]), initial=0))

    def at(self, positions: Iterable[int]) -> list[int]:
        """Indices of the texts at ``positions`` in the joined text (ascending), in order."""
        out: list[int] = []
        for pos in positions:
            i = bisect.bisect_right(self.starts, pos) - 1
            if not out or out[-1] != i:
                out.append(i)
        return out

    def holding(self, s: str) -> list[int]:
        """Indices of the texts that hold ``s``, in order."""
        if not s:
            return list(range(len(self.texts)))
        out: list[int] = []
        at = self.whole.find(s)
        while at >= 0:
            i = bisect.bisect_right(self.starts, at) - 1
            end = self.starts[i] + len(self.texts[i])
            if at + len(s) <= end:  # not across the line that joins two texts
                out.append(i)
                at = self.whole.find(s, end + 1)
            else:
                at = self.whole.find(s, at + 1)
        return out


_WORD_RUN = re.compile(r"[\w-]+")


@functools.lru_cache(maxsize=16)
def _after_the_re(heads: tuple[str, ...]) -> re.Pattern:
    """ "the" ("\\bthe\\s+") before the first word of a head, the word a whole run of [\\w-]. The word
    is captured in a look-ahead, so that the next search starts at it ("the the Office")."""
    words = sorted({h.split(" ")[0] for h in heads if _WORD_RUN.fullmatch(h.split(" ")[0])})
    return re.compile(r"the(?<!\wthe)\s+(?=(" + "|".join(map(re.escape, words)) + r")(?![\w-]))")


_NAME_GOES_ON = re.compile(r"\s+(?:of|on|for|against|in)\s")


def _own_head(body: str) -> str:
    """The enacting body's name up to its head noun: "Human Rights Council", "Commission"
    of "Commission on Human Rights", "Conference" of "Conference of the Parties"."""
    name = " ".join(body.split())
    m = _NAME_GOES_ON.search(name)
    return name[:m.start()] if m else name


def _full_name_before(full_re: re.Pattern, head: str, node: Node, limit: int) -> bool:
    """Does ``node`` name the full name before the original offset ``limit``?"""
    for m in full_re.finditer(node.text):
        # "the Council" at a sentence start ("The Council ...") is not a full name.
        if re.fullmatch(r"The\s+" + re.escape(head), m.group(0)):
            continue
        return node.span_of(m.start(), m.end()).start < limit
    return False


# ----------------------------------------------------------------------- non-agreed terms

def _swap_rest(wrong: str) -> str:
    return r"\s+".join(map(re.escape, wrong[1:].split(" ")))


@functools.lru_cache(maxsize=512)
def _swap_re(wrong: str) -> re.Pattern:
    """Whole words, any whitespace between them; only the first letter may differ in case
    (so "Capacity Building Programme", a proper name, is not "capacity building")."""
    first = wrong[:1]
    head = f"[{first.upper()}{first.lower()}]" if first.isalpha() else re.escape(first)
    return re.compile(r"(?<![\w-])" + head + _swap_rest(wrong) + r"(?![\w-])")


@functools.lru_cache(maxsize=512)
def _swap_rest_re(wrong: str) -> re.Pattern:
    """The term but its first letter ("ember\\s+Nations"): part of every match of ``_swap_re``,
    so a document where it is nowhere holds the term nowhere."""
    return re.compile(_swap_rest(wrong))


def _holds_rest(text: str, wrong: str) -> bool:
    """Does ``_swap_rest_re(wrong)`` match in ``text``? It is tried where its first word stands:
    ``str.find`` skips to those faster than ``re`` looks for a literal (1.5 times over the corpus)."""
    rest, first = _swap_rest_re(wrong), wrong[1:].split(" ")[0]
    if not first:
        return rest.search(text) is not None
    at = text.find(first)
    while at >= 0:
        if rest.match(text, at):
            return True
        at = text.find(first, at + 1)
    return False


@register("terms.non-agreed", placeholders=("match", "replacement"), params_schema=_SCHEMA)
def non_agreed(doc: Document, params: dict, ctx) -> Iterator[CheckHit]:
    """TRM008: a configurable list of non-agreed terms and the agreed term to use (``swap``)."""
    nodes, body = _body_text(ctx, doc)
    whole = body.whole
    # A term whose rest is nowhere in the document is in none of its paragraphs (nearly always).
    swaps = [(_swap_re(wrong), right, wrong.split(" ")[0].lower())
             for wrong, right in (params.get("swap") or {}).items() if _holds_rest(whole, wrong)]
    if not swaps:
        return
    # The first word, lower-cased, must occur for a pattern to match: a substring test
    # spares most paragraphs the regex scans.
    for node in nodes:
        taken: list[tuple[int, int]] = []
        low = lowered(node.text)  # (kept by the citation finder)
        for pattern, right, first_word in swaps:
            if first_word not in low:
                continue
            for m in pattern.finditer(node.text):
                found = m.group(0)
                replacement = right[:1].upper() + right[1:] if found[:1].isupper() and right[:1].islower() else right
                if found == replacement or any(s < m.end() and m.start() < e for s, e in taken):
                    continue
                taken.append((m.start(), m.end()))
                fix = Fix(f"Replace '{found}' with '{replacement}'",
                          (Edit(node.span_of(m.start(), m.end()), replacement),), safe=True)
                yield CheckHit(node, m.start(), m.end(), {"match": found, "replacement": replacement}, fix=fix)


# ---------------------------------------------------------------- country names in a recorded vote

_VOTE_LIST = re.compile(r"\b(?:In\s+favour|Against|Abstaining|Abstentions?)\s*:?\s*\**\s*:?", re.IGNORECASE)
_RENAMED_SCHEMA = {"type": "object", "properties": {"names": {"type": "object", "additionalProperties": {
    "type": "object", "properties": {"name": {"type": "string"}, "since": {"type": "string", "pattern": r"^\d{4}-\d\d-\d\d$"}},
    "required": ["name"], "additionalProperties": False}}}, "required": ["names"], "additionalProperties": False}


@register("terms.vote-list-name", placeholders=("match", "replacement", "when"), params_schema=_RENAMED_SCHEMA)
def vote_list_name(doc: Document, params: dict, ctx) -> Iterator[CheckHit]:
    """ED-24 in a recorded vote: a State listed by a name that was not its United Nations name on
    the day of the vote (``names``: old name -> new name and the day it took effect; an informal
    name has no day and is wrong on any)."""
    closing = doc.closing
    if closing is None:
        return
    text = closing.text
    first = _VOTE_LIST.search(text)
    if first is None:
        return
    voted = closing.date or doc.header.adoption_date
    for old, entry in (params.get("names") or {}).items():
        since = entry.get("since")
        if since and (voted is None or voted < since):
            continue  # the old name was still the State's name (or the day is unknown)
        # A whole item of the list: after a colon, a comma or a line break, before one.
        pattern = re.compile(r"(?:(?<=[:,\n])|(?<=[:,\n] ))" + re.escape(old)
                             + r"(?=\s*(?:,|\]|\n|$)|\s+(?:Against|Abstaining|Abstentions?)\b)")
        for m in pattern.finditer(text, first.start()):
            when = f" since {since}" if since else ""
            yield CheckHit(closing, m.start(), m.end(), {"match": m.group(0), "replacement": entry["name"], "when": when})
