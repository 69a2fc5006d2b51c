"""Long fuzzing run of the pipeline property in tests/fuzz/test_fuzz.py.

    .venv/bin/python bench/fuzz.py --examples 100000 [--seed 1] [--report crashes.json]

Unlike the test, a crash does not stop the run: each distinct crash (by
exception type and the innermost reslint frame) is kept with the smallest
input seen, minimized at the end (lines, then characters), and printed with
its traceback. Any example taking over ``--timeout`` seconds counts as a hang.
Hypothesis runs with ``derandomize=False`` and no example database.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "fuzz"))

from hypothesis import HealthCheck, Phase, given, seed, settings  # noqa: E402

import test_fuzz  # noqa: E402


class Hang(Exception):
    pass


def _alarm(_signum, _frame):
    raise Hang("example took too long")


def crash_key(exc: BaseException) -> str:
    frames = traceback.extract_tb(exc.__traceback__)
    mine = [f for f in frames if "/checker/" in f.filename.replace(os.sep, "/")]
    frame = (mine or frames or [None])[-1]
    where = f"{Path(frame.filename).name}:{frame.lineno}:{frame.name}" if frame else "?"
    extra = ""
    if isinstance(exc, AssertionError) and exc.args and isinstance(exc.args[0], tuple) and exc.args[0]:
        extra = f":{exc.args[0][0]}"
    return f"{type(exc).__name__}@{where}{extra}"


def run_one(data: bytes, name: str, timeout: float) -> BaseException | None:
    signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        test_fuzz.check_pipeline(data, name)
    except Exception as exc:  # noqa: BLE001 - every crash is collected
        return exc
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    return None


def minimize(data: bytes, name: str, key: str, timeout: float) -> bytes:
    """Greedy delta debugging: drop line chunks, then single characters, keeping the same crash."""
    def still(d: bytes) -> bool:
        exc = run_one(d, name, timeout)
        return exc is not None and crash_key(exc) == key

    try:
        text = data.decode("utf-8")
        as_text = True
    except UnicodeDecodeError:
        as_text = False
    if not as_text:
        return data  # other encodings: keep as is
    enc = lambda s: s.encode("utf-8")  # noqa: E731
    budget = time.monotonic() + 120
    lines = text.splitlines(keepends=True)
    chunk = max(1, len(lines) // 2)
    while chunk >= 1 and time.monotonic() < budget:
        i, changed = 0, False
        while i < len(lines) and time.monotonic() < budget:
            trial = lines[:i] + lines[i + chunk:]
            if trial and still(enc("".join(trial))):
                lines, changed = trial, True
            else:
                i += chunk
        if not changed:
            chunk //= 2
    text = "".join(lines)
    chunk = max(1, len(text) // 4)
    while chunk >= 1 and time.monotonic() < budget:
        i, changed = 0, False
        while i < len(text) and time.monotonic() < budget:
            trial = text[:i] + text[i + chunk:]
            if trial and still(enc(trial)):
                text, changed = trial, True
            else:
                i += chunk
        if not changed:
            chunk //= 2
    return enc(text)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="fuzz read -> parse -> lint -> format")
    ap.add_argument("--examples", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=None, help="hypothesis seed (default: random)")
    ap.add_argument("--timeout", type=float, default=30.0, help="seconds before an example counts as a hang")
    ap.add_argument("--report", help="write the crashes as JSON here")
    ap.add_argument("--progress", type=int, default=5000, help="print a progress line every N examples")
    args = ap.parse_args(argv)
    signal.signal(signal.SIGALRM, _alarm)
    test_fuzz.session()  # load the rules before timing anything
    crashes: dict[str, dict] = {}
    count = 0
    start = time.monotonic()

    def save(partial: bool) -> None:
        """Write what is known so far (unminimized), so a killed run still leaves its crashes."""
        if not args.report:
            return
        rows = [{"key": k, "count": e["count"], "name": e["name"], "input_bytes_repr": repr(e["data"]),
                 "traceback": e["traceback"]} for k, e in sorted(crashes.items())]
        Path(args.report).write_text(json.dumps({"examples": count, "partial": partial, "crashes": rows}, indent=2),
                                     encoding="utf-8")

    def _term(_signum, _frame):
        save(partial=True)
        print(f"\nstopped: {count} examples, {len(crashes)} distinct crash(es); see {args.report}", flush=True)
        os._exit(1 if crashes else 0)

    signal.signal(signal.SIGTERM, _term)

    @settings(max_examples=args.examples, deadline=None, database=None, derandomize=False,
              phases=[Phase.generate], suppress_health_check=list(HealthCheck))
    @given(test_fuzz.encoded())
    def prop(sample):
        nonlocal count
        count += 1
        data, name = sample
        exc = run_one(data, name, args.timeout)
        if exc is not None:
            key = crash_key(exc)
            entry = crashes.get(key)
            if entry is None or len(data) < len(entry["data"]):
                crashes[key] = {"data": data, "name": name, "count": (entry or {}).get("count", 0) + 1,
                                "traceback": "".join(traceback.format_exception(exc))}
                if entry is None:
                    print(f"[{time.monotonic() - start:7.0f}s] new crash {key} at example {count}", flush=True)
                    save(partial=True)
            else:
                entry["count"] += 1
        if args.progress and count % args.progress == 0:
            print(f"[{time.monotonic() - start:7.0f}s] {count} examples, {len(crashes)} distinct crash(es)",
                  flush=True)

    if args.seed is not None:
        prop = seed(args.seed)(prop)
    prop()
    elapsed = time.monotonic() - start
    print(f"\n{count} examples in {elapsed:.0f} s ({count / max(elapsed, 1e-9):.1f}/s); "
          f"{len(crashes)} distinct crash(es)")
    out = []
    for key, entry in sorted(crashes.items()):
        small = minimize(entry["data"], entry["name"], key, args.timeout)
        exc = run_one(small, entry["name"], args.timeout)
        tb = "".join(traceback.format_exception(exc)) if exc is not None else entry["traceback"]
        print(f"\n=== {key}  (hit {entry['count']} times)\nfile name: {entry['name']}\n"
              f"minimal input ({len(small)} bytes): {small!r}\n{tb}")
        out.append({"key": key, "count": entry["count"], "name": entry["name"],
                    "input": small.decode("utf-8", "backslashreplace"), "input_bytes_repr": repr(small),
                    "traceback": tb})
    if args.report:
        Path(args.report).write_text(json.dumps({"examples": count, "seconds": elapsed, "crashes": out}, indent=2),
                                     encoding="utf-8")
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
