"""`govern moderate --jsonl`: earlier lines of one run are the author's history for strikes."""

from __future__ import annotations

import io
import json
import sys

import pytest

from govern.cli import main


def line(cid: str, author: str, day: str) -> str:
    comment = {
        "comment_id": cid,
        "text": "Ring me on 07700 900123",
        "channel": "facebook-page",
        "author": {"id": author},
        "posted_at": f"{day}T10:00:00",
    }
    return json.dumps(comment)


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        pytest.param(
            [line("a", "r1", "2026-09-01"), line("b", "r1", "2026-10-01"), line("c", "r1", "2026-11-01")],
            [(1, "warn"), (2, "warn"), (3, "block-review")],
            id="three-in-90-days",
        ),
        pytest.param(
            [line("a", "r1", "2026-09-01"), line("b", "r2", "2026-10-01"), line("c", "r1", "2026-11-01")],
            [(1, "warn"), (1, "warn"), (2, "warn")],
            id="two-authors",
        ),
        pytest.param(
            [line("a", "r1", "2026-01-01"), line("b", "r1", "2026-05-01"), line("c", "r1", "2026-11-01")],
            [(1, "warn"), (1, "warn"), (1, "warn")],
            id="spread-out",
        ),
    ],
)
def test_strikes_across_lines(
    lines: list[str],
    expected: list[tuple[int, str]],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n".join(lines) + "\n"))
    assert main(["moderate", "--jsonl", "-"]) == 1
    answers = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [(a["strikes"], a["actions"][-1]["action"]) for a in answers] == expected
