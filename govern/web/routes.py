"""The pages: draft checker, access request, review queue, moderation queue, policy view.

Each page posts a normal HTML form (it works without JavaScript) and calls the same code as the
API; the draft checker also checks as the officer types, through the API.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import quote

from fastapi import Depends, FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from pydantic import ValidationError

from govern.access.models import AccessRequest
from govern.drafts.models import Platform
from govern.errors import RequestError, error_body
from govern.ids import new_id
from govern.pack import Pack, field_errors
from govern.signoff.rates import acknowledgement_rates
from govern.store.base import Entry
from govern.web.csrf import csrf_field, verify_csrf
from govern.web.moderation_view import gentle, record_decision

HERE = Path(__file__).resolve().parent
templates = Jinja2Templates(directory=str(HERE / "templates"))
templates.env.globals["csrf_field"] = csrf_field
templates.env.filters["segment"] = lambda value: quote(str(value), safe="")  # one path segment
PLATFORMS = list(Platform.__args__)  # type: ignore[attr-defined]
APPROACHES = ["listen", "reflect", "converse", "experiment", "embed"]
templates.env.globals["gentle"] = gentle  # the moderation queue's blurred, masked text


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


def add_pages(app: FastAPI) -> None:
    from govern.api.app import _actor, require
    from govern.api.signin import reviews_queue

    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    def page(request: Request, name: str, title: str, active: str, **context: Any) -> HTMLResponse:
        status = context.pop("status", None)  # an explicit status (404, 409) for an error page
        return templates.TemplateResponse(
            request,
            name,
            {"title": title, "active": active, **context},
            status_code=status or (422 if context.get("error") else 200),
        )

    def service(request: Request) -> Any:
        return request.app.state.service

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
        svc = service(request)
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
        try:
            verdict = pack.check(draft)
        except RequestError as exc:
            return page(request, "draft.html", "Check a draft", "/", error=error_body(exc), **context)
        svc.store.append(
            "check", new_id(), _actor(request), pack.ref.model_dump(), draft, verdict.model_dump(mode="json")
        )
        return page(
            request,
            "draft.html",
            "Check a draft",
            "/",
            verdict=verdict,
            pieces=_pieces(str(draft["text"]), verdict.findings),
            **context,
        )

    def access_context(pack: Pack) -> dict[str, Any]:
        return {
            "approaches": pack.access.policy.approaches or {a: a for a in APPROACHES},
            "priorities": list(pack.access.priorities.values()),
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
            **access_context(pack),
        )

    @app.post(
        "/access",
        response_class=HTMLResponse,
        include_in_schema=False,
        dependencies=[Depends(require("requester")), Depends(verify_csrf)],
    )
    async def access_post(request: Request) -> HTMLResponse:
        from govern.api.app import _decide

        svc = service(request)
        pack: Pack = svc.pack
        raw = await request.form()
        form: dict[str, Any] = dict(raw)
        form["priorities"] = raw.getlist("priorities")

        def listed(name: str) -> list[str]:
            return [x.strip() for x in str(form.get(name, "")).split(",") if x.strip()]

        body: dict[str, Any] = {
            "requester": {
                "id": form.get("requester_id", ""),
                "department": form.get("department", ""),
                "employment": form.get("employment", "permanent"),
                "groups": listed("groups"),
                "training": [{"course": "social-media-essentials", "completed_on": form["training_on"]}]
                if form.get("training_on")
                else [],
            },
            "site": form.get("site", ""),
            "access": form.get("access", "read"),
            "approach": form.get("approach", "listen"),
            "business_case": {
                "purpose": form.get("purpose", ""),
                "priorities": form["priorities"],
                "drivers": listed("drivers"),
                "manager_approved": bool(form.get("manager_approved")),
                "moderation_plan": form.get("moderation_plan") or None,
            },
        }
        if form.get("duration_days"):
            body["business_case"]["duration_days"] = form["duration_days"]
        context = {"form": form, **access_context(pack)}
        try:
            parsed = AccessRequest.model_validate(body)
            decision = _decide(svc, pack, parsed, str(getattr(request.state, "actor", "anonymous")))
        except ValidationError as exc:
            error = error_body(RequestError(field_errors(exc), "access request"))
            return page(request, "access.html", "Request access", "/access", error=error, **context)
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
            referrals=[r for r in svc.store.referrals("open") if reviews_queue(request, r.refer_to)],
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
        from govern.api.app import ApiError, _review

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
            result = _review(request, decision_id, "approved" if outcome == "approve" else "rejected", reason)
        except ApiError as exc:
            return reviews_page(request, error={"message": exc.message, "details": exc.details})
        message = f"Approved: access granted (grant {result.grant_id})." if result.grant_id else "Rejected."
        return reviews_page(request, message=message)

    def moderation_page(
        request: Request, message: str | None = None, error: Any = None, status: int | None = None
    ) -> HTMLResponse:
        svc = service(request)
        held = []
        for comment in svc.store.comments("hold"):
            record = svc.store.find("moderation", comment["comment_id"])
            reasons = [r["rule"] for r in record.result.get("reasons", [])] if record else []
            held.append({**comment, "reasons": reasons})
        return page(
            request,
            "moderation.html",
            "Moderation queue",
            "/moderation",
            status=status,
            held=held,
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
        svc = service(request)
        form = await request.form()
        action = form.get("outcome")
        if action not in ("publish", "remove"):
            details = [{"field": "outcome", "message": "must be publish or remove"}]
            return moderation_page(
                request, error={"message": "Choose Publish or Remove.", "details": details}
            )
        actor = _actor(request)  # the signed-in key's name, as the API records it
        review = Entry(
            "review",
            comment_id,
            actor,
            svc.pack.ref.model_dump(),
            {"comment_id": comment_id},
            {"action": action},
        )
        if not svc.store.set_comment_action(comment_id, str(action), actor, only_from="hold", also=[review]):
            known = svc.store.find("moderation", comment_id) is not None
            message = (
                "That comment is no longer held: it was already published or removed."
                if known
                else "There is no such comment."
            )
            return moderation_page(request, error={"message": message}, status=409 if known else 404)
        record_decision(request, comment_id, str(action), str(form.get("reason") or ""), actor)
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
