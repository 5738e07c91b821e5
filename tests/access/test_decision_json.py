"""Every byte of an access decision is pinned: the engine's fast paths change no answer.

data/decisions.jsonl.gz holds varied requests (every shape of answer the bench's generator
produces, and hostile variants) with the JSON the engine gave them (see data/regenerate.py).
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
from pathlib import Path
from typing import Any

import pytest

from govern import Pack, load_pack
from govern.access.models import AccessDecision
from govern.errors import RequestError

DATA = Path(__file__).resolve().parent / "data" / "decisions.jsonl.gz"
PACK = Path(__file__).resolve().parents[2] / "policies" / "council-default"


def _rows() -> list[dict[str, Any]]:
    with gzip.open(DATA, "rt", encoding="utf-8") as rows:
        return [json.loads(line) for line in rows]


ROWS = _rows()


@pytest.fixture(scope="module")
def pack() -> Pack:
    return load_pack(PACK, ids=lambda: "decision-0")


def test_the_pinned_set_is_varied() -> None:
    decisions = {json.loads(r["json"])["decision"] for r in ROWS if "json" in r}
    assert decisions == {"permit", "deny", "refer"}
    assert sum("error" in r for r in ROWS) >= 50
    assert len(ROWS) >= 900


@pytest.mark.parametrize("at", range(0, len(ROWS), 50), ids=lambda at: f"rows-{at}")
def test_decisions_are_byte_identical(pack: Pack, at: int) -> None:
    for row in ROWS[at : at + 50]:
        received = dt.datetime.fromisoformat(row["received_at"])
        if "error" in row:
            with pytest.raises(RequestError) as refused:
                pack.decide(row["request"], received_at=received)
            assert str(refused.value) == row["error"]
            continue
        decision = pack.decide(row["request"], received_at=received)
        assert decision.model_dump_json() == row["json"], row["request"].get("request_id")
        assert decision.model_dump(mode="json") == json.loads(row["json"])
        # A decision built from trusted parts is the model full validation would give.
        validated = AccessDecision.model_validate(decision.model_dump())
        assert decision == validated
        assert repr(decision) == repr(validated)
        assert decision.model_fields_set == {
            name for name in validated.model_fields_set if name not in ("facts", "approval")
        }
