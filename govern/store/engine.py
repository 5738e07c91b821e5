"""Connecting: database URLs, SQLite's pragmas and write lock, and the Alembic migrations."""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
LOCK_WAIT_SECONDS = 30.0
T = TypeVar("T")


def normalise_url(url: str) -> str:
    """Accept postgresql://... (psycopg 3) and a bare file path for SQLite."""
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    if "://" not in url:
        return f"sqlite:///{url}"
    return url


def create_private_sqlite(url: str) -> None:
    """Create a new SQLite file readable by its owner only (0600) before SQLite opens it: it
    holds requests, comments and business cases, and SQLite gives the -wal and -shm files the
    database file's mode. An existing file is left as it is."""
    path = url.removeprefix("sqlite:///").split("?", 1)[0]
    if not path or path == ":memory:" or url.startswith("sqlite:///file:"):
        return
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return
    except OSError:
        return  # a folder that does not exist: SQLite reports it when it opens the file
    os.close(fd)


def migrate(engine: Engine, key: bytes | None) -> tuple[int, str] | None:
    """Bring the schema up to date with Alembic (idempotent; safe from several processes).

    Returns the chain head to anchor when the upgrade re-keyed an older, unkeyed log.
    """
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["log_key"] = key
    # Workers open the store at the same moment: on SQLite the second waits for the first's lock.
    with engine.connect() as connection, when_unlocked(connection.begin):
        if engine.dialect.name == "postgresql":
            connection.exec_driver_sql("SELECT pg_advisory_xact_lock(72657)")  # one migrator at a time
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    adopted: tuple[int, str] | None = config.attributes.get("adopted")
    return adopted


def holds_keyed_records(engine: Engine) -> bool:
    """Whether the database already holds records made with a log key (schema 0002 or later)."""
    with engine.connect().execution_options(govern_write=False) as c:
        inspector = sa.inspect(c)
        if not (inspector.has_table("alembic_version") and inspector.has_table("log")):
            return False
        version = c.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()
        if version in (None, "0001"):
            return False
        return c.execute(sa.text("SELECT 1 FROM log LIMIT 1")).first() is not None


def when_unlocked(begin: Callable[[], T], seconds: float = LOCK_WAIT_SECONDS, pause: float = 0.0005) -> T:
    """Begin a SQLite write transaction, retrying every `pause` while another process holds the
    write lock, for `seconds` at most (SQLite's own busy handler sleeps up to 100 ms between tries)."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            return begin()
        except (sa.exc.OperationalError, sqlite3.OperationalError) as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(pause)


def sqlite_begin(connection: Connection) -> None:
    write = connection.get_execution_options().get("govern_write", True)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def sqlite_pragmas(dbapi_connection: Any, _: Any) -> None:
    dbapi_connection.isolation_level = None  # let the "begin" event issue BEGIN IMMEDIATE
    cursor = dbapi_connection.cursor()
    # Setting WAL takes a lock another opener may hold (workers start together): wait for it here
    # with SQLite's busy handler, then hand waiting back to when_unlocked (timeout 0, finer retries).
    # WAL is a property of the file, so it is set only once, not by every connection.
    cursor.execute(f"PRAGMA busy_timeout = {int(LOCK_WAIT_SECONDS * 1000)}")
    if str(cursor.execute("PRAGMA journal_mode").fetchone()[0]).lower() != "wal":
        cursor.execute("PRAGMA journal_mode=WAL")
    # NORMAL in WAL mode: a commit survives the process being killed (kill -9); only a power cut
    # or OS crash can lose the last commits. FULL would fsync every commit (~20 ms here).
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout = 0")
    cursor.close()
