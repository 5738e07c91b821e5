"""The one error shape, `{"error": {"code", "message", "details"}}`, and the handlers that give
every failure in it (a person in a browser asked for a key gets the sign-in page instead)."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from govern import metrics
from govern.api.bodies import BadBody
from govern.errors import Conflict, Forbidden, Invalid, NotFound, Refusal, RequestError, TooLarge, error_body
from govern.pack import field_errors
from govern.store.base import StoreUnavailable
from govern.web.templating import templates

log = logging.getLogger("govern.api")

# The HTTP status of each refusal the service raises.
STATUS: dict[type[Refusal], int] = {Invalid: 422, NotFound: 404, Conflict: 409, Forbidden: 403, TooLarge: 413}


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


def status_of(exc: Refusal) -> int:
    return next((status for kind, status in STATUS.items() if isinstance(exc, kind)), 400)


def login_page(request: Request, status: int, code: str, message: str) -> Response:
    """A person in a browser gets a readable page asking for an API key, not JSON."""
    metrics.ERRORS.labels(code=code).inc()
    from govern.api.signin import sign_in_choice  # the provider's link, when sign-in is configured

    context = {"message": message, "sign_in": sign_in_choice(request)}
    return templates.TemplateResponse(request, "login.html", context, status_code=status)


def _answer(request: Request, status: int, code: str, message: str, details: list[Any]) -> Response:
    if status in (401, 403) and "text/html" in request.headers.get("accept", ""):
        return login_page(request, status, code, message)
    return error_response(status, code, message, details)


def install(app: FastAPI) -> None:
    """Register the handlers that give every error in the one shape."""

    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> Response:
        return _answer(request, exc.status, exc.code, exc.message, exc.details)

    @app.exception_handler(Refusal)
    async def refused(request: Request, exc: Refusal) -> Response:
        return _answer(request, status_of(exc), exc.code, exc.message, exc.details)

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
        body = error_body(RequestError(field_errors(exc.errors()), "request"))  # worded as parse() words it
        return error_response(422, body["code"], body["message"], body["details"])

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
        code = {404: "not_found", 405: "method_not_allowed", 413: "too_large"}.get(
            exc.status_code, "http_error"
        )
        return error_response(exc.status_code, code, str(exc.detail))

    @app.exception_handler(Exception)
    async def internal(_: Request, exc: Exception) -> JSONResponse:
        log.exception("internal error")
        return error_response(500, "internal", "internal error; it has been logged")
