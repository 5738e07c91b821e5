"""The directory behind decisions: the people SCIM provisioning keeps in govern's own database."""

from __future__ import annotations

from govern.identity.model import Person
from govern.store.directory import DirectoryRecords
from govern.store.sql import SqlStore


class SqlDirectory:
    """`Directory` (govern.identity.model) over the store's directory tables.

    `person(id)` takes govern's id for a person, the SCIM userName, in any case; it answers None
    for someone never provisioned, and a leaver comes back with `active=False` until deleted.
    """

    def __init__(self, store: SqlStore) -> None:
        self.records = DirectoryRecords(store)

    def person(self, person_id: str) -> Person | None:
        return self.records.person(person_id)
