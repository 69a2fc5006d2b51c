#!/usr/bin/env python3
"""Score reslint against the held-out set in samples/holdout/.

The manifest (samples/holdout/MANIFEST.yaml) lists planted defects and correct
"traps".  reslint is used as a black box: each file is linted with
``reslint check --format json`` and the findings are matched by family (the
letter prefix of the rule code: CON, CIT, TRM, SES, STR ...) and location.

Matching rules
--------------
* A defect is *found* when a finding of the defect's family starts or ends on
  a line of the blank-line-delimited paragraph that contains the defect's
  ``line`` (or one of its ``also_lines``).
* A trap is *falsely flagged* when a finding of the trap's family (or of any
  family when the trap's family is ``ANY``) lies in the paragraph of the trap's
  line(s), unless a planted defect of that same family lies in that paragraph
  (the finding is then credited to the defect).
* ``incidental`` entries are defects planted unintentionally (noticed while
  scoring); they are matched like defects but reported apart from recall.
* Every other finding is *unexpected*: either a defect planted by accident or
  a false alarm; they are listed for manual review.

Usage::

    python scripts/holdout.py            # text report
    python scripts/holdout.py --json     # machine-readable report
    python scripts/holdout.py --reslint /path/to/reslint

Only the standard library is required (PyYAML is used if installed).
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOLDOUT = ROOT / "samples" / "holdout"
MANIFEST = HOLDOUT / "MANIFEST.yaml"
FAMILIES = ["CON", "CIT", "TRM", "SES", "STR"]


# --------------------------------------------------------------------------- manifest
def _scalar(text: str):
    text = text.strip()
    if text.startswith('"'):
        return json.loads(text)
    if text.startswith("[") and text.endswith("]"):
        inner = text[1:-1].strip()
        return [_scalar(x) for x in inner.split(",")] if inner else []
    if re.fullmatch(r"-?\d+", text):
        return int(text)
    return text


def load_manifest(path: Path) -> list[dict]:
    raw = path.read_text(encoding="utf-8")
    try:  # pragma: no cover - optional dependency
        import yaml  # type: ignore

        return yaml.safe_load(raw)["entries"]
    except ImportError:
        pass
    # Minimal parser for the flat "entries: - key: value" layout used here.
    entries: list[dict] = []
    cur: dict | None = None
    for line in raw.splitlines():
        if not line.strip() or line.lstrip().startswith("#") or line.startswith("entries:"):
            continue
        m = re.match(r"^\s*(-\s+)?([A-Za-z_]+):\s*(.*)$", line)
        if not m:
            raise ValueError(f"cannot parse manifest line: {line!r}")
        if m.group(1):
            cur = {}
            entries.append(cur)
        assert cur is not None
        cur[m.group(2)] = _scalar(m.group(3))
    return entries


# --------------------------------------------------------------------------- helpers
_ENDS = re.compile(r"[.,;:]\s*[\u00b9\u00b2\u00b3\u2070-\u2079\d]{0,2}\s*$")


def paragraph_spans(text: str) -> dict[int, tuple[int, int]]:
    """Map each 1-based line number to the (first, last) line of its paragraph.

    Paragraphs are blank-line-delimited blocks, split again where a line ends a
    sentence (",", ";", "." ...): in a text with one paragraph per line and no blank
    lines, a whole block is not one paragraph (that would credit any finding in the
    block to every defect in it). A wrapped line that happens to end with a comma is
    split too, which can only make the score stricter."""
    lines = text.split("\n")
    spans: dict[int, tuple[int, int]] = {}
    i = 0
    while i < len(lines):
        if not lines[i].strip():
            spans[i + 1] = (i + 1, i + 1)
            i += 1
            continue
        j = i
        while j + 1 < len(lines) and lines[j + 1].strip() and not _ENDS.search(lines[j]):
            j += 1
        for k in range(i, j + 1):
            spans[k + 1] = (i + 1, j + 1)
        i = j + 1
    return spans


def family_of(rule: str) -> str:
    m = re.match(r"[A-Za-z]+", rule or "")
    return m.group(0).upper() if m else "?"


def find_reslint(explicit: str | None) -> list[str]:
    if explicit:
        return [explicit]
    venv = ROOT / ".venv" / "bin" / "reslint"
    if venv.exists():
        return [str(venv)]
    found = shutil.which("reslint")
    if found:
        return [found]
    return [sys.executable, "-m", "checker"]


def run_reslint(cmd: list[str], path: Path) -> list[dict]:
    proc = subprocess.run(
        cmd + ["check", "--format", "json", "--no-cache", "--exit-zero", str(path)],
        capture_output=True, text=True, cwd=str(ROOT),
    )
    try:
        data = json.loads(proc.stdout)
    except json.JSONDecodeError:
        raise SystemExit(f"reslint produced no JSON for {path}:\n{proc.stdout}\n{proc.stderr}")
    findings: list[dict] = []
    for f in data.get("files", []):
        if f.get("error"):
            print(f"warning: reslint error on {path}: {f['error']}", file=sys.stderr)
        findings.extend(f.get("findings", []))
    return findings


# --------------------------------------------------------------------------- scoring
def score(entries: list[dict], cmd: list[str], base: Path = HOLDOUT) -> dict:
    by_file: dict[str, list[dict]] = defaultdict(list)
    for e in entries:
        by_file[e["file"]].append(e)

    result = {"defects": [], "incidental": [], "traps": [], "unexpected": [], "snippet_errors": []}
    for fname, items in sorted(by_file.items()):
        path = base / fname
        text = path.read_text(encoding="utf-8")
        lines = text.split("\n")
        spans = paragraph_spans(text)
        findings = run_reslint(cmd, path)
        for fd in findings:
            fd["_family"] = family_of(fd.get("rule", ""))
            start = fd.get("line") or 0
            end = fd.get("end_line") or start
            fd["_lines"] = set(range(start, end + 1))
            fd["_used"] = False

        def region(e: dict) -> set[int]:
            out: set[int] = set()
            for ln in [e["line"]] + list(e.get("also_lines") or []):
                a, b = spans.get(ln, (ln, ln))
                out.update(range(a, b + 1))
            return out

        for e in items:
            if e["snippet"] not in lines[e["line"] - 1]:
                result["snippet_errors"].append(f"{fname}:{e['line']}: snippet not on line: {e['snippet']!r}")

        defects = [e for e in items if e["kind"] == "defect"]
        incidental = [e for e in items if e["kind"] == "incidental"]
        traps = [e for e in items if e["kind"] == "trap"]

        # defects first (then incidental ones): every matching finding is credited to them
        for e in defects + incidental:
            reg = region(e)
            hits = [fd for fd in findings if fd["_family"] == e["family"] and fd["_lines"] & reg]
            other = [fd for fd in findings if fd["_family"] != e["family"] and fd["_lines"] & reg]
            for fd in hits:
                fd["_used"] = True
            result["defects" if e["kind"] == "defect" else "incidental"].append({**e, "found": bool(hits),
                                      "hits": [_brief(fd) for fd in hits],
                                      "other_family": [_brief(fd) for fd in other],
                                      "text": lines[e["line"] - 1].strip()})
        for e in traps:
            reg = region(e)
            fam = e["family"]
            bad = [fd for fd in findings
                   if (fam == "ANY" or fd["_family"] == fam) and fd["_lines"] & reg and not fd["_used"]]
            for fd in bad:
                fd["_used"] = True
                fd["_trap"] = e["id"]
            result["traps"].append({**e, "false_alarm": bool(bad), "hits": [_brief(fd) for fd in bad],
                                    "text": lines[e["line"] - 1].strip()})
        for fd in findings:
            if not fd["_used"]:
                ln = fd.get("line") or 0
                result["unexpected"].append({"file": fname, **_brief(fd),
                                             "text": lines[ln - 1].strip() if 0 < ln <= len(lines) else ""})
    return result


def _brief(fd: dict) -> dict:
    return {"rule": fd.get("rule"), "severity": fd.get("severity"), "line": fd.get("line"),
            "address": fd.get("address"), "message": fd.get("message"), "excerpt": fd.get("excerpt")}


def report(res: dict) -> str:
    out: list[str] = []
    fams = FAMILIES + sorted({d["family"] for d in res["defects"]} - set(FAMILIES))
    out.append("Recall per family")
    out.append(f"  {'family':<8}{'planted':>8}{'found':>8}{'recall':>9}")
    tot_p = tot_f = 0
    for fam in fams:
        ds = [d for d in res["defects"] if d["family"] == fam]
        if not ds:
            continue
        f = sum(d["found"] for d in ds)
        tot_p += len(ds)
        tot_f += f
        out.append(f"  {fam:<8}{len(ds):>8}{f:>8}{f / len(ds):>9.0%}")
    out.append(f"  {'total':<8}{tot_p:>8}{tot_f:>8}{(tot_f / tot_p if tot_p else 0):>9.0%}")
    traps = res["traps"]
    fa = [t for t in traps if t["false_alarm"]]
    out.append(f"\nTraps: {len(traps)}, falsely flagged: {len(fa)}")
    out.append(f"Unexpected findings: {len(res['unexpected'])}")

    out.append("\nMissed defects")
    for d in res["defects"]:
        if not d["found"]:
            note = ""
            if d["other_family"]:
                note = "  [other-family finding on paragraph: " + ", ".join(
                    f"{h['rule']}@{h['line']}" for h in d["other_family"]) + "]"
            out.append(f"  {d['id']} {d['file']}:{d['line']} {d['family']}: {d['description']}{note}")
            out.append(f"      text: {d['text']}")
    out.append("\nFalse alarms on traps")
    for t in fa:
        for h in t["hits"]:
            out.append(f"  {t['id']} {t['file']}:{h['line']} {h['rule']} ({h['severity']}): {h['message']}")
        out.append(f"      trap: {t['description']}")
        out.append(f"      text: {t['text']}")
    out.append("\nIncidental defects (planted unintentionally; not in the recall table)")
    for d in res["incidental"]:
        state = "found" if d["found"] else "MISSED"
        rules = ", ".join(f"{h['rule']}@{h['line']}" for h in d["hits"])
        out.append(f"  {d['id']} {d['file']}:{d['line']} {d['family']} {state} {rules}: {d['description']}")
    out.append("\nUnexpected findings (neither a planted defect nor a trap)")
    for u in res["unexpected"]:
        out.append(f"  {u['file']}:{u['line']} {u['rule']} ({u['severity']}) [{u['address']}]: {u['message']}")
        out.append(f"      text: {u['text'][:160]}")
    if res["snippet_errors"]:
        out.append("\nManifest problems")
        out.extend("  " + s for s in res["snippet_errors"])
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--manifest", type=Path, default=MANIFEST)
    ap.add_argument("--reslint", help="reslint executable (default: .venv/bin/reslint)")
    ap.add_argument("--json", action="store_true", help="print the full result as JSON")
    args = ap.parse_args(argv)
    entries = load_manifest(args.manifest)
    # files are resolved next to the manifest (samples/holdout/ by default)
    res = score(entries, find_reslint(args.reslint), args.manifest.resolve().parent)
    if args.json:
        print(json.dumps(res, indent=2, ensure_ascii=False))
    else:
        print(report(res))
    return 0


if __name__ == "__main__":
    sys.exit(main())
