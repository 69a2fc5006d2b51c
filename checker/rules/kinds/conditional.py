"""conditional (alias requires): if a node says X, it must also say Y.

This is the consent-of-State rule's kind: a technical-assistance clause (the
trigger) needs consent language (the requirement) somewhere it applies to.
Where that is depends on the drafting, so ``look-in`` lists the places that
count: the node itself, the chapeau that introduces it (a sub-paragraph
"(c) provide technical assistance" is covered by "Requests ..., at the request
of the State concerned, to:"), the whole paragraph, or the whole document.

Phrase lists (``if``, ``then``, ``unless``) are plain strings, matched as whole
words, case-insensitively by default, with any whitespace between words;
``if-patterns``, ``then-patterns`` and ``unless-patterns`` take raw regexes.
``unless`` exempts a node (searched in the node only). One finding per node,
on the first trigger.
"""

from __future__ import annotations

import re
from typing import Iterator

from checker.findings import Finding
from checker.model import Node, SubParagraph
from checker.rules.kinds.base import CompiledRule, RunContext
from checker.rules.kinds.existence import flags_of
from checker.rules.patterns import compile_list
from checker.rules.scopes import paragraph_of
from checker.rules.spec import RuleSource, RuleSpec

PLACEHOLDERS = ("trigger",)


class Conditional(CompiledRule):
    def __init__(self, spec: RuleSpec, triggers, required, exempt, look_in: list[str]):
        super().__init__(spec)
        self.triggers: list[re.Pattern] = triggers
        self.required: list[re.Pattern] = required
        self.exempt: list[re.Pattern] = exempt
        self.look_in = look_in

    def run(self, node: Node, ctx: RunContext) -> Iterator[Finding]:
        first = None
        for pattern in self.triggers:
            m = ctx.search(pattern, node.text)
            if m and (first is None or m.start() < first.start()):
                first = m
        if first is None or ctx.search_any(self.exempt, node.text):
            return
        if any(ctx.search_any(self.required, text) for text in self._texts(node, ctx)):
            return
        yield ctx.finding(node, first.start(), first.end(), trigger=first.group(0))

    def _texts(self, node: Node, ctx: RunContext) -> Iterator[str]:
        para = paragraph_of(node)
        for place in self.look_in:
            if place == "node":
                yield node.text
            elif place == "chapeau" and para is not None:
                yield para.chapeau
                if isinstance(node, SubParagraph):
                    yield from _enclosing_leads(para, node)
            elif place == "paragraph":
                yield para.text if para is not None else node.text
            elif place == "document":
                # Node by node, so that the input cap applies to each call.
                yield from ctx.memo("document-texts", lambda: [n.text for n in ctx.doc.text_nodes()])


def _enclosing_leads(para, node: SubParagraph) -> Iterator[str]:
    """For a nested sub-paragraph, the lead-in text of each enclosing one."""
    for sub in para.all_subparagraphs():
        if sub is not node and any(c is node for c in sub.walk()) and sub.children:
            lead_end = sub.text.find(sub.children[0].text)
            if lead_end > 0:
                yield sub.text[:lead_end]


def compile(spec: RuleSpec, source: RuleSource) -> CompiledRule:
    flags = flags_of(spec, default_ignorecase=True)

    def both(key: str) -> list[re.Pattern]:
        err = lambda k: (lambda i, m: spec.error((k, i), m))  # noqa: E731
        return (compile_list(spec.params.get(key), phrases=True, flags=flags, word=True, error=err(key))
                + compile_list(spec.params.get(key + "-patterns"), phrases=False, flags=flags, word=True,
                               error=err(key + "-patterns")))

    look_in = spec.params.get("look-in", ["node"])
    look_in = [look_in] if isinstance(look_in, str) else list(look_in)
    if "node" not in look_in:
        look_in.insert(0, "node")  # the node itself always counts
    return Conditional(spec, both("if"), both("then"), both("unless"), look_in)
