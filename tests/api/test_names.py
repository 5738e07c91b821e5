"""Names over HTTP: every entry point refuses a hostile name with 422 naming the field."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.access.test_engine import request as access_request


def _comment(**changes: Any) -> dict[str, Any]:
    return {"text": "Is the tip open on Sunday?", "channel": "facebook-page", **changes}


ENTRY_POINTS = [
    pytest.param(
        "/v1/access/decisions", lambda n: access_request(requester={"id": n}), "requester.id", id="access"
    ),
    pytest.param(
        "/v1/comments/moderations", lambda n: _comment(author={"id": n}), "author.id", id="comment-author"
    ),
    pytest.param("/v1/comments/moderations", lambda n: _comment(comment_id=n), "comment_id", id="comment-id"),
    pytest.param(
        "/v1/drafts/checks",
        lambda n: {"text": "Hello", "platform": "x", "author": {"id": n}},
        "author.id",
        id="draft-author",
    ),
]


@pytest.mark.parametrize(("path", "body", "field"), ENTRY_POINTS)
@pytest.mark.parametrize("name", ["REQUIRED", "a\nhttp_access allow all", "x" * 10_000, "jsmíth"])
def test_every_http_entry_point_refuses_hostile_names_with_422(
    client: TestClient, path: str, body: Any, field: str, name: str
) -> None:
    response = client.post(path, json=copy.deepcopy(body(name)))
    assert response.status_code == 422
    assert [d["field"] for d in response.json()["error"]["details"]] == [field]


def test_a_batch_refuses_a_hostile_name_in_place(client: TestClient) -> None:
    requests = [access_request(), access_request(requester={"id": "REQUIRED"})]
    items = client.post("/v1/access/decisions:batch", json={"requests": requests}).json()["decisions"]
    assert items[0]["decision"]["decision"] == "permit"
    assert items[1]["error"]["details"][0]["field"] == "requester.id"


@pytest.mark.parametrize("name", ["REQUIRED", "a\nb", "x" * 200])
def test_the_grants_filter_refuses_a_hostile_name(client: TestClient, name: str) -> None:
    response = client.get("/v1/grants", params={"requester": name})
    assert response.status_code == 422 and response.json()["error"]["details"][0]["field"] == "requester"


@pytest.mark.parametrize(
    "site",
    [
        pytest.param("facebook.com%0a", id="percent-encoded-newline"),
        pytest.param("facebook.com" + "." * 1991, id="2003-characters-of-dots"),
        pytest.param(("a" * 60 + ".") * 33 + "com", id="2016-character-name"),
        pytest.param("face_book.com", id="underscore"),
        pytest.param("-facebook.com", id="leading-hyphen"),
        pytest.param("facebook.com%20x", id="percent-encoded-space"),
    ],
)
def test_an_access_request_for_a_site_that_is_not_a_dns_name_is_refused(
    client: TestClient, site: str
) -> None:
    response = client.post("/v1/access/decisions", json=access_request(site=site))
    assert response.status_code == 422
    assert [d["field"] for d in response.json()["error"]["details"]] == ["site"]
    assert client.get("/v1/grants").json() == []


@pytest.mark.parametrize("site", ["https://M.Facebook.com/page", "facebook.com.", "bücher.de"])
def test_a_url_a_root_dot_and_a_unicode_name_are_still_sites(client: TestClient, site: str) -> None:
    assert client.post("/v1/access/decisions", json=access_request(site=site)).status_code == 200
