"""Command line: click commands, nothing else.

Exit codes: 0 no finding at or above the failing severity, 1 findings,
2 usage error, unreadable input or invalid rules/configuration.
"""

from __future__ import annotations

import contextlib
import gc
import os
import random
import sys
from pathlib import Path
from typing import Optional

import click

from checker import __version__
from checker.errors import ReslintError

FORMATS = ("text", "concise", "json", "sarif", "github", "junit")


def _fail(message: str) -> None:
    click.echo(message, err=True)
    sys.exit(2)


class _Group(click.Group):
    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except ReslintError as exc:
            _fail(str(exc))
        except KeyboardInterrupt:
            _fail("reslint: interrupted")


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="reslint")
def main() -> None:
    """reslint: a linter for United Nations draft resolutions."""


def _config(paths: list[str], config_path: Optional[str], overrides: dict):
    from checker.rules.config import resolve_config

    first = next((p for p in paths if p != "-"), ".")
    start = Path(first)
    start = start if start.is_dir() else start.parent
    return resolve_config(start if str(start) else Path("."), Path(config_path) if config_path else None, overrides)


def _started() -> None:
    """Start-up is over: its objects are frozen and the cyclic collector turned back on.

    ``run`` turns the collector off while modules, the grammar and the rule set are
    built: those are tens of thousands of long-lived objects and no garbage, and the
    collector's passes over them were about 15 ms of a one-file ``reslint check``.
    Frozen, later passes skip them; linting itself runs with the collector on, so a
    long run or the language server keeps its memory bounded."""
    gc.freeze()
    gc.enable()


def _split(values: tuple[str, ...]) -> list[str]:
    out: list[str] = []
    for v in values:
        out.extend(x.strip() for x in v.split(",") if x.strip())
    return out


@main.command()
@click.argument("paths", nargs=-1)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True, help="Output format.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Configuration file (default: nearest .reslint.yaml).")
@click.option("--rules", "rule_paths", multiple=True, type=click.Path(), help="Extra rule file or folder (repeatable).")
@click.option("--select", multiple=True, help="Only these codes or prefixes (comma-separated).")
@click.option("--extend-select", multiple=True, help="Add codes or prefixes to the selection.")
@click.option("--ignore", multiple=True, help="Codes or prefixes to ignore.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), help="Lowest severity that makes the exit code 1.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@click.option("--quiet", "-q", is_flag=True, help="Print only findings (no summary); nothing when clean.")
@click.option("--statistics", is_flag=True, help="Print counts per rule instead of each finding.")
@click.option("--stdin-filename", help="Name to report for text read from stdin ('-').")
@click.option("--fix", is_flag=True, help="Apply safe fixes in place.")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix or --diff, also apply unsafe fixes.")
@click.option("--diff", is_flag=True, help="Show the fixes as a diff; write nothing.")
@click.option("--jobs", "-j", type=click.IntRange(0, 64), default=0, show_default=True,
              help="Worker processes; 0 = one per available CPU (at most 8) when there are enough files.")
@click.option("--no-cache", is_flag=True, help="Do not read or write the result cache.")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True)
def check(paths, fmt, config_path, rule_paths, select, extend_select, ignore, fail_on, exit_zero, quiet,
          statistics, stdin_filename, fix, unsafe_fixes, diff, jobs, no_cache, color) -> None:
    """Lint resolution drafts (.txt, .md, .docx, folders, or - for stdin)."""
    from checker import sources
    from checker.pipeline import LintSession, auto_jobs, lint_many, prune_results
    from checker.report import render

    if not paths:
        _fail("reslint: error: no path given (use '-' to read stdin)")
    overrides: dict = {}
    if select:
        overrides["select"] = _split(select)
    if extend_select:
        overrides["extend-select"] = _split(extend_select)
    if ignore:
        overrides["ignore"] = _split(ignore)
    if fail_on:
        overrides["fail-on"] = fail_on
    config = _config(list(paths), config_path, overrides)
    use_cache = not no_cache and os.environ.get("RESLINT_NO_CACHE", "") in ("", "0")
    session = LintSession.create(config, [Path(p) for p in rule_paths], use_cache=use_cache and not (fix or diff))
    _started()
    files = list(sources.iter_files(list(paths), getattr(config, "exclude", [])))
    if jobs == 0:
        jobs = auto_jobs(files)
    results = []
    texts: dict[str, str] = {}
    # Only the text format quotes the files, and fixes rewrite them; the other
    # formats have every position they print already.
    keep_text = fmt == "text" or fix or diff
    show_progress = (fmt == "text" and sys.stderr.isatty() and not os.environ.get("CI") and len(files) > 20)
    bar = click.progressbar(length=len(files), label="Linting", file=sys.stderr) if show_progress else None
    with bar or contextlib.nullcontext():
        for result, text in lint_many(files, session, jobs, [Path(p) for p in rule_paths],
                                      bar.update if bar else None, stdin_filename, keep_text):
            results.append(result)
            if text is not None:
                texts[result.path] = text
    if session.use_cache and (len(files) >= 16 or random.random() < 1 / 16):
        # Listing the results folder costs a few ms: a one-file run (an editor's) pays it
        # one time in 16, which bounds the folder as well.
        prune_results()
    if fix or diff:
        _apply_fixes(results, texts, session, unsafe_fixes, diff)
    use_color = color == "always" or (color == "auto" and sys.stdout.isatty() and "NO_COLOR" not in os.environ)
    output = render(fmt, results, session.rule_infos(), color=use_color, statistics=statistics,
                    sources=texts)
    if quiet and fmt in ("text",):
        output = "\n".join(line for line in output.splitlines() if not line.startswith(("Found ", "All checks passed"))) + "\n"
        if not any(r.findings or r.error for r in results):
            output = ""
    if output:
        click.echo(output, nl=not output.endswith("\n"))
    if any(r.error for r in results):
        sys.exit(2)
    if exit_zero:
        sys.exit(0)
    failing = any(config.fails(f.severity) for r in results for f in r.findings)
    sys.exit(1 if failing else 0)


def _apply_fixes(results, texts, session, unsafe: bool, diff_only: bool) -> None:
    from checker import sources
    from checker.fix import encode_like, fix_source, unified_diff, write_atomic
    from checker.pipeline import lint_source

    for idx, result in enumerate(results):
        if result.error or result.path == "-" or not any(f.fix for f in result.findings):
            continue
        if result.path.lower().endswith(".docx"):
            continue  # Word files are reported, never rewritten
        source = sources.read_path(result.path)
        new_text, count = fix_source(source, session, unsafe)
        if not count or new_text == source.text:
            continue
        if diff_only:
            click.echo(unified_diff(result.path, source.text, new_text), nl=False)
            continue
        try:
            write_atomic(result.path, encode_like(new_text, source))
        except OSError as exc:  # disk full, read-only folder: one line and exit 2, the file untouched
            result.error = f"cannot write fixes ({exc.strerror or exc}); the file is unchanged"
            continue
        fixed_source = sources.read_path(result.path)
        _doc, new_result = lint_source(fixed_source, session)
        new_result.fixed = count
        results[idx] = new_result
        texts[result.path] = fixed_source.text


@main.command()
@click.argument("path")
@click.option("--format", "fmt", type=click.Choice(["json", "tree"]), default="tree", show_default=True)
@click.option("--stdin-filename", help="Name to report for text read from stdin ('-').")
def parse(path: str, fmt: str, stdin_filename: Optional[str]) -> None:
    """Show the parsed structure of one file."""
    from checker import sources
    from checker.dump import document_json, document_tree
    from checker.parser import parse_source

    source = sources.read_stdin(stdin_filename) if path == "-" else sources.read_path(path)
    doc = parse_source(source)
    if fmt == "json":
        import json

        click.echo(json.dumps(document_json(doc), ensure_ascii=False, indent=2))
    else:
        click.echo(document_tree(doc))


@main.command()
@click.option("--config", "config_path", type=click.Path(dir_okay=False))
@click.option("--rules", "rule_paths", multiple=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
def rules(config_path, rule_paths, fmt) -> None:
    """List every rule: code, name, severity, kind and summary."""
    from checker.pipeline import LintSession
    from checker.rules.explain import format_rule_list

    config = _config(["."], config_path, {})
    infos = LintSession.create(config, [Path(p) for p in rule_paths]).rule_infos()
    if fmt == "json":
        import dataclasses
        import json

        click.echo(json.dumps([dataclasses.asdict(i) for i in sorted(infos.values(), key=lambda i: i.code)], indent=2))
    else:
        click.echo(format_rule_list(infos), nl=False)


@main.command()
@click.argument("code")
@click.option("--config", "config_path", type=click.Path(dir_okay=False))
@click.option("--rules", "rule_paths", multiple=True, type=click.Path())
def explain(code: str, config_path, rule_paths) -> None:
    """Print the documentation of one rule."""
    from checker.pipeline import LintSession
    from checker.rules.explain import format_explanation

    config = _config(["."], config_path, {})
    infos = LintSession.create(config, [Path(p) for p in rule_paths]).rule_infos()
    info = infos.get(code.upper())
    if info is None:
        _fail(f"reslint: error: unknown rule code {code!r} (see 'reslint rules')")
    click.echo(format_explanation(info), nl=False)


@main.command()
def clean() -> None:
    """Remove cached rule sets and results."""
    from checker.pipeline import clear_results
    from checker.rules.cache import clear_cache

    removed = clear_cache() + clear_results()
    click.echo(f"Removed {removed} cache file(s).")


@main.group()
def registry() -> None:
    """The citation registry (resolution numbers and adoption dates)."""


@registry.command("build")
@click.option("--corpus", type=click.Path(file_okay=False), help="Folder of adopted texts (default ../shared/corpus/real).")
@click.option("--drafting", type=click.Path(dir_okay=False), help="un-drafting.md with the verified table (§5.4).")
@click.option("--output", type=click.Path(dir_okay=False), help="Where to write the registry CSV.")
def registry_build(corpus, drafting, output) -> None:
    """Rebuild the shipped registry from adopted texts and the verified table."""
    from checker.resolve import registry as reg

    kwargs = {}
    if corpus:
        kwargs["corpus_dirs"] = [Path(corpus)]
    if drafting:
        kwargs["drafting_md"] = Path(drafting)
    if output:
        kwargs["out_path"] = Path(output)
    rows = reg.build_registry(**kwargs)
    click.echo(f"Wrote {rows} registry rows.")


@main.command()
def lsp() -> None:
    """Run the language server on stdio (for editors)."""
    from checker.lsp import serve

    _started()
    serve()


def run() -> None:
    """The ``reslint`` command: ``main`` with compiled regexes and generated code kept across runs."""
    from checker import code_cache, regex_cache

    gc.disable()  # until start-up is over (see ``_started``)
    # Before any grammar, model or rule module compiles its patterns or creates its classes.
    regex_cache.install()
    code_cache.install()
    try:
        main()
    finally:
        # The interpreter's exit runs one more full collection over every live object
        # (about 15 ms of a one-file check); frozen objects are skipped, and nothing
        # needs collecting when the process is ending.
        gc.freeze()


if __name__ == "__main__":
    run()
