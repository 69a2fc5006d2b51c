"""The resolve stage: citations, acronyms and paragraph references, linked once per document."""

from __future__ import annotations

from checker.parser import parse_text
from checker.resolve import resolve
from checker.rules.config import Config, apply_overrides
from checker.rules.engine import lint, load_ruleset

DRAFT = """The General Assembly,

Recalling its resolution 60/251 of 15 March 2006 and Security Council resolution 1325 (2000),

Noting the work of the United Nations Development Programme (UNDP),

1. Invites UNDP to continue its support;

2. Requests the Secretary-General to report on the implementation of paragraph 1 above.
"""


def test_parts_are_linked():
    res = resolve(parse_text(DRAFT)).complete()
    cited = [(node.address, c.number, body) for node, c, body in res.citations]
    assert cited == [("PP1", "60/251", "General Assembly"), ("PP1", "1325 (2000)", "Security Council")]
    assert res.registry.get("GA", "resolution", "60/251", exact=True) is not None
    assert [occ.node.address for occ, _ in res.acronyms.defs["UNDP"]] == ["PP2"]
    assert [occ.node.address for occ in res.acronyms.uses["UNDP"]] == ["OP1"]
    refs = [(node.address, n) for node, _m, n, _sub, _para in res.paragraph_refs]
    assert refs == [("OP2", 1)]


def test_parts_are_worked_out_only_when_a_rule_asks(monkeypatch):
    doc = parse_text(DRAFT)
    res = resolve(doc)
    ruleset = load_ruleset()
    config = Config()
    apply_overrides(config, {"select": ["STR"]})
    lint(doc, ruleset, config, resolution=res)
    assert "citations" not in vars(res) and "acronyms" not in vars(res)  # cached_property not filled
    config = Config()
    apply_overrides(config, {"select": ["CIT"]})
    lint(doc, ruleset, config, resolution=res)
    assert "citations" in vars(res)


def test_an_amendment_has_no_references_to_itself():
    text = DRAFT.replace("The General Assembly,", "Amendment to draft resolution A/80/L.5\n\nThe General Assembly,")
    doc = parse_text(text)
    doc.kind = "amendment"
    assert resolve(doc).paragraph_refs == []
