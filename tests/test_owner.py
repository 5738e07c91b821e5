"""Policy owners' tools on the shipped pack and the tutorial's pack: test, coverage, mutants,
replay, diff and shadow mode."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from xml.etree import ElementTree

import pytest
from fastapi.testclient import TestClient

from govern.api.app import create_app
from govern.cli import main
from govern.store.sql import SqlStore
from tests.access.test_engine import request as access_request
from tests.conftest import DEFAULT_PACK, FIXTURES, LOCAL, ROOT
from tests.helpers import open_client

PARKS = ROOT / "examples" / "parks-department"
FEATURES = ROOT / "features"


@pytest.fixture(autouse=True)
def packs_root(monkeypatch: pytest.MonkeyPatch) -> None:
    """The tutorial's pack extends ../../policies/council-default: the repository is its packs root."""
    monkeypatch.setenv("GOVERN_PACKS_ROOT", str(ROOT))


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_the_tutorial_pack_passes_with_full_coverage(capsys: pytest.CaptureFixture[str]) -> None:
    args = [
        "test",
        "--policies",
        str(PARKS),
        str(FEATURES),
        str(PARKS / "features"),
        "--min-coverage",
        "100",
        "--format",
        "json",
    ]
    code, out, _ = run(args, capsys)
    body = json.loads(out)
    assert code == 0 and body["failed"] == 0 and body["coverage"]["percent"] == 100.0
    assert body["coverage"]["rules"]["access:read-fitness-apps"] == [
        "P1 the parks team may read fitness apps for 90 days"
    ]
    assert len(body["coverage"]["rules"]) == 50


def test_coverage_below_the_minimum_exits_4(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(
        ["test", "--policies", str(PARKS), str(PARKS / "features"), "--min-coverage", "50"], capsys
    )
    assert code == 4 and "below the minimum 50.0%" in err
    assert "not covered: access:messaging-not-permitted" in out


def test_a_failing_scenario_says_what_was_expected(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    feature = tmp_path / "wrong.feature"
    feature.write_text(
        "Feature: A wrong expectation\n"
        "  Scenario: Posting without training\n"
        "    Given today is 2026-11-21\n"
        '    And a permanent officer in "Planning"\n'
        '    When they ask to "post" on "x.com" to "converse" for 30 days\n'
        "    Then the request is permitted\n"
    )
    code, out, _ = run(["test", "--policies", str(DEFAULT_PACK), str(feature)], capsys)
    assert code == 3
    assert "✗ Posting without training" in out
    assert "expected the request to be permit, but it was deny:" in out
    assert "deny post-needs-training: Posting needs the social-media-essentials course" in out


def test_junit_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        ["test", "--policies", str(PARKS), str(PARKS / "features"), "--format", "junit"], capsys
    )
    suite = ElementTree.fromstring(out)
    assert code == 0 and suite.get("tests") == "4" and suite.get("failures") == "0"
    assert [c.get("name") for c in suite][0] == "P1 the parks team may read fitness apps for 90 days"


def test_a_pack_that_does_not_load_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["test", "--policies", str(FIXTURES / "bad-yaml"), str(PARKS / "features")], capsys)
    assert code == 1 and "does not load" in err


def test_missing_features_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["test", "--policies", str(DEFAULT_PACK), "/nowhere/features"], capsys)
    assert code == 2 and "no such features" in err


def test_mutation_finds_a_rule_no_scenario_tests(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    feature = tmp_path / "minimal.feature"
    feature.write_text(
        "Feature: Only read access is tested\n"
        "  Scenario: Reading a social network\n"
        "    Given today is 2026-11-21\n"
        '    And a permanent officer in "Planning"\n'
        '    When they ask to "read" on "facebook.com" to "listen"\n'
        "    Then the request is permitted until 2026-12-21\n"
    )
    code, out, _ = run(["test", "--policies", str(FIXTURES / "minimal"), str(feature), "--mutate"], capsys)
    assert code == 5
    assert "no-video could be deleted and your scenarios would still pass" in out
    assert "no-video could be given the opposite effect" in out
    assert "read-social could be deleted" not in out


def test_diff_in_plain_english(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["diff", str(DEFAULT_PACK), str(PARKS)], capsys)
    assert code == 0
    assert out.splitlines()[0] == "council-default 1.0.0 -> parks-department 1.0.0: 4 changes"
    assert "  added site strava.com to fitness-apps" in out and "  added priority PS 1" in out
    assert "added access rule read-fitness-apps (P1)" in out


def test_diff_names_changed_fields(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    changed = tmp_path / "pack"
    import shutil

    shutil.copytree(DEFAULT_PACK, changed)
    access = changed / "access.yaml"
    access.write_text(access.read_text().replace("grant: {max_days: 365}", "grant: {max_days: 90}"))
    code, out, _ = run(["diff", str(DEFAULT_PACK), str(changed), "--format", "json"], capsys)
    body = json.loads(out)
    assert code == 0 and body["changes"] == [
        'changed access rule read-access: grant was {"max_days": 365}, now {"max_days": 90}'
    ]


def test_replay_reports_what_the_candidate_would_change(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "govern.db"
    store = SqlStore(str(db))
    client = TestClient(create_app(str(DEFAULT_PACK), store, open_access=True), base_url=LOCAL)
    strava = access_request(
        site="strava.com", access="read", approach="listen", requester={"department": "Parks"}
    )
    assert client.post("/v1/access/decisions", json=strava).json()["decision"] == "refer"
    assert client.post("/v1/access/decisions", json=access_request()).json()["decision"] == "permit"
    client.post(
        "/v1/drafts/checks",
        json={"text": "Come to the official opening!", "platform": "x", "posted_at": "2027-04-10T10:00:00Z"},
    )
    store.close()
    code, out, _ = run(["replay", "--against", str(PARKS), "--db", str(db), "--format", "json"], capsys)
    body = json.loads(out)
    assert code == 0 and body["replayed"] == 3 and body["outcomes_changed"] == 2
    kinds = {(c["kind"], c["before"], c["after"]) for c in body["changes"]}
    assert kinds == {("decision", "refer", "permit"), ("check", "ok", "block")}
    assert body["by_rule"] == {
        "access:read-fitness-apps": 1,
        "access:unknown-site": 1,
        "drafts:pre-election-events": 1,
    } or body["by_rule"] == {"read-fitness-apps": 1, "unknown-site": 1, "pre-election-events": 1}


def test_shadow_mode_counts_differences_and_answers_with_the_live_pack(tmp_path: Path) -> None:
    store = SqlStore(str(tmp_path / "govern.db"))
    client = TestClient(
        create_app(str(DEFAULT_PACK), store, open_access=True, shadow=str(PARKS)), base_url=LOCAL
    )
    strava = access_request(
        site="strava.com", access="read", approach="listen", requester={"department": "Parks"}
    )
    assert client.post("/v1/access/decisions", json=strava).json()["decision"] == "refer"  # the live answer
    client.post("/v1/access/decisions", json=access_request())  # the same in both packs
    metrics = client.get("/metrics").text
    line = next(
        m for m in metrics.splitlines() if m.startswith('govern_shadow_differences_total{area="access"}')
    )
    assert float(line.split()[-1]) >= 1
    store.close()


def _served_at(db: Path, then: dt.datetime) -> tuple[SqlStore, TestClient]:
    """A store at `db` and an open client of the service whose clock says `then`."""
    store = SqlStore(str(db))
    return store, open_client(store, clock=lambda: then)


def test_replay_decides_at_the_recorded_receive_time(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Received on 1 January 2025, when training from June 2024 was current (730 days); today it
    # has lapsed, so replaying at today's date would turn the permit into a deny.
    db = tmp_path / "govern.db"
    store, client = _served_at(db, dt.datetime(2025, 1, 1, 10, tzinfo=dt.UTC))
    training = [{"course": "social-media-essentials", "completed_on": "2024-06-01"}]
    assert (
        client.post("/v1/access/decisions", json=access_request(requester={"training": training})).json()[
            "decision"
        ]
        == "permit"
    )
    store.close()
    code, out, _ = run(
        ["replay", "--against", str(DEFAULT_PACK), "--db", str(db), "--format", "json"], capsys
    )
    body = json.loads(out)
    assert code == 0 and (body["replayed"], body["changed"]) == (1, 0)


def test_replay_gives_flooding_the_history_it_had_live(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The third "Fix it" inside ten minutes was held as flooding; replayed without the author's
    # earlier comments it would be published, a change that never happened.
    db = tmp_path / "govern.db"
    store, client = _served_at(db, dt.datetime(2026, 11, 18, 11, tzinfo=dt.UTC))
    actions = [
        client.post(
            "/v1/comments/moderations",
            json={
                "text": "Fix the potholes on Elm Road now",
                "channel": "facebook-page",
                "author": {"id": "r-1"},
                "posted_at": f"2026-11-18T10:5{minute}:00Z",
            },
        ).json()["action"]
        for minute in (1, 4, 7)
    ]
    assert actions == ["publish", "publish", "hold"]
    store.close()
    code, out, _ = run(
        ["replay", "--against", str(DEFAULT_PACK), "--db", str(db), "--format", "json"], capsys
    )
    body = json.loads(out)
    assert code == 0 and (body["replayed"], body["changed"]) == (3, 0), body["changes"]
    since = run(
        [
            "replay",
            "--against",
            str(DEFAULT_PACK),
            "--db",
            str(db),
            "--since",
            "2026-11-18",
            "--format",
            "json",
        ],
        capsys,
    )
    assert json.loads(since[1])["changed"] == 0
