"""The service's state: the pack in force (swapped atomically on reload), an optional shadow pack,
the store and the clock, with the comparison of live and shadow answers.

Framework-free: the API, the pages and the CLI reach it through `govern.service.Service`.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from govern import metrics
from govern.errors import Location, PolicyError, Problem
from govern.pack import AREAS, Pack, load_pack, outcome
from govern.sandbox import load_untrusted
from govern.store.base import Store, StoreUnavailable

log = logging.getLogger("govern.api")

Clock = Callable[[], dt.datetime]


@dataclass(frozen=True, slots=True)
class Caller:
    """Who asks: the name their key (or sign-in) carries and its role."""

    name: str
    role: str

    @property
    def sees_everyone(self) -> bool:
        """Reviewers and admins see every decision and grant; a requester only their own."""
        return self.role in ("reviewer", "admin")


ANONYMOUS = Caller("anonymous", "requester")


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Core:
    """What every use case shares: the pack in force, the shadow pack, the store and the clock."""

    # While running open (no keys, loopback), how often the store is asked whether a key now exists.
    KEYS_RECHECK_SECONDS = 1.0

    def __init__(
        self,
        policies: str,
        store: Store,
        *,
        open_access: bool,
        shadow: str | None = None,
        clock: Clock | None = None,
    ) -> None:
        self.policies = policies
        self.now: Clock = clock or utc_now  # the service's clock: receive times
        self.store = store
        self._open_checked = 0.0
        self._open = open_access and not store.keys()
        self.pack: Pack = load_pack(policies)
        self.shadow: Pack | None = load_pack(shadow) if shadow else None
        self.loaded_at = utc_now()
        self._reload_lock = threading.Lock()

    @property
    def open_access(self) -> bool:
        """Open (no key needed) only while the store holds no key at all; the first key created
        closes the service for good, whoever created it and however (`govern keys create`)."""
        if self._open and time.monotonic() - self._open_checked >= self.KEYS_RECHECK_SECONDS:
            try:
                self._open = not self.store.keys()
            except StoreUnavailable:  # asked again next time; meanwhile every write answers 503
                return self._open
            self._open_checked = time.monotonic()
        return self._open

    def reload(self) -> Pack:
        """Load the pack again; a pack that does not validate raises and the old one stays."""
        with self._reload_lock:
            try:
                pack = load_untrusted(self.policies)  # checked in a child process first
            except PolicyError:
                metrics.RELOADS.labels(result="refused").inc()
                raise
            except Exception as exc:  # whatever goes wrong, the old pack stays in force
                metrics.RELOADS.labels(result="refused").inc()
                log.exception("reloading %s failed", self.policies)
                message = f"loading the pack failed ({type(exc).__name__}); the old one stays in force"
                raise PolicyError([Problem(Location(self.policies), "G120", message)]) from None
            self.pack, self.loaded_at = pack, utc_now()  # one assignment: atomic
            metrics.RELOADS.labels(result="loaded").inc()
            return pack

    def compare(self, kind: str, ref: str, live: dict[str, Any], ask: Callable[[Pack], BaseModel]) -> None:
        """Ask the shadow pack too; count and log any difference. Only the live answer is returned."""
        if self.shadow is None:
            return
        mine = outcome(kind, live)
        try:
            theirs = outcome(kind, ask(self.shadow).model_dump(mode="json"))
        except Exception as exc:  # a shadow must never break the live answer
            theirs = ("error", [str(exc)])
        if theirs != mine:
            metrics.SHADOW.labels(area=AREAS[kind]).inc()
            log.info(
                json.dumps(
                    {
                        "shadow": self.shadow.ref.model_dump(),
                        "area": AREAS[kind],
                        "ref": ref,
                        "live": {"outcome": mine[0], "rules": mine[1]},
                        "shadow_answer": {"outcome": theirs[0], "rules": theirs[1]},
                    }
                )
            )

    def today(self) -> dt.date:
        """Today in the pack's time zone, by the service's clock."""
        return self.now().astimezone(self.pack.timezone).date()
