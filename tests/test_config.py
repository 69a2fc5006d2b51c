"""Project configuration: discovery, validation, CLI overrides, user rules."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from checker.rules.config import find_config, resolve_config
from checker.rules.engine import lint, load_ruleset
from checker.rules.errors import RuleFileError
from checker.rules.examples import run_examples
from test_engine_helpers import stub_parse

USER = Path(__file__).parent / "fixtures" / "rules_user"


@pytest.fixture(autouse=True)
def _cache(monkeypatch, tmp_path):
    monkeypatch.setenv("RESLINT_CACHE_DIR", str(tmp_path / "cache"))


def test_config_found_by_walking_up(tmp_path):
    (tmp_path / ".reslint.yaml").write_text("select: [CON]\nfail-on: error\n")
    draft = tmp_path / "a" / "b" / "draft.txt"
    draft.parent.mkdir(parents=True)
    draft.write_text("x")
    assert find_config(draft) == (tmp_path / ".reslint.yaml").resolve()
    config = resolve_config(draft, None, {})
    assert config.select == ["CON"] and config.fail_on == "error"
    assert config.root == tmp_path.resolve()
    assert config.fails("error") and not config.fails("warning")


def test_no_config_gives_defaults(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    if find_config(tmp_path) is not None:
        pytest.skip("a .reslint.yaml above the temporary folder")
    config = resolve_config(tmp_path / "draft.txt", None, {})
    assert config.path is None and config.root == tmp_path
    assert config.select is None and config.fail_on == "warning" and config.rule_files == []
    assert config.is_selected("CON001") and config.fails("warning") and not config.fails("info")


def test_explicit_config_and_relative_paths(tmp_path):
    conf = tmp_path / "conf" / "lint.yaml"
    conf.parent.mkdir()
    conf.write_text("rules: [extra, more.yaml]\nregistry: data/reg.csv\nexclude: ['archive/**']\n"
                    "per-file-ignores: {'old/*.txt': [SES]}\noptions: {STR010: {max: 3}}\n")
    config = resolve_config(tmp_path / "elsewhere" / "x.txt", conf, {})
    assert config.path == conf
    assert config.rule_files == [conf.parent.resolve() / "extra", conf.parent.resolve() / "more.yaml"]
    assert config.registry_files == [conf.parent.resolve() / "data" / "reg.csv"]
    assert config.options_for("STR010") == {"max": 3} and config.options_for("STR011") == {}
    assert config.is_excluded(str(conf.parent / "archive" / "2001" / "a.txt"))
    assert not config.is_excluded(str(conf.parent / "drafts" / "a.txt"))
    assert config.ignored_for_file("SES001", str(conf.parent / "old" / "a.txt"))
    assert not config.ignored_for_file("CON001", str(conf.parent / "old" / "a.txt"))


def test_cli_overrides(tmp_path):
    (tmp_path / ".reslint.yaml").write_text(
        "select: [CON, STR]\nignore: [STR002]\nseverity: {CON001: info}\nfail-on: error\n")
    config = resolve_config(tmp_path / "d.txt", None, {
        "select": ["CON"], "extend_select": ["TRM001"], "ignore": ["CON002"],
        "severity": {"CON003": "error"}, "fail_on": "info", "rules": [], "options": None})
    assert config.select == ["CON"] and config.extend_select == ["TRM001"]
    assert config.ignore == ["STR002", "CON002"]
    assert config.severity == {"CON001": "info", "CON003": "error"}
    assert config.fail_on == "info"
    assert config.is_selected("TRM001") and not config.is_selected("CON002") and not config.is_selected("STR001")
    with pytest.raises(RuleFileError, match="invalid rule selector 'con'"):
        resolve_config(tmp_path / "d.txt", None, {"select": ["con"]})


@pytest.mark.parametrize("text,line,col,what", [
    ("select: [CON]\nfial-on: error\n", 2, 1, "unknown key 'fial-on'"),
    ("select: [CON, STR1234]\n", 1, 15, "got 'STR1234'"),
    ("select: CON\n", 1, 9, "expected a list"),
    ("fail-on: fatal\n", 1, 10, "got 'fatal'"),
    ("severity:\n  con001: error\n", 2, 3, "a rule selector"),
    ("options:\n  CON001: 3\n", 2, 11, "expected a mapping"),
    ("per-file-ignores:\n  '*.txt': [CON, bad]\n", 2, 18, "got 'bad'"),
    ("select: [CON\n", 2, 1, "invalid YAML"),
])
def test_config_errors_are_positioned(tmp_path, text, line, col, what):
    conf = tmp_path / ".reslint.yaml"
    conf.write_text(text)
    with pytest.raises(RuleFileError) as info:
        resolve_config(tmp_path / "d.txt", None, {})
    assert (info.value.line, info.value.column) == (line, col), str(info.value)
    assert what in str(info.value)
    assert str(info.value).startswith(f"{conf}:{line}:{col}: error: ")


def test_user_rule_without_python(tmp_path):
    """A project adds its own rule with a YAML file and a .reslint.yaml; nothing else."""
    project = tmp_path / "project"
    (project / "drafts").mkdir(parents=True)
    shutil.copy(USER / "member-states.yaml", project / "member-states.yaml")
    shutil.copy(USER / ".reslint.yaml", project / ".reslint.yaml")
    draft = project / "drafts" / "a.txt"
    draft.write_text("The General Assembly,\n\n1. Calls upon member states to cooperate.\n")

    config = resolve_config(draft, None, {})
    ruleset = load_ruleset(config.rule_files, include_default=False)
    rule = ruleset.get("USR001")
    assert rule is not None and rule.spec.kind == "substitution"
    assert run_examples(rule, stub_parse) == []

    doc = stub_parse(draft.read_text(), path=str(draft))
    [finding] = lint(doc, ruleset, config)
    assert finding.rule == "USR001" and finding.severity == "error"  # severity from .reslint.yaml
    assert finding.message == "Write 'Member States', not 'member states'"
    assert finding.fix.edits[0].replacement == "Member States"

    config = resolve_config(draft, None, {"ignore": ["USR"]})
    assert lint(doc, ruleset, config) == []


def test_user_rule_with_real_parser_if_available():
    try:
        from checker.parser import parse_text
    except ImportError:
        pytest.skip("checker.parser not available yet")
    ruleset = load_ruleset([USER / "member-states.yaml"], include_default=False)
    failures = run_examples(ruleset.get("USR001"), parse_text)
    assert not failures, "\n".join(map(str, failures))
