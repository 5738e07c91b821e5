"""The review stores: compare-and-set saves (two reviewers acting at once), children appended once."""

from __future__ import annotations

import dataclasses

import pytest

from govern import Pack
from govern.signoff import ReviewStore, Signoff
from govern.signoff.model import Note
from govern.signoff.store import Conflict
from tests.signoff.conftest import START, Clock

LEAK = {"text": "This story was leaked from an internal memo.", "platform": "x"}


def test_the_second_of_two_simultaneous_decisions_is_refused(
    reviews: ReviewStore, signoff: Signoff, council: Pack
) -> None:
    item = signoff.submit(council, "amira", LEAK)
    seen_by_a = seen_by_b = reviews.get(item.id)
    assert seen_by_a is not None and seen_by_b is not None
    reviews.save(dataclasses.replace(seen_by_a, status="approved", reviewer="a"), "open")
    with pytest.raises(Conflict):
        reviews.save(dataclasses.replace(seen_by_b, status="rejected", reviewer="b"), "open")
    stored = reviews.get(item.id)
    assert stored is not None and (stored.status, stored.reviewer) == ("approved", "a")


def test_saving_an_unknown_item_is_a_key_error(reviews: ReviewStore, signoff: Signoff, council: Pack) -> None:
    item = signoff.submit(council, "amira", LEAK)
    with pytest.raises(KeyError):
        reviews.save(dataclasses.replace(item, id="missing"), "open")
    with pytest.raises(Conflict):
        reviews.add(item)  # the same id twice


def test_notes_and_versions_are_appended_once(reviews: ReviewStore, signoff: Signoff, council: Pack) -> None:
    item = signoff.submit(council, "amira", LEAK)
    noted = dataclasses.replace(item, notes=(Note("lee", START, "one", 1),))
    reviews.save(noted, "open")
    reviews.save(dataclasses.replace(noted, notes=(*noted.notes, Note("lee", START, "two", 1))), "open")
    stored = reviews.get(item.id)
    assert stored is not None and [n.text for n in stored.notes] == ["one", "two"]
    assert len(stored.versions) == 1 and stored.versions[0].draft == LEAK
    assert [i.id for i in reviews.with_text(item.latest.digest)] == [item.id]
    assert reviews.get("nope") is None


def test_purging_keeps_what_the_gate_needs_but_not_the_text(
    reviews: ReviewStore, signoff: Signoff, council: Pack, clock: Clock
) -> None:
    approved = signoff.submit(council, "amira", LEAK)
    signoff.approve(approved.id, "legal-lead")
    waiting = signoff.submit(council, "bob", {**LEAK, "text": LEAK["text"] + " Today."})
    clock.advance(days=30)
    assert reviews.purge(clock.now) == 1  # the decided item's one version; not the pending one
    assert reviews.purge(clock.now) == 0  # once
    purged = signoff.get(approved.id)
    assert (purged.latest.text, purged.latest.diff, purged.latest.draft["platform"]) == ("", "", "x")
    assert purged.latest.digest == approved.latest.digest
    assert signoff.get(waiting.id).latest.text == LEAK["text"] + " Today."
    assert signoff.gate(council, "scheduler", LEAK).decision == "allow"  # still approved, by digest
