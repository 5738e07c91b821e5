"""The directory's store: people and groups as provisioning keeps them, and a leaver's grants."""

from __future__ import annotations

import datetime as dt

import pytest

from govern.identity.model import Directory, Person
from govern.ids import new_id
from govern.people.directory import SqlDirectory
from govern.store.base import Entry, Grant
from govern.store.directory import (
    Conflict,
    DirectoryRecords,
    GroupRecord,
    InvalidRecord,
    NotFound,
    Stale,
    UserRecord,
    revocation,
)
from govern.store.sql import SqlStore


def user(name: str, **fields: object) -> UserRecord:
    return UserRecord(id=new_id(), user_name=name, **fields)  # type: ignore[arg-type]


def grant(requester: str, domain: str = "facebook.com") -> Grant:
    return Grant(
        grant_id=new_id(),
        decision_id=new_id(),
        requester=requester,
        domain=domain,
        category="social-network",
        access="post",
        granted_at=dt.datetime.now(dt.UTC),
        expires_on=dt.date.today() + dt.timedelta(days=30),
    )


@pytest.fixture
def records(store: SqlStore) -> DirectoryRecords:
    return DirectoryRecords(store)


def test_a_person_comes_back_with_their_manager_and_groups(
    records: DirectoryRecords, store: SqlStore
) -> None:
    boss = records.create_user(user("Dana.Boss@example.gov.uk", department="Comms"), "scim").user
    assert boss is not None
    alice = user(
        "Alice.Smith@Example.gov.uk",
        display_name="Alice Smith",
        department="Housing",
        employee_type="Employee",
        manager_id=boss.id,
        external_id="e-1",
    )
    records.create_user(alice, "scim")
    records.create_group(GroupRecord(id=new_id(), display_name="comms-team", members=(alice.id,)), "scim")
    directory: Directory = SqlDirectory(store)
    person = directory.person("ALICE.SMITH@example.gov.uk")
    assert person is not None
    assert (person.id, person.department, person.employee_type, person.manager, person.groups) == (
        "alice.smith@example.gov.uk",
        "Housing",
        "Employee",
        "dana.boss@example.gov.uk",
        ("comms-team",),
    )
    assert person.active and person.display_name == "Alice Smith" and person.updated_at is not None
    assert directory.person("nobody-here") is None
    assert store.verify() is None  # the directory's records keep the log intact


@pytest.mark.parametrize(
    "name",
    [
        pytest.param("", id="empty"),
        pytest.param("ali ce", id="space"),
        pytest.param("alice\n", id="newline"),
        pytest.param("al\x00ice", id="nul"),
        pytest.param("al\u0131ce", id="dotless-i"),
        pytest.param("аlice", id="cyrillic-a"),
        pytest.param("alice\u200b", id="zero-width-space"),
        pytest.param("-alice", id="leading-dash"),
        pytest.param("=cmd()", id="formula"),
        pytest.param("all", id="reserved"),
        pytest.param("a" * 129, id="too-long"),
    ],
)
def test_a_user_name_outside_the_id_grammar_is_refused(records: DirectoryRecords, name: str) -> None:
    with pytest.raises(InvalidRecord, match="userName"):
        records.create_user(user(name), "scim")
    assert records.users()[0] == 0


def test_user_names_are_unique_whatever_their_case(records: DirectoryRecords) -> None:
    first = user("bob@example.gov.uk")
    records.create_user(first, "scim")
    with pytest.raises(Conflict):
        records.create_user(user("BOB@example.gov.uk"), "scim")
    other = records.create_user(user("carol@example.gov.uk"), "scim").user
    assert other is not None
    with pytest.raises(Conflict):  # renaming onto someone else's name
        records.replace_user(UserRecord(id=other.id, user_name="Bob@example.gov.uk"), "scim")


@pytest.mark.parametrize(
    ("attribute", "value", "expected"),
    [
        pytest.param("userName", "ALICE", ["alice"], id="userName-any-case"),
        pytest.param("externalId", "x-2", ["bob"], id="externalId"),
        pytest.param("externalId", "X-2", [], id="externalId-exact-case"),
        pytest.param("displayName", "Carol C", ["carol"], id="displayName"),
        pytest.param(None, None, ["alice", "bob", "carol"], id="all"),
    ],
)
def test_users_are_found_by_attribute(
    records: DirectoryRecords, attribute: str | None, value: str | None, expected: list[str]
) -> None:
    for name, external, shown in (
        ("alice", "x-1", "Alice A"),
        ("bob", "x-2", "Bob B"),
        ("carol", None, "Carol C"),
    ):
        records.create_user(user(name, external_id=external, display_name=shown), "scim")
    total, found = records.users(attribute, value)
    assert (total, [u.user_name for u in found]) == (len(expected), expected)


def test_users_come_in_pages(records: DirectoryRecords) -> None:
    for i in range(5):
        records.create_user(user(f"p{i}"), "scim")
    total, page = records.users(start=2, count=2)
    assert (total, [u.user_name for u in page]) == (5, ["p1", "p2"])


def test_a_leaver_loses_every_grant_and_open_referral_at_once(
    records: DirectoryRecords, store: SqlStore
) -> None:
    alice = user("Alice", department="Housing")
    records.create_user(alice, "scim")
    kept = grant("bob")
    for g in (grant("alice"), grant("Alice", "x.com"), kept):
        store.add_grant(g)
    change = records.replace_user(UserRecord(id=alice.id, user_name="Alice", active=False), "entra")
    assert len(change.revoked) == 2
    assert [g.requester for g in store.grants()] == ["bob"]
    person = records.person("alice")
    assert person is not None and not person.active
    notices = [r for r in store.log() if r.kind == "grant" and r.input.get("revoke")]
    assert {r.actor for r in notices} == {"entra"}
    assert all("leaver" in r.input["reason"] for r in notices)
    assert store.verify() is None


def test_deleting_a_user_revokes_their_grants_and_memberships(
    records: DirectoryRecords, store: SqlStore
) -> None:
    alice = user("alice")
    records.create_user(alice, "scim")
    team = GroupRecord(id=new_id(), display_name="comms-team", members=(alice.id,))
    records.create_group(team, "scim")
    store.add_grant(grant("alice"))
    change = records.delete_user(alice.id, "scim")
    assert len(change.revoked) == 1 and store.grants() == []
    assert records.user(alice.id) is None and records.person("alice") is None
    assert (found := records.group(team.id)) is not None and found.members == ()
    with pytest.raises(NotFound):
        records.delete_user(alice.id, "scim")
    assert store.verify() is None


def test_a_change_to_an_active_person_is_the_callers_to_judge(
    records: DirectoryRecords, store: SqlStore
) -> None:
    alice = user("alice", department="Housing")
    records.create_user(alice, "scim")
    given = grant("alice")
    store.add_grant(given)
    seen: list[tuple[Person | None, Person | None, list[Grant]]] = []

    def judge(before: Person | None, after: Person | None, grants: list[Grant]) -> list[Entry]:
        seen.append((before, after, grants))
        return [revocation(g.grant_id, "scim", "mover") for g in grants]

    moved = UserRecord(id=alice.id, user_name="alice", department="Children's Services")
    change = records.replace_user(moved, "scim", judge)
    ((before, after, grants),) = seen
    assert before is not None and after is not None
    assert (before.department, after.department, [g.grant_id for g in grants]) == (
        "Housing",
        "Children's Services",
        [given.grant_id],
    )
    assert change.revoked == (given.grant_id,) and store.grants() == []
    assert store.verify() is None


def test_a_write_against_an_old_version_is_refused(records: DirectoryRecords) -> None:
    alice = user("alice")
    records.create_user(alice, "scim")
    records.replace_user(UserRecord(id=alice.id, user_name="alice", department="A"), "scim", expect_version=1)
    with pytest.raises(Stale):
        records.replace_user(
            UserRecord(id=alice.id, user_name="alice", department="B"), "scim", expect_version=1
        )
    assert (found := records.user(alice.id)) is not None and (found.department, found.version) == ("A", 2)


def test_a_group_holds_only_known_users(records: DirectoryRecords) -> None:
    with pytest.raises(InvalidRecord, match="members"):
        records.create_group(GroupRecord(id=new_id(), display_name="team", members=("nobody",)), "scim")
    with pytest.raises(InvalidRecord, match="displayName"):
        records.create_group(GroupRecord(id=new_id(), display_name=" "), "scim")
    with pytest.raises(NotFound):
        records.replace_group(GroupRecord(id="missing", display_name="team"), "scim")
