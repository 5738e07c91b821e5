"""`context`: a CEL condition on what is known about the text, not the text itself.

Catches: an image posted without alt text (`{kind: context, condition: 'has_image && alt_text == ""'}`).
The finding has an empty span at the start of the text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from govern.checks.base import CompileEnv, Span, Subject
from govern.policy.expr import EvaluationError, Expr, compile_expr

SCHEMA = {
    "kind": {"type": "string", "required": True},
    "condition": {"type": "string", "required": True, "empty": False},
}


@dataclass
class Context:
    condition: Expr
    pattern: str | None = None

    def find(self, subject: Subject) -> list[Span]:
        try:
            return [Span(0, 0)] if self.condition.evaluate(subject.facts) is True else []
        except EvaluationError:
            return [Span(0, 0)]  # fail closed: a check that cannot be evaluated is reported


def compile_context(spec: dict[str, Any], env: CompileEnv) -> Context | None:
    compiled = compile_expr(str(spec["condition"]), env.where("condition"), env.variables, env.path)
    if not isinstance(compiled, Expr):
        env.problems.append(compiled)
        return None
    return Context(compiled)
