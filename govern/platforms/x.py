"""X: API v2 reply objects (`data[]` of posts), answered with hide-replies calls.

A payload is `{"data": [{"id", "text", "author_id", "created_at", "in_reply_to_user_id",
"conversation_id"}], "includes": ...}` (a single object under `data` is accepted too). The council
can hide a reply in its own conversations (`PUT /2/tweets/{id}/hidden` with `hidden: true`) but
cannot delete another account's post: a delete is a hide, with a note to report it. A warning is
a direct message (`POST /2/dm_conversations/with/{author}/messages`).
"""

from __future__ import annotations

from typing import Any

from govern.moderation.models import ModerationResult
from govern.platforms.base import (
    Adapter,
    Incoming,
    PlatformCall,
    bad,
    escalations,
    ident,
    items,
    moment,
    need,
)

NAME = "x"


def incoming(payload: Any) -> list[Incoming]:
    body = need(payload, dict, "", NAME)
    data = body.get("data")
    posts = [data] if isinstance(data, dict) else items(data, "data", NAME)
    out: list[Incoming] = []
    for i, post in enumerate(posts):
        where = f"data.{i}"
        post = need(post, dict, where, NAME)
        post_id = ident(post.get("id"), f"{where}.id", NAME)
        text = need(post.get("text"), str, f"{where}.text", NAME)
        author = ident(post.get("author_id"), f"{where}.author_id", NAME)
        comment: dict[str, Any] = {
            "comment_id": post_id,
            "text": text,
            "channel": "x-replies",
            "author": {"id": author},
        }
        if "created_at" in post:
            comment["posted_at"] = moment(post["created_at"], f"{where}.created_at", NAME)
        replying = post.get("in_reply_to_user_id")
        if replying is None:
            raise bad(
                f"{where}.in_reply_to_user_id", "expected a reply (only replies can be moderated)", NAME
            )
        about = {"author": author, "in_reply_to_user": str(replying)}
        out.append(Incoming(post_id, comment, about, f"https://x.com/i/web/status/{post_id}"))
    return out


def calls(item: Incoming, result: ModerationResult) -> list[PlatformCall]:
    out: list[PlatformCall] = []
    hidden = False
    for action in result.actions:
        if action.action in ("hide", "delete") and not hidden:
            hidden = True
            note = "X cannot delete another account's post: hidden; report it if it breaks X's rules"
            out.append(
                PlatformCall(
                    does=action.action,
                    rule=action.rule,
                    method="PUT",
                    path=f"/2/tweets/{item.platform_id}/hidden",
                    body={"hidden": True},
                    note=note if action.action == "delete" else None,
                )
            )
        elif action.action == "warn":
            out.append(
                PlatformCall(
                    does="warn",
                    rule=action.rule,
                    method="POST",
                    path=f"/2/dm_conversations/with/{item.about['author']}/messages",
                    body={"text": action.message or ""},
                )
            )
    return out + escalations(result)


X = Adapter(NAME, "x-replies", incoming, calls)
