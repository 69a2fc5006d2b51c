"""Rule and config files: every malformed one gives one file:line:col line."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.rules.config import load_config_file
from checker.rules.engine import DEFAULT_PACK, load_ruleset
from checker.rules.errors import RuleFileError

BAD = Path(__file__).parent / "fixtures" / "rules_bad"


@pytest.fixture(autouse=True)
def _no_cache(monkeypatch, tmp_path):
    monkeypatch.setenv("RESLINT_CACHE_DIR", str(tmp_path / "cache"))


def load_error(name: str) -> RuleFileError:
    path = BAD / name
    with pytest.raises(RuleFileError) as info:
        if name.startswith("config_"):
            load_config_file(path)
        else:
            load_ruleset([path], include_default=False)
    return info.value


# name -> (line, column, text the message must contain); None = any position
CASES = {
    "unknown_kind.yaml": (8, 11, "got 'existance' (did you mean 'existence'?)"),
    "param_typo.yaml": (9, 5, "unknown key 'exeptions' for kind 'existence' (did you mean 'exceptions'?)"),
    "bad_severity.yaml": (4, 15, "expected one of: error, warning, info; got 'warn'"),
    "duplicate_code.yaml": (9, 11, "duplicate rule code"),
    "invalid_regex.yaml": (10, 9, "invalid regular expression '(unclosed'"),
    "catastrophic.yaml": (8, 16, "exponential time"),
    "catastrophic_swap.yaml": (9, 7, "exponential time"),
    # A check's phrase lists are regular expressions from the rule file too.
    "catastrophic_check_params.yaml": (12, 11, "exponential time"),
    "wrong_type.yaml": (8, 13, "rules[0].tokens: expected a list, got a string"),
    "missing_message.yaml": (2, 5, "missing required key 'message'"),
    "python_tag.yaml": (8, 13, "tag !!python/object/apply:os.system is not allowed"),
    "tabs.yaml": (3, 1, "tabs cannot indent YAML"),
    "unknown_scope.yaml": (7, 12, "got 'preambule' (did you mean 'preamble'?)"),
    "unknown_placeholder.yaml": (6, 14, "unknown placeholder '{replacment}'"),
    "bad_code.yaml": (2, 11, "three capital letters and three digits"),
    "unknown_check.yaml": (8, 12, "unknown check 'nosuchmodule.thing'"),
    "bad_filter_regex.yaml": (10, 17, "invalid regular expression '[unclosed'"),
    "bad_check_params.yaml": (9, 19, "params of check 'demo.long-paragraph'"),
    "config_unknown_key.yaml": (3, 1, "unknown key 'severty' here (did you mean 'severity'?)"),
    "config_bad_select.yaml": (3, 5, "got 'con001'"),
    "config_bad_level.yaml": (2, 11, "got 'fatal'"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_malformed_file_gives_one_positioned_line(name: str) -> None:
    line, column, text = CASES[name]
    err = load_error(name)
    rendered = str(err)
    assert "\n" not in rendered
    assert rendered.startswith(f"{BAD / name}:{line}:{column}: error: "), rendered
    assert text in rendered
    assert (err.line, err.column) == (line, column)


def test_at_least_twelve_malformed_fixtures() -> None:
    assert len(CASES) >= 12


def test_duplicate_code_across_files_points_at_the_second() -> None:
    with pytest.raises(RuleFileError) as info:
        load_ruleset([BAD / "dup_across"], include_default=False)
    assert info.value.path.endswith("b.yaml")
    assert (info.value.line, info.value.column) == (2, 11)
    assert "a.yaml:2" in info.value.message


def test_python_tag_is_never_executed(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    evil = tmp_path / "evil.yaml"
    evil.write_text(f"rules:\n  - !!python/object/apply:os.system ['touch {marker}']\n")
    with pytest.raises(RuleFileError) as info:
        load_ruleset([evil], include_default=False)
    assert (info.value.line, info.value.column) == (2, 5)
    assert not marker.exists()
    assert not Path("/tmp/reslint-PWNED").exists()


def test_other_unsafe_yaml_is_refused(tmp_path: Path) -> None:
    for text, what in [
        ("rules: !!set {a, b}\n", "tag !!set"),
        ("a: &x [1]\nrules:\n  <<: *x\n", "merge keys"),
        ("rules: []\nrules: []\n", "duplicate key 'rules'"),
        ("rules: [{code: !custom X}]\n", "tag !custom"),
    ]:
        f = tmp_path / "f.yaml"
        f.write_text(text)
        with pytest.raises(RuleFileError, match=what):
            load_ruleset([f], include_default=False)


def test_missing_rule_path_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(RuleFileError, match="no such rule file"):
        load_ruleset([tmp_path / "nope.yaml"], include_default=False)


def test_not_utf8(tmp_path: Path) -> None:
    f = tmp_path / "latin.yaml"
    f.write_bytes(b"rules: []\n# caf\xe9\n")
    with pytest.raises(RuleFileError, match="not UTF-8"):
        load_ruleset([f], include_default=False)


def test_empty_file_is_no_rules(tmp_path: Path) -> None:
    (tmp_path / "empty.yaml").write_text("# nothing yet\n")
    assert load_ruleset([tmp_path], include_default=False).rules == []


# ------------------------------------------------- the default rule pack

def _default_pack_or_skip():
    if not DEFAULT_PACK.is_dir() or not any(DEFAULT_PACK.rglob("*.yaml")):
        pytest.skip("no default rule pack yet")
    return load_ruleset([], include_default=True, use_cache=False)


def test_default_pack_loads_and_documents_every_rule() -> None:
    ruleset = _default_pack_or_skip()
    for code, info in ruleset.rule_infos().items():
        if info.kind == "engine":
            continue
        assert info.summary and info.rationale, f"{code} needs summary and rationale"
        assert info.examples_invalid, f"{code} needs at least one invalid example"


def test_default_pack_examples_pass() -> None:
    ruleset = _default_pack_or_skip()
    try:
        from checker.parser import parse_text
    except ImportError:
        pytest.skip("checker.parser not available yet")
    from checker.rules.examples import run_examples

    failures = [str(f) for rule in ruleset.rules for f in run_examples(rule, parse_text)]
    assert not failures, "\n\n".join(failures)
