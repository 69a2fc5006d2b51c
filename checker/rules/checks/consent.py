"""consent: technical assistance to a State needs that State's consent (§7 of the drafting spec).

A paragraph is judged clause by clause. "Requests the Office to provide
technical assistance to X, and invites States to ..." holds two clauses, each
with its own opening verb; consent language helps only the clause it sits in.
A sub-paragraph is covered by its chapeau (and the lead-in of an enclosing
sub-paragraph), because "Requests the Office, at the request of the State
concerned, to: (a) provide technical assistance" governs every item.

All vocabulary is data from the rule's ``params`` (regular expressions,
case-insensitive): ``triggers`` (what makes a clause a technical-assistance
clause), ``consent`` (what satisfies it; ``{state}`` stands for ``state``, the
parties whose consent counts), ``providers`` (who is asked to give the
assistance), ``exempt-openings`` (recalling, noting, welcoming: no call),
``weak-openings`` (stressing, recognizing: a call only with a ``call-cues``
phrase such as "the need for"), ``self-request`` (the State itself asks),
``own-activity`` (a trigger that names the provider's own fund, programme or
work: "technical cooperation trust funds", "assist the secretariat in carrying
out technical cooperation"), ``state-addressees`` and ``own-recipients`` (when
States are among those asked, "national institutions" are their own),
``non-state-recipients`` (recipients that are not States though a State word
qualifies them: "non-governmental organizations from developing countries").

A preambular paragraph that opens by noting or recalling may still call later
("..., and urging them to expand their technical assistance"): each such call is
judged too (``_preamble_hit``). In an amendment, the paragraphs an instruction
proposes ("Replace operative paragraph 5 with the following text: “5. Requests
...”") are the text to be adopted: CON001 and CON003 judge them as operative or
preambular paragraphs, reported at the instruction (``proposed_paragraphs``). The parser keeps
them inside the instruction's node text, so they are found there line by line.

A State's request stated before a clause in the same paragraph, to which the clause answers
("..., and requests BINUH, in response to that request, to provide ..."), is its consent
(``request-references``, ``state-requests``: ``_answers_request``). CON006 judges annexed texts
sentence by sentence (``annex``); ``{aside}`` in a consent pattern is a short parenthetical
(``ASIDE``).

A sub-paragraph completes its chapeau's sentence: the chapeau may name its recipients ("to provide
the following support to national police academies: (a) Advisory services"), and an item with its
own verb in the infinitive ("Decides: ... (b) To request the Office to provide ...") is also judged
as its own call. An acronym the document defines for a recipient ("the Haitian National Police
(HNP)") is one where it is used (``DefinedRecipients``, read from the resolve stage).

A trigger that is only the subject of a report ("to report on the technical assistance provided",
``reported-on``) gives nothing. A Security Council acting under Chapter VII (``binding-bodies``,
``binding-acts``) that decides what a mission's mandate includes ("Decides that the mandate of MINUSCA
shall include the following tasks: ...", ``mandate-decisions``) binds; it does not ask for assistance,
and its tasks are not judged (``_binding_mandate``). Its requests ("Requests MINUSCA to provide ...") are.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator, Optional

from checker.model import Document, Node, Paragraph, PreambularParagraph, SubParagraph
from checker.resolve.references import NUMBER, PARAGRAPH_REF
from checker.rules.checks import CheckHit, register
from checker.vocabulary import OPERATIVE_VERBS, PREAMBULAR_FIRST_WORDS

_LIST = {"type": "array", "items": {"type": "string", "minLength": 1}}
_SCHEMA = {
    "type": "object",
    "properties": {
        "triggers": _LIST, "consent": _LIST, "state": _LIST, "providers": _LIST,
        "exempt-openings": _LIST, "weak-openings": _LIST, "call-cues": _LIST, "call-openings": _LIST,
        "self-request": _LIST, "recipients": _LIST, "parties": _LIST, "own-activity": _LIST,
        "state-addressees": _LIST, "own-recipients": _LIST, "skip-bodies": _LIST, "request-references": _LIST,
        "state-requests": _LIST, "non-state-recipients": _LIST, "reported-on": _LIST,
        "binding-bodies": _LIST, "binding-acts": _LIST, "mandate-decisions": _LIST, "party-triggers": _LIST,
        "suggestion": {"type": "string"},
    },
    "additionalProperties": False,
}
PLACEHOLDERS = ("trigger", "suggestion", "phrase", "party")

# A new clause starts at ";" or at ", and <operative verb>" ("..., and invites States to").
_VERBS = "|".join(sorted({v.lower() for v in OPERATIVE_VERBS} | {"calls", "also", "further"}, key=lambda v: (-len(v), v)))
_CLAUSE_BREAK = re.compile(rf";\s*(?:and\s+)?|,\s+and\s+(?=(?:also\s+|further\s+|strongly\s+)?(?:{_VERBS})\b)")
_OPENING = re.compile(r"[A-Za-z’'-]+(?:\s+[A-Za-z’'-]+){0,3}")


@dataclass(frozen=True, slots=True)
class Clause:
    """One clause of a paragraph ("...; and invites States to ..."), with its opening words."""
    start: int  # offsets in the node's text
    end: int
    opening: str


WORD_START = r"(?<!\w)(?=\w)"


# "at the request of, and in close cooperation with, the Governments concerned": a short
# parenthetical (", and ... ," or ", or ... ,", no sentence break) inside a consent phrase.
# ``{aside}`` in a pattern stands for one, optional.
ASIDE = r"(?:\s*,\s*(?:and|or)\s+[^,;:.\n]{1,60}?,)?"


def _substitute(patterns: tuple[str, ...], state: str) -> tuple[str, ...]:
    return tuple((p.replace("{state}", f"(?:{state})") if state else p).replace("{aside}", ASIDE) for p in patterns)


@lru_cache(maxsize=256)
def _alternation(parts: tuple[str, ...]) -> re.Pattern:
    # Phrases match from the start of a word. Saying so up front lets ``re`` skip
    # the alternation everywhere else: 3-5 times faster on real texts.
    return re.compile(WORD_START + "(?:" + "|".join(f"(?:{p})" for p in parts) + ")", re.I)


@lru_cache(maxsize=256)
def _compile(patterns: tuple[str, ...], state: str = "") -> Optional[re.Pattern]:
    return _alternation(_substitute(patterns, state)) if patterns else None


def _pat(params: dict, key: str) -> Optional[re.Pattern]:
    return _compile(*_list_key(params, key))


def _list_key(params: dict, key: str) -> tuple[tuple[str, ...], str]:
    """The patterns of ``params[key]`` and the ``{state}`` they stand in: what ``_compile`` takes."""
    return tuple(params.get(key) or ()), "|".join(params.get("state") or ())


# CON001 and CON005 judge the same operative clauses, and every item of a list is judged
# with its chapeau: the same question is asked of the same text several times. These two
# remember the answer (pure functions of the phrase list and the text).

@lru_cache(maxsize=2048)
def _found(patterns: tuple[str, ...], state: str, text: str) -> bool:
    """Does a phrase of the list occur in ``text``?"""
    return _compile(patterns, state).search(text) is not None


@lru_cache(maxsize=2048)
def _spans(patterns: tuple[str, ...], state: str, text: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
    """The spans of the list's matches in ``text[start:end]`` (``finditer``); none for an empty list."""
    regex = _compile(patterns, state)
    return tuple(m.span() for m in regex.finditer(text, start, end)) if regex is not None else ()


class Phrases:
    """A phrase list scanned over many paragraphs (the triggers, the wrong parties).

    Every match of the list is a match of one of its phrases, and a phrase can only match a
    text that meets its ``requirement``. So a paragraph that meets no phrase's requirement
    has no match (most paragraphs: they are skipped with a few substring tests), and one
    that meets some is scanned for those phrases only (``_scan``): a phrase left out could
    match nowhere in the text. Each phrase is compiled on its own, when first needed.
    """

    def __init__(self, parts: tuple[str, ...]):
        self.parts = parts
        self.required, self.keys = _stored_analysis(parts)
        # The key strings one by one, each with the phrases its clause serves as a bit mask:
        # a key clause holds when one of its strings occurs, and serving is a union.
        self._key_words = tuple((w, _mask(served)) for clause, served in self.keys for w in sorted(clause))
        # The phrases each key serves, in their order ("technical": technical assistance, technical
        # cooperation, technical advice): scanned as one alternation when all live phrases are among them.
        self._groups = tuple(_mask(served) for _, served in self.keys)

    def matches(self, text: str, start: int = 0, end: Optional[int] = None) -> list[re.Match]:
        """Every match of the whole alternation in ``text[start:end]``: its ``finditer(text, start, end)``."""
        end = len(text) if end is None else end
        if self.required is None:
            return list(_alternation(self.parts).finditer(text, start, end))
        live = self._live(text, start, end)
        if not live:
            return []
        if live & (live - 1) == 0:  # one phrase
            return list(_alternation((self.parts[live.bit_length() - 1],)).finditer(text, start, end))
        for group in self._groups:
            if live & ~group == 0:
                # A phrase of the group that is not live matches nowhere here: the group's
                # alternation finds what the live phrases' alternation finds, in one pass.
                return list(_alternation(self._phrases_in(group)).finditer(text, start, end))
        return _scan([_alternation((p,)) for p in self._phrases_in(live)], text, start, end)

    def may_match(self, text: str) -> bool:
        """Can a phrase match anywhere in ``text``? (False rules it out; True is only a maybe.)"""
        return self.required is None or bool(self._live(text, 0, len(text)))

    def search(self, text: str, start: int = 0, end: Optional[int] = None) -> Optional[re.Match]:
        """The whole alternation's ``search(text, start, end)`` (the same span and group 0).

        Its match is at the leftmost position where a phrase matches, of the first phrase
        (in order) that matches there: the leftmost of the phrases' own first matches, the
        first in order on a tie (a phrase that matches there has its first match there)."""
        end = len(text) if end is None else end
        if self.required is None:
            return _alternation(self.parts).search(text, start, end)
        best = None
        for phrase in self._phrases_in(self._live(text, start, end)):
            m = _alternation((phrase,)).search(text, start, end)
            if m is not None and (best is None or m.start() < best.start()):
                best = m
        return best

    def _phrases_in(self, mask: int) -> tuple[str, ...]:
        """The phrases of a bit mask, in their order."""
        return tuple(p for i, p in enumerate(self.parts) if mask >> i & 1)

    def _live(self, text: str, start: int, end: int) -> int:
        """The phrases (a bit mask) that can match in ``text[start:end]``: their requirements
        hold there. A match lies in the range, so it contains what its phrase requires there
        (look-arounds, which may see outside the range, require nothing)."""
        folded = _fold(text) if start == 0 and end == len(text) else _fold.__wrapped__(text[start:end])
        candidates = 0
        for word, served in self._key_words:
            if served & ~candidates and word in folded:
                candidates |= served
        live, rest = 0, candidates
        while rest:
            low = rest & -rest
            if _holds(self.required[low.bit_length() - 1], folded):
                live |= low
            rest ^= low
        return live


Analysis = tuple[Optional[tuple[tuple[frozenset[str], ...], ...]], tuple[tuple[frozenset[str], frozenset[int]], ...]]


def _analysis(parts: tuple[str, ...]) -> Analysis:
    """``Phrases.required`` and ``Phrases.keys`` of a phrase list."""
    analysed = [_analyse(p) for p in parts]
    required = [req for req, _ in analysed]
    # None: some phrase requires nothing that can be read, or, in a list of several, a
    # caller may ask for a capture group by its number in the whole: every text is scanned whole.
    grouped = len(parts) > 1 and any(groups for _, groups in analysed)
    kept = tuple(required) if all(required) and not grouped else None
    return kept, (_keys(kept) if kept else ())


def _stored_analysis(parts: tuple[str, ...]) -> Analysis:
    """``_analysis``, kept in the rule cache: running ``re``'s parser over every phrase and
    choosing the keys is some 8 ms of a one-file run. The analysis is a pure function of the
    phrases, this module's code and ``re``'s parser, so all three make the key."""
    from checker.rules import cache

    key = cache.key_for([("consent.py", _module_source()), ("python", sys.version.encode()),
                         *(("phrase", p.encode("utf-8", "surrogatepass")) for p in parts)])
    found = cache.load(_CACHE_KIND, key)
    if isinstance(found, tuple) and len(found) == 2:
        return found
    made = _analysis(parts)
    cache.store(_CACHE_KIND, key, made)
    return made


_CACHE_KIND = "phrases"


@lru_cache(maxsize=1)
def _module_source() -> bytes:
    try:
        return Path(__file__).read_bytes()
    except OSError:
        return b"?"


def _mask(indices: Iterable[int]) -> int:
    """A set of phrase numbers as a bit mask (bit i for phrase i)."""
    out = 0
    for i in indices:
        out |= 1 << i
    return out


def _scan(regexes: list[re.Pattern], text: str, start: int = 0, end: Optional[int] = None) -> list[re.Match]:
    """``finditer(text, start, end)`` of the alternation of ``regexes`` (in this order), from their own matches.

    The alternation's next match is the leftmost one, of the first phrase that matches there
    (``re`` tries the phrases in order at each position), with the span that phrase alone
    has; the search goes on from its end. No match is empty (every phrase here requires
    some letters), so ``finditer``'s rule for empty matches never applies."""
    end = len(text) if end is None else end
    found = [r.search(text, start, end) for r in regexes]
    out: list[re.Match] = []
    while True:
        best = None
        for m in found:
            if m is not None and (best is None or m.start() < best.start()):
                best = m
        if best is None:
            return out
        out.append(best)
        after = best.end()
        # A phrase's next match at or after ``after`` is still its leftmost one from there.
        found = [m if m is None or m.start() >= after else r.search(text, after, end) for r, m in zip(regexes, found)]


@lru_cache(maxsize=256)
def _phrase_list(patterns: tuple[str, ...], state: str = "") -> Optional[Phrases]:
    return Phrases(_substitute(patterns, state)) if patterns else None


def _phrases(params: dict, key: str) -> Optional[Phrases]:
    return _phrase_list(tuple(params.get(key) or ()), "|".join(params.get("state") or ()))


_MIN_ANCHOR = 4  # ``required_words``: shorter words are in nearly every paragraph
_MIN_CLAUSE = 3  # ``requirement``: one clause of several may be short ("set" of "set up")
_MAX_PRODUCT = 16  # clauses an alternation may expand to


def requirement(pattern: str) -> Optional[tuple[frozenset[str], ...]]:
    """Clauses every match of ``pattern`` satisfies, or None when none can be read from it.

    Each clause is a set of lower-case strings (three characters or more): a match contains
    one of them. "technical\\s+(?:co-?operation|assistance)" gives ({"technical"},
    {"operation", "assistance"}): a text with no "technical", or with neither of the other
    two, cannot match. Only what the regex requires is used (literals, groups, alternations
    all of whose branches require something, repeats of at least one), and a clause of the
    case-insensitive pattern is tested on the ``_fold``-ed text, so the test passes every
    text the pattern matches."""
    return _analyse(pattern)[0]


@lru_cache(maxsize=512)
def _analyse(pattern: str) -> tuple[Optional[tuple[frozenset[str], ...]], bool]:
    """``requirement`` of ``pattern``, and whether it has capture groups."""
    try:
        from re import _parser as sre_parse  # the parser of ``re`` itself: nothing to keep in sync
        tree = sre_parse.parse(pattern, re.I)
        clauses = _clauses(tree)
    except Exception:  # another Python's internals, or an invalid pattern: no shortcut
        return None, True
    # The most selective first: the test stops at the first clause that fails.
    ordered = tuple(sorted(set(clauses), key=lambda c: (-min(map(len, c)), len(c), sorted(c))))
    return ordered or None, tree.state.groups > 1


def required_words(pattern: str) -> Optional[frozenset[str]]:
    """Lower-case strings one of which every match of ``pattern`` contains (at least
    four characters each), or None when no such set can be read from it."""
    clauses = [c for c in requirement(pattern) or () if min(map(len, c)) >= _MIN_ANCHOR]
    return max(clauses, key=lambda c: (min(map(len, c)), -len(c))) if clauses else None


def _clauses(tree) -> list[frozenset[str]]:
    from re._constants import BRANCH, LITERAL, MAX_REPEAT, MIN_REPEAT, SUBPATTERN

    out: list[frozenset[str]] = []
    run: list[str] = []
    for op, arg in [*tree, (None, None)]:
        if op is LITERAL and arg < 128:  # consecutive literals are one string of the match
            run.append(chr(arg).lower())
            continue
        if run:
            out.append(frozenset(["".join(run)]))
            run = []
        if op is SUBPATTERN:
            out += _clauses(arg[-1])
        elif op is BRANCH:
            out += _either([_clauses(alt) for alt in arg[1]])
        elif op in (MAX_REPEAT, MIN_REPEAT) and arg[0] >= 1:
            out += _clauses(arg[2])
        # anything else (classes, lookarounds, optional parts, \b, a non-ASCII letter whose
        # case-insensitive matches ``_fold`` may not know) requires nothing
    return [_minimal(c) for c in out if min(map(len, c)) >= _MIN_CLAUSE]


def _either(alternatives: list[list[frozenset[str]]]) -> list[frozenset[str]]:
    """Clauses of an alternation: a clause of each branch, joined, holds whichever branch matched."""
    if not all(alternatives):
        return []  # a branch that requires nothing: the alternation requires nothing
    size = 1
    for alt in alternatives:
        size *= len(alt)
    if size <= _MAX_PRODUCT:  # every combination: the exact requirement
        combos: list[frozenset[str]] = [frozenset()]
        for alt in alternatives:
            combos = [c | clause for c in combos for clause in alt]
        return combos
    # Too many: one clause, the most selective of each branch joined.
    best = [max(alt, key=lambda c: (min(map(len, c)), -len(c))) for alt in alternatives]
    return [frozenset().union(*best)]


def _minimal(words: frozenset[str]) -> frozenset[str]:
    """Drop a string that contains another of the set ("capacity" with "capacit"): it adds nothing."""
    return frozenset(w for w in words if not any(o != w and o in w for o in words))


def _implies(clause: frozenset[str], other: frozenset[str]) -> bool:
    """Does a text meeting ``clause`` meet ``other``? (Each of its strings contains one of ``other``.)"""
    return all(any(o in w for o in other) for w in clause)


def _keys(required: tuple[tuple[frozenset[str], ...], ...]) -> tuple[tuple[frozenset[str], frozenset[int]], ...]:
    """Key clauses and the phrases each serves: a phrase can match a text only if a key clause
    serving it holds there (one of its own clauses implies that key). Keys are chosen rare
    (long) and shared ("technical" serves three phrases), so most texts meet none."""
    left, keys = set(range(len(required))), []
    while left:
        best, best_score, best_served = frozenset(), -1.0, frozenset()
        for i in sorted(left):
            for clause in required[i]:
                served = frozenset(j for j in left if any(_implies(c, clause) for c in required[j]))
                # A string of n letters is taken to occur in a text about as often as 1/n**2.
                score = len(served) / sum(1 / len(w) ** 2 for w in clause)
                if score > best_score:
                    best, best_score, best_served = clause, score, served
        keys.append((best, best_served))
        left -= best_served  # never empty: the phrase the clause came from is served
    return tuple(keys)


# Under ``re.I`` an ASCII letter matches itself in either case and these four (``re`` compares
# one-character lower cases, and adds "\u0131" for "i", "\u017f" for "s"). ``str.lower`` keeps
# "\u0131" and "\u017f" and turns "\u0130" into "i" and a combining dot: such texts are folded by hand.
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
_UNFOLDED = re.compile("[\u0130\u0131\u017f\u212a]")


@lru_cache(maxsize=256)
def _fold(text: str) -> str:
    """``text`` lower-cased so that a string a case-insensitive regex matches in it is found by ``in``."""
    if text.isascii() or not _UNFOLDED.search(text):
        return text.lower()
    return text.translate(_FOLD).lower()


def _holds(clauses: tuple[frozenset[str], ...], folded: str) -> bool:
    """Does ``folded`` meet every clause (one string of each)?"""
    for words in clauses:
        for w in words:
            if w in folded:
                break
        else:
            return False
    return True


def clauses(text: str, start: int, end: int, opening: str) -> list[Clause]:
    """Split ``text[start:end]`` into clauses; the first keeps the paragraph's ``opening``."""
    out: list[Clause] = []
    pos, first = start, True
    for m in _CLAUSE_BREAK.finditer(text, start, end):
        if m.end() >= end:
            break
        out.append(Clause(pos, m.start(), opening if first else _opening_at(text, pos)))
        pos, first = m.end(), False
    out.append(Clause(pos, end, opening if first else _opening_at(text, pos)))
    return [c for c in out if text[c.start:c.end].strip()]


def _opening_at(text: str, pos: int) -> str:
    m = _OPENING.match(text, pos)
    return m.group(0) if m else ""


@lru_cache(maxsize=1024)
def _matches(phrases: Phrases, text: str) -> list[re.Match]:
    """Every match in the paragraph, found once: the CON rules ask about each of its clauses."""
    return phrases.matches(text)


def _first_trigger(pattern: Optional[Phrases], text: str, start: int, end: int,
                   params: dict) -> Optional[re.Match]:
    """The first trigger in the range that is not part of a capitalized proper name
    ("Capacity-Building Portal", "Voluntary Fund for Technical Cooperation"), nor of a
    phrase of ``own-activity`` naming the provider's own fund, programme or work, nor of one
    of ``reported-on`` that makes it the subject of a report ("a report on technical assistance")."""
    if pattern is None:
        return None
    covered = None  # the provider's own activities, looked for only once a trigger is seen
    for m in _matches(pattern, text):
        if m.start() < start or m.end() > end:
            continue
        if m.group(0)[:1].isupper() and m.start() > start and not text[m.start() - 2:m.start()].strip() in ("", ",", ":"):
            continue
        if covered is None:  # only now: most texts never get here
            covered = _spans(*_list_key(params, "own-activity"), text, start, end)
        if any(s <= m.start() and m.end() <= e for s, e in covered) or _reported_on(text, start, m.start(), params):
            continue
        return m
    return None


@lru_cache(maxsize=32)
def _lead_in(patterns: tuple[str, ...]) -> Optional[re.Pattern]:
    """One of ``patterns`` ending where the search range ends."""
    return re.compile(WORD_START + "(?:" + "|".join(f"(?:{p})" for p in patterns) + r")\Z", re.I) if patterns else None


def _reported_on(text: str, start: int, at: int, params: dict) -> bool:
    """Is the trigger at ``at`` only the subject of a report: does a ``reported-on`` lead-in end there?"""
    lead = _lead_in(tuple(params.get("reported-on") or ()))
    return lead is not None and lead.search(text, max(start, at - _LEAD_IN_SPAN), at) is not None


_LEAD_IN_SPAN = 100  # characters before a trigger where its lead-in may start


# The first infinitive ("to provide"): who is asked stands before it.
_INFINITIVE = re.compile(r"\b[Tt]o\s+(?!(?:the|a|an|all|its|their|this|that|these|those|such|any|each|other|be)\b)[a-z][a-z-]+")


def addressee(clause_text: str) -> str:
    """Who is asked: "Requests the Office" of "Requests the Office to provide ...".

    Asides that name partners ("Invites States, in cooperation with the United
    Nations system, to ...") are blanked out (same length), so the partners are
    not taken for the addressee."""
    m = _INFINITIVE.search(clause_text)
    if m is not None and _ASKS_IN_TURN.fullmatch(clause_text, 0, m.end()):
        # "Decides to request the Secretary-General to make available ...": the one asked in turn.
        m = _INFINITIVE.search(clause_text, m.end())
    head = clause_text[:m.start()] if m else clause_text
    return _ASIDE.sub(lambda a: " " * len(a.group(0)), head)


# An opening verb whose object is a call on someone else: "decides to request", "Decides also to invite".
_ASKS_IN_TURN = re.compile(r"\s*(?:(?:also|further)\s+)?decides?(?:\s+(?:also|further))?\s+to\s+"
                           r"(?:request|invite|urge|encourage|call|appeal)", re.I)


_ASIDE = re.compile(r",\s*(?:in\s+(?:close\s+)?(?:collaboration|cooperation|partnership|coordination|consultation)"
                    r"\s+with|with\s+the\s+(?:support|assistance)\s+of|through|within)\b[^,]*", re.I)


# Declarations adopted by a resolution speak in the first person plural: "We are deeply
# concerned ...", "We recognize ..."; the opening is what follows "We".
_WE = re.compile(r"^we\s+(?:(?:are|also|further|again|strongly|therefore)\s+)*", re.I)


def _is_call(opening: str, clause_text: str, params: dict, preamble: bool) -> bool:
    exempt, weak, cues = _pat(params, "exempt-openings"), _pat(params, "weak-openings"), _pat(params, "call-cues")
    opening = _WE.sub("", opening.strip())
    if exempt is not None and exempt.match(opening):
        return False
    has_cue = cues is not None and _found(*_list_key(params, "call-cues"), clause_text)
    if preamble:
        calls = _pat(params, "call-openings")
        return (calls is not None and calls.match(opening) is not None) or has_cue
    if weak is not None and weak.match(opening):
        return has_cue
    return True


def needs_consent(text: str, clause: Clause, params: dict, *, preamble: bool = False,
                  governing: Iterable[str] = (), opening: Optional[str] = None,
                  asked: Optional[str] = None, named: Iterable[str] = (),
                  defined: Optional["DefinedRecipients"] = None) -> Optional[re.Match]:
    """The trigger of a clause that calls for assistance without consent, or None.

    ``governing`` are texts whose consent language also covers the clause (a chapeau);
    ``opening`` overrides the clause's own and ``asked`` names who is asked (a
    sub-paragraph answers to its chapeau's opening and addressee); ``named`` are texts
    that may name the recipients for it (the chapeau's words after its addressee, which the
    item completes: "to provide the following support to national police academies: (a)
    Advisory services ..."). ``defined`` reads the document's acronyms that stand for a
    recipient ("the Haitian National Police (HNP)") when no other recipient is named.
    """
    body = text[clause.start:clause.end]
    trigger = _first_trigger(_phrases(params, "triggers"), text, clause.start, clause.end, params)
    if trigger is None:
        return None
    if not _is_call(clause.opening if opening is None else opening, body, params, preamble):
        return None
    who = addressee(body) if asked is None else asked
    helped, after_who = body, (len(who) if asked is None else 0)
    agent = _passive_agent(body) if asked is None else None
    if agent is not None:
        # "Recommends that the capacity of the Ministry ... be strengthened ... by United Nations
        # entities": the agent is who is asked; those helped are named before it.
        who, helped, after_who = body[agent:], body[:agent], 0
    providers = _pat(params, "providers")
    if providers is not None and not providers.search(who):
        return None
    recipients = _pat(params, "recipients")
    if recipients is not None:
        found = _state_recipients(recipients, helped, after_who, params)
        for words in named:
            found += _state_recipients(recipients, words, 0, params)
        if not found and defined is not None:
            found = defined.found_in(helped, after_who)
        if not found:
            return None
        # "Encourages Member States and the United Nations to build the capacities of national
        # institutions": with States among those asked, national institutions are their own.
        states, own = _pat(params, "state-addressees"), _pat(params, "own-recipients")
        if states is not None and own is not None and states.search(who) and all(own.fullmatch(f) for f in found):
            return None
    self_request = _pat(params, "self-request")
    if self_request is not None and self_request.search(body):
        return None
    consent = _pat(params, "consent")
    if consent is not None and any(_found(*_list_key(params, "consent"), t) for t in (body, *governing)):
        return None
    if _answers_request(text, clause, params, governing):
        return None
    if wrong_party(body, params):
        return None  # consent asked of the wrong party: reported by the wrong-party check
    return trigger


# A call in the passive: "that <what> be <done> ... by <agent>"; the agent is the last "by" after it.
_PASSIVE = re.compile(r"\bthat\s[^;]*?\b(?:be|is\s+to\s+be|are\s+to\s+be)\s+(?:further\s+|urgently\s+)?"
                      r"(?:strengthened|built|enhanced|developed|provided|extended|delivered|made\s+available)\b")
_AGENT = re.compile(r"\bby\s+(?!means\b|way\b|(?:the\s+)?end\b|\d)")


def _passive_agent(body: str) -> Optional[int]:
    """Where the agent of a passive call starts in ``body`` ("by United Nations entities"), or None."""
    m = _PASSIVE.search(body)
    if m is None:
        return None
    agent = None
    for agent in _AGENT.finditer(body, m.end()):
        pass  # the last "by": "through the provision of expertise by United Nations entities"
    return agent.start() if agent is not None else None


def _state_recipients(recipients: re.Pattern, text: str, start: int, params: dict) -> list[str]:
    """The recipients named in ``text[start:]``, less those inside a ``non-state-recipients`` phrase:
    "non-governmental organizations from developing countries" names no State recipient."""
    found = list(recipients.finditer(text, start))
    if found and params.get("non-state-recipients"):
        others = _spans(*_list_key(params, "non-state-recipients"), text, start, len(text))
        found = [m for m in found if not any(s <= m.start() and m.end() <= e for s, e in others)]
    return [m.group(0) for m in found]


def _answers_request(text: str, clause: Clause, params: dict, governing: Iterable[str]) -> bool:
    """Does the clause give the assistance "in response to that request", a State's request
    stated before it in the paragraph (or in its chapeau)? "Takes note of the request made by
    the Government of Haiti for support ..., and requests BINUH, in response to that request,
    to provide capacity-building": the request itself is the consent (§7.4)."""
    refs = _pat(params, "request-references")
    if refs is None:
        return False
    ref = refs.search(text, clause.start, clause.end)
    if ref is None:
        return False
    before = [text[:ref.start()], *governing]
    asked = [_pat(params, key) for key in ("state-requests", "self-request", "consent")]
    return any(p is not None and p.search(t) is not None for p in asked for t in before)


# An editor re-lints a draft on every keystroke and nearly all of its clauses are unchanged:
# clause answers are kept by (params, text, clause). The entry holds the params' values, so
# their ids in the key cannot be reused by other objects while it lives.
_CLAUSE_MEMO: dict = {}
_CLAUSE_MEMO_MAX = 4_096


def needs_consent_memo(text: str, clause: Clause, params: dict, *, preamble: bool = False,
                       defined: Optional["DefinedRecipients"] = None) -> Optional[re.Match]:
    """``needs_consent`` for a clause that answers only to itself (no chapeau), remembered.

    Most answers are the text's alone. One that read the document's acronyms (``defined``)
    holds for a document with the same ones: the entry keeps those it read."""
    values = tuple(params.values())
    key = (tuple(map(id, values)), text, clause, preamble)
    entry = _CLAUSE_MEMO.get(key)
    if entry is not None and (entry[2] is None or entry[2] == _names(defined)):
        return entry[1]
    if len(_CLAUSE_MEMO) >= _CLAUSE_MEMO_MAX:
        _CLAUSE_MEMO.clear()
    reads = defined.reads if defined is not None else 0
    m = needs_consent(text, clause, params, preamble=preamble, defined=defined)
    read = defined is not None and defined.reads != reads
    _CLAUSE_MEMO[key] = (values, m, _names(defined) if read else None)
    return m


# An acronym as written in running text: "HNP", "NHRIs", "UN-Women".
_ACRONYM_WORD = re.compile(r"(?<![\w-])[A-Z][A-Za-z-]*[A-Z][A-Za-z]*(?![\w-])")


class DefinedRecipients:
    """The document's acronyms that stand for a recipient, read from the resolve stage's index.

    "Expressing concern at the capacity of the Haitian National Police (HNP)" makes "Requests BINUH
    to support the HNP in capacity-building" assistance to the State's police: the acronym is a
    recipient when the ``recipients`` list finds one in its expansion, and it maps to what was
    found there ("National"), so that ``own-recipients`` reads it as it would the full name. The
    index is read only when a clause with no other recipient names an acronym (``found_in``):
    most documents never need it. ``reads`` counts the lookups (``needs_consent_memo``)."""

    def __init__(self, ctx, params: dict):
        self._ctx = ctx
        self._params = params
        self._names: Optional[dict[str, str]] = None
        self.reads = 0

    @property
    def names(self) -> dict[str, str]:
        """Acronym (as defined, and its singular base) -> the recipient its expansion names."""
        if self._names is None:
            self._names = {}
            recipients = _pat(self._params, "recipients")
            index = self._ctx.resolution.acronyms if self._ctx is not None and recipients is not None else None
            for base, definitions in (index.defs.items() if index is not None else ()):
                for occurrence, expansion in definitions:
                    m = recipients.search(expansion)
                    if m is not None:
                        self._names.setdefault(occurrence.acronym, m.group(0))
                        self._names.setdefault(base, m.group(0))
        return self._names

    def found_in(self, text: str, start: int = 0) -> list[str]:
        """What the acronyms in ``text[start:]`` that stand for recipients name."""
        words = _ACRONYM_WORD.findall(text, start)
        if not words:
            return []
        self.reads += 1
        names = self.names
        return [names[w] for w in words if w in names]


def _names(defined: Optional[DefinedRecipients]) -> dict[str, str]:
    return defined.names if defined is not None else {}


def _may_name_party(params: dict, text: str) -> bool:
    """Can a phrase of ``parties`` match in ``text``? The list's requirements (kept in the rule
    cache with the other phrase lists) rule out most paragraphs with a few substring tests."""
    # Phrase by phrase, as ``wrong_party`` scans them: a list whose phrases have capture groups
    # is not analysed as a whole, each phrase alone is.
    state = "|".join(params.get("state") or ())
    return any(_phrase_list((pattern,), state).may_match(text) for pattern in params.get("parties") or ())


def wrong_party(text: str, params: dict) -> list[re.Match]:
    """Consent or request phrases whose party is not a State ("at the request of the Office").

    Each pattern of ``parties`` has a named group ``party``; a phrase found by two is kept once."""
    out: list[re.Match] = []
    for pattern in params.get("parties") or ():
        for m in _matches(_phrase_list((pattern,), "|".join(params.get("state") or ())), text):
            if not any(o.start() <= m.start() < o.end() for o in out):
                out.append(m)
    return sorted(out, key=lambda m: m.start())


def _skipped(doc: Document, params: dict) -> bool:
    body = doc.body or ""
    return any(b.lower() == body.lower() for b in params.get("skip-bodies") or ())


def _binding_mandate(doc: Document, text: str, params: dict) -> bool:
    """Does ``text`` (a chapeau or clause) decide a mission's mandate in a binding act ("Decides that
    the mandate of MINUSCA shall include the following tasks:", the Security Council acting under
    Chapter VII in the preamble or in the paragraph)? The Council then does not ask for assistance:
    it decides, and its decisions under Chapter VII do not depend on the State's consent (Charter,
    Articles 25 and 48; Article 2 (7) leaves enforcement measures aside)."""
    decisions = _pat(params, "mandate-decisions")
    if decisions is None or not decisions.search(text):
        return False
    body = (doc.body or "").lower()
    if not any(b.lower() == body for b in params.get("binding-bodies") or ()):
        return False
    acts = _pat(params, "binding-acts")
    return acts is not None and (acts.search(text) is not None or any(
        acts.search(p.text) for p in doc.paragraphs() if isinstance(p, PreambularParagraph)))


def _hit(node: Node, m: re.Match, params: dict) -> CheckHit:
    return CheckHit(node, m.start(), m.end(), {"trigger": m.group(0), "suggestion": params.get("suggestion", "")})


def _triggered(triggers: Optional[Phrases], text: str) -> bool:
    """Is there a trigger anywhere in ``text``? Without one no clause of it can be reported:
    ``needs_consent`` and CON005 start from ``_first_trigger``, which only looks at these
    same matches. Most paragraphs have none, so their clause analysis is skipped."""
    return triggers is not None and bool(_matches(triggers, text))


def _chapeau_clauses(para: Paragraph) -> list[Clause]:
    return clauses(para.text, para.body_start, para.chapeau_end, para.opening)


# ----------------------------------------------------------------------- checks

@register("consent.operative", placeholders=PLACEHOLDERS, params_schema=_SCHEMA)
def operative(doc: Document, params: dict, ctx) -> Iterator[CheckHit]:
    """CON001: an operative clause (chapeau or whole paragraph) calls for assistance without consent."""
    if _skipped(doc, params):
        return
    triggers = _phrases(params, "triggers")
    amendment = doc.kind == "amendment"
    defined = DefinedRecipients(ctx, params)
    for para in ctx.nodes:
        if not isinstance(para, Paragraph) or not _triggered(triggers, para.text):
            continue
        # An amendment's instruction is judged without the new text it quotes (below).
        end = min(para.chapeau_end, proposed_paragraphs(para)[0]) if amendment else para.chapeau_end
        m = _operative_hit(para.text, para.body_start, end, para.opening, params, defined, doc)
        if m and not _consent_by_reference(doc, para, params):
            yield _hit(para, m, params)
    if amendment:
        for para, new in _amendment_texts(doc, triggers):
            if new.kind == "operative":
                m = _operative_hit(para.text, new.start, new.end, new.opening, params, defined)
                if m:
                    yield _hit(para, m, params)


def _consent_by_reference(doc: Document, para: Paragraph, params: dict) -> bool:
    """Does the paragraph refer to another ("the assistance provided for in paragraph 5 above")
    whose text has the consent language? TA-01 condition 4: consent in an explicitly
    cross-referenced paragraph covers this one."""
    if "aragraph" not in para.text or _pat(params, "consent") is None:
        return False
    numbered = {p.number: p for p in doc.operative if p.number is not None and p.part == para.part}
    for m in PARAGRAPH_REF.finditer(para.text):
        for nm in NUMBER.finditer(m["items"]):
            target = numbered.get(int(nm["n"]))
            if target is not None and target is not para and _found(*_list_key(params, "consent"), target.text):
                return True
    return False


def _operative_hit(text: str, start: int, end: int, opening: str, params: dict,
                   defined: Optional[DefinedRecipients] = None, doc: Optional[Document] = None) -> Optional[re.Match]:
    """The first clause of ``text[start:end]`` (an operative chapeau) that needs consent, less one that
    decides a mission's mandate under Chapter VII (``_binding_mandate``)."""
    for clause in clauses(text, start, end, opening):
        m = needs_consent_memo(text, clause, params, defined=defined)
        if m and not (doc is not None and _binding_mandate(doc, text[clause.start:clause.end], params)):
            return m
    return None


@register("consent.subparagraph", placeholders=PLACEHOLDERS, params_schema=_SCHEMA)
def subparagraph(doc: Document, params: dict, ctx) -> Iterator[CheckHit]:
    """CON002: a sub-paragraph calls for assistance; neither it nor its chapeau carries consent."""
    if _skipped(doc, params):
        return
    triggers = _phrases(params, "triggers")
    defined = DefinedRecipients(ctx, params)
    for sub in ctx.nodes:
        para = sub.parent if isinstance(sub, SubParagraph) else None
        if para is None or isinstance(para, Paragraph) and para.scope.startswith("preamb") \
                or not _triggered(triggers, sub.text):
            continue
        heads = _chapeau_clauses(para)
        lead = heads[-1] if heads else Clause(para.body_start, para.chapeau_end, para.opening)
        lead_text = para.text[lead.start:lead.end]
        if _binding_mandate(doc, lead_text, params):
            continue
        opening, asked = lead.opening, addressee(lead_text)
        # The item completes the chapeau's sentence, whose words after the addressee may name the
        # recipients ("to provide the following support to national police academies: (a) Advisory services").
        named = [lead_text[len(asked):]]
        governing = [para.chapeau, *_enclosing_leads(para, sub)]
        we = _WE.match(para.text[para.body_start:]) is not None
        for clause in clauses(sub.text, sub.body_start, len(sub.text), opening):
            # An item that starts with its own operative verb ("(a) Welcomes ...") answers to it.
            if _starts_with_verb(sub.text, clause.start, plural=we):
                m = needs_consent(sub.text, Clause(clause.start, clause.end, _opening_at(sub.text, clause.start)),
                                  params, governing=governing, defined=defined)
            else:
                m = needs_consent(sub.text, clause, params, governing=governing, opening=opening, asked=asked,
                                  named=named, defined=defined)
                # "Decides: ... (b) To request the Office to provide ...": the item's own verb, in the
                # infinitive, asks its own addressee (the chapeau names none, or another).
                own = _OWN_INFINITIVE.match(sub.text, clause.start)
                if m is None and own is not None and own.group(1).lower() + "s" in _VERB_SET:
                    m = needs_consent(sub.text, Clause(own.start(1), clause.end,
                                                       _opening_at(sub.text, own.start(1))),
                                      params, governing=governing, defined=defined)
            if m:
                yield _hit(sub, m, params)
                break


def _starts_with_verb(text: str, pos: int, plural: bool = False) -> bool:
    words = _opening_at(text, pos).split()
    while words and words[0].lower() in ("also", "further", "strongly", "again"):
        words = words[1:]
    # Under a first-person chapeau ("We ...: (a) Recognize ...") items open with the plural form.
    endings = ("", "s", "es") if plural else ("",)
    return bool(words) and any(words[0].lower() + end in _VERB_SET for end in endings)


_VERB_SET = {v.lower() for v in OPERATIVE_VERBS}
# An item that opens with an infinitive: "To request", "to invite" (the verb in group 1).
_OWN_INFINITIVE = re.compile(r"[Tt]o\s+([a-z]+)\b")


@register("consent.preamble", placeholders=PLACEHOLDERS, params_schema=_SCHEMA)
def preamble(doc: Document, params: dict, ctx) -> Iterator[CheckHit]:
    """CON003: a preambular paragraph calls for new or expanded assistance without consent."""
    if _skipped(doc, params):
        return
    triggers = _phrases(params, "triggers")
    amendment = doc.kind == "amendment"
    defined = DefinedRecipients(ctx, params)
    for para in ctx.nodes:
        if not isinstance(para, Paragraph) or not _triggered(triggers, para.text):
            continue
        end = proposed_paragraphs(para)[0] if amendment else len(para.text)
        m = _preamble_hit(para.text, para.body_start, end, para.opening, params, defined)
        if m:
            yield _hit(para, m, params)
    if amendment:
        for para, new in _amendment_texts(doc, triggers):
            if new.kind == "preamble":
                m = _preamble_hit(para.text, new.start, new.end, new.opening, params, defined)
                if m:
                    yield _hit(para, m, params)


# "..., and urging them to expand ...": a later call in a preambular paragraph. The paragraph's
# opening ("Noting that the Office provides support ...") does not make it a description.
_PREAMBLE_CALL = re.compile(r",\s+and\s+(?=(?:also\s+|further\s+|strongly\s+)?(?:urging|calling|encouraging|inviting|requesting|appealing)\b)")
# "urging them", "calling upon it": those asked are named earlier in the paragraph.
_PRONOUN = re.compile(r"\s*(?:also\s+|further\s+|strongly\s+)?[a-z]+(?:\s+(?:upon|on))?\s+(?:them|it|both|those\s+entities)\s*$")


def _preamble_hit(text: str, start: int, end: int, opening: str, params: dict,
                  defined: Optional[DefinedRecipients] = None) -> Optional[re.Match]:
    """The trigger of a preambular paragraph (``text[start:end]``) that calls for assistance without consent.

    The paragraph is one clause, as before; when that does not call for anything, each later
    call ("..., and urging them to ...") is judged on its own, covered by consent language
    anywhere in the paragraph. A pronoun stands for those named before it ("Noting that the
    Office provides support, and urging them ..."), unless States are named there too (then
    "them" may be the States)."""
    m = needs_consent_memo(text, Clause(start, end, opening), params, preamble=True, defined=defined)
    if m is not None:
        return m
    breaks = [b for b in _PREAMBLE_CALL.finditer(text, start, end)]
    if not breaks:
        return None
    states = _pat(params, "state-addressees")
    for i, b in enumerate(breaks):
        c_end = breaks[i + 1].start() if i + 1 < len(breaks) else end
        clause = Clause(b.end(), c_end, _opening_at(text, b.end()))
        before = text[start:b.start()]
        asked = None
        if _PRONOUN.match(addressee(text[clause.start:clause.end])):
            if states is not None and states.search(before):
                continue
            asked = before
        m = needs_consent(text, clause, params, preamble=True, governing=[text[start:end]], asked=asked,
                          defined=defined)
        if m is not None:
            return m
    return None


@dataclass(frozen=True, slots=True)
class NewText:
    """A paragraph an amendment proposes (quoted after its instruction): offsets in the node's text."""
    start: int  # after the quote mark and the paragraph's number
    end: int  # before the closing quote mark
    opening: str
    kind: str  # "operative" | "preamble" | ""


_QUOTES = "“\"‘'"
_CLOSING = "”\"’'"
# The new paragraph's own number or negotiation label: "5.", "5 bis.", "[OP11bis]".
_NEW_LABEL = re.compile(r"(?:\[[^\]\n]{0,20}\]|\d{1,3}\s*(?:bis|ter|quater)?\s*\.)\s*")
_SAME_LINE_QUOTE = re.compile(r":[ \t]*(?=[“\"])")
# An instruction that brings new text ("insert a new operative paragraph, reading:",
# "Replace operative paragraph 5 with the following text:"), not one that deletes it ("Delete
# operative paragraph 9, which reads:", "delete the following sentence:") unless it also inserts.
_INSERTS = re.compile(r"\b(?:insert|inserting|replace|replaced|add|adding|read|reads|reading|following|amend|amended)\b", re.I)
_STRONG_INSERTS = re.compile(r"\b(?:insert|inserting|replace|replaced|add|adding|amend|amended)\b", re.I)
_DELETES = re.compile(r"\bdelet(?:e|ed|ing|ion)\b", re.I)
_ITEM = re.compile(r"\((?:[a-z]{1,2}|[ivxl]{1,6}|\d{1,2})\)\s")


def proposed_paragraphs(para: Paragraph) -> tuple[int, list[NewText]]:
    """Where an amendment instruction ends in the node, and the paragraphs it proposes (the
    structure checks judge the same paragraphs).

    New text is each line after an instruction that ends with a colon or is quoted ("4. Replace
    operative paragraph 5 with the following text:" then "“5. Requests ...;”"), or a quotation
    that follows the instruction's colon on its own line. Items ("(a) ...") and fragments that
    start in lower case ("“, at the request of ...”") are not paragraphs and are left out;
    so is text an instruction deletes. The proposed paragraph is operative when it opens with
    an operative verb, preambular when it opens with a preambular word or its instruction says
    "preambular"."""
    text = para.text
    key = (id(para), text)
    hit = _NEW_TEXT_MEMO.get(key)
    if hit is not None:
        return hit[1]
    found: list[NewText] = []
    first = len(text)
    instruction, expecting = "", False
    pos = para.body_start
    while pos < len(text):
        nl = text.find("\n", pos)
        line_end = len(text) if nl < 0 else nl
        s = pos
        while s < line_end and text[s] in " \t":
            s += 1
        quoted = s < line_end and text[s] in _QUOTES
        if quoted or (expecting and pos > para.body_start):
            if pos > para.body_start:
                first = min(first, pos)
                new = _proposed(text, s, line_end, instruction)
                if new is not None:
                    found.append(new)
        else:
            instruction = text[s:line_end]
            m = _SAME_LINE_QUOTE.search(instruction)
            if m is not None:
                q = s + m.end()
                first = min(first, q)
                instruction = text[s:q]
                new = _proposed(text, q, line_end, instruction)
                if new is not None:
                    found.append(new)
            expecting = instruction.rstrip().endswith(":")
        pos = line_end + 1
    result = (first, found)
    if len(_NEW_TEXT_MEMO) >= 256:
        _NEW_TEXT_MEMO.clear()
    _NEW_TEXT_MEMO[key] = (para, result)
    return result


_NEW_TEXT_MEMO: dict = {}


def _proposed(text: str, s: int, e: int, instruction: str) -> Optional[NewText]:
    if not _INSERTS.search(instruction) or (_DELETES.search(instruction) and not _STRONG_INSERTS.search(instruction)):
        return None
    while s < e and text[s] in _QUOTES + " \t":
        s += 1
    label = _NEW_LABEL.match(text, s, e)
    if label is not None:
        s = label.end()
    while e > s and text[e - 1] in _CLOSING + " \t.;,":
        if text[e - 1] in _CLOSING:
            e -= 1
            break
        e -= 1
    if s >= e or not text[s].isupper() or _ITEM.match(text, s):
        return None
    opening = _opening_at(text, s)
    words = opening.split()
    while words and words[0] in ("Also", "Further", "Strongly", "Again", "Once"):
        words = words[1:]
    first_word = words[0] if words else ""
    if first_word in OPERATIVE_VERBS:
        kind = "operative"
    elif first_word in PREAMBULAR_FIRST_WORDS or "preambular" in instruction.lower():
        kind = "preamble"
    else:
        kind = ""
    return NewText(s, e, opening, kind)



def _amendment_texts(doc: Document, triggers: Optional[Phrases]) -> Iterator[tuple[Paragraph, NewText]]:
    """The paragraphs an amendment proposes, with the instruction node they are reported at."""
    for para in doc.paragraphs():
        if _triggered(triggers, para.text):
            for new in proposed_paragraphs(para)[1]:
                yield para, new


@register("consent.presence", placeholders=PLACEHOLDERS, params_schema=_SCHEMA)
def presence(doc: Document, params: dict, ctx) -> Iterator[CheckHit]:
    """CON004: a clause establishes or deploys a presence in a State without consent or agreement."""
    if _skipped(doc, params):
        return
    triggers = _phrases(params, "triggers")
    for para in ctx.nodes:
        if not isinstance(para, Paragraph) or not _triggered(triggers, para.text):
            continue
        for clause in clauses(para.text, para.body_start, len(para.text), para.opening):
            m = needs_consent_memo(para.text, clause, params)
            if m:
                yield _hit(para, m, params)
                break


@register("consent.wrong-party", placeholders=PLACEHOLDERS, params_schema=_SCHEMA)
def wrong_party_check(doc: Document, params: dict, ctx) -> Iterator[CheckHit]:
    """CON005: in an assistance clause, consent or a request is sought from someone other than the State.

    The counterpart of CON001, which leaves such a clause to this check: the clause calls for
    assistance (not one that recalls or welcomes it) and has no consent of the State as well."""
    if _skipped(doc, params):
        return
    triggers = _phrases(params, "triggers")
    # Help named by its verb ("to assist States, with the consent of donors, in ..."): too common
    # without consent language to be a trigger of CON001, but a party named here is still wrong.
    party_triggers = _phrases(params, "party-triggers")
    for node in ctx.nodes:
        if not _may_name_party(params, node.text):
            continue  # the rarest condition first: most paragraphs name no party at all
        if not (_triggered(triggers, node.text) or _triggered(party_triggers, node.text)):
            continue
        start = getattr(node, "body_start", 0)
        for clause in clauses(node.text, start, len(node.text), getattr(node, "opening", "") or ""):
            if (_first_trigger(triggers, node.text, clause.start, clause.end, params) is None
                    and _first_trigger(party_triggers, node.text, clause.start, clause.end, params) is None):
                continue
            body = node.text[clause.start:clause.end]
            if clause.opening and not _is_call(clause.opening, body, params, False):
                continue
            consent = _pat(params, "consent")
            if consent is not None and _found(*_list_key(params, "consent"), body):
                continue
            for m in wrong_party(body, params):
                s, e = clause.start + m.start(), clause.start + m.end()
                yield CheckHit(node, s, e, {"phrase": m.group(0), "party": m.group("party"),
                                            "suggestion": params.get("suggestion", "")})


# An annexed text states what is to be done in sentences ("12. The Statistics Division and the
# regional commissions should provide capacity-building to ..."): the sentence is the clause, and
# its subject, up to the modal or passive call, is who is asked.
_SENTENCE_BREAK = re.compile(r"(?<=[.;])\s+(?=[A-Z“\"])")
_NORMATIVE = re.compile(r"\b(?:should|shall|must|(?:are|is)\s+(?:(?:also|further|strongly)\s+)?"
                        r"(?:invited|encouraged|requested|urged|called\s+upon))\b")
# Every match of ``_NORMATIVE`` (case-sensitive) contains one of these: a paragraph with none is skipped.
_NORMATIVE_WORDS = ("should", "shall", "must", "invited", "encouraged", "requested", "urged", "called")


@register("consent.annex", placeholders=PLACEHOLDERS, params_schema=_SCHEMA)
def annex(doc: Document, params: dict, ctx) -> Iterator[CheckHit]:
    """CON006: a sentence of an annexed text asks an outside provider for assistance without consent.

    Only third-person calls are judged ("The Statistics Division should provide ...", "UNODC is invited
    to provide ..."; not "will", which states an arrangement or a commitment): a sentence
    in the first person plural ("We will leverage ... to support capacity-building") is the
    States' own commitment. Consent language anywhere in the annex paragraph covers its sentences."""
    if _skipped(doc, params):
        return
    triggers = _phrases(params, "triggers")
    defined = DefinedRecipients(ctx, params)
    for para in ctx.nodes:
        text, done = para.text, -1
        if not isinstance(para, Paragraph) or triggers is None or not any(w in text for w in _NORMATIVE_WORDS):
            continue
        # Only the sentences that hold a trigger can be reported: most annex text is never split.
        for t in _matches(triggers, text):
            if t.start() < done:
                continue
            start = para.body_start
            for b in _SENTENCE_BREAK.finditer(text, para.body_start, t.start()):
                start = b.end()
            nxt = _SENTENCE_BREAK.search(text, t.end())
            end = nxt.start() if nxt is not None else len(text)
            done = end
            body = text[start:end]
            modal = _NORMATIVE.search(body)
            if _WE.match(body) or modal is None or \
                    _first_trigger(triggers, text, start + modal.start(), end, params) is None:
                continue
            m = needs_consent(text, Clause(start + modal.start(), end, ""), params,
                              governing=[text], asked=body[:modal.start()], defined=defined)
            if m:
                yield _hit(para, m, params)
                break


def _enclosing_leads(para: Paragraph, node: SubParagraph) -> Iterator[str]:
    """For a nested sub-paragraph, the lead-in text of each enclosing one."""
    sub = node.enclosing
    if sub is not None and sub.children:
        lead_end = sub.text.find(sub.children[0].text)
        if lead_end > 0:
            yield sub.text[:lead_end]
