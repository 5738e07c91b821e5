"""Which queue signs off a draft: the pack's `queues` map, by the category of the deciding finding."""

from __future__ import annotations

from govern.drafts.models import DraftVerdict

FALLBACK_QUEUE = "comms-lead"
ORDER = {"info": 0, "revise": 1, "refer": 2, "block": 3}


def queue_for(queues: dict[str, str], verdict: DraftVerdict) -> str:
    """The queue of the most severe finding (the first in the text among equals); a draft sent
    without any refer finding goes to the default queue.

    Example: "This story was leaked from an internal memo" is referred as confidentiality, so
    with `queues: {confidentiality: legal}` it waits for legal.
    """
    default = queues.get("default", FALLBACK_QUEUE)
    worst = sorted(verdict.findings, key=lambda f: (-ORDER.get(f.severity, 0), f.start))
    for finding in worst[:1]:
        if finding.severity in ("refer", "block"):
            return queues.get(finding.category, default)
    return default
