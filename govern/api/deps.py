"""The dependencies routes declare: the application service."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from govern.service import Service


def get_service(request: Request) -> Service:
    """The service create_app made for this application."""
    service: Service = request.app.state.service
    return service


ServiceDep = Annotated[Service, Depends(get_service)]
