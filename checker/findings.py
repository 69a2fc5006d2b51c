"""Findings and fixes: what rules produce and formatters print."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from checker.model import Span

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"info": 1, "warning": 2, "error": 3}


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace the original text in ``span`` with ``replacement``.

    ``region`` (line, column, end line, end column; 1-based, end column exclusive) is
    filled in by the pipeline from ``span``, as a finding's position is: formatters
    can then place the edit without the file's text."""

    span: Span
    replacement: str
    region: Optional[tuple[int, int, int, int]] = None


@dataclass(slots=True)
class Fix:
    """A way to mend a finding: text edits, applied together, and whether ``--fix`` may apply them unasked."""
    description: str
    edits: tuple[Edit, ...]
    safe: bool = True


@dataclass(slots=True)
class Finding:
    """One problem found: the rule, its severity and message, and where (span, address, line, column)."""
    rule: str
    severity: str
    message: str
    span: Span
    address: str = "DOCUMENT"
    fix: Optional[Fix] = None
    # Filled in by the pipeline from ``span`` (1-based, original file).
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0
    excerpt: str = ""

    def sort_key(self) -> tuple:
        return (self.span.start, self.span.end, self.rule)


@dataclass(slots=True)
class RuleInfo:
    """Documentation of a rule as formatters (SARIF, explain) need it."""

    code: str
    name: str
    severity: str
    summary: str
    rationale: str = ""
    fix: str = ""
    link: str = ""
    kind: str = ""
    scope: str = ""
    examples_valid: list[str] = field(default_factory=list)
    examples_invalid: list[str] = field(default_factory=list)


@dataclass(slots=True)
class FileResult:
    """Everything a run learned about one file: what it is, its findings, or the error that stopped it."""
    path: str
    kind: str
    body: Optional[str]
    session: Optional[int]
    findings: list[Finding] = field(default_factory=list)
    error: Optional[str] = None  # unreadable input: the one-line message
    fixed: int = 0
