"""An officer's day on the sign-off pages in Chromium: send, review, change, approve.

Screenshots go to test-artifacts/officer-*.png (docs/drafts.md shows them).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.extension.harness import ARTIFACTS, CHROMIUM, KEYS, Service, govern_service

LEAK = (
    "Residents have asked about the library. This story was leaked from an internal memo: "
    "the branch closes in March."
)
FIXED = "Residents have asked about the library. We will publish the report on the branch on Friday."

pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists(), reason="needs Debian's chromium (make test installs it as root)"
)


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Service]:
    with govern_service(tmp_path_factory.mktemp("signoff-web")) as running:
        yield running


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(
            executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"]
        )
        yield instance
        instance.close()


def person(browser: Any, service: Service, name: str) -> Any:
    """A page signed in as `name`, the way a person signs in: the login form."""
    page = browser.new_context(viewport={"width": 1000, "height": 800}).new_page()
    page.goto(f"{service.url}/drafts")
    page.fill("#key", KEYS[name][1])
    page.click("button[type=submit]")
    page.goto(f"{service.url}/drafts")
    return page


def shot(page: Any, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_an_officers_day_from_draft_to_approved_post(browser: Any, service: Service) -> None:
    officer = person(browser, service, "amira")
    officer.fill("#text", LEAK)
    tomorrow = (dt.datetime.now() + dt.timedelta(days=1)).replace(hour=10, minute=0)
    officer.fill("#scheduled_at", tomorrow.strftime("%Y-%m-%dT%H:%M"))
    officer.fill("#note", "For the library consultation thread")
    officer.click("#send-form button[type=submit]")
    assert officer.inner_text("#done") == "Sent for sign-off."
    assert officer.inner_text("#status") == "OPEN" and "legal" in officer.inner_text("main")
    assert officer.locator("#approve").count() == 0  # the author cannot approve
    shot(officer, "officer-1-sent")
    item = officer.url.split("/drafts/")[1].split("?")[0]

    lead = person(browser, service, "legal-lead")
    assert item in lead.locator("#waiting").inner_html()
    shot(lead, "officer-2-queue")
    lead.click(f"#waiting a[href='/drafts/{item}']")
    lead.fill("#reason", "Please do not say it was leaked; say when we will publish.")
    lead.click("#changes")
    assert lead.inner_text("#status") == "CHANGES-REQUESTED"

    officer.goto(f"{service.url}/drafts/{item}")
    officer.fill("#new-text", FIXED)
    officer.fill("#version-note", "Reworded without the leak")
    officer.click("#version-form button[type=submit]")
    assert officer.inner_text("#status") == "OPEN"
    assert officer.locator(".diff .added").count() == 1 and officer.locator(".diff .removed").count() == 1
    shot(officer, "officer-3-new-version")

    lead.goto(f"{service.url}/drafts/{item}")
    lead.fill("#reason", "Fine to publish")
    lead.click("#approve")
    assert lead.inner_text("#status") == "APPROVED"
    shot(lead, "officer-4-approved")
