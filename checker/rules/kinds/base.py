"""The one interface every rule kind implements, and the run context.

A kind module defines ``PLACEHOLDERS`` (the names its messages may use, beside
the common ``{address}`` and ``{text}``) and ``compile(rule, source) ->
CompiledRule``. The engine only knows this interface: it asks the compiled
rule for ``run(node, ctx)`` on each node of the rule's scope, or, for kinds
that need the whole document at once (consistency, check), for
``run_document(nodes, ctx)``.
"""

from __future__ import annotations

import re
from typing import Any, Iterable, Iterator, Optional

from checker.findings import Finding, Fix
from checker.model import Document, Node, Span
from checker.resolve import Resolution, resolve
from checker.rules.patterns import capped
from checker.rules.spec import RuleSpec

COMMON_PLACEHOLDERS = ("address", "text")


class CompiledRule:
    """A rule ready to run. ``per_document`` kinds override ``run_document``."""

    per_document = False

    def __init__(self, spec: RuleSpec):
        self.spec = spec

    @property
    def code(self) -> str:
        return self.spec.code

    def run(self, node: Node, ctx: "RunContext") -> Iterator[Finding]:
        raise NotImplementedError

    def run_document(self, nodes: list[Node], ctx: "RunContext") -> Iterator[Finding]:
        for node in nodes:
            yield from self.run(node, ctx)


class _Values(dict):
    def __missing__(self, key: str) -> str:
        return ""  # a check that did not fill an optional placeholder


class RunContext:
    """What a rule sees while running on one document."""

    def __init__(self, doc: Document, rule: RuleSpec, options: dict[str, Any], config: Any = None,
                 memo: Optional[dict[str, Any]] = None, resolution: Optional[Resolution] = None):
        self.doc = doc
        self._resolution = resolution
        self.rule = rule
        self.options = options
        self.config = config  # the project Config (registry files ...), None in isolated runs
        self.nodes: list[Node] = []  # the rule's scope, for per-document kinds
        # Shared by every rule run on the same document: the acronym index or the
        # citations are built once, not once per rule that reads them.
        self._cache: dict[str, Any] = {} if memo is None else memo

    @property
    def resolution(self) -> Resolution:
        """The document's citations, acronyms and references (the resolve stage);
        made here when a rule runs on its own (rule examples, tests)."""
        if self._resolution is None:
            self._resolution = resolve(self.doc, getattr(self.config, "registry_files", None) or ())
        return self._resolution

    def doc_span(self) -> Span:
        """Where a finding about the whole document points: its start."""
        return Span(0, 0)

    # Every match call on user patterns goes through these two: the input cap.
    def finditer(self, pattern: re.Pattern, text: str) -> Iterator[re.Match]:
        return pattern.finditer(capped(text))

    def search(self, pattern: re.Pattern, text: str) -> Optional[re.Match]:
        return pattern.search(capped(text))

    def search_any(self, patterns: Iterable[re.Pattern], text: str) -> Optional[re.Match]:
        for pattern in patterns:
            m = self.search(pattern, text)
            if m:
                return m
        return None

    def memo(self, key: str, make: Any) -> Any:
        """Per-document cache for values that depend on the document only, not on the rule."""
        if key not in self._cache:
            self._cache[key] = make()
        return self._cache[key]

    def memo_node(self, key: str, node: Node, make: Any) -> Any:
        """``memo`` for a value of one node: ``make(node)`` runs once per node and document."""
        per_node = self._cache.setdefault(key, {})
        value = per_node.get(id(node), per_node)  # the dict itself marks "not yet made"
        if value is per_node:
            value = per_node[id(node)] = make(node)
        return value

    def format(self, values: dict[str, Any]) -> str:
        return self.rule.message.format_map(_Values({k: str(v) for k, v in values.items()}))

    def finding(self, node: Node, start: int, end: int, *, fix: Fix | None = None,
                **placeholders: Any) -> Finding:
        """A finding on ``node.text[start:end]``, message formatted, span mapped
        back to the original file."""
        values = {"address": node.address, "text": node.text[start:end], **self.options, **placeholders}
        return Finding(rule=self.rule.code, severity=self.rule.severity, message=self.format(values),
                       span=node.span_of(start, end), address=node.address, fix=fix)

    def finding_at(self, span: Span, address: str, *, fix: Fix | None = None, **placeholders: Any) -> Finding:
        """A finding at an explicit original span (checks that point outside node text)."""
        values = {"address": address, "text": self.doc.source[span.start:span.end], **self.options, **placeholders}
        return Finding(rule=self.rule.code, severity=self.rule.severity, message=self.format(values),
                       span=span, address=address, fix=fix)
