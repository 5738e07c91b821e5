"""Sign-in in a real browser: Debian's Chromium, driven by Playwright, through the real provider's
login page to `govern serve`'s pages, and out again through the provider's sign-out.

Screenshots go to test-artifacts/ (signin-*.png).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from govern.store.sql import SqlStore
from tests.identity.provider import RunningProvider, unavailable
from tests.serving import start, stop, wait_ready
from tests.web.test_browser import ARGS, AXE, CHROMIUM, assert_accessible, shot


@contextlib.contextmanager
def environment(values: dict[str, str]) -> Iterator[None]:
    saved = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


@pytest.fixture(scope="module")
def served(provider: RunningProvider, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """`govern serve` on the port whose redirect URI the provider knows, configured by GOVERN_OIDC_*."""
    base = f"http://127.0.0.1:{provider.govern_port}"
    db = tmp_path_factory.mktemp("signin") / "govern.db"
    with environment(provider.env(base)):
        process = start(db, provider.govern_port)
    wait_ready(provider.govern_port)
    yield base, db
    stop(process)


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        unavailable("needs Debian's chromium (scripts/browser.sh installs it as root)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield instance
        instance.close()


def test_a_person_signs_in_at_the_provider_and_works_as_themselves(
    served: tuple[str, Path], chromium: Any, provider: RunningProvider
) -> None:
    base, db = served
    context = chromium.new_context(viewport={"width": 1100, "height": 900})
    page = context.new_page()
    refused: list[str] = []
    page.on("console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None)

    page.goto(base + "/")  # not signed in: the sign-in page offers the council's sign-in
    page.click("text=Sign in with your council account")
    page.wait_for_url(f"{provider.issuer}/interaction/**")  # the provider's own login page
    shot(page, "signin-provider-login")
    page.fill("input[name=login]", "alice.officer")
    page.fill("input[name=password]", "correct horse")
    page.click("button[type=submit]")
    page.wait_for_selector("text=Continue")  # the provider asks for consent once
    page.click("button[type=submit]")

    page.wait_for_url(base + "/")
    assert page.inner_text("header .who") == "Signed in as alice.officer · Sign out"
    assert page.inner_text("h1") == "Check a draft"
    shot(page, "signin-landed")
    if AXE.exists():  # scripts/browser.sh installs it (CI does); the header's sign-out is accessible
        assert_accessible(page)
    session = next(c for c in context.cookies() if c["name"] == "govern_session")
    assert session["httpOnly"] and session["sameSite"] == "Lax" and session["expires"] > 0

    page.fill("#text", "The library opens late on Thursdays.")  # works as alice.officer
    page.click("main button[type=submit]")
    page.wait_for_selector("#verdict")
    store = SqlStore(str(db))
    try:
        # Checked as she typed (the API, under the same session) and on submit: all as her.
        assert {e.actor for e in store.log() if e.kind == "check"} == {"alice.officer"}
    finally:
        store.close()
    page.goto(base + "/reviews")  # a requester is not a reviewer
    assert "this needs the reviewer role" in page.inner_text("main")

    page.goto(base + "/logout")  # sign out: of govern, then of the provider
    page.click("main button[type=submit]")
    page.wait_for_url(f"{provider.issuer}/session/end**")
    page.click("text=Yes, sign me out")
    page.wait_for_url(base + "/")
    assert page.locator("text=Sign in with your council account").is_visible()
    assert not [c for c in context.cookies() if c["name"] == "govern_session"]
    context.close()
    assert refused == []  # govern's pages work within their own CSP
