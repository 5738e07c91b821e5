"""The pages in a real browser: Debian's Chromium, driven by Playwright, against `govern serve`.

Screenshots of each page are saved in test-artifacts/ (desktop and phone width).
"""

from __future__ import annotations

import shutil
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT
from tests.serving import free_port, start, stop, wait_ready

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
AXE = ROOT / ".cache" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = ROOT / "test-artifacts"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists(), reason="needs Debian's chromium (make test installs it as root)"
)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = free_port()
    process = start(tmp_path_factory.mktemp("web") / "govern.db", port)
    wait_ready(port)
    yield f"http://127.0.0.1:{port}"
    stop(process)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    opened = context.new_page()
    refused: list[str] = []
    opened.on("console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None)
    yield opened
    context.close()
    assert refused == []  # the pages work within their own CSP


def shot(page: Any, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def assert_accessible(page: Any) -> None:
    """axe-core finds no serious or critical violation (WCAG 2 A/AA rules)."""
    if not AXE.exists():
        pytest.skip("axe-core is not installed (scripts/browser.sh installs it from the npm registry)")
    # Through DevTools, not a <script> tag: the pages' CSP rightly refuses inline scripts.
    page.evaluate(AXE.read_text(encoding="utf-8") + "\n;0")
    violations = page.evaluate(
        "async () => (await axe.run(document, {runOnly: ['wcag2a', 'wcag2aa']})).violations"
        ".filter(v => ['serious', 'critical'].includes(v.impact)).map(v => v.id + ': ' + v.help)"
    )
    assert violations == []


def test_typing_a_draft_highlights_findings_and_shows_the_verdict(server: str, page: Any) -> None:
    page.goto(server + "/")
    page.fill("#text", "We categorically reject these claims. Going forward, call us.")
    page.wait_for_selector("#verdict")
    assert page.inner_text("#verdict") == "REFER"
    marked = page.locator("#preview mark")
    assert marked.first.inner_text() == "We categorically reject these claims"
    assert "formal-rebuttal" in (marked.first.get_attribute("title") or "")
    assert "corporate-tone" in [m.get_attribute("data-rule") for m in marked.all()]
    assert "characters" in page.inner_text("#count")
    widths = page.eval_on_selector_all(".bar > span", "bars => bars.map(b => b.style.width)")
    assert len(widths) == 2 and all(w.endswith("%") for w in widths)  # set through the CSSOM
    shot(page, "draft-checker")
    assert_accessible(page)


def test_the_character_count_warns_over_the_platform_limit(server: str, page: Any) -> None:
    page.goto(server + "/")
    page.fill("#text", "a" * 281)
    assert page.inner_text("#count") == "281 / 280 characters"
    assert "over" in (page.get_attribute("#count", "class") or "")


def test_the_draft_checker_works_without_javascript(server: str, browser: Any) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + "/")
    page.fill("#text", "Please call 07700 900123 about your bin.")
    page.click("button[type=submit]")
    assert page.inner_text("#verdict") == "BLOCK"
    assert page.inner_text("#preview mark") == "07700 900123"
    context.close()


def test_an_access_request_shows_the_decision_in_plain_english(server: str, page: Any) -> None:
    page.goto(server + "/access")
    page.fill("#requester_id", "jsmith")
    page.select_option("#employment", "permanent")  # stated: no directory here (issue 16)
    page.fill("#department", "Planning")
    page.fill("#site", "https://x.com/examplecouncil")
    page.select_option("#access", "post")
    page.select_option("#approach", "converse")
    page.fill("#purpose", "Answer residents' questions about the local plan consultation on our page")
    page.check("input[name=priorities][value='NI 4']")
    page.fill("#duration_days", "200")
    page.check("input[name=manager_approved]")
    page.click("button[type=submit]")
    text = page.inner_text("#decision")
    assert text.startswith("Denied")  # no training given
    assert "requester.training: social-media-essentials" in page.inner_text("main")
    page.fill("#training_on", "2026-03-01")
    page.click("button[type=submit]")
    assert page.inner_text("#decision").startswith("Permitted until")
    assert "Say that you work for the council" in page.inner_text("main")
    shot(page, "access-request")
    assert_accessible(page)


def test_approving_a_referral_creates_a_grant(server: str, page: Any) -> None:
    page.goto(server + "/access")
    page.fill("#requester_id", "comms-lead")
    page.select_option("#employment", "permanent")  # stated: no directory here (issue 16)
    page.fill("#site", "facebook.com")
    page.select_option("#access", "manage")
    page.select_option("#approach", "converse")
    page.fill("#purpose", "Run the council's Facebook page and answer residents every working day")
    page.check("input[name=priorities][value='NI 4']")
    page.fill("#training_on", "2026-03-01")
    page.check("input[name=manager_approved]")
    page.click("button[type=submit]")
    assert page.inner_text("#decision").startswith("Referred to digital-team")
    page.goto(server + "/reviews")
    assert "comms-lead asks to manage on facebook.com" in page.inner_text("main")
    shot(page, "review-queue")
    assert_accessible(page)
    section = page.locator("section.referral", has_text="comms-lead")
    section.locator("input[name=reason]").fill("Comms lead, agreed at the team meeting")
    section.locator("button[value=approve]").click()
    assert page.inner_text("#review-result").startswith("Approved: access granted")
    assert "comms-lead" in page.inner_text("table")


def test_the_moderation_queue_publishes_a_held_comment(server: str, page: Any) -> None:
    import json

    body = json.dumps(
        {
            "text": "The pavement on Kingston Road is a state and the inspector is a total muppet.",
            "channel": "facebook-page",
            "comment_id": "held-1",
        }
    ).encode()
    request = urllib.request.Request(
        server + "/v1/comments/moderations", data=body, headers={"content-type": "application/json"}
    )
    with urllib.request.urlopen(request) as response:
        assert json.loads(response.read())["action"] == "hold"
    page.goto(server + "/moderation")
    assert "total muppet" in page.inner_text("main") and "insult" in page.inner_text("main")
    shot(page, "moderation-queue")
    assert_accessible(page)
    page.locator("section.held", has_text="total muppet").locator("button[value=publish]").click()
    assert "The comment was published." in page.inner_text("main")
    assert "total muppet" not in page.inner_text("main")


def test_the_policy_view_lists_every_rule_with_its_coverage(server: str, page: Any) -> None:
    page.goto(server + "/policy")
    text = page.inner_text("main")
    for ref in ("A1", "A15", "D1", "D18", "M1", "M8"):
        assert ref in text
    assert "post-needs-training" in text and "covered" in text
    shot(page, "policy")
    assert_accessible(page)


def test_pages_fit_a_phone(server: str, browser: Any) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True)
    page = context.new_page()
    for path, name in (
        ("/", "draft-checker-phone"),
        ("/access", "access-phone"),
        ("/policy", "policy-phone"),
    ):
        page.goto(server + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        shot(page, name)
        assert width <= 375 or path == "/policy", f"{path} scrolls sideways on a phone ({width}px)"
    context.close()
