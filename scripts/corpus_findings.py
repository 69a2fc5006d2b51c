"""Count findings per rule and severity over the real corpus (false-alarm triage).

    python scripts/corpus_findings.py [--corpus ../shared/corpus] [--errors]
"""

from __future__ import annotations

import argparse
import collections
from pathlib import Path

from checker.pipeline import LintSession, lint_path
from checker.rules.config import resolve_config


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=str(Path(__file__).resolve().parents[2] / "shared" / "corpus"))
    ap.add_argument("--errors", action="store_true", help="list every error-level finding")
    args = ap.parse_args()
    session = LintSession.create(resolve_config(Path(".")), use_cache=False)
    for group in ("resolutions", "drafts"):
        files = sorted((Path(args.corpus) / "real" / group).glob("*.txt"))
        counts: collections.Counter = collections.Counter()
        errors = []
        for p in files:
            result, _ = lint_path(str(p), session)
            for f in result.findings:
                counts[(f.rule, f.severity)] += 1
                if f.severity == "error":
                    errors.append((p.name, f.rule, f.address, f.line, f.message[:110]))
        n_err = sum(v for (r, s), v in counts.items() if s == "error")
        print(f"{group}: {len(files)} files, {n_err} errors = {n_err / max(len(files), 1):.3f} per file")
        for (rule, sev), v in sorted(counts.items()):
            print(f"   {rule} {sev:<8} {v}")
        if args.errors:
            for e in errors:
                print("   ", *e)


if __name__ == "__main__":
    main()
