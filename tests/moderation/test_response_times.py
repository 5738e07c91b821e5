"""Response times count moderation hours on working days only."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from govern import Pack
from govern.calendar import WorkingCalendar
from govern.moderation.response_times import summarise, working_time

LONDON = ZoneInfo("Europe/London")


def at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=LONDON)


@pytest.mark.parametrize(
    ("start", "end", "minutes"),
    [
        pytest.param("2026-11-18T10:00", "2026-11-18T10:45", 45, id="within-hours"),
        pytest.param("2026-11-18T17:30", "2026-11-19T08:30", 60, id="overnight"),
        pytest.param("2026-11-20T17:30", "2026-11-23T08:30", 60, id="over-a-weekend"),
        pytest.param("2026-11-21T09:00", "2026-11-22T17:00", 0, id="all-weekend"),
        pytest.param("2026-12-24T17:00", "2026-12-29T09:00", 120, id="christmas-bank-holidays"),
        pytest.param("2026-11-18T20:00", "2026-11-18T22:00", 0, id="after-hours-only"),
        pytest.param("2026-11-18T10:00", "2026-11-18T09:00", 0, id="end-before-start"),
        pytest.param("2026-11-16T08:00", "2026-11-21T08:00", 5 * 600, id="a-working-week"),
    ],
)
def test_working_time_leaves_out_nights_weekends_and_holidays(
    council: Pack, start: str, end: str, minutes: int
) -> None:
    spec = council.moderation.spec
    got = working_time(at(start), at(end), council.moderation.calendar, spec.hours, LONDON)
    assert got == dt.timedelta(minutes=minutes)


def test_closure_days_do_not_count(council: Pack) -> None:
    closed = WorkingCalendar.of("england-and-wales", [dt.date(2026, 11, 19)])
    got = working_time(
        at("2026-11-18T17:00"), at("2026-11-20T09:00"), closed, council.moderation.spec.hours, LONDON
    )
    assert got == dt.timedelta(hours=2)


def test_without_hours_whole_working_days_count() -> None:
    calendar = WorkingCalendar.of("england-and-wales")
    got = working_time(at("2026-11-20T12:00"), at("2026-11-23T12:00"), calendar, None, LONDON)
    assert got == dt.timedelta(hours=24)


def test_summary() -> None:
    waits = [dt.timedelta(minutes=m) for m in (10, 20, 30, 40, 600)]
    summary = summarise("held comments", waits)
    assert (summary.count, summary.median_minutes, summary.p90_minutes, summary.longest_minutes) == (
        5,
        30.0,
        40.0,
        600.0,
    )
    assert summarise("appeals", []).median_minutes is None
