"""Write decisions.jsonl.gz: varied access requests and the decision JSON the engine gave them.

The requests are bench/access.py's generated requests (seeded), one for each distinct shape of
answer (decision, rules named, warnings, granted days, obligations), plus hostile variants of a
few of them. Each is decided at three receive times (UTC, a naive local time across the clock
change, a far offset) with a counting id source, so the file pins every byte of the answer.

    PYTHONPATH=. python bench/access.py --dump /tmp/requests.jsonl
    PYTHONPATH=. python tests/access/data/regenerate.py /tmp/requests.jsonl

Regenerate only when a change of answer is intended, and say why in the commit.
"""

from __future__ import annotations

import collections
import copy
import datetime as dt
import gzip
import itertools
import json
import sys
from pathlib import Path
from typing import Any

from govern import load_pack
from govern.errors import RequestError

HERE = Path(__file__).resolve().parent
PACK = HERE.parents[2] / "policies" / "council-default"
MOMENTS = ("2026-11-21T10:00:00+00:00", "2026-03-29T01:30:00", "2025-01-01T23:00:00-09:30")
HOSTILE: list[tuple[tuple[str, ...], Any]] = [
    (("requester", "id"), v)
    for v in ["", "a\nb", "ab\n", "a\x00b", "a\u202eb", "\u00e9", "all", "ALL", "x" * 128, "x" * 129]
    + ["-a", "a b", " alice ", "alice\t", "a/b", "=cmd", 5, None, "a@b.c", "\u0430lice"]
] + [
    (("submitted_at",), v)
    for v in ["1899-12-31T23:00:00Z", "2200-01-01T00:00:00", "2026-11-22", "x", 0, " 2026-11-22T10:00:00Z "]
] + [
    (("requester", "training"), [{"course": "social-media-essentials", "completed_on": v}])
    for v in ["1899-12-31", "1900-01-01", "2199-12-31", "2200-01-01", "2025-02-30", "", 20250101, None]
] + [
    (("site",), " facebook.com "),
    (("access",), " read "),
    (("access",), "READ"),
    (("request_id",), " x "),
    (("unknown",), 1),
    (("business_case", "purpose"), "   "),
    (("business_case", "duration_days"), 0),
    (("business_case", "duration_days"), "5"),
    (("business_case", "duration_days"), 5.0),
    (("business_case", "manager_approved"), "yes"),
    (("business_case", "moderation_plan"), "  plan  "),
    (("business_case", "drivers"), [" personal-use "]),
    (("business_case", "priorities"), ["NI 4 ", "NI 99"]),
    (("requester", "department"), " Children's Services "),
    (("requester", "groups"), [" comms-team "]),
    (("requester", "training"), [{"course": " ", "completed_on": "2025-01-01"}]),
]


def shape(decision: Any) -> tuple[Any, ...]:
    def days(value: int | None) -> int | str | None:
        return value if value in (None, 90, 180, 365) else "other"

    approval = decision.on_approval
    return (
        decision.decision,
        tuple(r.rule for r in decision.reasons),
        bool(decision.warnings),
        days(decision.granted_days),
        days(approval.granted_days) if approval else None,
        len(decision.obligations),
        len(decision.missing) > 1,
    )


def main(requests_file: str) -> None:
    counter = itertools.count()
    pack = load_pack(PACK, ids=lambda: f"decision-{next(counter)}")
    requests = [json.loads(line) for line in Path(requests_file).read_text().splitlines()]
    seen: collections.Counter[tuple[Any, ...]] = collections.Counter()
    chosen = []
    for request in requests:
        key = shape(pack.decide(request, received_at=dt.datetime.fromisoformat(MOMENTS[0])))
        if not seen[key]:
            chosen.append(request)
        seen[key] += 1
    for i, (path, value) in enumerate(HOSTILE):
        variant = copy.deepcopy(chosen[i % len(chosen)])
        *parents, leaf = path
        node = variant
        for p in parents:
            node = node[p]
        node[leaf] = value
        chosen.append(variant)
    with gzip.open(HERE / "decisions.jsonl.gz", "wt", encoding="utf-8") as out:
        for request in chosen:
            for moment in MOMENTS:
                counter = itertools.count()
                row: dict[str, Any] = {"request": request, "received_at": moment}
                try:
                    decision = pack.decide(request, received_at=dt.datetime.fromisoformat(moment))
                    row["json"] = decision.model_dump_json()
                except RequestError as exc:
                    row["error"] = str(exc)
                out.write(json.dumps(row) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
