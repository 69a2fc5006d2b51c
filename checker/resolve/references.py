"""References of a resolution to its own paragraphs ("paragraph 3 above").

Only references to the resolution itself are found: "paragraph N above/below"
and "paragraph N of the present resolution". "Paragraph 5 of resolution
60/251" cites another text and is left alone. The checks in
``checker/rules/checks/crossrefs.py`` resolve each among the operative paragraphs of
the same part of a composite resolution.
"""

from __future__ import annotations

import re
from typing import Iterable, Iterator, Optional

from checker.model import Node, OperativeParagraph, Paragraph, PreambularParagraph

# "paragraph 5 above", "paragraphs 3 and 4 above", "paragraph 5 (a) above",
# "paragraphs 2 to 4 below", "paragraph 2 of the present resolution"
ITEM = r"\d{1,3}(?:\s?\([a-z]{1,4}\))?"
# "[Pp](?<!\w[Pp])" is "\b[Pp]" with the letter first, so that ``re`` can skip to it (3x faster).
PARAGRAPH_REF = re.compile(
    rf"[Pp](?<![\w][Pp])aragraphs?\s+(?P<items>{ITEM}(?:\s*(?:,|and|to|or|\u2013|-)\s*{ITEM})*)"
    r"\s+(?P<where>above|below|of\s+(?:the\s+present|this)\s+resolution|hereof)\b")
NUMBER = re.compile(r"(?P<n>\d{1,3})(?:\s?\((?P<sub>[a-z]{1,4})\))?")


def paragraph_of(node) -> Optional[Paragraph]:
    return node if isinstance(node, Paragraph) else getattr(node, "parent", None)


def find_paragraph_refs(nodes: Iterable[Node]) -> Iterator[tuple]:
    """(node, match, number, sub-paragraph letter or None, paragraph) for each paragraph
    of the resolution a preambular or operative paragraph refers to by number."""
    for node in nodes:
        if "aragraph" not in node.text:   # the cheap test first: most nodes have no reference
            continue
        para = paragraph_of(node)
        if not isinstance(para, (PreambularParagraph, OperativeParagraph)):
            continue
        for m in PARAGRAPH_REF.finditer(node.text):
            for nm in NUMBER.finditer(m["items"]):
                yield node, m, int(nm["n"]), nm["sub"], para
