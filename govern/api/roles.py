"""The roles a caller can hold and what each may do: one table for API keys, sign-in sessions and
bearer tokens alike."""

from __future__ import annotations

ROLES = ("requester", "reviewer", "admin")  # each role may do what the ones before it may
# Roles off the ladder (issue 16): `intake` is a requester that may also state another person's
# facts; `provisioning` does SCIM and nothing else. They are admitted only where named here.
POWERS = {"intake": ("requester", "intake"), "admin": ("intake",), "provisioning": ("provisioning",)}


def may(has: str, needs: str) -> bool:
    """Whether a caller with role `has` may do what needs role `needs`: up the ladder, or a power."""
    if has in ROLES and needs in ROLES:
        return ROLES.index(has) >= ROLES.index(needs)
    return needs in POWERS.get(has, ())
