"""Checking a text never blocks the event loop: /healthz answers while a check is running."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from typing import Any

import anyio
import httpx
import pytest

from govern import metrics
from govern.api.app import create_app
from govern.drafts.models import MAX_TEXT
from govern.store.logkey import LogSettings
from govern.store.sql import SqlStore
from tests.access.test_engine import request as access_request
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


@pytest.mark.anyio
async def test_a_decision_waiting_for_the_sqlite_lock_waits_in_a_thread(tmp_path: Path) -> None:
    """A decision is decided and written on the event loop when SQLite is free; when another
    process holds the write lock, it goes to a thread, so /healthz answers meanwhile, and it is
    written once the lock is free."""
    path = tmp_path / "govern.db"
    store = SqlStore(str(path), log=LogSettings(directory=tmp_path / "keys"))
    app = create_app(str(DEFAULT_PACK), store, open_access=True)
    other = sqlite3.connect(path, isolation_level=None, timeout=0)
    waited = metrics.DECIDED_ON_THREAD._value.get()
    finished: list[httpx.Response] = []
    try:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url=LOCAL) as client:
            free = await client.post("/v1/access/decisions", json=access_request())
            assert free.status_code == 200 and metrics.DECIDED_ON_THREAD._value.get() == waited
            other.execute("BEGIN IMMEDIATE")  # another worker's transaction, held
            async with anyio.create_task_group() as tasks:

                async def decide() -> None:
                    finished.append(await client.post("/v1/access/decisions", json=access_request()))

                tasks.start_soon(decide)
                with anyio.fail_after(10):
                    while metrics.DECIDED_ON_THREAD._value.get() == waited:
                        await anyio.sleep(0.01)
                    health = await client.get("/healthz")
                still_waiting = not finished
                other.execute("ROLLBACK")
            assert health.status_code == 200
            assert still_waiting, "the decision did not wait for the lock"
        assert finished[0].status_code == 200, finished[0].text
        logged = [r.ref for r in store.log()]
        assert logged == [free.json()["decision_id"], finished[0].json()["decision_id"]]
    finally:
        other.close()
        store.close()
