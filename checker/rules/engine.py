"""The rule engine: load rule packs, run the selected rules over a document.

``load_ruleset(paths)`` reads the default pack (the repository's ``rules/``
folder) plus the given files or folders, validates them (schema, then each
kind's own checks: regexes, placeholders, check names), and compiles them.
Validated specs are cached across runs (``cache.py``), so a warm run never
imports ruamel.yaml or jsonschema. ``lint(doc, ruleset, config)`` applies the
configuration (select/ignore, severities, per-file ignores) and the draft's
suppression comments, and returns sorted findings.

Engine codes (not in any rule file): ``ENG001`` a rule was stopped because it
was too slow, ``ENG002`` a rule crashed, ``SUP001`` an unused suppression.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterable, Optional

from checker.findings import Finding, RuleInfo
from checker.model import Document, Node, Span
from checker.resolve import Resolution, resolve
from checker.rules import cache, patterns
from checker.rules.config import Config
from checker.rules.errors import RuleFileError
from checker.rules.kinds import compile_rule
from checker.rules.kinds.base import CompiledRule, RunContext
from checker.rules.patterns import BUDGET_SECONDS
from checker.rules.scopes import NodeFilter, is_last, scope_nodes
from checker.rules.spec import RuleSource, RuleSpec
from checker.rules.suppress import UNUSED_CODE, apply_suppressions

DEFAULT_PACK = Path(__file__).resolve().parents[2] / "rules"
RULE_SUFFIXES = (".yaml", ".yml")

ENGINE_RULES = {
    "ENG001": RuleInfo(
        code="ENG001", name="slow-rule", severity="warning", kind="engine", scope="document",
        summary="A rule took too long on one paragraph and was stopped for this document.",
        rationale="Rule patterns come from rule files; a pathological pattern must not hang a lint run.",
        fix="Simplify the rule's regular expressions (avoid nested and overlapping repetition)."),
    "ENG002": RuleInfo(
        code="ENG002", name="rule-crashed", severity="error", kind="engine", scope="document",
        summary="A rule raised an unexpected error; its findings for this document are missing.",
        rationale="One broken rule should not hide every other finding.",
        fix="Report the problem with the document that triggers it."),
    UNUSED_CODE: RuleInfo(
        code=UNUSED_CODE, name="unused-suppression", severity="warning", kind="engine", scope="document",
        summary="A reslint suppression comment silenced no finding.",
        rationale="Stale suppressions hide the next real problem in the paragraph they cover.",
        fix="Remove the comment, or the codes in it that no longer match.",
        examples_invalid=["<!-- reslint: ignore CON001 -->\n1. Decides to remain seized of the matter."],
        examples_valid=["1. Decides to remain seized of the matter."]),
}


@dataclass
class RuleSet:
    """The compiled rules of one run, in code order, and the key of the files they came from."""
    rules: list[CompiledRule]  # ordered by code
    hash: str = ""
    files: list[Path] = field(default_factory=list)
    cache_hit: bool = False

    def __post_init__(self) -> None:
        self._by_code = {r.code: r for r in self.rules}

    def get(self, code: str) -> Optional[CompiledRule]:
        return self._by_code.get(code)

    def rule_infos(self) -> dict[str, RuleInfo]:
        infos = {r.code: rule_info(r.spec) for r in self.rules}
        for code, info in ENGINE_RULES.items():
            infos.setdefault(code, info)
        return dict(sorted(infos.items()))

    def subset(self, codes: Iterable[str]) -> "RuleSet":
        wanted = set(codes)
        return RuleSet([r for r in self.rules if r.code in wanted], self.hash, self.files)


def rule_info(spec: RuleSpec) -> RuleInfo:
    examples = spec.examples or {}
    invalid = [e if isinstance(e, str) else e.get("text", "") for e in examples.get("invalid", [])]
    return RuleInfo(code=spec.code, name=spec.name, severity=spec.severity, summary=spec.summary,
                    rationale=spec.rationale, fix=spec.fix, link=spec.link, kind=spec.kind,
                    scope=spec.scope, examples_valid=list(examples.get("valid", [])),
                    examples_invalid=invalid)


# ------------------------------------------------------------------ loading

def rule_files(paths: Iterable[Path]) -> list[Path]:
    """Expand files and folders (recursively, *.yaml/*.yml, sorted) without duplicates."""
    out: list[Path] = []
    seen: set[Path] = set()
    for path in paths:
        path = Path(path)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.suffix in RULE_SUFFIXES and p.is_file())
        elif path.is_file():
            found = [path]
        else:
            raise RuleFileError(str(path), 1, 1, "no such rule file or folder")
        for p in found:
            if p.resolve() not in seen:
                seen.add(p.resolve())
                out.append(p)
    return out


def load_ruleset(paths: Iterable[Path] = (), *, include_default: bool = True,
                 use_cache: bool = True) -> RuleSet:
    """Load, validate and compile rule files. Raises ``RuleFileError``."""
    roots = ([DEFAULT_PACK] if include_default and DEFAULT_PACK.is_dir() else []) + [Path(p) for p in paths]
    files = rule_files(roots)
    contents = []
    for f in files:
        try:
            contents.append((str(f), f.read_bytes()))
        except OSError as exc:
            raise RuleFileError(str(f), 1, 1, f"cannot read rule file: {exc.strerror or exc}") from None
    key = cache.key_for(contents)
    specs = cache.load("rules", key) if use_cache else None
    hit = specs is not None
    if specs is None:
        specs = _validate_files(contents)
    patterns.vetted = hit
    try:
        compiled = [_compile(spec) for spec in specs]
    finally:
        patterns.vetted = False
    if not hit and use_cache:
        # only once everything compiled; positions are read again from the files if ever needed
        cache.store("rules", key, [replace(s, source=s.source.without_positions()) for s in specs])
    return RuleSet(compiled, key, files, cache_hit=hit)


def _validate_files(contents: list[tuple[str, bytes]]) -> list[RuleSpec]:
    from checker.rules.kinds.check import validate_params
    from checker.rules.validate import validate
    from checker.rules.yamlfile import load_yaml

    specs: list[RuleSpec] = []
    seen: dict[str, RuleSpec] = {}
    for path, raw in contents:
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise RuleFileError(path, 1, 1, f"rule file is not UTF-8: {exc}") from None
        data, positions = load_yaml(path, text)
        if data is None:
            continue  # an empty file holds no rules
        validate(data, positions, path, "rule.schema.json")
        for i, item in enumerate(data["rules"]):
            spec = RuleSpec.from_data(item, RuleSource(path, positions, ("rules", i)))
            if spec.code in seen:
                first = seen[spec.code].source
                line, _ = first.position(("code",))
                raise spec.error("code", f"duplicate rule code (first defined at {first.path}:{line})")
            seen[spec.code] = spec
            if spec.kind == "check":
                validate_params(spec, vet_patterns=not Path(path).resolve().is_relative_to(DEFAULT_PACK))
            specs.append(spec)
    return sorted(specs, key=lambda s: s.code)


def _compile(spec: RuleSpec) -> CompiledRule:
    compiled = compile_rule(spec, spec.source)
    compiled.node_filter = NodeFilter(spec.filter, lambda keys, m: spec.error(keys, m))
    return compiled


# ------------------------------------------------------------------ linting

def lint(doc: Document, ruleset: RuleSet, config: Config,
         extra: Iterable[Finding] = (), resolution: Optional[Resolution] = None) -> list[Finding]:
    """Run the selected rules on ``doc``. ``extra`` findings (the parser's
    structural problems, say) get the same selection, severity and
    suppression treatment. ``resolution`` is the resolve stage's result
    (made here when not given)."""
    if resolution is None:
        resolution = resolve(doc, getattr(config, "registry_files", None) or ())
    selected = [r for r in ruleset.rules
                if config.is_selected(r.code, r.spec.enabled) and not config.ignored_for_file(r.code, doc.path)]
    findings: list[Finding] = []
    memo: dict = {}
    for rule in selected:
        options = {**rule.spec.options, **config.options_for(rule.code)}
        findings.extend(run_rule(rule, doc, options, config, memo, resolution))
    findings.extend(f for f in extra
                    if config.is_selected(f.rule) and not config.ignored_for_file(f.rule, doc.path))
    active = {r.code for r in selected}
    kept, unused = apply_suppressions(
        doc, findings, lambda sel: any(code.startswith(sel) for code in active))
    if config.is_selected(UNUSED_CODE) and not config.ignored_for_file(UNUSED_CODE, doc.path):
        kept.extend(unused)
    for f in kept:
        f.severity = config.severity_for(f.rule, f.severity)
    return sorted(kept, key=Finding.sort_key)


def run_rule(rule: CompiledRule, doc: Document, options: dict, config: Optional[Config] = None,
             memo: Optional[dict] = None, resolution: Optional[Resolution] = None) -> list[Finding]:
    """One rule over its scope, under the time budget (see ``patterns.py``)."""
    ctx = RunContext(doc, rule.spec, options, config, memo, resolution)
    node_filter: NodeFilter = getattr(rule, "node_filter", None) or NodeFilter({}, None)
    out: list[Finding] = []
    try:
        nodes = _scope(doc, rule.spec.scope, memo)
        if not node_filter.empty:
            nodes = [n for n in nodes if node_filter.accepts(n, lambda n: is_last(doc, n))]
        if rule.per_document:
            start = time.perf_counter()
            out.extend(rule.run_document(nodes, ctx))
            _ = time.perf_counter() - start  # a whole-document kind cannot be stopped part-way
            return out
        for node in nodes:
            start = time.perf_counter()
            out.extend(rule.run(node, ctx))
            elapsed = time.perf_counter() - start
            if elapsed > BUDGET_SECONDS:
                out.append(_slow(rule, node, elapsed))
                break
    except RuleFileError:
        raise
    except Exception as exc:  # a bug in one rule must not hide the others
        if os.environ.get("RESLINT_DEBUG"):
            raise
        out.append(Finding(rule="ENG002", severity="error", span=Span(0, 0), address="DOCUMENT",
                           message=f"Rule {rule.code} crashed on this document "
                                   f"({type(exc).__name__}: {exc}); its findings are missing"))
    return out


def _scope(doc: Document, scope: str, memo: Optional[dict]) -> list[Node]:
    """The nodes of a scope, listed once per document for all its rules (read-only)."""
    if memo is None:
        return list(scope_nodes(doc, scope))
    key = ("engine.scope", scope)
    nodes = memo.get(key)
    if nodes is None:
        nodes = memo[key] = list(scope_nodes(doc, scope))
    return nodes


def _slow(rule: CompiledRule, node: Node, elapsed: float) -> Finding:
    return Finding(rule="ENG001", severity="warning", span=node.span, address=node.address,
                   message=f"Rule {rule.code} stopped for the rest of this document: it took "
                           f"{elapsed * 1000:.0f} ms on {node.address} (budget "
                           f"{BUDGET_SECONDS * 1000:.0f} ms); its pattern is too slow")
