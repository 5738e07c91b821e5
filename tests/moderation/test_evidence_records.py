"""Evidence: sealed with SHA-256, masked by default, exported by `govern records evidence`."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import sqlalchemy as sa

from govern import Pack
from govern.cli import main
from govern.moderation.evidence import mask, mask_words
from govern.moderation.models import Comment
from govern.moderation_team import TeamDesk
from govern.store.sql import SqlStore

THREAT = "Cllr Smith you paki, I know where you live"


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        pytest.param("you paki scum", ["paki"], "you p*** scum", id="word"),
        pytest.param("PAKI", ["paki"], "P***", id="any-case"),
        pytest.param("Pakistan is a country", ["paki"], "Pakistan is a country", id="whole-words-only"),
        pytest.param("a f-ing twat", ["twat"], "a f-ing t***", id="one-of-many"),
        pytest.param("nothing here", ["paki"], "nothing here", id="nothing"),
    ],
)
def test_mask_words(text: str, words: list[str], expected: str) -> None:
    assert mask_words(text, words) == expected


def test_mask_keeps_punctuation_and_length() -> None:
    assert mask("f.u.c.k off", [(0, 7)]) == "f.*.*.* off"


@pytest.fixture
def held(council: Pack, tmp_path: Path) -> tuple[SqlStore, str]:
    path = str(tmp_path / "govern.db")
    store = SqlStore(path)
    comment = Comment.model_validate(
        {
            "comment_id": "t1",
            "text": THREAT,
            "channel": "x-replies",
            "author": {"id": "res-1"},
            "posted_at": "2026-11-18T10:00:00Z",
        }
    )
    result = council.moderate(comment)
    assert result.action == "remove"
    store.save_comment("t1", "res-1", "x-replies", THREAT, comment.posted_at, "remove", result.retain_until)  # type: ignore[arg-type]
    TeamDesk(store).after(
        council, comment, result, comment.posted_at, "integration", "https://x.com/i/web/status/t1"
    )  # type: ignore[arg-type]
    return store, path


def test_records_evidence_exports_json_masked_by_default(
    held: tuple[SqlStore, str], capsys: pytest.CaptureFixture[str]
) -> None:
    _, path = held
    assert main(["records", "evidence", "--author", "res-1", "--db", path]) == 0
    pack = json.loads(capsys.readouterr().out)
    (item,) = pack["items"]
    assert item["text"] == "Cllr Smith you p***, I know where you live"
    assert item["permalink"] == "https://x.com/i/web/status/t1"
    assert item["categories"] == ["hate", "threats"] and item["intact"] is True
    assert item["hold_until"] == (dt.datetime.now(dt.UTC).date() + dt.timedelta(days=730)).isoformat()


def test_records_evidence_html_and_unmasked(
    held: tuple[SqlStore, str], capsys: pytest.CaptureFixture[str]
) -> None:
    _, path = held
    assert (
        main(["records", "evidence", "--author", "res-1", "--db", path, "--format", "html", "--unmasked"])
        == 0
    )
    page = capsys.readouterr().out
    assert (
        page.startswith("<!doctype html>") and "you paki" in page and '<th scope="row">SHA-256</th>' in page
    )


def test_an_altered_evidence_record_shows_as_not_intact(
    held: tuple[SqlStore, str], capsys: pytest.CaptureFixture[str]
) -> None:
    store, path = held
    with store.engine.begin() as c:
        c.execute(sa.text("UPDATE evidence SET text = 'I never said that' WHERE comment_id = 't1'"))
    main(["records", "evidence", "--author", "res-1", "--db", path])
    assert json.loads(capsys.readouterr().out)["items"][0]["intact"] is False


@pytest.mark.parametrize("author", ["", "a b", "-x"])
def test_records_evidence_needs_a_valid_author(
    held: tuple[SqlStore, str], author: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _, path = held
    assert main(["records", "evidence", f"--author={author}", "--db", path]) == 2
    assert "--author" in capsys.readouterr().err


def test_the_purge_keeps_evidence_under_hold(held: tuple[SqlStore, str]) -> None:
    store, _ = held
    store.purge(dt.datetime(2031, 1, 1, tzinfo=dt.UTC))
    with store.engine.connect() as c:
        assert c.execute(sa.text("SELECT text FROM comments WHERE comment_id = 't1'")).scalar() is None
    (item,) = TeamDesk(store).records.evidence("res-1")
    assert item.text == THREAT and item.intact()
