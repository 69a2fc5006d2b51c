"""The engine and each rule kind, on documents built by the stub parser."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from checker.rules import patterns
from checker.rules.config import Config
from checker.rules.engine import lint, load_ruleset
from checker.rules.errors import RuleFileError
from checker.rules.examples import run_examples
from checker.rules.explain import format_explanation, format_rule_list
from test_engine_helpers import stub_parse

HEAD = "The General Assembly,\n\n"


@pytest.fixture(autouse=True)
def _cache(monkeypatch, tmp_path):
    monkeypatch.setenv("RESLINT_CACHE_DIR", str(tmp_path / "cache"))


def ruleset(tmp_path: Path, body: str, name: str = "r.yaml"):
    f = tmp_path / name
    f.write_text("rules:\n" + textwrap.indent(textwrap.dedent(body), "  "))
    return load_ruleset([f], include_default=False)


def run(tmp_path: Path, body: str, text: str, config: Config | None = None):
    rs = ruleset(tmp_path, body)
    return lint(stub_parse(HEAD + text), rs, config or Config())


def rule(code="TST001", kind="existence", message="Found {match}", scope="document", extra=""):
    return textwrap.dedent(f"""\
        - code: {code}
          name: test-{code.lower()}
          severity: warning
          summary: A test rule.
          message: "{message}"
          scope: {scope}
          kind: {kind}
        """) + textwrap.indent(textwrap.dedent(extra), "  ")


# ------------------------------------------------------------ existence

def test_existence_tokens_are_whole_words_with_flexible_whitespace(tmp_path):
    found = run(tmp_path, rule(extra="tokens: [inter alia]\n"),
                "1. Notes, inter\n   alia, the report and interalia nothing.\n")
    assert [f.message for f in found] == ["Found inter\n   alia"]
    assert found[0].address == "OP1"


def test_existence_span_maps_to_original_text(tmp_path):
    text = "Recalling its resolution 60/1,\n\n1. Takes note of the report.\n"
    found = run(tmp_path, rule(extra="tokens: [takes note]\nignorecase: true\n"), text)
    source = HEAD + text
    assert source[found[0].span.start:found[0].span.end] == "Takes note"


def test_existence_exceptions_cancel_matches_inside_them(tmp_path):
    extra = "tokens: [accordance]\nexceptions: ['in accordance with']\n"
    found = run(tmp_path, rule(extra=extra), "1. Acts in accordance with the Charter, in accordance.\n")
    assert len(found) == 1 and found[0].span.start > (HEAD + "1. Acts in accordance with").__len__() - 1


def test_existence_patterns_and_text_placeholder(tmp_path):
    found = run(tmp_path, rule(message="{address}: {text}", extra="patterns: ['\\b\\d{4}\\b']\n"),
                "1. Decides to meet in 2025.\n")
    assert [f.message for f in found] == ["OP1: 2025"]


# ------------------------------------------------------------ substitution

def test_substitution_fix_and_capitalization(tmp_path):
    extra = "swap:\n  inter-alia: inter alia\n  members states: Member States\nignorecase: true\n"
    found = run(tmp_path, rule(kind="substitution", message="Use {replacement}, not {match}", extra=extra),
                "Inter-alia noting,\n\n1. Urges members states and Member States.\n")
    assert [f.message for f in found] == ["Use Inter alia, not Inter-alia",
                                          "Use Member States, not members states"]
    edit = found[1].fix.edits[0]
    assert found[1].fix.safe and edit.replacement == "Member States"
    assert (HEAD + "Inter-alia noting,\n\n1. Urges members states and Member States.\n")[
        edit.span.start:edit.span.end] == "members states"


def test_substitution_regex_with_groups(tmp_path):
    extra = "regex: true\nswap:\n  '(\\d+)th session': '\\1th session'\n  'para\\.? (\\d+)': 'paragraph \\1'\n"
    found = run(tmp_path, rule(kind="substitution", message="{replacement}", extra=extra),
                "1. Recalls para. 3 of its decision.\n")
    assert [f.message for f in found] == ["paragraph 3"]


def test_substitution_bad_group_reference_is_a_load_error(tmp_path):
    extra = "regex: true\nswap:\n  'foo': '\\2'\n"
    with pytest.raises(RuleFileError, match="bad replacement"):
        ruleset(tmp_path, rule(kind="substitution", message="{replacement}", extra=extra))


# ------------------------------------------------------------ conditional

CONSENT = """\
if: [technical assistance, capacity-building]
then: [at the request of, with the consent of, in consultation with]
unless: [Office of the High Commissioner to report]
look-in: [node, chapeau]
"""


def test_conditional_flags_trigger_without_requirement(tmp_path):
    found = run(tmp_path, rule(kind="conditional", message="'{trigger}' needs consent language",
                               scope="operative", extra=CONSENT),
                "1. Requests the Office to provide technical assistance to Freedonia.\n\n"
                "2. Requests the Office to provide technical\nassistance to Sylvania, at the request of its Government.\n")
    assert [(f.address, f.message) for f in found] == [("OP1", "'technical assistance' needs consent language")]


def test_conditional_subparagraph_satisfied_by_chapeau(tmp_path):
    text = ("1. Requests the Office, at the request of the State concerned, to:\n\n"
            "(a) provide technical assistance;\n\n"
            "2. Requests the Office to:\n\n(a) provide capacity-building;\n")
    found = run(tmp_path, rule(kind="requires", message="{trigger}", scope="subparagraph", extra=CONSENT), text)
    assert [(f.address, f.message) for f in found] == [("OP2(a)", "capacity-building")]


def test_conditional_look_in_node_only_ignores_chapeau(tmp_path):
    extra = CONSENT.replace("[node, chapeau]", "node")
    text = "1. Requests the Office, at the request of the State concerned, to:\n\n(a) provide technical assistance;\n"
    found = run(tmp_path, rule(kind="conditional", message="{trigger}", scope="subparagraph", extra=extra), text)
    assert [f.address for f in found] == ["OP1(a)"]


def test_conditional_unless_and_document_look_in(tmp_path):
    extra = CONSENT.replace("[node, chapeau]", "[document]")
    text = ("Noting technical assistance provided at the request of States,\n\n"
            "1. Requests the Office to provide technical assistance.\n")
    assert run(tmp_path, rule(kind="conditional", message="{trigger}", scope="operative", extra=extra), text) == []
    text = "1. Requests the Office of the High Commissioner to report on technical assistance.\n"
    assert run(tmp_path, rule(kind="conditional", message="{trigger}", scope="operative", extra=CONSENT), text) == []


def test_conditional_raw_patterns(tmp_path):
    extra = "if-patterns: ['advisory\\s+services?']\nthen-patterns: ['consent']\n"
    found = run(tmp_path, rule(kind="conditional", message="{trigger}", extra=extra),
                "1. Offers advisory\n services.\n\n2. Offers advisory services with its consent.\n")
    assert [f.address for f in found] == ["OP1"]


# ------------------------------------------------------------ consistency, occurrence, check

def test_consistency_flags_the_minority_form(tmp_path):
    extra = "either:\n  organization: organisation\n"
    found = run(tmp_path, rule(kind="consistency", message="'{second}' but '{first}' elsewhere", extra=extra),
                "1. The organisation and the organization.\n\n2. The organisation again.\n")
    assert [f.message for f in found] == ["'organization' but 'organisation' elsewhere"]


def test_occurrence_max_and_min(tmp_path):
    extra = "token: inter alia\nmax: 1\n"
    found = run(tmp_path, rule(kind="occurrence", message="{count} > {max}", scope="operative", extra=extra),
                "1. Notes inter alia X and inter alia Y.\n\n2. Notes inter alia Z.\n")
    assert [(f.address, f.message) for f in found] == [("OP1", "2 > 1")]
    extra = "pattern: '\\bdecides\\b'\nignorecase: true\nmin: 1\n"
    found = run(tmp_path, rule(kind="occurrence", message="{count} < {min}", scope="operative", extra=extra),
                "1. Decides X.\n\n2. Notes Y.\n")
    assert [(f.address, f.message) for f in found] == [("OP2", "0 < 1")]


def test_occurrence_min_above_max_is_a_load_error(tmp_path):
    with pytest.raises(RuleFileError, match="greater than max"):
        ruleset(tmp_path, rule(kind="occurrence", message="x", extra="token: a\nmin: 3\nmax: 1\n"))


def test_check_kind_with_demo_check_and_options(tmp_path):
    body = rule(kind="check", message="{words} words (max {max})", scope="operative",
                extra="check: demo.long-paragraph\nparams: {max: 5}\n")
    text = "1. One two three.\n\n2. One two three four five six seven.\n"
    found = run(tmp_path, body, text)
    assert [(f.address, f.message) for f in found] == [("OP2", "8 words (max 5)")]
    # a project's options override the rule's params
    found = run(tmp_path, body, text, Config(options={"TST001": {"max": 10}}))
    assert found == []


# ------------------------------------------------------------ scopes and filters

def test_scopes_preamble_operative_subparagraph(tmp_path):
    text = "Recalling foo,\n\n1. Decides foo:\n\n(a) foo;\n"
    for scope, want in [("preamble", ["PP1"]), ("preambular-paragraph", ["PP1"]),
                        ("operative", ["OP1", "OP1"]), ("subparagraph", ["OP1(a)"]),
                        ("document", ["PP1", "OP1", "OP1"]), ("footnote", []), ("header", []),
                        ("closing", [])]:
        found = run(tmp_path, rule(scope=scope, extra="tokens: [foo]\n"), text)
        assert [f.address for f in found] == want, scope


def test_filters_opening_last_and_subparagraphs(tmp_path):
    text = "1. Requests foo.\n\n2. Further requests foo:\n\n(a) foo;\n\n3. Decides to remain seized of foo.\n"
    cases = [
        ("opening: ['requests$']", ["OP2", "OP2"]),
        ("opening: ['(?i)requests$']", ["OP1", "OP2", "OP2"]),
        ("opening: ['^Requests']", ["OP1"]),
        ("opening-not: ['(?i)requests']", ["OP3"]),
        ("last: true", ["OP3"]),
        ("has-subparagraphs: true", ["OP2", "OP2"]),
        ("body: ['seized']", ["OP3"]),
    ]
    for flt, want in cases:
        body = rule(scope="operative", extra=f"tokens: [foo]\nfilter: {{{flt}}}\n")
        assert [f.address for f in run(tmp_path, body, text)] == want, flt


# ------------------------------------------------------------ configuration applied by lint

THREE = rule("CON001", extra="tokens: [alpha]\n") + rule("CON002", extra="tokens: [beta]\n") \
    + rule("STY001", extra="tokens: [gamma]\n")
TEXT = "1. alpha beta gamma.\n"


def codes(tmp_path, config):
    return [f.rule for f in run(tmp_path, THREE, TEXT, config)]


def test_select_ignore_extend_select_and_prefixes(tmp_path):
    assert codes(tmp_path, Config()) == ["CON001", "CON002", "STY001"]
    assert codes(tmp_path, Config(select=["CON"])) == ["CON001", "CON002"]
    assert codes(tmp_path, Config(select=["CON0"])) == ["CON001", "CON002"]
    assert codes(tmp_path, Config(select=["CON002"])) == ["CON002"]
    assert codes(tmp_path, Config(select=["CON"], extend_select=["STY001"])) == ["CON001", "CON002", "STY001"]
    assert codes(tmp_path, Config(ignore=["CON"])) == ["STY001"]
    # the more specific selector wins; on a tie ignore wins
    assert codes(tmp_path, Config(select=["CON001"], ignore=["CON"])) == ["CON001"]
    assert codes(tmp_path, Config(select=["CON"], ignore=["CON"])) == []
    assert codes(tmp_path, Config(select=["ALL"], ignore=["CON001"])) == ["CON002", "STY001"]


def test_severity_override_by_code_and_family(tmp_path):
    found = run(tmp_path, THREE, TEXT, Config(severity={"CON": "error", "CON002": "info"}))
    assert [(f.rule, f.severity) for f in found] == [("CON001", "error"), ("CON002", "info"),
                                                     ("STY001", "warning")]


def test_per_file_ignores(tmp_path):
    rs = ruleset(tmp_path, THREE)
    doc = stub_parse(HEAD + TEXT, path=str(tmp_path / "drafts" / "old" / "a.txt"))
    config = Config(root=tmp_path, per_file_ignores={"drafts/old/*.txt": ["CON"], "*.md": ["STY"]})
    assert [f.rule for f in lint(doc, rs, config)] == ["STY001"]
    doc.path = str(tmp_path / "b.md")
    assert [f.rule for f in lint(doc, rs, config)] == ["CON001", "CON002"]


def test_enabled_false_runs_only_when_selected_by_code(tmp_path):
    body = rule("CON001", extra="tokens: [alpha]\nenabled: false\n") + rule("CON002", extra="tokens: [beta]\n")
    assert [f.rule for f in run(tmp_path, body, TEXT)] == ["CON002"]
    assert [f.rule for f in run(tmp_path, body, TEXT, Config(select=["CON"]))] == ["CON002"]
    assert [f.rule for f in run(tmp_path, body, TEXT, Config(extend_select=["CON001"]))] == ["CON001", "CON002"]


# ------------------------------------------------------------ suppression comments

def test_suppression_next_paragraph_and_file(tmp_path):
    text = "<!-- reslint: ignore CON001 -->\n\n1. alpha beta.\n\n2. alpha again.\n"
    assert codes_of(run(tmp_path, THREE, text)) == ["CON002", "CON001"]
    text = "<!-- reslint: ignore CON -->\n\n1. alpha beta.\n\n2. alpha again.\n"
    assert codes_of(run(tmp_path, THREE, text)) == ["CON001"]
    text = "<!-- reslint: ignore-file CON001 -->\n\n1. alpha beta.\n\n2. alpha again.\n"
    assert codes_of(run(tmp_path, THREE, text)) == ["CON002"]
    text = "<!-- reslint: ignore-file -->\n\n1. alpha beta gamma.\n"
    assert codes_of(run(tmp_path, THREE, text)) == []


def codes_of(found):
    return [f.rule for f in found]


def test_unused_suppression_is_reported(tmp_path):
    text = "<!-- reslint: ignore CON001 STY001 -->\n\n1. alpha beta.\n"
    found = run(tmp_path, THREE, text)
    assert [(f.rule, f.message) for f in found] == [("SUP001", "Unused suppression for STY001"),
                                                    ("CON002", "CON002" and found[1].message)]
    assert found[0].address == "OP1" and found[0].fix is None
    text = "<!-- reslint: ignore TRM001 -->\n\n1. beta.\n"  # TRM001 did not run: not reported
    assert codes_of(run(tmp_path, THREE, text)) == ["CON002"]
    text = "<!-- reslint: ignore -->\n\n1. nothing here.\n"
    found = run(tmp_path, THREE, text)
    assert [(f.rule, f.message) for f in found] == [("SUP001", "Unused suppression for all rules")]
    assert found[0].fix is not None and found[0].fix.edits[0].replacement == ""
    assert run(tmp_path, THREE, text, Config(ignore=["SUP"])) == []


# ------------------------------------------------------------ run-time guards

def test_slow_rule_is_stopped_with_eng001(tmp_path, monkeypatch):
    monkeypatch.setattr("checker.rules.engine.BUDGET_SECONDS", -1.0)
    found = run(tmp_path, rule(extra="tokens: [foo]\n"), "1. foo.\n\n2. foo.\n")
    assert sorted(codes_of(found)) == ["ENG001", "TST001"]  # stopped after the first node
    assert "stopped for the rest of this document" in next(f for f in found if f.rule == "ENG001").message


def test_crashing_rule_gives_eng002(tmp_path, monkeypatch):
    from checker.rules.kinds.existence import Existence

    def boom(self, node, ctx):
        raise RuntimeError("kaput")
        yield

    monkeypatch.setattr(Existence, "run", boom)
    monkeypatch.delenv("RESLINT_DEBUG", raising=False)
    found = run(tmp_path, rule(extra="tokens: [foo]\n"), "1. foo.\n")
    assert codes_of(found) == ["ENG002"] and "kaput" in found[0].message


def test_input_cap_bounds_each_match_call(tmp_path, monkeypatch):
    monkeypatch.setattr(patterns, "MAX_TEXT", 20)
    found = run(tmp_path, rule(extra="tokens: [foo]\n"), "1. foo " + "x " * 30 + "foo.\n")
    assert len(found) == 1


@pytest.mark.parametrize("pattern", ["(a+)+", "(a*)*", "(a|a)*", "(\\w+\\s?)+$", "(.*,)*x", "((ab)*)*"])
def test_catastrophic_patterns_rejected(pattern):
    assert patterns.catastrophic(pattern)


@pytest.mark.parametrize("pattern", ["(?:\\s+\\w+)*", "(?:\\w+\\s+)*\\w+", "resolutions? \\d+",
                                     "\\d{1,3}(?:,\\d{3})*", "(a|b)*", "(?<!\\w)technical\\s+assistance(?!\\w)"])
def test_ordinary_patterns_accepted(pattern):
    assert patterns.catastrophic(pattern) is None


# ------------------------------------------------------------ documentation and examples

def test_rule_infos_explain_and_list(tmp_path):
    body = rule(extra=textwrap.dedent("""\
        tokens: [foo]
        rationale: Foo is vague.
        fix: Say what you mean.
        link: https://example.org/foo
        examples:
          valid: ["1. Decides bar."]
          invalid: ["1. Decides foo."]
        """))
    rs = ruleset(tmp_path, body)
    infos = rs.rule_infos()
    assert list(infos) == ["ENG001", "ENG002", "SUP001", "TST001"]
    listing = format_rule_list(infos)
    assert listing.splitlines()[0].split() == ["CODE", "NAME", "SEVERITY", "KIND", "SUMMARY"]
    assert "TST001  test-tst001" in listing
    text = format_explanation(infos["TST001"])
    sections = ["TST001 (test-tst001)", "What it checks", "Why it matters", "Example", "Use instead",
                "How to fix", "Severity", "Kind/Scope", "Link"]
    positions = [text.index(s) for s in sections]
    assert positions == sorted(positions)
    assert "1. Decides foo." in text and "existence / document" in text
    # every rule has the same shape, even an undocumented one
    assert format_explanation(infos["ENG001"]).count("\n\n") == format_explanation(infos["TST001"]).count("\n\n")


def test_examples_harness_reports_failures(tmp_path):
    body = rule(extra=textwrap.dedent("""\
        tokens: [foo]
        examples:
          valid: ["1. Decides bar.", "1. Decides foo."]
          invalid:
            - "1. Decides foo."
            - {text: "1. foo and foo.", expect: 2, contains: "Found"}
            - {text: "1. foo.", contains: "nope"}
            - {text: "1. nothing.", expect: 1}
        """))
    rs = ruleset(tmp_path, body)
    failures = run_examples(rs.rules[0], stub_parse)
    assert [(f.kind, f.index) for f in failures] == [("valid", 1), ("invalid", 2), ("invalid", 3)]


def test_examples_context_is_prepended(tmp_path):
    body = rule(scope="operative", extra=textwrap.dedent("""\
        tokens: [foo]
        examples:
          context: "The Human Rights Council,\\n\\nRecalling foo,\\n\\n"
          invalid: ["1. Decides foo."]
          valid: ["The Security Council,\\n\\nNoting foo,\\n\\n1. Decides bar."]
        """))
    seen = []

    def parse(text):
        seen.append(text)
        return stub_parse(text)

    assert run_examples(ruleset(tmp_path, body).rules[0], parse) == []
    assert seen[0].startswith("The Security Council,") and seen[1].startswith("The Human Rights Council,")
