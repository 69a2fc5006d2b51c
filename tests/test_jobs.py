"""--jobs: the default picks workers by the work at hand; results never depend on it."""

from __future__ import annotations

import json
import os

from click.testing import CliRunner

from checker.cli import main
from checker.pipeline import auto_jobs

DRAFT = ("The General Assembly,\n\nRecalling its resolution 60/251 of 15 March 2006,\n\n"
         "1. Decides to remain seized of the matter.\n")


def test_auto_jobs_stays_serial_for_little_work(tmp_path):
    small = []
    for i in range(20):
        p = tmp_path / f"d{i}.txt"
        p.write_text(DRAFT)
        small.append(str(p))
    assert auto_jobs(small[:3]) == 1  # too few files
    assert auto_jobs(small) == 1  # too little text to repay forking
    assert auto_jobs(small + ["-"]) == 1  # stdin is read in this process


def test_auto_jobs_uses_the_available_cpus_for_big_runs(tmp_path):
    big = []
    for i in range(40):
        p = tmp_path / f"d{i}.txt"
        p.write_text(DRAFT * 200)
        big.append(str(p))
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:
        cpus = os.cpu_count() or 1
    assert auto_jobs(big) == max(1, min(cpus, 8))


def test_parallel_and_serial_reports_are_identical(tmp_path):
    for i in range(12):
        (tmp_path / f"d{i:02d}.txt").write_text(DRAFT.replace("60/251", f"60/{i}") * 40)
    runner = CliRunner()
    outs = []
    for jobs in ("1", "2", "0"):
        res = runner.invoke(main, ["check", "--no-cache", "--format", "json", "--exit-zero", "--jobs", jobs,
                                   str(tmp_path)])
        assert res.exit_code == 0, res.output
        outs.append(json.loads(res.output)["files"])
    assert outs[0] == outs[1] == outs[2]
    assert len(outs[0]) == 12
