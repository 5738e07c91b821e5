"""Movers: when the directory moves a person to another department, each of their current grants
is decided again, by the pack in force, with the department the directory now gives.

A grant the pack still permits stays as it is. One it would now refer (A12: posting from
Children's Services goes to the safeguarding lead) or deny is revoked, and the new decision is
logged; a refer opens its referral, so the reviewer can grant it again. (Leavers need no pack:
the directory's store revokes everything they hold, see govern.store.directory.)
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from pydantic import ValidationError

from govern.access.models import AccessRequest
from govern.identity.model import Person
from govern.pack import Pack
from govern.service.access import decision_entry
from govern.store.base import Entry, Grant, Store
from govern.store.directory import Consequences, revocation

log = logging.getLogger("govern.directory")


def redecide_movers(pack: Pack, store: Store, actor: str, now: dt.datetime) -> Consequences:
    """The consequences of a directory change for an active person's grants (see the module)."""

    def judge(before: Person | None, after: Person | None, grants: list[Grant]) -> list[Entry]:
        if before is None or after is None or before.department == after.department:
            return []
        today = now.astimezone(pack.timezone).date()
        move = f"mover: department {before.department!r} -> {after.department!r}"
        entries: list[Entry] = []
        for grant in grants:
            if grant.expires_on is not None and grant.expires_on < today:
                continue  # expired already: nothing to decide
            entries += _redecide(pack, store, grant, after, actor, now, move)
        return entries

    return judge


def _redecide(
    pack: Pack, store: Store, grant: Grant, person: Person, actor: str, now: dt.datetime, move: str
) -> list[Entry]:
    record = store.find("decision", grant.decision_id)
    request = _moved(record.input if record is not None else None, person)
    if request is None:  # no logged request to decide again: the grant cannot be vouched for
        reason = f"{move}; grant {grant.grant_id} has no logged request to decide again"
        log.info("%s: revoked", reason)
        return [revocation(grant.grant_id, actor, reason)]
    decision, decided = decision_entry(pack, request, actor, now)
    if decision.decision == "permit":
        return []
    refs = {r["id"]: r.get("ref", "") for r in pack.rules()}
    rules = ", ".join(
        f"{refs.get(r.rule) or '?'} {r.rule}" for r in decision.reasons if r.effect == decision.decision
    )
    outcome = decision.decision + (f" to {decision.refer_to}" if decision.refer_to else "")
    reason = f"{move}; re-decided as {outcome} ({rules}) in decision {decision.decision_id}"
    log.info("grant %s of %s revoked: %s", grant.grant_id, person.id, reason)
    return [decided, revocation(grant.grant_id, actor, reason)]


def _moved(given: Any, person: Person) -> AccessRequest | None:
    """The logged request, with the requester in the department the directory now gives."""
    if not isinstance(given, dict) or not isinstance(given.get("requester"), dict):
        return None
    body = {**given, "requester": {**given["requester"], "department": person.department}}
    try:
        return AccessRequest.model_validate(body)
    except ValidationError:
        return None
