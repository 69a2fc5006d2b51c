"""``reslint rules`` and ``reslint explain CODE``: every rule documented in one shape.

The sections mirror ruff's (What it does / Why is this bad? / Example / Use
instead / Fix / References) and are read straight from the rule file, whose
examples the test suite runs: the documentation is the test.
"""

from __future__ import annotations

import textwrap

from checker.findings import RuleInfo


def format_rule_list(infos: dict[str, RuleInfo] | list[RuleInfo]) -> str:
    rows = list(infos.values()) if isinstance(infos, dict) else list(infos)
    header = ("CODE", "NAME", "SEVERITY", "KIND", "SUMMARY")
    table = [header] + [(i.code, i.name, i.severity, i.kind, i.summary) for i in rows]
    widths = [max(len(r[c]) for r in table) for c in range(4)]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(r[:4], widths)) + "  " + r[4] for r in table]
    return "\n".join(line.rstrip() for line in lines) + "\n"


def _section(title: str, body: str) -> list[str]:
    body = body.strip() or "(none)"
    return [title, *(textwrap.indent(body, "    ").splitlines()), ""]


def _example(text: str) -> str:
    return text.strip("\n") if text.strip() else ""


def format_explanation(info: RuleInfo) -> str:
    out = [f"{info.code} ({info.name})", "", *_section("What it checks", info.summary)]
    out += _section("Why it matters", info.rationale)
    out += _section("Example", _example(info.examples_invalid[0]) if info.examples_invalid else "")
    out += _section("Use instead", _example(info.examples_valid[0]) if info.examples_valid else "")
    out += _section("How to fix", info.fix)
    out += _section("Severity", info.severity)
    out += _section("Kind/Scope", f"{info.kind} / {info.scope}" if info.scope else info.kind)
    out += _section("Link", info.link)
    return "\n".join(out).rstrip() + "\n"
