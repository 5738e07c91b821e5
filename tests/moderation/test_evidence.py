"""Every hold or remove names the words that caused it (COUNCIL-POLICY M3; issue 12).

A classifier's whole-text span names nothing; a finding must be a non-empty excerpt that is not
the whole comment. Each comment is wrapped in neutral words so that a detector which marks
everything would be caught.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from govern import Pack

DATA = Path(__file__).resolve().parent.parent / "data"
COMMENT = {"channel": "facebook-page", "posted_at": "2026-11-18T11:00:00Z"}
NOT_ABOUT_WORDS = {"flooding", "moderation-hours"}  # decided by what else was posted, or when


def texts() -> list[str]:
    """Comments that must not be published: the dev split of the blind functional suite, and ours."""
    cases = DATA / "moderation-functional" / "cases.jsonl"
    rows = [json.loads(line) for line in cases.read_text(encoding="utf-8").splitlines() if line]
    ours = [
        "I am going to shoot the next black person I see.",
        "The woman on the phone was a thick idiot.",
        "Mrs Jones at 14 Elm Road is a benefit cheat, report her.",
        "Ring my neighbour on 07700 900456.",
        "What the f*ck is going on with the bins?",
    ]
    return [r["text"] for r in rows if r["split"] == "dev" and r["expected_action"] != "publish"] + ours


def test_every_hold_or_remove_names_its_words(council: Pack) -> None:
    checked = 0
    for text in texts():
        wrapped = f"About the consultation: {text} Thanks for reading."
        result = council.moderate({**COMMENT, "text": wrapped})
        if result.action == "publish":
            continue
        checked += 1
        for reason in result.reasons:
            if reason.rule in NOT_ABOUT_WORDS:
                continue
            findings = [f for f in result.findings if f.rule == reason.rule]
            assert findings, f"{reason.rule} gave no finding for {wrapped!r}"
            for f in findings:
                assert f.end > f.start and f.excerpt.strip(), f"empty finding {f} for {wrapped!r}"
                assert f.excerpt.strip() != wrapped.strip(), f"whole-text finding {f.rule} for {wrapped!r}"
                assert wrapped[f.start : f.end] == f.excerpt
    assert checked > 700, "too few comments were held or removed for this test to mean anything"


@pytest.mark.parametrize(
    ("text", "rule", "excerpt"),
    [
        pytest.param(
            "I am going to shoot the next black person I see.",
            "threats",
            "I am going to shoot the next black person",
            id="threat",
        ),
        pytest.param("The woman on the phone was a thick idiot.", "insult", "a thick idiot", id="insult"),
        pytest.param(
            "Mrs Jones at 14 Elm Road is a benefit cheat.", "personal-data", "14 Elm Road", id="address"
        ),
        pytest.param("I met some immigrants. They are vermin.", "hate", "They are vermin", id="pronoun"),
    ],
)
def test_the_issue_rows_name_their_words(council: Pack, text: str, rule: str, excerpt: str) -> None:
    result = council.moderate({**COMMENT, "text": text})
    assert (rule, excerpt) in [(f.rule, f.excerpt) for f in result.findings]


def test_a_comment_full_of_matches_reports_a_bounded_number_of_findings(council: Pack) -> None:
    """20,000 characters of abuse give at most MAX_SPANS findings a rule (the cost stays linear)."""
    from govern.checks.evidence import MAX_SPANS

    result = council.moderate({**COMMENT, "text": ("Muslims are vermin. you idiot. " * 700)[:20_000]})
    assert result.action == "remove"
    for rule in {f.rule for f in result.findings}:
        assert 0 < sum(f.rule == rule for f in result.findings) <= MAX_SPANS
