"""A moderator's walk through the queue in a real browser (Chromium, Playwright): upsetting text
blurred under its category, opened with the keyboard, slurs masked until asked for; and the
printable evidence pack. Screenshots go to test-artifacts/moderation-team-*.png."""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.serving import free_port, start, stop, wait_ready
from tests.web.test_browser import CHROMIUM, browser, shot  # noqa: F401 (browser: a fixture)
from tests.web.test_moderation_wellbeing import hold

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's chromium")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from govern.store.sql import SqlStore

    db = tmp_path_factory.mktemp("team") / "govern.db"
    store = SqlStore(str(db))
    hold(store, "h1", "Councillor Smith is a pathetic excuse for a man", "insult", 22, 47)
    hold(store, "h2", "Go back where you came from, you paki", "hate", 0, 37)
    store.close()
    port = free_port()
    process = start(db, port)
    wait_ready(port)
    base = f"http://127.0.0.1:{port}"
    threat = {
        "comment_id": "t1",
        "text": "Cllr Smith you paki, I know where you live",
        "channel": "x-replies",
        "author": {"id": "res-1"},
        "posted_at": "2026-11-18T10:00:00Z",
    }
    request = urllib.request.Request(
        f"{base}/v1/comments/moderations",
        data=json.dumps(threat).encode(),
        headers={"content-type": "application/json"},
    )
    with urllib.request.urlopen(request) as answer:
        assert json.loads(answer.read())["action"] == "remove"
    yield base
    stop(process)


@pytest.fixture
def tab(browser: Any) -> Iterator[Any]:  # noqa: F811 (the imported fixture)
    context = browser.new_context(viewport={"width": 1000, "height": 760})
    yield context.new_page()
    context.close()


def test_the_queue_blurs_and_masks_until_the_moderator_chooses(server: str, tab: Any) -> None:
    page = tab
    page.goto(f"{server}/moderation")
    gentle = page.locator("details.gentle")
    assert gentle.count() == 2
    assert page.locator("details.gentle .category").all_inner_texts() == ["insult", "hate"]
    assert not page.locator("details.gentle").nth(1).evaluate("d => d.open")
    shot(page, "moderation-team-1-queue-blurred")
    summary = page.locator("details.gentle > summary").nth(1)
    summary.focus()
    page.keyboard.press("Enter")  # a button for the keyboard, not a hover
    assert page.locator("details.gentle").nth(1).evaluate("d => d.open")
    opened = page.locator("details.gentle").nth(1).locator(":scope > blockquote").inner_text()
    assert opened == "Go back where you came from, you p***"
    shot(page, "moderation-team-2-opened-masked")
    page.locator("details.gentle-full > summary").first.click()
    assert "you paki" in page.locator("details.gentle-full blockquote").first.inner_text()
    shot(page, "moderation-team-3-in-full")


def test_the_evidence_pack_prints(server: str, tab: Any) -> None:
    page = tab
    page.goto(f"{server}/v1/evidence?author=res-1&format=html")
    assert page.locator("h1").inner_text() == "Evidence pack"
    text = page.locator("body").inner_text()
    assert (
        "Cllr Smith you p***, I know where you live" in text and "https://" not in text.split("Permalink")[0]
    )
    assert "yes" in page.locator("table tr", has_text="Intact").inner_text()
    shot(page, "moderation-team-4-evidence-pack")
