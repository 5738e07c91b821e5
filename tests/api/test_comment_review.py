"""POST /v1/comments/{id}/review: the moderation queue's decision, as an API call (the same
service method as the page), with its records and its refusals."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from govern.moderation_team import TeamDesk
from govern.store.sql import SqlStore
from tests.helpers import add_keys, keyed_client

INSULT = "The woman on the phone was a thick idiot."


@pytest.fixture
def keyed(store: SqlStore) -> tuple[TestClient, dict[str, str], dict[str, str]]:
    keys = add_keys(store, ("amira", "requester"), ("lead", "reviewer"))
    officer, moderator, client = keys["amira"], keys["lead"], keyed_client(store)
    comment = {"text": INSULT, "channel": "facebook-page", "comment_id": "c-1", "author": {"id": "r-1"}}
    assert client.post("/v1/comments/moderations", json=comment, headers=officer).json()["action"] == "hold"
    return client, officer, moderator


@pytest.mark.parametrize(
    ("action", "reason", "kept"),
    [
        pytest.param("publish", "context: quoting the caller", "context: quoting the caller", id="publish"),
        pytest.param(
            "remove", None, "the moderator confirmed the hold's reasons: ", id="remove-default-reason"
        ),
    ],
)
def test_a_moderator_decides_a_held_comment(
    keyed: tuple[TestClient, dict[str, str], dict[str, str]],
    store: SqlStore,
    action: str,
    reason: str | None,
    kept: str,
) -> None:
    client, _, moderator = keyed
    body = {"action": action, **({"reason": reason} if reason else {})}
    response = client.post("/v1/comments/c-1/review", json=body, headers=moderator)
    assert response.status_code == 200, response.text
    assert response.json()["action"] == action and response.json()["reviewer"] == "lead"
    assert store.comments("hold") == [] and [c["comment_id"] for c in store.comments(action)] == ["c-1"]
    decision = TeamDesk(store).records.decisions(subject="c-1")[-1]  # after the hold's own (hide)
    assert (decision.action, decision.actor) == (action, "lead") and decision.reason.startswith(kept)
    review = store.find("review", "c-1")
    assert review is not None and review.actor == "lead" and review.result == {"action": action}


@pytest.mark.parametrize(
    ("comment_id", "first", "status", "code"),
    [
        pytest.param("nobody", None, 404, "not_found", id="unknown"),
        pytest.param("c-1", "remove", 409, "conflict", id="already-removed"),
    ],
)
def test_only_a_held_comment_is_decided(
    keyed: tuple[TestClient, dict[str, str], dict[str, str]],
    comment_id: str,
    first: str | None,
    status: int,
    code: str,
) -> None:
    client, _, moderator = keyed
    if first:
        assert client.post(
            f"/v1/comments/{comment_id}/review", json={"action": first}, headers=moderator
        ).is_success
    response = client.post(f"/v1/comments/{comment_id}/review", json={"action": "publish"}, headers=moderator)
    assert response.status_code == status and response.json()["error"]["code"] == code


def test_a_requester_cannot_decide_and_a_bad_action_is_refused(
    keyed: tuple[TestClient, dict[str, str], dict[str, str]], store: SqlStore
) -> None:
    client, officer, moderator = keyed
    assert (
        client.post("/v1/comments/c-1/review", json={"action": "publish"}, headers=officer).status_code == 403
    )
    bad = client.post("/v1/comments/c-1/review", json={"action": "approve"}, headers=moderator)
    assert bad.status_code == 422 and bad.json()["error"]["details"][0]["field"] == "action"
    assert [c["comment_id"] for c in store.comments("hold")] == ["c-1"]
