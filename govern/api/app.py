"""The HTTP service: the library calls, the store, keys, reload and metrics."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import logging
import threading
import time
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any, Literal

from fastapi import Depends, FastAPI, HTTPException, Query, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from pydantic import BaseModel, Field, ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from govern.access.models import AccessDecision, AccessRequest, Contract
from govern.api import metrics
from govern.api.middleware import Guard, WebSettings
from govern.api.signin import reviews_queue
from govern.drafts.models import MAX_TEXT, DraftVerdict
from govern.errors import Location, PolicyError, Problem, RequestError, error_body
from govern.identity.model import Principal
from govern.identity.settings import OidcSettings
from govern.ids import name_problem, new_id
from govern.inputs import loads
from govern.moderation.models import Comment, ModerationResult
from govern.moderation_team import TeamDesk
from govern.pack import AREAS, Pack, field_errors, load_pack, outcome, parse
from govern.sandbox import load_untrusted
from govern.store.base import (
    Entry,
    Grant,
    ReferralNotOpen,
    ReferralTampered,
    Store,
    StoreUnavailable,
    grant_terms,
)

log = logging.getLogger("govern.api")

ROLES = ("requester", "reviewer", "admin")
MAX_BATCH = 1000


class ApiError(Exception):
    """An error with an HTTP status, rendered in the one error shape."""

    def __init__(self, status: int, code: str, message: str, details: list[Any] | None = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.details = status, code, message, details or []


def error_response(status: int, code: str, message: str, details: list[Any] | None = None) -> JSONResponse:
    metrics.ERRORS.labels(code=code).inc()
    return JSONResponse(
        {"error": {"code": code, "message": message, "details": details or []}}, status_code=status
    )


# --- reading bodies -----------------------------------------------------------------------------


class BadBody(HTTPException):
    """A body that is not JSON within the limits: FastAPI passes an HTTPException through as it is."""

    def __init__(self, error: RequestError) -> None:
        super().__init__(422, str(error))
        self.error = error


class _BoundedRequest(Request):
    async def json(self) -> Any:
        if not hasattr(self, "_json"):
            try:
                self._json = loads(await self.body())
            except RequestError as exc:
                raise BadBody(exc) from None
        return self._json


class BoundedJsonRoute(APIRoute):
    """Routes whose JSON bodies are parsed by govern.inputs.loads (depth, number and text limits)
    instead of json.loads, so a hostile body is a 422 naming the field, never a 500."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def bounded(request: Request) -> Response:
            return await handler(_BoundedRequest(request.scope, request.receive))

        return bounded


# --- request and response bodies ------------------------------------------------------------


class Batch(Contract):
    requests: list[dict[str, Any]] = Field(description="up to 1,000 access requests")


class BatchItem(BaseModel):
    index: int
    decision: AccessDecision | None = None
    error: dict[str, Any] | None = None


class BatchResult(BaseModel):
    decisions: list[BatchItem]


class Review(Contract):
    reason: str | None = Field(default=None, max_length=2000)


class ReferralOut(BaseModel):
    decision_id: str
    refer_to: str
    status: Literal["open", "approved", "rejected"]
    created_at: dt.datetime
    request: dict[str, Any]
    decision: dict[str, Any]
    reviewer: str | None = None
    reason: str | None = None
    decided_at: dt.datetime | None = None
    grant_id: str | None = None


class GrantOut(BaseModel):
    grant_id: str
    decision_id: str
    requester: str
    domain: str
    category: str | None
    access: str
    obligations: list[str]
    granted_at: dt.datetime | None
    expires_on: dt.date | None
    current: bool


class PolicyOut(BaseModel):
    pack: str
    version: str
    digest: str
    owner: str
    description: str
    loaded_at: dt.datetime
    rules: list[dict[str, str]]


class ReloadOut(BaseModel):
    reloaded: bool
    policy: PolicyOut


# --- the service ----------------------------------------------------------------------------


class Service:
    """What the routes share: the pack in force (swapped atomically on reload) and the store."""

    # While running open (no keys, loopback), how often the store is asked whether a key now exists.
    KEYS_RECHECK_SECONDS = 1.0

    def __init__(
        self,
        policies: str,
        store: Store,
        *,
        open_access: bool,
        shadow: str | None = None,
        clock: Callable[[], dt.datetime] | None = None,
    ) -> None:
        self.policies = policies
        self.now = clock or (lambda: dt.datetime.now(dt.UTC))  # the service's clock: receive times
        self.store = store
        self._open_checked = 0.0
        self._open = open_access and not store.keys()
        self.pack: Pack = load_pack(policies)
        self.shadow: Pack | None = load_pack(shadow) if shadow else None
        self.loaded_at = dt.datetime.now(dt.UTC)
        self._reload_lock = threading.Lock()

    @property
    def open_access(self) -> bool:
        """Open (no key needed) only while the store holds no key at all; the first key created
        closes the service for good, whoever created it and however (`govern keys create`)."""
        if self._open and time.monotonic() - self._open_checked >= self.KEYS_RECHECK_SECONDS:
            try:
                self._open = not self.store.keys()
            except StoreUnavailable:  # asked again next time; meanwhile every write answers 503
                return self._open
            self._open_checked = time.monotonic()
        return self._open

    def reload(self) -> Pack:
        """Load the pack again; a pack that does not validate raises and the old one stays."""
        with self._reload_lock:
            try:
                pack = load_untrusted(self.policies)  # checked in a child process first
            except PolicyError:
                metrics.RELOADS.labels(result="refused").inc()
                raise
            except Exception as exc:  # whatever goes wrong, the old pack stays in force
                metrics.RELOADS.labels(result="refused").inc()
                log.exception("reloading %s failed", self.policies)
                message = f"loading the pack failed ({type(exc).__name__}); the old one stays in force"
                raise PolicyError([Problem(Location(self.policies), "G120", message)]) from None
            self.pack, self.loaded_at = pack, dt.datetime.now(dt.UTC)  # one assignment: atomic
            metrics.RELOADS.labels(result="loaded").inc()
            return pack

    def compare(self, kind: str, ref: str, live: dict[str, Any], ask: Callable[[Pack], BaseModel]) -> None:
        """Ask the shadow pack too; count and log any difference. Only the live answer is returned."""
        if self.shadow is None:
            return
        mine = outcome(kind, live)
        try:
            theirs = outcome(kind, ask(self.shadow).model_dump(mode="json"))
        except Exception as exc:  # a shadow must never break the live answer
            theirs = ("error", [str(exc)])
        if theirs != mine:
            metrics.SHADOW.labels(area=AREAS[kind]).inc()
            log.info(
                json.dumps(
                    {
                        "shadow": self.shadow.ref.model_dump(),
                        "area": AREAS[kind],
                        "ref": ref,
                        "live": {"outcome": mine[0], "rules": mine[1]},
                        "shadow_answer": {"outcome": theirs[0], "rules": theirs[1]},
                    }
                )
            )

    def policy_out(self, pack: Pack) -> PolicyOut:
        return PolicyOut(
            pack=pack.name,
            version=pack.version,
            digest=pack.digest,
            owner=pack.raw.owner,
            description=pack.raw.description,
            loaded_at=self.loaded_at,
            rules=pack.rules(),
        )


def _actor(request: Request) -> str:
    return str(getattr(request.state, "actor", "anonymous"))


def require(role: str) -> Callable[[Request], Awaitable[None]]:
    """A dependency: the caller's API key must have `role` or a higher one."""

    async def check(request: Request) -> None:
        service: Service = request.app.state.service
        if service.open_access:
            request.state.actor, request.state.role = "anonymous", "admin"
            return
        # --- OpenID Connect (issue 16): a provider's bearer JWT or a signed-in session ---------
        from govern.api.signin import authenticate, check_role, top_role

        if (who := await authenticate(request)) is not None:
            check_role(who, role)
            request.state.actor, request.state.role, request.state.principal = who.id, top_role(who), who
            return
        # --- API keys -------------------------------------------------------------------------
        header = request.headers.get("authorization", "")
        secret = (
            header[7:].strip()
            if header.lower().startswith("bearer ")
            else request.headers.get("x-api-key", "")
        ) or request.cookies.get("govern_key", "")  # the pages' login
        if not secret:
            raise ApiError(401, "unauthenticated", "an API key is required (Authorization: Bearer KEY)")
        key = service.store.key_for(hashlib.sha256(secret.encode()).hexdigest())
        if key is None:
            raise ApiError(401, "unauthenticated", "unknown API key")
        if ROLES.index(key.role) < ROLES.index(role):
            raise ApiError(403, "forbidden", f"this needs the {role} role; the key has {key.role}")
        request.state.actor, request.state.role = key.name, key.role
        request.state.principal = Principal(id=key.name, roles=frozenset({key.role}), via="key")

    return check


def _sees_everyone(request: Request) -> bool:
    """Reviewers and admins see every decision and grant; a requester only their own."""
    return str(getattr(request.state, "role", "requester")) in ("reviewer", "admin")


def create_app(
    policies: str,
    store: Store,
    *,
    open_access: bool = False,
    shadow: str | None = None,
    web: WebSettings | None = None,
    clock: Callable[[], dt.datetime] | None = None,
    oidc: OidcSettings | None = None,
) -> FastAPI:
    """The FastAPI application serving `policies` with `store` (and `clock`, tests' fixed time);
    with `oidc`, sign-in and bearer tokens from that provider too (never open then)."""
    app = FastAPI(
        title="govern",
        version="1.0",
        description="Policy-as-code for social-media governance: access decisions, draft checks, moderation.",
        docs_url=None,  # Swagger UI and ReDoc load scripts from a CDN; /openapi.json stays
        redoc_url=None,
    )
    app.router.route_class = BoundedJsonRoute  # before any route is added
    open_access = open_access and oidc is None  # a provider is configured: everyone signs in
    app.state.service = Service(policies, store, open_access=open_access, shadow=shadow, clock=clock)
    _errors(app)
    _middleware(app)
    app.add_middleware(
        Guard, is_open=lambda: bool(app.state.service.open_access), settings=web or WebSettings()
    )
    from govern.web.routes import add_pages

    add_pages(app)
    from govern.api.signin import add_signin

    add_signin(app, oidc)
    from govern.api.drafts_review import add_signoff
    from govern.web.drafts_pages import add_draft_pages

    add_signoff(app)
    add_draft_pages(app)
    from govern.api.moderation_team import router as moderation_team

    app.include_router(moderation_team())

    @app.post(
        "/v1/access/decisions",
        response_model=AccessDecision,
        tags=["access"],
        dependencies=[Depends(require("requester"))],
    )
    def decide(body: AccessRequest, request: Request) -> AccessDecision:
        service: Service = request.app.state.service
        return _decide(service, service.pack, body, _actor(request), service.now())

    @app.post(
        "/v1/access/decisions:batch",
        response_model=BatchResult,
        tags=["access"],
        dependencies=[Depends(require("requester"))],
    )
    def decide_batch(body: Batch, request: Request) -> BatchResult:
        if len(body.requests) > MAX_BATCH:
            raise ApiError(
                413, "too_large", f"a batch holds at most {MAX_BATCH} requests, not {len(body.requests)}"
            )
        service: Service = request.app.state.service
        pack = service.pack  # one pack for the whole batch, even if a reload happens meanwhile
        received_at = service.now()  # and one receive time
        items: list[BatchItem] = []
        entries = []
        for i, raw in enumerate(body.requests):
            try:
                decision, entry = _entry(
                    pack, AccessRequest.model_validate(raw), _actor(request), received_at
                )
            except RequestError as exc:
                items.append(BatchItem(index=i, error=error_body(exc)))
                continue
            except ValidationError as exc:
                error = RequestError(field_errors(exc), "access request")
                items.append(BatchItem(index=i, error=error_body(error)))
                continue
            items.append(BatchItem(index=i, decision=decision))
            entries.append(entry)
        service.store.append_all(entries)  # one transaction: all recorded, or none and a 503
        for item in items:
            if item.decision is not None:
                metrics.DECISIONS.labels(outcome=item.decision.decision).inc()
        return BatchResult(decisions=items)

    @app.get(
        "/v1/access/decisions/{decision_id}",
        response_model=AccessDecision,
        tags=["access"],
        dependencies=[Depends(require("requester"))],
    )
    def get_decision(decision_id: str, request: Request) -> dict[str, Any]:
        record = request.app.state.service.store.find("decision", decision_id)
        mine = record is not None and _actor(request) in (record.actor, _requester_of(record.input))
        if record is None or not (mine or _sees_everyone(request)):
            raise ApiError(404, "not_found", f"no decision {decision_id}")  # nor one of someone else's
        return record.result  # type: ignore[no-any-return]

    @app.get(
        "/v1/referrals",
        response_model=list[ReferralOut],
        tags=["referrals"],
        dependencies=[Depends(require("reviewer"))],
    )
    def list_referrals(
        request: Request, status: Literal["open", "approved", "rejected"] | None = "open"
    ) -> list[ReferralOut]:
        found = request.app.state.service.store.referrals(status)
        # issue 16: a reviewer with named review queues sees only theirs (govern.api.signin)
        return [ReferralOut(**vars(r)) for r in found if reviews_queue(request, r.refer_to)]

    @app.post(
        "/v1/referrals/{decision_id}/approve",
        response_model=ReferralOut,
        tags=["referrals"],
        dependencies=[Depends(require("reviewer"))],
    )
    def approve(decision_id: str, request: Request, body: Review | None = None) -> ReferralOut:
        return _review(request, decision_id, "approved", body.reason if body else None)

    @app.post(
        "/v1/referrals/{decision_id}/reject",
        response_model=ReferralOut,
        tags=["referrals"],
        dependencies=[Depends(require("reviewer"))],
    )
    def reject(decision_id: str, body: Review, request: Request) -> ReferralOut:
        if not body.reason:
            raise ApiError(
                422,
                "invalid_request",
                "a rejection needs a reason",
                [{"field": "reason", "message": "is required"}],
            )
        return _review(request, decision_id, "rejected", body.reason)

    @app.get(
        "/v1/grants",
        response_model=list[GrantOut],
        tags=["access"],
        dependencies=[Depends(require("requester"))],
    )
    def list_grants(
        request: Request,
        requester: str | None = None,
        site: str | None = None,
        include: Literal["expired"] | None = Query(default=None),
    ) -> list[GrantOut]:
        service: Service = request.app.state.service
        if requester is not None and (problem := name_problem(requester)):
            raise ApiError(
                422,
                "invalid_request",
                f"requester: the name {problem}",
                [{"field": "requester", "message": f"the name {problem}"}],
            )
        if not _sees_everyone(request):
            if requester not in (None, _actor(request)):
                raise ApiError(403, "forbidden", "a requester key sees only its own grants")
            requester = _actor(request)
        today = service.now().astimezone(service.pack.timezone).date()
        domain = service.pack.sites.resolve(site).domain if site else None
        found = service.store.grants(requester, domain, None if include == "expired" else today)
        return [GrantOut(**vars(g), current=bool(g.expires_on and g.expires_on >= today)) for g in found]

    @app.post(
        "/v1/drafts/checks",
        response_model=DraftVerdict,
        tags=["drafts"],
        dependencies=[Depends(require("requester"))],
    )
    async def check(request: Request) -> DraftVerdict:
        # Checking is CPU work: it runs in a worker thread so that the event loop (and /healthz)
        # keeps answering while a long text is checked.
        return await run_in_threadpool(check_body, request, await _json_body(request))

    def check_body(request: Request, body: Any) -> DraftVerdict:
        if isinstance(body, dict) and isinstance(body.get("text"), str) and len(body["text"]) > MAX_TEXT:
            raise ApiError(
                413, "too_large", f"a draft holds at most {MAX_TEXT:,} characters, not {len(body['text']):,}"
            )
        service: Service = request.app.state.service
        pack = service.pack
        verdict = pack.check(body)
        metrics.CHECKS.labels(verdict=verdict.verdict).inc()
        ref, answer = new_id(), verdict.model_dump(mode="json")
        service.compare("check", ref, answer, lambda shadow: shadow.check(body))
        service.store.append("check", ref, _actor(request), pack.ref.model_dump(), body, answer)
        return verdict

    @app.post(
        "/v1/comments/moderations",
        response_model=ModerationResult,
        tags=["moderation"],
        dependencies=[Depends(require("requester"))],
    )
    async def moderate(request: Request) -> ModerationResult:
        return await run_in_threadpool(moderate_body, request, await _json_body(request))

    def moderate_body(request: Request, body: Any) -> ModerationResult:
        if isinstance(body, dict) and isinstance(body.get("text"), str) and len(body["text"]) > MAX_TEXT:
            raise ApiError(413, "too_large", f"a comment holds at most {MAX_TEXT:,} characters")
        service: Service = request.app.state.service
        pack = service.pack
        comment = parse(Comment, body, "comment")
        if comment.comment_id and service.store.find("moderation", comment.comment_id) is not None:
            # Moderating it again would overwrite its action and drop a held comment from the queue.
            raise ApiError(409, "conflict", f"comment {comment.comment_id!r} was already moderated")
        received = service.now()
        posted = comment.posted_at or received
        if posted.tzinfo is None:
            posted = posted.replace(tzinfo=pack.timezone)
        if posted > received + CLOCK_SKEW:
            # A time in the future is the caller's claim: flooding's window and `respond_by` count
            # from the receive time, or "posted" 2030, 2040, 2050 would never repeat. The log keeps
            # what the caller said (the body as sent).
            posted = received
            comment = comment.model_copy(update={"posted_at": posted})
        recent = (
            service.store.recent_comments(comment.author.id, posted - pack.moderation.window)
            if comment.author.id
            else []
        )
        team = TeamDesk(service.store)  # strikes and targeting from the author's history
        result = pack.moderate(comment, recent, team.history(pack, comment, posted))
        metrics.MODERATIONS.labels(action=result.action).inc()
        ref, answer = comment.comment_id or new_id(), result.model_dump(mode="json")
        service.compare("moderation", ref, answer, lambda shadow: shadow.moderate(comment, recent))
        service.store.append("moderation", ref, _actor(request), pack.ref.model_dump(), body, answer)
        service.store.save_comment(
            ref,
            comment.author.id or "",
            comment.channel,
            comment.text,
            posted,
            result.action,
            result.retain_until,
        )
        team.after(pack, comment.model_copy(update={"comment_id": ref}), result, posted, _actor(request))
        return result

    @app.get("/v1/policies", response_model=PolicyOut, tags=["policies"])
    def policies_in_force(request: Request) -> PolicyOut:
        service: Service = request.app.state.service
        return service.policy_out(service.pack)

    @app.post(
        "/v1/policies/reload",
        response_model=ReloadOut,
        tags=["policies"],
        dependencies=[Depends(require("admin"))],
    )
    def reload(request: Request) -> ReloadOut:
        service: Service = request.app.state.service
        try:
            pack = service.reload()
        except PolicyError as exc:
            raise ApiError(
                422,
                "invalid_policy",
                "the new pack does not validate; the old one stays in force",
                [p.as_dict() for p in exc.problems],
            ) from None
        return ReloadOut(reloaded=True, policy=service.policy_out(pack))

    @app.get("/healthz", tags=["service"])
    def healthz(request: Request) -> dict[str, str]:
        pack = request.app.state.service.pack
        return {"status": "ok", "pack": pack.name, "version": pack.version, "digest": pack.digest}

    @app.get("/metrics", tags=["service"])
    def prometheus(request: Request) -> Response:
        service: Service = request.app.state.service
        day = dt.datetime.now(service.pack.timezone).date()
        soon = day + dt.timedelta(days=14)
        with contextlib.suppress(StoreUnavailable):
            metrics.EXPIRING.set(
                sum(1 for g in service.store.grants(today=day) if g.expires_on and g.expires_on <= soon)
            )
        body, content_type = metrics.render()
        return Response(body, media_type=content_type)

    return app


# --- helpers ------------------------------------------------------------------------------------


def _entry(
    pack: Pack, body: AccessRequest, actor: str, received_at: dt.datetime
) -> tuple[AccessDecision, Entry]:
    """Decide, and what to record: the log entry with its grant (permit) or referral (refer)."""
    decision = pack.decide(body, received_at=received_at)
    payload = body.model_dump(mode="json", exclude_none=True)
    grant = None
    if decision.decision == "permit":
        grant = Grant(
            grant_id=new_id(),
            decision_id=decision.decision_id,
            requester=body.requester.id,
            domain=decision.site.domain,
            category=decision.site.category,
            access=body.access,
            obligations=[o.id for o in decision.obligations],
            granted_at=received_at,
            expires_on=decision.expires_on,
        )
    entry = Entry(
        "decision",
        decision.decision_id,
        actor,
        pack.ref.model_dump(),
        payload,
        decision.model_dump(mode="json"),
        grant=grant,
        refer_to=decision.refer_to if decision.decision == "refer" else None,
    )
    return decision, entry


def _requester_of(request_body: dict[str, Any]) -> str | None:
    requester = request_body.get("requester")
    return requester.get("id") if isinstance(requester, dict) else None


def _decide(
    service: Service, pack: Pack, body: AccessRequest, actor: str, received_at: dt.datetime | None = None
) -> AccessDecision:
    started = time.perf_counter()
    received = received_at or service.now()
    decision, entry = _entry(pack, body, actor, received)
    service.store.append_all([entry])
    service.compare(
        "decision",
        decision.decision_id,
        entry.result,
        lambda shadow: shadow.decide(body, received_at=received),
    )
    metrics.DECISIONS.labels(outcome=decision.decision).inc()
    metrics.DECIDE_SECONDS.observe(time.perf_counter() - started)
    return decision


CLOCK_SKEW = dt.timedelta(minutes=5)  # how far ahead of the server's clock a caller's time may be

_NO_TERMS: dict[str, Any] = {"requester": "", "domain": "", "category": None, "access": ""}


def _review(request: Request, decision_id: str, status: str, reason: str | None) -> ReferralOut:
    """Close an open referral: its status, the grant (on approval) and the log record are written
    in one transaction. Nobody reviews a referral they asked for or submitted."""
    service: Service = request.app.state.service
    store = service.store
    reviewer = _actor(request)
    referral = store.referral(decision_id)
    if referral is None:
        raise ApiError(404, "not_found", f"no referral {decision_id}")
    if not reviews_queue(request, referral.refer_to):  # issue 16: only the queue's own reviewers
        raise ApiError(403, "forbidden", f"this referral is for the {referral.refer_to} queue, not yours")
    if referral.status != "open":
        raise ApiError(409, "conflict", f"referral {decision_id} is already {referral.status}")
    if status == "rejected" and not (reason or "").strip():
        raise ApiError(
            422,
            "invalid_request",
            "a rejection needs a reason",
            [{"field": "reason", "message": "is required"}],
        )
    logged = store.find("decision", decision_id)
    involved = {_requester_of(referral.request), logged.actor if logged else None}
    if reviewer != "anonymous" and reviewer in involved:  # open mode has no identities to compare
        raise ApiError(
            403,
            "forbidden",
            f"'{reviewer}' asked for or submitted this request, so cannot review it; another reviewer must",
        )
    now = service.now()
    grant = None
    if status == "approved":
        try:
            terms = grant_terms(referral.request, referral.decision)
        except (KeyError, TypeError, ValueError, AttributeError):
            terms = None  # a row edited out of shape: the store refuses it below
        # The store checks the row and these terms against the logged decision record.
        grant = Grant(grant_id=new_id(), decision_id=decision_id, granted_at=now, **(terms or _NO_TERMS))
    try:
        closed = store.close_referral(decision_id, status, reviewer, reason, grant=grant, decided_at=now)
    except KeyError:
        raise ApiError(404, "not_found", f"no referral {decision_id}") from None
    except ReferralNotOpen:  # another reviewer decided it meanwhile: nothing was written
        raise ApiError(409, "conflict", f"referral {decision_id} was decided meanwhile") from None
    except ReferralTampered as exc:  # logged by the store; nothing was written
        raise ApiError(409, "tampered", str(exc)) from None
    grant_id = grant.grant_id if grant else None
    return ReferralOut(**vars(closed), grant_id=grant_id)


async def _json_body(request: Request) -> Any:
    return loads(await request.body())  # a RequestError names what is wrong: 422


def _login_page(request: Request, exc: ApiError) -> Response:
    """A person in a browser gets a readable page asking for an API key, not JSON."""
    from html import escape

    from govern.api.signin import sign_in_choice
    from govern.web.csrf import csrf_field

    body = (
        '<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Sign in — govern</title>'
        '<link rel="stylesheet" href="/static/govern.css"></head><body><main id="main"><h1>Sign in</h1>'
        f'<div class="error" role="alert"><p>{escape(exc.message)}</p></div>{sign_in_choice(request)}'
        f'<form method="post" action="/login">{csrf_field(request)}<label for="key">Your API key</label>'
        '<input type="password" id="key" name="key" autocomplete="off"><button type="submit">Sign in</button>'
        "</form></main></body></html>"
    )
    metrics.ERRORS.labels(code=exc.code).inc()
    return Response(body, status_code=exc.status, media_type="text/html")


def _errors(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> Response:
        if exc.status in (401, 403) and "text/html" in request.headers.get("accept", ""):
            return _login_page(request, exc)
        return error_response(exc.status, exc.code, exc.message, exc.details)

    @app.exception_handler(RequestError)
    async def request_error(_: Request, exc: RequestError) -> JSONResponse:
        body = error_body(exc)
        return error_response(422, body["code"], body["message"], body["details"])

    @app.exception_handler(BadBody)
    async def bad_body(_: Request, exc: BadBody) -> JSONResponse:
        body = error_body(exc.error)
        return error_response(422, body["code"], body["message"], body["details"])

    @app.exception_handler(RequestValidationError)
    async def validation_error(_: Request, exc: RequestValidationError) -> JSONResponse:
        details = []
        for error in exc.errors():
            where = ".".join(str(p) for p in error["loc"] if p != "body")
            message = "unknown field" if error["type"] == "extra_forbidden" else str(error["msg"])
            details.append({"field": where, "message": message})
        summary = "; ".join(f"{d['field']}: {d['message']}" if d["field"] else d["message"] for d in details)
        return error_response(422, "invalid_request", f"invalid request: {summary}", details)

    @app.exception_handler(StoreUnavailable)
    async def unavailable(_: Request, exc: StoreUnavailable) -> JSONResponse:
        log.warning("store unavailable: %s", exc)
        response = error_response(
            503, "unavailable", "the database is unavailable; nothing was recorded, retry"
        )
        response.headers["Retry-After"] = "1"
        return response

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        return error_response(exc.status_code, code, str(exc.detail))

    @app.exception_handler(Exception)
    async def internal(_: Request, exc: Exception) -> JSONResponse:
        log.exception("internal error")
        return error_response(500, "internal", "internal error; it has been logged")


class Observe:
    """Pure ASGI middleware: the 8 MiB body limit and the latency histogram.

    (Starlette's @app.middleware("http") wraps every request in extra tasks and streams; doing
    this at the ASGI level costs a fraction of that.)
    """

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        for name, value in scope.get("headers", []):
            if name == b"content-length" and value.isdigit() and int(value) > 8 * 1024 * 1024:
                response = error_response(413, "too_large", "the request body is over 8 MiB")
                await response(scope, receive, send)
                return
        status = [500]

        async def sending(message: Any) -> None:
            if message["type"] == "http.response.start":
                status[0] = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, sending)
        finally:
            route = scope.get("route")
            metrics.LATENCY.labels(
                method=scope["method"], route=getattr(route, "path", "unmatched"), status=str(status[0])
            ).observe(time.perf_counter() - started)


def _middleware(app: FastAPI) -> None:
    app.add_middleware(Observe)
