"""The draft, the finding and the verdict: the public contract of SPEC.md."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from govern.contract import Contract, PolicyRef
from govern.contract import Finding as Finding  # re-exported: defined once in govern.contract
from govern.ids import Name
from govern.inputs import Moment
from govern.policy.model import Approach

Platform = Literal[
    "x", "bluesky", "mastodon", "facebook", "linkedin", "instagram", "threads", "nextdoor", "blog"
]
Verdict = Literal["ok", "revise", "refer", "block"]
MAX_TEXT = 20_000


def _not_blank(text: str) -> str:
    if not text.strip():
        raise ValueError("the text is empty")
    return text


# The text of a draft or a comment: not trimmed (finding offsets point into it exactly as sent),
# but not blank either.
Text = Annotated[str, Field(min_length=1, max_length=MAX_TEXT), AfterValidator(_not_blank)]


class Author(Contract):
    id: Name | None = None
    approach: Approach | None = None


class Draft(Contract):
    # Not stripped: finding offsets must point into the text exactly as it was sent.
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=False)

    text: Text
    platform: Platform
    in_reply_to: str | None = Field(default=None, max_length=MAX_TEXT)
    account: Literal["corporate", "personal"] = "corporate"
    author: Author = Author()
    has_image: bool = False
    alt_text: str | None = Field(default=None, max_length=2_000)
    posted_at: Moment | None = None


class Scores(BaseModel):
    tone: float
    rebuttal_risk: float


class DraftVerdict(BaseModel):
    verdict: Verdict
    scores: Scores
    findings: list[Finding]
    policy: PolicyRef
