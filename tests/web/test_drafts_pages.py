"""The sign-off pages without a browser: send, queue, decide, resubmit with the diff, roles, errors."""

from __future__ import annotations

import hashlib
import re
from typing import Any

import pytest
from fastapi.testclient import TestClient

from govern.api.app import create_app
from govern.store.sql import SqlStore
from tests.conftest import DEFAULT_PACK

LEAK = "This story was leaked from an internal memo."
FIXED = "We will publish the report on Friday."
PEOPLE = {"amira": "requester", "legal-lead": "reviewer", "lee": "reviewer"}
HTML = {"accept": "text/html"}


@pytest.fixture
def store(tmp_path: pytest.TempPathFactory) -> SqlStore:
    store = SqlStore(str(tmp_path / "govern.db"))  # type: ignore[operator]
    for name, role in PEOPLE.items():
        store.add_key(f"id-{name}", name, role, hashlib.sha256(f"key-{name}".encode()).hexdigest())
    return store


class FormClient(TestClient):
    """A browser's form posts: each carries the CSRF token of the cookie the pages issued."""

    def post(self, url: str, *args: Any, data: dict[str, str] | None = None, **kwargs: Any) -> Any:
        if data is not None:
            data = {**data, "csrf_token": self.cookies.get("govern_csrf", "")}
        return super().post(url, *args, data=data, **kwargs)


def signed_in(store: SqlStore, name: str) -> TestClient:
    client = FormClient(create_app(str(DEFAULT_PACK), store, open_access=False))
    client.get("/drafts", headers={"accept": "text/html"})  # the sign-in page issues the token
    assert client.post("/login", data={"key": f"key-{name}"}, follow_redirects=False).status_code == 303
    return client


def sent(client: TestClient, text: str) -> str:
    response = client.post("/drafts", data={"text": text, "platform": "x"}, follow_redirects=False)
    assert response.status_code == 303, response.text
    match = re.fullmatch(r"/drafts/([0-9a-f-]+)\?done=sent", response.headers["location"])
    assert match
    return match.group(1)


def test_an_officers_draft_from_sending_to_approval(store: SqlStore) -> None:
    amira, lead, lee = (signed_in(store, n) for n in ("amira", "legal-lead", "lee"))
    item = sent(amira, LEAK)
    page = amira.get(f"/drafts/{item}")
    assert (
        "OPEN" in page.text and "for <strong>legal</strong>" in page.text and 'id="approve"' not in page.text
    )
    queue = lead.get("/drafts?queue=legal")
    assert f'href="/drafts/{item}"' in queue.text and "amira" in queue.text
    no_reason = lee.post(f"/drafts/{item}/changes", data={"reason": ""})
    assert no_reason.status_code == 422 and "a reason is required" in no_reason.text
    asked = lee.post(f"/drafts/{item}/changes", data={"reason": "Do not say leaked"}, follow_redirects=False)
    assert asked.status_code == 303
    assert "CHANGES-REQUESTED" in amira.get(f"/drafts/{item}").text
    amira.post(f"/drafts/{item}/versions", data={"text": FIXED, "platform": "x", "note": "Reworded"})
    page = lead.get(f"/drafts/{item}")
    assert "Version 2 (latest)" in page.text
    assert (
        f'<span class="removed">-{LEAK}</span>' in page.text
        and f'<span class="added">+{FIXED}</span>' in page.text
    )
    approved = lead.post(f"/drafts/{item}/approve", data={"reason": "Fine"}, follow_redirects=True)
    assert "APPROVED" in approved.text and "Approved: the draft may be published." in approved.text
    store.close()


def test_pages_enforce_four_eyes_and_roles(store: SqlStore) -> None:
    amira, lee = signed_in(store, "amira"), signed_in(store, "lee")
    own = sent(lee, LEAK)
    refused = lee.post(f"/drafts/{own}/approve", data={})
    assert refused.status_code == 403 and "nobody reviews their own draft" in refused.text
    assert 'id="approve"' not in lee.get(f"/drafts/{own}").text  # not even offered
    item = sent(amira, LEAK)
    assert amira.post(f"/drafts/{item}/approve", data={}).status_code == 403  # a requester
    assert amira.get(f"/drafts/{own}").status_code == 404  # someone else's draft
    assert lee.get("/drafts/no-such-item").status_code == 404
    assert lee.post(f"/drafts/{item}/explode", data={}).status_code == 404
    bad = amira.post("/drafts", data={"text": "", "platform": "x"})
    assert bad.status_code == 422 and "Traceback" not in bad.text
    late = amira.post("/drafts", data={"text": LEAK, "platform": "x", "scheduled_at": "yesterday"})
    assert late.status_code == 422 and "not a date and time" in late.text
    anonymous = TestClient(create_app(str(DEFAULT_PACK), store, open_access=False))
    assert anonymous.get("/drafts", headers=HTML).status_code == 401
    store.close()


def test_the_policy_page_shows_each_rules_acknowledgement_rate(store: SqlStore) -> None:
    amira = signed_in(store, "amira")
    text = "Please be advised the library is closed on Monday."
    for draft in (text, "Please be advised the pool is shut."):
        amira.post("/v1/drafts/checks", json={"text": draft, "platform": "x"})
    body = {
        "draft": {"text": text, "platform": "x"},
        "rule": "corporate-tone",
        "reason": "Quoting the notice",
    }
    assert amira.post("/v1/drafts/acknowledgements", json=body).status_code == 201
    page = amira.get("/policy").text
    assert re.search(r'data-rule="corporate-tone">50%</span> <small>\(1 of 2 drafts\)', page)
    store.close()
