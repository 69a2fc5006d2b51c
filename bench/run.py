"""reslint benchmarks in one command.

    .venv/bin/python bench/run.py [--quick] [--corpus ../shared/corpus] [--runs 3] [--budget 300]

Prints a table (median, min-max, target met / not met) and writes
``bench/results/latest.json``. Measures, in one run:

* corpus throughput (MB/s, files/s) of ``reslint check --no-cache --format json
  --exit-zero`` on the corpus folder, one process (``--jobs 1``) and ``--jobs 2``
  (the default, ``--jobs 0``, is one worker per CPU: 2 on a 2-CPU machine);
* proselint over the same files, in one process through its Python API
  (a ``proselint`` process per file would mostly time interpreter start-up);
* cold start: ``reslint check <seed>`` against ``python -c "import click,
  pyparsing, ruamel.yaml"``, alternated in pairs, rule cache warm;
* growth: one seed repeated 1x, 10x, 100x in one file (in process, no start-up);
* time per pipeline stage over the corpus (read, normalize, parse, resolve,
  lint, locate, report) with ``time.perf_counter``;
* peak RSS of the corpus run and of the 100x file (``os.wait4`` rusage of the
  child process);
* language-server re-lint latency through ``bench/lsp_latency.py`` when present.

Whole-corpus runs are the expensive part: after the first repetition of each,
the number of repetitions is cut so that the run stays inside ``--budget``
seconds (at least one repetition is always made).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

PY = sys.executable
BIN = Path(PY).parent
RESLINT = [str(BIN / "reslint")] if (BIN / "reslint").exists() else [PY, "-m", "checker.cli"]
MIB = 1024 * 1024

TARGETS = {
    "vs_proselint": 10.0,  # reslint throughput >= 10x proselint
    "jobs2_speedup": 1.8,  # jobs 2 >= 1.8x jobs 1
    "cold_ratio": 1.3,  # reslint cold start <= 1.3x bare imports
    "growth_ratio": 11.0,  # t100 <= 11x t10
    "corpus_rss_mib": 80.0,  # corpus run peak RSS <= 80 MiB
    "lsp_ms": 30.0,  # language server re-lint median <= 30 ms
}

PROSELINT_SCRIPT = r"""
import json, sys, time
from pathlib import Path
t0 = time.perf_counter()
from proselint.checks import __register__
from proselint.config import DEFAULT
from proselint.registry import CheckRegistry
from proselint.tools import LintFile
CheckRegistry().register_many(__register__)
config = dict(DEFAULT)
config["max_errors"] = 10**9   # the default cap would stop checking a file early
files = [line for line in sys.stdin.read().splitlines() if line]
count = 0
for f in files:
    count += len(LintFile(Path(f)).lint(config))
print(json.dumps({"findings": count, "seconds": time.perf_counter() - t0}))
"""


# -- helpers -------------------------------------------------------------------------


def run_measured(cmd: list[str], stdin_path: str | None = None, env: dict | None = None) -> dict:
    """Run ``cmd`` with output to temp files and reap it with ``os.wait4`` for its own rusage."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        stdin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
        try:
            t0 = time.perf_counter()
            proc = subprocess.Popen(cmd, stdin=stdin, stdout=out, stderr=err, env=env)
            _pid, status, usage = os.wait4(proc.pid, 0)
            seconds = time.perf_counter() - t0
            proc.returncode = os.waitstatus_to_exitcode(status)
        finally:
            if stdin_path:
                stdin.close()
        out.seek(0)
        err.seek(0)
        # ru_maxrss is in KiB on Linux, bytes on macOS
        rss = usage.ru_maxrss / (MIB if sys.platform == "darwin" else 1024)
        return {"seconds": seconds, "cpu": usage.ru_utime + usage.ru_stime, "rc": proc.returncode, "rss_mib": rss,
                "stdout": out.read(), "stderr": err.read()}


def stats(values: list[float]) -> dict:
    return {"median": statistics.median(values), "min": min(values), "max": max(values), "n": len(values),
            "values": values}


def fmt_range(s: dict, unit: str = "", digits: int = 2) -> str:
    if s["n"] == 1:
        return f"{s['median']:.{digits}f}{unit}"
    return f"{s['median']:.{digits}f}{unit} ({s['min']:.{digits}f}-{s['max']:.{digits}f}, n={s['n']})"


def verdict(ok: bool | None) -> str:
    return "n/a" if ok is None else ("met" if ok else "NOT met")


def corpus_files(corpus: Path) -> list[str]:
    return sorted(str(p) for p in corpus.rglob("*.txt"))


def env_plain(cache_dir: Path | None = None) -> dict:
    """The environment of measured runs: with ``cache_dir``, a private rule cache
    (``--no-cache`` still turns the result cache off); without, no cache at all."""
    env = dict(os.environ)
    if cache_dir is None:
        env["RESLINT_NO_CACHE"] = "1"
    else:
        env.pop("RESLINT_NO_CACHE", None)
        env["RESLINT_CACHE_DIR"] = str(cache_dir)
    env["PYTHONUTF8"] = "1"
    env.pop("CI", None)
    return env


# -- measurements --------------------------------------------------------------------


def bench_corpus(corpus: Path, files: list[str], runs: int, budget_end: float, log) -> dict:
    total_bytes = sum(os.path.getsize(f) for f in files)
    # The validated rule set is cached (warmed by one run on a single file, as any
    # earlier run would); --no-cache keeps results from being reused.
    cache = Path(tempfile.mkdtemp(prefix="reslint-bench-cache-"))
    env = env_plain(cache)
    base = RESLINT + ["check", "--no-cache", "--format", "json", "--exit-zero", str(corpus)]
    run_measured(RESLINT + ["check", "--no-cache", "--exit-zero", files[0]], env=env)
    kinds = {
        "jobs1": lambda: run_measured(base[:2] + ["--jobs", "1"] + base[2:], env=env),
        "jobs2": lambda: run_measured(base[:2] + ["--jobs", "2"] + base[2:], env=env),
        "proselint": lambda: _proselint(files, env),
    }
    times: dict[str, list[float]] = {k: [] for k in kinds}
    rss: list[float] = []
    extra: dict = {}
    rounds = runs
    for rep in range(runs):
        if rep >= rounds:
            break
        for kind, fn in kinds.items():
            log(f"  corpus {kind} run {rep + 1}/{rounds} ...")
            res = fn()
            # reslint exits 1 when it finds something; proselint's script must succeed
            # (a missing proselint once showed up as a 0.02 s "run").
            if res["rc"] not in ((0,) if kind == "proselint" else (0, 1)) or \
                    (kind == "proselint" and res.get("findings") is None):
                raise SystemExit(f"{kind} failed (exit {res['rc']}; for proselint: "
                                 f"pip install -e '.[bench]'): {res['stderr'][-2000:]!r}")
            times[kind].append(res["seconds"])
            if kind == "jobs1":
                rss.append(res["rss_mib"])
                if rep == 0:
                    try:
                        doc = json.loads(res["stdout"])
                        extra["reslint_findings"] = doc.get("summary", {}).get("findings")
                        extra["reslint_unreadable"] = sum(1 for f in doc.get("files", []) if f.get("error"))
                    except ValueError:
                        pass
            if kind == "proselint" and rep == 0:
                extra["proselint_findings"] = res.get("findings")
        if rep == 0:
            one_round = sum(times[k][0] for k in kinds)
            remaining = budget_end - time.perf_counter()
            rounds = max(1, min(runs, 1 + int(remaining // one_round)))
            if rounds < runs:
                log(f"  (budget: {rounds} corpus repetition(s) instead of {runs})")
    mb = total_bytes / 1e6
    out = {"files": len(files), "bytes": total_bytes}
    for kind in kinds:
        s = stats(times[kind])
        out[kind] = {"seconds": s,
                     "mb_per_s": mb / s["median"], "mb_per_s_min": mb / s["max"], "mb_per_s_max": mb / s["min"],
                     "files_per_s": len(files) / s["median"]}
    out["jobs2_speedup"] = out["jobs1"]["seconds"]["median"] / out["jobs2"]["seconds"]["median"]
    out["vs_proselint"] = out["proselint"]["seconds"]["median"] / out["jobs1"]["seconds"]["median"]
    out["corpus_rss_mib"] = stats(rss)
    out.update(extra)
    shutil.rmtree(cache, ignore_errors=True)
    return out


def _proselint(files: list[str], env: dict) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".lst", delete=False) as fh:
        fh.write("\n".join(files) + "\n")
        listing = fh.name
    try:
        res = run_measured([PY, "-c", PROSELINT_SCRIPT], stdin_path=listing, env=env)
    finally:
        os.unlink(listing)
    if res["rc"] == 0:
        try:
            res["findings"] = json.loads(res["stdout"])["findings"]
        except (ValueError, KeyError):
            pass
    return res


def bench_cold(seed: Path, pairs: int, log) -> dict:
    """``reslint check <seed>`` vs bare imports, alternated.

    The rule cache must be warm but the result cache must miss (a hit would skip
    linting): a private cache folder is warmed once, and every measured run
    lints a fresh copy of the seed (the result key includes the path), the way
    an editor runs it on a buffer it has not seen.
    """
    tmp = Path(tempfile.mkdtemp(prefix="reslint-cold-"))
    env = dict(os.environ)
    env.pop("RESLINT_NO_CACHE", None)
    env["RESLINT_CACHE_DIR"] = str(tmp / "cache")
    data = seed.read_bytes()
    counter = iter(range(10**6))

    def reslint_cmd() -> list[str]:
        copy = tmp / f"seed-{next(counter)}.txt"
        copy.write_bytes(data)
        return RESLINT + ["check", "--exit-zero", str(copy)]

    bare_cmd = [PY, "-c", "import click, pyparsing, ruamel.yaml"]
    try:
        run_measured(reslint_cmd(), env=env)  # warms the rule cache (and the OS file cache)
        run_measured(bare_cmd, env=env)
        r, b, r_cpu, b_cpu = [], [], [], []
        log(f"  cold start: {pairs} pairs ...")
        for i in range(pairs):
            order = [("r", r), ("b", b)] if i % 2 == 0 else [("b", b), ("r", r)]
            for which, sink in order:
                cmd = reslint_cmd() if which == "r" else bare_cmd
                res = run_measured(cmd, env=env)
                if res["rc"] != 0:
                    raise SystemExit(f"cold start command failed: {cmd}: {res['stderr'][-1000:]!r}")
                sink.append(res["seconds"])
                (r_cpu if which == "r" else b_cpu).append(res["cpu"])
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    ratios = [x / y for x, y in zip(r, b)]
    # CPU time (user + system, the child's own rusage) beside wall time: on a shared machine
    # another tenant's load moves wall time far more than it moves CPU time.
    return {"reslint": stats(r), "bare_imports": stats(b), "pair_ratio": stats(ratios),
            "ratio": statistics.median(r) / statistics.median(b),
            "cpu": {"reslint": stats(r_cpu), "bare_imports": stats(b_cpu),
                    "ratio": statistics.median(r_cpu) / statistics.median(b_cpu)}}


def bench_growth(seed: Path, runs: int, log) -> dict:
    from checker import sources
    from checker.pipeline import LintSession, lint_source
    from checker.rules.config import resolve_config

    session = LintSession.create(resolve_config(ROOT), use_cache=False)
    text = seed.read_text(encoding="utf-8")
    out: dict = {}
    tmpdir = Path(tempfile.mkdtemp(prefix="reslint-bench-"))
    try:
        for n in (1, 10, 100):
            path = tmpdir / f"seed-x{n}.txt"
            path.write_text(("\n\n".join([text.rstrip("\n")] * n)) + "\n", encoding="utf-8")
            times = []
            # Small sizes are cheap and noisy: more repetitions (medians are compared).
            reps = {1: max(runs, 15), 10: max(runs, 9)}.get(n, max(runs, 5))
            src = sources.read_path(path)
            lint_source(src, session)  # warm-up: lazily built tables are not growth
            log(f"  growth {n}x ({path.stat().st_size / 1e6:.2f} MB) ...")
            for _ in range(reps):
                t0 = time.perf_counter()
                lint_source(src, session)
                times.append(time.perf_counter() - t0)
            out[f"x{n}"] = {"bytes": path.stat().st_size, "seconds": stats(times)}
            if n == 100:
                res = run_measured(RESLINT + ["check", "--no-cache", "--format", "json", "--exit-zero", str(path)],
                                   env=env_plain())
                out["x100_cli_seconds"] = res["seconds"]
                out["x100_rss_mib"] = res["rss_mib"]
                if res["rc"] != 0:
                    out["x100_cli_error"] = res["stderr"].decode("utf-8", "replace")[-500:]
    finally:
        for p in tmpdir.iterdir():
            p.unlink()
        tmpdir.rmdir()
    out["ratio_t100_t10"] = out["x100"]["seconds"]["median"] / out["x10"]["seconds"]["median"]
    out["ratio_t10_t1"] = out["x10"]["seconds"]["median"] / out["x1"]["seconds"]["median"]
    return out


def bench_stages(files: list[str], log) -> dict:
    """One pass over the corpus, timing each stage of the pipeline separately."""
    from checker import sources
    from checker.errors import SourceError
    from checker.findings import FileResult
    from checker.normalize import normalize
    from checker.parser import _Builder
    from checker.pipeline import LintSession, lint_document, locate, resolve_document
    from checker.report import render
    from checker.rules.config import resolve_config

    log("  per-stage pass over the corpus ...")
    session = LintSession.create(resolve_config(ROOT), use_cache=False)
    infos = session.rule_infos()
    names = ("read", "normalize", "parse", "resolve", "lint", "locate", "report")
    acc = dict.fromkeys(names, 0.0)
    slowest: list[tuple[float, str]] = []
    pc = time.perf_counter
    for path in files:
        t0 = pc()
        try:
            src = sources.read_path(path)
        except SourceError:
            acc["read"] += pc() - t0
            continue
        t1 = pc()
        normalized = normalize(src)
        t2 = pc()
        doc = _Builder(src, normalized).build()
        t3 = pc()
        # The rules resolve lazily (what no selected rule needs is never worked out);
        # here every part is worked out first, so that its time is the stage's.
        resolution = resolve_document(doc, session).complete()
        t4 = pc()
        findings = lint_document(doc, session, resolution)
        t5 = pc()
        locate(findings, src.text)
        t6 = pc()
        result = FileResult(src.path, doc.kind, doc.body, doc.session, findings)
        render("json", [result], infos, sources={src.path: src.text})
        t7 = pc()
        for name, dt in zip(names, (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4, t6 - t5, t7 - t6)):
            acc[name] += dt
        slowest.append((t7 - t0, path))
    total = sum(acc.values())
    slowest.sort(reverse=True)
    return {"seconds": acc, "total": total,
            "share": {k: (v / total if total else 0.0) for k, v in acc.items()},
            "slowest_files": [{"path": p, "seconds": s} for s, p in slowest[:5]]}


def bench_lsp(quick: bool, log) -> dict | None:
    path = ROOT / "bench" / "lsp_latency.py"
    if not path.exists():
        return None
    import importlib.util

    log("  language-server latency ...")
    spec = importlib.util.spec_from_file_location("lsp_latency", path)
    mod = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(mod)  # type: ignore[union-attr]
        with contextlib.redirect_stdout(io.StringIO()):
            res = mod.main(["--runs", "10" if quick else "30"])
    except Exception as exc:  # another helper's script: report, do not crash the run
        return {"error": f"{type(exc).__name__}: {exc}"}
    return res if isinstance(res, dict) else {"result": res}


# -- report --------------------------------------------------------------------------


def table(results: dict) -> str:
    rows: list[tuple[str, str, str, str]] = []
    c = results.get("corpus")
    if c:
        rows.append(("corpus", f"{c['files']} files, {c['bytes'] / 1e6:.2f} MB", "", ""))
        for kind, label in (("jobs1", "reslint --jobs 1"), ("jobs2", "reslint --jobs 2"), ("proselint", "proselint (API, 1 process)")):
            k = c[kind]
            rows.append((f"  {label}",
                         f"{k['mb_per_s']:.3f} MB/s ({k['mb_per_s_min']:.3f}-{k['mb_per_s_max']:.3f}), "
                         f"{k['files_per_s']:.1f} files/s; {fmt_range(k['seconds'], ' s')}", "", ""))
        rows.append(("  jobs2 / jobs1", f"{c['jobs2_speedup']:.2f}x", ">= 1.8x",
                     verdict(c["jobs2_speedup"] >= TARGETS["jobs2_speedup"])))
        rows.append(("  reslint / proselint", f"{c['vs_proselint']:.2f}x", ">= 10x",
                     verdict(c["vs_proselint"] >= TARGETS["vs_proselint"])))
        rows.append(("  corpus peak RSS (jobs 1)", fmt_range(c["corpus_rss_mib"], " MiB", 1), "<= 80 MiB",
                     verdict(c["corpus_rss_mib"]["median"] <= TARGETS["corpus_rss_mib"])))
    cs = results.get("cold_start")
    if cs:
        rows.append(("cold start reslint check <seed>", fmt_range(cs["reslint"], " s", 3), "", ""))
        rows.append(("cold start bare imports", fmt_range(cs["bare_imports"], " s", 3), "", ""))
        rows.append(("  ratio (medians)", f"{cs['ratio']:.2f}x (per pair {cs['pair_ratio']['min']:.2f}-{cs['pair_ratio']['max']:.2f})",
                     "<= 1.3x", verdict(cs["ratio"] <= TARGETS["cold_ratio"])))
        if "cpu" in cs:
            rows.append(("  CPU time (medians)", f"{cs['cpu']['reslint']['median']:.3f} s vs {cs['cpu']['bare_imports']['median']:.3f} s"
                         f" = {cs['cpu']['ratio']:.2f}x", "", ""))
    gr = results.get("growth")
    if gr:
        for n in ("x1", "x10", "x100"):
            rows.append((f"growth {n} ({gr[n]['bytes'] / 1e3:.0f} kB)", fmt_range(gr[n]["seconds"], " s", 3), "", ""))
        rows.append(("  t10 / t1", f"{gr['ratio_t10_t1']:.2f}x", "", ""))
        rows.append(("  t100 / t10", f"{gr['ratio_t100_t10']:.2f}x", "<= 11x",
                     verdict(gr["ratio_t100_t10"] <= TARGETS["growth_ratio"])))
        rows.append(("  x100 CLI wall / peak RSS", f"{gr['x100_cli_seconds']:.2f} s / {gr['x100_rss_mib']:.1f} MiB", "", ""))
    st = results.get("stages")
    if st:
        rows.append(("stages (corpus, in process)", f"total {st['total']:.2f} s", "", ""))
        for name, sec in st["seconds"].items():
            rows.append((f"  {name}", f"{sec:.3f} s ({100 * st['share'][name]:.1f}%)", "", ""))
    lsp = results.get("lsp")
    if lsp is None:
        rows.append(("LSP re-lint latency", "n/a", "<= 30 ms", "n/a"))
    elif "median_ms" in lsp:
        rng = f" ({lsp.get('min_ms', 0):.1f}-{lsp.get('max_ms', 0):.1f})" if "min_ms" in lsp else ""
        rows.append(("LSP re-lint latency", f"{lsp['median_ms']:.1f} ms{rng}", "<= 30 ms",
                     verdict(lsp["median_ms"] <= TARGETS["lsp_ms"])))
    elif lsp.get("skipped"):
        rows.append(("LSP re-lint latency", "skipped", "<= 30 ms", "n/a"))
    else:
        rows.append(("LSP re-lint latency", str(lsp.get("error", lsp))[:60], "<= 30 ms", "n/a"))
    w0 = max(len(r[0]) for r in rows)
    w1 = max(len(r[1]) for r in rows)
    w2 = max(len(r[2]) for r in rows)
    lines = [f"{'measure'.ljust(w0)}  {'value'.ljust(w1)}  {'target'.ljust(w2)}  result", "-" * (w0 + w1 + w2 + 14)]
    lines += [f"{a.ljust(w0)}  {b.ljust(w1)}  {c_.ljust(w2)}  {d}".rstrip() for a, b, c_, d in rows]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description="reslint benchmarks")
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    ap.add_argument("--quick", action="store_true", help="fewer repetitions (1 corpus run, 3 growth runs)")
    ap.add_argument("--runs", type=int, help="repetitions per measure (default 3, --quick 1)")
    ap.add_argument("--pairs", type=int, help="cold-start pairs (default 12, --quick 10)")
    ap.add_argument("--budget", type=float, default=300.0, help="seconds the whole run should stay within")
    ap.add_argument("--skip", default="", help="comma-separated: corpus,cold,growth,stages,lsp")
    ap.add_argument("--output", default=str(ROOT / "bench" / "results" / "latest.json"))
    args = ap.parse_args(argv)
    runs = args.runs or (1 if args.quick else 3)
    pairs = args.pairs or (10 if args.quick else 12)
    skip = {s.strip() for s in args.skip.split(",") if s.strip()}
    corpus = Path(args.corpus)
    files = corpus_files(corpus) if corpus.is_dir() else []
    seeds = sorted((corpus / "seeds").glob("*.txt")) if corpus.is_dir() else []
    start = time.perf_counter()

    def log(msg: str) -> None:
        print(f"[{time.perf_counter() - start:6.1f}s] {msg}", file=sys.stderr, flush=True)

    results: dict = {
        "meta": {"python": platform.python_version(), "platform": platform.platform(), "cpus": os.cpu_count(),
                 "corpus": str(corpus), "runs": runs, "quick": args.quick,
                 "time": time.strftime("%Y-%m-%dT%H:%M:%S%z")},
        "targets": TARGETS,
    }
    # Bytecode as a regular install has it; otherwise, with PYTHONDONTWRITEBYTECODE
    # set, every reslint process would recompile its sources and the cold start
    # would measure Python's compiler (the bare imports have theirs compiled).
    subprocess.run([PY, "-m", "compileall", "-q", str(ROOT / "checker")], check=False)
    results["meta"]["dont_write_bytecode_env"] = bool(os.environ.get("PYTHONDONTWRITEBYTECODE"))
    seed = seeds[0] if seeds else None
    # cheap measures first, the corpus (budgeted) last
    if seed and "cold" not in skip:
        results["cold_start"] = bench_cold(seed, pairs, log)
    if seed and "growth" not in skip:
        results["growth"] = bench_growth(seed, max(runs, 3), log)
    results["lsp"] = {"skipped": True} if "lsp" in skip else bench_lsp(args.quick, log)
    if files and "corpus" not in skip:
        # leave room for the stage pass, about one in-process corpus run
        budget_end = start + args.budget
        if "stages" not in skip:
            budget_end -= _estimate_stage_seconds(files)
        results["corpus"] = bench_corpus(corpus, files, runs, budget_end, log)
    if files and "stages" not in skip:
        results["stages"] = bench_stages(files, log)
    results["meta"]["elapsed_s"] = time.perf_counter() - start
    print(table(results))
    print(f"\n(total {results['meta']['elapsed_s']:.0f} s)")
    out = Path(args.output)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2, default=str) + "\n", encoding="utf-8")
    print(f"wrote {out}")
    return results


def _estimate_stage_seconds(files: list[str]) -> float:
    """Rough cost of the stage pass: lint a ~1/20 sample in process and scale."""
    from checker import sources
    from checker.errors import SourceError
    from checker.pipeline import LintSession, lint_source
    from checker.rules.config import resolve_config

    session = LintSession.create(resolve_config(ROOT), use_cache=False)
    sample = files[:: max(1, len(files) // 25)]
    t0 = time.perf_counter()
    for f in sample:
        try:
            lint_source(sources.read_path(f), session)
        except SourceError:
            pass
    return (time.perf_counter() - t0) * len(files) / max(1, len(sample))


if __name__ == "__main__":
    main(sys.argv[1:])
