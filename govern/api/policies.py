"""The pack in force and its reload, health and metrics."""

from __future__ import annotations

import contextlib
import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Depends, Response

from govern import metrics
from govern.api.auth import require
from govern.api.bodies import BoundedJsonRoute
from govern.api.deps import ServiceDep
from govern.api.errors import ApiError
from govern.api.schemas import PolicyOut, ReloadOut
from govern.errors import PolicyError
from govern.service import Caller
from govern.store.base import StoreUnavailable

router = APIRouter(route_class=BoundedJsonRoute)


@router.get("/v1/policies", response_model=PolicyOut, tags=["policies"])
def policies_in_force(service: ServiceDep) -> PolicyOut:
    return PolicyOut.of(service.pack, service.loaded_at)


@router.post("/v1/policies/reload", response_model=ReloadOut, tags=["policies"])
def reload(service: ServiceDep, _: Annotated[Caller, Depends(require("admin"))]) -> ReloadOut:
    try:
        pack = service.reload()
    except PolicyError as exc:
        raise ApiError(
            422,
            "invalid_policy",
            "the new pack does not validate; the old one stays in force",
            [p.as_dict() for p in exc.problems],
        ) from None
    return ReloadOut(reloaded=True, policy=PolicyOut.of(pack, service.loaded_at))


@router.get("/healthz", tags=["service"])
def healthz(service: ServiceDep) -> dict[str, str]:
    pack = service.pack
    return {"status": "ok", "pack": pack.name, "version": pack.version, "digest": pack.digest}


@router.get("/metrics", tags=["service"])
def prometheus(service: ServiceDep) -> Response:
    day = dt.datetime.now(service.pack.timezone).date()
    soon = day + dt.timedelta(days=14)
    with contextlib.suppress(StoreUnavailable):
        metrics.EXPIRING.set(
            sum(1 for g in service.store.grants(today=day) if g.expires_on and g.expires_on <= soon)
        )
    body, content_type = metrics.render()
    return Response(body, media_type=content_type)
