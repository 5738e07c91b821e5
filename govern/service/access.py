"""Access use cases: decide (recording the grant a permit gives or the referral a refer opens),
decide a batch, read a decision, list grants, and review a referral."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import ValidationError

from govern import metrics
from govern.access.models import AccessDecision, AccessRequest
from govern.errors import Conflict, Forbidden, Invalid, NotFound, Refusal, RequestError
from govern.ids import name_problem, new_id
from govern.pack import Pack, field_errors
from govern.service.core import Caller, Core
from govern.service.items import MAX_BATCH, Item, too_many
from govern.store.base import Entry, Grant, Referral, ReferralNotOpen, ReferralTampered

ReviewOutcome = Literal["approved", "rejected"]


@dataclass(frozen=True, slots=True)
class ReviewedReferral:
    """A closed referral and the grant its approval gave (None on rejection)."""

    referral: Referral
    grant: Grant | None


@dataclass(frozen=True, slots=True)
class GrantStatus:
    """A grant and whether it is current today."""

    grant: Grant
    current: bool


def decision_entry(
    pack: Pack,
    request: AccessRequest,
    actor: str,
    received_at: dt.datetime,
    facts: dict[str, dict[str, Any]] | None = None,
) -> tuple[AccessDecision, Entry]:
    """Decide, and what to record: the log entry with its grant (permit) or referral (refer), and
    where each of the requester's facts came from (govern.identity.facts), when resolved."""
    decision = pack.decide(request, received_at=received_at)
    if facts is not None:
        decision = decision.model_copy(update={"facts": facts})
    grant = None
    if decision.decision == "permit":
        grant = Grant(
            grant_id=new_id(),
            decision_id=decision.decision_id,
            requester=request.requester.id,
            domain=decision.site.domain,
            category=decision.site.category,
            access=request.access,
            obligations=[o.id for o in decision.obligations],
            granted_at=received_at,
            expires_on=decision.expires_on,
        )
    entry = Entry(
        "decision",
        decision.decision_id,
        actor,
        pack.ref.model_dump(),
        request.model_dump(mode="json", exclude_none=True),
        decision.model_dump(mode="json"),
        grant=grant,
        refer_to=decision.refer_to if decision.decision == "refer" else None,
    )
    return decision, entry


Record = Callable[[AccessDecision, Entry], AccessDecision]


def decide(
    core: Core,
    request: AccessRequest,
    actor: str,
    *,
    received_at: dt.datetime | None = None,
    facts: dict[str, dict[str, Any]] | None = None,
    record: Record | None = None,
) -> AccessDecision:
    """Decide one request with the pack in force, record it, and compare with the shadow pack.
    `record` writes the entry itself (with the approval task the decision opens, in the same
    transaction) and returns the decision as answered."""
    started = time.perf_counter()
    received = received_at or core.now()
    decision, entry = decision_entry(core.pack, request, actor, received, facts)
    if record is None:
        core.store.append_all([entry])
    else:
        decision = record(decision, entry)
    core.compare(
        "decision",
        decision.decision_id,
        entry.result,
        lambda shadow: shadow.decide(request, received_at=received),
    )
    metrics.DECISIONS.labels(outcome=decision.decision).inc()
    metrics.DECIDE_SECONDS.observe(time.perf_counter() - started)
    return decision


EntryFor = Callable[[Pack, Any, dt.datetime], tuple[AccessDecision, Entry]]


def _validated_entry(actor: str) -> EntryFor:
    def entry_for(pack: Pack, raw: Any, received_at: dt.datetime) -> tuple[AccessDecision, Entry]:
        return decision_entry(pack, AccessRequest.model_validate(raw), actor, received_at)

    return entry_for


def decide_batch(
    core: Core, requests: Sequence[Any], actor: str, entry_for: EntryFor | None = None
) -> list[Item[AccessDecision]]:
    """Decide up to MAX_BATCH requests with one pack and one receive time; all are recorded in one
    transaction (or none, and StoreUnavailable); a bad or refused request is an error in its
    place. `entry_for` turns one raw request into its decision and entry (the service's identity
    sources resolve each requester's facts there); by default the request is taken as given."""
    too_many(len(requests), "requests")
    pack, received_at = core.pack, core.now()  # one pack even if a reload happens meanwhile
    make = entry_for or _validated_entry(actor)
    items: list[Item[AccessDecision]] = []
    entries: list[Entry] = []
    for index, raw in enumerate(requests):
        try:
            decision, entry = make(pack, raw, received_at)
        except (RequestError, Refusal) as exc:
            items.append(Item(index, error=exc))
            continue
        except ValidationError as exc:  # a request that validated but a nested record did not
            items.append(Item(index, error=RequestError(field_errors(exc), "access request")))
            continue
        items.append(Item(index, result=decision))
        entries.append(entry)
    core.store.append_all(entries)
    for item in items:
        if item.result is not None:
            metrics.DECISIONS.labels(outcome=item.result.decision).inc()
    return items


def _requester_of(request_body: dict[str, Any]) -> str | None:
    requester = request_body.get("requester")
    return requester.get("id") if isinstance(requester, dict) else None


def logged_decision(core: Core, decision_id: str, caller: Caller) -> dict[str, Any]:
    """A recorded decision, as answered; NotFound unless the caller asked for it, submitted it or
    sees everyone (and never whether someone else's exists)."""
    record = core.store.find("decision", decision_id)
    mine = record is not None and caller.name in (record.actor, _requester_of(record.input))
    if record is None or not (mine or caller.sees_everyone):
        raise NotFound(f"no decision {decision_id}")
    return record.result


def grants(
    core: Core, caller: Caller, requester: str | None, site: str | None, *, expired: bool
) -> list[GrantStatus]:
    """Grants, current ones unless `expired`; a requester sees only their own."""
    if requester is not None and (problem := name_problem(requester)):
        raise Invalid(
            f"requester: the name {problem}",
            details=[{"field": "requester", "message": f"the name {problem}"}],
        )
    if not caller.sees_everyone:
        if requester not in (None, caller.name):
            raise Forbidden("a requester key sees only its own grants")
        requester = caller.name
    today = core.today()
    domain = core.pack.sites.resolve(site).domain if site else None
    found = core.store.grants(requester, domain, None if expired else today)
    return [GrantStatus(g, bool(g.expires_on and g.expires_on >= today)) for g in found]


def approval_grant(referral: Referral, granted_at: dt.datetime) -> Grant:
    """The grant an approval gives, from the referred request and its decision (typed). A row
    edited out of shape gives a grant with no terms, which the store refuses as tampered."""
    try:
        request = AccessRequest.model_validate(referral.request)
        decision = AccessDecision.model_validate(referral.decision)
    except (ValidationError, RequestError):
        request, decision = None, None
    if request is None or decision is None:
        return Grant(new_id(), referral.decision_id, "", "", None, "", granted_at=granted_at)
    terms = decision.on_approval
    return Grant(
        grant_id=new_id(),
        decision_id=referral.decision_id,
        requester=request.requester.id,
        domain=decision.site.domain,
        category=decision.site.category,
        access=request.access,
        obligations=[o.id for o in terms.obligations] if terms else [],
        granted_at=granted_at,
        expires_on=terms.expires_on if terms else None,
    )


def review_referral(
    core: Core, decision_id: str, outcome: ReviewOutcome, reason: str | None, reviewer: str
) -> ReviewedReferral:
    """Close an open referral: its status, the grant (on approval) and the log record are written
    in one transaction. Nobody reviews a referral they asked for or submitted."""
    store = core.store
    referral = store.referral(decision_id)
    if referral is None:
        raise NotFound(f"no referral {decision_id}")
    if referral.status != "open":
        raise Conflict(f"referral {decision_id} is already {referral.status}")
    if outcome == "rejected" and not (reason or "").strip():
        raise Invalid("a rejection needs a reason", details=[{"field": "reason", "message": "is required"}])
    logged = store.find("decision", decision_id)
    involved = {_requester_of(referral.request), logged.actor if logged else None}
    if reviewer != "anonymous" and reviewer in involved:  # open mode has no identities to compare
        raise Forbidden(
            f"'{reviewer}' asked for or submitted this request, so cannot review it; another reviewer must"
        )
    now = core.now()
    # The store checks the row and the grant's terms against the logged decision record.
    grant = approval_grant(referral, now) if outcome == "approved" else None
    try:
        closed = store.close_referral(decision_id, outcome, reviewer, reason, grant=grant, decided_at=now)
    except KeyError:
        raise NotFound(f"no referral {decision_id}") from None
    except ReferralNotOpen:  # another reviewer decided it meanwhile: nothing was written
        raise Conflict(f"referral {decision_id} was decided meanwhile") from None
    except ReferralTampered as exc:  # logged by the store; nothing was written
        raise Conflict(str(exc), code="tampered") from None
    return ReviewedReferral(closed, grant)


__all__ = ["MAX_BATCH", "GrantStatus", "ReviewedReferral", "decide", "decide_batch", "review_referral"]
