"""`length`: the most characters each platform allows.

Catches: an X post of 300 characters. Example: `{kind: length, limits: {x: 280, bluesky: 300}}`.
The finding covers the characters past the limit. Characters are Unicode code points; platforms
that count links as a fixed length (X: 23) make the real limit slightly looser than this check.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from govern.checks.base import CompileEnv, Span, Subject

SCHEMA = {
    "kind": {"type": "string", "required": True},
    "limits": {
        "type": "dict",
        "required": True,
        "keysrules": {"type": "string"},
        "valuesrules": {"type": "integer", "min": 1},
    },
}


@dataclass
class Length:
    limits: dict[str, int]
    pattern: str | None = None
    reads_raw = True  # the platform counts what was written, not what it reads as

    def find(self, subject: Subject) -> list[Span]:
        limit = self.limits.get(str(subject.facts.get("platform", "")))
        text = subject.original
        if limit is not None and len(text) > limit:
            return [Span(limit, len(text), f"Cut {len(text) - limit} characters to fit {limit}.")]
        return []


def compile_length(spec: dict[str, Any], env: CompileEnv) -> Length | None:
    return Length({str(k): int(v) for k, v in spec["limits"].items()})
