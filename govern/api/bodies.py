"""Reading JSON bodies within govern.inputs' limits (depth, numbers, text), so a hostile body is a
422 naming the field, never a 500."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import HTTPException, Request, Response
from fastapi.routing import APIRoute

from govern.errors import RequestError
from govern.inputs import loads


class BadBody(HTTPException):
    """A body that is not JSON within the limits: FastAPI passes an HTTPException through as it is."""

    def __init__(self, error: RequestError) -> None:
        super().__init__(422, str(error))
        self.error = error


class BoundedRequest(Request):
    async def json(self) -> Any:
        if not hasattr(self, "_json"):
            try:
                self._json = loads(await self.body())
            except RequestError as exc:
                raise BadBody(exc) from None
        return self._json


class BoundedJsonRoute(APIRoute):
    """Routes whose JSON bodies are parsed by govern.inputs.loads instead of json.loads."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def bounded(request: Request) -> Response:
            return await handler(BoundedRequest(request.scope, request.receive))

        return bounded


async def json_body(request: Request) -> Any:
    """The body as JSON, for routes that take any document (a RequestError names what is wrong)."""
    return loads(await request.body())
