"""govern: policy-as-code for social-media governance in public-sector organisations."""

from __future__ import annotations

from govern.access.models import AccessDecision, AccessRequest
from govern.errors import GovernError, PolicyError, Problem, RequestError
from govern.pack import Pack, load_pack

__all__ = [
    "AccessDecision",
    "AccessRequest",
    "GovernError",
    "Pack",
    "PolicyError",
    "Problem",
    "RequestError",
    "load_pack",
]
