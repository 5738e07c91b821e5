"""Training records: who completed which course when, as the learning system exported it.

Decisions read a requester's training only from these records (never from the request). How long
a course counts is the pack's business (A4: 730 days); the records keep the completion date only.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from govern.ids import name_problem

COLUMNS = ("person", "course", "completed_on")
MAX_COURSE = 200
EARLIEST = dt.date(1970, 1, 1)


@dataclass(frozen=True, slots=True)
class TrainingRecord:
    """One completion of one course by one person."""

    person: str  # the directory id (case-folded), as Person.id
    course: str
    completed_on: dt.date
    source: str = ""  # where it came from: the file's name, or the client that posted it
    imported_at: dt.datetime | None = None


@dataclass(frozen=True, slots=True)
class RowProblem:
    """A row the import cannot take: its line in the file (1 is the header), the column, why."""

    line: int
    column: str
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.column}: {self.message}"


class TrainingSource(Protocol):
    """What the decision path needs: a person's completed courses."""

    def completed(self, person: str) -> list[TrainingRecord]: ...


class TrainingStore(TrainingSource, Protocol):
    """Training records a trusted client or an import can add to."""

    def put(self, records: Iterable[TrainingRecord], actor: str, source: str) -> tuple[int, int]:
        """Add the records not held yet (person, course, date): (added, already held)."""
        ...


class MemoryTraining:
    """Training records in memory, for tests and for `govern decide`-style tools."""

    def __init__(self, records: Iterable[TrainingRecord] = ()) -> None:
        self._records: dict[tuple[str, str, dt.date], TrainingRecord] = {}
        self.put(records)

    def put(self, records: Iterable[TrainingRecord], actor: str = "", source: str = "") -> tuple[int, int]:
        """Keep each record once (person, course, date): (added, already held)."""
        added = held = 0
        for r in records:
            key = (r.person, r.course, r.completed_on)
            if key in self._records:
                held += 1
            else:
                added += 1
                self._records[key] = r
        return added, held

    def completed(self, person: str) -> list[TrainingRecord]:
        return sorted((r for r in self._records.values() if r.person == person), key=_order)


def _order(record: TrainingRecord) -> tuple[str, dt.date]:
    return record.course, record.completed_on


def latest(records: Sequence[TrainingRecord]) -> list[dict[str, str]]:
    """Each course once, with its most recent completion: the `requester.training` the pack reads."""
    best: dict[str, dt.date] = {}
    for r in records:
        if r.course not in best or r.completed_on > best[r.course]:
            best[r.course] = r.completed_on
    return [{"course": c, "completed_on": d.isoformat()} for c, d in sorted(best.items())]


def check_record(
    person: object, course: object, completed_on: object, today: dt.date
) -> list[tuple[str, str]]:
    """What is wrong with one record's values, as (column, message) pairs; empty when it is good."""
    problems: list[tuple[str, str]] = []
    if not isinstance(person, str) or (problem := name_problem(person.strip())):
        problems.append(("person", f"the name {problem}" if isinstance(person, str) else "must be text"))
    if not isinstance(course, str) or not course.strip():
        problems.append(("course", "is empty"))
    elif len(course.strip()) > MAX_COURSE or any(ord(ch) < 32 for ch in course):
        problems.append(("course", f"must be one line of at most {MAX_COURSE} characters"))
    day = parse_day(completed_on)
    if day is None:
        problems.append(("completed_on", "must be a date written YYYY-MM-DD (ISO 8601)"))
    elif not EARLIEST <= day <= today:
        problems.append(("completed_on", f"{day} is in the future or before {EARLIEST.year}"))
    return problems


def parse_day(value: object) -> dt.date | None:
    """An ISO 8601 calendar date (2026-03-01), or one with a time as learning systems often export
    it (2026-03-01T09:30:00Z: the date part counts); anything else is None."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    try:
        if len(text) == 10:
            return dt.date.fromisoformat(text)
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date() if "T" in text else None
    except ValueError:
        return None


def read_csv(
    text: str, source: str, imported_at: dt.datetime, today: dt.date
) -> tuple[list[TrainingRecord], list[RowProblem]]:
    """The records in a CSV export and every problem with line numbers. Tolerates a byte-order
    mark, header case and spacing, extra columns and blank lines; needs person, course and
    completed_on columns."""
    reader = csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""))
    try:
        header = next(reader)
    except (StopIteration, csv.Error):
        return [], [RowProblem(1, "header", "the file is empty; expected columns " + ", ".join(COLUMNS))]
    names = [h.strip().lower().replace(" ", "_") for h in header]
    missing = [c for c in COLUMNS if c not in names]
    if missing:
        return [], [RowProblem(1, "header", f"no column {', '.join(missing)}; found {', '.join(names)}")]
    at = {c: names.index(c) for c in COLUMNS}
    records: list[TrainingRecord] = []
    problems: list[RowProblem] = []
    try:
        for row in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            cells = [row[at[c]] if at[c] < len(row) else "" for c in COLUMNS]
            found = check_record(cells[0], cells[1], cells[2], today)
            if found:
                problems += [RowProblem(line, column, message) for column, message in found]
                continue
            person, course, day = cells[0].strip().casefold(), cells[1].strip(), parse_day(cells[2])
            assert day is not None  # check_record said so
            records.append(TrainingRecord(person, course, day, source, imported_at))
    except csv.Error as exc:
        problems.append(RowProblem(reader.line_num, "file", f"not readable as CSV ({exc})"))
    return records, problems
