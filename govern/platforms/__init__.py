"""Platform payloads: comments as Meta, YouTube and X send them, and answers in their terms.

Each adapter reads a platform's own payload into govern comments (`incoming`), and turns a
moderation result's actions into the calls the council's integration makes (`calls`). govern
never calls a platform itself.
"""

from __future__ import annotations

from govern.platforms.base import Adapter, Incoming, PlatformCall
from govern.platforms.facebook import FACEBOOK
from govern.platforms.x import X
from govern.platforms.youtube import YOUTUBE

ADAPTERS: dict[str, Adapter] = {"facebook": FACEBOOK, "youtube": YOUTUBE, "x": X}

__all__ = ["ADAPTERS", "Adapter", "Incoming", "PlatformCall"]
