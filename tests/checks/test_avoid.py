"""`words-to-avoid`: every form of a listed word, with its suggestion, never its literal sense."""

from __future__ import annotations

import datetime as dt

import pytest

from govern.checks.base import Subject
from tests.checks.helpers import compile_detector, found

SPEC = {
    "kind": "words-to-avoid",
    "words": [
        {"word": "tackle", "suggestion": "deal with", "context": [r"\brugby\b"]},
        {
            "word": "key",
            "forms": ["key"],
            "suggestion": "important",
            "literal": [r"\bkey\s+to\s+the\s+hall\b"],
        },
        {
            "word": "progress",
            "forms": ["progress", "progressed"],
            "suggestion": "deal with",
            "only": [r"\bprogressed\b", r"\bto\s+progress\s+your\b"],
        },
        {"word": "drive", "forms": ["drive", "driving"], "suggestion": "lead"},
        {"word": "drive out", "forms": ["drive out"], "suggestion": "end"},
    ],
}


@pytest.mark.parametrize(
    ("text", "excerpts"),
    [
        pytest.param("We will tackle fly-tipping", ["tackle"], id="word"),
        pytest.param("Tackling and tackled", ["Tackling", "tackled"], id="inflections"),
        pytest.param("A great tackle in rugby", [], id="context-word-in-sentence"),
        pytest.param(
            "A great tackle in rugby. We will tackle litter.", ["tackle"], id="context-is-per-sentence"
        ),
        pytest.param("This is a key priority", ["key"], id="explicit-form"),
        pytest.param("Collect the key to the hall", [], id="literal-over-the-word"),
        pytest.param("Keys and keyboards", [], id="only-listed-forms"),
        pytest.param("We will aim to progress your claim", ["progress"], id="only-verb"),
        pytest.param("Good progress on the path", [], id="only-not-met"),
        pytest.param("We will drive out crime", ["drive out"], id="longest-first"),
        pytest.param("A multi-key system and an over-tackle", [], id="not-in-compounds"),
        pytest.param("unkeyed tackles-ish", [], id="not-inside-words"),
    ],
)
def test_words_to_avoid(text: str, excerpts: list[str]) -> None:
    assert found(SPEC, text) == excerpts


def test_each_word_carries_its_own_suggestion() -> None:
    detector, _ = compile_detector(SPEC)
    spans = detector.find(Subject("Key work to tackle", {}, dt.date(2026, 1, 1)))
    assert [s.suggestion for s in spans] == ["important", "deal with"]


def test_a_literal_pattern_that_does_not_compile_is_a_located_problem() -> None:
    spec = {"kind": "words-to-avoid", "words": [{"word": "key", "suggestion": "x", "literal": ["(open"]}]}
    detector, problems = compile_detector(spec)
    assert detector is None
    assert [p.code for p in problems] == ["G402"]
