"""Formatters: turn ``FileResult`` lists into text for people, editors and CI.

One module per format, each with ``render(results, rules, options) -> str``.
Modules are imported only when asked for, so an editor's run on one file pays
for the formatter it uses and nothing else.

Every renderer returns text that ends with a newline, or ``""`` when a
line-oriented format (concise, github) has nothing to say.

``--statistics`` replaces the finding listing with a table of counts in the
``text`` and ``concise`` formats (as ``ruff --statistics`` does), adds a
``statistics`` list to ``json``, and is ignored by the machine formats
(sarif, github, junit), whose consumers expect their fixed shape.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from importlib import import_module
from typing import TYPE_CHECKING, Optional

if TYPE_CHECKING:
    from checker.findings import Edit, FileResult, Finding, RuleInfo
    from checker.model import LineIndex, Span

FORMATS = ("text", "concise", "json", "sarif", "github", "junit")

_MODULES = {
    "text": "checker.report.text",
    "concise": "checker.report.concise",
    "json": "checker.report.json_format",
    "sarif": "checker.report.sarif",
    "github": "checker.report.github",
    "junit": "checker.report.junit",
}

# Code used by line formats for a file that could not be read. It is not a
# rule (``reslint explain`` does not know it); it only keeps the
# ``CODE severity`` column well formed for tools that parse it.
UNREADABLE_CODE = "IOE001"


@dataclass(frozen=True)
class RenderOptions:
    """How findings are printed: colour, statistics instead of findings, source excerpts."""
    color: bool = False
    statistics: bool = False
    show_source: bool = True
    sources: dict[str, str] = field(default_factory=dict)


def render(
    format: str,
    results: list["FileResult"],
    rules: dict[str, "RuleInfo"],
    *,
    color: bool = False,
    statistics: bool = False,
    show_source: bool = True,
    sources: Optional[dict[str, str]] = None,
) -> str:
    """Render ``results`` in ``format`` (one of ``FORMATS``)."""
    if format not in _MODULES:
        raise ValueError(f"unknown format {format!r}; expected one of {', '.join(FORMATS)}")
    options = RenderOptions(color, statistics, show_source, dict(sources or {}))
    return import_module(_MODULES[format]).render(results, rules, options)


# --- helpers shared by several formats -------------------------------------

# Everything str.splitlines() breaks on: a message containing any of these
# would split one finding over two lines in a line-oriented format.
_LINE_BREAKS = re.compile(r"\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


def one_line(text: str) -> str:
    """``text`` with every line break replaced by a space."""
    return _LINE_BREAKS.sub(" ", text)


def labelled_message(finding: "Finding") -> str:
    """``[OP5(a)] message`` — the message with its structural address in front."""
    message = finding.message or "(no message)"
    return f"[{finding.address}] {message}" if finding.address else message


def region(finding: "Finding") -> tuple[int, int, int, int]:
    """``(line, column, end_line, end_column)``, 1-based, never before the start."""
    line = max(finding.line, 1)
    column = max(finding.column, 1)
    end_line = max(finding.end_line, line)
    end_column = max(finding.end_column, 1)
    if end_line == line:
        end_column = max(end_column, column)
    return line, column, end_line, end_column


def summary(results: list["FileResult"]) -> dict[str, int]:
    """Counts of files, findings and findings per severity."""
    counts = {"files": len(results), "findings": 0, "error": 0, "warning": 0, "info": 0}
    for result in results:
        for finding in result.findings:
            counts["findings"] += 1
            if finding.severity in counts:
                counts[finding.severity] += 1
    return counts


def line_index(options: RenderOptions, path: str) -> Optional["LineIndex"]:
    """A ``LineIndex`` over the original text of ``path``, if it was given."""
    source = options.sources.get(path)
    if source is None:
        return None
    from checker.model import LineIndex

    return LineIndex(source)


def edit_region(edit: "Edit", index: Optional["LineIndex"]) -> Optional[dict[str, int]]:
    """Where a fix edit applies: its region filled in by the pipeline, else computed from
    the file's text when that was given; None when neither is known."""
    if edit.region is not None:
        line, column, end_line, end_column = edit.region
        return {"line": line, "column": column, "end_line": end_line, "end_column": end_column}
    return span_region(index, edit.span) if index is not None else None


def span_region(index: "LineIndex", span: "Span") -> dict[str, int]:
    """1-based line/column of a span (end column exclusive)."""
    line, column = index.position(span.start)
    end_line, end_column = index.position(span.end)
    return {"line": line, "column": column, "end_line": end_line, "end_column": end_column}


def relative_path(path: str, root: Optional[str] = None) -> str:
    """``path`` relative to ``root`` (default: the working directory), with ``/``."""
    if os.path.isabs(path):
        try:
            path = os.path.relpath(path, root or os.getcwd())
        except ValueError:  # another drive on Windows: keep it absolute
            pass
    return path.replace(os.sep, "/").replace("\\", "/")


def relative_uri(path: str, root: Optional[str] = None) -> str:
    """A relative URI reference for ``path`` (percent-encoded, ``/`` separated)."""
    from urllib.parse import quote

    rel = relative_path(path, root)
    while rel.startswith("./"):
        rel = rel[2:]
    return quote(rel, safe="/")
