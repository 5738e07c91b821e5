"""The sources a service resolves facts from, in one object handed to the adapters."""

from __future__ import annotations

from dataclasses import dataclass

from govern.identity.approvals import ApprovalStore, MemoryApprovals
from govern.identity.model import Directory, Person
from govern.identity.training import MemoryTraining, TrainingStore


class NoDirectory:
    """A directory that knows nobody: until SCIM provisions staff, a requester cannot ask (only an
    intake client, stating the facts, can)."""

    def person(self, person_id: str) -> Person | None:
        return None


class MemoryDirectory:
    """People in memory, for tests."""

    def __init__(self, people: list[Person] | None = None) -> None:
        self.people = {p.id.casefold(): p for p in people or []}

    def person(self, person_id: str) -> Person | None:
        return self.people.get(person_id.casefold())


@dataclass
class Sources:
    """Where a requester's facts come from: the directory, the training records, approvals."""

    directory: Directory
    training: TrainingStore
    approvals: ApprovalStore

    @classmethod
    def in_memory(cls, people: list[Person] | None = None) -> Sources:
        return cls(MemoryDirectory(people), MemoryTraining(), MemoryApprovals())
