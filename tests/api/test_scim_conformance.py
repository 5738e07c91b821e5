"""scim2-tester against a running `govern serve`, authorised by a key made with
`govern keys create --role provisioning`: no check may fail for Users and Groups."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from scim2_client import BaseSyncSCIMClient
from scim2_tester import Status, check_server

from tests.serving import GOVERN, free_port, start, stop, wait_ready


class HttpxSCIMClient(BaseSyncSCIMClient):
    """scim2-client over httpx (its own engine needs httpx2, which the project does not use)."""

    def __init__(self, client: httpx.Client, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.client = client

    def _stays_under_base_url(self, endpoint: str) -> bool:
        url = str(self.client.build_request("GET", endpoint).url)
        return url.startswith(str(self.client.base_url).rstrip("/") + "/")

    def _parse_json(self, response: Any) -> Any:
        return response.json()

    def request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        return self.client.request(method, url, **kwargs)


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[int, str]]:
    db = tmp_path_factory.mktemp("scim") / "govern.db"
    made = subprocess.run(
        [GOVERN, "keys", "create", "--role", "provisioning", "--name", "entra", "--db", str(db)],
        capture_output=True,
        text=True,
        check=True,
    )
    secret = json.loads(made.stdout)["key"]
    port = free_port()
    process = start(db, port)
    try:
        wait_ready(port)
        yield port, secret
    finally:
        stop(process)


def test_scim2_tester_finds_no_failure(served: tuple[int, str]) -> None:
    port, secret = served
    with httpx.Client(
        base_url=f"http://127.0.0.1:{port}/scim/v2",
        headers={"Authorization": f"Bearer {secret}"},
        timeout=30,
    ) as http:
        results = check_server(HttpxSCIMClient(http))
    failures = [
        f"{r.title} [{r.resource_type}]: {r.reason}"
        for r in results
        if r.status not in (Status.SUCCESS, Status.SKIPPED)
    ]
    assert failures == []
    passed = [r for r in results if r.status == Status.SUCCESS]
    assert len(passed) >= 30  # discovery, and create/read/replace/patch/delete of both resources
    assert {r.resource_type for r in passed} >= {"User", "Group"}
