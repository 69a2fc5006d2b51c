"""``reslint check --fix / --unsafe-fixes / --diff`` against the README's promise.

Real files in ``tmp_path``, the real command line and the default rule pack.
The expected texts are written from the rules' documentation (``reslint explain``):
STR004 ends a preambular paragraph with a comma, STR010 ends operative paragraphs
with ';' and the last with '.', SES002 writes sessions below 100 in words, TRM008
hyphenates "capacity-building", CIT015 writes "the present resolution"; all safe.
CIT011 (the registry's date, 48/141 adopted on 20 December 1993) is the unsafe one.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import checker.fix as fix_module
from checker.cli import main
from checker.fix import apply_edits, fix_source, select_edits, write_atomic
from checker.parser import parse_source
from checker.pipeline import LintSession, lint_document
from checker.rules.config import Config
from checker.sources import SourceText

# The default rule pack and configuration, for the in-process tests.
SESSION = LintSession.create(Config(), use_cache=False)

# Each defect sits on its own line so the expected text can be written by hand.
DRAFT = (
    "The General Assembly,\n"
    "\n"
    "Recalling its resolution 48/141 of 21 December 1993;\n"
    "\n"
    "Noting the report of the Secretary-General on capacity building,\n"
    "\n"
    "1. Decides to consider the question at its 61st session;\n"
    "2. Requests the Secretary-General to report on the implementation of this resolution.\n"
)
# --fix: the four safe fixes, the unsafe registry date left alone.
SAFE_FIXED = (
    "The General Assembly,\n"
    "\n"
    "Recalling its resolution 48/141 of 21 December 1993,\n"
    "\n"
    "Noting the report of the Secretary-General on capacity-building,\n"
    "\n"
    "1. Decides to consider the question at its sixty-first session;\n"
    "2. Requests the Secretary-General to report on the implementation of the present resolution.\n"
)
ALL_FIXED = SAFE_FIXED.replace("21 December 1993", "20 December 1993")

REPORT = (
    "I. Introduction\n"
    "\n"
    "1. The present report is submitted pursuant to resolution 37/23 and covers the 61st session;\n"
    "2. It describes capacity building under this resolution.\n"
)


def _env() -> dict:
    env = dict(os.environ)
    env["RESLINT_NO_CACHE"] = "1"
    env.pop("CI", None)
    env.pop("NO_COLOR", None)
    return env


def reslint(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """Run ``reslint check``; stdout is decoded as is (a CRLF in the diff stays a CRLF)."""
    proc = subprocess.run([sys.executable, "-m", "checker.cli", "check", "--color", "never", *args],
                          capture_output=True, cwd=cwd, env=_env(), timeout=120)
    proc.stdout = proc.stdout.decode("utf-8")
    proc.stderr = proc.stderr.decode("utf-8")
    assert "Traceback" not in proc.stdout + proc.stderr, proc.stderr[-3000:]
    return proc


def as_json(proc: subprocess.CompletedProcess) -> dict:
    return json.loads(proc.stdout)


def rules_of(report: dict) -> list[str]:
    return sorted(f["rule"] for file in report["files"] for f in file["findings"])


def write(path: Path, text: str) -> Path:
    path.write_bytes(text.encode("utf-8"))
    return path


def snapshot(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), path.stat().st_mtime_ns


def folder_names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# -- safe, unsafe, diff ----------------------------------------------------------------


def test_draft_has_the_documented_findings(tmp_path):
    draft = write(tmp_path / "draft.txt", DRAFT)
    proc = reslint("--format", "json", draft.name, cwd=tmp_path)
    assert proc.returncode == 1
    report = as_json(proc)
    assert rules_of(report) == ["CIT011", "CIT015", "SES002", "STR004", "TRM008"]
    fixes = {f["rule"]: f["fix"] for f in report["files"][0]["findings"]}
    assert all(fixes.values())
    assert draft.read_bytes() == DRAFT.encode()


def test_fix_applies_safe_fixes_and_leaves_unsafe(tmp_path):
    draft = write(tmp_path / "draft.txt", DRAFT)
    proc = reslint("--fix", "--format", "json", draft.name, cwd=tmp_path)
    assert draft.read_text(encoding="utf-8") == SAFE_FIXED
    report = as_json(proc)
    assert report["files"][0]["fixed"] == 4
    # The unsafe registry date is still reported (a warning), so the run fails.
    assert rules_of(report) == ["CIT011"]
    assert proc.returncode == 1
    assert folder_names(tmp_path) == ["draft.txt"]


def test_unsafe_fixes_apply_the_rest(tmp_path):
    draft = write(tmp_path / "draft.txt", DRAFT)
    proc = reslint("--fix", "--unsafe-fixes", "--format", "json", draft.name, cwd=tmp_path)
    assert draft.read_text(encoding="utf-8") == ALL_FIXED
    report = as_json(proc)
    assert report["files"][0]["fixed"] == 5
    assert rules_of(report) == []
    assert proc.returncode == 0


def test_text_report_says_what_was_fixed(tmp_path):
    draft = write(tmp_path / "draft.txt", DRAFT)
    proc = reslint("--fix", "--unsafe-fixes", draft.name, cwd=tmp_path)
    assert proc.returncode == 0
    assert "Fixed 5 problems." in proc.stdout


def test_diff_prints_a_unified_diff_and_writes_nothing(tmp_path):
    draft = write(tmp_path / "draft.txt", DRAFT)
    os.utime(draft, ns=(1_000_000_000_000_000_000, 1_000_000_000_000_000_000))
    before = snapshot(draft)
    proc = reslint("--diff", draft.name, cwd=tmp_path)
    assert snapshot(draft) == before
    assert folder_names(tmp_path) == ["draft.txt"]
    # Nothing was fixed, so the findings stand.
    assert proc.returncode == 1
    out = proc.stdout
    assert "--- a/draft.txt\n+++ b/draft.txt\n" in out
    assert "-Recalling its resolution 48/141 of 21 December 1993;\n" in out
    assert "+Recalling its resolution 48/141 of 21 December 1993,\n" in out
    assert "+Noting the report of the Secretary-General on capacity-building,\n" in out
    assert "+1. Decides to consider the question at its sixty-first session;\n" in out
    assert "+2. Requests the Secretary-General to report on the implementation of the present resolution.\n" in out
    # The unsafe date is not in a plain --diff; the unchanged authoring line is context.
    assert " The General Assembly,\n" in out
    minus = [ln for ln in out.splitlines() if ln.startswith("-") and not ln.startswith("---")]
    plus = [ln for ln in out.splitlines() if ln.startswith("+") and not ln.startswith("+++")]
    assert len(minus) == len(plus) == 4
    assert not any("20 December 1993" in ln for ln in plus)


def test_diff_with_unsafe_fixes_shows_the_registry_date(tmp_path):
    draft = write(tmp_path / "draft.txt", DRAFT)
    before = snapshot(draft)
    proc = reslint("--diff", "--unsafe-fixes", draft.name, cwd=tmp_path)
    assert snapshot(draft) == before
    assert "+Recalling its resolution 48/141 of 20 December 1993,\n" in proc.stdout
    assert proc.returncode == 1


def _diff_part(out: str) -> str:
    """The diff printed before the report (the report starts with the file's path)."""
    start = out.index("--- a/")
    end = out.find("\ndraft.txt\n", start)
    return out[start:] if end < 0 else out[start:end + 1]


def _well_formed(diff: str) -> None:
    lines = diff.split("\n")
    assert lines[-1] == ""
    for line in lines[2:-1]:
        assert line[:1] in (" ", "-", "+", "@", "\\"), repr(line)


@pytest.mark.parametrize("last, nl", [("", "\n"), ("", "\r\n"), ("no-final-newline", "\n"),
                                      ("form-feed", "\n")])
def test_diff_applies_with_git_apply(tmp_path, last, nl):
    """The diff is a real patch: applying it gives what --fix writes, byte for byte."""
    text = DRAFT
    if last == "no-final-newline":
        text = text.rstrip("\n")
    if last == "form-feed":
        text = text.replace("Noting the report", "Noting\x0cthe report")
    text = text.replace("\n", nl)
    draft = tmp_path / "draft.txt"
    draft.write_bytes(text.encode())
    diff = _diff_part(reslint("--diff", draft.name, cwd=tmp_path).stdout)
    _well_formed(diff)
    assert diff.count("\\ No newline at end of file\n") == (2 if last == "no-final-newline" else 0)
    assert draft.read_bytes() == text.encode()
    (tmp_path / "fix.patch").write_bytes(diff.encode())
    subprocess.run(["git", "apply", "fix.patch"], cwd=tmp_path, check=True, capture_output=True)
    patched = draft.read_bytes()
    draft.write_bytes(text.encode())
    reslint("--fix", draft.name, cwd=tmp_path)
    assert patched == draft.read_bytes()
    expected = SAFE_FIXED.rstrip("\n") if last == "no-final-newline" else SAFE_FIXED
    if last == "form-feed":
        expected = expected.replace("Noting the report", "Noting\x0cthe report")
    assert patched == expected.replace("\n", nl).encode()


def test_diff_of_a_cr_only_file_has_one_line_per_line(tmp_path):
    draft = write(tmp_path / "draft.txt", DRAFT.replace("\n", "\r"))
    diff = _diff_part(reslint("--diff", draft.name, cwd=tmp_path).stdout)
    _well_formed(diff)
    assert "-Recalling its resolution 48/141 of 21 December 1993;\r\n" in diff
    assert "+Recalling its resolution 48/141 of 21 December 1993,\r\n" in diff
    assert "+1. Decides to consider the question at its sixty-first session;\r\n" in diff


def test_clean_file_exit_zero_and_untouched(tmp_path):
    draft = write(tmp_path / "draft.txt", ALL_FIXED)
    before = snapshot(draft)
    proc = reslint("--fix", draft.name, cwd=tmp_path)
    assert proc.returncode == 0
    assert snapshot(draft) == before
    assert "Fixed" not in proc.stdout


def test_fix_with_unreadable_input_exits_two(tmp_path):
    draft = write(tmp_path / "draft.txt", DRAFT)
    proc = reslint("--fix", draft.name, "missing.txt", cwd=tmp_path)
    assert proc.returncode == 2
    assert "missing.txt: error: no such file" in proc.stdout + proc.stderr
    # The readable file is still fixed.
    assert draft.read_text(encoding="utf-8") == SAFE_FIXED


def test_fix_keeps_the_file_mode(tmp_path):
    draft = write(tmp_path / "draft.txt", DRAFT)
    draft.chmod(0o640)
    reslint("--fix", draft.name, cwd=tmp_path)
    assert draft.read_text(encoding="utf-8") == SAFE_FIXED
    assert draft.stat().st_mode & 0o777 == 0o640


def test_fix_in_a_folder(tmp_path):
    sub = tmp_path / "drafts"
    sub.mkdir()
    one = write(sub / "one.txt", DRAFT)
    two = write(sub / "two.md", DRAFT)
    reslint("--fix", "drafts", cwd=tmp_path)
    assert one.read_text(encoding="utf-8") == SAFE_FIXED
    assert two.read_text(encoding="utf-8") == SAFE_FIXED
    assert folder_names(sub) == ["one.txt", "two.md"]


# -- idempotence -------------------------------------------------------------------------


@pytest.mark.parametrize("unsafe", [False, True])
def test_second_fix_changes_nothing(tmp_path, unsafe):
    draft = write(tmp_path / "draft.txt", DRAFT)
    flags = ["--fix", "--format", "json"] + (["--unsafe-fixes"] if unsafe else [])
    first = as_json(reslint(*flags, draft.name, cwd=tmp_path))
    assert first["summary"]["fixed"] == (5 if unsafe else 4)
    before = snapshot(draft)
    second = reslint(*flags, draft.name, cwd=tmp_path)
    assert snapshot(draft) == before
    report = as_json(second)
    assert report["summary"]["fixed"] == 0
    assert report["files"][0]["fixed"] == 0
    assert second.returncode == (0 if unsafe else 1)
    third = reslint(*flags[:1], *flags[3:], draft.name, cwd=tmp_path)
    assert snapshot(draft) == before
    assert "Fixed" not in third.stdout
    # And --diff now has nothing to show.
    diff = reslint("--diff", *(["--unsafe-fixes"] if unsafe else []), draft.name, cwd=tmp_path)
    assert "--- a/" not in diff.stdout


# -- atomic writes -----------------------------------------------------------------------


def _invoke(*args: str):
    return CliRunner().invoke(main, ["check", "--no-cache", "--color", "never", *args])


@pytest.mark.parametrize("where", ["replace", "fsync", "write"])
def test_crash_mid_write_leaves_original_and_no_temp_file(tmp_path, monkeypatch, where):
    draft = write(tmp_path / "draft.txt", DRAFT)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("RESLINT_NO_CACHE", "1")
    before = draft.read_bytes()
    calls = []

    def boom(*args, **kwargs):
        calls.append(args)
        raise OSError(28, "No space left on device")

    if where == "replace":
        monkeypatch.setattr(fix_module.os, "replace", boom)
    elif where == "fsync":
        monkeypatch.setattr(fix_module.os, "fsync", boom)
    else:
        real_fdopen = os.fdopen

        class FailingFile:
            def __init__(self, fh):
                self.fh = fh

            def __enter__(self):
                return self

            def __exit__(self, *exc):
                self.fh.close()
                return False

            def write(self, data):
                self.fh.write(data[: len(data) // 2])  # half the bytes reach the disk
                self.fh.flush()
                boom()

        monkeypatch.setattr(fix_module.os, "fdopen", lambda fd, mode="r", *a, **k: FailingFile(real_fdopen(fd, mode)))
    result = _invoke("--fix", "draft.txt")
    assert calls, "the simulated failure was never reached"
    assert draft.read_bytes() == before
    assert folder_names(tmp_path) == ["draft.txt"]
    # A failed write is an error of that file (one line, exit 2), not a traceback.
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 2
    lines = [ln for ln in result.output.splitlines() if ln.startswith("draft.txt: error:")]
    assert len(lines) == 1 and "cannot write" in lines[0], result.output


def test_write_atomic_interrupted_keeps_original(tmp_path, monkeypatch):
    """Even an interrupt (not an OSError) between the temporary file and the rename."""
    target = write(tmp_path / "draft.txt", DRAFT)

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(fix_module.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, SAFE_FIXED.encode())
    assert target.read_bytes() == DRAFT.encode()
    assert folder_names(tmp_path) == ["draft.txt"]


def test_write_atomic_replaces_whole_file(tmp_path):
    target = write(tmp_path / "draft.txt", DRAFT * 3)
    write_atomic(target, b"short")
    assert target.read_bytes() == b"short"
    assert folder_names(tmp_path) == ["draft.txt"]


# -- encodings and newlines --------------------------------------------------------------

ENCODINGS = {
    "utf-8": lambda text: text.encode("utf-8"),
    "utf-8-bom": lambda text: b"\xef\xbb\xbf" + text.encode("utf-8"),
    "utf-16-le-bom": lambda text: b"\xff\xfe" + text.encode("utf-16-le"),
    "utf-16-be-bom": lambda text: b"\xfe\xff" + text.encode("utf-16-be"),
}
NEWLINES = {"lf": "\n", "crlf": "\r\n", "cr": "\r"}


@pytest.mark.parametrize("newline", sorted(NEWLINES))
@pytest.mark.parametrize("encoding", sorted(ENCODINGS))
def test_fix_keeps_encoding_bom_and_newlines(tmp_path, encoding, newline):
    encode = ENCODINGS[encoding]
    nl = NEWLINES[newline]
    draft = tmp_path / "draft.txt"
    draft.write_bytes(encode(DRAFT.replace("\n", nl)))
    proc = reslint("--fix", "--format", "json", draft.name, cwd=tmp_path)
    assert as_json(proc)["files"][0]["fixed"] == 4
    # Byte for byte: the same encoding, BOM and newlines; only the four spans differ.
    assert draft.read_bytes() == encode(SAFE_FIXED.replace("\n", nl))
    assert folder_names(tmp_path) == ["draft.txt"]


def test_fix_keeps_mixed_newlines_and_other_characters(tmp_path):
    """Lines the fixes do not touch keep their own ending, trailing spaces and non-ASCII text."""
    text = (
        "The Human Rights Council,\r\n"
        "\r\n"
        "Guided by the Charter of the United Nations,  \n"
        "\r\n"
        "Recalling its resolution 5/1 of 18 June 2007 on Côte d\u2019Ivoire;\r\n"
        "\n"
        "1. Decides to continue its consideration of the matter at its 61st session.\r\n"
        "2. Decides to remain seized of the matter.\n"
    )
    expected = (
        text.replace("Ivoire;", "Ivoire,")
        .replace("61st session.", "sixty-first session;")
    )
    draft = tmp_path / "draft.txt"
    draft.write_bytes(text.encode("utf-8"))
    reslint("--fix", draft.name, cwd=tmp_path)
    assert draft.read_bytes() == expected.encode("utf-8")


# -- never written -------------------------------------------------------------------------


def test_report_is_never_written(tmp_path):
    report = write(tmp_path / "report.txt", REPORT)
    before = snapshot(report)
    for flags in (["--fix"], ["--fix", "--unsafe-fixes"], ["--diff", "--unsafe-fixes"]):
        proc = reslint(*flags, "--format", "json", report.name, cwd=tmp_path)
        assert snapshot(report) == before
        data = as_json(proc)
        assert data["files"][0]["document"]["kind"] == "not-a-resolution"
        assert data["files"][0]["fixed"] == 0
        assert "--- a/" not in proc.stdout
    assert folder_names(tmp_path) == ["report.txt"]


def test_fix_source_refuses_a_report():
    source = SourceText("report.txt", REPORT)
    assert fix_source(source, SESSION, unsafe=True) == (REPORT, 0)


@pytest.mark.parametrize("name, data, reason", [
    ("latin1.txt", DRAFT.replace("General", "G\xe9n\xe9ral").encode("latin-1"), "not valid utf-8"),
    ("nul.txt", DRAFT.encode("utf-8") + b"\x00\x01", "binary"),
    ("nobom16.txt", DRAFT.encode("utf-16-le"), "utf-16"),
])
def test_unreadable_file_is_never_written(tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    before = snapshot(path)
    proc = reslint("--fix", "--unsafe-fixes", name, cwd=tmp_path)
    assert proc.returncode == 2
    line = next(ln for ln in (proc.stdout + proc.stderr).splitlines() if ln.startswith(f"{name}: error:"))
    assert reason in line.lower()
    assert snapshot(path) == before
    assert folder_names(tmp_path) == [name]


def test_docx_is_reported_never_rewritten(tmp_path):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for line in DRAFT.strip("\n").split("\n"):
        if line:
            document.add_paragraph(line)
    path = tmp_path / "draft.docx"
    document.save(str(path))
    before = snapshot(path)
    for flags in (["--fix"], ["--fix", "--unsafe-fixes"], ["--diff"]):
        proc = reslint(*flags, "--format", "json", path.name, cwd=tmp_path)
        assert snapshot(path) == before
        data = as_json(proc)
        found = rules_of(data)
        # Reported like the text draft, fixes offered but not applied.
        assert {"STR004", "SES002", "TRM008", "CIT015"} <= set(found)
        assert data["files"][0]["fixed"] == 0
        assert proc.returncode == 1
        assert "--- a/" not in proc.stdout
    assert folder_names(tmp_path) == ["draft.docx"]


# -- property: only the findings' spans change ------------------------------------------------

_UNITS = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
_TEENS = ["tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
          "seventeenth", "eighteenth", "nineteenth"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def ordinal_words(n: int) -> str:
    """1 -> 'first', 61 -> 'sixty-first', 90 -> 'ninetieth' (United Nations spelling)."""
    if n < 10:
        return _UNITS[n]
    if n < 20:
        return _TEENS[n - 10]
    tens, unit = divmod(n, 10)
    if unit == 0:
        return _TENS[tens][:-1] + "ieth"
    return f"{_TENS[tens]}-{_UNITS[unit]}"


def ordinal_figures(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def test_ordinal_helpers():
    assert [ordinal_words(n) for n in (1, 12, 20, 40, 61, 99)] == [
        "first", "twelfth", "twentieth", "fortieth", "sixty-first", "ninety-ninth"]
    assert [ordinal_figures(n) for n in (1, 2, 3, 11, 12, 13, 21, 22, 61)] == [
        "1st", "2nd", "3rd", "11th", "12th", "13th", "21st", "22nd", "61st"]


FILLER = ["further", "relevant", "regional", "cooperation", "international", "efforts", "all",
          "matters", "development", "continued", "work", "the", "of", "in", "related"]


@st.composite
def sessions(draw):
    n = draw(st.integers(1, 99))
    return (f"at its {ordinal_figures(n)} session", f"at its {ordinal_words(n)} session")


# A piece is (original, fixed); a defect is a piece whose two sides differ.
IN_TEXT_DEFECTS = st.one_of(
    sessions(),
    st.just(("on capacity building", "on capacity-building")),
    st.just(("for the Secretary General", "for the Secretary-General")),
    st.just(("in Member Nations", "in Member States")),
    st.just(("for the implementation of this resolution", "for the implementation of the present resolution")),
)
FILLER_WORD = st.sampled_from(FILLER).map(lambda w: (w, w))


@st.composite
def body(draw):
    """One filler word, then filler words and in-text defects in any order (a defect may end the paragraph)."""
    first = draw(FILLER_WORD)
    rest = draw(st.lists(st.one_of(FILLER_WORD, FILLER_WORD, IN_TEXT_DEFECTS), max_size=7))
    return [first, *rest]


@st.composite
def resolutions(draw):
    organ = draw(st.sampled_from(["The General Assembly,", "The Human Rights Council,"]))
    pieces = [(organ + "\n\n", organ + "\n\n")]
    for _ in range(draw(st.integers(1, 3))):
        opener = draw(st.sampled_from(["Recalling", "Noting", "Welcoming", "Reaffirming"]))
        pieces.append((opener, opener))
        pieces += draw(body())
        end = draw(st.sampled_from([",", ",", ";"]))
        pieces += [(end, ","), ("\n\n", "\n\n")]
    count = draw(st.integers(1, 3))
    for number in range(1, count + 1):
        verb = draw(st.sampled_from(["Decides to continue", "Requests the Secretary-General to pursue",
                                     "Encourages States to strengthen", "Invites Member States to support"]))
        # STR009: the only operative paragraph is not numbered; the fix removes "1. ".
        label = f"{number}. "
        pieces += [(label, "" if count == 1 else label), (verb, verb)]
        pieces += draw(body())
        right = "." if number == count else ";"
        end = draw(st.sampled_from([right, right, "." if right == ";" else ";"]))
        pieces += [(end, right), ("\n", "\n")]
    # Words are separated by single spaces; a mark follows its word directly.
    out: list[tuple[str, str]] = []
    for original, fixed in pieces:
        if out and original[:1].isalpha() and not out[-1][0][-1:].isspace():
            out.append((" ", " "))
        out.append((original, fixed))
    return out


def _defect_spans(pieces: list[tuple[str, str]]) -> list[tuple[int, int]]:
    spans, offset = [], 0
    for original, fixed in pieces:
        if original != fixed:
            spans.append((offset, offset + len(original)))
        offset += len(original)
    return spans


def _outside_unchanged(before: str, after: str, edits) -> None:
    """Map the text between the edits from ``before`` into ``after``: it must be there unchanged."""
    shift, prev = 0, 0
    for e in edits:
        assert after[prev + shift:e.span.start + shift] == before[prev:e.span.start]
        assert after[e.span.start + shift:e.span.start + shift + len(e.replacement)] == e.replacement
        shift += len(e.replacement) - (e.span.end - e.span.start)
        prev = e.span.end
    assert after[prev + shift:] == before[prev:]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(resolutions())
def test_fixes_touch_only_the_defects_and_are_idempotent(pieces):
    original = "".join(o for o, _ in pieces)
    expected = "".join(f for _, f in pieces)
    defects = _defect_spans(pieces)

    # One round by hand: every chosen edit lies inside a planted defect.
    source = SourceText("draft.txt", original)
    edits = select_edits(lint_document(parse_source(source), SESSION), unsafe=False)
    for e in edits:
        assert any(start <= e.span.start and e.span.end <= end for start, end in defects), (e, original)
    _outside_unchanged(original, apply_edits(original, edits), edits)

    # The whole fix: exactly the planted corrections, one edit each.
    fixed, count = fix_source(source, SESSION)
    assert fixed == expected, original
    assert count == len(defects)

    # A second application changes nothing.
    assert fix_source(SourceText("draft.txt", fixed), SESSION) == (fixed, 0)
