"""The per-text signals agree exactly with the libraries they stand in for."""

from __future__ import annotations

import csv
import json
import warnings
from pathlib import Path

import pytest

from govern.checks.signals import negativity, offensive, offensive_model, sentiment

DATA = Path(__file__).resolve().parent.parent / "data"


def texts() -> list[str]:
    out = [json.loads(line)["text"] for line in (DATA / "drafts.jsonl").read_text().splitlines()]
    out += [json.loads(line)["text"] for line in (DATA / "comments.jsonl").read_text().splitlines()]
    with (DATA / "davidson-sample.csv").open(newline="", encoding="utf-8") as f:
        out += [row["tweet"] for row in csv.DictReader(f)]
    return out + ["", "not good", "isn't great", "yeah right", "at least", ":(", "😠", "no"]


def test_negativity_shortcut_never_differs_from_vader() -> None:
    wrong = [t for t in texts() if negativity(t) != max(0.0, -sentiment(t))]
    assert wrong == []


def test_negativity_skips_vader_for_most_texts() -> None:
    sample = texts()
    assert sum(negativity(t) == 0 for t in sample) > len(sample) / 4


def test_offensive_score_equals_alt_profanity_check() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from profanity_check import predict_prob

    sample = texts()[:1500]
    expected = predict_prob(sample)
    assert max(abs(offensive(t) - float(e)) for t, e in zip(sample, expected, strict=True)) < 1e-9


@pytest.mark.parametrize(
    ("text", "high"), [("you are a fucking idiot", True), ("the library opens at nine", False)]
)
def test_offensive_score_range(text: str, high: bool) -> None:
    assert (offensive(text) > 0.8) is high
    assert len(offensive_model().weights) > 10_000
