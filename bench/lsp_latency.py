"""Language-server re-lint latency after a one-character edit on a ~50 KB draft.

Calls the server's internal lint function (``checker.lsp.lint_text``: parse,
lint, findings -> LSP diagnostics with UTF-16 positions) in process, no
stdio, N times, each time after typing one more character into an operative
paragraph. ``main()`` returns ``{"median_ms", "min_ms", "max_ms", ...}``.

    .venv/bin/python bench/lsp_latency.py [--runs 30] [--size 50000]
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SEEDS = ("samples/defects/ga-c3-right-to-development.txt", "samples/ga-resolution-wrapped.txt",
         "samples/clean/ga-resolution-national-institutions.txt")
_LABEL = re.compile(r"^\s*\d+\s*\.\s*")


def build_draft(session, target_chars: int = 50_000) -> str:
    """A draft of about ``target_chars``: a seed's header, then its paragraphs repeated (OPs renumbered)."""
    from checker.lsp import lint_text

    for seed in SEEDS:
        path = ROOT / seed
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        doc = lint_text(text, str(path), session).doc
        if doc is None or not doc.preamble or not doc.operative:
            continue
        head = text[:doc.preamble[0].span.start]
        pps = [text[p.span.start:p.span.end].strip() for p in doc.preamble]
        ops = [_LABEL.sub("", text[p.span.start:p.span.end].strip()) for p in doc.operative]
        break
    else:  # no usable seed: a built-in one
        head = "The General Assembly,\n\n"
        pps = ["Recalling its resolution 60/251 of 15 March 2006,",
               "Noting with appreciation the report of the Secretary-General,"]
        ops = ["Calls upon all Member States to cooperate fully with the Special Rapporteur;",
               "Requests the Secretary-General to report on the implementation of the present resolution;"]
    parts = [head.rstrip("\n") + "\n\n"]
    size = len(parts[0])
    # preamble: about a third of the text. Every copy of a paragraph gets words of its own,
    # so that no cache keyed by a paragraph's text can serve a repeated paragraph within
    # one run (real drafts do not repeat themselves); caches across runs still count.
    i = 0
    while size < target_chars // 3:
        para = _unique(pps[i % len(pps)], i) + "\n\n"
        parts.append(para)
        size += len(para)
        i += 1
    number = 0
    while size < target_chars:
        number += 1
        para = f"{number}. {_unique(ops[(number - 1) % len(ops)], number)}\n\n"
        parts.append(para)
        size += len(para)
    parts.append(f"{number + 1}. Decides to remain seized of the matter.\n")
    return "".join(parts)


_WORDS = ("regional", "national", "local", "global", "subregional", "interregional", "municipal", "federal")


def _unique(paragraph: str, n: int) -> str:
    """``paragraph`` with a phrase of its own before its final punctuation."""
    body, mark = (paragraph[:-1], paragraph[-1]) if paragraph[-1:] in ",;." else (paragraph, "")
    words = " ".join(_WORDS[(n >> (3 * k)) % 8] for k in range(3))
    return f"{body}, at the {words} levels{mark}"


def measure(runs: int = 30, size: int = 50_000, verbose: bool = True) -> dict:
    from checker.lsp import lint_text
    from checker.pipeline import LintSession
    from checker.rules.config import resolve_config

    session = LintSession.create(resolve_config(ROOT))
    text = build_draft(session, size)
    path = str(ROOT / "bench" / "lsp-latency-draft.txt")
    warm = lint_text(text, path, session)  # warm-up: compiled patterns, caches
    # Edit points: just after the label of successive operative paragraphs.
    doc = warm.doc
    points = [p.span.start + p.body_start for p in doc.operative] if doc is not None and doc.operative else [len(text) // 2]
    times = []
    diagnostics = len(warm.diagnostics)
    for i in range(runs):
        at = points[(i * 7) % len(points)]
        text = text[:at] + "x" + text[at:]  # one character typed
        t0 = time.perf_counter()
        state = lint_text(text, path, session)
        times.append((time.perf_counter() - t0) * 1000.0)
        diagnostics = len(state.diagnostics)
    result = {
        "median_ms": round(statistics.median(times), 2),
        "min_ms": round(min(times), 2),
        "max_ms": round(max(times), 2),
        "runs": runs,
        "chars": len(text),
        "diagnostics": diagnostics,
    }
    if verbose:
        print(f"lsp re-lint after a one-character edit, {len(text) / 1000:.1f} KB draft, "
              f"{diagnostics} diagnostics, {runs} runs: median {result['median_ms']:.1f} ms "
              f"(min {result['min_ms']:.1f} – max {result['max_ms']:.1f} ms)")
    return result


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--size", type=int, default=50_000, help="approximate draft size in characters")
    args = parser.parse_args([] if argv is None else argv)
    return measure(args.runs, args.size)


if __name__ == "__main__":
    main(sys.argv[1:])
