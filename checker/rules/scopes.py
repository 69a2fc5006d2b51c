"""Scopes: which structural nodes a rule looks at, and filters that narrow them.

The scope names are part of the rule-file contract (``schemas/rule.schema.json``).
Nodes the parser does not produce (``doc.header_node``, ``doc.sponsors_node``)
are looked up with ``getattr`` so a rule over them is simply skipped.
"""

from __future__ import annotations

import re
from typing import Any, Callable, Iterator

from checker.model import Document, Node, Paragraph, SubParagraph
from checker.rules.patterns import compile_pattern


def _optional(attr: str) -> Callable[[Document], Iterator[Node]]:
    def nodes(doc: Document) -> Iterator[Node]:
        node = getattr(doc, attr, None)
        if node is not None:
            yield node
    return nodes


def _subparagraphs(doc: Document) -> Iterator[Node]:
    for para in doc.paragraphs():
        yield from para.all_subparagraphs()


def _annex(doc: Document) -> Iterator[Node]:
    for annex in doc.annexes:
        if annex.heading is not None:
            yield annex.heading
        yield from annex.paragraphs


SCOPES: dict[str, Callable[[Document], Iterator[Node]]] = {
    "document": lambda doc: doc.text_nodes(),
    # The resolution's own words: annexed texts are reproduced as adopted elsewhere.
    "resolution": lambda doc: doc.text_nodes(annexes=False),
    "header": _optional("header_node"),
    "sponsors": _optional("sponsors_node"),
    "title": _optional("title"),
    "authoring": _optional("authoring"),
    "preamble": lambda doc: iter(doc.preamble),
    "preambular-paragraph": lambda doc: iter(doc.preamble),
    "operative": lambda doc: iter(doc.operative),
    "operative-paragraph": lambda doc: iter(doc.operative),
    "subparagraph": _subparagraphs,
    "footnote": lambda doc: iter(doc.footnotes),
    "closing": _optional("closing"),
    "annex": _annex,
}


def scope_nodes(doc: Document, scope: str) -> Iterator[Node]:
    return SCOPES[scope](doc)


def paragraph_of(node: Node) -> Paragraph | None:
    """The paragraph a node belongs to (itself, or a sub-paragraph's parent)."""
    if isinstance(node, SubParagraph):
        return node.parent
    return node if isinstance(node, Paragraph) else None


def opening_of(node: Node) -> str:
    para = paragraph_of(node)
    return para.opening if para is not None else ""


def body_of(node: Node) -> str:
    return node.body if isinstance(node, (Paragraph, SubParagraph)) else node.text


class NodeFilter:
    """``filter:`` of a rule. ``opening``/``body`` entries are regexes searched
    (``re.search``, case-sensitive: anchor with ``^`` when needed) in the
    paragraph's opening words (a sub-paragraph uses its parent's) or body text."""

    def __init__(self, spec: dict[str, Any], error: Callable[[tuple, str], Exception]):
        def pats(key: str) -> list[re.Pattern]:
            return [compile_pattern(p, 0, lambda m, k=key, i=i: error(("filter", k, i), m))
                    for i, p in enumerate(spec.get(key) or ())]
        self.opening, self.opening_not = pats("opening"), pats("opening-not")
        self.body, self.body_not = pats("body"), pats("body-not")
        self.last = spec.get("last")
        self.has_subs = spec.get("has-subparagraphs")
        self.empty = not spec

    def accepts(self, node: Node, siblings_last: Callable[[Node], bool]) -> bool:
        if self.empty:
            return True
        opening, body = opening_of(node), body_of(node)
        if self.opening and not any(p.search(opening) for p in self.opening):
            return False
        if any(p.search(opening) for p in self.opening_not):
            return False
        if self.body and not any(p.search(body) for p in self.body):
            return False
        if any(p.search(body) for p in self.body_not):
            return False
        if self.has_subs is not None:
            subs = bool(getattr(node, "subparagraphs", None) or getattr(node, "children", None))
            if subs != self.has_subs:
                return False
        if self.last is not None and siblings_last(node) != self.last:
            return False
        return True


def is_last(doc: Document, node: Node) -> bool:
    """Is ``node`` the last of its siblings (last PP, last OP, last sub-paragraph)?"""
    if isinstance(node, SubParagraph):
        parent = node.parent
        if parent is None:
            return True
        siblings = [s for s in parent.all_subparagraphs() if s.level == node.level]
        return bool(siblings) and siblings[-1] is node
    for group in (doc.preamble, doc.operative):
        if any(n is node for n in group):
            # Composite resolutions (A, B, ...): last within its own part.
            same_part = [n for n in group if n.part == getattr(node, "part", "")]
            return same_part[-1] is node
    for annex in doc.annexes:
        if annex.paragraphs and any(n is node for n in annex.paragraphs):
            return annex.paragraphs[-1] is node
    return True
