"""The store interface and the records it keeps."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from govern.store.chain import GENESIS, Problem

__all__ = [
    "GENESIS",
    "ApiKey",
    "Entry",
    "Grant",
    "LogRecord",
    "Problem",
    "Referral",
    "Store",
    "StoreUnavailable",
]


class StoreUnavailable(Exception):
    """The database cannot be reached; the caller should retry (HTTP 503)."""


@dataclass(frozen=True)
class LogRecord:
    """One entry of the append-only decision log (see chain.py for what its MACs cover)."""

    seq: int
    kind: str  # decision, check, moderation, review, referral, grant, key, comment, purge
    ref: str  # the decision id, comment id, ...
    at: dt.datetime
    actor: str
    pack: str
    version: str
    digest: str
    input: dict[str, Any]
    result: dict[str, Any]
    prev_hash: str
    hash: str
    input_digest: str = ""
    purged: bool = False
    result_digest: str = ""
    mac: str = ""
    effects: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Referral:
    decision_id: str
    refer_to: str
    status: str  # open, approved, rejected
    created_at: dt.datetime
    request: dict[str, Any]
    decision: dict[str, Any]
    reviewer: str | None = None
    reason: str | None = None
    decided_at: dt.datetime | None = None


@dataclass(frozen=True)
class Grant:
    grant_id: str
    decision_id: str
    requester: str
    domain: str
    category: str | None
    access: str
    obligations: list[str] = field(default_factory=list)
    granted_at: dt.datetime | None = None
    expires_on: dt.date | None = None


class ReferralNotOpen(Exception):
    """The referral to close is already decided (another reviewer was first); nothing was written."""


class ReferralTampered(Exception):
    """The referral row (or the grant to give for it) is not what the log's MAC-checked `decision`
    record says it was: someone changed the database. Nothing was written."""


def grant_terms(request: dict[str, Any], decision: dict[str, Any]) -> dict[str, Any]:
    """What an approval grants, read from the referred request and its decision: who, which site,
    what access, which obligations, until when."""
    terms = decision.get("on_approval") or {}
    return {
        "requester": request["requester"]["id"],
        "domain": decision["site"]["domain"],
        "category": decision["site"]["category"],
        "access": request["access"],
        "obligations": [o["id"] for o in terms.get("obligations", [])],
        "expires_on": dt.date.fromisoformat(terms["expires_on"]) if terms.get("expires_on") else None,
    }


@dataclass(frozen=True)
class Entry:
    """One record to append to the log, with the grant or referral it brings, if any."""

    kind: str
    ref: str
    actor: str
    policy: dict[str, str]
    input: dict[str, Any]
    result: dict[str, Any]
    grant: Grant | None = None
    refer_to: str | None = None
    effects: dict[str, Any] | None = None  # rows it puts or deletes: {"put": {table: [row]}, "delete": ...}


@dataclass(frozen=True)
class ApiKey:
    key_id: str
    name: str
    role: str
    created_at: dt.datetime


class Store(Protocol):
    """What the service needs from storage. Every write is durable when the call returns."""

    def append(
        self,
        kind: str,
        ref: str,
        actor: str,
        policy: dict[str, str],
        input: dict[str, Any],
        result: dict[str, Any],
    ) -> LogRecord: ...

    def append_all(self, entries: list[Entry]) -> list[LogRecord]:
        """Append entries, with the grants and referrals they carry, in one transaction."""
        ...

    def log(self, since: dt.datetime | None = None, until: dt.datetime | None = None) -> list[LogRecord]: ...

    def verify(self) -> Problem | None:
        """The first thing `govern audit verify` would find wrong with the log, its anchors outside
        the database, or the rights tables it vouches for."""
        ...

    def find(self, kind: str, ref: str) -> LogRecord | None: ...

    def referrals(self, status: str | None = None) -> list[Referral]: ...

    def referral(self, decision_id: str) -> Referral | None: ...

    def close_referral(
        self,
        decision_id: str,
        status: str,
        reviewer: str,
        reason: str | None,
        grant: Grant | None = None,
        decided_at: dt.datetime | None = None,
    ) -> Referral:
        """Close a referral that is still open, with the grant an approval gives, in one log record
        and one transaction (KeyError if there is no such referral, ReferralNotOpen if it is
        decided already: then nothing is written)."""
        ...

    def add_grant(self, grant: Grant, actor: str = "govern") -> None: ...

    def revoke_grant(self, grant_id: str, actor: str, reason: str) -> None: ...

    def grants(
        self, requester: str | None = None, domain: str | None = None, today: dt.date | None = None
    ) -> list[Grant]:
        """Grants, current only when `today` is given (expires_on on or after it)."""
        ...

    def save_comment(
        self,
        comment_id: str,
        author: str,
        channel: str,
        text: str,
        posted_at: dt.datetime,
        action: str,
        retain_until: dt.date | None,
    ) -> None: ...

    def recent_comments(self, author: str, since: dt.datetime) -> list[dict[str, Any]]: ...

    def comments(self, action: str) -> list[dict[str, Any]]: ...

    def set_comment_action(
        self,
        comment_id: str,
        action: str,
        actor: str = "web",
        *,
        only_from: str | None = None,
        also: Sequence[Entry] = (),
    ) -> bool:
        """A moderator's outcome for a comment, logged with the records in `also` in one
        transaction; only if its action is `only_from`, when given. True when it was set."""
        ...

    def purge(self, before: dt.datetime, actor: str = "cli") -> int:
        """Blank the inputs (texts) and findings' excerpts of logged checks and moderations older than
        `before`, and stored comments past their retention; returns how many records were purged."""
        ...

    def add_key(self, key_id: str, name: str, role: str, secret_hash: str, actor: str = "cli") -> ApiKey: ...

    def set_key_role(self, key_id: str, role: str, actor: str = "cli") -> ApiKey: ...

    def revoke_key(self, name_or_id: str, actor: str = "cli") -> int:
        """Delete the keys with this name or id, logged; returns how many. They are refused at once."""
        ...

    def key_for(self, secret_hash: str) -> ApiKey | None: ...

    def keys(self) -> list[ApiKey]: ...

    def close(self) -> None: ...
