"""Probes written for the weak functionalities of the taxonomy (tests/data/moderation-probes*.jsonl).

Each line is a sentence of our own, not a benchmark's: a hateful form the holdout scores showed we
missed (direct threats to a group, implicit derogation, negated positives, glued or misspelt group
names), or its contrast that must be published (counter-speech, homonyms, figures of speech) or held
(an insult aimed at one person).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from govern import Pack, load_pack

DATA = Path(__file__).resolve().parent.parent / "data"
PROBES = sorted(DATA.glob("moderation-probes*.jsonl"))  # one file a batch of probes
COMMENT = {"channel": "facebook-page", "posted_at": "2026-11-18T11:00:00Z"}  # a Wednesday, in hours
CASES = [
    json.loads(line)
    for path in PROBES
    for line in path.read_text(encoding="utf-8").splitlines()
    if line.strip()
]


@pytest.fixture(scope="module")
def pack() -> Pack:
    return load_pack(Path(__file__).resolve().parents[2] / "policies" / "council-default")


@pytest.mark.parametrize(
    "case", [pytest.param(c, id=f"{c['functionality']}-{i}") for i, c in enumerate(CASES)]
)
def test_probe(pack: Pack, case: dict[str, str]) -> None:
    result = pack.moderate({**COMMENT, "text": case["text"]})
    if case["expect"] == "not_publish":
        assert result.action != "publish", case["text"]
        # every hold or remove names the words that caused it
        assert result.findings and all(f.excerpt.strip() for f in result.findings), case["text"]
    else:
        assert result.action == case["expect"], (case["text"], [r.rule for r in result.reasons])
