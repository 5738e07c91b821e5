"""The tables the migrations create are the tables govern/store/schema.py describes."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from govern.store import schema
from govern.store.sql import SqlStore


def test_the_migrations_match_the_schema_module(tmp_path: Path) -> None:
    store = SqlStore(str(tmp_path / "govern.db"))
    with store.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), schema.metadata)
    store.close()
    assert differences == []
