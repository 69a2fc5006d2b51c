"""existence: flag every occurrence of a phrase (``tokens``) or regex (``patterns``).

``tokens`` are plain phrases: matched as whole words, any whitespace between
words (drafts are hard-wrapped). ``patterns`` are raw regexes, used as written.
``exceptions`` are regexes for the legitimate uses of a flagged phrase: a
match that lies inside an exception match is dropped (Vale's behaviour), so
"in accordance with" can be allowed while "accordance" alone is flagged.
"""

from __future__ import annotations

import re
from typing import Iterator

from checker.findings import Finding
from checker.model import Node
from checker.rules.kinds.base import CompiledRule, RunContext
from checker.rules.patterns import compile_list
from checker.rules.spec import RuleSource, RuleSpec

PLACEHOLDERS = ("match",)


def flags_of(spec: RuleSpec, default_ignorecase: bool = False) -> int:
    return re.IGNORECASE if spec.params.get("ignorecase", default_ignorecase) else 0


def exception_patterns(spec: RuleSpec, flags: int) -> list[re.Pattern]:
    return compile_list(spec.params.get("exceptions"), phrases=False, flags=flags, word=False,
                        error=lambda i, m: spec.error(("exceptions", i), m))


def inside_exception(exceptions: list[re.Pattern], text: str,
                     start: int, end: int) -> bool:
    return any(e.start() <= start and end <= e.end()
               for pattern in exceptions for e in pattern.finditer(text))


class Existence(CompiledRule):
    def __init__(self, spec: RuleSpec, patterns: list[re.Pattern], exceptions: list[re.Pattern]):
        super().__init__(spec)
        self.patterns = patterns
        self.exceptions = exceptions

    def run(self, node: Node, ctx: RunContext) -> Iterator[Finding]:
        for pattern in self.patterns:
            for m in ctx.finditer(pattern, node.text):
                if m.end() == m.start():
                    continue  # an empty match points at nothing
                if self.exceptions and inside_exception(self.exceptions, node.text, m.start(), m.end()):
                    continue
                yield ctx.finding(node, m.start(), m.end(), match=m.group(0))


def compile(spec: RuleSpec, source: RuleSource) -> CompiledRule:
    flags = flags_of(spec)
    word = not spec.params.get("nonword", False)
    patterns = compile_list(spec.params.get("tokens"), phrases=True, flags=flags, word=word,
                            error=lambda i, m: spec.error(("tokens", i), m))
    patterns += compile_list(spec.params.get("patterns"), phrases=False, flags=flags, word=word,
                             error=lambda i, m: spec.error(("patterns", i), m))
    return Existence(spec, patterns, exception_patterns(spec, flags))
