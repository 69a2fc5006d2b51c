"""``--format text``: the human report, grouped by file.

::

    drafts/a.txt
      41:1  warning  CON001  [OP7]  Technical-assistance clause has no consent ...
        41 | Requests the Office to provide technical assistance to ...
           | ^~~~~~~~~~~~~~~~~~
           = fix available: Add "at the request of the State concerned"

    Found 1 problem (0 errors, 1 warning, 0 info) in 1 file.

The source excerpt appears when the original text of the file is passed in
``sources``. The underline is measured in terminal cells (tabs shown as four
spaces, East Asian wide characters as two), so it stays under the right
characters in drafts in Chinese or Japanese too. Paragraphs held on one long
line are cut to a window around the span. Colour only when ``color`` is set;
the CLI decides (a TTY and no ``NO_COLOR``).
"""

from __future__ import annotations

from typing import Optional

from checker.findings import FileResult, Finding, RuleInfo
from checker.model import LineIndex
from checker.report import RenderOptions, line_index, one_line, region, summary

TAB = "    "
WINDOW = 100  # characters of a long source line shown around the span
LEAD = 30  # characters kept before the span when a line is cut

_RESET = "\x1b[0m"
_STYLES = {
    "path": "\x1b[1;4m",
    "error": "\x1b[1;31m",
    "warning": "\x1b[1;33m",
    "info": "\x1b[1;36m",
    "code": "\x1b[1m",
    "dim": "\x1b[2m",
    "fix": "\x1b[32m",
}


class _Paint:
    def __init__(self, enabled: bool):
        self.enabled = enabled

    def __call__(self, style: str, text: str) -> str:
        if not self.enabled or not text:
            return text
        return f"{_STYLES.get(style, '')}{text}{_RESET}"


def render(results: list[FileResult], rules: dict[str, RuleInfo], options: RenderOptions) -> str:
    paint = _Paint(options.color)
    blocks = []
    for result in results:
        if result.error is not None:
            blocks.append(f"{paint('path', result.path)}: {paint('error', 'error')}: {result.error}\n")
        elif result.findings and not options.statistics:
            blocks.append(_file_block(result, options, paint))
    if options.statistics:
        from checker.report.statistics import render_statistics

        blocks.insert(0, render_statistics(results, rules))
    blocks.append(summary_line(results) + "\n")
    return "\n".join(block for block in blocks if block)


def _file_block(result: FileResult, options: RenderOptions, paint: _Paint) -> str:
    index = line_index(options, result.path) if options.show_source else None
    source = options.sources.get(result.path, "")
    regions = [region(f) for f in result.findings]
    pos_width = max(len(f"{r[0]}:{r[1]}") for r in regions)
    code_width = max(len(f.rule) for f in result.findings)
    lines = [paint("path", result.path)]
    for finding, (line, column, end_line, end_column) in zip(result.findings, regions):
        pos = f"{line}:{column}".ljust(pos_width)
        severity = paint(finding.severity, finding.severity.ljust(7))
        code = paint("code", finding.rule.ljust(code_width))
        address = paint("dim", f"[{finding.address}]")
        message = _indent(finding.message, " " * 4)
        lines.append(f"  {pos}  {severity}  {code}  {address}  {message}")
        if index is not None:
            lines.extend(_excerpt(source, index, line, column, end_line, end_column, finding.severity, paint))
        if finding.fix is not None:
            gutter = " " * (len(str(line)) + 5)
            lines.append(f"{gutter}= {paint('fix', 'fix available')}: {one_line(finding.fix.description)}")
    return "\n".join(lines) + "\n"


def _indent(text: str, prefix: str) -> str:
    return ("\n" + prefix).join(text.splitlines() or [""])


def _excerpt(
    source: str,
    index: LineIndex,
    line: int,
    column: int,
    end_line: int,
    end_column: int,
    severity: str,
    paint: _Paint,
) -> list[str]:
    """The source line and an underline under ``[column, end_column)``."""
    if line > index.line_count:
        return []
    text = source_line(source, index, line)
    start = min(column - 1, len(text))
    end = end_column - 1 if end_line == line else len(text)
    end = min(max(end, start + 1), max(len(text), start + 1))
    shown, start, end = _window(text, start, end)
    prefix = "".join(" " * _cells(ch) for ch in shown[:start])
    marks = sum(_cells(ch) for ch in shown[start:end]) if end <= len(shown) else 1
    underline = "^" + "~" * max(marks - 1, 0)
    number = str(line)
    gutter = " " * len(number)
    display = "".join(_shown(ch) for ch in shown)
    return [
        f"    {paint('dim', number + ' |')} {display}",
        f"    {paint('dim', gutter + ' |')} {prefix}{paint(severity, underline)}",
    ]


def source_line(source: str, index: LineIndex, line: int) -> str:
    """Line ``line`` (1-based) of ``source`` without its line break."""
    begin = index.offset(line, 1)
    finish = index.offset(line + 1, 1) if line < index.line_count else len(source)
    return source[begin:finish].rstrip("\r\n")


def _window(text: str, start: int, end: int) -> tuple[str, int, int]:
    """Cut a long line to ``WINDOW`` characters around ``start``, marking cuts with ``…``."""
    if len(text) <= WINDOW:
        return text, start, end
    lo = max(0, min(start - LEAD, len(text) - WINDOW))
    hi = lo + WINDOW
    shown = text[lo:hi]
    offset = lo
    if lo > 0:
        shown = "…" + shown
        offset -= 1
    if hi < len(text):
        shown += "…"
        end = min(end, hi)
    return shown, start - offset, end - offset


def _plain(ch: str) -> bool:
    """One cell, printed as it is, known without ``unicodedata``: Latin letters, digits and
    marks before the combining accents (U+0300), and the quotes and dashes of General
    Punctuation. Most excerpts hold nothing else, and a one-file check is spared the module."""
    return ("\u0020" <= ch < "\u007f") or ("\u00a0" <= ch < "\u0300" and ch != "\u00ad") \
        or ("\u2010" <= ch <= "\u2027") or ("\u2030" <= ch <= "\u205e")  # U+00AD: soft hyphen, no cell


def _shown(ch: str) -> str:
    """How ``ch`` is printed: tabs expanded, control characters blanked."""
    if ch == "\t":
        return TAB
    if _plain(ch):
        return ch
    import unicodedata

    return " " if unicodedata.category(ch) == "Cc" else ch


def _cells(ch: str) -> int:
    """Terminal cells taken by ``ch``."""
    if ch == "\t":
        return len(TAB)
    if _plain(ch):
        return 1
    import unicodedata

    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def summary_line(results: list[FileResult]) -> str:
    """``Found 3 problems (1 error, 2 warnings, 0 info) in 2 files.`` or ``All checks passed.``"""
    counts = summary(results)
    unreadable = sum(1 for r in results if r.error is not None)
    fixed = sum(r.fixed for r in results)
    parts = []
    if fixed:
        parts.append(f"Fixed {_plural(fixed, 'problem')}.")
    if counts["findings"]:
        with_findings = sum(1 for r in results if r.findings)
        fixable = sum(1 for r in results for f in r.findings if f.fix is not None)
        parts.append(
            f"Found {_plural(counts['findings'], 'problem')} ({_plural(counts['error'], 'error')}, "
            f"{_plural(counts['warning'], 'warning')}, {counts['info']} info) "
            f"in {_plural(with_findings, 'file')}."
        )
        if fixable:
            parts.append(f"{fixable} with a fix available.")
    elif not unreadable:
        parts.append("All checks passed.")
    else:
        parts.append("No problems found.")
    if unreadable:
        parts.append(f"{_plural(unreadable, 'file')} could not be read.")
    return " ".join(parts)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"
