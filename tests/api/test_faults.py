"""Faults with a real server process: kill -9 in the middle of a burst of writes."""

from __future__ import annotations

import http.client
import json
import os
import signal
import threading
import time
from pathlib import Path

import pytest

from govern.settings import Settings
from govern.store.sql import SqlStore
from tests.access.test_engine import request as access_request
from tests.serving import free_port, start, stop, wait_ready


# Killing the server mid-request can leave a client socket to be finalised late; that is the point
# of the test, not a leak in govern.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
@pytest.mark.filterwarnings("ignore::ResourceWarning")
def test_kill_9_during_a_burst_loses_nothing_acknowledged(tmp_path: Path) -> None:
    db = tmp_path / "govern.db"
    port = free_port()
    server = start(db, port)
    acknowledged: list[str] = []
    try:
        wait_ready(port)
        body = json.dumps(access_request()).encode()

        def burst() -> None:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            for _ in range(2000):
                try:
                    conn.request(
                        "POST",
                        "/v1/access/decisions",
                        body=body,
                        headers={"content-type": "application/json"},
                    )
                    response = conn.getresponse()
                    data = response.read()
                except (OSError, http.client.HTTPException):
                    return
                if response.status == 200:
                    acknowledged.append(json.loads(data)["decision_id"])

        writers = [threading.Thread(target=burst) for _ in range(3)]
        for w in writers:
            w.start()
        while len(acknowledged) < 50:
            time.sleep(0.01)
        os.killpg(server.pid, signal.SIGKILL)
        for w in writers:
            w.join(timeout=10)
    finally:
        stop(server, signal.SIGKILL)

    store = SqlStore(str(db))
    try:
        assert store.verify() is None
        logged = {r.ref for r in store.log()}
        assert set(acknowledged) <= logged, "every acknowledged decision is in the log"
        assert len(acknowledged) >= 50
    finally:
        store.close()


def test_two_instances_on_one_postgresql_extend_one_chain() -> None:
    url = os.environ.get("GOVERN_TEST_PG")
    if not url:
        import pytest

        pytest.skip("needs GOVERN_TEST_PG (.ci/run sets it)")
    import uuid

    import sqlalchemy as sa

    from govern.store.sql import normalise_url

    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(normalise_url(url))
    with admin.begin() as c:
        c.exec_driver_sql(f"CREATE SCHEMA {schema}")
    db = f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{schema}"
    ports = [free_port(), free_port()]
    servers = [start(db, port) for port in ports]
    acknowledged: list[str] = []
    try:
        for port in ports:
            wait_ready(port)
        body = json.dumps(access_request()).encode()

        def burst(port: int) -> None:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            try:
                for _ in range(60):
                    conn.request(
                        "POST",
                        "/v1/access/decisions",
                        body=body,
                        headers={"content-type": "application/json"},
                    )
                    response = conn.getresponse()
                    data = response.read()
                    assert response.status == 200
                    acknowledged.append(json.loads(data)["decision_id"])
            finally:
                conn.close()

        writers = [threading.Thread(target=burst, args=(port,)) for port in ports for _ in range(2)]
        for w in writers:
            w.start()
        for w in writers:
            w.join(timeout=60)
    finally:
        for server in servers:
            stop(server)
    store = SqlStore(db, log=Settings.from_env().log)
    try:
        assert store.verify() is None
        records = store.log()
        assert [r.seq for r in records] == list(range(1, 241))
        assert {r.ref for r in records} == set(acknowledged) and len(acknowledged) == 240
    finally:
        store.close()
        with admin.begin() as c:
            c.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
        admin.dispose()
