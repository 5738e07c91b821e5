"""CEL expressions are bounded before they compile: size, nesting, comprehensions and cost."""

from __future__ import annotations

from pathlib import Path

import pytest

from govern import PolicyError, load_pack
from govern.access.engine import VARIABLES
from govern.errors import Location
from govern.policy.expr import Expr, compile_expr
from govern.policy.expr_limits import MAX_CHARS, check_limits
from tests.conftest import write_pack

LIST = "[" + ",".join(["7"] * 450) + "]"  # 450 items in 901 characters


def nested_maps(depth: int) -> str:
    source = "[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]"
    for level in range(depth):
        source = f"[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(v{level}, {source})"
    return f"size({source}) > 0"


@pytest.mark.parametrize(
    ("source", "message"),
    [
        pytest.param(" + ".join(["1"] * 30_000) + " > 0", "120,001 characters long", id="30000-term-sum"),
        pytest.param("(" * 40 + "1" + ")" * 40 + " > 0", "nested deeper than 32", id="deep-parentheses"),
        pytest.param("[" * 40 + "]" * 40 + " == []", "nested deeper than 32", id="deep-lists"),
        pytest.param(nested_maps(6), "nested 3 deep (map.map.map)", id="six-nested-maps"),
        pytest.param(
            "groups.all(a, groups.all(b, groups.all(c, a == c)))",
            "nested 3 deep (all.all.all)",
            id="three-nested-all",
        ),
        pytest.param(
            f"size({LIST}.map(a, {LIST}.map(b, a + b))) > 0", "the limit is 1,000,000", id="quadratic-literal"
        ),
        pytest.param(
            "size((" + " + ".join(["groups"] * 10) + ").map(a, a)) > 0",
            "the limit is 1,000,000",
            id="concatenated-map",
        ),
        pytest.param(
            " && ".join(["groups.exists(g, g == 'x')"] * 9),
            "9 comprehensions; the limit is 8",
            id="nine-macros",
        ),
    ],
)
def test_hostile_expressions_are_refused_before_compiling(source: str, message: str) -> None:
    found = compile_expr(source, Location("access.yaml", 7, 18), VARIABLES, "spec.rules[0].condition")
    assert not isinstance(found, Expr)
    assert found.code == "G403"
    assert message in found.message
    assert str(found).startswith("access.yaml:7:18: G403 ")


@pytest.mark.parametrize(
    "source",
    [
        pytest.param(
            '"social-media-essentials" in training_days && training_days["x"] <= 730', id="map-lookup"
        ),
        pytest.param('groups.exists(g, g == "comms-team")', id="exists"),
        pytest.param("groups.exists(a, drivers.exists(b, a == b))", id="nested-two-exists"),
        pytest.param("size(groups.filter(g, g.startsWith('comms'))) > 1", id="filter"),
        pytest.param("(" * 30 + "true" + ")" * 30, id="thirty-parentheses"),
        pytest.param("size(" + LIST + ") > 1 && '[(' != ')]'", id="brackets-in-strings-ignored"),
        pytest.param(LIST + ".exists(i, i == 7)", id="exists-over-a-long-literal"),
        pytest.param(" || ".join(["role == 'x'"] * 130), id="long-but-flat"),
    ],
)
def test_ordinary_expressions_are_within_the_limits(source: str) -> None:
    assert len(source) <= MAX_CHARS
    assert check_limits(source) is None
    assert isinstance(compile_expr(source, Location("a.yaml"), VARIABLES), Expr)


def test_limits_report_the_position_inside_the_expression() -> None:
    refused = check_limits("true &&\n  " + "(" * 33 + "1" + ")" * 33)
    assert refused is not None
    assert (refused.line, refused.column) == (2, 35)


ACCESS = """apiVersion: govern/v1
kind: AccessPolicy
metadata: {{name: access, description: d, owner: o}}
spec:
  rules:
    - id: hostile
      description: A condition nobody can afford to run.
      effect: permit
      condition: "{condition}"
      message: ok
"""


@pytest.mark.parametrize(
    "condition",
    [
        pytest.param(" + ".join(["1"] * 30_000) + " > 0", id="30000-terms-segfaulted"),
        pytest.param(nested_maps(6), id="six-maps-took-7s"),
    ],
)
def test_a_pack_with_a_hostile_condition_is_refused_with_a_located_problem(
    tmp_path: Path, condition: str
) -> None:
    pack = write_pack(
        tmp_path / "hostile",
        {
            "pack.yaml": "name: hostile\nversion: 1.0.0\nowner: o\ndescription: d\n",
            "access.yaml": ACCESS.format(condition=condition),
        },
    )
    with pytest.raises(PolicyError) as caught:
        load_pack(pack)
    [problem] = caught.value.problems
    assert (problem.code, problem.location.file, problem.location.line) == (
        "G403",
        str(pack / "access.yaml"),
        9,
    )
    assert problem.path == "rules.hostile"
