"""Exports write only what their format cannot misread; the helper refuses huge input early."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from govern.cli import main
from govern.enforce import MAX_LINE, GrantCache, answer, serve_helper
from govern.store.base import Grant
from govern.store.sql import SqlStore

# Names stored before names were checked (an old database), as an attacker would choose them.
HOSTILE_USERS = [
    pytest.param("jsmith\nhttp_access allow all", id="newline"),
    pytest.param("REQUIRED", id="squid-required"),
    pytest.param("-i", id="squid-flag"),
    pytest.param("a b", id="space"),
    pytest.param('=HYPERLINK("http://evil.example")', id="formula"),
]


@pytest.fixture
def db(tmp_path: Path) -> Iterator[tuple[SqlStore, str]]:
    path = tmp_path / "govern.db"
    store = SqlStore(str(path))
    yield store, str(path)
    store.close()


def _grant(store: SqlStore, user: str, domain: str = "facebook.com", n: int = 1) -> None:
    store.add_grant(
        Grant(
            grant_id=f"g{n}",
            decision_id=f"d{n}",
            requester=user,
            domain=domain,
            category="social-network",
            access="read",
            expires_on=dt.date.today() + dt.timedelta(days=30),
        )
    )


@pytest.mark.parametrize("user", HOSTILE_USERS)
def test_squid_export_leaves_out_a_grant_whose_user_is_not_a_plain_name(
    db: tuple[SqlStore, str], tmp_path: Path, capsys: pytest.CaptureFixture[str], user: str
) -> None:
    store, path = db
    _grant(store, user, n=1)
    _grant(store, "jsmith", n=2)
    out = tmp_path / "grants.conf"
    assert main(["export", "squid", "--out", str(out), "--db", path]) == 0
    conf = out.read_text()
    acl_lines = [line for line in conf.splitlines() if not line.startswith("#")]
    assert "acl govern_user_1 proxy_auth jsmith" in acl_lines
    assert not any("REQUIRED" in line or "allow all" in line or " -i" in line for line in acl_lines)
    assert all(len(line.split()) in (4, 5, 7) or "#" in line for line in acl_lines), conf
    assert "left out 1 grants" in capsys.readouterr().err


def test_squid_export_leaves_out_a_domain_that_is_not_a_plain_dns_name(
    db: tuple[SqlStore, str], tmp_path: Path
) -> None:
    store, path = db
    _grant(store, "jsmith", domain="evil.example\nhttp_access allow all", n=1)
    out = tmp_path / "grants.conf"
    assert main(["export", "squid", "--out", str(out), "--db", path]) == 0
    assert "allow all" not in out.read_text() and "proxy_auth" not in out.read_text()


@pytest.mark.parametrize(
    "user", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", '=HYPERLINK("http://evil.example")']
)
def test_csv_export_neutralises_formulas(
    db: tuple[SqlStore, str], capsys: pytest.CaptureFixture[str], user: str
) -> None:
    store, path = db
    _grant(store, user)
    assert main(["export", "--format", "csv", "--db", path]) == 0
    row = next(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert row["user"] == "'" + user


def test_json_export_keeps_names_exactly_and_escaped(
    db: tuple[SqlStore, str], capsys: pytest.CaptureFixture[str]
) -> None:
    store, path = db
    _grant(store, 'a\nb"c')
    assert main(["export", "--db", path]) == 0
    text = capsys.readouterr().out
    assert json.loads(text)[0]["user"] == 'a\nb"c' and "a\nb" not in text


class _NoLookups:
    """A grant cache that fails the test if the helper looks anything up."""

    def allows(self, user: str, host: str, method: str) -> Any:
        raise AssertionError(f"looked up {user} {host[:20]}")


@pytest.mark.parametrize(
    "line",
    [
        pytest.param("jsmith " + "a." * 200_000 + "com GET", id="400KB-host"),
        pytest.param("jsmith " + "a" * 254 + " GET", id="254-char-host"),
        pytest.param("REQUIRED facebook.com GET", id="reserved-user"),
        pytest.param("a%0Ab facebook.com GET", id="escaped-newline-user"),
    ],
)
def test_helper_refuses_hostile_requests_before_any_lookup(line: str) -> None:
    assert answer(line, _NoLookups()) == "ERR"  # type: ignore[arg-type]


def test_helper_bounds_each_line_and_answers_the_next(db: tuple[SqlStore, str]) -> None:
    store, _ = db
    _grant(store, "jsmith")
    from govern.pack import load_pack
    from tests.conftest import DEFAULT_PACK

    pack = load_pack(DEFAULT_PACK)
    cache = GrantCache(store, pack.sites.resolve, pack.timezone, ttl=0)
    stdin = io.StringIO(f"7 jsmith {'a.' * (MAX_LINE * 50)}com GET\n8 jsmith facebook.com GET\n")
    stdout = io.StringIO()
    serve_helper(stdin, stdout, cache)
    assert stdout.getvalue().splitlines() == ["7 ERR", "8 OK"]
