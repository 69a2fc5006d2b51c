"""Regressions found by fuzzing and the robustness matrix.

Each test names what broke. Time bounds here are hang guards, far above the
measured times; speed itself is measured in bench/run.py.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from checker.parser import parse_text

ROOT = Path(__file__).resolve().parents[1]
_LABELS = ["(a)", "(i)", "(a)", "(ii)", "(b)", "(iii)"]


def _nested(n: int) -> str:
    body = "\n".join(f"{_LABELS[k % len(_LABELS)]} item {k};" for k in range(n))
    return "The General Assembly,\n\n1. Decides that:\n" + body + "\n"


def test_many_subparagraphs_parse_without_blowing_up():
    """Was quadratic (normalize._sub_map copied the paragraph map for each sub-paragraph).

    A hang guard, not a speed measure (growth is measured in bench/run.py): 2,000
    sub-paragraphs parse in well under the bound."""
    t0 = time.perf_counter()
    doc = parse_text(_nested(2000))
    assert sum(1 for _ in doc.operative[0].all_subparagraphs()) > 1000
    assert time.perf_counter() - t0 < 5.0


def test_many_subparagraphs_lint_in_reasonable_time():
    """Was quadratic (consent._enclosing_leads walked every sub-paragraph tree per sub-paragraph); a hang guard."""
    from checker.pipeline import LintSession, lint_source
    from checker.rules.config import resolve_config
    from checker.sources import SourceText

    session = LintSession.create(resolve_config(ROOT))
    text = _nested(2000)
    t0 = time.perf_counter()
    lint_source(SourceText("nested.txt", text), session)
    assert time.perf_counter() - t0 < 5.0


def test_footnote_block_with_superscript_labels_after_an_unfinished_note():
    """Fuzzing (100,000 inputs, seed 3407): the wrapped-note test compared labels with int(),
    and "¹".isdigit() is true while int("¹") fails (ValueError in normalize._footnote_block)."""
    doc = parse_text("The General Assembly,\n\nRecalling its resolution 60/1,\u00b9\n\n"
                     "1. Decides to remain seized of the matter.\n\n__________________\n\n"
                     "1 See the report of the Secretary-General on the question\n"
                     "\u00b9 See A/HRC/55/2.\n")
    assert [p.number for p in doc.operative] == [1]
