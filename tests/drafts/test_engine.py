"""The draft checker through the library: contract, verdicts, spans, scores, bad input."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from govern import Pack, PolicyError, RequestError, load_pack
from tests.conftest import DEFAULT_PACK, write_pack


def check(pack: Pack, text: str, **fields: Any) -> Any:
    return pack.check({"text": text, "platform": fields.pop("platform", "x"), **fields})


def assert_findings(pack: Pack, text: str, expected: list[tuple[str, str]], **fields: Any) -> None:
    """The (rule, excerpt) of every finding, in order of position."""
    verdict = check(pack, text, **fields)
    assert [(f.rule, f.excerpt) for f in verdict.findings] == expected


def test_contract_fields(council: Pack) -> None:
    body = check(council, "We categorically reject these claims.").model_dump(mode="json")
    assert set(body) == {"verdict", "scores", "findings", "policy"}
    assert set(body["scores"]) == {"tone", "rebuttal_risk"}
    assert set(body["findings"][0]) == {
        "rule",
        "category",
        "severity",
        "message",
        "start",
        "end",
        "excerpt",
        "suggestion",
        "replacement",  # added in round 2: the fix a tool may apply
    }
    assert body["policy"]["pack"] == "council-default"


def test_findings_are_sorted_by_position_and_excerpts_match_offsets(council: Pack) -> None:
    text = "PLEASE STOP. We categorically reject this!! Going forward call 07700 900123."
    verdict = check(council, text)
    assert [f.start for f in verdict.findings] == sorted(f.start for f in verdict.findings)
    for f in verdict.findings:
        assert text[f.start : f.end] == f.excerpt
    assert verdict.verdict == "block"


def test_verdict_is_the_highest_severity(council: Pack) -> None:
    assert check(council, "Going forward the pool opens at 9.").verdict == "revise"
    assert check(council, "Going forward we guarantee it opens at 9.").verdict == "refer"
    assert check(council, "Going forward call 07700 900123.").verdict == "block"
    assert check(council, "Opening hours #libraryopeninghours").verdict == "ok"  # info alone is ok


def test_offsets_count_characters_not_bytes(council: Pack) -> None:
    text = "Thanks 😀 — we categorically reject these claims."
    finding = check(council, text).findings[0]
    assert text[finding.start : finding.end] == finding.excerpt == "we categorically reject these claims"


def test_leading_spaces_are_kept_so_offsets_stay_true(council: Pack) -> None:
    finding = check(council, "   Going forward, yes.").findings[0]
    assert (finding.start, finding.excerpt) == (3, "Going forward")


def test_scores_are_between_0_and_1_and_respond_to_signals(council: Pack) -> None:
    calm = check(council, "Thanks, the bins are collected on Tuesdays now.")
    hostile = check(
        council,
        "Obviously you are WRONG. This is a TERRIBLE, disgusting lie!!",
        in_reply_to="The council is useless",
    )
    assert calm.scores.tone == calm.scores.rebuttal_risk == 0
    assert 0.5 < hostile.scores.tone <= 1 and 0 < hostile.scores.rebuttal_risk <= 1


def test_pre_election_window_edges_in_london_time(council: Pack) -> None:
    text = "Cllr Patel opened the library."
    assert check(council, text, posted_at="2027-03-24T23:59:00Z").verdict == "ok"  # GMT: still 24 March
    assert check(council, text, posted_at="2027-03-25T00:00:00Z").verdict == "block"
    assert check(council, text, posted_at="2027-05-06T22:59:00Z").verdict == "block"  # 23:59 BST on 6 May
    assert check(council, text, posted_at="2027-05-06T23:00:00Z").verdict == "ok"  # 00:00 BST on 7 May


def test_long_text_on_a_platform_without_a_limit(council: Pack) -> None:
    assert check(council, "Plain words. " * 1500, platform="blog").verdict == "ok"


@pytest.mark.parametrize(
    ("draft", "field", "message"),
    [
        pytest.param({"text": "", "platform": "x"}, "text", "at least 1 character", id="empty"),
        pytest.param({"text": "  \n ", "platform": "x"}, "text", "the text is empty", id="blank"),
        pytest.param(
            {"text": "a" * 200_000, "platform": "x"}, "text", "at most 20000 characters", id="200kB"
        ),
        pytest.param({"text": "hi", "platform": "myspace"}, "platform", "'x', 'bluesky'", id="platform"),
        pytest.param({"text": "hi", "platform": "x", "mood": "sunny"}, "mood", "unknown field", id="unknown"),
        pytest.param(
            {"text": "hi", "platform": "x", "author": {"approach": "shout"}},
            "author.approach",
            "'listen'",
            id="approach",
        ),
        pytest.param({"platform": "x"}, "text", "is required", id="missing-text"),
    ],
)
def test_bad_drafts_name_the_field(council: Pack, draft: dict[str, Any], field: str, message: str) -> None:
    with pytest.raises(RequestError) as caught:
        council.check(draft)
    assert any(e.field == field and message in e.message for e in caught.value.errors), caught.value.errors


GUIDELINES = """apiVersion: govern/v1
kind: DiscretionGuidelines
metadata: {{name: council-discretion, description: test, owner: tests}}
spec:
{body}
"""


def _child(tmp_path: Path, body: str) -> Path:
    shutil.copytree(DEFAULT_PACK, tmp_path / "council-default")  # extends: stays under the packs root
    pack = "name: t\nversion: 1.0.0\nowner: t\ndescription: t\nextends: ../council-default\n"
    return write_pack(tmp_path / "t", {"pack.yaml": pack, "drafts.yaml": GUIDELINES.format(body=body)})


def test_a_child_pack_adds_a_rule_and_tunes_a_score(tmp_path: Path) -> None:
    pack = load_pack(
        _child(
            tmp_path,
            """  scores:
    tone:
      - {signal: jargon, weight: 1}
  rules:
    - id: jargon
      description: Council jargon.
      category: tone
      severity: revise
      message: Jargon.
      match:
        - {kind: phrases, phrases: [service user]}""",
        )
    )
    verdict = check(pack, "Every service user is welcome.")
    assert [(f.rule, f.excerpt) for f in verdict.findings] == [("jargon", "service user")]
    assert verdict.scores.tone == 1
    assert check(pack, "Going forward.").findings[0].rule == "corporate-tone"  # inherited rules stay


@pytest.mark.parametrize(
    ("body", "code", "message"),
    [
        pytest.param(
            "  scores:\n    tone:\n      - {signal: hostile-tones, weight: 1}",
            "G301",
            "unknown signal 'hostile-tones' (did you mean 'hostile-tone'?)",
            id="score-signal",
        ),
        pytest.param(
            "  scores:\n    tones: []", "G203", "expected one of tone, rebuttal_risk", id="score-name"
        ),
        pytest.param(
            "  rules:\n    - {id: r, description: d, category: c, severity: block, message: m,"
            " during: [pre-electoin], match: [{kind: length, limits: {x: 1}}]}",
            "G301",
            "unknown window 'pre-electoin' (did you mean 'pre-election'?)",
            id="window",
        ),
        pytest.param(
            "  rules:\n    - {id: r, description: d, category: c, severity: block, message: m,"
            " match: [{kind: phrase, phrases: [x]}]}",
            "G203",
            "unknown check kind 'phrase' (did you mean 'phrases'?)",
            id="detector-kind",
        ),
        pytest.param(
            "  rules:\n    - {id: r, description: d, category: c, severity: block, message: m,"
            " match: [{kind: phrases, phrase: [x]}]}",
            "G200",
            "unknown key 'phrase'",
            id="detector-key",
        ),
        pytest.param(
            "  rules:\n    - {id: r, description: d, category: c, severity: loud, message: m,"
            " match: [{kind: length, limits: {x: 1}}]}",
            "G203",
            "expected one of info, revise",
            id="severity",
        ),
    ],
)
def test_guideline_mistakes_are_located(tmp_path: Path, body: str, code: str, message: str) -> None:
    with pytest.raises(PolicyError) as caught:
        load_pack(_child(tmp_path, body))
    assert any(p.code == code and message in p.message for p in caught.value.problems), caught.value.problems
    assert all(p.location.line > 0 for p in caught.value.problems)
