"""The pages: draft checker, access request, review queue, moderation queue, policy view.

Each page posts a normal HTML form (it works without JavaScript) and calls the same code as the
API; the draft checker also checks as the officer types, through the API.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from typing import Any

from fastapi import Depends, FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles

from govern.drafts.models import Platform
from govern.errors import Conflict, NotFound, Refusal, RequestError, error_body
from govern.pack import Pack
from govern.people.http import decide_access, principal
from govern.service import Service
from govern.service.comments import Verdict
from govern.signoff.rates import acknowledgement_rates
from govern.web.csrf import verify_csrf
from govern.web.templating import HERE, templates
from govern.web.wiring import Wiring

PLATFORMS = list(Platform.__args__)  # type: ignore[attr-defined]
APPROACHES = ["listen", "reflect", "converse", "experiment", "embed"]


def _limits(pack: Pack) -> dict[str, int]:
    for compiled in pack.drafts.checker.rules:
        for _, detector, _ in compiled.match:
            limits = getattr(detector, "limits", None)
            if isinstance(limits, dict):
                return limits
    return {}


def _pieces(text: str, findings: list[Any]) -> list[tuple[str, Any]]:
    """The text cut into plain pieces and marked pieces, for the no-JavaScript page."""
    out: list[tuple[str, Any]] = []
    at = 0
    for f in findings:
        if f.end <= f.start or f.start < at:
            continue
        out += [(text[at : f.start], None), (text[f.start : f.end], f)]
        at = f.end
    out.append((text[at:], None))
    return out


def covered_rules(pack: Pack) -> set[str]:
    """Rules a Gherkin scenario names (by id, or by reference at the start of its title)."""
    places = [pack.raw.root / "features", pack.raw.root.parent.parent / "features"]
    text = "\n".join(
        p.read_text(encoding="utf-8") for d in places if d.is_dir() for p in d.rglob("*.feature")
    )
    covered = set()
    for rule in pack.rules():
        titled = rule["ref"] and re.search(rf"Scenario: {re.escape(rule['ref'])} ", text)
        if titled or f'"{rule["id"]}"' in text:
            covered.add(rule["id"])
    return covered


def add_pages(app: FastAPI, wiring: Wiring) -> None:
    """Mount the static files and the pages on `app`."""
    require = wiring.require

    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    def page(request: Request, name: str, title: str, active: str, **context: Any) -> HTMLResponse:
        status = context.pop("status", None)  # an explicit status (404, 409) for an error page
        return templates.TemplateResponse(
            request,
            name,
            {"title": title, "active": active, **context},
            status_code=status or (422 if context.get("error") else 200),
        )

    def service(request: Request) -> Service:
        return wiring.service(request)

    @app.get(
        "/",
        response_class=HTMLResponse,
        include_in_schema=False,
        dependencies=[Depends(require("requester"))],
    )
    def draft_page(request: Request) -> HTMLResponse:
        pack = service(request).pack
        return page(
            request,
            "draft.html",
            "Check a draft",
            "/",
            form={"platform": "x", "account": "corporate"},
            platforms=PLATFORMS,
            approaches=APPROACHES,
            limits_json=json.dumps(_limits(pack)),
        )

    @app.post(
        "/",
        response_class=HTMLResponse,
        include_in_schema=False,
        dependencies=[Depends(require("requester")), Depends(verify_csrf)],
    )
    async def draft_post(request: Request) -> HTMLResponse:
        svc, caller = service(request), wiring.caller(request)
        pack: Pack = svc.pack
        form = dict(await request.form())
        draft: dict[str, Any] = {
            "text": form.get("text", ""),
            "platform": form.get("platform", "x"),
            "account": form.get("account", "corporate"),
        }
        if str(form.get("in_reply_to", "")).strip():
            draft["in_reply_to"] = form["in_reply_to"]
        if form.get("posted_at"):
            draft["posted_at"] = form["posted_at"]
        if form.get("approach"):
            draft["author"] = {"approach": form["approach"]}
        if form.get("has_image"):
            draft["has_image"] = True
            draft["alt_text"] = form.get("alt_text") or None
        context = {
            "form": form,
            "platforms": PLATFORMS,
            "approaches": APPROACHES,
            "limits_json": json.dumps(_limits(pack)),
        }
        try:  # the same path as the API's: metrics, shadow comparison and the log
            verdict = svc.check(draft, caller.name)
        except (RequestError, Refusal) as exc:
            return page(request, "draft.html", "Check a draft", "/", error=error_body(exc), **context)
        return page(
            request,
            "draft.html",
            "Check a draft",
            "/",
            verdict=verdict,
            pieces=_pieces(str(draft["text"]), verdict.findings),
            **context,
        )

    def access_context(pack: Pack, request: Request) -> dict[str, Any]:
        from govern.identity.facts import trusted

        caller = principal(request)
        return {
            "approaches": pack.access.policy.approaches or {a: a for a in APPROACHES},
            "priorities": list(pack.access.priorities.values()),
            "trusted": trusted(caller),  # only a trusted client states the requester's facts
            "caller": caller.id,
        }

    @app.get(
        "/access",
        response_class=HTMLResponse,
        include_in_schema=False,
        dependencies=[Depends(require("requester"))],
    )
    def access_page(request: Request) -> HTMLResponse:
        pack = service(request).pack
        return page(
            request,
            "access.html",
            "Request access",
            "/access",
            form={"priorities": []},
            **access_context(pack, request),
        )

    @app.post(
        "/access",
        response_class=HTMLResponse,
        include_in_schema=False,
        dependencies=[Depends(require("requester")), Depends(verify_csrf)],
    )
    async def access_post(request: Request) -> HTMLResponse:
        svc = service(request)
        pack: Pack = svc.pack
        raw = await request.form()
        form: dict[str, Any] = dict(raw)
        form["priorities"] = raw.getlist("priorities")

        def listed(name: str) -> list[str]:
            return [x.strip() for x in str(form.get(name, "")).split(",") if x.strip()]

        context = {"form": form, **access_context(pack, request)}
        # issue 16 (facts): a requester states only the business case; its facts come from their
        # sources. Only a trusted client (intake, admin) states who it is for and their facts.
        requester: dict[str, Any] = {}
        if context["trusted"]:  # what it leaves empty is read from the directory and the records
            stated = {
                "id": form.get("requester_id", ""),
                "department": form.get("department", ""),
                "employment": form.get("employment", ""),
                "groups": listed("groups"),
                "training": [{"course": "social-media-essentials", "completed_on": form["training_on"]}]
                if form.get("training_on")
                else [],
            }
            requester = {k: v for k, v in stated.items() if v or k == "id"}
        body: dict[str, Any] = {
            "requester": requester,
            "site": form.get("site", ""),
            "access": form.get("access", "read"),
            "approach": form.get("approach", "listen"),
            "business_case": {
                "purpose": form.get("purpose", ""),
                "priorities": form["priorities"],
                "drivers": listed("drivers"),
                "moderation_plan": form.get("moderation_plan") or None,
            },
        }
        if context["trusted"] and form.get("manager_approved"):
            body["business_case"]["manager_approved"] = True
        if form.get("duration_days"):
            body["business_case"]["duration_days"] = form["duration_days"]
        try:
            decision = decide_access(request, body)
        except Refusal as exc:  # a refused fact or person: the same words as the API
            error = {"message": exc.message, "details": exc.details}
            return page(
                request, "access.html", "Request access", "/access", error=error, status=exc.status, **context
            )
        except RequestError as exc:
            return page(request, "access.html", "Request access", "/access", error=error_body(exc), **context)
        return page(request, "access.html", "Request access", "/access", decision=decision, **context)

    def reviews_page(request: Request, message: str | None = None, error: Any = None) -> HTMLResponse:
        svc = service(request)
        today = dt.datetime.now(svc.pack.timezone).date()
        return page(
            request,
            "reviews.html",
            "Review queue",
            "/reviews",
            # issue 16: a reviewer with named review queues sees only theirs (govern.api.signin)
            referrals=[r for r in svc.store.referrals("open") if principal(request).reviews(r.refer_to)],
            grants=svc.store.grants(today=today),
            message=message,
            error=error,
        )

    @app.get(
        "/reviews",
        response_class=HTMLResponse,
        include_in_schema=False,
        dependencies=[Depends(require("reviewer"))],
    )
    def reviews(request: Request) -> HTMLResponse:
        return reviews_page(request)

    @app.post(
        "/reviews/{decision_id}",
        response_class=HTMLResponse,
        include_in_schema=False,
        dependencies=[Depends(require("reviewer")), Depends(verify_csrf)],
    )
    async def review(decision_id: str, request: Request) -> Response:
        svc, caller = service(request), wiring.caller(request)
        form = await request.form()
        outcome, reason = form.get("outcome"), str(form.get("reason") or "").strip() or None
        if outcome not in ("approve", "reject"):  # never a rejection by default
            error = {
                "message": "Choose Approve or Reject.",
                "details": [{"field": "outcome", "message": "must be approve or reject"}],
            }
            return reviews_page(request, error=error)
        if outcome == "reject" and not reason:
            error = {
                "message": "A rejection needs a reason.",
                "details": [{"field": "reason", "message": "is required"}],
            }
            return reviews_page(request, error=error)
        try:
            result = svc.review_referral(
                decision_id, "approved" if outcome == "approve" else "rejected", reason, caller.name
            )
        except Refusal as exc:
            return reviews_page(request, error={"message": exc.message, "details": exc.details})
        grant = result.grant
        message = f"Approved: access granted (grant {grant.grant_id})." if grant else "Rejected."
        return reviews_page(request, message=message)

    def moderation_page(
        request: Request, message: str | None = None, error: Any = None, status: int | None = None
    ) -> HTMLResponse:
        return page(
            request,
            "moderation.html",
            "Moderation queue",
            "/moderation",
            status=status,
            held=service(request).held(),
            message=message,
            error=error,
        )

    @app.get(
        "/moderation",
        response_class=HTMLResponse,
        include_in_schema=False,
        dependencies=[Depends(require("reviewer"))],
    )
    def moderation(request: Request) -> HTMLResponse:
        return moderation_page(request)

    @app.post(
        "/moderation/{comment_id:path}",  # the whole rest of the path: an id with '/' is still one id
        response_class=HTMLResponse,
        include_in_schema=False,
        dependencies=[Depends(require("reviewer")), Depends(verify_csrf)],
    )
    async def moderate(comment_id: str, request: Request) -> HTMLResponse:
        svc, caller = service(request), wiring.caller(request)
        form = await request.form()
        action = form.get("outcome")
        if action != "publish" and action != "remove":
            details = [{"field": "outcome", "message": "must be publish or remove"}]
            return moderation_page(
                request, error={"message": "Choose Publish or Remove.", "details": details}
            )
        try:
            verdict: Verdict = "publish" if action == "publish" else "remove"
            svc.review_comment(comment_id, verdict, str(form.get("reason") or ""), caller.name)
        except NotFound:
            return moderation_page(request, error={"message": "There is no such comment."}, status=404)
        except Conflict:
            message = "That comment is no longer held: it was already published or removed."
            return moderation_page(request, error={"message": message}, status=409)
        return moderation_page(
            request, message=f"The comment was {'published' if action == 'publish' else 'removed'}."
        )

    @app.get("/policy", response_class=HTMLResponse, include_in_schema=False)
    def policy(request: Request) -> HTMLResponse:
        svc = service(request)
        pack: Pack = svc.pack
        since = dt.datetime.now(dt.UTC) - dt.timedelta(days=30)
        counts: Counter[str] = Counter()
        records = svc.store.log(since=since)
        for record in records:
            for key in ("reasons", "findings"):
                for item in record.result.get(key, []) or []:
                    if isinstance(item, dict) and "rule" in item:
                        counts[item["rule"]] += 1
        rules = pack.rules()
        areas = [
            (area.capitalize(), [r for r in rules if r["area"] == area])
            for area in ("access", "drafts", "moderation")
        ]
        return page(
            request,
            "policy.html",
            "Policy in force",
            "/policy",
            pack=pack,
            areas=areas,
            covered=covered_rules(pack),
            counts=counts,
            acknowledged=acknowledgement_rates(records, request.app.state.signoff.acknowledged(since)),
        )

    @app.post("/login", include_in_schema=False, dependencies=[Depends(verify_csrf)])
    async def login(request: Request) -> RedirectResponse:
        """Keep the API key in an HTTP-only cookie (posted, so it is never in a URL or a log)."""
        form = await request.form()
        target = str(form.get("next") or "/")
        if not target.startswith("/") or target.startswith("//"):
            target = "/"  # only pages of this site: no open redirect
        response = RedirectResponse(target, status_code=303)
        response.set_cookie(
            "govern_key",
            str(form.get("key", "")),
            httponly=True,
            samesite="strict",
            secure=request.url.scheme == "https",
        )
        return response


__all__ = ["add_pages"]
