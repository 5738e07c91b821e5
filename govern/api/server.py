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

from govern.api.app import create_app
from govern.errors import PolicyError
from govern.identity.settings import OidcSettings
from govern.policy.files import list_files
from govern.service import Service
from govern.settings import Settings
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


def pack_stamp(folder: str) -> tuple[object, ...]:
    """Names, modification times and sizes of a pack's files (bounded, links not followed)."""
    found, problems = list_files(Path(folder).resolve())
    return (*((str(f.path), f.mtime, f.size) for f in found), *map(str, problems))


def reload_safely(service: Service, why: str) -> None:
    """Reload, logging the outcome; never raises, so neither the watcher nor a signal dies."""
    try:
        pack = service.reload()
        log.info("reloaded %s %s (%s) on %s", pack.name, pack.version, pack.digest, why)
    except PolicyError as exc:
        log.error("refused the new pack on %s; the old one stays in force: %s", why, exc)
    except Exception:
        log.exception("reloading on %s failed; the old pack stays in force", why)


async def watch(service: Service, folder: str, seconds: float = WATCH_SECONDS) -> None:
    """Reload when the pack's files change, off the event loop; survives any error."""
    stamp: tuple[object, ...] | None = None
    while True:
        try:
            current = await asyncio.to_thread(pack_stamp, folder)
            if stamp is not None and current != stamp:
                await asyncio.to_thread(reload_safely, service, "a change to the pack's files")
            stamp = current
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("the pack watcher hit an error; it keeps watching")
        await asyncio.sleep(seconds)


def app_factory(settings: Settings | None = None) -> FastAPI:
    """The app for one worker, configured by `settings` (default: read from the environment
    `govern serve` sets)."""
    settings = settings or Settings.from_env()
    policies = str(settings.pack_path)
    store = SqlStore(settings.db, log=settings.log)
    app = create_app(
        policies,
        store,
        open_access=settings.open,
        shadow=str(settings.shadow) if settings.shadow else None,
        settings=settings,
        oidc=OidcSettings.from_env(),  # GOVERN_OIDC_*: sign-in and bearer tokens (docs/identity.md)
    )
    service: Service = app.state.service

    @contextlib.asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        loop = asyncio.get_running_loop()
        pending: set[asyncio.Future[None]] = set()

        def on_hangup() -> None:  # reload in a worker thread: the loop keeps answering
            task = asyncio.ensure_future(asyncio.to_thread(reload_safely, service, "SIGHUP"))
            pending.add(task)
            task.add_done_callback(pending.discard)

        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            loop.add_signal_handler(signal.SIGHUP, on_hangup)
        watcher = asyncio.create_task(watch(service, policies))
        yield
        watcher.cancel()

    app.router.lifespan_context = lifespan
    return app
