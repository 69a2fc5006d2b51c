"""occurrence: a token or pattern must occur at least ``min`` / at most ``max``
times in each node of the scope (e.g. one "Decides" per paragraph, at most
one "inter alia"). Too many: the finding is on the first occurrence past the
limit. Too few: the finding covers the node.
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

PLACEHOLDERS = ("count", "min", "max", "match")


class Occurrence(CompiledRule):
    def __init__(self, spec: RuleSpec, pattern: re.Pattern, low: int | None, high: int | None):
        super().__init__(spec)
        self.pattern, self.low, self.high = pattern, low, high

    def run(self, node: Node, ctx: RunContext) -> Iterator[Finding]:
        matches = [m for m in ctx.finditer(self.pattern, node.text) if m.end() > m.start()]
        count = len(matches)
        limits = {"count": count, "min": self.low if self.low is not None else "",
                  "max": self.high if self.high is not None else ""}
        if self.high is not None and count > self.high:
            m = matches[self.high]
            yield ctx.finding(node, m.start(), m.end(), match=m.group(0), **limits)
        elif self.low is not None and count < self.low:
            yield ctx.finding(node, 0, len(node.text), match="", **limits)


def compile(spec: RuleSpec, source: RuleSource) -> CompiledRule:
    flags = flags_of(spec)
    if "token" in spec.params:
        key, text = "token", phrase_regex(spec.params["token"], word=not spec.params.get("nonword", False))
    else:
        key, text = "pattern", spec.params["pattern"]
    pattern = compile_pattern(text, flags, lambda m: spec.error((key,), m))
    low, high = spec.params.get("min"), spec.params.get("max")
    if low is not None and high is not None and low > high:
        raise spec.error(("min",), f"min ({low}) is greater than max ({high})")
    return Occurrence(spec, pattern, low, high)
