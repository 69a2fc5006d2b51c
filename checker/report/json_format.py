"""``--format json``: the fixed contract of docs/architecture.md.

Keys beyond the contract: per finding ``name``, ``start``/``end`` (character
offsets into the original text), ``excerpt`` and ``fix``; per file ``fixed``;
in the summary ``unreadable``, ``fixable`` and ``fixed``; and ``statistics``
when asked for. ``schemas/report.schema.json`` describes the whole shape.

A fix's edits always carry ``start``/``end`` offsets, and
``line``/``column``/``end_line``/``end_column`` when their region is known: the
pipeline fills it in, and a result made elsewhere gets it from the original text
of the file when that was passed in ``sources``.
"""

from __future__ import annotations

import json
from typing import Optional

from checker.findings import FileResult, Finding, Fix, RuleInfo
from checker.model import LineIndex
from checker.report import RenderOptions, edit_region, line_index, summary

VERSION = 1


def render(results: list[FileResult], rules: dict[str, RuleInfo], options: RenderOptions) -> str:
    return json.dumps(report(results, rules, options), ensure_ascii=False, indent=2) + "\n"


def report(results: list[FileResult], rules: dict[str, RuleInfo], options: RenderOptions) -> dict:
    """The report as a JSON-ready dict."""
    totals = summary(results)
    totals["unreadable"] = sum(1 for r in results if r.error is not None)
    totals["fixable"] = sum(1 for r in results for f in r.findings if f.fix is not None)
    totals["fixed"] = sum(r.fixed for r in results)
    out: dict = {
        "version": VERSION,
        "files": [_file(result, rules, options) for result in results],
        "summary": totals,
    }
    if options.statistics:
        from checker.report.statistics import as_records

        out["statistics"] = as_records(results, rules)
    return out


def _file(result: FileResult, rules: dict[str, RuleInfo], options: RenderOptions) -> dict:
    index = line_index(options, result.path)
    return {
        "path": result.path,
        "document": {
            "kind": None if result.error is not None else (result.kind or None),
            "body": result.body,
            "session": result.session,
        },
        "findings": [_finding(f, rules, index) for f in result.findings],
        "error": result.error,
        "fixed": result.fixed,
    }


def _finding(finding: Finding, rules: dict[str, RuleInfo], index: Optional[LineIndex]) -> dict:
    info = rules.get(finding.rule)
    return {
        "rule": finding.rule,
        "severity": finding.severity,
        "message": finding.message,
        "address": finding.address,
        "line": finding.line,
        "column": finding.column,
        "end_line": finding.end_line,
        "end_column": finding.end_column,
        "name": info.name if info is not None else None,
        "start": finding.span.start,
        "end": finding.span.end,
        "excerpt": finding.excerpt,
        "fix": _fix(finding.fix, index) if finding.fix is not None else None,
    }


def _fix(fix: Fix, index: Optional[LineIndex]) -> dict:
    edits = []
    for edit in fix.edits:
        record: dict = {"start": edit.span.start, "end": edit.span.end}
        record.update(edit_region(edit, index) or {})
        record["replacement"] = edit.replacement
        edits.append(record)
    return {"description": fix.description, "safe": fix.safe, "edits": edits}
