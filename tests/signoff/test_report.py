"""`govern report approvals`: who sent, who decided, how long, the outcome; per-queue summary."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from govern import Pack
from govern.cli import main
from govern.signoff import Signoff
from govern.signoff.report import rows, summary
from govern.signoff.sql import SqlReviews
from govern.store.sql import SqlStore
from tests.signoff.conftest import START, Clock, Logged

LEAK = {"text": "This story was leaked from an internal memo.", "platform": "x"}
PROMISE = {"text": "We guarantee the bins will be collected.", "platform": "x"}


def a_day_of_sign_off(signoff: Signoff, council: Pack, clock: Clock) -> None:
    approved = signoff.submit(council, "amira", LEAK)
    rejected = signoff.submit(council, "bob", PROMISE)
    signoff.submit(council, "amira", PROMISE, scheduled_at=clock.now + dt.timedelta(hours=1))  # will expire
    signoff.submit(council, "bob", LEAK)  # still waiting
    clock.advance(hours=2)
    signoff.approve(approved.id, "legal-lead")
    clock.advance(hours=2)
    signoff.reject(rejected.id, "lee", "Not a promise we can keep")
    clock.advance(hours=1)


def test_rows_and_summary(council: Pack) -> None:
    from govern.signoff import MemoryReviews

    clock = Clock()
    signoff = Signoff(MemoryReviews(), Logged(), clock)
    a_day_of_sign_off(signoff, council, clock)
    report = rows(signoff.store.find(), START, START + dt.timedelta(days=1), clock.now)
    assert [(r.author, r.queue, r.outcome, r.reviewer, r.hours) for r in report] == [
        ("amira", "legal", "approved", "legal-lead", 2.0),
        ("bob", "comms-lead", "rejected", "lee", 4.0),
        ("amira", "comms-lead", "expired", None, 1.0),  # past its time, even with no sweep yet
        ("bob", "legal", "open", None, 5.0),  # waiting for 5 hours
    ]
    assert [(q.queue, q.sent, q.outcomes, q.median_hours_to_decision) for q in summary(report)] == [
        ("comms-lead", 2, {"expired": 1, "rejected": 1}, 4.0),
        ("legal", 2, {"approved": 1, "open": 1}, 2.0),
    ]
    assert (
        rows(signoff.store.find(), START + dt.timedelta(days=1), START + dt.timedelta(days=2), clock.now)
        == []
    )


def test_the_command_reads_the_services_database(
    council: Pack, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "govern.db"
    store = SqlStore(str(db))
    clock = Clock(now=dt.datetime.now(dt.UTC) - dt.timedelta(hours=6))
    a_day_of_sign_off(Signoff(SqlReviews(store.engine), Logged(), clock), council, clock)
    store.close()
    day = clock.now.date().isoformat()
    since = (clock.now - dt.timedelta(days=1)).date().isoformat()
    assert main(["report", "approvals", "--since", since, "--db", str(db), "--format", "json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert [(a["author"], a["outcome"]) for a in found["approvals"]] == [
        ("amira", "approved"),
        ("bob", "rejected"),
        ("amira", "expired"),
        ("bob", "open"),
    ]
    assert main(["report", "approvals", "--since", since, "--db", str(db)]) == 0
    text = capsys.readouterr().out
    assert "legal: 2 sent (1 approved, 1 open); median time to a decision 2.0 h" in text
    assert main(["report", "approvals", "--since", day, "--until", since, "--db", str(db)]) == 2


def test_a_bad_date_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(SystemExit, match="--since must be a date"):
        main(["report", "approvals", "--since", "last tuesday", "--db", str(tmp_path / "g.db")])


def test_records_purge_removes_the_texts_of_old_decided_drafts(
    council: Pack, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "govern.db"
    store = SqlStore(str(db))
    clock = Clock(now=dt.datetime.now(dt.UTC) - dt.timedelta(days=120))  # past the pack's 90 days
    signoff = Signoff(SqlReviews(store.engine), Logged(), clock)
    old = signoff.submit(council, "amira", LEAK)
    signoff.approve(old.id, "legal-lead")
    clock.now = dt.datetime.now(dt.UTC)
    recent = signoff.submit(council, "amira", PROMISE)
    signoff.reject(recent.id, "lee", "No")
    assert main(["records", "purge", "--db", str(db)]) == 0
    assert "purged the text of 1 drafts" in capsys.readouterr().out
    assert signoff.get(old.id).latest.text == "" and signoff.get(recent.id).latest.text == PROMISE["text"]
    store.close()
