"""YouTube: `commentThread` resources (Data API v3), answered with `comments.setModerationStatus`.

A payload is one `youtube#commentThread` or a `youtube#commentThreadListResponse` with `items`;
each thread's `snippet.topLevelComment` is a `youtube#comment` whose snippet holds
`textOriginal`, `authorChannelId.value` and `publishedAt`. Hiding holds the comment for review
(`moderationStatus=heldForReview`); deleting rejects it (`rejected`); `banAuthor` is always false,
since a block is a moderator's decision. YouTube has no private message: a warning is left to a
person.
"""

from __future__ import annotations

from typing import Any

from govern.moderation.models import ModerationResult
from govern.platforms.base import Adapter, Incoming, PlatformCall, bad, escalations, items, moment, need

NAME = "youtube"


def _thread(thread: Any, where: str) -> Incoming:
    thread = need(thread, dict, where, NAME)
    if thread.get("kind") != "youtube#commentThread":
        raise bad(f"{where}.kind", "expected 'youtube#commentThread'", NAME)
    snippet = need(thread.get("snippet"), dict, f"{where}.snippet", NAME)
    top = need(snippet.get("topLevelComment"), dict, f"{where}.snippet.topLevelComment", NAME)
    comment_id = need(top.get("id"), str, f"{where}.snippet.topLevelComment.id", NAME)
    inner = need(top.get("snippet"), dict, f"{where}.snippet.topLevelComment.snippet", NAME)
    here = f"{where}.snippet.topLevelComment.snippet"
    text = need(inner.get("textOriginal", inner.get("textDisplay")), str, f"{here}.textOriginal", NAME)
    author_ref = need(inner.get("authorChannelId"), dict, f"{here}.authorChannelId", NAME)
    author = need(author_ref.get("value"), str, f"{here}.authorChannelId.value", NAME)
    comment: dict[str, Any] = {
        "comment_id": comment_id,
        "text": text,
        "channel": "youtube-comments",
        "author": {"id": author},
    }
    if "publishedAt" in inner:
        comment["posted_at"] = moment(inner["publishedAt"], f"{here}.publishedAt", NAME)
    about = {"video": str(snippet.get("videoId") or ""), "author": author}
    video = about["video"]
    link = f"https://www.youtube.com/watch?v={video}&lc={comment_id}" if video else None
    return Incoming(comment_id, comment, about, link)


def incoming(payload: Any) -> list[Incoming]:
    body = need(payload, dict, "", NAME)
    if body.get("kind") == "youtube#commentThreadListResponse":
        return [_thread(t, f"items.{i}") for i, t in enumerate(items(body.get("items"), "items", NAME))]
    return [_thread(body, "")] if body.get("kind") == "youtube#commentThread" else _refuse(body)


def _refuse(_: dict[str, Any]) -> list[Incoming]:
    raise bad("kind", "expected 'youtube#commentThread' or 'youtube#commentThreadListResponse'", NAME)


def calls(item: Incoming, result: ModerationResult) -> list[PlatformCall]:
    out: list[PlatformCall] = []
    status = {"hide": "heldForReview", "delete": "rejected"}
    for action in result.actions:
        if action.action in status:
            out.append(
                PlatformCall(
                    does=action.action,
                    rule=action.rule,
                    method="POST",
                    path="/youtube/v3/comments/setModerationStatus",
                    body={
                        "id": item.platform_id,
                        "moderationStatus": status[action.action],
                        "banAuthor": False,
                    },
                )
            )
        elif action.action == "warn":
            note = "YouTube has no private messages: warn the author another way"
            out.append(PlatformCall(does="warn", rule=action.rule, note=note))
    return out + escalations(result)


YOUTUBE = Adapter(NAME, "youtube-comments", incoming, calls)
