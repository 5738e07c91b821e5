"""`insult` (aimed at a person) and `profanity` (severities, disguises, homonyms, aim)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from govern.checks.base import Subject
from govern.checks.evidence import fold
from tests.checks.helpers import compile_detector, found

INSULT = {"kind": "insult"}


@pytest.mark.parametrize(
    ("text", "excerpts"),
    [
        pytest.param("You're a pathetic idiot.", ["a pathetic idiot"], id="second-person"),
        pytest.param("Shut up you muppet.", ["Shut up", "muppet"], id="address"),
        pytest.param("You suck.", ["You suck"], id="put-down"),
        pytest.param("Idiot.", ["Idiot"], id="bare"),
        pytest.param("Whichever idiot designed this junction should resign.", ["idiot"], id="responsible"),
        pytest.param("Councillor Smith is a moron.", ["a moron"], id="titled-name"),
        pytest.param("Dave is a total plonker.", ["a total plonker"], id="name"),
        pytest.param("The woman on the phone was a thick idiot.", ["a thick idiot"], id="person-described"),
        pytest.param("Our MP is a waste of space.", ["a waste of space"], id="phrase"),
        pytest.param("What an idiot.", ["an idiot"], id="exclamation"),
        pytest.param("Are you stupid?", ["stupid"], id="question"),
        pytest.param("You stupid cow.", ["stupid cow"], id="animal-address"),
    ],
)
def test_insults_aimed_at_a_person(text: str, excerpts: list[str]) -> None:
    assert found(INSULT, text) == excerpts


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("This service is useless.", id="service"),
        pytest.param("What a shambles.", id="shambles"),
        pytest.param("This decision stinks.", id="decision"),
        pytest.param("The council are clueless and the cabinet is incompetent.", id="institution"),
        pytest.param("I'm an idiot, I forgot bin day.", id="self"),
        pytest.param("You're not an idiot for asking.", id="negated"),
        pytest.param("He called me an idiot at the counter.", id="reported"),
        pytest.param("My uncle is a pig farmer near the tip.", id="animal-noun-compound"),
        pytest.param("It is a joke that the tip shuts at four.", id="it"),
    ],
)
def test_criticism_and_reports_are_not_insults(text: str) -> None:
    assert found(INSULT, text) == []


PROFANITY: dict[str, Any] = {
    "kind": "profanity",
    "strong": ["fuck*", "*fuck", "shit", "*shit", "cunt", "twat*", "prick", "hoe", "cock"],
    "mild": ["bloody", "damn", "crap"],
    "exceptions": [r"\bgarden\s+hoes?\b", r"\bcock\s+pheasants?\b", r"\btwatt\b"],
}


def actions(spec: dict[str, Any], text: str) -> list[tuple[str, str | None]]:
    detector, problems = compile_detector(spec)
    assert not problems
    return [(text[s.start : s.end], s.action) for s in detector.find(Subject(text, {}, dt.date(2026, 1, 1)))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("f*ck this", [("f*ck", "hold")], id="masked"),
        pytest.param("sh1t service", [("sh1t", "hold")], id="digit"),
        pytest.param("f u c k the parking", [("f u c k", "hold")], id="spaced"),
        pytest.param("fuuuuck me, that pothole", [("fuuuuck", "hold")], id="repeated-exclamation"),
        pytest.param("a load of bullshit", [("bullshit", "hold")], id="not-a-person"),
        pytest.param("What a clusterfuck", [("clusterfuck", "hold")], id="compound"),
        pytest.param("fuck you", [("fuck", None)], id="aimed-remove"),
        pytest.param("Councillor Smith is a total c*nt", [("c*nt", None)], id="noun-for-a-person"),
        pytest.param("what the fuck is going on", [("fuck", "hold")], id="emphasis-hold"),
        pytest.param("Bloody brilliant fireworks", [], id="mild-not-reported"),
        pytest.param("Scunthorpe and Penistone", [], id="scunthorpe"),
        pytest.param("My garden hoe snapped", [], id="homonym"),
        pytest.param("A cock pheasant in the park", [], id="bird"),
        pytest.param("Twatt is a village in Orkney", [], id="place"),
    ],
)
def test_profanity(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert actions(PROFANITY, text) == expected


def test_mild_words_are_reported_when_asked() -> None:
    assert found({**PROFANITY, "severity": "mild"}, "Bloody potholes") == ["Bloody"]


def test_borderline_action_can_be_remove() -> None:
    assert actions({**PROFANITY, "borderline": "remove"}, "what the fuck") == [("fuck", None)]


def test_fold_keeps_offsets_and_trailing_punctuation() -> None:
    folded = fold("Sh1t! f u c k")
    assert folded.text == "shit! fuck"
    assert folded.span(6, 10) == (6, 13)
