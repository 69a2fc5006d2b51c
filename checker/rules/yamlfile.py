"""Read a YAML file as plain data plus the position of every key and value.

Safety: the file is only *composed* (parsed into a node graph); no YAML
constructor ever runs on a node whose tag is not one of the standard JSON-like
tags, so ``!!python/object/apply:os.system`` is reported, never executed.
Aliases are allowed (lists of phrases are worth sharing) but the expanded size
is capped, which stops "billion laughs" documents.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from checker.rules.errors import RuleFileError

# path inside the document -> (key line, key col, value line, value col), 1-based
Positions = dict[tuple, tuple[int, int, int, int]]

_STD = "tag:yaml.org,2002:"
_SCALAR_TAGS = {_STD + t for t in ("str", "int", "float", "bool", "null")}
_MAX_NODES = 200_000


def load_yaml(path: str | Path, text: str | None = None) -> tuple[Any, Positions]:
    """Return ``(data, positions)``; raise ``RuleFileError`` on any problem."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    path = str(path)
    if text is None:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise RuleFileError(path, 1, 1, f"cannot read file: {exc}") from None
    yaml = YAML(typ="safe", pure=True)
    try:
        root = yaml.compose(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = (exc.problem or exc.context or "invalid YAML").strip()
        if "'\\t'" in problem:
            problem += " (tabs cannot indent YAML; use spaces)"
        raise RuleFileError(path, line, col, f"invalid YAML: {problem}") from None
    except YAMLError as exc:
        raise RuleFileError(path, 1, 1, f"invalid YAML: {exc}") from None
    if root is None:
        return None, {(): (1, 1, 1, 1)}
    return _Converter(path, yaml.constructor).convert(root)


class _Converter:
    def __init__(self, path: str, constructor: Any):
        self.path = path
        self.constructor = constructor
        self.positions: Positions = {}
        self.count = 0

    def convert(self, root: Any) -> tuple[Any, Positions]:
        line, col = _pos(root)
        self.positions[()] = (line, col, line, col)
        return self._node(root, ()), self.positions

    def _error(self, node: Any, message: str) -> RuleFileError:
        line, col = _pos(node)
        return RuleFileError(self.path, line, col, message)

    def _node(self, node: Any, where: tuple) -> Any:
        from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode

        self.count += 1
        if self.count > _MAX_NODES:
            raise self._error(node, "document too large (alias expansion?)")
        tag = node.tag or ""
        if isinstance(node, ScalarNode):
            if tag not in _SCALAR_TAGS:
                raise self._error(node, f"tag {_short(tag)} is not allowed in rule files")
            if tag == _STD + "str":
                return node.value
            return self.constructor.construct_object(node)
        if isinstance(node, SequenceNode):
            if tag != _STD + "seq":
                raise self._error(node, f"tag {_short(tag)} is not allowed in rule files")
            out = []
            for i, item in enumerate(node.value):
                line, col = _pos(item)
                self.positions[where + (i,)] = (line, col, line, col)
                out.append(self._node(item, where + (i,)))
            return out
        if isinstance(node, MappingNode):
            if tag != _STD + "map":
                raise self._error(node, f"tag {_short(tag)} is not allowed in rule files")
            out: dict[str, Any] = {}
            for key_node, value_node in node.value:
                if key_node.tag == _STD + "merge":
                    raise self._error(key_node, "merge keys ('<<') are not supported")
                if not isinstance(key_node, ScalarNode) or key_node.tag not in _SCALAR_TAGS:
                    raise self._error(key_node, "mapping keys must be plain strings")
                key = str(key_node.value)
                if key in out:
                    raise self._error(key_node, f"duplicate key '{key}'")
                kl, kc = _pos(key_node)
                vl, vc = _pos(value_node)
                self.positions[where + (key,)] = (kl, kc, vl, vc)
                out[key] = self._node(value_node, where + (key,))
            return out
        raise self._error(node, "unsupported YAML node")


def _pos(node: Any) -> tuple[int, int]:
    mark = node.start_mark
    return mark.line + 1, mark.column + 1


def _short(tag: str) -> str:
    return "!!" + tag[len(_STD):] if tag.startswith(_STD) else tag
