"""``--format junit``: JUnit XML for CI dashboards that only read test reports.

One ``<testsuite>`` per file; one failing ``<testcase>`` per finding (its
``type`` is the severity); a clean file gets one passing test case, an
unreadable one a test case with an ``<error>``. ElementTree escapes markup;
characters that XML 1.0 cannot carry at all (most C0 controls, lone
surrogates) are replaced with U+FFFD first, or the document would not parse.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from checker.findings import FileResult, RuleInfo
from checker.report import RenderOptions, labelled_message, region

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def render(results: list[FileResult], rules: dict[str, RuleInfo], options: RenderOptions) -> str:
    root = ET.Element("testsuites", name="reslint")
    totals = {"tests": 0, "failures": 0, "errors": 0}
    for result in results:
        suite = _suite(result, rules)
        root.append(suite)
        for key in totals:
            totals[key] += int(suite.get(key, "0"))
    for key, value in totals.items():
        root.set(key, str(value))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _suite(result: FileResult, rules: dict[str, RuleInfo]) -> ET.Element:
    path = clean(result.path)
    suite = ET.Element("testsuite", name=path)
    if result.error is not None:
        case = ET.SubElement(suite, "testcase", name="read", classname=path)
        ET.SubElement(case, "error", message=clean(result.error), type="unreadable")
        _count(suite, tests=1, failures=0, errors=1)
        return suite
    if not result.findings:
        ET.SubElement(suite, "testcase", name="reslint", classname=path)
        _count(suite, tests=1, failures=0, errors=0)
        return suite
    for finding in result.findings:
        line, column, end_line, end_column = region(finding)
        case = ET.SubElement(
            suite,
            "testcase",
            name=clean(f"{finding.rule} {finding.address} {line}:{column}"),
            classname=path,
            file=path,
            line=str(line),
        )
        failure = ET.SubElement(case, "failure", message=clean(labelled_message(finding)), type=finding.severity)
        info = rules.get(finding.rule)
        details = [f"{path}:{line}:{column}-{end_line}:{end_column}: {finding.rule} {finding.severity}"]
        if info is not None:
            details.append(f"{info.name}: {info.summary}")
        details.append(finding.message)
        if finding.fix is not None:
            details.append(f"Fix available: {finding.fix.description}")
        failure.text = clean("\n".join(details))
    _count(suite, tests=len(result.findings), failures=len(result.findings), errors=0)
    return suite


def _count(suite: ET.Element, **counts: int) -> None:
    for key, value in counts.items():
        suite.set(key, str(value))
