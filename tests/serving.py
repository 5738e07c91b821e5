"""Running a real `govern serve` in tests: a free loopback port, start, wait, stop."""

from __future__ import annotations

import http.client
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import DEFAULT_PACK

GOVERN = str(Path(sys.executable).parent / "govern")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_ready(port: int, timeout: float = 30) -> None:
    """Until /healthz answers 200."""
    deadline = time.monotonic() + timeout
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


def start(
    db: str | Path, port: int, *extra: str, policies: str | Path = DEFAULT_PACK
) -> subprocess.Popen[bytes]:
    """`govern serve` in its own process group (so that stop() ends its workers too)."""
    return subprocess.Popen(
        [
            GOVERN,
            "serve",
            "--policies",
            str(policies),
            "--db",
            str(db),
            "--port",
            str(port),
            "--log-level",
            "error",
            *extra,
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


def stop(process: subprocess.Popen[bytes], sig: int = signal.SIGTERM) -> None:
    if process.poll() is None:
        os.killpg(process.pid, sig)
    process.wait(timeout=30)
