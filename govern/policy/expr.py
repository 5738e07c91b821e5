"""CEL expressions: compiled once at load, checked against the variables a kind provides."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import cel

from govern.errors import Location, Problem, did_you_mean
from govern.policy.expr_limits import check_limits
from govern.policy.expr_py import Closure, closure_of, translate

_POSITION = re.compile(r"<input>:(\d+):(\d+): (.*)")
_MACRO_VARIABLE = re.compile(r"\.(?:all|exists|exists_one|map|filter)\(\s*([A-Za-z_]\w*)\s*,")


class EvaluationError(Exception):
    """An expression failed at run time (a type mismatch the data brought out)."""


MEMO_SIZE = 4096


class FrozenMap(tuple[tuple[str, Any], ...]):
    """A map given to CEL as a hashable tuple of (key, value) pairs, so results can be memoised."""

    __slots__ = ()

    @classmethod
    def of(cls, mapping: Mapping[str, Any]) -> FrozenMap:
        return cls(sorted(mapping.items()))


def _thawed(value: Any) -> Any:
    return dict(value) if isinstance(value, FrozenMap) else value


@dataclass(frozen=True, slots=True)
class Expr:
    """A compiled CEL program and the variables it reads.

    CEL expressions are pure, so results are memoised on the values they read: policy inputs
    are mostly low-cardinality (a word count, a group list), and converting values to CEL costs
    more than evaluating. The memo is bounded and simply emptied when full.
    """

    source: str
    program: Any
    variables: tuple[str, ...]
    memo: dict[Any, Any] = field(default_factory=dict, compare=False, repr=False)
    # The same expression as a Python closure, when it is in expr_py's typed subset, and its
    # source (one Python expression over the facts `f`, see expr_py.translate).
    closure: Closure | None = field(default=None, compare=False, repr=False)
    python: str | None = field(default=None, compare=False, repr=False)

    def evaluate(self, facts: Mapping[str, Any]) -> Any:
        """The expression's value on `facts` (which hold hashable values: tuples, FrozenMap)."""
        if self.closure is not None:
            try:
                return self.closure(facts)
            except Exception:  # CEL gives its own answer, or its own error: see expr_py
                pass
        key = tuple([facts[name] for name in self.variables])
        try:
            return self.memo[key]
        except KeyError:
            pass
        except TypeError:  # a value that cannot be hashed: evaluate without the memo
            return self._run(facts)
        result = self._run(facts)
        if len(self.memo) >= MEMO_SIZE:
            self.memo.clear()
        self.memo[key] = result
        return result

    def _run(self, facts: Mapping[str, Any]) -> Any:
        try:
            return self.program.execute({name: _thawed(facts[name]) for name in self.variables})
        except (RuntimeError, ValueError, TypeError, KeyError, IndexError, OverflowError) as exc:
            raise EvaluationError(f"{self.source!r}: {exc}") from None


def compile_expr(
    source: str,
    where: Location,
    allowed: Mapping[str, str],
    path: str = "",
    inside: Callable[[int, int], Location] | None = None,
    types: Mapping[str, str] | None = None,
) -> Expr | Problem:
    """Compile `source`, or say what is wrong with it and where.

    `allowed` maps each variable the expression may read to a short description; `inside`
    turns a (line, column) of the expression into a location in the file. With `types` (each
    variable's CEL type, see expr_py), an expression in the typed subset also gets a closure.
    """
    refused = check_limits(source)
    if refused is not None:
        where_refused = inside(refused.line, refused.column) if inside else where
        return Problem(where_refused, "G403", refused.message, path)
    try:
        program = cel.compile(source)
    except (ValueError, RuntimeError) as exc:
        text = str(exc)
        found = _POSITION.search(text)
        if not found:
            return Problem(where, "G400", f"expression does not compile: {text}", path)
        line, column, reason = int(found[1]), int(found[2]), found[3].strip()
        pointer = source.splitlines()[line - 1] if source.splitlines() else source
        caret = f"{pointer}\n{' ' * (column - 1)}^"
        message = f"expression does not compile: {reason}\n{caret}"
        return Problem(inside(line, column) if inside else where, "G400", message, path)
    bound = set(_MACRO_VARIABLE.findall(source))
    names = tuple(sorted(set(program.variables()) - bound))
    for name in names:
        if name not in allowed:
            hint = did_you_mean(name, allowed) or f" (variables: {', '.join(sorted(allowed))})"
            message = f"expression reads unknown variable '{name}'{hint}"
            return Problem(where, "G401", message, path)
    python = translate(source, types) if types else None
    closure = closure_of(python) if python is not None else None
    if closure is None:
        return Expr(source, program, names)
    return Expr(source, program, names, closure=closure, python=python)
