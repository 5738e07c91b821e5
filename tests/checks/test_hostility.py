"""`hostility`: cues and judgements aimed at the reader, never in an apology."""

from __future__ import annotations

import pytest

from tests.checks.helpers import compile_detector, found

SPEC = {
    "kind": "hostility",
    "phrases": ["obviously", "not our problem", "get your facts straight"],
    "patterns": [r"\bif\s+you\s+had\s+bothered\b", r"\bsorry,?\s+but\s+you[’']re\s+wrong\b"],
    "judgements": ["wrong", "unreasonable", "out of order"],
    "sincere": [r"\bsorry\b", r"\bapologi[sz]e"],
}


@pytest.mark.parametrize(
    ("text", "excerpts"),
    [
        pytest.param("Obviously the bins go out on Tuesday.", ["Obviously"], id="condescension"),
        pytest.param("If you had bothered to look.", ["If you had bothered"], id="blame"),
        pytest.param("You're being unreasonable.", ["You're being unreasonable"], id="you-are-being"),
        pytest.param("You are so wrong about this.", ["You are so wrong"], id="degree-word"),
        pytest.param(
            "Your comment is completely out of order.",
            ["Your comment is completely out of order"],
            id="yours",
        ),
        pytest.param("How unreasonable of you.", ["How unreasonable of you"], id="of-you"),
        pytest.param("You're not wrong, thanks.", [], id="negated"),
        pytest.param("If your neighbour is unreasonable, call us.", [], id="not-the-reader"),
        pytest.param("The wrong bin was emptied.", [], id="no-second-person"),
        pytest.param("We're sorry, obviously this is not what you expected.", [], id="apology-sentence"),
        pytest.param(
            "We're sorry. Obviously the bins go out on Tuesday.", [], id="an-apology-anywhere-in-the-post"
        ),
        pytest.param("Sorry, but you're wrong.", ["Sorry, but you're wrong"], id="sorry-but"),
        pytest.param("Not our problem, sorry.", [], id="sorry-anywhere-is-sincere"),
        pytest.param("We obviously-care and Obviouslyx", [], id="word-edges"),
    ],
)
def test_hostility(text: str, excerpts: list[str]) -> None:
    assert found(SPEC, text) == excerpts


def test_hostility_needs_something_to_find() -> None:
    detector, problems = compile_detector({"kind": "hostility", "sincere": [r"\bsorry\b"]})
    assert detector is None
    assert [p.code for p in problems] == ["G201"]


def test_a_bad_sincere_pattern_is_a_located_problem() -> None:
    detector, problems = compile_detector({"kind": "hostility", "phrases": ["x"], "sincere": ["(open"]})
    assert detector is None
    assert [p.code for p in problems] == ["G402"]
