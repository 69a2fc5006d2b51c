"""The cross-run cache of validated rule sets."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from checker.rules import cache, yamlfile
from checker.rules.config import load_config_file
from checker.rules.engine import load_ruleset

USER = Path(__file__).parent / "fixtures" / "rules_user"


@pytest.fixture
def rules(tmp_path, monkeypatch):
    monkeypatch.setenv("RESLINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("RESLINT_NO_CACHE", raising=False)
    shutil.copy(USER / "member-states.yaml", tmp_path / "r.yaml")
    return tmp_path / "r.yaml"


def count_yaml_loads(monkeypatch):
    calls = []
    real = yamlfile.load_yaml

    def spy(*args, **kwargs):
        calls.append(args[0])
        return real(*args, **kwargs)

    monkeypatch.setattr(yamlfile, "load_yaml", spy)
    return calls


def test_second_load_hits_the_cache(rules, monkeypatch):
    calls = count_yaml_loads(monkeypatch)
    first = load_ruleset([rules], include_default=False)
    assert not first.cache_hit and len(calls) == 1
    second = load_ruleset([rules], include_default=False)
    assert second.cache_hit and len(calls) == 1  # no YAML parsed the second time
    assert second.hash == first.hash
    assert [r.code for r in second.rules] == ["USR001"]
    assert second.rules[0].spec.source.position(("swap", "member states"), key=True) == (10, 7)


def test_changing_a_rule_file_invalidates(rules, monkeypatch):
    calls = count_yaml_loads(monkeypatch)
    first = load_ruleset([rules], include_default=False)
    rules.write_text(rules.read_text().replace("severity: warning", "severity: info"))
    second = load_ruleset([rules], include_default=False)
    assert len(calls) == 2 and not second.cache_hit and second.hash != first.hash
    assert second.rules[0].spec.severity == "info"


def test_corrupted_cache_is_ignored(rules, monkeypatch):
    first = load_ruleset([rules], include_default=False)
    for entry in cache.cache_dir().glob("rules-*.pickle"):
        entry.write_bytes(b"\x80\x04garbage")
    calls = count_yaml_loads(monkeypatch)
    again = load_ruleset([rules], include_default=False)
    assert not again.cache_hit and len(calls) == 1 and again.hash == first.hash
    assert load_ruleset([rules], include_default=False).cache_hit  # rewritten


def test_invalid_rules_are_not_cached(tmp_path, monkeypatch):
    monkeypatch.setenv("RESLINT_CACHE_DIR", str(tmp_path / "cache"))
    bad = Path(__file__).parent / "fixtures" / "rules_bad" / "invalid_regex.yaml"
    from checker.rules.errors import RuleFileError
    for _ in range(2):
        with pytest.raises(RuleFileError):
            load_ruleset([bad], include_default=False)
    assert not list((tmp_path / "cache").glob("rules-*.pickle"))


def test_no_cache_env_and_clear(rules, monkeypatch):
    load_ruleset([rules], include_default=False)
    assert cache.clear_cache() >= 1
    assert cache.clear_cache() == 0
    monkeypatch.setenv("RESLINT_NO_CACHE", "1")
    load_ruleset([rules], include_default=False)
    assert not list(cache.cache_dir().glob("rules-*.pickle"))


def test_config_is_cached_too(tmp_path, monkeypatch):
    monkeypatch.setenv("RESLINT_CACHE_DIR", str(tmp_path / "cache"))
    conf = tmp_path / ".reslint.yaml"
    conf.write_text("select: [CON]\n")
    calls = count_yaml_loads(monkeypatch)
    assert load_config_file(conf) == {"select": ["CON"]}
    assert load_config_file(conf) == {"select": ["CON"]}
    assert len(calls) == 1


def test_warm_load_does_not_import_yaml_or_jsonschema(rules, tmp_path):
    import os
    import subprocess
    import sys

    env = {**os.environ, "RESLINT_CACHE_DIR": str(tmp_path / "cache"), "PYTHONPATH": str(Path.cwd())}
    env.pop("RESLINT_NO_CACHE", None)
    code = ("import sys; from checker.rules.engine import load_ruleset; "
            f"rs = load_ruleset([{str(rules)!r}], include_default=False); "
            "print(rs.cache_hit, 'ruamel' in sys.modules, 'jsonschema' in sys.modules)")
    root = Path(__file__).resolve().parents[1]
    run = lambda: subprocess.run([sys.executable, "-c", code], env=env, cwd=root, capture_output=True,
                                 text=True, check=True).stdout.split()
    assert run() == ["False", "True", "True"]
    assert run() == ["True", "False", "False"]


def test_result_cache_keeps_the_most_recent_results(tmp_path, monkeypatch):
    import os

    from checker.pipeline import prune_results

    monkeypatch.setenv("RESLINT_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "cache" / "results"
    folder.mkdir(parents=True)
    for i in range(7):
        entry = folder / f"{i:040x}.pickle"
        entry.write_bytes(b"x")
        os.utime(entry, (1_000_000 + i, 1_000_000 + i))  # entry 6 is the newest
    (folder / "notes.txt").write_text("not a result")
    assert prune_results(keep=10) == 0
    assert prune_results(keep=3) == 4
    assert sorted(p.name for p in folder.iterdir()) == [f"{i:040x}.pickle" for i in (4, 5, 6)] + ["notes.txt"]
