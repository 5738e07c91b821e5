"""HTTP throughput and latency of `govern serve` over loopback, against the in-process rate.

    python bench/http_load.py [--workers 2] [--seconds 10] [--clients 4] [--baseline] [--db URL] [--json]

Starts `govern serve` on a fresh SQLite database (or the database at `--db`), then drives it from
separate client processes (keep-alive connections, one request at a time each) for a fixed time:
POST /v1/access/decisions with varied requests, then POST /v1/access/decisions:batch with 1,000
requests a call. Reports decisions/s, p50 and p99 latency, and the ratio of HTTP throughput to
in-process `pack.decide`. Bounded in time; traffic goes to 127.0.0.1 only.

With `--baseline`, a trivial FastAPI echo is served the same way and the two are driven in
alternating slices (`--rounds` of `--seconds` each: govern, echo, govern, echo, ...), each slice
with new connections. On a shared machine the rate of either drifts by a factor of two within a
minute, and 4 keep-alive connections split between 2 workers 2:2 or 3:1 by chance; alternating
slices and taking the median of each side keeps both effects out of the ratio. Every slice's
ratio is reported too.
"""

from __future__ import annotations

import argparse
import http.client
import json
import multiprocessing as mp
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def requests(n: int) -> list[dict[str, Any]]:
    sites = ["x.com", "facebook.com", "youtube.com", "linkedin.com", "whatsapp.com", "forum.example.org"]
    out = []
    for i in range(n):
        out.append(
            {
                "requester": {
                    "id": f"u{i % 500}",
                    "department": ["Planning", "Parks", "Children's Services"][i % 3],
                    "employment": ["permanent", "contractor"][i % 5 == 0],
                    "training": [{"course": "social-media-essentials", "completed_on": "2026-03-01"}],
                },
                "site": sites[i % len(sites)],
                "access": ["read", "post", "manage"][i % 3],
                "approach": ["listen", "converse", "experiment"][i % 3],
                "business_case": {
                    "purpose": "Answer residents' questions about council services on our pages",
                    "priorities": ["NI 4"],
                    "duration_days": 30 + i % 400,
                    "manager_approved": i % 7 != 0,
                    "moderation_plan": "Checked twice a day",
                },
                "submitted_at": "2026-11-21T10:00:00Z",
            }
        )
    return out


def _rounded(value: Any) -> Any:
    return round(value, 2) if isinstance(value, float) else value


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def client(port: int, path: str, bodies: list[bytes], seconds: float, out: Any) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.connect()
    conn.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)  # no Nagle/delayed-ACK stalls
    latencies, errors, i = [], 0, 0
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        body = bodies[i % len(bodies)]
        i += 1
        start = time.perf_counter()
        conn.request("POST", path, body=body, headers={"content-type": "application/json"})
        response = conn.getresponse()
        response.read()
        latencies.append(time.perf_counter() - start)
        errors += response.status != 200
    out.put((latencies, errors))


def run_clients(
    port: int, path: str, bodies: list[bytes], seconds: float, clients: int
) -> tuple[list[float], int]:
    """Every request's latency and the number of errors, from `clients` processes for `seconds`."""
    queue: Any = mp.Queue()
    procs = [mp.Process(target=client, args=(port, path, bodies, seconds, queue)) for _ in range(clients)]
    for p in procs:
        p.start()
    results = [queue.get() for _ in procs]
    for p in procs:
        p.join()
    return [x for lat, _ in results for x in lat], sum(e for _, e in results)


def summary(latencies: list[float], errors: int, seconds: float) -> dict[str, float]:
    ordered = sorted(latencies)
    return {
        "requests": len(ordered),
        "errors": errors,
        "per_second": len(ordered) / seconds,
        "p50_ms": statistics.median(ordered) * 1000,
        "p99_ms": ordered[int(len(ordered) * 0.99) - 1] * 1000,
    }


def drive(port: int, path: str, bodies: list[bytes], seconds: float, clients: int) -> dict[str, float]:
    return summary(*run_clients(port, path, bodies, seconds, clients), seconds)


def alternate(
    ports: tuple[int, int], bodies: list[bytes], seconds: float, clients: int, rounds: int
) -> tuple[dict[str, float], dict[str, float], list[float]]:
    """Drive govern and the echo in alternating slices; each side's figures over all its slices
    (rate: the median slice), and each round's ratio."""
    path = "/v1/access/decisions"
    sides: list[list[tuple[list[float], int]]] = [[], []]
    for _ in range(rounds):
        for side, port in enumerate(ports):
            sides[side].append(run_clients(port, path, bodies, seconds, clients))
    figures = []
    for slices in sides:
        pooled = summary([x for lat, _ in slices for x in lat], sum(e for _, e in slices), seconds * rounds)
        pooled["per_second"] = statistics.median(len(lat) / seconds for lat, _ in slices)
        pooled["slices_per_second"] = [round(len(lat) / seconds) for lat, _ in slices]  # type: ignore[assignment]
        figures.append(pooled)
    ratios = [len(g) / len(e) for (g, _), (e, _) in zip(sides[0], sides[1], strict=True)]
    return figures[0], figures[1], ratios


def _rss_mib(pid: int) -> float:
    """Resident memory of a process and its children (the workers), in MiB."""
    total = 0
    pids = [pid]
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        pids += [int(c) for c in children]
        for p in pids:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
    except OSError:
        return float("nan")
    return round(total / 1024, 1)


def wait_ready(port: int, timeout: float = 30) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
            conn.request("GET", "/healthz")
            if conn.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("the service did not start")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--json", action="store_true")
    parser.add_argument(
        "--db",
        help="govern's database URL (postgresql://..., best a fresh schema); default: a new SQLite file",
    )
    parser.add_argument(
        "--baseline",
        action="store_true",
        help="also serve a trivial FastAPI echo endpoint the same way and compare",
    )
    parser.add_argument(
        "--async-echo",
        action="store_true",
        help="serve the echo as `async def` (no thread hand-off) rather than the historical `def`",
    )
    parser.add_argument(
        "--rounds",
        type=int,
        default=5,
        help="with --baseline: alternating slices of --seconds each, govern then echo (default 5)",
    )
    args = parser.parse_args()

    from govern import load_pack

    pack = load_pack(ROOT / "policies" / "council-default")
    reqs = requests(2000)
    start = time.perf_counter()
    for r in reqs:
        pack.decide(r)
    in_process = len(reqs) / (time.perf_counter() - start)

    port = free_port()
    workdir = tempfile.mkdtemp(prefix="govern-bench-")
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    server = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "govern"),
            "serve",
            "--port",
            str(port),
            "--workers",
            str(args.workers),
            "--db",
            args.db or os.path.join(workdir, "bench.db"),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    echo = None
    bodies = [json.dumps(r).encode() for r in reqs]
    try:
        wait_ready(port)
        figures_rss = _rss_mib(server.pid)
        if args.baseline:
            echo_port = free_port()
            echo = subprocess.Popen(
                [sys.executable, "-m", "bench.echo_app", str(echo_port), str(args.workers)],
                cwd=ROOT,
                env={**os.environ, "ECHO_ASYNC": "1" if args.async_echo else "0"},
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            wait_ready(echo_port)
            single, baseline, ratios = alternate(
                (port, echo_port), bodies, args.seconds, args.clients, args.rounds
            )
        else:
            single = drive(port, "/v1/access/decisions", bodies, args.seconds, args.clients)
        batch_body = [json.dumps({"requests": reqs[:1000]}).encode()]
        batch = drive(port, "/v1/access/decisions:batch", batch_body, args.seconds, max(1, args.clients // 2))
    finally:
        for process in (server, echo):
            if process is not None:
                process.terminate()
                process.wait(timeout=20)
    figures = {
        "workers": args.workers,
        "clients": args.clients,
        "in_process_per_second": round(in_process),
        "single": {k: _rounded(v) for k, v in single.items()},
        "batch_decisions_per_second": round(batch["per_second"] * 1000),
        "batch_p50_ms": round(batch["p50_ms"], 1),
        "batch_errors": batch["errors"],
    }
    figures["http_to_in_process"] = round(single["per_second"] / in_process, 3)
    figures["server_rss_mib"] = figures_rss
    if args.baseline:
        figures["baseline"] = {k: _rounded(v) for k, v in baseline.items()}
        figures["to_baseline"] = round(single["per_second"] / baseline["per_second"], 3)
        figures["to_baseline_by_round"] = [round(r, 3) for r in ratios]
        figures["baseline_endpoint"] = "async def" if args.async_echo else "def (thread pool)"
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        s = figures["single"]
        print(f"in-process decide: {figures['in_process_per_second']:,} decisions/s")
        print(
            f"POST /v1/access/decisions, {args.workers} workers, {args.clients} clients: "
            f"{s['per_second']:,.0f}/s, p50 {s['p50_ms']} ms, p99 {s['p99_ms']} ms, errors {s['errors']}"
        )
        print(f"  = {figures['http_to_in_process']:.1%} of the in-process rate")
        print(
            f"POST :batch (1,000 a call): {figures['batch_decisions_per_second']:,} decisions/s, "
            f"p50 {figures['batch_p50_ms']} ms a call, errors {figures['batch_errors']}"
        )
        print(f"server memory (all processes): {figures['server_rss_mib']} MiB")
        if args.baseline:
            b = figures["baseline"]
            print(
                f"baseline echo endpoint: {b['per_second']:,.0f}/s, p50 {b['p50_ms']} ms; "
                f"govern reaches {figures['to_baseline']:.0%} of it (median slices of {args.rounds} "
                f"alternating rounds; by round: {figures['to_baseline_by_round']})"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
