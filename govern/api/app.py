"""The application factory: the service, the error handlers, the middleware and the routers.

Everything a route does is in govern.service; the routes (govern.api.access, .checks, .policies,
.batches, .drafts_review, .moderation_team) and the pages (govern.web) only translate.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from fastapi import FastAPI

from govern.api import access, checks, errors
from govern.api import policies as policy_routes
from govern.api.auth import caller, require
from govern.api.bodies import BoundedJsonRoute
from govern.api.deps import get_service
from govern.api.drafts_review import add_signoff
from govern.api.identity import add_identity
from govern.api.middleware import Guard, Observe, WebSettings
from govern.api.moderation_team import PlatformSettings
from govern.api.moderation_team import router as moderation_team
from govern.api.scim import router as scim
from govern.api.signin import add_signin
from govern.identity.model import Directory
from govern.identity.settings import OidcSettings
from govern.service import Service
from govern.settings import Settings
from govern.store.base import Store
from govern.web.approvals import add_approval_pages
from govern.web.drafts_pages import add_draft_pages
from govern.web.routes import add_pages
from govern.web.wiring import Wiring

__all__ = ["Service", "create_app"]


def create_app(
    policies: str,
    store: Store,
    *,
    open_access: bool = False,
    shadow: str | None = None,
    web: WebSettings | None = None,
    clock: Callable[[], dt.datetime] | None = None,
    settings: Settings | None = None,
    directory: Directory | None = None,
    oidc: OidcSettings | None = None,
) -> FastAPI:
    """The FastAPI application serving `policies` with `store` (and `clock`, tests' fixed time).

    `settings` (read once by the caller) supply the web front's host names and proxy trust when
    `web` is not given, and the platforms' webhook secret; without them, the environment is read.
    """
    if web is None and settings is not None:
        web = WebSettings.of(settings.hosts, trust_forwarded_proto=settings.trust_proxy)
    app = FastAPI(
        title="govern",
        version="1.0",
        description="Policy-as-code for social-media governance: access decisions, draft checks, moderation.",
        docs_url=None,  # Swagger UI and ReDoc load scripts from a CDN; /openapi.json stays
        redoc_url=None,
    )
    app.router.route_class = BoundedJsonRoute  # before any route is added
    open_access = open_access and oidc is None  # a provider is configured: everyone signs in
    service = Service(policies, store, open_access=open_access, shadow=shadow, clock=clock)
    app.state.service = service
    errors.install(app)
    app.add_middleware(Observe)
    app.add_middleware(Guard, is_open=lambda: service.open_access, settings=web or WebSettings())
    # The busiest routes first: a request is matched against the routes in the order they were
    # added, and an access decision should not be tried against sixty page and SCIM paths first.
    for router in (access.router, checks.router, policy_routes.router):
        app.include_router(router)
    wiring = Wiring(require=require, service=get_service, caller=caller)
    add_pages(app, wiring)
    add_signin(app, oidc)  # sign-in and bearer tokens from the council's provider: issue 16
    add_signoff(app)
    add_draft_pages(app, wiring)
    app.include_router(moderation_team(PlatformSettings.of(settings) if settings is not None else None))
    add_identity(app, directory)  # the directory (SCIM), training records and approvals: issue 16
    add_approval_pages(app, wiring)
    app.include_router(scim())
    return app
