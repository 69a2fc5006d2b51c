"""Suppression comments in drafts, and reporting the ones that do nothing.

The parser turns ``<!-- reslint: ignore CON001 -->`` into a ``Directive`` whose
``target`` is the next paragraph's span, and ``<!-- reslint: ignore-file -->``
into one for the whole file; no codes means every code. Codes may be family
prefixes (``CON``). A directive, or a code in it, that silenced nothing is
reported as ``SUP001`` (like ruff's RUF100): stale suppressions hide the
next real problem. Codes of rules that did not run (not selected) are not
reported: they could not have matched.
"""

from __future__ import annotations

from typing import Callable, Iterable

from checker.findings import Edit, Finding, Fix
from checker.model import Directive, Document

UNUSED_CODE = "SUP001"


def _matches(code: str, selectors: tuple[str, ...]) -> str | None:
    """The selector that covers ``code`` ('' when the directive names no codes)."""
    if not selectors:
        return ""
    return next((s for s in selectors if code.startswith(s)), None)


def _covers(directive: Directive, finding: Finding) -> bool:
    if directive.action == "ignore-file":
        return True
    target = directive.target
    return target is not None and target.start <= finding.span.start <= target.end


def apply_suppressions(doc: Document, findings: Iterable[Finding],
                       is_active: Callable[[str], bool] = lambda code: True
                       ) -> tuple[list[Finding], list[Finding]]:
    """Return ``(kept, unused)``: the findings no directive silences, and a
    ``SUP001`` finding for each directive with codes that silenced nothing."""
    directives = [d for d in doc.directives if d.action in ("ignore", "ignore-file")]
    used: list[set[str]] = [set() for _ in directives]
    kept = []
    for finding in findings:
        silenced = False
        for i, d in enumerate(directives):
            selector = _matches(finding.rule, d.codes)
            if selector is not None and _covers(d, finding):
                used[i].add(selector)
                silenced = True
        if not silenced:
            kept.append(finding)
    unused = []
    for d, hits in zip(directives, used):
        if d.codes:
            stale = [c for c in d.codes if c not in hits and is_active(c)]
        else:
            stale = [] if hits else ["all rules"]
        if not stale:
            continue
        whole = len(stale) == len(d.codes) or not d.codes
        fix = Fix("Remove the unused suppression comment", (Edit(d.span, ""),), safe=False) if whole else None
        node = doc.node_at(d.target.start) if d.target is not None else None
        unused.append(Finding(rule=UNUSED_CODE, severity="warning",
                              message=f"Unused suppression for {', '.join(stale)}",
                              span=d.span, address=node.address if node else "DOCUMENT", fix=fix))
    return kept, unused
