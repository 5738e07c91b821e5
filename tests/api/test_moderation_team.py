"""The moderation team over HTTP: platform payloads, strikes, block reviews, appeals, evidence."""

from __future__ import annotations

import copy
import hashlib
import hmac
import json
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from govern.api.app import create_app
from govern.store.moderation_team import ModerationRecords
from govern.store.sql import SqlStore
from tests.conftest import DEFAULT_PACK
from tests.helpers import add_keys, bearer, keyed_client

PAYLOADS = Path(__file__).resolve().parents[1] / "fixtures" / "platforms"
PHONE = "Ring me on 07700 900123 about the bins"
THREAT_AND_SLUR = "Cllr Smith you paki, I know where you live"


def payload(name: str) -> dict[str, Any]:
    return json.loads((PAYLOADS / name).read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def comment(
    cid: str, text: str, day: str, author: str = "res-1", channel: str = "facebook-page"
) -> dict[str, Any]:
    return {
        "comment_id": cid,
        "text": text,
        "channel": channel,
        "author": {"id": author},
        "posted_at": f"{day}T10:00:00Z",
    }


@pytest.fixture
def keyed(store: SqlStore) -> TestClient:
    people = (("integration", "requester"), ("mod-a", "reviewer"), ("mod-b", "reviewer"), ("ops", "admin"))
    add_keys(store, *people)
    return keyed_client(store)


auth = bearer


# --- platforms --------------------------------------------------------------------------------


def test_facebook_webhook_with_a_phone_number_answers_delete_with_the_rule(client: TestClient) -> None:
    answer = client.post("/v1/platforms/facebook/comments", json=payload("facebook_comment.json"))
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["platform"] == "facebook"
    assert len(body["results"]) == 1  # the reaction is not a comment
    item = body["results"][0]
    assert item["platform_id"] == "200300400500_900800700600"
    assert item["result"]["action"] == "remove"
    assert item["result"]["strikes"] == 1
    delete, warn = item["calls"]
    assert (delete["does"], delete["rule"], delete["method"], delete["path"]) == (
        "delete",
        "personal-data",
        "DELETE",
        "/200300400500_900800700600",
    )
    assert warn["does"] == "warn" and warn["path"] == "/104857600012345/messages"
    assert warn["body"]["recipient"] == {"comment_id": "200300400500_900800700600"}


def test_facebook_redelivery_gets_the_same_answer_and_no_second_strike(client: TestClient) -> None:
    first = client.post("/v1/platforms/facebook/comments", json=payload("facebook_comment.json")).json()
    again = client.post("/v1/platforms/facebook/comments", json=payload("facebook_comment.json")).json()
    assert again == first


def test_youtube_threads_answer_set_moderation_status(client: TestClient) -> None:
    body = client.post("/v1/platforms/youtube/comments", json=payload("youtube_threads.json")).json()
    swearing, thanks = body["results"]
    assert swearing["result"]["action"] == "hold"  # swearing aimed at no one: held, and hidden meanwhile
    hide = swearing["calls"][0]
    assert hide["path"] == "/youtube/v3/comments/setModerationStatus"
    assert hide["body"] == {"id": "UgzThreadOne", "moderationStatus": "heldForReview", "banAuthor": False}
    assert thanks["result"]["action"] == "publish" and thanks["calls"] == []


def test_x_reply_with_an_email_is_hidden_not_deleted(client: TestClient) -> None:
    body = client.post("/v1/platforms/x/comments", json=payload("x_replies.json")).json()
    (item,) = body["results"]
    hide = item["calls"][0]
    assert (hide["does"], hide["method"], hide["path"], hide["body"]) == (
        "delete",
        "PUT",
        "/2/tweets/1861000000000000001/hidden",
        {"hidden": True},
    )
    assert "cannot delete" in hide["note"]


def _broken(name: str, change: Any) -> Any:
    data = copy.deepcopy(payload(name))
    change(data)
    return data


@pytest.mark.parametrize(
    ("platform", "body", "field"),
    [
        pytest.param("facebook", [], "", id="fb-not-an-object"),
        pytest.param("facebook", {"object": "user", "entry": []}, "object", id="fb-not-a-page"),
        pytest.param("facebook", {"object": "page"}, "entry", id="fb-no-entry"),
        pytest.param(
            "facebook",
            _broken("facebook_comment.json", lambda d: d["entry"][0]["changes"][0]["value"].pop("message")),
            "entry.0.changes.0.value.message",
            id="fb-no-message",
        ),
        pytest.param(
            "facebook",
            _broken(
                "facebook_comment.json",
                lambda d: d["entry"][0]["changes"][0]["value"].update(created_time="x"),
            ),
            "entry.0.changes.0.value.created_time",
            id="fb-bad-time",
        ),
        pytest.param("youtube", {"kind": "youtube#video"}, "kind", id="yt-wrong-kind"),
        pytest.param(
            "youtube",
            _broken(
                "youtube_threads.json",
                lambda d: d["items"][0]["snippet"]["topLevelComment"]["snippet"].pop("authorChannelId"),
            ),
            "items.0.snippet.topLevelComment.snippet.authorChannelId",
            id="yt-no-author",
        ),
        pytest.param("x", {"data": "nope"}, "data", id="x-data-not-a-list"),
        pytest.param(
            "x",
            _broken("x_replies.json", lambda d: d["data"][0].pop("in_reply_to_user_id")),
            "data.0.in_reply_to_user_id",
            id="x-not-a-reply",
        ),
        pytest.param(
            "x", {"data": [{"id": "1", "text": 5, "author_id": "2"}]}, "data.0.text", id="x-text-not-text"
        ),
    ],
)
def test_malformed_platform_payloads_are_422_naming_the_field(
    client: TestClient, platform: str, body: Any, field: str
) -> None:
    answer = client.post(f"/v1/platforms/{platform}/comments", json=body)
    assert answer.status_code == 422, answer.text
    assert field in [d["field"] for d in answer.json()["error"]["details"]]


@pytest.mark.parametrize(
    ("path", "content", "status"),
    [
        pytest.param("/v1/platforms/facebook/comments", b"{not json", 422, id="not-json"),
        pytest.param("/v1/platforms/facebook/comments", b"[" * 100_000, 422, id="deep"),
        pytest.param("/v1/platforms/mastodon/comments", b"{}", 422, id="unknown-platform"),
    ],
)
def test_hostile_bodies_never_500(client: TestClient, path: str, content: bytes, status: int) -> None:
    answer = client.post(path, content=content, headers={"content-type": "application/json"})
    assert answer.status_code == status, answer.text


def test_a_comment_too_long_is_an_error_in_its_place(client: TestClient) -> None:
    data = payload("x_replies.json")
    data["data"][0]["text"] = "a" * 20_001
    (item,) = client.post("/v1/platforms/x/comments", json=data).json()["results"]
    assert item["result"] is None and item["error"]["code"] == "invalid_request"


def test_facebook_signature_is_checked_when_a_secret_is_set(
    store: SqlStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GOVERN_FACEBOOK_APP_SECRET", "app-secret-for-tests")
    client = TestClient(create_app(str(DEFAULT_PACK), store, open_access=True), base_url="http://127.0.0.1")
    raw = json.dumps(payload("facebook_comment.json")).encode()
    good = "sha256=" + hmac.new(b"app-secret-for-tests", raw, hashlib.sha256).hexdigest()
    headers = {"content-type": "application/json"}
    assert client.post("/v1/platforms/facebook/comments", content=raw, headers=headers).status_code == 401
    wrong = {**headers, "X-Hub-Signature-256": "sha256=" + "0" * 64}
    assert client.post("/v1/platforms/facebook/comments", content=raw, headers=wrong).status_code == 401
    signed = {**headers, "X-Hub-Signature-256": good}
    assert client.post("/v1/platforms/facebook/comments", content=raw, headers=signed).status_code == 200


# --- strikes, block reviews and reasons ----------------------------------------------------------


def test_third_removal_in_90_days_opens_one_block_review_decided_with_reason_and_date(
    keyed: TestClient,
) -> None:
    for cid, day in (("c1", "2026-09-01"), ("c2", "2026-10-01"), ("c3", "2026-11-20")):
        answer = keyed.post(
            "/v1/comments/moderations", json=comment(cid, PHONE, day), headers=auth("integration")
        )
        assert answer.status_code == 200, answer.text
    assert answer.json()["strikes"] == 3
    assert [a["action"] for a in answer.json()["actions"]] == ["delete", "block-review"]
    assert keyed.get("/v1/blocks/reviews", headers=auth("integration")).status_code == 403
    (review,) = keyed.get("/v1/blocks/reviews", headers=auth("mod-a")).json()
    assert review["author"] == "res-1" and review["evidence"] == ["c1", "c2", "c3"]
    path = f"/v1/blocks/reviews/{review['review_id']}/decide"
    no_date = keyed.post(path, json={"block": True, "reason": "three phone numbers"}, headers=auth("mod-a"))
    assert no_date.status_code == 422
    decided = keyed.post(
        path,
        json={
            "block": True,
            "reason": "Shared residents' phone numbers three times",
            "review_on": "2027-05-20",
        },
        headers=auth("mod-a"),
    )
    assert decided.status_code == 200, decided.text
    assert decided.json()["status"] == "blocked" and decided.json()["review_on"] == "2027-05-20"
    assert keyed.post(path, json={"block": False, "reason": "x"}, headers=auth("mod-b")).status_code == 409
    reasons = keyed.get("/v1/moderation/decisions?author=res-1", headers=auth("mod-b")).json()
    assert [d["action"] for d in reasons] == ["delete", "delete", "delete", "block"]
    assert reasons[0]["reason"].startswith("personal-data:")
    assert reasons[-1]["reason"] == "Shared residents' phone numbers three times"


def test_unknown_block_review_is_404(keyed: TestClient) -> None:
    answer = keyed.post(
        "/v1/blocks/reviews/no-such-review/decide",
        json={"block": False, "reason": "x"},
        headers=auth("mod-a"),
    )
    assert answer.status_code == 404


# --- appeals ------------------------------------------------------------------------------------


def test_appeal_goes_to_a_different_moderator_and_can_restore(keyed: TestClient, store: SqlStore) -> None:
    keyed.post(
        "/v1/comments/moderations", json=comment("c9", PHONE, "2026-11-18"), headers=auth("integration")
    )
    opened = keyed.post("/v1/comments/c9/appeal", json={"statement": "That was the council's own number"})
    assert opened.status_code == 201, opened.text
    appeal_id = opened.json()["appeal_id"]
    assert "removed_by" not in opened.json()  # the resident is not told who removed it
    (listed,) = keyed.get("/v1/appeals", headers=auth("mod-a")).json()
    assert listed["removed_by"] == "integration"
    path = f"/v1/appeals/{appeal_id}/decide"
    # The remover may not decide its own appeal.
    store.add_key("integration-rev", "integration", "reviewer", hashlib.sha256(b"secret-int-rev").hexdigest())
    same = keyed.post(
        path, json={"outcome": "restore", "reason": "x"}, headers={"Authorization": "Bearer secret-int-rev"}
    )
    assert same.status_code == 403
    assert (
        keyed.post(path, json={"outcome": "restore", "reason": "ok"}, headers=auth("integration")).status_code
        == 403
    )
    restored = keyed.post(
        path, json={"outcome": "restore", "reason": "It was a council number"}, headers=auth("mod-b")
    )
    assert restored.status_code == 200 and restored.json()["status"] == "restored"
    assert ModerationRecords(store).comment("c9")["action"] == "publish"  # type: ignore[index]
    assert (
        keyed.post(path, json={"outcome": "uphold", "reason": "x"}, headers=auth("mod-a")).status_code == 409
    )
    # A restored comment is no longer a strike.
    later = keyed.post(
        "/v1/comments/moderations", json=comment("c10", PHONE, "2026-11-19"), headers=auth("integration")
    )
    assert later.json()["strikes"] == 1


@pytest.mark.parametrize(
    ("comment_id", "body", "status"),
    [
        pytest.param("no-such-comment", {"statement": "please"}, 404, id="unknown-comment"),
        pytest.param("bad%20id", {"statement": "please"}, 422, id="id-outside-grammar"),
        pytest.param("-leading-dash", {"statement": "please"}, 422, id="leading-dash"),
        pytest.param("c1", {"statement": ""}, 422, id="empty-statement"),
        pytest.param("c1", {"statement": "x" * 2001}, 422, id="long-statement"),
        pytest.param("c1", {"statement": "x", "extra": 1}, 422, id="unknown-field"),
        pytest.param("c1", {"statement": "x"}, 409, id="published-comment"),
    ],
)
def test_appeal_input(client: TestClient, comment_id: str, body: dict[str, Any], status: int) -> None:
    client.post("/v1/comments/moderations", json=comment("c1", "Thanks for fixing the lights", "2026-11-18"))
    assert client.post(f"/v1/comments/{comment_id}/appeal", json=body).status_code == status


def test_appeals_are_rate_limited(client: TestClient) -> None:
    client.post("/v1/comments/moderations", json=comment("c1", PHONE, "2026-11-18"))
    codes = [client.post("/v1/comments/c1/appeal", json={"statement": "again"}).status_code for _ in range(7)]
    assert codes[:5] == [201] * 5 and codes[5:] == [429, 429]


def test_unknown_appeal_is_404(keyed: TestClient) -> None:
    path = "/v1/appeals/nope/decide"
    assert (
        keyed.post(path, json={"outcome": "uphold", "reason": "x"}, headers=auth("mod-a")).status_code == 404
    )


# --- evidence ---------------------------------------------------------------------------------


def test_threats_and_hate_are_kept_as_evidence_past_the_purge(keyed: TestClient, store: SqlStore) -> None:
    import datetime as dt

    answer = keyed.post(
        "/v1/comments/moderations",
        json=comment("t1", THREAT_AND_SLUR, "2026-11-18"),
        headers=auth("integration"),
    )
    assert answer.json()["action"] == "remove"
    keyed.post(
        "/v1/comments/moderations", json=comment("p1", PHONE, "2026-11-18"), headers=auth("integration")
    )
    store.purge(dt.datetime(2030, 1, 1, tzinfo=dt.UTC))  # every comment's text is past retention
    assert keyed.get("/v1/evidence?author=res-1", headers=auth("mod-a")).status_code == 403
    pack = keyed.get("/v1/evidence?author=res-1", headers=auth("ops")).json()
    (item,) = pack["items"]  # the phone number is not evidence
    assert item["comment_id"] == "t1" and item["intact"] is True
    assert "p***" in item["text"] and "paki" not in item["text"]
    assert len(item["sha256"]) == 64 and item["hold_until"] >= "2028-11-"
    full = keyed.get("/v1/evidence?author=res-1&masked=false", headers=auth("ops")).json()
    assert full["items"][0]["text"] == THREAT_AND_SLUR
    page = keyed.get("/v1/evidence?author=res-1&format=html", headers=auth("ops"))
    assert page.headers["content-type"].startswith("text/html") and "Evidence pack" in page.text
    assert "p***" in page.text
    records = ModerationRecords(store)
    assert records.purge_evidence(dt.date(2028, 11, 1)) == 0
    assert records.purge_evidence(dt.date(2029, 1, 1)) == 1
    assert records.evidence("res-1") == []


@pytest.mark.parametrize("author", ["", "a b", "x" * 200, "=cmd"])
def test_evidence_author_outside_grammar_is_422(keyed: TestClient, author: str) -> None:
    assert keyed.get("/v1/evidence", params={"author": author}, headers=auth("ops")).status_code == 422


def test_response_times_count_decided_items(keyed: TestClient) -> None:
    held = comment("w1", "What the fuck is going on with the bins", "2026-11-18")
    assert (
        keyed.post("/v1/comments/moderations", json=held, headers=auth("integration")).json()["action"]
        == "hold"
    )
    keyed.post(
        "/v1/comments/moderations", json=comment("w2", PHONE, "2026-11-18"), headers=auth("integration")
    )
    appeal_id = keyed.post("/v1/comments/w2/appeal", json={"statement": "please"}).json()["appeal_id"]
    keyed.post(
        f"/v1/appeals/{appeal_id}/decide", json={"outcome": "uphold", "reason": "ok"}, headers=auth("mod-a")
    )
    assert keyed.get("/v1/moderation/response-times", headers=auth("integration")).status_code == 403
    assert keyed.get("/v1/moderation/response-times?days=0", headers=auth("mod-a")).status_code == 422
    held_times, appeals, blocks = keyed.get("/v1/moderation/response-times", headers=auth("mod-a")).json()
    assert (held_times["what"], held_times["count"]) == ("held comments", 0)  # still waiting
    assert (appeals["count"], blocks["count"]) == (1, 0)
    assert appeals["median_minutes"] is not None and appeals["median_minutes"] >= 0
