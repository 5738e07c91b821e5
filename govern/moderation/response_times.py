"""Response times that leave out out-of-hours time.

A comment held on Friday at 17:30 and decided on Monday at 08:30 waited an hour of moderation
hours (Friday 17:30-18:00 and Monday 08:00-08:30), not 63 hours: weekends, bank holidays, the
pack's closure days and the night do not count. Without moderation hours, whole working days count.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Iterable
from zoneinfo import ZoneInfo

from pydantic import BaseModel

from govern.calendar import WorkingCalendar
from govern.policy.model import Hours

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
MAX_DAYS = 3660  # a wait counted over ten years at most: a bad date cannot make this loop forever


def working_time(
    start: dt.datetime,
    end: dt.datetime,
    calendar: WorkingCalendar,
    hours: Hours | None,
    zone: ZoneInfo,
) -> dt.timedelta:
    """The part of [start, end) inside moderation hours on working days, in `zone`'s wall time."""
    if end <= start:
        return dt.timedelta(0)
    start, end = start.astimezone(zone), end.astimezone(zone)
    total = dt.timedelta(0)
    day = start.date()
    for _ in range(MAX_DAYS):
        if day > end.date():
            break
        open_day = calendar.is_working_day(day) and (hours is None or WEEKDAYS[day.weekday()] in hours.days)
        if open_day:
            opens = dt.datetime.combine(day, hours.start if hours else dt.time(0), zone)
            closes = (
                dt.datetime.combine(day, hours.end, zone)
                if hours
                else dt.datetime.combine(day + dt.timedelta(days=1), dt.time(0), zone)
            )
            overlap = min(closes, end) - max(opens, start)
            if overlap > dt.timedelta(0):
                total += overlap
        day += dt.timedelta(days=1)
    return total


class ResponseTimes(BaseModel):
    """How long something waited for a person, in working minutes."""

    what: str
    count: int
    median_minutes: float | None
    p90_minutes: float | None
    longest_minutes: float | None


def summarise(what: str, waits: Iterable[dt.timedelta]) -> ResponseTimes:
    minutes = sorted(w.total_seconds() / 60 for w in waits)
    if not minutes:
        return ResponseTimes(what=what, count=0, median_minutes=None, p90_minutes=None, longest_minutes=None)
    p90 = minutes[min(len(minutes) - 1, max(0, round(0.9 * len(minutes)) - 1))]
    return ResponseTimes(
        what=what,
        count=len(minutes),
        median_minutes=round(statistics.median(minutes), 1),
        p90_minutes=round(p90, 1),
        longest_minutes=round(minutes[-1], 1),
    )
