"""The store interface and what every implementation shares: the hash chain."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from typing import Any, Protocol

GENESIS = "0" * 64


class StoreUnavailable(Exception):
    """The database cannot be reached; the caller should retry (HTTP 503)."""


@dataclass(frozen=True)
class LogRecord:
    """One entry of the append-only decision log."""

    seq: int
    kind: str  # decision, check, moderation, review
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

    def intact(self) -> bool:
        """The record's own hash matches its fields (and its input its digest, unless purged)."""
        if not self.purged and digest_of(self.input) != self.input_digest:
            return False
        expected = chain_hash(
            self.prev_hash,
            self.kind,
            self.ref,
            self.at,
            self.actor,
            self.pack,
            self.version,
            self.digest,
            self.input_digest,
            self.result,
        )
        return expected == self.hash


def canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)


def digest_of(value: Any) -> str:
    return hashlib.sha256(canonical(value).encode("utf-8")).hexdigest()


def chain_hash(
    prev_hash: str,
    kind: str,
    ref: str,
    at: dt.datetime,
    actor: str,
    pack: str,
    version: str,
    digest: str,
    input_digest: str,
    result: dict[str, Any],
) -> str:
    """The hash of a log record: every field and the previous record's hash.

    The input is covered through its digest, so that personal data in it can be purged when its
    retention ends (the input is blanked, the digest stays) without breaking the chain.
    """
    body = canonical(
        [prev_hash, kind, ref, at.isoformat(), actor, pack, version, digest, input_digest, result]
    )
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


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
    """The referral to close does not exist or is already decided; nothing was written."""


@dataclass(frozen=True)
class Closing:
    """A reviewer's decision on an open referral, written with its log record and grant."""

    decision_id: str
    status: str  # approved or rejected
    reviewer: str
    reason: str | None
    decided_at: dt.datetime


@dataclass(frozen=True)
class Entry:
    """One record to append to the log, with the grant or referral it brings (or the referral it
    closes: then all of it is written only if the referral is still open), if any."""

    kind: str
    ref: str
    actor: str
    policy: dict[str, str]
    input: dict[str, Any]
    result: dict[str, Any]
    grant: Grant | None = None
    refer_to: str | None = None
    closes: Closing | None = None


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

    def verify(self) -> int | None:
        """The sequence number of the first record whose hash does not match, or None."""
        ...

    def find(self, kind: str, ref: str) -> LogRecord | None: ...

    def referrals(self, status: str | None = None) -> list[Referral]: ...

    def referral(self, decision_id: str) -> Referral | None: ...

    def close_referral(
        self, decision_id: str, status: str, reviewer: str, reason: str | None
    ) -> Referral: ...

    def add_grant(self, grant: Grant) -> None: ...

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

    def set_comment_action(self, comment_id: str, action: str) -> None: ...

    def purge(self, before: dt.datetime) -> int:
        """Blank the inputs (texts) of logged checks and moderations older than `before`, and
        stored comments past their retention; returns how many records were purged."""
        ...

    def add_key(self, key_id: str, name: str, role: str, secret_hash: str) -> ApiKey: ...

    def key_for(self, secret_hash: str) -> ApiKey | None: ...

    def revoke_key(self, name_or_id: str) -> int:
        """Delete the keys with this name or id; returns how many. They are refused at once."""
        ...

    def keys(self) -> list[ApiKey]: ...

    def close(self) -> None: ...
