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
States are among those asked, "national institutions" are their own).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Iterator, Optional

from checker.model import Document, Node, Paragraph, SubParagraph
from checker.rules.checks import CheckHit, register
from checker.vocabulary import OPERATIVE_VERBS

_LIST = {"type": "array", "items": {"type": "string", "minLength": 1}}
_SCHEMA = {
    "type": "object",
    "properties": {
        "triggers": _LIST, "consent": _LIST, "state": _LIST, "providers": _LIST,
        "exempt-openings": _LIST, "weak-openings": _LIST, "call-cues": _LIST, "call-openings": _LIST,
        "self-request": _LIST, "recipients": _LIST, "parties": _LIST, "own-activity": _LIST,
        "state-addressees": _LIST, "own-recipients": _LIST, "skip-bodies": _LIST, "suggestion": {"type": "string"},
    },
    "additionalProperties": False,
}
PLACEHOLDERS = ("trigger", "suggestion", "phrase", "party")

# A new clause starts at ";" or at ", and <operative verb>" ("..., and invites States to").
_VERBS = "|".join(sorted({v.lower() for v in OPERATIVE_VERBS} | {"calls", "also", "further"}, key=len, reverse=True))
_CLAUSE_BREAK = re.compile(rf";\s*(?:and\s+)?|,\s+and\s+(?=(?:also\s+|further\s+|strongly\s+)?(?:{_VERBS})\b)")
_OPENING = re.compile(r"[A-Za-z’'-]+(?:\s+[A-Za-z’'-]+){0,3}")


@dataclass(frozen=True, slots=True)
class Clause:
    start: int  # offsets in the node's text
    end: int
    opening: str


WORD_START = r"(?<!\w)(?=\w)"


@lru_cache(maxsize=256)
def _compile(patterns: tuple[str, ...], state: str = "") -> Optional[re.Pattern]:
    if not patterns:
        return None
    parts = [p.replace("{state}", f"(?:{state})") if state else p for p in patterns]
    # Phrases match from the start of a word. Saying so up front lets ``re`` skip
    # the alternation everywhere else: 3-5 times faster on real texts.
    compiled = re.compile(WORD_START + "(?:" + "|".join(f"(?:{p})" for p in parts) + ")", re.I)
    anchors = [required_words(p) for p in parts]
    if all(anchors):
        _ANCHORS[compiled] = tuple(sorted(set().union(*anchors)))
    return compiled


# For a compiled phrase list: words one of which every match contains ("assistance",
# "capacit", "advisory"). A paragraph with none of them needs no regex scan.
_ANCHORS: dict[re.Pattern, tuple[str, ...]] = {}
_MIN_ANCHOR = 4


def required_words(pattern: str) -> Optional[frozenset[str]]:
    """Lower-case strings one of which every match of ``pattern`` contains (at least
    four characters each), or None when no such set can be read from it."""
    try:
        from re import _parser as sre_parse  # the parser of ``re`` itself: nothing to keep in sync
        return _anchors(sre_parse.parse(pattern, re.I))
    except Exception:  # another Python's internals, or an invalid pattern: no shortcut
        return None


def _anchors(tree) -> Optional[frozenset[str]]:
    from re._constants import BRANCH, LITERAL, MAX_REPEAT, MIN_REPEAT, SUBPATTERN

    options: list[frozenset[str]] = []
    run: list[str] = []
    for op, arg in [*tree, (None, None)]:
        if op is LITERAL:
            run.append(chr(arg).lower())
            continue
        if run:
            options.append(frozenset(["".join(run)]))
            run = []
        if op is SUBPATTERN:
            found = _anchors(arg[-1])
        elif op is BRANCH:
            alternatives = [_anchors(alt) for alt in arg[1]]
            found = frozenset().union(*alternatives) if all(alternatives) else None
        elif op in (MAX_REPEAT, MIN_REPEAT) and arg[0] >= 1:
            found = _anchors(arg[2])
        else:
            found = None
        if found:
            options.append(found)
    options = [o for o in options if min(map(len, o)) >= _MIN_ANCHOR]
    return max(options, key=lambda o: (min(map(len, o)), -len(o))) if options else None


def _pat(params: dict, key: str) -> Optional[re.Pattern]:
    return _compile(tuple(params.get(key) or ()), "|".join(params.get("state") or ()))


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
def _matches(pattern: re.Pattern, text: str) -> list[re.Match]:
    """Every match in the paragraph, found once: the CON rules ask about each of its clauses."""
    anchors = _ANCHORS.get(pattern)
    if anchors is not None:
        lowered = text.lower()
        if not any(a in lowered for a in anchors):
            return []
    return list(pattern.finditer(text))


def _first_trigger(pattern: Optional[re.Pattern], text: str, start: int, end: int,
                   own: Optional[re.Pattern] = None) -> Optional[re.Match]:
    """The first trigger in the range that is not part of a capitalized proper name
    ("Capacity-Building Portal", "Voluntary Fund for Technical Cooperation") nor of a
    phrase in ``own`` naming the provider's own fund, programme or work."""
    if pattern is None:
        return None
    covered = None  # the provider's own activities, looked for only once a trigger is seen
    for m in _matches(pattern, text):
        if m.start() < start or m.end() > end:
            continue
        if m.group(0)[:1].isupper() and m.start() > start and not text[m.start() - 2:m.start()].strip() in ("", ",", ":"):
            continue
        if covered is None:
            covered = [(o.start(), o.end()) for o in own.finditer(text, start, end)] if own is not None else []
        if any(s <= m.start() and m.end() <= e for s, e in covered):
            continue
        return m
    return None


# The first infinitive ("to provide"): who is asked stands before it.
_INFINITIVE = re.compile(r"\b[Tt]o\s+(?!(?:the|a|an|all|its|their|this|that|these|those|such|any|each|other|be)\b)[a-z][a-z-]+")


def addressee(clause_text: str) -> str:
    """Who is asked: "Requests the Office" of "Requests the Office to provide ...".

    Asides that name partners ("Invites States, in cooperation with the United
    Nations system, to ...") are blanked out (same length), so the partners are
    not taken for the addressee."""
    m = _INFINITIVE.search(clause_text)
    head = clause_text[:m.start()] if m else clause_text
    return _ASIDE.sub(lambda a: " " * len(a.group(0)), head)


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
    has_cue = cues is not None and cues.search(clause_text) is not None
    if preamble:
        calls = _pat(params, "call-openings")
        return (calls is not None and calls.match(opening) is not None) or has_cue
    if weak is not None and weak.match(opening):
        return has_cue
    return True


def needs_consent(text: str, clause: Clause, params: dict, *, preamble: bool = False,
                  governing: Iterable[str] = (), opening: Optional[str] = None,
                  asked: Optional[str] = None) -> Optional[re.Match]:
    """The trigger of a clause that calls for assistance without consent, or None.

    ``governing`` are texts whose consent language also covers the clause (a chapeau);
    ``opening`` overrides the clause's own and ``asked`` names who is asked (a
    sub-paragraph answers to its chapeau's opening and addressee).
    """
    body = text[clause.start:clause.end]
    trigger = _first_trigger(_pat(params, "triggers"), text, clause.start, clause.end, _pat(params, "own-activity"))
    if trigger is None:
        return None
    if not _is_call(clause.opening if opening is None else opening, body, params, preamble):
        return None
    who = addressee(body) if asked is None else asked
    providers = _pat(params, "providers")
    if providers is not None and not providers.search(who):
        return None
    recipients = _pat(params, "recipients")
    if recipients is not None:
        found = [m.group(0) for m in recipients.finditer(body, len(who) if asked is None else 0)]
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
    if consent is not None and (consent.search(body) or any(consent.search(g) for g in governing)):
        return None
    if wrong_party(body, params):
        return None  # consent asked of the wrong party: reported by the wrong-party check
    return trigger


# An editor re-lints a draft on every keystroke and nearly all of its clauses are unchanged:
# clause answers are kept by (params, text, clause). The entry holds the params' values, so
# their ids in the key cannot be reused by other objects while it lives.
_CLAUSE_MEMO: dict = {}
_CLAUSE_MEMO_MAX = 4_096


def needs_consent_memo(text: str, clause: Clause, params: dict, *, preamble: bool = False) -> Optional[re.Match]:
    """``needs_consent`` for a clause that answers only to itself (no chapeau), remembered."""
    values = tuple(params.values())
    key = (tuple(map(id, values)), text, clause, preamble)
    entry = _CLAUSE_MEMO.get(key)
    if entry is None:
        if len(_CLAUSE_MEMO) >= _CLAUSE_MEMO_MAX:
            _CLAUSE_MEMO.clear()
        entry = _CLAUSE_MEMO[key] = (values, needs_consent(text, clause, params, preamble=preamble))
    return entry[1]


def wrong_party(text: str, params: dict) -> list[re.Match]:
    """Consent or request phrases whose party is not a State ("at the request of the Office").

    Each pattern of ``parties`` has a named group ``party``; a phrase found by two is kept once."""
    out: list[re.Match] = []
    for pattern in params.get("parties") or ():
        compiled = _compile((pattern,), "|".join(params.get("state") or ()))
        for m in _matches(compiled, text):
            if not any(o.start() <= m.start() < o.end() for o in out):
                out.append(m)
    return sorted(out, key=lambda m: m.start())


def _skipped(doc: Document, params: dict) -> bool:
    body = doc.body or ""
    return any(b.lower() == body.lower() for b in params.get("skip-bodies") or ())


def _hit(node: Node, m: re.Match, params: dict) -> CheckHit:
    return CheckHit(node, m.start(), m.end(), {"trigger": m.group(0), "suggestion": params.get("suggestion", "")})


def _chapeau_clauses(para: Paragraph) -> list[Clause]:
    return clauses(para.text, para.body_start, para.chapeau_end, para.opening)


# ----------------------------------------------------------------------- checks

@register("consent.operative", placeholders=PLACEHOLDERS, params_schema=_SCHEMA)
def operative(doc: Document, params: dict, ctx) -> Iterator[CheckHit]:
    """CON001: an operative clause (chapeau or whole paragraph) calls for assistance without consent."""
    if _skipped(doc, params):
        return
    for para in ctx.nodes:
        if not isinstance(para, Paragraph):
            continue
        for clause in _chapeau_clauses(para):
            m = needs_consent_memo(para.text, clause, params)
            if m:
                yield _hit(para, m, params)
                break


@register("consent.subparagraph", placeholders=PLACEHOLDERS, params_schema=_SCHEMA)
def subparagraph(doc: Document, params: dict, ctx) -> Iterator[CheckHit]:
    """CON002: a sub-paragraph calls for assistance; neither it nor its chapeau carries consent."""
    if _skipped(doc, params):
        return
    for sub in ctx.nodes:
        para = sub.parent if isinstance(sub, SubParagraph) else None
        if para is None or isinstance(para, Paragraph) and para.scope.startswith("preamb"):
            continue
        heads = _chapeau_clauses(para)
        lead = heads[-1] if heads else Clause(para.body_start, para.chapeau_end, para.opening)
        opening, asked = lead.opening, addressee(para.text[lead.start:lead.end])
        governing = [para.chapeau, *_enclosing_leads(para, sub)]
        we = _WE.match(para.text[para.body_start:]) is not None
        for clause in clauses(sub.text, sub.body_start, len(sub.text), opening):
            # An item that starts with its own operative verb ("(a) Welcomes ...") answers to it.
            if _starts_with_verb(sub.text, clause.start, plural=we):
                m = needs_consent(sub.text, Clause(clause.start, clause.end, _opening_at(sub.text, clause.start)),
                                  params, governing=governing)
            else:
                m = needs_consent(sub.text, clause, params, governing=governing, opening=opening, asked=asked)
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


@register("consent.preamble", placeholders=PLACEHOLDERS, params_schema=_SCHEMA)
def preamble(doc: Document, params: dict, ctx) -> Iterator[CheckHit]:
    """CON003: a preambular paragraph calls for new or expanded assistance without consent."""
    if _skipped(doc, params):
        return
    for para in ctx.nodes:
        if not isinstance(para, Paragraph):
            continue
        whole = Clause(para.body_start, len(para.text), para.opening)
        m = needs_consent_memo(para.text, whole, params, preamble=True)
        if m:
            yield _hit(para, m, params)


@register("consent.presence", placeholders=PLACEHOLDERS, params_schema=_SCHEMA)
def presence(doc: Document, params: dict, ctx) -> Iterator[CheckHit]:
    """CON004: a clause establishes or deploys a presence in a State without consent or agreement."""
    if _skipped(doc, params):
        return
    for para in ctx.nodes:
        if not isinstance(para, Paragraph):
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
    triggers, consent = _pat(params, "triggers"), _pat(params, "consent")
    for node in ctx.nodes:
        start = getattr(node, "body_start", 0)
        for clause in clauses(node.text, start, len(node.text), getattr(node, "opening", "") or ""):
            if _first_trigger(triggers, node.text, clause.start, clause.end, _pat(params, "own-activity")) is None:
                continue
            body = node.text[clause.start:clause.end]
            if clause.opening and not _is_call(clause.opening, body, params, False):
                continue
            if consent is not None and consent.search(body):
                continue
            for m in wrong_party(body, params):
                s, e = clause.start + m.start(), clause.start + m.end()
                yield CheckHit(node, s, e, {"phrase": m.group(0), "party": m.group("party"),
                                            "suggestion": params.get("suggestion", "")})


def _enclosing_leads(para: Paragraph, node: SubParagraph) -> Iterator[str]:
    """For a nested sub-paragraph, the lead-in text of each enclosing one."""
    sub = node.enclosing
    if sub is not None and sub.children:
        lead_end = sub.text.find(sub.children[0].text)
        if lead_end > 0:
            yield sub.text[:lead_end]
