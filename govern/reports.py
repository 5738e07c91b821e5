"""`govern report approvals --since DATE`: drafts sent for sign-off, who decided, how long, outcome."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import sys
from typing import Any

from govern.settings import Settings
from govern.signoff.report import rows, summary

EXIT_OK, EXIT_USAGE, EXIT_STORE = 0, 2, 1


def _day(text: str, name: str) -> dt.datetime:
    try:
        return dt.datetime.combine(dt.date.fromisoformat(text), dt.time(), tzinfo=dt.UTC)
    except ValueError:
        raise SystemExit(f"govern: --{name} must be a date (YYYY-MM-DD), not {text!r}") from None


def cmd_approvals(args: argparse.Namespace) -> int:
    from govern.signoff.sql import SqlReviews
    from govern.store.base import StoreUnavailable
    from govern.store.sql import SqlStore

    since = _day(args.since, "since")
    until = (
        _day(args.until, "until") + dt.timedelta(days=1)
        if args.until
        else dt.datetime.max.replace(tzinfo=dt.UTC)
    )
    if until <= since:
        print("govern: --until is before --since", file=sys.stderr)
        return EXIT_USAGE
    try:
        store = SqlStore(args.db, log=Settings.from_env().log)
        items = SqlReviews(store.engine).find()
        store.close()
    except StoreUnavailable as exc:
        print(f"govern: cannot open the database {args.db}: {exc}", file=sys.stderr)
        return EXIT_STORE
    report = rows(items, since, until, dt.datetime.now(dt.UTC))
    if args.format == "json":
        print(
            json.dumps(
                {"approvals": [_plain(r) for r in report], "queues": [_plain(q) for q in summary(report)]},
                indent=2,
            )
        )
        return EXIT_OK
    if not report:
        print(f"No drafts were sent for sign-off since {args.since}.")
        return EXIT_OK
    print(f"{'sent (UTC)':<17} {'author':<16} {'queue':<18} {'outcome':<18} {'by':<16} {'hours':>7} versions")
    for r in report:
        print(
            f"{r.sent_at:%Y-%m-%d %H:%M} {r.author:<16.16} {r.queue:<18.18} {r.outcome:<18} "
            f"{(r.reviewer or '-'):<16.16} {r.hours if r.hours is not None else '-':>7} {r.versions}"
        )
    print()
    for q in summary(report):
        median = (
            f"{q.median_hours_to_decision} h" if q.median_hours_to_decision is not None else "none decided"
        )
        outcomes = ", ".join(f"{n} {o}" for o, n in q.outcomes.items())
        print(f"{q.queue}: {q.sent} sent ({outcomes}); median time to a decision {median}")
    return EXIT_OK


def _plain(value: Any) -> dict[str, Any]:
    return json.loads(json.dumps(dataclasses.asdict(value), default=str))  # type: ignore[no-any-return]


def add_commands(sub: Any, settings: Settings) -> None:
    p = sub.add_parser("report", help="reports from the service's records: approvals of drafts")
    kinds = p.add_subparsers(dest="report", required=True, metavar="REPORT")
    a = kinds.add_parser("approvals", help="drafts sent for sign-off: who, how long, outcome")
    a.add_argument("--since", required=True, help="drafts sent on or after this date (YYYY-MM-DD)")
    a.add_argument("--until", default=None, help="and on or before this date")
    a.add_argument("--db", default=settings.db, metavar="URL")
    a.add_argument("--format", choices=["text", "json"], default="text")
    a.set_defaults(run=cmd_approvals)
