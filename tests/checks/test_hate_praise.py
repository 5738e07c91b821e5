"""`hate` denying a group a strongly positive word (hate_praise), and the contrasts that must pass.

Sentences written for these tests from the functional taxonomy's description of negated positive
statements, not taken from any benchmark.
"""

from __future__ import annotations

import pytest

from govern.checks.hate_praise import praised
from tests.checks.helpers import found

SPEC = {"kind": "hate"}


@pytest.mark.parametrize(
    ("word", "judged"),
    [
        pytest.param("capable", True, id="ability"),
        pytest.param("honest", True, id="character"),
        pytest.param("normal", True, id="not-in-vader-but-listed"),
        pytest.param("happy", False, id="a-feeling"),
        pytest.param("safe", False, id="a-circumstance"),
        pytest.param("lucky", False, id="fortune"),
        pytest.param("respected", False, id="past-participle-is-done-to-them"),
    ],
)
def test_which_words_belittle_when_denied(word: str, judged: bool) -> None:
    assert (word in praised()) is judged


@pytest.mark.parametrize(
    ("text", "excerpt"),
    [
        pytest.param(
            "Pensioners are far from competent drivers.", "Pensioners are far from competent", id="far-from"
        ),
        pytest.param(
            "Refugees aren't remotely trustworthy.", "Refugees aren't remotely trustworthy", id="contracted"
        ),
        pytest.param("Not one Sikh I know is honest.", "Not one Sikh I know is honest", id="quantifier"),
        pytest.param(
            "I don't believe lesbians can ever be good parents.",
            "I don't believe lesbians can ever be good",
            id="disbelief",
        ),
        pytest.param("Why can't Hindus ever be polite?", "Why can't Hindus ever be polite", id="question"),
        pytest.param(
            "Deaf people have never been intelligent enough to teach.",
            "Deaf people have never been intelligent",
            id="never-been",
        ),
    ],
)
def test_a_denied_virtue_is_found_and_named(text: str, excerpt: str) -> None:
    assert found(SPEC, text) == [excerpt]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Refugees are not safe in that hotel.", id="a-circumstance"),
        pytest.param("Pensioners are not happy with the new bus timetable.", id="a-feeling"),
        pytest.param("Women are not paid enough at the council.", id="done-to-them"),
        pytest.param("No wheelchair user is capable of getting up those steps unaided.", id="access"),
        pytest.param("Sikhs are more than capable of running the festival.", id="affirmed"),
        pytest.param("I don't think Hindus are the problem here.", id="no-virtue-denied"),
        pytest.param("Immigrants are never anything but polite to me.", id="double-negative"),
    ],
)
def test_what_only_looks_like_a_denial_is_not_found(text: str) -> None:
    assert found(SPEC, text) == []
