"""The directory as SCIM provisioning keeps it: people, groups and who is in which group.

Every change is written with its log record in one transaction (who provisioned what). A person
made inactive or deleted loses every grant in that same transaction, and their open referrals are
closed, so nothing can be approved for a leaver afterwards. Whatever else a change means for
their grants (a mover's re-decision needs the pack) is for the caller to say, through
`consequences`, and is written in the same transaction too.

Over ~400 lines: people, groups and memberships change together in one transaction each, with
the revocations a leaver causes; one module keeps that transaction in one place.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.sqlite import dialect as sqlite_dialect
from sqlalchemy.engine import Connection

from govern.identity.model import Person
from govern.ids import name_problem
from govern.store import schema as t
from govern.store.base import Entry, Grant
from govern.store.chain import NO_POLICY
from govern.store.rows import now, ts
from govern.store.sql import SqlStore


def _person_statements() -> tuple[sa.Select[Any], sa.Select[Any]]:
    """A person with their manager's id, and their groups: built once, since every access decision
    reads them (building the alias's column collection each time cost more than the query)."""
    u, boss = t.directory_users, t.directory_users.alias("boss")
    person = (
        sa.select(u, boss.c.person_id.label("manager_person"))
        .select_from(u.outerjoin(boss, u.c.manager_id == boss.c.id))
        .where(u.c.person_id == sa.bindparam("person_id"))
    )
    m, g = t.directory_members, t.directory_groups
    groups = (
        sa.select(g.c.display_name)
        .select_from(m.join(g, m.c.group_id == g.c.id))
        .where(m.c.user_id == sa.bindparam("user_id"))
        .order_by(g.c.display_name)
    )
    return person, groups


_PERSON, _GROUPS_OF = _person_statements()
_PERSON_SQL = str(_PERSON.compile(dialect=sqlite_dialect()))
_GROUPS_SQL = str(_GROUPS_OF.compile(dialect=sqlite_dialect()))


def _person_of(row: Mapping[str, Any], groups: Iterable[str]) -> Person:
    return Person(
        id=row["person_id"],
        display_name=row["display_name"],
        department=row["department"],
        employee_type=row["employee_type"],
        manager=row["manager_person"],
        active=bool(row["active"]),
        groups=tuple(groups),
        updated_at=_moment(row["last_modified"]),
    )


class NotFound(KeyError):
    """No user or group with this id."""


class Conflict(ValueError):
    """Another user already has this userName (case-insensitively)."""


class InvalidRecord(ValueError):
    """A record the directory cannot hold (a userName outside the id grammar, an unknown member)."""


class Stale(ValueError):
    """The record changed since the version the caller read (If-Match)."""


@dataclass(frozen=True)
class UserRecord:
    id: str
    user_name: str
    display_name: str = ""
    department: str = ""
    employee_type: str = ""
    manager_id: str | None = None  # the manager's SCIM id
    active: bool = True
    external_id: str | None = None
    resource: dict[str, Any] = field(default_factory=dict)  # as provisioned, for SCIM's round trip
    created: dt.datetime | None = None
    last_modified: dt.datetime | None = None
    version: int = 0

    @property
    def person_id(self) -> str:
        """govern's id for the person: the userName, case-folded (ids are ASCII: see govern.ids)."""
        return self.user_name.lower()


@dataclass(frozen=True)
class GroupRecord:
    id: str
    display_name: str
    members: tuple[str, ...] = ()  # users' SCIM ids
    external_id: str | None = None
    resource: dict[str, Any] = field(default_factory=dict)
    created: dt.datetime | None = None
    last_modified: dt.datetime | None = None
    version: int = 0


@dataclass(frozen=True)
class Change:
    """What a write did: the record as stored (None once deleted), the grants it revoked and the
    referrals it closed, and the further log entries the caller's consequences added."""

    user: UserRecord | None = None
    group: GroupRecord | None = None
    revoked: tuple[str, ...] = ()
    closed_referrals: tuple[str, ...] = ()
    entries: tuple[Entry, ...] = ()


# Called inside the write's transaction with the person before and after the change and their
# grants (every grant row, current or not); returns further log entries (revocations, decisions).
Consequences = Callable[[Person | None, Person | None, list[Grant]], list[Entry]]


def revocation(grant_id: str, actor: str, reason: str) -> Entry:
    """The log entry that deletes a grant, saying who and why."""
    return Entry(
        "grant",
        grant_id,
        actor,
        NO_POLICY,
        {"revoke": grant_id, "reason": reason},
        {},
        effects={"delete": {"grants": [grant_id]}},
    )


def _moment(text: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(text) if text else None


def _user(row: Any) -> UserRecord:
    return UserRecord(
        id=row.id,
        user_name=row.user_name,
        display_name=row.display_name,
        department=row.department,
        employee_type=row.employee_type,
        manager_id=row.manager_id,
        active=bool(row.active),
        external_id=row.external_id,
        resource=json.loads(row.resource),
        created=_moment(row.created),
        last_modified=_moment(row.last_modified),
        version=row.version,
    )


def _grant(row: Any) -> Grant:
    return Grant(
        grant_id=row.grant_id,
        decision_id=row.decision_id,
        requester=row.requester,
        domain=row.domain,
        category=row.category,
        access=row.access,
        obligations=json.loads(row.obligations),
        granted_at=_moment(row.granted_at),
        expires_on=dt.date.fromisoformat(row.expires_on) if row.expires_on else None,
    )


def _check_user(user: UserRecord) -> None:
    problem = name_problem(user.user_name)
    if problem:
        raise InvalidRecord(f"userName: the name {problem}")


# Filters the directory answers: attribute -> (column, case-insensitive?)
USER_FILTERS = {
    "id": (t.directory_users.c.id, False),
    "userName": (t.directory_users.c.person_id, True),
    "externalId": (t.directory_users.c.external_id, False),
    "displayName": (t.directory_users.c.display_name, False),
}
GROUP_FILTERS = {
    "id": (t.directory_groups.c.id, False),
    "displayName": (t.directory_groups.c.display_name, False),
    "externalId": (t.directory_groups.c.external_id, False),
}


class DirectoryRecords:
    """The directory's tables beside a SqlStore (the same database, transactions and log)."""

    def __init__(self, store: SqlStore) -> None:
        self.store = store

    def _rows(self, query: Any) -> list[Any]:
        with self.store._tx(write=False) as c:
            return list(c.execute(query))

    # --- reading --------------------------------------------------------------------------

    def user(self, user_id: str) -> UserRecord | None:
        rows = self._rows(sa.select(t.directory_users).where(t.directory_users.c.id == user_id))
        return _user(rows[0]) if rows else None

    def users(
        self, attribute: str | None = None, value: str | None = None, start: int = 1, count: int | None = None
    ) -> tuple[int, list[UserRecord]]:
        """Users (all, or those whose `attribute` equals `value`), ordered by creation: the total
        and the page from the 1-based `start`, at most `count` of them."""
        where = self._where(USER_FILTERS, attribute, value)
        table = t.directory_users
        total = self._rows(sa.select(sa.func.count()).select_from(table).where(*where))[0][0]
        query = sa.select(table).where(*where).order_by(table.c.created, table.c.id).offset(start - 1)
        if count is not None:
            query = query.limit(count)
        return int(total), [_user(r) for r in self._rows(query)]

    @staticmethod
    def _where(filters: dict[str, tuple[Any, bool]], attribute: str | None, value: str | None) -> list[Any]:
        if attribute is None:
            return []
        column, folded = filters[attribute]
        return [column == (value or "").lower()] if folded else [column == value]

    def group(self, group_id: str) -> GroupRecord | None:
        rows = self._rows(sa.select(t.directory_groups).where(t.directory_groups.c.id == group_id))
        return self._groups(rows)[0] if rows else None

    def groups(
        self, attribute: str | None = None, value: str | None = None, start: int = 1, count: int | None = None
    ) -> tuple[int, list[GroupRecord]]:
        where = self._where(GROUP_FILTERS, attribute, value)
        table = t.directory_groups
        total = self._rows(sa.select(sa.func.count()).select_from(table).where(*where))[0][0]
        query = sa.select(table).where(*where).order_by(table.c.created, table.c.id).offset(start - 1)
        if count is not None:
            query = query.limit(count)
        return int(total), self._groups(self._rows(query))

    def _groups(self, rows: Sequence[Any]) -> list[GroupRecord]:
        ids = [r.id for r in rows]
        members: dict[str, list[str]] = {i: [] for i in ids}
        if ids:
            m = t.directory_members
            for row in self._rows(sa.select(m).where(m.c.group_id.in_(ids)).order_by(m.c.user_id)):
                members[row.group_id].append(row.user_id)
        return [
            GroupRecord(
                id=r.id,
                display_name=r.display_name,
                members=tuple(members[r.id]),
                external_id=r.external_id,
                resource=json.loads(r.resource),
                created=_moment(r.created),
                last_modified=_moment(r.last_modified),
                version=r.version,
            )
            for r in rows
        ]

    def person(self, person_id: str) -> Person | None:
        """The person with this id (the case-folded userName), with their manager's id and groups."""
        if self.store.sqlite:  # every access decision asks: the driver directly (SqlStore.read)
            found = self.store.read(_PERSON_SQL, (person_id.lower(),))
            if not found:
                return None
            groups = [r["display_name"] for r in self.store.read(_GROUPS_SQL, (found[0]["id"],))]
            return _person_of(found[0], groups)
        with self.store._tx(write=False) as c:
            return self._person(c, person_id.lower())

    @staticmethod
    def _person(c: Connection, person_id: str) -> Person | None:
        row = c.execute(_PERSON, {"person_id": person_id}).first()
        if row is None:
            return None
        groups = c.execute(_GROUPS_OF, {"user_id": row.id}).scalars()
        return _person_of(dict(row._mapping), groups)

    # --- users ----------------------------------------------------------------------------

    def create_user(self, user: UserRecord, actor: str) -> Change:
        """Add a user (Conflict if their userName is taken, case-insensitively)."""
        return self._put_user(user, actor, None, None, create=True)

    def replace_user(
        self,
        user: UserRecord,
        actor: str,
        consequences: Consequences | None = None,
        expect_version: int | None = None,
    ) -> Change:
        """Replace a user's record (NotFound, Conflict, Stale). Made inactive: every grant goes."""
        return self._put_user(user, actor, consequences, expect_version, create=False)

    def _put_user(
        self,
        user: UserRecord,
        actor: str,
        consequences: Consequences | None,
        expect_version: int | None,
        *,
        create: bool,
    ) -> Change:
        _check_user(user)
        stored: list[UserRecord] = []
        outcome: dict[str, Any] = {}
        table = t.directory_users

        def build(c: Connection) -> list[Entry]:
            old = c.execute(sa.select(table).where(table.c.id == user.id)).first()
            if create and old is not None:
                raise Conflict(f"a user with id {user.id} exists")
            if not create and old is None:
                raise NotFound(user.id)
            if old is not None and expect_version is not None and old.version != expect_version:
                raise Stale(f"user {user.id} is at version {old.version}, not {expect_version}")
            taken = c.execute(
                sa.select(table.c.id).where(table.c.person_id == user.person_id, table.c.id != user.id)
            ).first()
            if taken is not None:
                raise Conflict(f"userName '{user.user_name}' is taken")
            moment = now()
            new = replace(
                user,
                created=_moment(old.created) if old is not None else moment,
                last_modified=moment,
                version=(old.version + 1) if old is not None else 1,
            )
            before = self._person(c, old.person_id) if old is not None else None
            row = {
                "id": new.id,
                "person_id": new.person_id,
                "user_name": new.user_name,
                "external_id": new.external_id,
                "display_name": new.display_name,
                "department": new.department,
                "employee_type": new.employee_type,
                "manager_id": new.manager_id,
                "active": new.active,
                "resource": json.dumps(new.resource, separators=(",", ":")),
                "created": ts(new.created or moment),
                "last_modified": ts(moment),
                "version": new.version,
            }
            if old is None:
                c.execute(table.insert().values(**row))
            else:
                c.execute(table.update().where(table.c.id == new.id).values(**row))
            stored.append(new)
            after = self._person(c, new.person_id)
            changed = _changes(before, after)
            entry = Entry(
                "directory",
                new.id,
                actor,
                NO_POLICY,
                {"op": "create" if old is None else "replace", "person": new.person_id, "changed": changed},
                {"active": new.active, "version": new.version},
                effects={},
            )
            return [entry, *self._consequences(c, new.person_id, before, after, actor, consequences, outcome)]

        self.store._write(build)
        return Change(user=stored[0], **outcome)

    def delete_user(self, user_id: str, actor: str, consequences: Consequences | None = None) -> Change:
        """Remove a user (NotFound): their grants and group memberships go with them."""
        table = t.directory_users
        outcome: dict[str, Any] = {}

        def build(c: Connection) -> list[Entry]:
            old = c.execute(sa.select(table).where(table.c.id == user_id)).first()
            if old is None:
                raise NotFound(user_id)
            before = self._person(c, old.person_id)
            c.execute(t.directory_members.delete().where(t.directory_members.c.user_id == user_id))
            c.execute(table.delete().where(table.c.id == user_id))
            c.execute(table.update().where(table.c.manager_id == user_id).values(manager_id=None))
            entry = Entry(
                "directory",
                user_id,
                actor,
                NO_POLICY,
                {"op": "delete", "person": old.person_id},
                {"deleted": True},
                effects={},
            )
            return [entry, *self._consequences(c, old.person_id, before, None, actor, consequences, outcome)]

        self.store._write(build)
        return Change(**outcome)

    def _consequences(
        self,
        c: Connection,
        person_id: str,
        before: Person | None,
        after: Person | None,
        actor: str,
        consequences: Consequences | None,
        outcome: dict[str, Any],
    ) -> list[Entry]:
        """A leaver's grants revoked and referrals closed; otherwise what `consequences` says."""
        ids = {person_id} | {p.id for p in (before, after) if p is not None}
        rows = c.execute(sa.select(t.grants).where(sa.func.lower(t.grants.c.requester).in_(sorted(ids))))
        grants = [_grant(r) for r in rows]
        entries: list[Entry] = []
        if after is None or not after.active:
            why = "deleted from the directory" if after is None else "made inactive in the directory"
            reason = f"leaver: {person_id} {why}"
            entries = [revocation(g.grant_id, actor, reason) for g in grants]
            entries += self._close_referrals(c, ids, actor, reason, outcome)
        else:
            if before is not None and before.id != after.id:
                # A renamed person's grants and referrals were made for the old id, which someone
                # else may be given later: they end, and the person asks again under the new id.
                old = [g for g in grants if g.requester.lower() == before.id]
                grants = [g for g in grants if g.requester.lower() != before.id]
                reason = f"renamed: {before.id} -> {after.id} in the directory"
                entries = [revocation(g.grant_id, actor, reason) for g in old]
                entries += self._close_referrals(c, {before.id}, actor, reason, outcome)
            if consequences is not None:
                entries += consequences(before, after, grants)
        outcome["revoked"] = tuple(
            e.ref for e in entries if e.kind == "grant" and "grants" in (e.effects or {}).get("delete", {})
        )
        outcome["entries"] = tuple(entries)
        return entries

    @staticmethod
    def _close_referrals(
        c: Connection, ids: set[str], actor: str, reason: str, outcome: dict[str, Any]
    ) -> list[Entry]:
        """Reject the leaver's open referrals, so no reviewer can grant them anything later."""
        entries: list[Entry] = []
        decided = ts(now())
        for row in c.execute(sa.select(t.referrals).where(t.referrals.c.status == "open")):
            try:
                requester = json.loads(row.request)["requester"]["id"]
            except (KeyError, TypeError, ValueError):
                continue
            if not isinstance(requester, str) or requester.lower() not in ids:
                continue
            closed = {**row._mapping, "status": "rejected", "reviewer": actor, "reason": reason}
            closed["decided_at"] = decided
            entries.append(
                Entry(
                    "referral",
                    row.decision_id,
                    actor,
                    NO_POLICY,
                    {"status": "rejected", "reason": reason},
                    {"status": "rejected", "grant_id": None},
                    effects={"put": {"referrals": [closed]}},
                )
            )
        outcome["closed_referrals"] = tuple(e.ref for e in entries)
        return entries

    # --- groups ---------------------------------------------------------------------------

    def create_group(self, group: GroupRecord, actor: str) -> Change:
        return self._put_group(group, actor, None, create=True)

    def replace_group(self, group: GroupRecord, actor: str, expect_version: int | None = None) -> Change:
        return self._put_group(group, actor, expect_version, create=False)

    def _put_group(
        self, group: GroupRecord, actor: str, expect_version: int | None, *, create: bool
    ) -> Change:
        if not group.display_name.strip():
            raise InvalidRecord("displayName: a group needs a name")
        stored: list[GroupRecord] = []
        table, m = t.directory_groups, t.directory_members

        def build(c: Connection) -> list[Entry]:
            old = c.execute(sa.select(table).where(table.c.id == group.id)).first()
            if create and old is not None:
                raise Conflict(f"a group with id {group.id} exists")
            if not create and old is None:
                raise NotFound(group.id)
            if old is not None and expect_version is not None and old.version != expect_version:
                raise Stale(f"group {group.id} is at version {old.version}, not {expect_version}")
            members = tuple(sorted(set(group.members)))
            if members:
                users = t.directory_users
                known = set(c.execute(sa.select(users.c.id).where(users.c.id.in_(members))).scalars())
                unknown = [i for i in members if i not in known]
                if unknown:
                    raise InvalidRecord(f"members: no user with id {', '.join(unknown[:5])}")
            moment = now()
            new = replace(
                group,
                members=members,
                created=_moment(old.created) if old is not None else moment,
                last_modified=moment,
                version=(old.version + 1) if old is not None else 1,
            )
            row = {
                "id": new.id,
                "display_name": new.display_name,
                "external_id": new.external_id,
                "resource": json.dumps(new.resource, separators=(",", ":")),
                "created": ts(new.created or moment),
                "last_modified": ts(moment),
                "version": new.version,
            }
            was: set[str] = set()
            if old is None:
                c.execute(table.insert().values(**row))
            else:
                was = set(c.execute(sa.select(m.c.user_id).where(m.c.group_id == new.id)).scalars())
                c.execute(table.update().where(table.c.id == new.id).values(**row))
                c.execute(m.delete().where(m.c.group_id == new.id))
            if members:
                c.execute(m.insert(), [{"group_id": new.id, "user_id": i} for i in members])
            stored.append(new)
            given = {
                "op": "create" if old is None else "replace",
                "group": new.display_name,
                "added": sorted(set(members) - was),
                "removed": sorted(was - set(members)),
            }
            return [Entry("directory", new.id, actor, NO_POLICY, given, {"version": new.version}, effects={})]

        self.store._write(build)
        return Change(group=stored[0])

    def delete_group(self, group_id: str, actor: str) -> Change:
        table = t.directory_groups

        def build(c: Connection) -> list[Entry]:
            old = c.execute(sa.select(table).where(table.c.id == group_id)).first()
            if old is None:
                raise NotFound(group_id)
            c.execute(t.directory_members.delete().where(t.directory_members.c.group_id == group_id))
            c.execute(table.delete().where(table.c.id == group_id))
            given = {"op": "delete", "group": old.display_name}
            return [Entry("directory", group_id, actor, NO_POLICY, given, {"deleted": True}, effects={})]

        self.store._write(build)
        return Change()


def _changes(before: Person | None, after: Person | None) -> dict[str, list[Any]]:
    """The facts that changed, old and new: what the log says a provisioning write did."""
    names = ("id", "display_name", "department", "employee_type", "manager", "active")
    return {
        n: [getattr(before, n) if before else None, getattr(after, n) if after else None]
        for n in names
        if (getattr(before, n) if before else None) != (getattr(after, n) if after else None)
    }
