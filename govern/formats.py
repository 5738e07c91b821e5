"""Draft verdicts in the formats other tools read: Vale's JSON, SARIF 2.1.0 and reviewdog's rdjsonl.

So a draft kept in a file, a CMS or a pull request can be checked in CI and its findings shown
where people already look. Positions: Vale and SARIF count columns in characters (code points,
1-based; SARIF says so with `columnKind`), reviewdog in UTF-8 bytes, as each tool documents.
A finding whose detector proposed a replacement for its span carries it as a fix.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from govern.drafts.models import DraftVerdict, Finding

FORMATS = ("vale", "sarif", "rdjsonl")
TOOL = "govern"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"

_VALE_SEVERITY = {"block": "error", "refer": "error", "revise": "warning", "info": "suggestion"}
_SARIF_LEVEL = {"block": "error", "refer": "error", "revise": "warning", "info": "note"}
_RD_SEVERITY = {"block": "ERROR", "refer": "ERROR", "revise": "WARNING", "info": "INFO"}


class Position:
    """1-based line and column of character offsets in one text, in characters or UTF-8 bytes."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]

    def line_col(self, offset: int) -> tuple[int, int]:
        line = _last_at_most(self.starts, offset)
        return line + 1, offset - self.starts[line] + 1

    def line_byte_col(self, offset: int) -> tuple[int, int]:
        line = _last_at_most(self.starts, offset)
        return line + 1, len(self.text[self.starts[line] : offset].encode("utf-8")) + 1


def _last_at_most(values: Sequence[int], x: int) -> int:
    lo, hi = 0, len(values) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if values[mid] <= x:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _end(finding: Finding) -> int:
    """The last character a finding covers (an empty finding covers its start)."""
    return max(finding.start, finding.end - 1)


def vale(items: Iterable[tuple[str, str, DraftVerdict]]) -> str:
    """Vale's `--output=JSON`: {path: [alert, ...]}, each alert with Check, Message, Severity,
    Span (first and last column on the line), Line, Match and, for a replacement, an Action."""
    out: dict[str, list[dict[str, Any]]] = {}
    for path, text, verdict in items:
        where = Position(text)
        alerts = out.setdefault(path, [])
        for f in verdict.findings:
            line, first = where.line_col(f.start)
            end_line, last = where.line_col(_end(f))
            if end_line != line:  # Vale's span is on one line: stop at its end
                last = len(text[where.starts[line - 1] :].split("\n", 1)[0])
            alerts.append(
                {
                    "Action": {"Name": "replace", "Params": [f.replacement]}
                    if f.replacement is not None
                    else {"Name": "", "Params": None},
                    "Span": [first, max(first, last)],
                    "Check": f"{TOOL}.{f.rule}",
                    "Description": f.suggestion or "",
                    "Link": "",
                    "Message": f.message,
                    "Severity": _VALE_SEVERITY.get(f.severity, "suggestion"),
                    "Match": f.excerpt,
                    "Line": line,
                }
            )
    return json.dumps(out, indent=2, ensure_ascii=False)


def sarif(items: Iterable[tuple[str, str, DraftVerdict]]) -> str:
    """One SARIF 2.1.0 log with one run: the rules that fired and a result for each finding."""
    rules: dict[str, dict[str, Any]] = {}
    results: list[dict[str, Any]] = []
    policy: dict[str, str] = {}
    for path, text, verdict in items:
        policy = {"pack": verdict.policy.pack, "version": verdict.policy.version}
        where = Position(text)
        for f in verdict.findings:
            rules.setdefault(
                f.rule,
                {
                    "id": f.rule,
                    "shortDescription": {"text": f.message},
                    "properties": {"category": f.category, "severity": f.severity},
                },
            )
            start_line, start_col = where.line_col(f.start)
            end_line, end_col = where.line_col(f.end)
            region = {
                "startLine": start_line,
                "startColumn": start_col,
                "endLine": end_line,
                "endColumn": end_col,
                "charOffset": f.start,
                "charLength": f.end - f.start,
                "snippet": {"text": f.excerpt},
            }
            location = {"physicalLocation": {"artifactLocation": {"uri": path}, "region": region}}
            result: dict[str, Any] = {
                "ruleId": f.rule,
                "level": _SARIF_LEVEL.get(f.severity, "note"),
                "message": {"text": f.message + (f" Suggestion: {f.suggestion}" if f.suggestion else "")},
                "locations": [location],
                "properties": {"category": f.category, "severity": f.severity},
            }
            if f.replacement is not None:
                result["fixes"] = [
                    {
                        "description": {"text": f"Replace with '{f.replacement}'"},
                        "artifactChanges": [
                            {
                                "artifactLocation": {"uri": path},
                                "replacements": [
                                    {"deletedRegion": region, "insertedContent": {"text": f.replacement}}
                                ],
                            }
                        ],
                    }
                ]
            results.append(result)
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": TOOL,
                        "informationUri": "https://example.invalid/govern",
                        "rules": list(rules.values()),
                        "properties": policy,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json.dumps(log, indent=2, ensure_ascii=False)


def rdjsonl(items: Iterable[tuple[str, str, DraftVerdict]]) -> str:
    """reviewdog's rdjsonl: one Diagnostic a line, columns in UTF-8 bytes."""
    lines: list[str] = []
    for path, text, verdict in items:
        where = Position(text)
        for f in verdict.findings:
            start_line, start_col = where.line_byte_col(f.start)
            end_line, end_col = where.line_byte_col(f.end)
            span = {
                "start": {"line": start_line, "column": start_col},
                "end": {"line": end_line, "column": end_col},
            }
            diagnostic: dict[str, Any] = {
                "message": f.message + (f" Suggestion: {f.suggestion}" if f.suggestion else ""),
                "location": {"path": path, "range": span},
                "severity": _RD_SEVERITY.get(f.severity, "INFO"),
                "source": {"name": TOOL},
                "code": {"value": f.rule},
            }
            if f.replacement is not None:
                diagnostic["suggestions"] = [{"range": span, "text": f.replacement}]
            lines.append(json.dumps(diagnostic, ensure_ascii=False))
    return "\n".join(lines)


RENDER = {"vale": vale, "sarif": sarif, "rdjsonl": rdjsonl}
