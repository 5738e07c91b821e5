"""The access page (issue 16): a requester states only the business case; the form shows the facts
used and says the manager has been asked. Only a trusted client sees the requester's fields."""

from __future__ import annotations

import hashlib

import pytest
from fastapi.testclient import TestClient

from govern.api.app import create_app
from govern.cli import main
from govern.store.sql import SqlStore
from tests.conftest import DEFAULT_PACK
from tests.identity.fakes import directory

CASE = {
    "site": "x.com",
    "access": "post",
    "approach": "converse",
    "purpose": "To consult residents on the local plan and answer their questions online",
    "priorities": "NI 4",
}


@pytest.fixture
def page(store: SqlStore) -> TestClient:
    for name, role in (("jsmith", "requester"), ("desk", "intake")):
        store.add_key(f"id-{name}", name, role, hashlib.sha256(f"secret-{name}".encode()).hexdigest())
    return TestClient(create_app(str(DEFAULT_PACK), store, open_access=False, directory=directory(store)))


def as_(name: str) -> dict[str, str]:
    return {"Authorization": f"Bearer secret-{name}"}


def test_a_requester_asks_with_the_business_case_alone(page: TestClient) -> None:
    form = page.get("/access", headers=as_("jsmith"))
    assert 'id="asking-as"' in form.text and 'name="department"' not in form.text
    assert 'name="manager_approved"' not in form.text and 'name="groups"' not in form.text
    token = page.cookies["govern_csrf"]
    answer = page.post("/access", data={**CASE, "csrf_token": token}, headers=as_("jsmith"))
    assert answer.status_code == 200, answer.text
    assert 'id="approval-opened"' in answer.text and "<strong>mgr</strong>" in answer.text
    assert "<td>department</td><td>Planning</td><td>directory</td>" in answer.text


def test_a_forged_field_posted_to_the_page_is_refused_naming_it(page: TestClient) -> None:
    page.get("/access", headers=as_("jsmith"))
    token = page.cookies["govern_csrf"]
    forged = {**CASE, "csrf_token": token, "requester_id": "chief-executive", "groups": "comms-team"}
    answer = page.post("/access", data=forged, headers=as_("jsmith"))
    # The page ignores the fields it does not offer a requester: the decision is jsmith's own.
    assert answer.status_code == 200 and "chief-executive" not in answer.text
    assert "<td>groups</td><td>none</td><td>directory</td>" in answer.text


def test_an_intake_client_sees_and_states_the_requesters_fields(page: TestClient) -> None:
    form = page.get("/access", headers=as_("desk"))
    assert 'name="requester_id"' in form.text and 'name="manager_approved"' in form.text
    token = page.cookies["govern_csrf"]
    data = {**CASE, "csrf_token": token, "requester_id": "jsmith", "groups": "comms-team"}
    answer = page.post("/access", data=data, headers=as_("desk"))
    assert "<td>groups</td><td>comms-team</td><td>intake</td>" in answer.text
    assert "<td>department</td><td>Planning</td><td>directory</td>" in answer.text  # left empty
    left = {**CASE, "csrf_token": token, "requester_id": "leaver"}
    assert page.post("/access", data=left, headers=as_("desk")).status_code == 403


def test_an_intake_key_is_created_from_the_command_line(
    tmp_path: object, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path) + "/govern.db"
    assert main(["keys", "create", "--role", "intake", "--name", "service-desk", "--db", db]) == 0
    assert '"role": "intake"' in capsys.readouterr().out
