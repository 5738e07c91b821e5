"""Flooding through the adapters: the service (earlier comments from the database) and the CLI
(earlier lines of a --jsonl run) both see a disguised repeat as the same comment."""

from __future__ import annotations

import io
import json
import sys

import pytest
from fastapi.testclient import TestClient

from govern.cli import main

REPEATS = [
    "Fix the road on Elm Street",
    "F\u200bix the r0ad on Elm Street!!",  # a zero-width space and a zero for an o
    "ＦＩＸ the rоad on Elm Street",  # fullwidth letters and a Cyrillic о
]


def _comment(i: int, text: str) -> dict[str, object]:
    return {
        "text": text,
        "channel": "facebook-page",
        "author": {"id": "resident-9"},
        "posted_at": f"2026-11-18T11:0{3 * i}:00Z",
        "comment_id": f"flood-{i}",
    }


def test_the_service_holds_a_disguised_third_repeat(client: TestClient) -> None:
    actions = [
        client.post("/v1/comments/moderations", json=_comment(i, t)).json()["action"]
        for i, t in enumerate(REPEATS)
    ]
    assert actions == ["publish", "publish", "hold"]


def test_the_cli_holds_a_disguised_third_repeat(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = "\n".join(json.dumps(_comment(i, t)) for i, t in enumerate(REPEATS)) + "\n"
    monkeypatch.setattr(sys, "stdin", io.StringIO(lines))
    assert main(["moderate", "--jsonl", "-"]) == 1
    results = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["action"] for r in results] == ["publish", "publish", "hold"]
    assert [reason["rule"] for reason in results[2]["reasons"]] == ["flooding"]


def _said(i: int, author: str, posted_at: str) -> dict[str, object]:
    return {
        "text": "Fix the road on Elm Street",
        "channel": "facebook-page",
        "author": {"id": author},
        "posted_at": posted_at,
        "comment_id": f"said-{i}",
    }


@pytest.mark.parametrize(
    ("authors", "times"),
    [
        pytest.param(
            ["mallory"] * 3,
            ["2030-01-01T12:00:00Z", "2040-01-01T12:00:00Z", "2050-01-01T12:00:00Z"],
            id="future-times",
        ),
        pytest.param(
            ["Mallory", "mallory", "MALLORY"],
            ["2026-11-18T11:00:00Z", "2026-11-18T11:01:00Z", "2026-11-18T11:02:00Z"],
            id="author-case",
        ),
        pytest.param(
            ["Mallory", "mallory", "MALLORY"],
            ["2031-01-01T12:00:00Z", "2041-01-01T12:00:00Z", "2051-01-01T12:00:00Z"],
            id="both",
        ),
    ],
)
def test_the_callers_clock_and_the_case_of_an_id_do_not_beat_flooding(
    client: TestClient, authors: list[str], times: list[str]
) -> None:
    actions = [
        client.post("/v1/comments/moderations", json=_said(i, a, t)).json()["action"]
        for i, (a, t) in enumerate(zip(authors, times, strict=True))
    ]
    assert actions == ["publish", "publish", "hold"]


def test_a_future_posted_at_does_not_move_respond_by_and_is_recorded_as_said(
    client: TestClient, store: object
) -> None:
    body = {
        "text": "When is the bin collection on Elm Street?",
        "channel": "facebook-page",
        "posted_at": "2090-01-01T12:00:00Z",
        "comment_id": "when-1",
    }
    result = client.post("/v1/comments/moderations", json=body).json()
    assert result["respond_by"] is not None and result["respond_by"] < "2027"  # from today, not 2090
    logged = store.find("moderation", "when-1")  # type: ignore[attr-defined]
    assert logged.input["posted_at"] == "2090-01-01T12:00:00Z"
