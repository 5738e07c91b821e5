"""Every benchmark, one process per area, one table: metric, govern, baseline, ratio, target.

    python bench/run_all.py [--quick]      (or: make bench)

Each area runs in its own process (so one area's caches and imports cannot help another);
ratios compare govern with its baseline inside that process and run.
"""

from __future__ import annotations

import argparse
import json
import platform
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def run(script: str, *args: str) -> dict[str, Any]:
    output = subprocess.run(
        [sys.executable, f"bench/{script}", *args, "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=900,
    ).stdout
    return json.loads(output[output.index("{") :])  # type: ignore[no-any-return]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer requests and shorter load runs")
    args = parser.parse_args()
    seconds = "4" if args.quick else "10"
    rows: list[tuple[str, str, str, str, str]] = []

    access = run("access.py", *(["--quick"] if args.quick else []))
    g, c = access["govern"], access["cedar"]
    cedar_us = c["batch100"]["median_us"]
    rows.append(
        (
            "access decide, median µs",
            f"{g['median_us']:.1f}",
            f"cedarpy batch {cedar_us:.1f}",
            f"{g['median_us'] / cedar_us:.2f}×",
            "≤ 0.25×",
        )
    )
    rows.append(
        (
            "access decide vs Cedar end to end, mean µs",
            f"{g['mean_us']:.1f}",
            f"cedarpy {c['end_to_end_mean_us']:.1f}",
            f"{g['mean_us'] / c['end_to_end_mean_us']:.2f}×",
            "",
        )
    )
    rows.append(
        ("pack load (council-default), ms", f"{access['govern_load']['median_ms']:.0f}", "", "", "< 1,000")
    )

    drafts = run("drafts.py")
    rows.append(
        (
            "draft check, median µs",
            f"{drafts['govern_median_us']}",
            f"VADER {drafts['vader_median_us']}",
            f"{drafts['ratio_to_vader']}×",
            "≤ 2×",
        )
    )
    rows.append(
        (
            "draft check vs proselint",
            f"{drafts['govern_median_us']}",
            f"proselint {drafts['proselint_median_us']}",
            f"{drafts['ratio_to_proselint']}×",
            "",
        )
    )

    moderation = run("moderation.py")
    rows.append(
        (
            "moderation, median µs",
            f"{moderation['govern_median_us']}",
            f"VADER {moderation['vader_median_us']}",
            f"{moderation['ratio_to_vader']}×",
            "≤ 3×",
        )
    )

    for workers in ("1", "2"):
        http = run("http_load.py", "--workers", workers, "--seconds", seconds, "--baseline")
        s, b = http["single"], http["baseline"]
        rows.append(
            (
                f"HTTP decisions/s, {workers} worker(s)",
                f"{s['per_second']:.0f} (p99 {s['p99_ms']} ms)",
                f"echo {b['per_second']:.0f}",
                f"{http['to_baseline']:.2f}×",
                "≥ 0.60× (2 workers)",
            )
        )
        rows.append(
            (f"batch decisions/s, {workers} worker(s)", f"{http['batch_decisions_per_second']}", "", "", "")
        )
        rows.append((f"server memory, {workers} worker(s), MiB", f"{http['server_rss_mib']}", "", "", ""))

    print(
        f"machine: {platform.machine()}, {platform.python_version()}, "
        f"{subprocess.run(['nproc'], capture_output=True, text=True).stdout.strip()} cores"
    )
    print(f"| {'metric':<38} | {'govern':<24} | {'baseline':<26} | {'ratio':<7} | {'target':<20} |")
    print(f"|{'-' * 40}|{'-' * 26}|{'-' * 28}|{'-' * 9}|{'-' * 22}|")
    for row in rows:
        print(f"| {row[0]:<38} | {row[1]:<24} | {row[2]:<26} | {row[3]:<7} | {row[4]:<20} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
