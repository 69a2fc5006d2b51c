#!/usr/bin/env python3
"""Recall of the rule pack on the planted defects of ``samples/defects/``.

    .venv/bin/python scripts/recall.py            # table: recall per family, misses, trap alarms
    .venv/bin/python scripts/recall.py --json     # the same numbers as JSON

``samples/defects/MANIFEST.yaml`` lists every planted defect (file, family,
address, line) and every correct "trap" clause written beside them. The script
runs ``reslint check --format json samples/defects`` and

* matches each defect to a finding of the same family (the letters of the rule
  code: ``CIT004`` -> CIT) on the same line, within one line, or at the same
  address; a finding is used for one defect only (so two defects on one line need
  two findings). Parser codes count for the structure family (``PRS001``, a
  missing authoring line, is a STR defect);
* counts a false alarm when a finding of a trap's family that matched no defect
  sits on the trap's line, or at the trap's address when no defect of that family
  shares the address.

tests/test_samples.py uses the same functions.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
DEFECTS = SAMPLES / "defects"
MANIFEST = DEFECTS / "MANIFEST.yaml"
FAMILIES = ("CON", "CIT", "TRM", "SES", "STR")
ALIASES = {"PRS": "STR"}  # parser-reported structure problems


def reslint_command() -> list[str]:
    """The reslint entry point of the running interpreter's environment."""
    here = Path(sys.executable).parent
    for name in ("reslint", "reslint.exe"):
        if (here / name).exists():
            return [str(here / name)]
    found = shutil.which("reslint")
    if found:
        return [found]
    return [sys.executable, "-c", "import sys; from checker.cli import main; sys.exit(main())"]


def run_reslint(*args: str) -> dict:
    proc = subprocess.run(reslint_command() + list(args), cwd=ROOT, capture_output=True, text=True)
    if not proc.stdout.strip():
        raise RuntimeError(f"reslint {' '.join(args)} printed nothing (exit {proc.returncode}): {proc.stderr}")
    return json.loads(proc.stdout)


def family_of(code: str) -> str:
    prefix = re.match(r"[A-Z]+", code or "")
    letters = prefix.group(0) if prefix else ""
    return ALIASES.get(letters, letters)


def load_manifest(path: Path = MANIFEST) -> dict:
    from ruamel.yaml import YAML

    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def rule_count() -> int:
    """Number of pack rules in the five families (built-in PRS/ENG/SUP codes excluded)."""
    proc = subprocess.run(reslint_command() + ["rules"], cwd=ROOT, capture_output=True, text=True)
    codes = [line.split()[0] for line in proc.stdout.splitlines()[1:] if line.strip()]
    return sum(1 for c in codes if re.match(r"[A-Z]+", c) and re.match(r"[A-Z]+", c).group(0) in FAMILIES)


@dataclass
class Result:
    matched: list[tuple[dict, dict]] = field(default_factory=list)
    missed: list[dict] = field(default_factory=list)
    alarms: list[tuple[dict, dict]] = field(default_factory=list)
    findings: int = 0

    def recall(self, family: Optional[str] = None) -> float:
        hit = sum(1 for d, _ in self.matched if family in (None, d["family"]))
        total = hit + sum(1 for d in self.missed if family in (None, d["family"]))
        return hit / total if total else 1.0

    def counts(self, family: Optional[str] = None) -> tuple[int, int]:
        hit = sum(1 for d, _ in self.matched if family in (None, d["family"]))
        total = hit + sum(1 for d in self.missed if family in (None, d["family"]))
        return hit, total


def findings_by_file(report: dict) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for entry in report["files"]:
        out[Path(entry["path"]).name] = list(entry.get("findings") or [])
    return out


def evaluate(manifest: dict, report: dict) -> Result:
    by_file = findings_by_file(report)
    result = Result(findings=sum(len(v) for v in by_file.values()))
    used: set[int] = set()
    # three passes so that an exact-line match is never stolen by a looser one
    pending = list(manifest["defects"])
    matches: dict[int, dict] = {}
    for tier in ("line", "near", "address"):
        for i, d in enumerate(pending):
            if i in matches:
                continue
            for f in by_file.get(d["file"], []):
                if id(f) in used or family_of(f["rule"]) != d["family"]:
                    continue
                ok = (
                    (tier == "line" and f["line"] == d["line"])
                    or (tier == "near" and abs(f["line"] - d["line"]) <= 1)
                    or (tier == "address" and f.get("address") == d["address"])
                )
                if ok:
                    used.add(id(f))
                    matches[i] = f
                    break
    for i, d in enumerate(pending):
        if i in matches:
            result.matched.append((d, matches[i]))
        else:
            result.missed.append(d)
    defect_addresses = {(d["file"], d["family"], d["address"]) for d in manifest["defects"]}
    for t in manifest.get("traps", []):
        by_address = (t["file"], t["family"], t["address"]) not in defect_addresses
        for f in by_file.get(t["file"], []):
            if id(f) in used or family_of(f["rule"]) != t["family"]:
                continue
            if f["line"] == t["line"] or (by_address and f.get("address") == t["address"]):
                result.alarms.append((t, f))
    return result


def table(result: Result) -> str:
    lines = ["family  found/planted  recall"]
    for fam in FAMILIES:
        hit, total = result.counts(fam)
        lines.append(f"{fam:<7} {hit:>5}/{total:<7}  {result.recall(fam):6.1%}")
    hit, total = result.counts()
    lines.append(f"{'ALL':<7} {hit:>5}/{total:<7}  {result.recall():6.1%}")
    lines.append("")
    lines.append(f"missed defects ({len(result.missed)}):")
    for d in result.missed:
        lines.append(f"  {d['family']} {d['file']}:{d['line']} [{d['address']}] {d['description']}")
    lines.append("")
    lines.append(f"false alarms on traps ({len(result.alarms)}):")
    for t, f in result.alarms:
        lines.append(f"  {t['file']}:{t['line']} [{t['address']}] {f['rule']} {f['severity']}: {f['message']}"
                     f"  (trap: {t['description']})")
    return "\n".join(lines)


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the numbers as JSON")
    args = parser.parse_args(argv)
    manifest = load_manifest()
    report = run_reslint("check", "--format", "json", "--no-cache", "--exit-zero", str(DEFECTS))
    result = evaluate(manifest, report)
    if args.json:
        print(json.dumps({
            "rules": rule_count(),
            "recall": result.recall(),
            "per_family": {fam: {"found": result.counts(fam)[0], "planted": result.counts(fam)[1]} for fam in FAMILIES},
            "missed": result.missed,
            "false_alarms": [{"trap": t, "finding": f} for t, f in result.alarms],
        }, indent=2, ensure_ascii=False))
    else:
        print(f"rules in the pack: {rule_count()}; findings on samples/defects: {result.findings}")
        print(table(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
