"""The pipeline in one direction: read -> normalize -> parse -> resolve -> lint -> positions.

The CLI, the language server and the benchmarks all go through ``lint_source``;
none of them reaches into a stage directly.
"""

from __future__ import annotations

import os
import pickle
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterable, Optional

from checker.errors import ReslintError, SourceError
from checker.findings import FileResult, Finding, RuleInfo
from checker.model import Document, LineIndex

# Structural problems the parser reports itself (family PRS, documented in README).
PARSE_RULES = {
    "PRS001": RuleInfo(
        code="PRS001", name="missing-authoring-line", severity="error",
        summary="The text has no authoring line naming the organ (\"The General Assembly,\").",
        rationale="A resolution opens with the name of the organ in full before any paragraph (Editorial Manual; ED-01).",
        fix="Add the organ's name on its own line before the first preambular paragraph, e.g. \"The Human Rights Council,\".",
        kind="parser", scope="document",
        examples_invalid=["Recalling its resolution 60/251 of 15 March 2006,\n\n1. Decides to remain seized of the matter."],
        examples_valid=["The General Assembly,\n\nRecalling its resolution 60/251 of 15 March 2006,\n\n1. Decides to remain seized of the matter."],
    ),
    "PRS003": RuleInfo(
        code="PRS003", name="not-a-resolution", severity="info",
        summary="The text does not read as a resolution or decision, so no resolution rules were run.",
        rationale="Reports and notes have no preamble or operative part; linting them as resolutions would only produce noise.",
        fix="Nothing to fix if the file is not a resolution; otherwise check that the authoring line and paragraphs are present.",
        kind="parser", scope="document",
        examples_invalid=["I. Introduction\n\n1. The present report is submitted pursuant to resolution 37/23."],
        examples_valid=["The General Assembly,\n\n1. Decides to remain seized of the matter."],
    ),
}


@dataclass
class LintSession:
    """What one run needs for every file: the rule set and the configuration."""

    ruleset: object
    config: object
    use_cache: bool = True  # the result cache (--no-cache turns it off)

    @classmethod
    def create(cls, config, extra_rules: Iterable[Path] = (), use_cache: bool = True) -> "LintSession":
        """``use_cache`` is about results. The validated rule set is cached whatever it
        says (keyed by the rule files' contents, so it is never stale), like ruff's
        --no-cache; RESLINT_NO_CACHE=1 turns every cache off."""
        from checker.rules.engine import load_ruleset

        paths = list(getattr(config, "rule_files", []) or []) + list(extra_rules)
        return cls(load_ruleset(paths), config, use_cache)

    def rule_infos(self) -> dict[str, RuleInfo]:
        infos = dict(PARSE_RULES)
        infos.update(self.ruleset.rule_infos())
        return infos


def parse_problems(doc: Document) -> list[Finding]:
    out = []
    for p in doc.problems:
        info = PARSE_RULES.get(p.code)
        out.append(Finding(p.code, info.severity if info else "warning", p.message, p.span, p.address))
    return out


def resolve_document(doc: Document, session: LintSession):
    """Stage 4: the document's citations, acronyms and references, linked on first use."""
    from checker.resolve import resolve

    return resolve(doc, getattr(session.config, "registry_files", None) or ())


def lint_document(doc: Document, session: LintSession, resolution=None) -> list[Finding]:
    from checker.rules.engine import lint

    if doc.kind == "not-a-resolution":
        # No resolution rules on a report; only the parser's own note.
        from checker.rules.engine import RuleSet  # noqa: F401  (keeps the import graph honest)

        return [f for f in parse_problems(doc) if session.config.is_selected(f.rule)]
    if resolution is None:
        resolution = resolve_document(doc, session)
    return lint(doc, session.ruleset, session.config, parse_problems(doc), resolution)


def locate(findings: list[Finding], source_text: str) -> None:
    """Fill line/column and the excerpt of each finding, and the region of each fix
    edit, from their original spans."""
    index = LineIndex(source_text)
    for f in findings:
        f.line, f.column = index.position(f.span.start)
        end = max(f.span.end, f.span.start)
        f.end_line, f.end_column = index.position(end)
        f.excerpt = source_text[f.span.start:min(end, f.span.start + 200)]
        if f.fix is not None:
            f.fix.edits = tuple(replace(e, region=(*index.position(e.span.start), *index.position(e.span.end)))
                                for e in f.fix.edits)


def lint_source(source, session: LintSession) -> tuple[Document, FileResult]:
    """Lint one read source; returns the parsed document and the result."""
    from checker.parser import parse_source

    doc = parse_source(source)
    findings = lint_document(doc, session)
    locate(findings, source.text)
    result = FileResult(source.path, doc.kind, doc.body, doc.session, findings)
    return doc, result


# -- result cache ------------------------------------------------------------------


def _result_key(path: str, data: bytes, session: LintSession) -> str:
    from checker.rules.cache import new_hash, package_stamp

    h = new_hash()
    h.update(package_stamp().encode())
    h.update(str(getattr(session.ruleset, "hash", "")).encode())
    h.update(repr(sorted(vars(session.config).items(), key=lambda kv: kv[0])).encode("utf-8", "replace"))
    h.update(path.encode("utf-8", "surrogatepass"))
    h.update(data)
    return h.hexdigest()[:40]


def _cache_path(key: str) -> Path:
    from checker.rules.cache import cache_dir

    return cache_dir() / "results" / f"{key}.pickle"


def lint_path(path: str, session: LintSession, stdin_filename: Optional[str] = None) -> tuple[FileResult, Optional[str]]:
    """Read and lint one path ('-' is stdin); unreadable input becomes an error result."""
    from checker import sources

    try:
        if path == "-":
            source = sources.read_stdin(stdin_filename)
        else:
            source = sources.read_path(path)
    except SourceError as exc:
        return FileResult(path if path != "-" else (stdin_filename or "-"), None, None, None, error=exc.reason), None
    key = None
    if session.use_cache and source.raw is not None and path != "-":
        key = _result_key(source.path, source.raw, session)
        try:
            return pickle.loads(_cache_path(key).read_bytes()), source.text
        except Exception:
            pass
    try:
        _doc, result = lint_source(source, session)
    except ReslintError:
        raise
    except RecursionError:
        return FileResult(source.path, None, None, None, error="text too deeply nested to parse"), source.text
    if key is not None:
        _store(key, result)
    return result, source.text


def _store(key: str, result: FileResult) -> None:
    import tempfile

    target = _cache_path(key)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(result, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, target)
    except OSError:
        pass


KEEP_RESULTS = 5_000  # cached results kept; the least recently written go first


def prune_results(keep: int = KEEP_RESULTS) -> int:
    """Remove all but the ``keep`` most recently written results; return how many went.

    Every edit of a draft is a new result (the key is the file's content), so without
    this the folder would only grow."""
    folder = _cache_path("x").parent
    try:
        names = [e for e in os.scandir(folder) if e.name.endswith(".pickle")]
    except OSError:
        return 0
    if len(names) <= keep:
        return 0
    removed = 0
    for entry in sorted(names, key=_mtime, reverse=True)[keep:]:
        try:
            os.unlink(entry.path)
            removed += 1
        except OSError:
            pass
    return removed


def _mtime(entry: os.DirEntry) -> float:
    try:
        return entry.stat().st_mtime
    except OSError:
        return 0.0


def clear_results() -> int:
    folder = _cache_path("x").parent
    removed = 0
    for entry in folder.glob("*.pickle"):
        try:
            entry.unlink()
            removed += 1
        except OSError:
            pass
    return removed


# -- parallel runs -------------------------------------------------------------------

_worker_session: Optional[LintSession] = None


def _init_worker(config, extra_rules, use_cache) -> None:
    global _worker_session
    _worker_session = LintSession.create(config, extra_rules, use_cache)


def _work(path: str, keep_text: bool = True):
    assert _worker_session is not None
    result, text = lint_path(path, _worker_session)
    return result, text if keep_text else None


def auto_jobs(paths: list[str]) -> int:
    """The default worker count: one per available CPU (at most 8), but only when
    there is enough text to repay starting the workers (~10 ms each, forked)."""
    if len(paths) < 8 or "-" in paths or sum(_size(p) for p in paths) < 256 * 1024:
        return 1
    try:
        cpus = len(os.sched_getaffinity(0))  # honours taskset and container CPU sets
    except (AttributeError, OSError):
        cpus = os.cpu_count() or 1
    return max(1, min(cpus, 8, len(paths) // 4))


def lint_many(paths: list[str], session: LintSession, jobs: int = 1, extra_rules: Iterable[Path] = (),
              progress=None, stdin_filename: Optional[str] = None, keep_text: bool = True):
    """Yield (FileResult, source text) for each path, in input order.

    With ``keep_text`` False the text is None: a report that does not quote the
    files is not made to hold them all, nor workers to send them back."""
    if jobs <= 1 or len(paths) < 4 or "-" in paths:
        for p in paths:
            result, text = lint_path(p, session, stdin_filename)
            if progress:
                progress(1)
            yield result, text if keep_text else None
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from functools import partial

    # Largest files first, in small chunks, so that no worker is left with a big file at
    # the end while the other idles; results still come out in input order.
    order = sorted(range(len(paths)), key=lambda i: -_size(paths[i]))
    chunk = max(1, min(8, len(paths) // (jobs * 16)))
    done: dict[int, tuple] = {}
    next_out = 0
    global _worker_session
    if "fork" in multiprocessing.get_all_start_methods():
        # Forked workers inherit the loaded rule set: no YAML or schema work per worker
        # (with --no-cache that was a serial half second each).
        _worker_session = session
        options: dict = {"mp_context": multiprocessing.get_context("fork")}
    else:
        options = {"initializer": _init_worker,
                   "initargs": (session.config, list(extra_rules), session.use_cache)}
    with ProcessPoolExecutor(max_workers=jobs, **options) as pool:
        work = partial(_work, keep_text=keep_text)
        for i, item in zip(order, pool.map(work, [paths[i] for i in order], chunksize=chunk)):
            done[i] = item
            if progress:
                progress(1)
            while next_out in done:
                yield done.pop(next_out)
                next_out += 1


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0
