"""Faults with a real server process: kill -9 in the middle of a burst of writes."""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

from govern.store.sql import SqlStore
from tests.access.test_engine import request as access_request
from tests.conftest import DEFAULT_PACK


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait(port: int) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
        try:
            conn.request("GET", "/healthz")
            if conn.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.1)
        finally:
            conn.close()
    raise AssertionError("the service did not start")


def test_kill_9_during_a_burst_loses_nothing_acknowledged(tmp_path: Path) -> None:
    db = tmp_path / "govern.db"
    port = _free_port()
    server = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "govern"),
            "serve",
            "--policies",
            str(DEFAULT_PACK),
            "--db",
            str(db),
            "--port",
            str(port),
            "--log-level",
            "error",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    acknowledged: list[str] = []
    try:
        _wait(port)
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
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGKILL)
        server.wait(timeout=10)

    store = SqlStore(str(db))
    try:
        assert store.verify() is None
        logged = {r.ref for r in store.log()}
        assert set(acknowledged) <= logged, "every acknowledged decision is in the log"
        assert len(acknowledged) >= 50
    finally:
        store.close()
