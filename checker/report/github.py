"""``--format github``: GitHub Actions workflow commands, one annotation per finding.

``::error file=F,line=L,col=C,endLine=L2,endColumn=C2,title=CODE::[OP5] message``
(``warning`` for warnings, ``notice`` for info). Escaping follows the Actions
toolkit: in the message ``%``, CR and LF are percent-encoded; in properties
``:`` and ``,`` are too, since they delimit the property list. Other Unicode
line separators become spaces so that one finding is always one line.

Columns are given only for single-line spans: the Actions runner rejects
``col``/``endColumn`` on an annotation whose ``line`` and ``endLine`` differ.
"""

from __future__ import annotations

from checker.findings import FileResult, RuleInfo
from checker.report import (
    UNREADABLE_CODE,
    RenderOptions,
    labelled_message,
    one_line,
    region,
    relative_path,
)

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return one_line(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, properties: dict[str, object], message: str) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{name} {props}::{escape_data(message)}"


def render(results: list[FileResult], rules: dict[str, RuleInfo], options: RenderOptions) -> str:
    lines = []
    for result in results:
        path = relative_path(result.path)
        if result.error is not None:
            lines.append(command("error", {"file": path, "title": UNREADABLE_CODE}, result.error))
            continue
        for finding in result.findings:
            line, column, end_line, end_column = region(finding)
            props: dict[str, object] = {"file": path, "line": line}
            if end_line == line:
                props.update(col=column, endLine=end_line, endColumn=end_column)
            else:
                props["endLine"] = end_line
            props["title"] = finding.rule
            name = COMMANDS.get(finding.severity, "warning")
            lines.append(command(name, props, labelled_message(finding)))
    return "".join(line + "\n" for line in lines)
