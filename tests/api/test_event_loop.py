"""Checking a text never blocks the event loop: /healthz answers while a check is running."""

from __future__ import annotations

import threading
from typing import Any

import anyio
import httpx
import pytest

from govern.api.app import create_app
from govern.drafts.models import MAX_TEXT
from govern.store.sql import SqlStore
from tests.conftest import DEFAULT_PACK, LOCAL

TEXT = ("The council a.b.c. fixed it. " * 700)[:MAX_TEXT]


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("path", "body"),
    [
        pytest.param("/v1/drafts/checks", {"text": TEXT, "platform": "blog"}, id="draft"),
        pytest.param("/v1/comments/moderations", {"text": TEXT, "channel": "facebook-page"}, id="comment"),
    ],
)
async def test_healthz_answers_while_a_long_text_is_checked(
    store: SqlStore, monkeypatch: pytest.MonkeyPatch, path: str, body: dict[str, Any]
) -> None:
    app = create_app(str(DEFAULT_PACK), store, open_access=True)
    pack = app.state.service.pack
    started, answered = threading.Event(), threading.Event()
    method = "check" if "drafts" in path else "moderate"
    real = getattr(type(pack), method)  # a compiled pack is frozen: its class's method is held up

    def slow(*args: Any) -> Any:
        """The real check of 20,000 characters, held until /healthz has answered (at most 10 s):
        on the event loop this would hold every other request too."""
        result = real(*args)
        started.set()
        answered.wait(timeout=10)
        return result

    monkeypatch.setattr(type(pack), method, slow)
    finished: list[httpx.Response] = []
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url=LOCAL) as client:
        async with anyio.create_task_group() as tasks:

            async def check() -> None:
                finished.append(await client.post(path, json=body))

            tasks.start_soon(check)
            assert await anyio.to_thread.run_sync(started.wait, 10), "the check never ran"
            with anyio.fail_after(5):
                health = await client.get("/healthz")
            still_running = not finished
            answered.set()
        assert health.status_code == 200
        assert still_running, "/healthz answered only after the check had finished"
    assert finished[0].status_code == 200, finished[0].text
