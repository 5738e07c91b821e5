"""Expressions as Python closures: the subset compiles and gives CEL's value on every fact table;
anything outside the subset, or mistyped, stays on CEL; an error falls back to CEL's answer."""

from __future__ import annotations

from typing import Any

import cel
import pytest

from govern.errors import Location
from govern.policy.expr import EvaluationError, Expr, FrozenMap, compile_expr
from govern.policy.expr_py import BOOL, INT, LIST_STR, MAP_STR_INT, STR, compile_py

TYPES = {"n": INT, "s": STR, "b": BOOL, "xs": LIST_STR, "m": MAP_STR_INT}

FACTS = [
    pytest.param({"n": 0, "s": "", "b": False, "xs": (), "m": FrozenMap.of({})}, id="empty"),
    pytest.param(
        {"n": 365, "s": "post", "b": True, "xs": ("comms-team", "a"), "m": FrozenMap.of({"k": 730})},
        id="boundary",
    ),
    pytest.param(
        {"n": 366, "s": "read", "b": False, "xs": ("b",), "m": FrozenMap.of({"k": 731, "j": 1})}, id="over"
    ),
]

IN_SUBSET = [
    "n > 365",
    "n >= 10 && n <= 365",
    "!b",
    "b || 'comms-team' in xs",
    'size(xs) > 0 || "comms-team" in xs',
    's != ""',
    "s == 'post' ? 365 : 180",
    "(n < 90) == b",
    "size(s) < 5",
    "'k' in m && m['k'] <= 730",
    "size(m) == 2",
    "s < 'q'",
]


@pytest.mark.parametrize("source", IN_SUBSET)
@pytest.mark.parametrize("facts", FACTS)
def test_a_closure_gives_cels_value(source: str, facts: dict[str, Any]) -> None:
    closure = compile_py(source, TYPES)
    assert closure is not None
    program = cel.compile(source)
    names = [name for name in TYPES if name in program.variables()]
    want = program.execute({n: dict(facts[n]) if n == "m" else facts[n] for n in names})
    got = closure(facts)
    assert (got, type(got)) == (want, type(want))


@pytest.mark.parametrize(
    "source",
    [
        pytest.param("n > 's'", id="two-types"),
        pytest.param("b < true", id="ordered-bools"),
        pytest.param("n == 1.5", id="double"),
        pytest.param("-n > 1", id="minus"),
        pytest.param("xs.exists(x, x == 'a')", id="macro"),
        pytest.param("s.startsWith('p')", id="method"),
        pytest.param("'a\\n' == s", id="escape"),
        pytest.param("unknown > 1", id="undeclared"),
        pytest.param("n ? 1 : 2", id="int-condition"),
        pytest.param("b ? 1 : 's'", id="two-branch-types"),
        pytest.param("1 < n < 3", id="chained"),
        pytest.param("n in xs", id="int-in-list"),
        pytest.param("xs[0] == 'a'", id="list-index"),
        pytest.param("n > 1 )", id="trailing"),
    ],
)
def test_outside_the_subset_stays_on_cel(source: str) -> None:
    assert compile_py(source, TYPES) is None


def expr(source: str) -> Expr:
    compiled = compile_expr(source, Location("t.yaml"), dict.fromkeys(TYPES, ""), types=TYPES)
    assert isinstance(compiled, Expr)
    return compiled


def test_a_missing_key_gets_cels_error() -> None:
    compiled = expr("m['absent'] > 1")
    assert compiled.closure is not None
    with pytest.raises(EvaluationError, match="absent"):
        compiled.evaluate({"m": FrozenMap.of({"k": 1})})


def test_an_error_on_one_side_of_and_is_absorbed_as_cel_does() -> None:
    # CEL: `error && false` is false; the closure raises on the left, so CEL answers.
    compiled = expr("m['absent'] > 1 && b")
    assert compiled.evaluate({"m": FrozenMap.of({}), "b": False}) is False
