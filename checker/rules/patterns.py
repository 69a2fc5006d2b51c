"""Compiling third-party regular expressions, and bounding what they cost.

Rule files are input from users, so a pattern can be wrong or ruinously slow.
Python's ``re`` cannot be interrupted and a thread cannot be killed, so the
time bound is built from three parts instead:

1. **Static rejection at load time** of the shapes that backtrack
   exponentially: a repeated group whose body can split the same text in more
   than one way. We walk ``re``'s own parse tree and flag an unbounded (or
   variable) repeat whose body has two neighbouring variable-length items with
   overlapping characters, counting the wrap-around from the end of one
   iteration to the start of the next (``(a+)+``, ``(a*)*``, ``(\\w+\\s?)+$``,
   ``(.*,)*``), or alternatives that can start with the same character
   (``(a|a)*``, ``(a|ab)+``). ``(?:\\s+\\w+)*`` is accepted: its items cannot
   trade characters. The check is deliberately conservative about what it
   accepts and is run on every user pattern, filters included.
2. **An input cap**: one match call never sees more than ``MAX_TEXT``
   characters (a paragraph is a few hundred); polynomial patterns stay cheap.
3. **A time budget** measured by the engine per (rule, node): a rule whose run
   on one node takes longer than ``BUDGET_SECONDS`` is disabled for the rest of
   the document and reported as ``ENG001``.

(``google-re2`` would give linear-time matching, but it drops lookarounds that
real rules use, and it is not a declared dependency.)
"""

from __future__ import annotations

import re
from typing import Any, Callable

try:  # Python 3.11+
    from re import _constants as _c, _parser as _p  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

MAX_TEXT = 50_000
BUDGET_SECONDS = 0.25

# Set by the engine while compiling rules that came from the cache: their
# patterns passed the static check when they were cached, and the check costs
# more than ``re.compile`` itself.
vetted = False

ErrorFn = Callable[[str], Exception]


def phrase_regex(phrase: str, *, word: bool = True) -> str:
    """A plain phrase as a regex: literal words, any run of whitespace between
    them, and word boundaries that also work next to punctuation."""
    body = r"\s+".join(re.escape(w) for w in phrase.split())
    if not word:
        return body
    if phrase[:1].isalnum() or phrase[:1] == "_":
        # "V(?<!\w.)iet" is "(?<!\w)Viet" with the letter first: ``re`` can then skip
        # ahead to the letters a phrase may start with instead of trying every position.
        return rf"{re.escape(phrase[0])}(?<!\w.){body[len(re.escape(phrase[0])):]}(?!\w)"
    return rf"(?<!\w){body}(?!\w)"


def compile_pattern(pattern: str, flags: int, error: ErrorFn) -> re.Pattern:
    """Compile a user pattern once, rejecting invalid and catastrophic ones.

    ``error(message)`` builds the exception to raise (it knows file:line:col).
    """
    try:
        compiled = re.compile(pattern, flags)
    except re.error as exc:
        raise error(f"invalid regular expression '{pattern}': {exc}") from None
    problem = None if vetted else catastrophic(pattern, flags)
    if problem:
        raise error(f"regular expression '{pattern}' can take exponential time ({problem}); "
                    "rewrite it without nested or overlapping repetition")
    return compiled


def compile_list(items: list[str] | None, *, phrases: bool, flags: int, word: bool,
                 error: Callable[[int, str], Exception]) -> list[re.Pattern]:
    out = []
    for i, item in enumerate(items or ()):
        source = phrase_regex(item, word=word) if phrases else item
        out.append(compile_pattern(source, flags, lambda m, i=i: error(i, m)))
    return out


def capped(text: str) -> str:
    return text if len(text) <= MAX_TEXT else text[:MAX_TEXT]


# ---------------------------------------------------------------- static check

# A sample alphabet stands in for "all characters" when comparing sets.
_ALPHA = frozenset(chr(i) for i in range(32, 256)) | frozenset("\t\n\u2019\u2013\u00a0ЖЯ中")
_CATS = {
    "CATEGORY_DIGIT": frozenset(c for c in _ALPHA if re.match(r"\d", c)),
    "CATEGORY_SPACE": frozenset(c for c in _ALPHA if re.match(r"\s", c)),
    "CATEGORY_WORD": frozenset(c for c in _ALPHA if re.match(r"\w", c)),
}
_CATS.update({"CATEGORY_NOT_" + k[9:]: _ALPHA - v for k, v in list(_CATS.items())})
_REPEATS = {"MAX_REPEAT", "MIN_REPEAT"}
_ZERO_WIDTH = {"AT", "ASSERT", "ASSERT_NOT"}


def catastrophic(pattern: str, flags: int = 0) -> str | None:
    """A short description of the exponential shape found, or None."""
    try:
        tree = _p.parse(pattern, flags)
    except Exception:  # already reported by re.compile
        return None
    return _scan(list(tree), bool(flags & re.IGNORECASE))


def _scan(seq: list, icase: bool) -> str | None:
    for op, av in seq:
        name = str(op)
        if name in _REPEATS:
            lo, hi, body = av
            if hi is _c.MAXREPEAT or hi > 1:
                problem = _ambiguous(list(body), icase)
                if problem:
                    return problem
            found = _scan(list(body), icase)
        elif name == "SUBPATTERN":
            found = _scan(list(av[-1]), icase)
        elif name == "BRANCH":
            found = next((p for p in (_scan(list(b), icase) for b in av[1]) if p), None)
        else:
            found = None  # atomic groups and possessive repeats never backtrack
        if found:
            return found
    return None


def _ambiguous(body: list, icase: bool) -> str | None:
    items = [(op, av) for op, av in body if str(op) not in _ZERO_WIDTH]
    if len(items) == 1 and str(items[0][0]) == "SUBPATTERN":
        return _ambiguous(list(items[0][1][-1]), icase)
    for op, av in items:
        if str(op) == "BRANCH" and _branch_overlap(av[1], icase):
            return "alternatives that can match the same text inside a repetition"
    n = len(items)
    for i in range(n):
        if not _variable(items[i]):
            continue
        chars = _chars(items[i], icase)
        # The next items that can follow, skipping optional ones, wrapping round.
        for step in range(1, n + 1):
            nxt = items[(i + step) % n]
            if chars & _first(nxt, icase):
                return "nested repetition whose parts can trade characters"
            if not _optional(nxt):
                break
    return None


def _branch_overlap(branches: list, icase: bool) -> bool:
    # Two alternatives that can both match nothing (``(a|a)`` is parsed as
    # ``a(?:|)``) are as ambiguous as two that start with the same character.
    firsts = [_first_of_seq(list(b), icase) for b in branches]
    empty = sum(1 for b in branches if all(_optional(i) or str(i[0]) in _ZERO_WIDTH for i in b))
    return empty > 1 or any(
        firsts[i] & firsts[j] for i in range(len(firsts)) for j in range(i + 1, len(firsts)))


def _variable(item: tuple) -> bool:
    op, av = item
    name = str(op)
    if name in _REPEATS:
        return av[0] != av[1] or _any_variable(list(av[2]))
    if name == "SUBPATTERN":
        return _any_variable(list(av[-1]))
    if name == "BRANCH":
        return True
    return name in ("GROUPREF", "GROUPREF_EXISTS")


def _any_variable(seq: list) -> bool:
    return any(_variable(i) for i in seq)


def _optional(item: tuple) -> bool:
    op, av = item
    name = str(op)
    if name in _REPEATS:
        return av[0] == 0
    if name == "SUBPATTERN":
        return all(_optional(i) for i in av[-1] if str(i[0]) not in _ZERO_WIDTH)
    return False


def _first(item: tuple, icase: bool) -> frozenset:
    op, av = item
    name = str(op)
    if name in _REPEATS:
        return _first_of_seq(list(av[2]), icase)
    if name == "SUBPATTERN":
        return _first_of_seq(list(av[-1]), icase)
    if name == "BRANCH":
        return frozenset().union(*(_first_of_seq(list(b), icase) for b in av[1]))
    return _chars(item, icase)


def _first_of_seq(seq: list, icase: bool) -> frozenset:
    out: frozenset = frozenset()
    for item in seq:
        if str(item[0]) in _ZERO_WIDTH:
            continue
        out |= _first(item, icase)
        if not _optional(item):
            break
    return out


def _chars(item: Any, icase: bool) -> frozenset:
    """Every character ``item`` can consume (over the sample alphabet)."""
    op, av = item
    name = str(op)
    if name == "LITERAL":
        c = chr(av)
        return frozenset({c, c.lower(), c.upper()}) if icase else frozenset({c})
    if name == "NOT_LITERAL":
        return _ALPHA - {chr(av)}
    if name == "IN":
        return _in_set(av, icase)
    if name in _REPEATS:
        return frozenset().union(*(_chars(i, icase) for i in av[2]))
    if name == "SUBPATTERN":
        return frozenset().union(*(_chars(i, icase) for i in av[-1]))
    if name == "BRANCH":
        return frozenset().union(*(_chars(i, icase) for b in av[1] for i in b))
    if name in _ZERO_WIDTH:
        return frozenset()
    return _ALPHA  # ANY, group references, anything unknown: assume the worst


def _in_set(av: list, icase: bool) -> frozenset:
    out: set = set()
    negate = False
    for op, arg in av:
        name = str(op)
        if name == "NEGATE":
            negate = True
        elif name == "LITERAL":
            out.add(chr(arg))
        elif name == "RANGE":
            out.update(c for c in _ALPHA if arg[0] <= ord(c) <= arg[1])
        elif name == "CATEGORY":
            out |= _CATS.get(str(arg), _ALPHA)
        else:
            out |= _ALPHA
    if icase:
        out |= {c.lower() for c in out} | {c.upper() for c in out}
    result = frozenset(out) & _ALPHA if not negate else _ALPHA - out
    return result
