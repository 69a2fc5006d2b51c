"""``--format sarif``: SARIF 2.1.0, as GitHub code scanning and IDE viewers read it.

Choices worth knowing:

* URIs are relative to the working directory, with ``/`` separators, under
  ``uriBaseId: %SRCROOT%``; code scanning resolves them against the checkout.
* ``columnKind`` is ``unicodeCodePoints``: our columns count characters of
  the decoded text, not UTF-16 units.
* ``partialFingerprints["reslintFingerprint/v1"]`` hashes the rule, the
  structural address and the whitespace-normalized excerpt — not the line —
  so an alert survives edits elsewhere in the draft. Identical findings in one
  file are told apart by an occurrence suffix (``:2``), as GitHub's own
  ``primaryLocationLineHash`` does.
* ``fixes`` are emitted when the region of every edit is known: the pipeline
  fills it in, and a result made elsewhere gets it from the original text of the
  file when that was passed in ``sources`` (a deleted region needs lines and columns).
* Every rule of the loaded set is described in ``tool.driver.rules`` (so a
  viewer can show help for any code), plus a bare descriptor for a code seen
  in the results but missing from ``rules``.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from typing import Optional

from checker.findings import FileResult, Finding, Fix, RuleInfo
from checker.model import LineIndex
from checker.report import (
    RenderOptions,
    edit_region,
    labelled_message,
    line_index,
    region,
    relative_uri,
)

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
# Set this to the project's home page once it has one; it is omitted while empty.
INFORMATION_URI = ""
FINGERPRINT_KEY = "reslintFingerprint/v1"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
SRCROOT = "%SRCROOT%"


def render(results: list[FileResult], rules: dict[str, RuleInfo], options: RenderOptions) -> str:
    return json.dumps(log(results, rules, options), ensure_ascii=False, indent=2) + "\n"


def log(results: list[FileResult], rules: dict[str, RuleInfo], options: RenderOptions) -> dict:
    """The SARIF log as a JSON-ready dict."""
    codes = sorted(set(rules) | {f.rule for r in results for f in r.findings})
    rule_index = {code: i for i, code in enumerate(codes)}
    driver: dict = {"name": "reslint", "version": _version()}
    if INFORMATION_URI:
        driver["informationUri"] = INFORMATION_URI
    driver["rules"] = [_descriptor(code, rules.get(code)) for code in codes]

    sarif_results = []
    for result in results:
        if result.error is None:
            sarif_results.extend(_file_results(result, rule_index, options))
    unreadable = [r for r in results if r.error is not None]
    invocation = {
        "executionSuccessful": not unreadable,
        "toolExecutionNotifications": [_notification(r) for r in unreadable],
    }
    run = {
        "tool": {"driver": driver},
        "originalUriBaseIds": {SRCROOT: {"description": {"text": "The directory reslint was run from."}}},
        "invocations": [invocation],
        "columnKind": "unicodeCodePoints",
        "results": sarif_results,
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def _version() -> str:
    import checker

    return getattr(checker, "__version__", None) or "0.1.0"


# --- rules -----------------------------------------------------------------


def _descriptor(code: str, info: Optional[RuleInfo]) -> dict:
    if info is None:
        text = f"Rule {code} (no documentation loaded)."
        return {
            "id": code,
            "shortDescription": {"text": text},
            "fullDescription": {"text": text},
            "help": {"text": text, "markdown": text},
        }
    descriptor = {
        "id": code,
        "name": info.name,
        "shortDescription": {"text": info.summary or info.name},
        "fullDescription": {"text": info.rationale or info.summary or info.name},
        "help": {"text": _help_text(info), "markdown": _help_markdown(info)},
        "defaultConfiguration": {"level": LEVELS.get(info.severity, "warning")},
    }
    if info.link:
        descriptor["helpUri"] = info.link
    props = {k: v for k, v in (("kind", info.kind), ("scope", info.scope)) if v}
    if props:
        descriptor["properties"] = props
    return descriptor


def _help_text(info: RuleInfo) -> str:
    parts = [info.summary or info.name]
    if info.rationale:
        parts.append(info.rationale)
    for title, examples in (("Invalid", info.examples_invalid), ("Valid", info.examples_valid)):
        if examples:
            parts.append(title + ":\n" + "\n".join("  " + e.replace("\n", "\n  ") for e in examples))
    if info.fix:
        parts.append("Fix: " + info.fix)
    return "\n\n".join(parts)


def _help_markdown(info: RuleInfo) -> str:
    parts = [f"**{info.code}** {info.name}"]
    if info.summary:
        parts.append(info.summary)
    if info.rationale:
        parts.append("## Why\n\n" + info.rationale)
    for title, examples in (("Invalid", info.examples_invalid), ("Valid", info.examples_valid)):
        if examples:
            parts.append(f"## {title}\n\n" + "\n\n".join(_fenced(e) for e in examples))
    if info.fix:
        parts.append("## Fix\n\n" + info.fix)
    return "\n\n".join(parts)


def _fenced(text: str) -> str:
    # A fence must be longer than any run of backticks inside the block.
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}text\n{text}\n{fence}"


# --- results ---------------------------------------------------------------


def _file_results(result: FileResult, rule_index: dict[str, int], options: RenderOptions) -> list[dict]:
    uri = relative_uri(result.path)
    source = options.sources.get(result.path)
    index = line_index(options, result.path)
    seen: Counter[str] = Counter()
    out = []
    for finding in result.findings:
        digest = _fingerprint(finding, source)
        seen[digest] += 1
        out.append(_result(finding, uri, rule_index, f"{digest}:{seen[digest]}", index))
    return out


def _result(
    finding: Finding, uri: str, rule_index: dict[str, int], fingerprint: str, index: Optional[LineIndex]
) -> dict:
    line, column, end_line, end_column = region(finding)
    location = {
        "physicalLocation": {
            "artifactLocation": {"uri": uri, "uriBaseId": SRCROOT},
            "region": {"startLine": line, "startColumn": column, "endLine": end_line, "endColumn": end_column},
        },
        "logicalLocations": [{"name": finding.address, "fullyQualifiedName": finding.address}],
    }
    out = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index[finding.rule],
        "level": LEVELS.get(finding.severity, "warning"),
        "message": {"text": labelled_message(finding)},
        "locations": [location],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
    }
    if finding.fix is not None:
        fix = _fix(finding.fix, uri, index)
        if fix is not None:
            out["fixes"] = [fix]
    return out


def _fingerprint(finding: Finding, source: Optional[str]) -> str:
    excerpt = finding.excerpt
    if not excerpt and source is not None:
        excerpt = source[finding.span.start:finding.span.end]
    normalized = " ".join(excerpt.split())
    key = "\x1f".join((finding.rule, finding.address, normalized))
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


def _fix(fix: Fix, uri: str, index: Optional[LineIndex]) -> Optional[dict]:
    """A SARIF fix, or None when the region of an edit is not known."""
    replacements = []
    for edit in fix.edits:
        pos = edit_region(edit, index)
        if pos is None:
            return None
        replacements.append(
            {
                "deletedRegion": {
                    "startLine": pos["line"],
                    "startColumn": pos["column"],
                    "endLine": pos["end_line"],
                    "endColumn": pos["end_column"],
                },
                "insertedContent": {"text": edit.replacement},
            }
        )
    return {
        "description": {"text": fix.description},
        "artifactChanges": [{"artifactLocation": {"uri": uri, "uriBaseId": SRCROOT}, "replacements": replacements}],
    }


def _notification(result: FileResult) -> dict:
    return {
        "level": "error",
        "message": {"text": f"{result.path}: {result.error}"},
        "locations": [
            {"physicalLocation": {"artifactLocation": {"uri": relative_uri(result.path), "uriBaseId": SRCROOT}}}
        ],
    }
