"""Working days: Monday to Friday, less the nation's bank holidays and the pack's closure days.

Bank holidays come from the maintained `holidays` library (substitute days included: Boxing Day
on a Saturday moves to the Monday), per UK nation. A pack adds its own closure days (the office
shut between Christmas and New Year). The calendar is immutable and pure: the same moment gives
the same answer whatever the clock says.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

import holidays

Nation = Literal["england-and-wales", "scotland", "northern-ireland", "none"]
NATIONS: tuple[str, ...] = ("england-and-wales", "scotland", "northern-ireland", "none")
_SUBDIVISION = {"england-and-wales": "ENG", "scotland": "SCT", "northern-ireland": "NIR"}

# A working day is looked for at most this far ahead: no calendar closes for a year.
_HORIZON = 366


@functools.lru_cache(maxsize=64)
def _bank_holidays(nation: str, year: int) -> dict[dt.date, str]:
    if nation == "none":
        return {}
    found = holidays.country_holidays("GB", subdiv=_SUBDIVISION[nation], years=year)
    return {day: str(name) for day, name in found.items()}


@dataclass(frozen=True, slots=True)
class WorkingCalendar:
    """Which days are working days, for response targets, moderation hours and expiries."""

    nation: str = "england-and-wales"
    closures: frozenset[dt.date] = field(default_factory=frozenset)

    @classmethod
    def of(cls, nation: str = "england-and-wales", closures: Iterable[dt.date] = ()) -> WorkingCalendar:
        if nation not in NATIONS:
            raise ValueError(f"unknown nation '{nation}' (nations: {', '.join(NATIONS)})")
        return cls(nation, frozenset(closures))

    def holiday(self, day: dt.date) -> str | None:
        """The bank holiday's name, or "closure day", when the organisation is shut on `day`."""
        if day in self.closures:
            return "closure day"
        return _bank_holidays(self.nation, day.year).get(day)

    def closed(self, day: dt.date) -> str | None:
        """Why `day` is not a working day ("weekend", a holiday), or None."""
        return "weekend" if day.weekday() >= 5 else self.holiday(day)

    def is_working_day(self, day: dt.date) -> bool:
        return self.closed(day) is None

    def next_working_day(self, day: dt.date) -> dt.date:
        """`day` itself when it is a working day, else the first working day after it."""
        for _ in range(_HORIZON):
            if self.is_working_day(day):
                return day
            day += dt.timedelta(days=1)
        raise ValueError("no working day within a year: check the pack's closure days")

    def add_working_days(self, moment: dt.datetime, days: int) -> dt.datetime:
        """`days` working days after `moment`, at the same time of day.

        Friday 15:00 + 1 is Monday 15:00 (or Tuesday, when Monday is a bank holiday). A moment
        on a day that is not a working day counts from the start of the next working day, so + 1
        is the end of that day (the start of the day after).
        """
        result = moment
        if not self.is_working_day(result.date()):
            start = self.next_working_day(result.date())
            result = result.replace(
                year=start.year, month=start.month, day=start.day, hour=0, minute=0, second=0, microsecond=0
            )
        for _ in range(days):
            result = _same_time_on(result, self.next_working_day(result.date() + dt.timedelta(days=1)))
        return result


def _same_time_on(moment: dt.datetime, day: dt.date) -> dt.datetime:
    """`moment`'s wall-clock time on another day, in the same time zone (DST-safe)."""
    return moment.replace(year=day.year, month=day.month, day=day.day)
