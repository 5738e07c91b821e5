"""How long a leaver's access through Squid stays open after the SCIM call that makes them leave.

    python bench/leaver_close.py [--ttl 5] [--trials 6] [--json]

Starts `govern serve` (SQLite, loopback) and `govern squid-helper --ttl TTL` on the same database,
as a proxy host would run them. Each trial: a person with a current posting grant is provisioned
over SCIM and the helper answers OK for them (its cache is warm); after a random wait within one
cache period, a SCIM PATCH sets active=false; from the moment that call returns, the helper is
asked every 10 ms until it answers ERR. Reports the SCIM call's latency and the close time
(worst, median), which should stay within one helper cache period (TTL seconds) plus one poll.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import http.client
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from govern.access.models import AccessRequest  # noqa: E402
from govern.ids import new_id  # noqa: E402
from govern.pack import load_pack  # noqa: E402
from govern.store.base import Entry, Grant  # noqa: E402
from govern.store.sql import SqlStore  # noqa: E402

GOVERN = str(Path(sys.executable).parent / "govern")
PACK = ROOT / "policies" / "council-default"
SECRET = "gvk_bench-provisioning"
POLL = 0.01


def grant_posting(store: SqlStore, person: str) -> None:
    """A permitted posting request for `person`, recorded with its grant as the service records it."""
    pack = load_pack(PACK)
    today = dt.date.today()
    body = {
        "requester": {
            "id": person,
            "department": "Planning",
            "employment": "permanent",
            "training": [
                {"course": "social-media-essentials", "completed_on": str(today - dt.timedelta(30))}
            ],
        },
        "site": "x.com",
        "access": "post",
        "approach": "converse",
        "business_case": {
            "purpose": "To answer residents' questions about planning applications on council pages",
            "priorities": ["NI 4"],
            "duration_days": 90,
            "manager_approved": True,
        },
    }
    request = AccessRequest.model_validate(body)
    now = dt.datetime.now(dt.UTC)
    decision = pack.decide(request, received_at=now)
    assert decision.decision == "permit", decision.reasons
    grant = Grant(
        new_id(),
        decision.decision_id,
        person,
        "x.com",
        decision.site.category,
        "post",
        [],
        now,
        decision.expires_on,
    )
    entry = Entry(
        "decision",
        decision.decision_id,
        "bench",
        pack.ref.model_dump(),
        body,
        decision.model_dump(mode="json"),
        grant=grant,
    )
    store.append_all([entry])


def call(port: int, method: str, path: str, body: Any = None) -> tuple[int, Any]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Authorization": f"Bearer {SECRET}", "Content-Type": "application/scim+json"}
    connection.request(method, path, body=json.dumps(body) if body is not None else None, headers=headers)
    response = connection.getresponse()
    data = response.read()
    connection.close()
    return response.status, json.loads(data) if data else None


class Helper:
    def __init__(self, db: str, ttl: float) -> None:
        self.process = subprocess.Popen(
            [GOVERN, "squid-helper", "--db", db, "--policies", str(PACK), "--ttl", str(ttl)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            bufsize=1,
        )

    def ask(self, user: str) -> str:
        assert self.process.stdin and self.process.stdout
        self.process.stdin.write(f"{user} x.com POST\n")
        self.process.stdin.flush()
        return self.process.stdout.readline().strip()

    def close(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


def wait_ready(port: int) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
            connection.request("GET", "/healthz")
            if connection.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("the service did not start")


def run(ttl: float, trials: int) -> dict[str, Any]:
    import socket

    folder = tempfile.mkdtemp(prefix="govern-leaver-")
    db = os.path.join(folder, "govern.db")
    store = SqlStore(db)
    store.add_key(new_id(), "entra", "provisioning", hashlib.sha256(SECRET.encode()).hexdigest())
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    server = subprocess.Popen(
        [GOVERN, "serve", "--db", db, "--policies", str(PACK), "--port", str(port), "--log-level", "error"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    helper = Helper(db, ttl)
    closes: list[float] = []
    calls: list[float] = []
    try:
        wait_ready(port)
        rng = random.Random(7)
        for trial in range(trials):
            person = f"leaver{trial}"
            status, made = call(
                port,
                "POST",
                "/scim/v2/Users",
                {
                    "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
                    "userName": person,
                    "active": True,
                },
            )
            assert status == 201, made
            grant_posting(store, person)
            assert helper.ask(person) == "OK"  # the helper's cache now holds the grant
            time.sleep(rng.uniform(0, ttl))  # the call lands anywhere within the cache period
            started = time.monotonic()
            status, _ = call(
                port,
                "PATCH",
                f"/scim/v2/Users/{made['id']}",
                {
                    "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                    "Operations": [{"op": "Replace", "path": "active", "value": "False"}],
                },
            )
            returned = time.monotonic()
            assert status == 200
            assert store.grants(requester=person) == []  # revoked by the time the call returns
            while helper.ask(person) != "ERR":
                time.sleep(POLL)
            closes.append(time.monotonic() - returned)
            calls.append(returned - started)
    finally:
        helper.close()
        os.killpg(server.pid, 15)
        server.wait(timeout=30)
        store.close()
    return {
        "ttl_s": ttl,
        "trials": trials,
        "scim_call_ms_median": round(statistics.median(calls) * 1000, 1),
        "close_s_max": round(max(closes), 3),
        "close_s_median": round(statistics.median(closes), 3),
        "within_one_period": all(c <= ttl + POLL * 5 for c in closes),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--ttl", type=float, default=5.0, help="the helper's cache period (its --ttl)")
    parser.add_argument("--trials", type=int, default=6)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = run(args.ttl, args.trials)
    if args.json:
        print(json.dumps(result))
    else:
        for key, value in result.items():
            print(f"{key:24} {value}")
    return 0 if result["within_one_period"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
