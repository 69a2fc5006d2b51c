"""Validate YAML data against a JSON Schema in ``schemas/`` and turn the most
useful schema error into one ``path:line:col: error: ...`` line.

Only imported on a cache miss: jsonschema is slow to import.
"""

from __future__ import annotations

import difflib
import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from checker.rules.errors import RuleFileError
from checker.rules.yamlfile import Positions

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "schemas"
_WEAK = {"unevaluatedProperties", "additionalProperties"}
_TYPE_NAMES = {
    "string": "a string", "array": "a list", "object": "a mapping", "integer": "an integer",
    "boolean": "true or false", "number": "a number", "null": "null",
}


@lru_cache(maxsize=None)
def load_schema(name: str) -> dict:
    return json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def _validator(name: str) -> Any:
    import jsonschema

    return jsonschema.Draft202012Validator(load_schema(name))


def validate(data: Any, positions: Positions, path: str, schema_name: str) -> None:
    """Raise ``RuleFileError`` for the first (in file order) schema violation."""
    errors = list(_validator(schema_name).iter_errors(data))
    if not errors:
        return
    strong = [e for e in errors if e.validator not in _WEAK] or errors
    error = min(strong, key=lambda e: (*_locate(e, positions), -len(e.absolute_path)))
    error = _descend(error)
    line, col = _locate(error, positions)
    where = _label(error.absolute_path)
    raise RuleFileError(path, line, col, f"{where}: {_describe(error, schema_name)}" if where else _describe(error, schema_name))


def _descend(error: Any) -> Any:
    """For anyOf/oneOf without a custom message, report the closest branch's error."""
    if error.validator in ("anyOf", "oneOf") and "x-message" not in error.schema and error.context:
        from jsonschema.exceptions import best_match

        return _descend(best_match(error.context))
    return error


def _locate(error: Any, positions: Positions) -> tuple[int, int]:
    where = tuple(error.absolute_path)
    key = False
    if error.validator in _WEAK:
        extra = _unknown_key(error)
        if extra is not None:
            where, key = where + (extra,), True
    elif error.validator == "propertyNames":
        where, key = where + (error.instance,), True
    while where not in positions and where:
        where, key = where[:-1], False
    kl, kc, vl, vc = positions.get(where, (1, 1, 1, 1))
    return (kl, kc) if key else (vl, vc)


def _allowed_keys(error: Any) -> set[str]:
    schema = error.schema
    allowed = set(schema.get("properties", {}))
    if error.validator == "unevaluatedProperties" and isinstance(error.instance, dict):
        # A rule: its kind's branch adds the kind's parameters.
        kind = error.instance.get("kind")
        branch = load_schema("rule.schema.json")["$defs"].get(f"kind-{kind}", {})
        allowed |= set(branch.get("properties", {}))
    return allowed


def _unknown_key(error: Any) -> str | None:
    if not isinstance(error.instance, dict):
        return None
    allowed = _allowed_keys(error)
    for key in error.instance:
        if key not in allowed:
            return key
    return None


def _label(path: Any) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _did_you_mean(value: Any, choices: list[str]) -> str:
    close = difflib.get_close_matches(str(value), [str(c) for c in choices], n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _describe(error: Any, schema_name: str) -> str:
    v, schema, inst = error.validator, error.schema, error.instance
    if "x-message" in schema and v in ("pattern", "anyOf", "oneOf", "propertyNames"):
        got = f", got '{inst}'" if isinstance(inst, str) else ""
        return schema["x-message"] + got
    if v == "propertyNames":
        return f"invalid key '{error.instance}'"
    if v in _WEAK:
        extra = _unknown_key(error)
        allowed = sorted(_allowed_keys(error))
        what = f"for kind '{inst.get('kind')}'" if v == "unevaluatedProperties" and "kind" in inst else "here"
        return f"unknown key '{extra}' {what}{_did_you_mean(extra, allowed)}; expected one of: {', '.join(allowed)}"
    if v == "required":
        missing = [k for k in error.validator_value if k not in inst]
        return f"missing required key '{missing[0] if missing else '?'}'"
    if v == "enum":
        choices = error.validator_value
        return f"expected one of: {', '.join(map(str, choices))}; got '{inst}'{_did_you_mean(inst, choices)}"
    if v == "type":
        want = error.validator_value
        want = [want] if isinstance(want, str) else want
        return f"expected {' or '.join(_TYPE_NAMES.get(w, w) for w in want)}, got {_type_of(inst)}"
    if v in ("minItems", "minProperties", "minLength"):
        return "must not be empty"
    if v == "minimum":
        return f"must be at least {error.validator_value}, got {inst}"
    if v == "pattern":
        return f"'{inst}' does not match {error.validator_value}"
    return error.message


def _type_of(value: Any) -> str:
    if isinstance(value, bool):
        return f"a boolean ({str(value).lower()})"
    if isinstance(value, int):
        return f"an integer ({value})"
    if isinstance(value, float):
        return f"a number ({value})"
    if isinstance(value, str):
        return f"a string ('{value[:40]}')"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return "null" if value is None else type(value).__name__
