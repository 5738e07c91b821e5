"""The service's store fixtures (SQLite, and PostgreSQL when GOVERN_TEST_PG is set)."""

from tests.api.conftest import state_home, store

__all__ = ["state_home", "store"]
