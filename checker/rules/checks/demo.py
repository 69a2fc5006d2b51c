"""demo: a deliberately small check used by the engine's own tests."""

from __future__ import annotations

import re
from typing import Iterator

from checker.rules.checks import CheckHit, register

_WORD = re.compile(r"\S+")


@register("demo.long-paragraph", placeholders=("words", "max"),
          params_schema={"type": "object", "properties": {"max": {"type": "integer", "minimum": 1}},
                         "additionalProperties": False})
def long_paragraph(doc, params: dict, ctx) -> Iterator[CheckHit]:
    """A paragraph longer than ``max`` words (default 150) is hard to negotiate."""
    limit = int(params.get("max", 150))
    for node in ctx.nodes:
        words = list(_WORD.finditer(node.text))
        if len(words) > limit:
            yield CheckHit(node, words[limit].start(), len(node.text),
                           {"words": len(words), "max": limit})
