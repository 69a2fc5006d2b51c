"""Time spent in each rule over a corpus, in one process (a profile aid, not a benchmark).

    .venv/bin/python scripts/rule_times.py [--corpus ../shared/corpus] [--top 30]

A rule's time includes whatever it is the first to need: the resolve stage's
citations, acronyms and references are linked lazily, so the first rule that
reads them pays for them. ``bench/run.py`` gives the per-stage split.
"""

from __future__ import annotations

import argparse
import collections
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    ap.add_argument("--top", type=int, default=30)
    args = ap.parse_args(argv)

    from checker import sources
    from checker.pipeline import LintSession, lint_many
    from checker.rules import engine
    from checker.rules.config import resolve_config

    spent: collections.Counter = collections.Counter()
    run_rule = engine.run_rule

    def timed(rule, *a, **k):
        start = time.perf_counter()
        try:
            return run_rule(rule, *a, **k)
        finally:
            spent[rule.code] += time.perf_counter() - start

    engine.run_rule = timed  # engine.lint looks the name up at each call
    session = LintSession.create(resolve_config(ROOT), use_cache=False)
    files = list(sources.iter_files([args.corpus], []))
    start = time.perf_counter()
    for _ in lint_many(files, session, 1, [], None, None):
        pass
    total = time.perf_counter() - start
    rules = sum(spent.values())
    print(f"{len(files)} files in {total:.3f} s; rules {rules:.3f} s ({rules / total:.0%})")
    for code, seconds in spent.most_common(args.top):
        print(f"  {code}  {seconds * 1000:7.1f} ms")


if __name__ == "__main__":
    main()
