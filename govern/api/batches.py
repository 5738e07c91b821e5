"""HTTP adapter for batch checks: up to 1,000 drafts or comments in one call, answered in order,
a bad item an error in its place (the same error shape as a single call's)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends
from pydantic import BaseModel, Field

from govern.access.models import Contract
from govern.api.auth import require
from govern.api.deps import ServiceDep
from govern.api.schemas import error_of
from govern.service import MAX_BATCH, Caller, Item

router = APIRouter(tags=["batches"])
Requester = Annotated[Caller, Depends(require("requester"))]


class DraftsBatch(Contract):
    drafts: list[Any] = Field(description=f"up to {MAX_BATCH:,} drafts")


class CommentsBatch(Contract):
    comments: list[Any] = Field(description=f"up to {MAX_BATCH:,} comments")


class BatchItem(BaseModel):
    index: int
    result: dict[str, Any] | None = None
    error: dict[str, Any] | None = None


class BatchOut(BaseModel):
    results: list[BatchItem]


def _out(items: list[Item[Any]]) -> BatchOut:
    return BatchOut(
        results=[
            BatchItem(
                index=i.index,
                result=i.result.model_dump(mode="json") if i.result is not None else None,
                error=error_of(i.error),
            )
            for i in items
        ]
    )


@router.post("/v1/drafts/checks:batch", response_model=BatchOut)
def check_batch(body: DraftsBatch, service: ServiceDep, caller: Requester) -> BatchOut:
    """Check up to 1,000 drafts with one pack; answers in order, a bad draft an error in its place."""
    return _out(service.check_batch(body.drafts, caller.name))


@router.post("/v1/comments/moderations:batch", response_model=BatchOut)
def moderate_batch(body: CommentsBatch, service: ServiceDep, caller: Requester) -> BatchOut:
    """Moderate up to 1,000 comments in order; earlier comments of the batch count for flooding."""
    return _out(service.moderate_batch(body.comments, caller.name))
