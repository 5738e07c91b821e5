"""The sign-off pages: /drafts for authors (send, follow, resubmit) and reviewers (the queues),
/drafts/{id} with every version, its diff and the approve / ask for changes / reject forms.

Plain HTML forms (no JavaScript needed) over the same service as the API (govern.signoff).
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import quote

from fastapi import Depends, FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from govern.clock import local_moment
from govern.errors import RequestError, error_body
from govern.signoff import ReviewItem, Signoff, SignoffError
from govern.signoff.model import PENDING
from govern.web.csrf import verify_csrf
from govern.web.routes import PLATFORMS
from govern.web.templating import templates
from govern.web.wiring import Wiring

ACTIONS = {"approve", "reject", "changes", "versions", "comments"}
DONE = {
    "sent": "Sent for sign-off.",
    "approve": "Approved: the draft may be published.",
    "reject": "Rejected.",
    "changes": "Changes asked for: the author has been told why.",
    "versions": "Your new version is waiting for sign-off.",
    "comments": "Comment added.",
}


def _diff_lines(diff: str) -> list[tuple[str, str]]:
    """(class, line) for showing a unified diff: added, removed, or context lines."""
    out = []
    for line in diff.splitlines():
        if line.startswith(("+++", "---", "@@")):
            out.append(("meta", line))
        elif line.startswith("+"):
            out.append(("added", line))
        elif line.startswith("-"):
            out.append(("removed", line))
        else:
            out.append(("same", line))
    return out


def add_draft_pages(app: FastAPI, wiring: Wiring) -> None:
    """The sign-off pages on `app`."""
    require = wiring.require

    def _actor(request: Request) -> str:
        return wiring.caller(request).name

    def signoff(request: Request) -> Signoff:
        service: Signoff = request.app.state.signoff
        return service

    def reviewer(request: Request) -> bool:
        return wiring.caller(request).sees_everyone

    def page(request: Request, name: str, title: str, status: int = 200, **context: Any) -> HTMLResponse:
        return templates.TemplateResponse(
            request, name, {"title": title, "active": "/drafts", **context}, status_code=status
        )

    def listing(
        request: Request, error: Any = None, form: dict[str, Any] | None = None, status: int = 200
    ) -> HTMLResponse:
        service = signoff(request)
        actor = _actor(request)
        queue = request.query_params.get("queue") or None
        waiting = (
            [i for i in service.find(queue=queue) if i.status == "open" and i.author != actor]
            if reviewer(request)
            else []
        )
        return page(
            request,
            "drafts.html",
            "Drafts for sign-off",
            status=status,
            mine=list(reversed(service.find(author=actor))),
            waiting=waiting,
            is_reviewer=reviewer(request),
            queue=queue,
            platforms=PLATFORMS,
            form=form or {"platform": "x"},
            error=error,
            message=DONE.get(request.query_params.get("done", "")),
        )

    def detail(request: Request, item: ReviewItem, error: Any = None, status: int = 200) -> HTMLResponse:
        actor = _actor(request)
        return page(
            request,
            "draft_review.html",
            f"Draft for sign-off ({item.queue})",
            status=status,
            item=item,
            diffs={v.number: _diff_lines(v.diff) for v in item.versions},
            can_review=reviewer(request) and actor != item.author and item.status in PENDING,
            can_approve=item.status == "open" and item.latest.verdict.get("verdict") != "block",
            can_resubmit=actor == item.author and item.status in PENDING,
            error=error,
            message=DONE.get(request.query_params.get("done", "")),
        )

    @app.get(
        "/drafts",
        response_class=HTMLResponse,
        include_in_schema=False,
        dependencies=[Depends(require("requester"))],
    )
    def drafts(request: Request) -> HTMLResponse:
        return listing(request)

    @app.post(
        "/drafts",
        response_class=HTMLResponse,
        include_in_schema=False,
        dependencies=[Depends(require("requester")), Depends(verify_csrf)],
    )
    async def send(request: Request) -> Response:
        form = {k: str(v) for k, v in (await request.form()).items()}
        draft = {"text": form.get("text", ""), "platform": form.get("platform", "x")}
        service = wiring.service(request)
        try:
            scheduled = _scheduled(form.get("scheduled_at", ""), service.pack.timezone)
            item = signoff(request).submit(
                service.pack, _actor(request), draft, scheduled, form.get("note") or None
            )
        except RequestError as exc:
            return listing(request, error=error_body(exc), form=form, status=422)
        except SignoffError as exc:
            return listing(
                request, error={"message": exc.message, "details": exc.details}, form=form, status=exc.status
            )
        return RedirectResponse(f"/drafts/{quote(item.id)}?done=sent", status_code=303)

    @app.get(
        "/drafts/{item_id}",
        response_class=HTMLResponse,
        include_in_schema=False,
        dependencies=[Depends(require("requester"))],
    )
    def one(item_id: str, request: Request) -> HTMLResponse:
        try:
            item = signoff(request).get(item_id)
            if not reviewer(request) and item.author != _actor(request):
                raise SignoffError(404, "not_found", f"no review {item_id}")
        except SignoffError as exc:
            return listing(request, error={"message": exc.message, "details": exc.details}, status=exc.status)
        return detail(request, item)

    @app.post(
        "/drafts/{item_id}/{action}",
        response_class=HTMLResponse,
        include_in_schema=False,
        dependencies=[Depends(require("requester")), Depends(verify_csrf)],
    )
    async def act(item_id: str, action: str, request: Request) -> Response:
        service, actor = signoff(request), _actor(request)
        form = {k: str(v) for k, v in (await request.form()).items()}
        reason = form.get("reason", "").strip() or None
        try:
            if action not in ACTIONS:
                raise SignoffError(404, "not_found", f"no such step: {action}")
            if action in ("approve", "reject", "changes") and not reviewer(request):
                raise SignoffError(403, "forbidden", "this needs the reviewer role")
            if action == "approve":
                service.approve(item_id, actor, reason)
            elif action == "reject":
                service.reject(item_id, actor, reason)
            elif action == "changes":
                service.request_changes(item_id, actor, reason)
            elif action == "versions":
                draft = {"text": form.get("text", ""), "platform": form.get("platform") or "x"}
                service.resubmit(
                    wiring.service(request).pack, item_id, actor, draft, form.get("note") or None
                )
            else:
                service.comment(item_id, actor, form.get("text"))
        except (SignoffError, RequestError) as exc:
            error = (
                {"message": exc.message, "details": exc.details}
                if isinstance(exc, SignoffError)
                else error_body(exc)
            )
            status = exc.status if isinstance(exc, SignoffError) else 422
            try:
                return detail(request, service.get(item_id), error=error, status=status)
            except SignoffError:
                return listing(request, error=error, status=status)
        return RedirectResponse(f"/drafts/{quote(item_id)}?done={action}", status_code=303)


def _scheduled(text: str, zone: dt.tzinfo) -> dt.datetime | None:
    """The form's local date and time (datetime-local), in the pack's zone; blank for none."""
    if not text.strip():
        return None
    try:
        moment = dt.datetime.fromisoformat(text.strip())
    except ValueError:
        raise SignoffError(
            422,
            "invalid_request",
            "the scheduled time is not a date and time",
            [{"field": "scheduled_at", "message": "is not a date and time"}],
        ) from None
    return local_moment(moment, zone)


__all__ = ["add_draft_pages"]
