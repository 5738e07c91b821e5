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
