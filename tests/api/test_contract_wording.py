"""A bad draft is worded the same whether sent alone, in a batch, or as a bad batch envelope."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

BAD_DRAFTS = [
    pytest.param({"platform": "x"}, id="missing-text"),
    pytest.param({"text": "hi", "platform": "fax"}, id="unknown-platform"),
    pytest.param({"text": "hi", "platform": "x", "colour": "red"}, id="unknown-field"),
]


@pytest.mark.parametrize("draft", BAD_DRAFTS)
def test_single_and_batch_word_a_bad_draft_alike(client: TestClient, draft: dict[str, Any]) -> None:
    single = client.post("/v1/drafts/checks", json=draft)
    batch = client.post("/v1/drafts/checks:batch", json={"drafts": [draft]})
    assert single.status_code == 422 and batch.status_code == 200
    assert batch.json()["results"][0]["error"] == single.json()["error"]


def test_a_bad_envelope_uses_the_same_words(client: TestClient) -> None:
    response = client.post("/v1/drafts/checks:batch", json={"draft": []})
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["details"] == [
        {"field": "drafts", "message": "is required"},
        {"field": "draft", "message": "unknown field"},
    ]
    assert error["message"] == "invalid request: drafts: is required; draft: unknown field"
