"""The moderation queue protects moderators: upsetting text is blurred under its category until a
moderator opens it (a <details> button, no JavaScript), and slurs stay masked unless asked for."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from govern.api.app import create_app
from govern.store.sql import SqlStore
from tests.conftest import DEFAULT_PACK


@pytest.fixture
def queue(tmp_path: Path) -> TestClient:
    client = TestClient(create_app(str(DEFAULT_PACK), SqlStore(str(tmp_path / "g.db")), open_access=True))
    held = [
        ("h1", "You are a bloody idiot, Cllr Smith"),  # borderline swearing: held
        ("h2", "Bloody potholes again on Elm Road"),  # borderline swearing, aimed at nobody: held
    ]
    for cid, text in held:
        answer = client.post(
            "/v1/comments/moderations",
            json={
                "comment_id": cid,
                "text": text,
                "channel": "facebook-page",
                "posted_at": "2026-11-18T10:00:00Z",
            },
        )
        assert answer.json()["action"] == "hold", answer.text
    return client


def test_upsetting_comments_are_blurred_under_their_category(queue: TestClient) -> None:
    page = queue.get("/moderation").text
    sections = re.findall(r"<section class=\"held\".*?</section>", page, re.S)
    assert len(sections) == 2
    for section in sections:
        assert '<details class="gentle">' in section
        assert '<span class="category">profanity</span>' in section
        summary = re.search(r"<summary>(.*?)</summary>", section, re.S)
        assert summary and 'class="blurred" aria-hidden="true"' in summary.group(1)
        assert "Show it" in summary.group(1)


def test_words_from_the_packs_lists_are_masked_until_asked_for(tmp_path: Path) -> None:
    client = TestClient(create_app(str(DEFAULT_PACK), SqlStore(str(tmp_path / "g.db")), open_access=True))
    client.post(
        "/v1/comments/moderations",
        json={
            "comment_id": "h3",
            "text": "Bloody hell, the crap bins again",
            "channel": "facebook-page",
            "posted_at": "2026-11-18T10:00:00Z",
        },
    )
    page = client.get("/moderation").text
    opened = page.split('<details class="gentle">', 1)[1]
    assert "B***** h***, the c*** bins again" in opened  # masked when first opened
    assert '<details class="gentle-full">' in opened and "Bloody hell, the crap bins again" in opened


def test_clean_held_text_is_shown_plainly(tmp_path: Path) -> None:
    client = TestClient(create_app(str(DEFAULT_PACK), SqlStore(str(tmp_path / "g.db")), open_access=True))
    client.post(
        "/v1/comments/moderations",
        json={
            "comment_id": "f1",
            "text": "I support the new cycle lane.",
            "channel": "consultation-forum",
            "posted_at": "2026-11-21T10:00:00Z",
        },  # a Saturday: held outside moderation hours
    )
    page = client.get("/moderation").text
    assert "<blockquote>I support the new cycle lane.</blockquote>" in page
    assert '<details class="gentle">' not in page
