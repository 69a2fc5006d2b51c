"""substitution: a wrong form and its right form, with a safe auto-fix.

``swap`` maps wrong -> right. Keys are phrases (whole words, flexible
whitespace) unless ``regex: true``. A match that already equals the right form
is not a finding, which lets a case-insensitive rule ("member states" ->
"Member States") live next to the correct spelling. Capitalization: when the
match starts with a capital (sentence start) the replacement does too; a
replacement that is capitalized by nature ("Member States") stays so.
"""

from __future__ import annotations

import re
from typing import Iterator, Optional

from checker.findings import Edit, Finding, Fix
from checker.model import Node
from checker.rules.kinds.base import CompiledRule, RunContext
from checker.rules.kinds.existence import exception_patterns, flags_of, inside_exception
from checker.rules.patterns import compile_pattern, phrase_regex
from checker.rules.spec import RuleSource, RuleSpec

try:
    from re import _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse as _parser  # type: ignore[no-redef]

PLACEHOLDERS = ("match", "replacement")


def match_case(found: str, right: str) -> str:
    if found[:1].isupper() and right[:1].islower():
        return right[:1].upper() + right[1:]
    return right


class Substitution(CompiledRule):
    def __init__(self, spec: RuleSpec, swaps: list[tuple[re.Pattern, str]], exceptions: list[re.Pattern],
                 any_wrong: Optional[re.Pattern] = None):
        super().__init__(spec)
        self.swaps = swaps
        self.exceptions = exceptions
        self.safe = spec.params.get("fix-safe", True)
        self.any_wrong = any_wrong

    def run(self, node: Node, ctx: RunContext) -> Iterator[Finding]:
        if self.any_wrong is not None and ctx.search(self.any_wrong, node.text) is None:
            return  # no wrong form at all: one scan instead of one per swap
        taken: list[tuple[int, int]] = []  # one finding per stretch of text
        hits = []
        for pattern, right in self.swaps:
            for m in ctx.finditer(pattern, node.text):
                hits.append((m.start(), -m.end(), m, right))
        for start, neg_end, m, right in sorted(hits, key=lambda h: h[:2]):
            end = -neg_end
            if end == start or any(s < end and start < e for s, e in taken):
                continue
            found = m.group(0)
            replacement = match_case(found, m.expand(right) if self.regex else right)
            if found == replacement:
                continue
            if self.exceptions and inside_exception(self.exceptions, node.text, start, end):
                continue
            taken.append((start, end))
            fix = Fix(f"Replace '{found}' with '{replacement}'",
                      (Edit(node.span_of(start, end), replacement),), safe=self.safe)
            yield ctx.finding(node, start, end, fix=fix, match=found, replacement=replacement)

    @property
    def regex(self) -> bool:
        return bool(self.spec.params.get("regex"))


def compile(spec: RuleSpec, source: RuleSource) -> CompiledRule:
    flags = flags_of(spec)
    word = not spec.params.get("nonword", False)
    regex = bool(spec.params.get("regex"))
    swaps = []
    for wrong, right in spec.params["swap"].items():
        text = wrong if regex else phrase_regex(wrong, word=word)
        pattern = compile_pattern(text, flags, lambda m, w=wrong: spec.error(("swap", w), m, key=True))
        if regex:
            try:  # a bad group reference in the replacement is a load error too
                _parser.parse_template(right, pattern)
            except (re.error, IndexError) as exc:
                raise spec.error(("swap", wrong), f"bad replacement {right!r}: {exc}") from None
        swaps.append((pattern, right))
    # Phrase swaps are escaped words: their alternation matches somewhere exactly when one of
    # them does. (Not for regex swaps: a back-reference would count the groups of the others.)
    any_wrong = None
    if not regex and len(swaps) > 1:
        any_wrong = re.compile("|".join(f"(?:{p.pattern})" for p, _ in swaps), flags)
    return Substitution(spec, swaps, exception_patterns(spec, flags), any_wrong)
