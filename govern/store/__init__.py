"""Storage: the decision log (hash-chained), referrals, grants, comments and API keys.

One small interface (`Store`), with `SqlStore` for SQLite (the embedded default) and
PostgreSQL, and `MemoryStore` as the in-process double for tests.
"""

from govern.store.base import LogRecord, Store, StoreUnavailable

__all__ = ["LogRecord", "Store", "StoreUnavailable"]
