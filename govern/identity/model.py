"""The shapes every identity source shares: a person as the directory knows them, and a fact
with the source that vouches for it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal, Protocol

# Where a fact in a decision came from. `caller` is only ever accepted from an `intake` client.
# `api-key`, `bearer-token`: the requester is the key's or the OAuth client's own name (branch facts).
Source = Literal[
    "directory", "training-records", "approval", "sign-in", "intake", "caller", "api-key", "bearer-token"
]


@dataclass(frozen=True, slots=True)
class Person:
    """A member of staff as the directory (SCIM provisioning) last described them."""

    id: str  # govern's id for the person: the SCIM userName, case-folded
    display_name: str = ""
    department: str = ""
    employee_type: str = ""  # the enterprise extension's employeeType: employee, contractor, …
    manager: str | None = None  # the manager's id, from the enterprise extension
    active: bool = True
    groups: tuple[str, ...] = ()
    updated_at: dt.datetime | None = None


@dataclass(frozen=True, slots=True)
class Fact:
    """One fact a decision used and who vouched for it."""

    value: object
    source: Source


@dataclass(frozen=True, slots=True)
class Principal:
    """Who is calling: a signed-in person, an API key or an OAuth client, with their roles."""

    id: str
    roles: frozenset[str] = field(default_factory=frozenset)
    via: Literal["key", "session", "bearer", "open"] = "key"
    queues: frozenset[str] = field(default_factory=frozenset)  # named review queues, e.g. it-security

    def reviews(self, queue: str | None) -> bool:
        """Whether this caller may see and decide a referral for `queue`: a reviewer signed in
        with named review queues reviews only those; admins, and callers with no named queue
        (API keys), review every queue."""
        return not self.queues or "admin" in self.roles or queue in self.queues


class Directory(Protocol):
    """What the decision path needs from the directory."""

    def person(self, person_id: str) -> Person | None: ...
