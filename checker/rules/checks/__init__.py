"""Registry of built-in checks: semantics a pattern cannot express.

A check is a plain function over the document model::

    @register("footnotes.unresolved", placeholders=("label",))
    def unresolved(doc: Document, params: dict, ctx) -> Iterator[CheckHit]:
        ...

and a rule uses it with ``kind: check`` and ``check: footnotes.unresolved``.
Modules are imported lazily by the name's prefix (``footnotes.unresolved`` ->
``checker.rules.checks.footnotes``), so an unknown name is a load-time error
with the rule file's position, and unused checks cost nothing.

``params`` is the rule's ``params`` merged with its ``options`` (and the
project's ``options: {CODE: ...}``). ``ctx`` is the engine's ``RunContext``:
``ctx.doc``, ``ctx.rule``, ``ctx.nodes`` (the rule's scope) are there if needed.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator, Optional

from checker.findings import Fix
from checker.model import Node, Span


@dataclass(slots=True)
class CheckHit:
    """One finding of a check: ``node.text[start:end]``, or an explicit
    original ``span`` with its ``address`` (for text outside node texts)."""

    node: Optional[Node]
    start: int
    end: int
    values: dict[str, Any] = field(default_factory=dict)
    fix: Optional[Fix] = None
    span: Optional[Span] = None
    address: Optional[str] = None


CheckFn = Callable[[Any, dict, Any], Iterator[CheckHit]]


@dataclass(frozen=True, slots=True)
class CheckDef:
    """A registered check: its function, the placeholders its messages may use, its params schema."""
    name: str
    fn: CheckFn
    placeholders: tuple[str, ...] = ()
    params_schema: Optional[dict] = None


_REGISTRY: dict[str, CheckDef] = {}
_NAME = re.compile(r"^[a-z][a-z0-9_]*\.[a-z0-9_.-]+$")


class UnknownCheck(LookupError):
    pass


def register(name: str, placeholders: tuple[str, ...] = (),
             params_schema: dict | None = None) -> Callable[[CheckFn], CheckFn]:
    if not _NAME.match(name):
        raise ValueError(f"check name {name!r} must look like 'module.name'")

    def decorate(fn: CheckFn) -> CheckFn:
        _REGISTRY[name] = CheckDef(name, fn, tuple(placeholders), params_schema)
        return fn
    return decorate


def get_check(name: str) -> CheckDef:
    """The registered check, importing its module on first use."""
    if name not in _REGISTRY:
        module = name.split(".", 1)[0]
        try:
            importlib.import_module(f"{__name__}.{module}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{module}":
                raise  # a real import error inside the check module
            raise UnknownCheck(f"unknown check '{name}' (no module checker/rules/checks/{module}.py)") from None
    if name not in _REGISTRY:
        known = sorted(n for n in _REGISTRY if n.startswith(name.split(".", 1)[0] + "."))
        raise UnknownCheck(f"unknown check '{name}'" + (f"; known: {', '.join(known)}" if known else ""))
    return _REGISTRY[name]
