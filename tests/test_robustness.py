"""Hostile inputs through the real command line.

Each case runs ``reslint check`` in a subprocess and expects either one clear
line and exit code 2 (unreadable input, bad rules), or an ordinary lint
result (exit 0/1) when the file is readable; never a traceback, never a hang.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BAD_RULES = ROOT / "tests" / "fixtures" / "rules_bad"
_BIN = Path(sys.executable).parent / "reslint"
RESLINT = [str(_BIN)] if _BIN.exists() else [sys.executable, "-m", "checker.cli"]

DRAFT = (
    "The General Assembly,\n\n"
    "Recalling its resolution 60/251 of 15 March 2006,\n\n"
    "1. Decides to remain seized of the matter.\n"
)


def run(*args: str, timeout: float = 60, cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env["RESLINT_NO_CACHE"] = "1"
    env.pop("CI", None)
    proc = subprocess.run(RESLINT + ["check", "--no-cache", *args], capture_output=True, text=True,
                          timeout=timeout, env=env, cwd=cwd, errors="replace")
    out = proc.stdout + proc.stderr
    assert "Traceback" not in out, out[-3000:]
    return proc


def one_error_line(proc: subprocess.CompletedProcess, *needles: str) -> str:
    """Exit 2 and the reason on one line naming the problem."""
    assert proc.returncode == 2, (proc.returncode, proc.stdout[-2000:], proc.stderr[-2000:])
    out = proc.stdout + proc.stderr
    lines = [ln for ln in out.splitlines() if any(n.lower() in ln.lower() for n in needles)]
    assert lines, out[-2000:]
    return lines[0]


def lints(proc: subprocess.CompletedProcess) -> None:
    assert proc.returncode in (0, 1), (proc.returncode, proc.stdout[-2000:], proc.stderr[-2000:])


# -- paths -----------------------------------------------------------------------------


def test_missing_path(tmp_path):
    one_error_line(run(str(tmp_path / "nope.txt")), "no such file")


def test_directory_with_unreadable_file(tmp_path):
    (tmp_path / "good.txt").write_text(DRAFT, encoding="utf-8")
    bad = tmp_path / "bad.txt"
    if os.geteuid() == 0:
        # root reads a chmod 000 file anyway: a dangling symlink is unreadable for everyone
        bad.symlink_to(tmp_path / "missing-target.txt")
        needle = "no such file"
    else:
        bad.write_text(DRAFT, encoding="utf-8")
        bad.chmod(0)
        needle = "permission denied"
    try:
        proc = run(str(tmp_path))
        line = one_error_line(proc, needle)
        assert "bad.txt" in line
        assert "good.txt" in proc.stdout + proc.stderr  # the readable file is still linted
    finally:
        if bad.exists() and not bad.is_symlink():
            bad.chmod(0o644)


def test_binary_file(tmp_path):
    f = tmp_path / "image.txt"
    f.write_bytes(bytes(range(256)) * 64)
    one_error_line(run(str(f)), "binary", "not valid")


def test_program_file_is_binary_not_utf16(tmp_path):
    # An executable's header has NULs in both bytes of a pair and control bytes between:
    # it was reported as "UTF-16 without a byte-order mark".
    f = tmp_path / "program.txt"
    header = (b'\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x03\x00>\x00\x01\x00\x00\x00'
              b'\xd0a\x00\x00\x00\x00\x00\x00@\x00\x00\x00\x00\x00\x00\x00pG\x02\x00\x00\x00\x00\x00'
              b'\x00\x00\x00\x00@\x008\x00\r\x00@\x00\x1f\x00\x1e\x00\x06\x00\x00\x00\x04\x00\x00\x00'
              b'@\x00\x00\x00\x00\x00\x00\x00@\x00\x00\x00\x00\x00\x00\x00@\x00\x00\x00\x00\x00\x00\x00'
              b'\xd8\x02\x00\x00\x00\x00\x00\x00\xd8\x02\x00\x00\x00\x00\x00\x00\x08\x00\x00\x00\x00\x00\x00\x00'
              b'\x03\x00\x00\x00\x04\x00\x00\x00\x18\x03\x00\x00\x00\x00\x00\x00\x18\x03\x00\x00\x00\x00\x00\x00'
              b'\x18\x03\x00\x00\x00\x00\x00\x00\x1c\x00\x00\x00\x00\x00\x00\x00')  # an x86-64 executable's first bytes
    f.write_bytes(header)
    line = one_error_line(run(str(f)), "binary")
    assert "utf-16" not in line.lower()


def test_zip_named_txt(tmp_path):
    f = tmp_path / "draft.txt"
    f.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    one_error_line(run(str(f)), "zip")


def test_empty_file(tmp_path):
    f = tmp_path / "empty.txt"
    f.write_bytes(b"")
    one_error_line(run(str(f)), "empty")


def test_whitespace_only_file(tmp_path):
    f = tmp_path / "blank.txt"
    f.write_text(" \n\n\t\r\n", encoding="utf-8")
    one_error_line(run(str(f)), "empty")


def test_utf16_with_bom_is_linted(tmp_path):
    f = tmp_path / "utf16.txt"
    f.write_bytes(DRAFT.encode("utf-16"))  # with BOM
    proc = run("--format", "json", str(f))
    lints(proc)
    assert "utf16.txt" in proc.stdout


def test_utf16_be_with_bom_is_linted(tmp_path):
    f = tmp_path / "utf16be.txt"
    f.write_bytes(b"\xfe\xff" + DRAFT.encode("utf-16-be"))
    lints(run(str(f)))


def test_utf16_without_bom(tmp_path):
    f = tmp_path / "utf16.txt"
    f.write_bytes(DRAFT.encode("utf-16-le"))
    one_error_line(run(str(f)), "utf-16")


def test_invalid_utf8(tmp_path):
    f = tmp_path / "latin1.txt"
    f.write_bytes(DRAFT.replace("Assembly", "Assembl\xe9e").encode("latin-1"))
    line = one_error_line(run(str(f)), "utf-8")
    assert "0xe9" in line


def test_nul_bytes(tmp_path):
    f = tmp_path / "nul.txt"
    f.write_bytes(DRAFT.encode() + b"\x00\x00" + DRAFT.encode())
    one_error_line(run(str(f)), "nul", "binary")


def test_nul_in_the_middle_of_a_large_file(tmp_path):
    # past the first and last 64 KiB that decode() samples: caught after decoding
    body = (DRAFT * 2000).encode()
    f = tmp_path / "nul-middle.txt"
    f.write_bytes(body[: len(body) // 2] + b"\x00" + body[len(body) // 2:])
    one_error_line(run(str(f)), "nul", "binary")


def test_file_over_the_size_limit(tmp_path):
    f = tmp_path / "huge.txt"
    with open(f, "wb") as fh:  # sparse: instant, no disk use
        fh.write(DRAFT.encode())
        fh.truncate(50 * 1024 * 1024)
    t0 = time.monotonic()
    line = one_error_line(run(str(f)), "limit")
    assert "MB" in line
    assert time.monotonic() - t0 < 20  # refused from the size, not read


def test_stdin_over_the_size_limit():
    env = dict(os.environ, RESLINT_NO_CACHE="1")
    proc = subprocess.run(RESLINT + ["check", "-"], input=b"a" * (21 * 1024 * 1024), capture_output=True,
                          timeout=60, env=env)
    out = (proc.stdout + proc.stderr).decode("utf-8", "replace")
    assert "Traceback" not in out
    assert proc.returncode == 2 and "limit" in out


def test_one_five_megabyte_line(tmp_path):
    f = tmp_path / "oneline.txt"
    words = "Recalling its resolution 60/251 of 15 March 2006, "
    f.write_text("The General Assembly, " + words * (5 * 1024 * 1024 // len(words)), encoding="utf-8")
    t0 = time.monotonic()
    proc = run("--format", "concise", str(f), timeout=60)
    elapsed = time.monotonic() - t0
    assert proc.returncode in (0, 1, 2), proc.stderr[-2000:]
    if proc.returncode == 2:  # allowed only as a one-line refusal
        assert len(proc.stderr.strip().splitlines()) <= 2, proc.stderr[-2000:]
    assert elapsed < 45, f"5 MB line took {elapsed:.1f} s"


@pytest.mark.slow
def test_ten_thousand_nested_labels(tmp_path):
    f = tmp_path / "nested.txt"
    labels = ["(a)", "(i)", "(a)", "(ii)", "(b)", "(iii)"]
    body = "\n".join(f"{labels[k % len(labels)]} item {k};" for k in range(10_000))
    f.write_text("The General Assembly,\n\n1. Decides that:\n" + body + "\n", encoding="utf-8")
    t0 = time.monotonic()
    proc = run("--format", "concise", str(f))
    assert proc.returncode in (0, 1), proc.stderr[-2000:]
    assert time.monotonic() - t0 < 45


def test_ten_thousand_labels_on_one_line(tmp_path):
    f = tmp_path / "nested-line.txt"
    f.write_text("The General Assembly,\n\n1. Decides " + "(a) (i) " * 10_000 + ";\n", encoding="utf-8")
    lints(run("--format", "concise", str(f)))


def test_readable_non_resolution_is_a_finding(tmp_path):
    f = tmp_path / "report.txt"
    f.write_text("I. Introduction\n\n1. The present report is submitted pursuant to resolution 37/23.\n",
                 encoding="utf-8")
    proc = run("--format", "concise", str(f))
    lints(proc)
    assert "PRS003" in proc.stdout


def test_control_characters_and_form_feeds(tmp_path):
    f = tmp_path / "ctrl.txt"
    f.write_text(DRAFT.replace("\n", "\f\r\n\x0b") + "\x1b[31m\u2028\x85\ufeff", encoding="utf-8")
    lints(run("--format", "concise", str(f)))


# -- rules -------------------------------------------------------------------------------


def test_broken_rule_file(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text("rules:\n  - code: TST001\n    name: [unclosed\n", encoding="utf-8")
    line = one_error_line(run("--rules", str(bad), str(draft)), "bad.yaml")
    assert ":" in line


def test_tabs_in_rule_file(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    one_error_line(run("--rules", str(BAD_RULES / "tabs.yaml"), str(draft)), "tabs.yaml")


@pytest.mark.parametrize("name", ["wrong_type.yaml", "bad_severity.yaml", "unknown_kind.yaml", "missing_message.yaml",
                                  "invalid_regex.yaml", "bad_code.yaml", "catastrophic.yaml"])
def test_schema_invalid_rule(tmp_path, name):
    if not (BAD_RULES / name).exists():
        pytest.skip(f"fixture {name} absent")
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    one_error_line(run("--rules", str(BAD_RULES / name), str(draft)), name)


def test_python_tag_in_rule_file(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    marker = Path("/tmp/reslint-PWNED")
    if marker.exists():
        marker.unlink()
    one_error_line(run("--rules", str(BAD_RULES / "python_tag.yaml"), str(draft)), "python_tag.yaml")
    assert not marker.exists(), "a !!python tag in a rule file ran code"


def test_rule_file_not_utf8(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    bad = tmp_path / "latin.yaml"
    bad.write_bytes("rules:\n  - code: TST001\n    name: caf\xe9\n".encode("latin-1"))
    one_error_line(run("--rules", str(bad), str(draft)), "latin.yaml")


def test_missing_rule_file(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    one_error_line(run("--rules", str(tmp_path / "nope.yaml"), str(draft)), "nope.yaml")


def test_rule_folder_unaffected_by_cache_dir_junk(tmp_path):
    """A corrupted cache entry is ignored, never a crash."""
    cache = tmp_path / "cache"
    (cache / "results").mkdir(parents=True)
    (cache / "results" / "junk.pickle").write_bytes(b"not a pickle")
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    env = dict(os.environ, RESLINT_CACHE_DIR=str(cache))
    proc = subprocess.run(RESLINT + ["check", str(draft)], capture_output=True, text=True, timeout=60, env=env)
    assert "Traceback" not in proc.stdout + proc.stderr
    assert proc.returncode in (0, 1)
    shutil.rmtree(cache, ignore_errors=True)
