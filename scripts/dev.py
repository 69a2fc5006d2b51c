#!/usr/bin/env python3
"""Set-up and routine tasks that need nothing but python3.

    python3 scripts/dev.py demo    # make a venv, install reslint, lint the samples
    python3 scripts/dev.py test    # make a venv, install reslint with test extras, run the tests
    python3 scripts/dev.py bench   # run the benchmarks (needs ../shared/corpus)
    python3 scripts/dev.py fuzz    # long fuzzing run (RESLINT_FUZZ_EXAMPLES, default 100000)
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENV = Path(os.environ.get("RESLINT_VENV", ROOT / ".venv"))
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")


def run(*cmd: str, check: bool = True) -> int:
    print("+", " ".join(cmd), flush=True)
    return subprocess.run(cmd, cwd=ROOT, check=check).returncode


def ensure_venv(extras: str = "") -> None:
    if not (BIN / "python").exists():
        venv.EnvBuilder(with_pip=True).create(VENV)
    run(str(BIN / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-e",
        f".{extras}")
    # What `pip install .` does for a regular install: without bytecode on disk
    # (PYTHONDONTWRITEBYTECODE is set in some shells and CI images) every start
    # of reslint would compile its own sources again, ~60 ms.
    run(str(BIN / "python"), "-m", "compileall", "-q", "checker")


def demo() -> int:
    ensure_venv()
    run(str(BIN / "reslint"), "--version")
    run(str(BIN / "reslint"), "parse", "samples/hrc-draft.md", check=False)
    return run(str(BIN / "reslint"), "check", "samples/", check=False) if True else 0


def test() -> int:
    ensure_venv("[test]")
    return run(str(BIN / "python"), "-m", "pytest", "-q", *sys.argv[2:], check=False)


def bench() -> int:
    ensure_venv("[test,bench]")
    return run(str(BIN / "python"), "bench/run.py", *sys.argv[2:], check=False)


def fuzz() -> int:
    ensure_venv("[test]")
    return run(str(BIN / "python"), "bench/fuzz.py", *sys.argv[2:], check=False)


if __name__ == "__main__":
    tasks = {"demo": demo, "test": test, "bench": bench, "fuzz": fuzz}
    if len(sys.argv) < 2 or sys.argv[1] not in tasks:
        print(__doc__)
        sys.exit(2)
    code = tasks[sys.argv[1]]()
    # The demo lints samples with planted defects: findings (exit 1) are the point.
    sys.exit(0 if sys.argv[1] == "demo" and code in (0, 1) else code)
