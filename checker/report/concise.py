"""``--format concise``: one ``path:line:col: CODE severity message`` per finding.

Editors (Vim's errorformat, Emacs compilation mode) and grep read this, so
every line matches ``^[^:]+:\\d+:\\d+: [A-Z]{3}\\d{3} (error|warning|info) .+$``:
the structural address goes into the message (``[OP5(a)] ...``) and line
breaks inside a message become spaces.

A file that could not be read is reported as ``path:1:1: IOE001 error
<reason>``. ``IOE001`` is not a rule; it is there only so that the line has
the same shape as every other and no consumer's pattern breaks on it.

With ``--statistics`` the per-finding lines give way to the counts table;
unreadable files are still listed after it.
"""

from __future__ import annotations

from checker.findings import FileResult, RuleInfo
from checker.report import UNREADABLE_CODE, RenderOptions, labelled_message, one_line, region


def render(results: list[FileResult], rules: dict[str, RuleInfo], options: RenderOptions) -> str:
    lines = []
    for result in results:
        path = one_line(result.path)
        if result.error is not None:
            lines.append(f"{path}:1:1: {UNREADABLE_CODE} error {one_line(result.error) or 'unreadable'}")
            continue
        if options.statistics:
            continue
        for finding in result.findings:
            line, column, _, _ = region(finding)
            message = one_line(labelled_message(finding))
            lines.append(f"{path}:{line}:{column}: {finding.rule} {finding.severity} {message}")
    out = "".join(line + "\n" for line in lines)
    if options.statistics:
        from checker.report.statistics import render_statistics

        out = render_statistics(results, rules) + out
    return out
