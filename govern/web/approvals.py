"""The approvals page: a manager's open approval tasks, each approved or rejected (with a reason),
or handed to a named delegate; the same code as `POST /v1/approvals/{id}`."""

from __future__ import annotations

from typing import Any

from fastapi import Depends, FastAPI, Request
from fastapi.responses import HTMLResponse

from govern.errors import Refusal
from govern.identity.approvals import Action
from govern.people.http import decide_task, listed, principal
from govern.web.csrf import verify_csrf
from govern.web.templating import templates
from govern.web.wiring import Wiring

ACTIONS: dict[str, Action] = {"approve": "approve", "reject": "reject", "delegate": "delegate"}


def add_approval_pages(app: FastAPI, wiring: Wiring) -> None:
    require = wiring.require

    def approvals_page(
        request: Request, message: str | None = None, error: Any = None, status: int | None = None
    ) -> HTMLResponse:
        return templates.TemplateResponse(
            request,
            "approvals.html",
            {
                "title": "Approvals",
                "active": "/approvals",
                "tasks": listed(request, "open"),
                "caller": principal(request).id,
                "message": message,
                "error": error,
            },
            status_code=status or (422 if error else 200),
        )

    @app.get(
        "/approvals",
        response_class=HTMLResponse,
        include_in_schema=False,
        dependencies=[Depends(require("requester"))],
    )
    def approvals(request: Request) -> HTMLResponse:
        return approvals_page(request)

    @app.post(
        "/approvals/{approval_id}",
        response_class=HTMLResponse,
        include_in_schema=False,
        dependencies=[Depends(require("requester")), Depends(verify_csrf)],
    )
    async def decide(approval_id: str, request: Request) -> HTMLResponse:
        form = await request.form()
        action = ACTIONS.get(str(form.get("outcome")))
        reason = str(form.get("reason") or "").strip() or None
        if action is None:  # never an approval by default
            error = {
                "message": "Choose Approve, Reject or Hand to delegate.",
                "details": [{"field": "outcome", "message": "must be approve, reject or delegate"}],
            }
            return approvals_page(request, error=error)
        try:
            task = decide_task(request, approval_id, action, reason, str(form.get("delegate") or ""))
        except Refusal as exc:
            return approvals_page(
                request, error={"message": exc.message, "details": exc.details}, status=exc.status
            )
        if task.status == "open":
            return approvals_page(request, message=f"Handed to {task.delegate}; they can now decide it.")
        if task.status == "rejected":
            return approvals_page(request, message=f"Rejected; {task.requester} is told why.")
        outcome = task.outcome.get("decision", "decided")
        return approvals_page(request, message=f"Approved. The request was decided again: {outcome}.")
