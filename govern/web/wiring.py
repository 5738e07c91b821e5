"""What the pages take from the application that serves them: its sign-in dependency and its
service. create_app hands these in, so the pages never import the API (and no import cycle)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from fastapi import Request

from govern.service import Caller, Service


@dataclass(frozen=True, slots=True)
class Wiring:
    """`require(role)`: a dependency giving the signed-in Caller (or refusing); `service`: a
    dependency giving the application service; `caller`: who signed in for this request."""

    require: Callable[[str], Callable[[Request], Awaitable[Caller]]]
    service: Callable[[Request], Service]
    caller: Callable[[Request], Caller]
