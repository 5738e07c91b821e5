"""Training records (issue 16): a learning system's CSV export, `govern training import`, and
decisions reading only the records (with the pack's expiry)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from govern.api.app import create_app
from govern.cli import main
from govern.identity.sources import MemoryDirectory
from govern.identity.training import read_csv
from govern.store.identity import SqlTraining
from govern.store.sql import SqlStore
from tests.conftest import DEFAULT_PACK
from tests.identity.fakes import PEOPLE, own_request

NOW = dt.datetime(2026, 11, 21, 10, tzinfo=dt.UTC)
TODAY = NOW.date()


def rows(text: str) -> list[tuple[str, str, str]]:
    records, problems = read_csv(text, "lms.csv", NOW, TODAY)
    assert problems == [], problems
    return [(r.person, r.course, r.completed_on.isoformat()) for r in records]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "person,course,completed_on\njsmith,social-media-essentials,2026-03-01\n",
            [("jsmith", "social-media-essentials", "2026-03-01")],
            id="plain",
        ),
        pytest.param(
            "\ufeffPerson,Course,Completed On\r\nJSmith, social-media-essentials ,2026-03-01\r\n",
            [("jsmith", "social-media-essentials", "2026-03-01")],
            id="bom-header-case-crlf-spaces",
        ),
        pytest.param(
            "completed_on,course,person,score\n2026-03-01T09:30:00Z,data-protection,adoe,91\n\n",
            [("adoe", "data-protection", "2026-03-01")],
            id="other-order-extra-column-time-blank-line",
        ),
        pytest.param(
            'person,course,completed_on\nadoe,"Safeguarding, level 2",2025-12-31\n',
            [("adoe", "Safeguarding, level 2", "2025-12-31")],
            id="quoted-comma",
        ),
    ],
)
def test_an_export_is_read_as_a_learning_system_writes_it(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("", ["line 1: header: the file is empty"], id="empty"),
        pytest.param("name,course,date\n", ["line 1: header: no column person, completed_on"], id="header"),
        pytest.param(
            "person,course,completed_on\njsmith,sme,01/03/2026\n",
            ["line 2: completed_on: must be a date written YYYY-MM-DD"],
            id="uk-date",
        ),
        pytest.param(
            "person,course,completed_on\njsmith,sme,2027-01-01\n",
            ["line 2: completed_on: 2027-01-01 is in the future"],
            id="future",
        ),
        pytest.param(
            "person,course,completed_on\nj smith,,2026-01-01\n",
            ["line 2: person: the name may hold only", "line 2: course: is empty"],
            id="two-problems-one-row",
        ),
        pytest.param(
            "person,course,completed_on\njsmith,sme,2026-01-01\nanonymous,sme,2026-01-01\n=cmd(),sme,2026-01-01\n",
            [
                "line 3: person: the name 'anonymous' is a reserved word",
                "line 4: person: the name may hold only",
            ],
            id="line-numbers",
        ),
        pytest.param(
            'person,course,completed_on\njsmith,"multi\nline",2026-01-01\nadoe,x,bad\n',
            ["line 3: course: must be one line", "line 4: completed_on: must be a date"],
            id="line-numbers-after-a-quoted-newline",
        ),
    ],
)
def test_every_bad_row_is_named_with_its_line(text: str, expected: list[str]) -> None:
    _, problems = read_csv(text, "lms.csv", NOW, TODAY)
    assert len(problems) == len(expected)
    for problem, start in zip(problems, expected, strict=True):
        assert str(problem).startswith(start), str(problem)


GOOD = (
    "person,course,completed_on\n"
    "jsmith,social-media-essentials,2026-03-01\n"
    "adoe,social-media-essentials,2025-06-01\n"
)
MIXED = GOOD + "bad name,social-media-essentials,2026-03-01\n"


def run(tmp_path: Path, text: str | bytes, *options: str) -> tuple[int, dict[str, object]]:
    path = tmp_path / "lms.csv"
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    db = str(tmp_path / "govern.db")
    code = main(["training", "import", str(path), "--db", db, *options])
    return code, {}


def imported(tmp_path: Path) -> list[tuple[str, str]]:
    store = SqlStore(str(tmp_path / "govern.db"))
    try:
        training = SqlTraining(store)
        return [
            (r.person, r.completed_on.isoformat()) for p in ("jsmith", "adoe") for r in training.completed(p)
        ]
    finally:
        store.close()


def test_import_is_all_or_nothing_by_default(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _ = run(tmp_path, MIXED)
    out, err = capsys.readouterr()
    assert code == 2 and "lms.csv:line 4: person:" in err
    assert json.loads(out)["imported"] is False
    assert imported(tmp_path) == []


def test_partial_imports_the_good_rows_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _ = run(tmp_path, MIXED, "--partial")
    report = json.loads(capsys.readouterr().out)
    assert code == 1 and report["imported"] is True and report["added"] == 2 and "--partial" in report["why"]
    assert imported(tmp_path) == [("jsmith", "2026-03-01"), ("adoe", "2025-06-01")]


def test_importing_again_adds_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(tmp_path, GOOD)[0] == 0
    capsys.readouterr()
    assert (
        run(tmp_path, "\ufeff" + GOOD.upper().replace("SOCIAL-MEDIA-ESSENTIALS", "social-media-essentials"))[
            0
        ]
        == 0
    )
    report = json.loads(capsys.readouterr().out)
    assert report["added"] == 0 and report["already_held"] == 2
    assert len(imported(tmp_path)) == 2


@pytest.mark.parametrize(
    ("content", "says"),
    [
        pytest.param(
            "person,course,completed_on\nj\xf6rg,x,2026-01-01\n".encode("cp1252"), "not UTF-8", id="cp1252"
        ),
        pytest.param(None, "cannot read", id="missing-file"),
    ],
)
def test_an_unreadable_file_is_a_clear_refusal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes | None, says: str
) -> None:
    if content is None:
        code = main(["training", "import", str(tmp_path / "nope.csv"), "--db", str(tmp_path / "g.db")])
    else:
        code = run(tmp_path, content)[0]
    assert code == 2 and says in capsys.readouterr().err


@pytest.mark.parametrize(
    ("completed_on", "decision"),
    [
        pytest.param("2025-11-22", "permit", id="729-days-counts"),
        pytest.param("2024-11-20", "deny", id="731-days-expired"),
    ],
)
def test_decisions_read_the_records_and_the_pack_says_how_long_a_course_counts(
    store: SqlStore, completed_on: str, decision: str
) -> None:
    store.add_key("k", "adoe", "requester", hashlib.sha256(b"secret").hexdigest())
    app = create_app(
        str(DEFAULT_PACK), store, open_access=False, directory=MemoryDirectory(PEOPLE), clock=lambda: NOW
    )
    client = TestClient(app)
    intake = {
        "records": [{"person": "adoe", "course": "social-media-essentials", "completed_on": completed_on}]
    }
    store.add_key("d", "desk", "intake", hashlib.sha256(b"desk").hexdigest())
    assert (
        client.post("/v1/training", json=intake, headers={"Authorization": "Bearer desk"}).status_code == 200
    )
    answer = client.post(
        "/v1/access/decisions", json=own_request(), headers={"Authorization": "Bearer secret"}
    ).json()
    assert answer["decision"] == decision, answer
    assert answer["facts"]["training"]["source"] == "training-records"
    expired = "post-needs-training" in [r["rule"] for r in answer["reasons"] if r["effect"] == "deny"]
    assert expired == (decision == "deny")


def test_posted_training_with_a_bad_record_adds_nothing(store: SqlStore) -> None:
    store.add_key("d", "desk", "intake", hashlib.sha256(b"desk").hexdigest())
    client = TestClient(create_app(str(DEFAULT_PACK), store, open_access=False))
    body = {
        "records": [
            {"person": "adoe", "course": "social-media-essentials", "completed_on": "2026-01-01"},
            {"person": "adoe", "course": "social-media-essentials", "completed_on": "2099-01-01"},
        ]
    }
    response = client.post("/v1/training", json=body, headers={"Authorization": "Bearer desk"})
    assert response.status_code == 422
    assert [d["field"] for d in response.json()["error"]["details"]] == ["records.1.completed_on"]
    assert SqlTraining(store).completed("adoe") == []
