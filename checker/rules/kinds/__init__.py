"""Rule kinds: one module each, one interface (see ``base.py``).

A new kind is one new module here, one entry in ``KINDS`` and one branch in
``schemas/rule.schema.json``.
"""

from __future__ import annotations

import importlib
import re
import string

from checker.rules.kinds.base import COMMON_PLACEHOLDERS, CompiledRule
from checker.rules.spec import RuleSource, RuleSpec

KINDS = {
    "existence": "existence",
    "substitution": "substitution",
    "conditional": "conditional",
    "requires": "conditional",  # alias: "if it says X it requires Y"
    "consistency": "consistency",
    "occurrence": "occurrence",
    "check": "check",
}

_FIELD = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")


def compile_rule(spec: RuleSpec, source: RuleSource) -> CompiledRule:
    module = importlib.import_module(f"checker.rules.kinds.{KINDS[spec.kind]}")
    compiled = module.compile(spec, source)
    allowed = set(COMMON_PLACEHOLDERS) | set(module.PLACEHOLDERS) | set(spec.options)
    allowed |= set(getattr(compiled, "extra_placeholders", ()))
    check_message(spec, allowed)
    return compiled


def message_fields(message: str) -> list[tuple[str, str, str | None]]:
    return [(name, spec or "", conv) for _, name, spec, conv in string.Formatter().parse(message)
            if name is not None]


def check_message(spec: RuleSpec, allowed: set[str]) -> None:
    try:
        fields = message_fields(spec.message)
    except ValueError as exc:
        raise spec.error("message", f"bad message template ({exc}); write '{{{{' for a literal brace") from None
    for name, fmt, conv in fields:
        if not _FIELD.match(name):
            raise spec.error("message", f"bad placeholder '{{{name}}}' in message")
        if fmt or conv:
            raise spec.error("message", f"placeholder '{{{name}}}' takes no format spec or conversion")
        if name not in allowed:
            raise spec.error(
                "message",
                f"unknown placeholder '{{{name}}}' in message; kind '{spec.kind}' provides: "
                + ", ".join("{" + a + "}" for a in sorted(allowed)))
