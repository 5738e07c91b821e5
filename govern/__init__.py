"""govern: policy-as-code for social-media governance in public-sector organisations.

The library's public names: load a pack, then ask it about access requests, drafts and comments.
Everything here is also in `__all__`, and a test keeps the two the same.
"""

from __future__ import annotations

from govern.access.models import AccessDecision, AccessRequest
from govern.contract import Finding, PolicyRef
from govern.drafts.models import Draft, DraftVerdict
from govern.errors import FieldError, GovernError, PolicyError, Problem, RequestError
from govern.moderation.models import Comment, ModerationResult, Outcome
from govern.pack import Pack, compile_pack, load_pack

__all__ = [
    "AccessDecision",
    "AccessRequest",
    "Comment",
    "Draft",
    "DraftVerdict",
    "FieldError",
    "Finding",
    "GovernError",
    "ModerationResult",
    "Outcome",
    "Pack",
    "PolicyError",
    "PolicyRef",
    "Problem",
    "RequestError",
    "compile_pack",
    "load_pack",
]
