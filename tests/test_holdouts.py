"""The held-out sets (samples/holdout*/): no correct "trap" clause is ever flagged.

Each set was written by someone who had not read the rules, with planted defects and
correct clauses that a careless linter would flag (the traps). Recall on the defects is
reported by ``scripts/holdout.py`` (and in the README); what this test holds fixed is the
other half of the contract: a rule that fires on a trap cries wolf on correct text.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MANIFESTS = sorted((ROOT / "samples").glob("holdout*/MANIFEST.yaml"))


@pytest.mark.parametrize("manifest", MANIFESTS, ids=lambda p: p.parent.name)
def test_no_trap_is_flagged(manifest: Path) -> None:
    command = [sys.executable, str(ROOT / "scripts" / "holdout.py"), "--manifest", str(manifest), "--json"]
    installed = Path(sys.executable).parent / "reslint"  # the reslint of the interpreter under test
    if installed.exists():
        command += ["--reslint", str(installed)]
    proc = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    report = json.loads(proc.stdout)
    assert report["traps"], "a held-out set without traps tests nothing"
    flagged = [f"{t['id']} {t['file']}:{t['line']} {t['family']}: "
               + "; ".join(f"{h['rule']} {h['message']}" for h in t["hits"])
               for t in report["traps"] if t["false_alarm"]]
    assert not flagged, "\n".join(flagged)


def test_every_held_out_set_is_scored() -> None:
    folders = sorted(p.name for p in (ROOT / "samples").glob("holdout*") if p.is_dir())
    assert folders == [m.parent.name for m in MANIFESTS]
    assert len(folders) >= 13
