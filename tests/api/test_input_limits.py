"""Hostile bodies get a 4xx naming the field, never a 500: depth, long numbers, dates, bytes."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from tests.access.test_engine import request as access_request

DEEP = "[" * 100_000 + "]" * 100_000
LONG = "1" * 5_000


def _access(**changes: object) -> str:
    return json.dumps(access_request(**changes))


def _comment(**changes: object) -> str:
    return json.dumps({"text": "Fix the road", "channel": "facebook-page", "author": {"id": "r1"}, **changes})


def _draft(**changes: object) -> str:
    return json.dumps({"text": "Hello", "platform": "x", **changes})


CASES = [
    pytest.param("/v1/access/decisions", DEEP, "0." * 31 + "0", id="100k-deep-array"),
    pytest.param(
        "/v1/access/decisions",
        _access().replace('"drivers": [', f'"drivers": [{DEEP}, ', 1),
        "business_case.drivers" + ".0" * 30,
        id="deep-inside-a-field",
    ),
    pytest.param(
        "/v1/access/decisions",
        _access().replace("200", LONG, 1),
        "business_case.duration_days",
        id="long-int",
    ),
    pytest.param(
        "/v1/access/decisions", _access(submitted_at="0001-01-01T00:00:00+05:00"), "submitted_at", id="year-1"
    ),
    pytest.param(
        "/v1/access/decisions",
        _access(submitted_at="9999-12-31T23:59:59-05:00"),
        "submitted_at",
        id="year-9999",
    ),
    pytest.param(
        "/v1/access/decisions",
        _access(requester={"training": [{"course": "x", "completed_on": "0001-01-01"}]}),
        "requester.training.0.completed_on",
        id="training-year-1",
    ),
    pytest.param(
        "/v1/access/decisions:batch", '{"requests": ' + DEEP + "}", "requests" + ".0" * 31, id="batch-deep"
    ),
    pytest.param("/v1/drafts/checks", DEEP, "0." * 31 + "0", id="draft-deep"),
    pytest.param(
        "/v1/drafts/checks", '{"text": "hi", "platform": "x", "n": ' + LONG + "}", "n", id="draft-long-int"
    ),
    pytest.param(
        "/v1/drafts/checks", _draft(posted_at="9999-12-31T23:59:59-05:00"), "posted_at", id="draft-year-9999"
    ),
    pytest.param(
        "/v1/drafts/checks", _draft(posted_at="0001-01-01T00:00:00Z"), "posted_at", id="draft-year-1"
    ),
    pytest.param("/v1/drafts/checks", '{"text": "\\ud800", "platform": "x"}', "text", id="lone-surrogate"),
    pytest.param("/v1/comments/moderations", DEEP, "0." * 31 + "0", id="comment-deep"),
    pytest.param(
        "/v1/comments/moderations",
        _comment(posted_at="0001-01-01T00:00:00"),
        "posted_at",
        id="comment-year-1",
    ),
    pytest.param(
        "/v1/comments/moderations",
        _comment(posted_at="9999-12-31T23:59:59Z"),
        "posted_at",
        id="comment-year-9999",
    ),
    pytest.param(
        "/v1/comments/moderations", _comment().replace("Fix", "Fix\\udfff"), "text", id="comment-surrogate"
    ),
]


@pytest.mark.parametrize(("path", "body", "field"), CASES)
def test_hostile_bodies_are_422_naming_the_field(
    client: TestClient, path: str, body: str, field: str
) -> None:
    response = client.post(path, content=body.encode(), headers={"content-type": "application/json"})
    assert response.status_code == 422, response.text[:300]
    error = response.json()["error"]
    assert error["code"] == "invalid_request"
    assert [d["field"] for d in error["details"]] == [field]


@pytest.mark.parametrize("path", ["/v1/access/decisions", "/v1/drafts/checks", "/v1/comments/moderations"])
def test_invalid_utf8_is_422(client: TestClient, path: str) -> None:
    response = client.post(path, content=b'{"text": "caf\xe9"}', headers={"content-type": "application/json"})
    assert response.status_code == 422 and "not UTF-8" in response.json()["error"]["message"]


def test_a_batch_reports_a_bad_date_in_place_and_answers_the_rest(client: TestClient) -> None:
    requests = [access_request(submitted_at="9999-12-31T23:59:59-05:00"), access_request()]
    items = client.post("/v1/access/decisions:batch", json={"requests": requests}).json()["decisions"]
    assert items[0]["error"]["details"][0]["field"] == "submitted_at"
    assert items[1]["decision"]["decision"] == "permit"
