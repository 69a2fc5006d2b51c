"""consistency: two spellings of one thing must not both occur in a document.

``either: {a: b}`` pairs spellings ("organization": "organisation"). When both
occur in the rule's scope, the form used more often wins (the first one used
on a tie) and every occurrence of the other is flagged. Runs over the whole
document at once, since no single node can tell.
"""

from __future__ import annotations

import re
from typing import Iterator

from checker.findings import Finding
from checker.model import Node
from checker.rules.kinds.base import CompiledRule, RunContext
from checker.rules.kinds.existence import flags_of
from checker.rules.patterns import compile_pattern, phrase_regex
from checker.rules.spec import RuleSource, RuleSpec

PLACEHOLDERS = ("first", "second", "match")


class Consistency(CompiledRule):
    per_document = True

    def __init__(self, spec: RuleSpec, pairs: list[tuple[re.Pattern, re.Pattern]]):
        super().__init__(spec)
        self.pairs = pairs

    def run(self, node: Node, ctx: RunContext) -> Iterator[Finding]:
        return self.run_document([node], ctx)

    def run_document(self, nodes: list[Node], ctx: RunContext) -> Iterator[Finding]:
        for a, b in self.pairs:
            hits: dict[int, list[tuple[Node, re.Match]]] = {0: [], 1: []}
            for order, node in enumerate(nodes):
                for side, pattern in enumerate((a, b)):
                    hits[side].extend((node, m) for m in ctx.finditer(pattern, node.text))
            if not hits[0] or not hits[1]:
                continue
            first_pos = {side: _position(nodes, hits[side][0]) for side in (0, 1)}
            winner = max((0, 1), key=lambda s: (len(hits[s]), -first_pos[s]))
            loser = 1 - winner
            first = hits[winner][0][1].group(0)
            for node, m in hits[loser]:
                yield ctx.finding(node, m.start(), m.end(), first=first, second=m.group(0), match=m.group(0))


def _position(nodes: list[Node], hit: tuple[Node, re.Match]) -> tuple[int, int]:
    node, m = hit
    index = next(i for i, n in enumerate(nodes) if n is node)
    return index * 10_000_000 + m.start()


def compile(spec: RuleSpec, source: RuleSource) -> CompiledRule:
    flags = flags_of(spec)
    word = not spec.params.get("nonword", False)
    pairs = []
    for a, b in spec.params["either"].items():
        pa = compile_pattern(phrase_regex(a, word=word), flags, lambda m, a=a: spec.error(("either", a), m, key=True))
        pb = compile_pattern(phrase_regex(b, word=word), flags, lambda m, a=a: spec.error(("either", a), m))
        pairs.append((pa, pb))
    return Consistency(spec, pairs)
