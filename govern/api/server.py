"""Running the service: the app factory uvicorn imports in each worker, and the pack watcher."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import signal
from collections.abc import AsyncIterator
from pathlib import Path

from fastapi import FastAPI

from govern.api.app import Service, create_app
from govern.errors import PolicyError
from govern.store.sql import SqlStore

log = logging.getLogger("govern.serve")

WATCH_SECONDS = 5.0


class JsonFormatter(logging.Formatter):
    """One JSON object a line: structured logs for the service."""

    def format(self, record: logging.LogRecord) -> str:
        body = {
            "time": self.formatTime(record),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
            "pid": os.getpid(),
        }
        if record.exc_info:
            body["error"] = self.formatException(record.exc_info)
        return json.dumps(body)


def pack_stamp(folder: str) -> tuple[tuple[str, float, int], ...]:
    """Names, modification times and sizes of a pack's files: cheap to compare."""
    root = Path(folder)
    return tuple(
        sorted(
            (str(p), p.stat().st_mtime, p.stat().st_size)
            for p in root.rglob("*")
            if p.suffix in (".yaml", ".yml") and p.is_file()
        )
    )


def reload_safely(service: Service, why: str) -> None:
    try:
        pack = service.reload()
        log.info("reloaded %s %s (%s) on %s", pack.name, pack.version, pack.digest, why)
    except PolicyError as exc:
        log.error("refused the new pack on %s; the old one stays in force: %s", why, exc)


def app_factory() -> FastAPI:
    """The app for one worker, configured from the environment `govern serve` sets."""
    policies = os.environ["GOVERN_POLICIES"]
    store = SqlStore(os.environ["GOVERN_DB"])
    app = create_app(
        policies,
        store,
        open_access=os.environ.get("GOVERN_OPEN") == "1",
        shadow=os.environ.get("GOVERN_SHADOW") or None,
    )
    service: Service = app.state.service

    @contextlib.asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        loop = asyncio.get_running_loop()
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            loop.add_signal_handler(signal.SIGHUP, reload_safely, service, "SIGHUP")

        async def watch() -> None:
            stamp = pack_stamp(policies)
            while True:
                await asyncio.sleep(WATCH_SECONDS)
                current = pack_stamp(policies)
                if current != stamp:
                    stamp = current
                    reload_safely(service, "a change to the pack's files")

        watcher = asyncio.create_task(watch())
        yield
        watcher.cancel()

    app.router.lifespan_context = lifespan
    return app
