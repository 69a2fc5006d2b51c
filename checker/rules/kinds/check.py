"""check: run a named built-in check (``checker/rules/checks/``).

The check decides what it looks at; the rule's scope is handed to it as
``ctx.nodes``. Its declared placeholders, and the keys of ``params``, may be
used in the message.
"""

from __future__ import annotations

import re
from typing import Iterator

from checker.findings import Finding
from checker.model import Node
from checker.rules.checks import CheckDef, UnknownCheck, get_check
from checker.rules.kinds.base import CompiledRule, RunContext
from checker.rules.patterns import catastrophic
from checker.rules.spec import RuleSource, RuleSpec

PLACEHOLDERS = ()


class Check(CompiledRule):
    per_document = True

    def __init__(self, spec: RuleSpec, check: CheckDef):
        super().__init__(spec)
        self.check = check
        self.params = dict(spec.params.get("params") or {})
        self.extra_placeholders = tuple(check.placeholders) + tuple(self.params)

    def run(self, node: Node, ctx: RunContext) -> Iterator[Finding]:
        return self.run_document([node], ctx)

    def run_document(self, nodes: list[Node], ctx: RunContext) -> Iterator[Finding]:
        ctx.nodes = nodes
        params = {**self.params, **ctx.options}
        for hit in self.check.fn(ctx.doc, params, ctx):
            values = {**params, **hit.values}
            if hit.span is not None or hit.node is None:
                span = hit.span if hit.span is not None else ctx.doc_span()
                address = hit.address or (hit.node.address if hit.node is not None else "DOCUMENT")
                yield ctx.finding_at(span, address, fix=hit.fix, **values)
            else:
                yield ctx.finding(hit.node, hit.start, hit.end, fix=hit.fix, **values)


def validate_params(spec: RuleSpec, *, vet_patterns: bool = True) -> None:
    """Check ``params`` against the check's schema and, with ``vet_patterns``, refuse
    catastrophic regular expressions among them (only on a cache miss: jsonschema is
    slow to import)."""
    check = _get(spec)
    if vet_patterns:
        _refuse_catastrophic(spec)
    if check.params_schema is None:
        return
    import jsonschema

    errors = sorted(jsonschema.Draft202012Validator(check.params_schema).iter_errors(spec.params.get("params") or {}),
                    key=lambda e: list(e.absolute_path))
    if errors:
        e = errors[0]
        raise spec.error(("params", *e.absolute_path), f"params of check '{check.name}': {e.message}")


def _refuse_catastrophic(spec: RuleSpec) -> None:
    """The lists in a check's ``params`` are mostly regular expressions (the consent
    phrase lists), and a rule file is third-party data: a pattern that can backtrack
    exponentially is refused with its file position, as in every other kind. (A check
    runs over the whole document and cannot be stopped part-way, so the time budget
    would only report it afterwards.) Plain words pass: they have no repetition.

    The default pack is not vetted here: its phrase lists use small bounded repetitions
    ("{0,4}") that the static test cannot tell from unbounded ones, and they are ours,
    run over the corpus and the fuzzer."""
    for key, value in (spec.params.get("params") or {}).items():
        for i, item in enumerate(value if isinstance(value, list) else ()):
            problem = catastrophic(item, re.IGNORECASE) if isinstance(item, str) else None
            if problem:
                raise spec.error(("params", key, i), f"regular expression '{item}' can take exponential time "
                                                      f"({problem}); rewrite it without nested or overlapping repetition")


def _get(spec: RuleSpec) -> CheckDef:
    try:
        return get_check(spec.params["check"])
    except UnknownCheck as exc:
        raise spec.error(("check",), str(exc)) from None


def compile(spec: RuleSpec, source: RuleSource) -> CompiledRule:
    return Check(spec, _get(spec))
