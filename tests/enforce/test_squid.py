"""Grants drive a real Squid, end to end, on loopback; and the helper, exports and expiry notices."""

from __future__ import annotations

import base64
import datetime as dt
import http.client
import http.server
import io
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from govern.api.app import create_app
from govern.cli import main
from govern.enforce import GrantCache, answer, serve_helper
from govern.pack import load_pack
from govern.store.sql import SqlStore
from tests.access.test_engine import request as access_request
from tests.conftest import DEFAULT_PACK, LOCAL

SQUID = shutil.which("squid") or "/usr/sbin/squid"
GOVERN = str(Path(sys.executable).parent / "govern")


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _grant(client: TestClient, user: str, access: str, **changes: Any) -> dict[str, Any]:
    body = access_request(
        site="facebook.com", access=access, approach="converse", requester={"id": user}, **changes
    )
    return client.post("/v1/access/decisions", json=body).json()  # type: ignore[no-any-return]


# --- the helper protocol, in process ------------------------------------------------------------


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SqlStore]:
    s = SqlStore(str(tmp_path / "govern.db"))
    yield s
    s.close()


def test_helper_answers_by_level_method_and_channel(store: SqlStore, tmp_path: Path) -> None:
    client = TestClient(create_app(str(DEFAULT_PACK), store, open_access=True), base_url=LOCAL)
    assert _grant(client, "reader", "read", submitted_at=None)["decision"] == "permit"
    assert _grant(client, "poster", "post", submitted_at=None)["decision"] == "permit"
    pack = load_pack(DEFAULT_PACK)
    cache = GrantCache(store, pack.sites.resolve, pack.timezone, ttl=0)
    assert answer("reader www.facebook.com GET", cache) == "OK"
    assert answer("reader m.facebook.com CONNECT", cache) == "OK"
    assert answer("reader facebook.com POST", cache) == "ERR"
    assert answer("poster facebook.com POST", cache) == "OK"
    assert answer("poster x.com GET", cache) == "ERR"
    assert answer("7 reader facebook.com GET", cache) == "7 OK"
    assert answer("12 - facebook.com GET", cache) == "12 ERR"
    assert answer("3 reader", cache).startswith("3 BH")
    out = io.StringIO()
    serve_helper(io.StringIO("1 reader facebook.com GET\n\n2 nobody facebook.com GET\n"), out, cache)
    assert out.getvalue() == "1 OK\n2 ERR\n"


def test_helper_cache_respects_expiry(store: SqlStore, tmp_path: Path) -> None:
    client = TestClient(create_app(str(DEFAULT_PACK), store, open_access=True), base_url=LOCAL)
    decision = _grant(client, "reader", "read", submitted_at=None, business_case={"duration_days": 5})
    clock = tmp_path / "today"
    pack = load_pack(DEFAULT_PACK)
    cache = GrantCache(store, pack.sites.resolve, pack.timezone, ttl=3600, clock=str(clock))
    expires = dt.date.fromisoformat(decision["expires_on"])
    clock.write_text(expires.isoformat())
    assert answer("reader facebook.com GET", cache) == "OK"
    clock.write_text((expires + dt.timedelta(days=1)).isoformat())
    assert answer("reader facebook.com GET", cache) == "ERR"  # despite the hour-long cache


def test_exports_and_expiry_notices(
    store: SqlStore, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    client = TestClient(create_app(str(DEFAULT_PACK), store, open_access=True), base_url=LOCAL)
    _grant(client, "reader", "read", submitted_at=None, business_case={"duration_days": 10})
    _grant(client, "poster", "post", submitted_at=None, business_case={"duration_days": 100})
    db = str(tmp_path / "govern.db")
    assert main(["export", "--format", "csv", "--db", db]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "user,domain,category,level,expires_on,decision_id"
    assert {tuple(line.split(",")[:4]) for line in lines[1:]} == {
        ("reader", "facebook.com", "social-network", "read"),
        ("poster", "facebook.com", "social-network", "post"),
    }
    assert main(["export", "--db", db]) == 0
    assert {g["level"] for g in json.loads(capsys.readouterr().out)} == {"read", "post"}
    out = tmp_path / "grants.conf"
    assert main(["export", "squid", "--out", str(out), "--db", db]) == 0
    conf = out.read_text()
    assert "acl govern_user_1 proxy_auth reader" in conf and "dstdomain .facebook.com" in conf
    assert "!govern_write_methods" in conf
    capsys.readouterr()
    assert main(["grants", "expiring", "--within", "14d", "--db", db]) == 0
    out_text, err = capsys.readouterr()
    assert "reader" in out_text and "poster" not in out_text and "1 grant expire within 14 days" in err
    assert "govern_grants_expiring 1.0" in client.get("/metrics").text


# --- Squid, end to end --------------------------------------------------------------------------


class _Origin(http.server.BaseHTTPRequestHandler):
    def _ok(self) -> None:
        length = int(self.headers.get("content-length") or 0)
        self.rfile.read(length)
        body = f"origin saw {self.command}".encode()
        self.send_response(200)
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = _ok

    def log_message(self, *args: Any) -> None:
        pass


def _proxy_can_run_govern() -> bool:
    """Squid runs its helpers as the proxy user, who must be able to start this Python."""
    if os.geteuid() != 0:
        return False
    check = subprocess.run(
        ["su", "-s", "/bin/sh", "proxy", "-c", f"test -x {os.path.realpath(sys.executable)}"],
        capture_output=True,
        check=False,
    )
    return check.returncode == 0


@pytest.mark.skipif(not Path(SQUID).exists(), reason="needs Debian's squid (make test installs it as root)")
@pytest.mark.skipif(
    not _proxy_can_run_govern(), reason="Squid's proxy user cannot run this Python (scripts/squid.sh)"
)
def test_squid_end_to_end(tmp_path: Path) -> None:
    import tempfile

    old_umask = os.umask(0)  # Squid and its helpers run as the proxy user: they must open these files
    root = Path(tempfile.mkdtemp(prefix="govern-squid-"))  # not under pytest's root-only tmp_path
    root.chmod(0o777)
    db = root / "govern.db"
    clock = root / "today"
    store = SqlStore(str(db))
    # govern creates its database 0600; the operator lets the proxy user read it (docs/enforcement.md)
    for part in (db, root / "govern.db-wal", root / "govern.db-shm"):
        if part.exists():
            part.chmod(0o666)
    client = TestClient(create_app(str(DEFAULT_PACK), store, open_access=True), base_url=LOCAL)
    origin = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Origin)
    threading.Thread(target=origin.serve_forever, daemon=True).start()
    origin_port = origin.server_address[1]
    port = _port()
    (root / "hosts").write_text("127.0.0.1 facebook.com www.facebook.com x.com\n")
    (root / "auth.py").write_text("import sys\nfor line in sys.stdin:\n    print('OK', flush=True)\n")
    helper = f"{GOVERN} squid-helper --policies {DEFAULT_PACK} --db {db} --ttl 0.2 --clock {clock}"
    (root / "squid.conf").write_text(f"""
http_port 127.0.0.1:{port}
pid_filename {root}/squid.pid
access_log stdio:{root}/access.log
cache_log {root}/cache.log
coredump_dir {root}
cache deny all
hosts_file {root}/hosts
dns_nameservers 127.0.0.1
shutdown_lifetime 1 seconds
auth_param basic program {sys.executable} {root}/auth.py
auth_param basic children 2
auth_param basic realm govern-test
external_acl_type govern ttl=0 negative_ttl=0 children-max=2 concurrency=10 %LOGIN %DST %METHOD {helper}
acl authed proxy_auth REQUIRED
acl granted external govern
http_access deny !authed
http_access allow granted
http_access deny all
""")
    squid = subprocess.Popen(
        [SQUID, "-N", "-f", str(root / "squid.conf")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    os.umask(old_umask)

    def fetch(user: str, method: str = "GET") -> int:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        token = base64.b64encode(f"{user}:x".encode()).decode()
        try:
            conn.request(
                method,
                f"http://facebook.com:{origin_port}/page",
                body=b"hi" if method == "POST" else None,
                headers={"Proxy-Authorization": f"Basic {token}"},
            )
            response = conn.getresponse()
            response.read()
            return response.status
        finally:
            conn.close()

    timings: dict[str, float] = {}
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                time.sleep(0.2)
        else:
            pytest.fail("squid did not start: " + (root / "cache.log").read_text()[-2000:])

        start = time.monotonic()
        assert fetch("jsmith") == 403, "no grant: refused"
        timings["first_refusal"] = time.monotonic() - start

        assert (
            _grant(client, "jsmith", "read", submitted_at=None, business_case={"duration_days": 30})[
                "decision"
            ]
            == "permit"
        )
        time.sleep(0.3)  # the helper's cache
        assert fetch("jsmith") == 200, "a read grant allows GET"
        assert fetch("jsmith", "POST") == 403, "but not POST"

        assert _grant(client, "jsmith", "post", submitted_at=None)["decision"] == "permit"
        time.sleep(0.3)
        assert fetch("jsmith", "POST") == 200, "a post grant allows POST"

        clock.write_text((dt.date.today() + dt.timedelta(days=400)).isoformat())
        time.sleep(0.3)
        assert fetch("jsmith") == 403, "after the grants expire, refused again"
        clock.unlink()

        referred = _grant(client, "lead", "manage", submitted_at=None)
        assert referred["decision"] == "refer"
        time.sleep(0.3)
        assert fetch("lead") == 403
        approved = client.post(f"/v1/referrals/{referred['decision_id']}/approve", json={"reason": "ok"})
        assert approved.status_code == 200
        time.sleep(0.3)
        assert fetch("lead", "POST") == 200, "an approved referral works without restarting Squid"

        start = time.monotonic()
        statuses = []
        while time.monotonic() - start < 2:  # jsmith's grants are current again (no test clock)
            statuses.append(fetch("jsmith"))
        timings["requests_per_second_through_squid"] = len(statuses) / (time.monotonic() - start)
        assert set(statuses) == {200}
    finally:
        os.killpg(squid.pid, signal.SIGTERM)
        squid.wait(timeout=20)
        origin.shutdown()
        origin.server_close()
        store.close()
    log = (root / "access.log").read_text()
    shutil.rmtree(root, ignore_errors=True)
    assert "TCP_DENIED/403" in log and "TCP_MISS/200" in log
    print(f"squid timings: {timings}")
