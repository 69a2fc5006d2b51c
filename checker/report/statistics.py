"""``--statistics``: how many findings each rule produced, most frequent first.

Modelled on ``ruff --statistics``: count, code, ``[*]`` when every finding of
the rule carries a fix (``[-]`` when only some do), and the rule's name.
"""

from __future__ import annotations

from collections import Counter
from typing import Optional

from checker.findings import FileResult, RuleInfo


def rule_counts(results: list[FileResult]) -> list[tuple[str, int, int]]:
    """``(code, count, fixable)`` per rule, by count descending then code."""
    counts: Counter[str] = Counter()
    fixable: Counter[str] = Counter()
    for result in results:
        for finding in result.findings:
            counts[finding.rule] += 1
            if finding.fix is not None:
                fixable[finding.rule] += 1
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [(code, count, fixable[code]) for code, count in ordered]


def render_statistics(results: list[FileResult], rules: Optional[dict[str, RuleInfo]] = None) -> str:
    """A table of counts per rule code with its name; empty string when clean."""
    rows = rule_counts(results)
    if not rows:
        return ""
    rules = rules or {}
    width = max(len(str(count)) for _, count, _ in rows)
    code_width = max(len(code) for code, _, _ in rows)
    lines = []
    for code, count, fixable in rows:
        mark = "[*]" if fixable == count else "[-]" if fixable else "[ ]"
        info = rules.get(code)
        name = info.name if info is not None else ""
        lines.append(f"{count:>{width}}\t{code:<{code_width}}\t{mark} {name}".rstrip())
    return "\n".join(lines) + "\n"


def as_records(results: list[FileResult], rules: Optional[dict[str, RuleInfo]] = None) -> list[dict]:
    """The same counts as JSON-ready records."""
    rules = rules or {}
    return [
        {
            "rule": code,
            "name": rules[code].name if code in rules else "",
            "count": count,
            "fixable": fixable,
        }
        for code, count, fixable in rule_counts(results)
    ]
