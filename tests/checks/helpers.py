"""Compile one detector from its YAML-shaped spec and run it on a text."""

from __future__ import annotations

import datetime as dt
from typing import Any

from govern.checks import KINDS
from govern.checks.base import CompileEnv, Subject
from govern.checks.signals import SIGNALS
from govern.drafts.engine import VARIABLES
from govern.errors import Location, Problem


def compile_detector(spec: dict[str, Any]) -> tuple[Any, list[Problem]]:
    env = CompileEnv(lambda *sub: Location("test.yaml", 1, 1), "rule", VARIABLES)
    detector = KINDS[spec["kind"]][1](spec, env)
    return detector, env.problems


def found(spec: dict[str, Any], text: str, **facts: Any) -> list[str]:
    """The excerpts a detector finds in `text`."""
    detector, problems = compile_detector(spec)
    assert not problems, problems
    subject = Subject(text, facts, dt.date(2026, 11, 21), SIGNALS)
    return [text[s.start : s.end] for s in detector.find(subject)]
