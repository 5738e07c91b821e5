"""Untrusted packs are checked in a child process; reloads keep the old pack whatever happens."""

from __future__ import annotations

import asyncio
import logging
import os
import shutil
import time
from multiprocessing.connection import Connection
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from govern import PolicyError, load_pack, sandbox
from govern.api import server
from govern.api.app import create_app
from govern.sandbox import check_pack
from govern.service import core as service_core
from govern.store.sql import SqlStore
from tests.conftest import DEFAULT_PACK, FIXTURES, LOCAL, ROOT


# What a child process may do instead of loading the pack (they run in the checker's process).
def crash_in_cel(cwd: str, path: str, packs_root: str, answer: Connection) -> None:
    import cel

    cel.compile("+".join(["1"] * 30_000))  # the 30,000-term condition that segfaulted the parser


def abort(cwd: str, path: str, packs_root: str, answer: Connection) -> None:
    os.abort()


def hang(cwd: str, path: str, packs_root: str, answer: Connection) -> None:
    time.sleep(30)


def test_the_child_reports_a_good_pack() -> None:
    checked = check_pack(DEFAULT_PACK)
    assert checked.rules == len(load_pack(DEFAULT_PACK).rules())
    assert checked.digest == load_pack(DEFAULT_PACK).digest


def test_the_child_reports_the_same_problems_as_loading_here() -> None:
    with pytest.raises(PolicyError) as here:
        load_pack(FIXTURES / "misspelt-key")
    with pytest.raises(PolicyError) as child:
        check_pack(FIXTURES / "misspelt-key")
    assert list(map(str, child.value.problems)) == list(map(str, here.value.problems))


def test_a_native_crash_refuses_the_pack() -> None:
    with pytest.raises(PolicyError) as caught:
        check_pack(DEFAULT_PACK, child=crash_in_cel)
    [problem] = caught.value.problems
    assert problem.code == "G120"
    assert problem.message == "checking the pack crashed the checker (SIGSEGV); it is refused"


def test_a_checker_that_hangs_is_stopped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sandbox, "TIMEOUT_SECONDS", 0.5)
    with pytest.raises(PolicyError, match="G120 checking the pack took over 0 s; it is refused"):
        check_pack(DEFAULT_PACK, child=hang)


def test_the_child_answers_relative_to_the_callers_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    check_pack(DEFAULT_PACK)  # the fork server is running, started from another folder
    monkeypatch.chdir(ROOT / "tests")
    with pytest.raises(PolicyError) as caught:
        check_pack(FIXTURES / "misspelt-key")
    assert all(p.location.file.startswith("fixtures/misspelt-key/") for p in caught.value.problems)


@pytest.fixture
def served(tmp_path: Path) -> tuple[TestClient, Path]:
    pack = Path(shutil.copytree(DEFAULT_PACK, tmp_path / "packs" / "council"))
    store = SqlStore(str(tmp_path / "govern.db"))
    return TestClient(create_app(str(pack), store, open_access=True), base_url=LOCAL), pack


def test_a_crash_on_reload_keeps_the_old_pack(
    served: tuple[TestClient, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    client, _ = served
    before = client.get("/healthz").json()["digest"]
    monkeypatch.setattr(sandbox, "load_in_child", abort)
    response = client.post("/v1/policies/reload")
    assert response.status_code == 422
    [detail] = response.json()["error"]["details"]
    assert (detail["code"], detail["message"]) == (
        "G120",
        "checking the pack crashed the checker (SIGABRT); it is refused",
    )
    assert client.get("/healthz").json()["digest"] == before


def test_any_exception_on_reload_keeps_the_old_pack_and_is_logged(
    served: tuple[TestClient, Path], monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    client, _ = served
    before = client.get("/healthz").json()["digest"]

    def broken(path: str) -> None:
        raise IsADirectoryError(21, "Is a directory", "/usr/share/zoneinfo/Europe")

    monkeypatch.setattr(service_core, "load_untrusted", broken)
    with caplog.at_level(logging.ERROR, logger="govern.api"):
        response = client.post("/v1/policies/reload")
    assert response.status_code == 422
    [detail] = response.json()["error"]["details"]
    assert detail["code"] == "G120"
    assert detail["message"] == "loading the pack failed (IsADirectoryError); the old one stays in force"
    assert any("reloading" in r.getMessage() for r in caplog.records)
    assert client.get("/healthz").json()["digest"] == before


def test_the_watcher_survives_a_bad_time_zone_and_reloads_once_fixed(
    served: tuple[TestClient, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    client, pack = served
    service = client.app.state.service  # type: ignore[attr-defined]
    before = service.pack.digest
    settings = pack / "pack.yaml"
    reloads: list[str] = []
    original = server.reload_safely

    def counted(service: object, why: str) -> None:
        original(service, why)  # type: ignore[arg-type]
        reloads.append(service.pack.digest)  # type: ignore[attr-defined]

    monkeypatch.setattr(server, "reload_safely", counted)

    async def until(count: int, watcher: asyncio.Task[None]) -> None:
        for _ in range(600):
            if len(reloads) >= count or watcher.done():
                return
            await asyncio.sleep(0.05)

    async def scenario() -> str:
        watcher = asyncio.create_task(server.watch(service, str(pack), seconds=0.05))
        await asyncio.sleep(0.2)
        settings.write_text(settings.read_text().replace("Europe/London", "Europe"), encoding="utf-8")
        await until(1, watcher)
        settings.write_text(settings.read_text().replace("Europe", "Europe/Paris"), encoding="utf-8")
        await until(2, watcher)
        assert not watcher.done(), "the watcher stopped"
        watcher.cancel()
        assert reloads[0] == before  # 'Europe' was refused, the old pack stayed
        return str(service.pack.timezone)

    assert asyncio.run(scenario()) == "Europe/Paris"


def test_the_watcher_keeps_going_after_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []

    def flaky(folder: str) -> tuple[object, ...]:
        calls.append(folder)
        if len(calls) == 1:
            raise FileNotFoundError(2, "No such file or directory")
        return ()

    monkeypatch.setattr(server, "pack_stamp", flaky)

    async def scenario() -> None:
        watcher = asyncio.create_task(server.watch(object(), "pack", seconds=0.01))  # type: ignore[arg-type]
        while len(calls) < 3:
            await asyncio.sleep(0.01)
        assert not watcher.done()
        watcher.cancel()

    asyncio.run(scenario())
