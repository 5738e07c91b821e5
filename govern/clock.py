"""Time and identity as values passed in: the clock and the id source a pack evaluates with.

A compiled pack reads neither the system clock nor the random source itself; it is given a
`Clock` and an `IdSource` (by default the system's), so that a test or a replay can fix both and
get the same answer twice.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from govern.ids import new_id

Clock = Callable[[], dt.datetime]
IdSource = Callable[[], str]


def system_clock() -> dt.datetime:
    """Now, in UTC: the default clock."""
    return dt.datetime.now(dt.UTC)


def fixed_clock(moment: dt.datetime) -> Clock:
    """A clock that always says `moment` (for tests and replays)."""
    return lambda: moment


SYSTEM_IDS: IdSource = new_id


def local_moment(moment: dt.datetime | None, zone: dt.tzinfo, clock: Clock = system_clock) -> dt.datetime:
    """When something was posted or received, as an aware time.

    A time without a zone is read as local time in `zone` (the pack's); no time at all means now
    by `clock`, in `zone`. An aware time is kept as given (its offset is part of what was recorded).
    """
    if moment is None:
        return clock().astimezone(zone)
    return moment.replace(tzinfo=zone) if moment.tzinfo is None else moment
