"""Moderators' wellbeing on the moderation queue: abusive text is blurred under its category until
the moderator chooses to read it, and slurs stay masked unless asked for in full.

`gentle(request, comment)` is a template global: what the queue shows of one held comment.
"""

from __future__ import annotations

from typing import Any

from fastapi import Request

from govern.moderation.evidence import mask_words
from govern.moderation_team import slurs

# Categories whose text is blurred until a moderator opens it (besides any text with a masked word).
UPSETTING = {"threats", "hate", "insult", "abuse"}


def gentle(request: Request, comment: dict[str, Any]) -> dict[str, Any]:
    """The categories of a held comment, whether to blur it (an upsetting category, or a word
    the pack lists as offensive), and its text with those words masked."""
    service = request.app.state.service
    text = comment.get("text") or ""
    record = service.store.find("moderation", comment.get("comment_id", ""))
    findings = record.result.get("findings", []) if record else []
    categories = sorted(
        {str(f.get("category")) for f in findings if isinstance(f, dict) and f.get("severity") != "info"}
    )
    masked = mask_words(text, slurs(service.pack))
    return {
        "categories": categories,
        "upsetting": bool(UPSETTING.intersection(categories)) or masked != text,
        "masked": masked,
        "has_masked": masked != text,
    }
