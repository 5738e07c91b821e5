"""Facebook Pages: webhook `feed` changes for comments, answered with Graph API calls.

A payload is `{"object": "page", "entry": [{"id": PAGE, "time": ..., "changes": [{"field": "feed",
"value": {"item": "comment", "verb": "add", "comment_id", "post_id", "parent_id", "message",
"from": {"id", "name"}, "created_time"}}]}]}`. Other changes (likes, reactions, edits, removals)
are not comments to moderate and are skipped. Hiding is `POST /{comment-id}` with
`is_hidden=true` (the author and their friends still see it); deleting is `DELETE /{comment-id}`;
a warning is a private reply (`POST /{page-id}/messages` to the comment).
"""

from __future__ import annotations

import hashlib
import hmac
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

NAME = "facebook"


def incoming(payload: Any) -> list[Incoming]:
    body = need(payload, dict, "", NAME)
    if body.get("object") != "page":
        raise bad("object", "expected 'page' (a Page webhook)", NAME)
    out: list[Incoming] = []
    for i, entry in enumerate(items(body.get("entry"), "entry", NAME)):
        entry = need(entry, dict, f"entry.{i}", NAME)
        page = ident(entry.get("id"), f"entry.{i}.id", NAME)
        for j, change in enumerate(items(entry.get("changes", []), f"entry.{i}.changes", NAME)):
            where = f"entry.{i}.changes.{j}"
            change = need(change, dict, where, NAME)
            value = need(change.get("value"), dict, f"{where}.value", NAME)
            if change.get("field") != "feed" or value.get("item") != "comment" or value.get("verb") != "add":
                continue
            comment_id = ident(value.get("comment_id"), f"{where}.value.comment_id", NAME)
            author = ident(
                need(value.get("from"), dict, f"{where}.value.from", NAME).get("id"),
                f"{where}.value.from.id",
                NAME,
            )
            text = need(value.get("message"), str, f"{where}.value.message", NAME)
            comment: dict[str, Any] = {
                "comment_id": comment_id,
                "text": text,
                "channel": "facebook-page",
                "author": {"id": author},
            }
            if "created_time" in value:
                comment["posted_at"] = moment(value["created_time"], f"{where}.value.created_time", NAME)
            post = str(value.get("post_id") or "")
            about = {
                "page": page,
                "post": post,
                "parent": str(value.get("parent_id") or ""),
                "author": author,
            }
            link = f"https://www.facebook.com/{comment_id}"
            out.append(Incoming(comment_id, comment, about, link))
    return out


def calls(item: Incoming, result: ModerationResult) -> list[PlatformCall]:
    out: list[PlatformCall] = []
    for action in result.actions:
        if action.action == "hide":
            out.append(
                PlatformCall(
                    does="hide",
                    rule=action.rule,
                    method="POST",
                    path=f"/{item.platform_id}",
                    body={"is_hidden": True},
                )
            )
        elif action.action == "delete":
            out.append(
                PlatformCall(does="delete", rule=action.rule, method="DELETE", path=f"/{item.platform_id}")
            )
        elif action.action == "warn":
            out.append(
                PlatformCall(
                    does="warn",
                    rule=action.rule,
                    method="POST",
                    path=f"/{item.about['page']}/messages",
                    body={
                        "recipient": {"comment_id": item.platform_id},
                        "message": {"text": action.message or ""},
                    },
                )
            )
    return out + escalations(result)


def signature_ok(secret: str, body: bytes, header: str | None) -> bool:
    """Meta signs each delivery: `X-Hub-Signature-256: sha256=HEX`, an HMAC of the raw body."""
    if not header or not header.startswith("sha256="):
        return False
    expected = hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, header.removeprefix("sha256=").strip().lower())


FACEBOOK = Adapter(NAME, "facebook-page", incoming, calls)
