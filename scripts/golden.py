"""Guard for optimizations: the parse and the findings of every corpus file, as one digest.

    python scripts/golden.py --save /tmp/golden.json    # before a change
    python scripts/golden.py --check /tmp/golden.json   # after: lists every file that differs

A speed-up must not change a single parse or finding; this compares the parse dump
(``checker.dump.document_json``) and each finding's rule, span, address and message.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from checker import sources  # noqa: E402
from checker.dump import document_json  # noqa: E402
from checker.errors import SourceError  # noqa: E402
from checker.pipeline import LintSession, lint_document, locate  # noqa: E402
from checker.parser import parse_source  # noqa: E402
from checker.rules.config import resolve_config  # noqa: E402


def digests(corpus: Path, extra: list[Path]) -> dict[str, dict]:
    session = LintSession.create(resolve_config(ROOT), use_cache=False)
    files = [p for p in sorted(corpus.rglob("*")) if p.is_file() and p.suffix in (".txt", ".docx", ".md")
             and p.name != "SOURCES.md"]
    for folder in extra:
        files += [p for p in sorted(folder.rglob("*")) if p.is_file() and p.suffix in (".txt", ".md", ".docx")]
    out: dict[str, dict] = {}
    for path in files:
        try:
            src = sources.read_path(str(path))
        except SourceError as exc:
            out[str(path)] = {"error": str(exc)}
            continue
        doc = parse_source(src)
        findings = lint_document(doc, session)
        locate(findings, src.text)
        parse = json.dumps(document_json(doc), sort_keys=True, default=str)
        lines = [f"{f.rule} {f.severity} {f.span.start}-{f.span.end} {f.address} {f.line}:{f.column} {f.message}"
                 for f in findings]
        out[str(path)] = {"parse": hashlib.sha256(parse.encode()).hexdigest()[:16], "findings": lines}
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--save", type=Path)
    ap.add_argument("--check", type=Path)
    args = ap.parse_args()
    now = digests(args.corpus, [ROOT / "samples"])
    if args.save:
        args.save.write_text(json.dumps(now, indent=0))
        print(f"saved {len(now)} files to {args.save}")
        return 0
    before = json.loads(args.check.read_text())
    bad = 0
    for path in sorted(set(before) | set(now)):
        a, b = before.get(path), now.get(path)
        if a == b:
            continue
        bad += 1
        print(f"DIFF {path}")
        if a and b and a.get("parse") != b.get("parse"):
            print("  parse differs")
        if a and b:
            for line in sorted(set(a.get("findings", [])) ^ set(b.get("findings", []))):
                print(("  - " if line in a.get("findings", []) else "  + ") + line[:200])
    print(f"{len(now)} files, {bad} differ")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
