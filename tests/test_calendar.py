from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from govern.calendar import WorkingCalendar

LONDON = ZoneInfo("Europe/London")
ENG = "england-and-wales"


def at(moment: str) -> dt.datetime:
    return dt.datetime.fromisoformat(moment).replace(tzinfo=LONDON)


@pytest.mark.parametrize(
    ("nation", "moment", "days", "due"),
    [
        pytest.param(ENG, "2026-12-24 16:00", 1, "2026-12-29 16:00", id="christmas-substitute"),
        pytest.param(ENG, "2027-03-25 10:00", 1, "2027-03-30 10:00", id="before-good-friday"),
        pytest.param(ENG, "2027-03-26 10:00", 1, "2027-03-31 00:00", id="on-good-friday"),
        pytest.param(ENG, "2027-05-28 09:00", 1, "2027-06-01 09:00", id="spring-bank-holiday"),
        pytest.param("scotland", "2026-12-31 12:00", 1, "2027-01-05 12:00", id="scotland-2-january"),
        pytest.param(ENG, "2026-12-31 12:00", 1, "2027-01-04 12:00", id="england-1-january"),
        pytest.param("northern-ireland", "2027-03-16 12:00", 1, "2027-03-18 12:00", id="st-patricks-day"),
        pytest.param(ENG, "2027-03-16 12:00", 1, "2027-03-17 12:00", id="not-in-england"),
        pytest.param("none", "2026-12-24 16:00", 1, "2026-12-25 16:00", id="no-bank-holidays"),
        pytest.param(ENG, "2026-11-18 11:00", 0, "2026-11-18 11:00", id="zero"),
    ],
)
def test_working_days_skip_bank_holidays(nation: str, moment: str, days: int, due: str) -> None:
    assert WorkingCalendar.of(nation).add_working_days(at(moment), days) == at(due)


def test_closure_days_are_not_working_days() -> None:
    calendar = WorkingCalendar.of("england-and-wales", [dt.date(2026, 12, 29), dt.date(2026, 12, 30)])
    assert calendar.add_working_days(at("2026-12-24 16:00"), 1) == at("2026-12-31 16:00")
    assert calendar.closed(dt.date(2026, 12, 29)) == "closure day"


def test_the_reason_a_day_is_closed_names_the_holiday() -> None:
    calendar = WorkingCalendar.of("england-and-wales")
    assert calendar.closed(dt.date(2026, 12, 26)) == "weekend"
    assert "Boxing Day" in (calendar.closed(dt.date(2026, 12, 28)) or "")
    assert calendar.closed(dt.date(2026, 12, 29)) is None


def test_the_time_of_day_is_kept_across_a_clock_change() -> None:
    friday = at("2027-10-29 09:30")  # summer time; the clocks go back on Sunday 31 October
    due = WorkingCalendar.of("england-and-wales").add_working_days(friday, 1)
    assert due == at("2027-11-01 09:30") and due.utcoffset() == dt.timedelta(0)
    assert friday.utcoffset() == dt.timedelta(hours=1)


def test_an_unknown_nation_is_refused_naming_the_nations() -> None:
    with pytest.raises(ValueError, match="england-and-wales"):
        WorkingCalendar.of("wales")


def test_a_calendar_closed_for_a_year_is_an_error_not_a_hang() -> None:
    every_day = [dt.date(2027, 1, 1) + dt.timedelta(days=i) for i in range(400)]
    with pytest.raises(ValueError, match="no working day"):
        WorkingCalendar.of("none", every_day).add_working_days(at("2027-01-01 09:00"), 1)
