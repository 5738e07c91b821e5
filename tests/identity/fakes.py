"""People, training and requests for the identity tests: a directory in memory (the Directory
protocol), and requests as a requester sends them (the business case only)."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

from govern.identity.model import Person
from govern.identity.sources import MemoryDirectory, Sources
from govern.identity.training import TrainingRecord
from govern.store.identity import SqlTraining
from govern.store.sql import SqlStore
from tests.access.test_engine import request as full_request

IMPORTED = dt.datetime(2026, 11, 1, tzinfo=dt.UTC)

PEOPLE = [
    Person("jsmith", "Jo Smith", "Planning", "Employee", manager="mgr"),
    Person("adoe", "Ann Doe", "Planning", "Employee", manager="mgr", groups=("comms-team",)),
    Person("mgr", "Max Grant", "Planning", "Employee", manager="head"),
    Person("lead", "Lee Ead", "Digital", "Employee", manager="head", groups=("comms-team",)),
    Person("head", "Hed Service", "Planning", "Employee"),
    Person("boss", "Bo Ss", "Digital", "Employee"),
    Person("leaver", "Lee Aver", "Planning", "Employee", manager="mgr", active=False),
    Person("selfmade", "Sel Fmade", "Planning", "Employee", manager="selfmade"),
    Person("agency1", "Age Ncy", "Planning", "agency worker", manager="mgr"),
]

TRAINED = [
    TrainingRecord(p, "social-media-essentials", dt.date(2026, 3, 1), "test", IMPORTED)
    for p in ("jsmith", "adoe", "lead", "mgr", "leaver", "selfmade")
]


def sources(people: list[Person] | None = None) -> Sources:
    """Every source in memory (for the resolver's own tests)."""
    found = Sources.in_memory(PEOPLE if people is None else people)
    found.training.put(TRAINED, "test", "test")
    return found


def directory(store: SqlStore, people: list[Person] | None = None) -> MemoryDirectory:
    """The directory in memory, and the training records in `store` (as an import puts them)."""
    SqlTraining(store).put(TRAINED, "test", "test")
    return MemoryDirectory(PEOPLE if people is None else people)


def own_request(**changes: Any) -> dict[str, Any]:
    """A request as a requester sends it: no requester facts, no manager's approval."""
    body = full_request(**changes)
    body.pop("requester")
    body["business_case"].pop("manager_approved", None)
    return copy.deepcopy(body)
