"""Draft checks, one or a batch: checked with the pack in force, counted, compared with the
shadow pack and recorded. The API and the draft page both come here."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from govern import metrics
from govern.drafts.models import DraftVerdict
from govern.errors import RequestError
from govern.ids import new_id
from govern.pack import Pack
from govern.service.core import Core
from govern.service.items import Item, oversize, too_many
from govern.store.base import Entry


def check(core: Core, draft: Any, actor: str) -> DraftVerdict:
    """Check one draft (TooLarge over the text limit, RequestError when it is not a draft)."""
    too_large = oversize(draft, "draft")
    if too_large is not None:
        raise too_large
    pack = core.pack
    verdict = pack.check(draft)
    metrics.CHECKS.labels(verdict=verdict.verdict).inc()
    ref, answer = new_id(), verdict.model_dump(mode="json")
    core.compare("check", ref, answer, lambda shadow: shadow.check(draft))
    core.store.append("check", ref, actor, pack.ref.model_dump(), draft, answer)
    return verdict


def _asking(draft: Any) -> Callable[[Pack], DraftVerdict]:
    """The question for the shadow pack (bound to this draft, not the loop's last one)."""
    return lambda shadow: shadow.check(draft)


def check_batch(core: Core, drafts: Sequence[Any], actor: str) -> list[Item[DraftVerdict]]:
    """Check up to MAX_BATCH drafts with one pack, recorded in one transaction; answers in order,
    a bad draft an error in its place."""
    too_many(len(drafts), "drafts")
    pack = core.pack
    items: list[Item[DraftVerdict]] = []
    entries: list[Entry] = []
    for index, draft in enumerate(drafts):
        too_large = oversize(draft, "draft")
        if too_large is not None:
            items.append(Item(index, error=too_large))
            continue
        try:
            verdict = pack.check(draft)
        except RequestError as exc:
            items.append(Item(index, error=exc))
            continue
        ref, answer = new_id(), verdict.model_dump(mode="json")
        core.compare("check", ref, answer, _asking(draft))
        items.append(Item(index, result=verdict))
        entries.append(Entry("check", ref, actor, pack.ref.model_dump(), draft, answer))
    core.store.append_all(entries)  # one transaction: all recorded, or none and a 503
    for item in items:
        if item.result is not None:
            metrics.CHECKS.labels(verdict=item.result.verdict).inc()
    return items
