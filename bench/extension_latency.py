"""How soon the browser extension shows findings after the officer pauses typing (target: 300 ms).

    python bench/extension_latency.py [--pauses 30] [--json]

Debian's Chromium with the extension loaded (Playwright, new headless mode), a composer page on
one loopback port and `govern serve` on another. The officer types a phrase a key every 40 ms
(faster than the 200 ms debounce), then pauses; the figure is the time from the last key to the
extension's panel appearing, on the page's own clock (so it includes the debounce, the service
worker, the HTTP check and drawing). It also counts checks sent while typing (must be 0).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.extension.harness import (  # noqa: E402
    KEYS,
    browser_with_extension,
    composer_site,
    configure,
    govern_service,
    key_gaps,
    type_and_pause,
)

PHRASES = [" please be advised", " the pool is shut", " as per the notice", " going forward", " on Friday"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pauses", type=int, default=30)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    samples: list[float] = []
    early = 0  # checks that reached the service while the officer was still typing
    slow_typing = 0
    with (
        tempfile.TemporaryDirectory() as folder,
        govern_service(Path(folder)) as service,
        composer_site() as site,
    ):
        with browser_with_extension(Path(folder)) as (context, extension_id):
            configure(context, extension_id, service.url, KEYS["amira"][1])
            for kind in ("textarea", "editable"):
                page = context.new_page()
                page.goto(f"{site}/{kind}")
                page.click("#post")
                type_and_pause(page, "Warm up", 40)
                for i in range(args.pauses // 2):
                    before = service.checks()
                    samples.append(type_and_pause(page, PHRASES[i % len(PHRASES)], 40))
                    early += service.checks() - before - 1
                    slow_typing += max(key_gaps(page)) >= 200
                page.close()
    result = {
        "pauses": len(samples),
        "median_ms": round(statistics.median(samples), 1),
        "p95_ms": round(sorted(samples)[int(0.95 * (len(samples) - 1))], 1),
        "max_ms": round(max(samples), 1),
        "target_ms": 300,
        "checks_sent_while_typing": early,
        "pauses_with_a_key_gap_over_the_debounce": slow_typing,
    }
    if args.json:
        print(json.dumps(result))
    else:
        for name, value in result.items():
            print(f"{name:>42}: {value}")
    return 0 if result["max_ms"] <= 300 and early == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
