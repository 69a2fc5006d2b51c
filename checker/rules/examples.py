"""Run a rule's own examples: invalid ones must produce findings, valid ones none.

Snippet convention: an example without an authoring line ("The General
Assembly," on a line of its own) gets ``examples.context`` prepended, or
"The General Assembly,\\n\\n" when the rule gives none, so a bare operative
paragraph parses as one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from checker.model import Document
from checker.rules.config import Config
from checker.rules.kinds.base import CompiledRule

DEFAULT_CONTEXT = "The General Assembly,\n\n"
# (with or without Markdown emphasis: "*The Human Rights Council*,")
_AUTHORING = re.compile(r"^\s*[*_]{0,2}The\s+[A-Z][\w\s-]*?(?:Assembly|Council|Commission|Conference|Board|Committee)"
                        r"[*_]{0,2},[*_]{0,2}\s*$", re.MULTILINE)


@dataclass
class ExampleFailure:
    """A rule's own example that did not behave as it says."""
    code: str
    kind: str  # "valid" | "invalid"
    index: int
    text: str
    problem: str

    def __str__(self) -> str:
        return f"{self.code} {self.kind} example {self.index}: {self.problem}\n---\n{self.text}\n---"


def with_context(text: str, context: str | None) -> str:
    if _AUTHORING.search(text):
        return text
    return (context if context is not None else DEFAULT_CONTEXT) + text


def run_examples(rule: CompiledRule, parse: Callable[[str], Document]) -> list[ExampleFailure]:
    from checker.rules.engine import RuleSet, lint

    spec = rule.spec
    examples = spec.examples or {}
    context = examples.get("context")
    ruleset = RuleSet([rule])
    config = Config(select=[spec.code], extend_select=[spec.code])  # runs even if enabled: false
    failures = []

    def findings_for(text: str):
        found = lint(parse(with_context(text, context)), ruleset, config)
        return [f for f in found if f.rule == spec.code], [f for f in found if f.rule.startswith("ENG")]

    for i, text in enumerate(examples.get("valid", [])):
        found, engine = findings_for(text)
        if found or engine:
            failures.append(ExampleFailure(spec.code, "valid", i, text, "expected no finding, got: "
                                           + "; ".join(f"{f.rule} {f.message}" for f in found + engine)))
    for i, item in enumerate(examples.get("invalid", [])):
        text, expect, contains = (item, 1, None) if isinstance(item, str) else (
            item["text"], item.get("expect", 1), item.get("contains"))
        found, engine = findings_for(text)
        if engine:
            failures.append(ExampleFailure(spec.code, "invalid", i, text, "; ".join(f.message for f in engine)))
        elif len(found) != expect:
            failures.append(ExampleFailure(spec.code, "invalid", i, text,
                                           f"expected {expect} finding(s), got {len(found)}"
                                           + "".join(f"\n  {f.address}: {f.message}" for f in found)))
        elif contains and not all(contains in f.message for f in found):
            failures.append(ExampleFailure(spec.code, "invalid", i, text,
                                           f"message should contain {contains!r}, got: "
                                           + "; ".join(f.message for f in found)))
    return failures
