"""The moderation queue protects moderators: upsetting text is blurred under its category until a
moderator opens it (a <details> button, no JavaScript), and slurs stay masked unless asked for."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from govern.api.app import create_app
from govern.store.sql import SqlStore
from tests.conftest import DEFAULT_PACK


def hold(store: SqlStore, cid: str, text: str, category: str, start: int, end: int) -> None:
    """A comment held by a rule of `category` (as the insult and hate rules hold them)."""
    finding = {
        "rule": category,
        "category": category,
        "severity": "hold",
        "message": "m",
        "start": start,
        "end": end,
        "excerpt": text[start:end],
        "suggestion": None,
    }
    result: dict[str, Any] = {"action": "hold", "reasons": [], "findings": [finding]}
    store.append(
        "moderation", cid, "integration", {"pack": "p", "version": "1", "digest": "d"}, {"text": text}, result
    )
    store.save_comment(
        cid, "res-1", "facebook-page", text, dt.datetime(2026, 11, 18, tzinfo=dt.UTC), "hold", None
    )


@pytest.fixture
def store(tmp_path: Path) -> SqlStore:
    return SqlStore(str(tmp_path / "g.db"))


def sections(client: TestClient) -> list[str]:
    return re.findall(r"<section class=\"held\".*?</section>", client.get("/moderation").text, re.S)


def test_upsetting_comments_are_blurred_under_their_category(store: SqlStore) -> None:
    hold(store, "h1", "Councillor Smith is a pathetic excuse for a man", "insult", 22, 47)
    hold(store, "h2", "Go back where you came from, you paki", "hate", 0, 37)
    client = TestClient(create_app(str(DEFAULT_PACK), store, open_access=True), base_url="http://127.0.0.1")
    found = sections(client)
    assert len(found) == 2
    for section, category in zip(found, ["insult", "hate"], strict=True):
        assert '<details class="gentle">' in section
        assert f'<span class="category">{category}</span>' in section
        summary = re.search(r"<summary>(.*?)</summary>", section, re.S)
        assert summary and 'class="blurred" aria-hidden="true"' in summary.group(1)
        assert "Show it" in summary.group(1)
    hateful = found[1]
    opened = hateful.split("</summary>", 1)[1]
    assert "<blockquote>Go back where you came from, you p***</blockquote>" in opened  # masked when opened
    assert '<details class="gentle-full">' in opened
    assert (
        "you paki</blockquote>" in opened.split('<details class="gentle-full">', 1)[1]
    )  # in full on request


def test_mild_words_and_clean_text_are_shown_plainly(store: SqlStore) -> None:
    client = TestClient(create_app(str(DEFAULT_PACK), store, open_access=True), base_url="http://127.0.0.1")
    for cid, text, channel, when in (
        ("m1", "The pavement is in a bloody state", "consultation-forum", "2026-11-21T11:00:00Z"),
        ("f1", "I support the new cycle lane.", "consultation-forum", "2026-11-21T10:00:00Z"),  # a Saturday
    ):
        body = {"comment_id": cid, "text": text, "channel": channel, "posted_at": when}
        assert client.post("/v1/comments/moderations", json=body).json()["action"] == "hold"
    page = client.get("/moderation").text
    assert "<blockquote>The pavement is in a bloody state</blockquote>" in page
    assert "<blockquote>I support the new cycle lane.</blockquote>" in page
    assert '<details class="gentle">' not in page


@pytest.mark.parametrize(
    ("reason", "recorded"),
    [
        pytest.param("Insults a named officer", "Insults a named officer", id="given"),
        pytest.param("", "the moderator confirmed the hold's reasons: insult", id="default"),
    ],
)
def test_a_moderators_removal_on_the_queue_records_its_reason(
    store: SqlStore, reason: str, recorded: str
) -> None:
    from govern.store.moderation_team import ModerationRecords

    client = TestClient(create_app(str(DEFAULT_PACK), store, open_access=True), base_url="http://127.0.0.1")
    body = {
        "comment_id": "i1",
        "text": "The woman on the phone was a thick idiot.",
        "channel": "facebook-page",
    }
    assert client.post("/v1/comments/moderations", json=body).json()["action"] == "hold"
    token = client.get("/moderation").cookies.get("govern_csrf") or client.cookies["govern_csrf"]
    answer = client.post("/moderation/i1", data={"outcome": "remove", "reason": reason, "csrf_token": token})
    assert answer.status_code == 200, answer.text
    (decision,) = [d for d in ModerationRecords(store).decisions(subject="i1") if d.action == "remove"]
    assert decision.reason == recorded
