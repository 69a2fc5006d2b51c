"""A tiny hand-rolled parser for engine tests (independent of checker.parser).

Blocks are separated by blank lines. "The General Assembly," is the authoring
line; "N. text" is an operative paragraph; "(a) text" a sub-paragraph of the
previous paragraph; anything else a preambular paragraph;
``<!-- reslint: ignore[-file] CODES -->`` a directive for the next block.
"""

from __future__ import annotations

import re

from checker.model import (AuthoringLine, Directive, Document, OperativeParagraph,
                           PreambularParagraph, Span, SubParagraph, TextMap)

_BLOCK = re.compile(r"\S(?:.|\n(?!\s*\n))*")
_DIRECTIVE = re.compile(r"<!--\s*reslint:\s*(ignore-file|ignore)\b([^>]*?)-->")
_OPENING = re.compile(r"^((?:Also|Further|Further also|Strongly|Deeply|Once again)\s+)?\w+")


def stub_parse(text: str, path: str = "<example>") -> Document:
    doc = Document(path=path, source=text, kind="draft-resolution")
    pending: list[Directive] = []
    last_para = None
    for m in _BLOCK.finditer(text):
        block, start = m.group(0), m.start()
        d = _DIRECTIVE.fullmatch(block.strip())
        if d:
            codes = tuple(d.group(2).replace(",", " ").split())
            directive = Directive(d.group(1), codes, Span(start, m.end()))
            doc.directives.append(directive)
            if directive.action == "ignore":
                pending.append(directive)
            continue
        tmap = TextMap.identity(start, len(block))
        if re.fullmatch(r"The [A-Z][\w ]+,", block):
            doc.authoring = AuthoringLine("authoring", "AUTHORING", block, tmap, body=block[4:-1], has_comma=True)
            continue
        sub = re.match(r"\(([a-z]+)\)\s+", block)
        if sub and last_para is not None:
            node = SubParagraph("subparagraph", f"{last_para.address}({sub.group(1)})", block, tmap,
                                label=sub.group(1), body_start=sub.end(), parent=last_para)
            last_para.subparagraphs.append(node)
            _extend(last_para, text, m.end())
        else:
            num = re.match(r"(\d+)\.\s+", block)
            body_start = num.end() if num else 0
            opening = _OPENING.match(block[body_start:])
            cls, group, scope, prefix = ((OperativeParagraph, doc.operative, "operative", "OP") if num
                                         else (PreambularParagraph, doc.preamble, "preamble", "PP"))
            node = cls(scope, f"{prefix}{len(group) + 1}", block, tmap, number=int(num.group(1)) if num else None,
                       label=num.group(0).strip() if num else "", body_start=body_start,
                       opening=opening.group(0) if opening else "", chapeau_end=len(block),
                       index=len(group) + 1)
            group.append(node)
            last_para = node
        for directive in pending:
            directive.target = node.span if not sub else Span(start, m.end())
        pending = []
    return doc


def _extend(para, source: str, end: int) -> None:
    """Make the paragraph's text include its sub-paragraph (as the real parser does)."""
    begin = para.tmap.to_original(0)
    para.text = source[begin:end]
    para.tmap = TextMap.identity(begin, len(para.text))


def test_stub_parser_shapes() -> None:
    doc = stub_parse("The General Assembly,\n\nRecalling its resolution 1,\n\n1. Requests the Secretary-General to:\n\n(a) provide aid;\n\n<!-- reslint: ignore CON001 -->\n\n2. Decides to remain seized of the matter.\n")
    assert [p.address for p in doc.preamble] == ["PP1"]
    assert [p.address for p in doc.operative] == ["OP1", "OP2"]
    op1 = doc.operative[0]
    assert op1.subparagraphs[0].address == "OP1(a)"
    assert op1.chapeau.startswith("Requests the Secretary-General")
    assert "provide aid" not in op1.chapeau and "provide aid" in op1.text
    assert doc.directives[0].target == doc.operative[1].span
    assert doc.source[op1.span.start:op1.span.end] == op1.text
