"""The whole path of issue 16, in Debian's Chromium against a live `govern serve` and the real
provider: people provisioned over SCIM and their training posted by an intake client; the officer
signs in at the provider and asks for access to a site not in the catalogue; their manager (from
the directory) signs in and approves; the request, decided again, is referred to IT security,
whose reviewer signs in and approves it; `govern squid-helper` then lets the officer through to
that site, and once SCIM makes the officer a leaver, refuses them on the next request and the API
lists no grant for them.

Screenshots go to test-artifacts/ (whole-path-*.png).
"""

from __future__ import annotations

import hashlib
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from govern.store.sql import SqlStore
from tests.api.scim_helpers import ENTERPRISE, patch, user_body
from tests.conftest import DEFAULT_PACK
from tests.identity.provider import RunningProvider, unavailable
from tests.identity.test_browser_signin import environment
from tests.serving import GOVERN, start, stop, wait_ready
from tests.web.test_browser import ARGS, CHROMIUM, shot

SITE = "consult-hub.example.org"  # in no category of the site catalogue: A10 refers it to it-security
KEYS = {"hr-sync": "provisioning", "training-desk": "intake", "it-audit": "admin"}
OFFICER, MANAGER, REVIEWER = "alice.officer", "mo.manager", "rita.reviewer"  # scripts/oidc-provider.mjs


def key(name: str) -> dict[str, str]:
    return {"Authorization": f"Bearer secret-{name}"}


@pytest.fixture(scope="module")
def served(provider: RunningProvider, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """`govern serve` with sign-in at the provider, and keys for the HR sync and the training desk."""
    base = f"http://127.0.0.1:{provider.govern_port}"
    db = tmp_path_factory.mktemp("whole-path") / "govern.db"
    store = SqlStore(str(db))
    try:
        for name, role in KEYS.items():
            store.add_key(f"id-{name}", name, role, hashlib.sha256(f"secret-{name}".encode()).hexdigest())
    finally:
        store.close()
    with environment(provider.env(base)):
        process = start(db, provider.govern_port)
    try:
        wait_ready(provider.govern_port)
        yield base, db
    finally:
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


class Helper:
    """`govern squid-helper` as Squid runs it: one line in, one answer out, on the same database."""

    def __init__(self, db: Path) -> None:
        command = [GOVERN, "squid-helper", "--policies", str(DEFAULT_PACK), "--db", str(db), "--ttl", "0"]
        self.process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
        )

    def ask(self, line: str) -> str:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()
        return self.process.stdout.readline().strip()

    def close(self) -> None:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.close()  # Squid closing the pipe: the helper ends
        self.process.wait(timeout=30)
        self.process.stdout.close()


def sign_in(chromium: Any, base: str, provider: RunningProvider, login: str) -> Any:
    """A new browser (its own cookies) signed in as `login` at the provider's login page."""
    context = chromium.new_context(viewport={"width": 1100, "height": 900})
    page = context.new_page()
    page.goto(base + "/")
    page.click("text=Sign in with your council account")
    page.wait_for_url(f"{provider.issuer}/interaction/**")
    page.fill("input[name=login]", login)
    page.fill("input[name=password]", "any password")
    page.click("button[type=submit]")
    page.wait_for_selector("text=Continue")  # consent, once per person
    page.click("button[type=submit]")
    page.wait_for_url(base + "/")
    assert page.inner_text("header .who") == f"Signed in as {login} · Sign out"
    return page


def provision(client: httpx.Client, name: str, **extra: Any) -> str:
    answer = client.post("/scim/v2/Users", json=user_body(name, "Planning", **extra), headers=key("hr-sync"))
    assert answer.status_code == 201, answer.text
    return str(answer.json()["id"])


def test_sign_in_ask_approve_review_squid_and_leave(
    served: tuple[str, Path], chromium: Any, provider: RunningProvider
) -> None:
    base, db = served
    with httpx.Client(base_url=base, timeout=30) as api:
        whole_path(api, base, db, chromium, provider)


def whole_path(api: httpx.Client, base: str, db: Path, chromium: Any, provider: RunningProvider) -> None:

    # 1. HR provisions the people; the training desk posts the officer's course.
    manager_id = provision(api, MANAGER)
    provision(api, REVIEWER)
    officer_id = provision(
        api, OFFICER, **{ENTERPRISE: {"department": "Planning", "manager": {"value": manager_id}}}
    )
    record = {"person": OFFICER, "course": "social-media-essentials", "completed_on": "2026-03-01"}
    posted = api.post("/v1/training", json={"records": [record]}, headers=key("training-desk"))
    assert posted.status_code == 200, posted.text

    # 2. The officer signs in and states the business case only; the manager's approval is missing.
    officer = sign_in(chromium, base, provider, OFFICER)
    officer.goto(base + "/access")
    assert OFFICER in officer.inner_text("#asking-as")
    assert officer.locator("#requester_id").count() == 0  # no way to ask for someone else
    officer.fill("#site", SITE)
    officer.select_option("#access", "read")
    officer.select_option("#approach", "listen")
    officer.fill("#purpose", "To read what residents say about the consultation on the new local plan")
    officer.locator("input[name=priorities]").first.check()
    officer.fill("#duration_days", "90")
    officer.click("main button[type=submit]")
    officer.wait_for_selector("#decision")
    shot(officer, "whole-path-asked")
    assert officer.inner_text("#decision") == "Denied"
    assert MANAGER in officer.inner_text("#approval-opened")
    facts = officer.inner_text("main table")
    assert "Planning\tdirectory" in facts and "training-records" in facts

    # 3. The manager signs in elsewhere and approves; the request is decided again: referred.
    manager = sign_in(chromium, base, provider, MANAGER)
    manager.goto(base + "/approvals")
    assert manager.inner_text("main h2") == f"{OFFICER} asks to read on {SITE}"
    manager.click("main button[value=approve]")
    manager.wait_for_selector("#approval-result")
    shot(manager, "whole-path-approved")
    assert manager.inner_text("#approval-result") == "Approved. The request was decided again: refer."
    store = SqlStore(str(db))
    try:
        redecided = [r for r in store.log() if r.kind == "decision" and r.actor == OFFICER][-1]
    finally:
        store.close()
    approval = redecided.result["facts"]["manager_approved"]
    assert approval["value"] is True and approval["approved_by"] == MANAGER
    assert redecided.result["decision"] == "refer" and redecided.result["refer_to"] == "it-security"

    # 4. IT security's reviewer signs in and approves the referral.
    reviewer = sign_in(chromium, base, provider, REVIEWER)
    reviewer.goto(base + "/reviews")
    assert reviewer.inner_text("main h2") == f"{OFFICER} asks to read on {SITE}"
    reviewer.fill("#reason-1", "A consultation platform the planning team uses; categorised.")
    reviewer.click("main button[value=approve]")
    reviewer.wait_for_selector("#review-result")
    shot(reviewer, "whole-path-reviewed")
    assert reviewer.inner_text("#review-result").startswith("Approved: access granted")

    # 5. Squid's helper lets the officer through to that site (and no one else, nothing else).
    helper = Helper(db)
    try:
        assert helper.ask(f"1 {OFFICER} {SITE} GET") == "1 OK"
        assert helper.ask(f"2 {OFFICER} {SITE} POST") == "2 ERR"  # read access only
        assert helper.ask(f"3 {MANAGER} {SITE} GET") == "3 ERR"
        before = api.get("/v1/grants", params={"requester": OFFICER}, headers=key("it-audit")).json()
        assert [(g["requester"], g["domain"], g["access"]) for g in before] == [(OFFICER, SITE, "read")]

        # 6. The officer leaves: SCIM makes them inactive (the same write revokes their grants), and the
        # same helper, its cache period 0, refuses the next request.
        leave = patch({"op": "replace", "path": "active", "value": False})
        left = api.patch(f"/scim/v2/Users/{officer_id}", json=leave, headers=key("hr-sync"))
        assert left.status_code == 200, left.text
        started = time.monotonic()
        assert helper.ask(f"4 {OFFICER} {SITE} GET") == "4 ERR"
        closed_in = time.monotonic() - started
    finally:
        helper.close()
    print(f"leaver refused by the helper {closed_in * 1000:.0f} ms after the SCIM call answered")
    after = api.get("/v1/grants", params={"requester": OFFICER}, headers=key("it-audit"))
    assert after.status_code == 200 and after.json() == []
