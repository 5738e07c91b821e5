"""Word boundaries everywhere: no listed word or phrase of the default pack is found inside a
longer word, nor (for the draft checks) as one part of a hyphenated compound."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from govern.checks.base import Subject
from tests.checks.helpers import compile_detector
from tests.conftest import DEFAULT_PACK


def _listed() -> list[tuple[str, dict[str, Any], str]]:
    """(document, detector spec, word) for every word a detector of the default pack lists."""
    out = []
    for name in ("drafts.yaml", "moderation.yaml"):
        document = yaml.safe_load((DEFAULT_PACK / name).read_text(encoding="utf-8"))
        for rule in document["spec"]["rules"]:
            for spec in rule.get("match", []) + rule.get("unless", []):
                words: list[Any] = []
                if spec["kind"] in ("phrases", "hostility"):
                    words = spec.get("phrases") or []
                elif spec["kind"] == "words":
                    words = spec["words"]
                elif spec["kind"] == "words-to-avoid":
                    words = [form for entry in spec["words"] for form in entry.get("forms", [entry["word"]])]
                for word in words:
                    out.append((name, spec, word if isinstance(word, str) else word["phrase"]))
    return out


LISTED = _listed()
DETECTORS = {id(spec): compile_detector(spec)[0] for _, spec, _ in LISTED}
# Draft checks promise more: a listed word is not one part of a hyphenated compound either
# (profanity's disguised spellings are owned by the `words` kind and may join with hyphens).
COMPOUND_KINDS = ("phrases", "hostility", "words-to-avoid")


def _found(spec: dict[str, Any], text: str, start: int, end: int) -> list[str]:
    """What the detector finds that covers the listed word at text[start:end]."""
    subject = Subject(text, {"platform": "x"}, dt.date(2026, 11, 21))
    return [
        text[s.start : s.end] for s in DETECTORS[id(spec)].find(subject) if s.start <= start and s.end >= end
    ]


def test_the_pack_lists_words_to_check() -> None:
    kinds = {spec["kind"] for _, spec, _ in LISTED}
    assert {"phrases", "hostility", "words", "words-to-avoid"} <= kinds
    assert len(LISTED) > 300


letters = st.text(alphabet="bcdfghjklmnpqrvwxz", min_size=1, max_size=3)


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(item=st.sampled_from(LISTED), before=letters, after=letters)
def test_no_listed_word_is_found_inside_a_longer_word(
    item: tuple[str, dict[str, Any], str], before: str, after: str
) -> None:
    _, spec, word = item
    embedded = f"{before}{word}{after}" if word[0].isalnum() and word[-1].isalnum() else None
    if embedded is None:
        return  # a listed symbol ("100%") has no word edge to keep
    # a letter repeated at the word's edge ("ddickheadd") is a disguised spelling the profanity
    # list matches on purpose ("fuuuck"), not a longer word
    assume(before[-1] != word[0].lower() and after[0] != word[-1].lower())
    text = f"Today {embedded} here."
    start = 6 + len(before)
    assert _found(spec, text, start, start + len(word)) == []


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    item=st.sampled_from([i for i in LISTED if i[1]["kind"] in COMPOUND_KINDS and i[2][-1].isalnum()]),
    prefix=st.sampled_from(["multi", "non", "anti", "co", "self", "cross", "well"]),
    suffix=st.sampled_from(["based", "led", "related", "free", "like", "style"]),
)
def test_no_listed_word_is_found_as_part_of_a_hyphenated_compound(
    item: tuple[str, dict[str, Any], str], prefix: str, suffix: str
) -> None:
    _, spec, word = item
    for compound in (f"{prefix}-{word}", f"{word}-{suffix}"):
        text = f"Today {compound} here."
        start = 6 + len(prefix) + 1 if compound.startswith(f"{prefix}-") else 6
        assert _found(spec, text, start, start + len(word)) == [], compound


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        pytest.param("Our multi-disciplinary team", "sensitive-topic", id="multi-disciplinary"),
        pytest.param("A non-abusive relationship course", "sensitive-topic", id="non-abusive"),
        pytest.param("The keyholder has the hall", "corporate-tone", id="keyholder"),
        pytest.param("Our drive-through testing site", "corporate-tone", id="drive-through"),
    ],
)
def test_compounds_in_the_default_pack(council: Any, text: str, rule: str) -> None:
    assert rule not in {f.rule for f in council.check({"text": text, "platform": "x"}).findings}
