"""The log key: where it lives (never in the database) and how it is created and checked.

The key is a 0600 file created at first start, beside the SQLite file or in `GOVERN_LOG_DIR`
(PostgreSQL: `GOVERN_LOG_DIR`, else the user's state directory), or a secret in `GOVERN_LOG_KEY`
(for several hosts sharing one PostgreSQL, or a key kept in a secrets manager).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import secrets
import stat
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa

MIN_SECRET = 32  # characters of GOVERN_LOG_KEY; the key file holds 32 random bytes


class LogKeyError(Exception):
    """The log key is missing, unreadable, too short or readable by others: the store refuses to open."""


class KeyUnreadable(LogKeyError):
    """The key file exists but this user may not read it (e.g. Squid's helper, run as the proxy user)."""


@dataclass(frozen=True)
class LogSettings:
    """Where the log key and the head file are (govern.settings.Settings.log reads them from the
    environment once; the store itself reads no environment)."""

    secret: str | None = None
    directory: Path | None = None
    state: Path | None = None  # the default folder for PostgreSQL's files
    sync_before_answer: bool = False  # fsync the head file before answering (see govern.store.anchor)

    def files(self, url: str) -> tuple[Path, Path]:
        """The key file and the head file for the database at `url` (a SQLAlchemy URL)."""
        if url.startswith("sqlite"):
            database = Path(url.split(":///", 1)[1])
            folder, name = self.directory or database.resolve().parent, database.name
        else:
            shown = sa.engine.make_url(url).render_as_string(hide_password=True)  # the same for any password
            folder = self.directory or self.state or Path.home() / ".local" / "state" / "govern"
            name = "pg-" + hashlib.sha256(shown.encode()).hexdigest()[:16]
        return folder / f"{name}.log-key", folder / f"{name}.log-head"


def load_key(settings: LogSettings, path: Path, *, may_create: bool) -> bytes:
    """The log key: the secret from the environment, or the key file (created if absent and allowed)."""
    if settings.secret is not None:
        if len(settings.secret) < MIN_SECRET:
            raise LogKeyError(f"GOVERN_LOG_KEY must be at least {MIN_SECRET} characters long")
        return settings.secret.encode("utf-8")
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        if not may_create:
            raise LogKeyError(
                f"the log key {path} is missing and the log already holds records made with a key: "
                "restore the key file (or set GOVERN_LOG_KEY); a new key cannot vouch for them"
            ) from None
        return _create(path)
    if not stat.S_ISREG(mode):
        raise LogKeyError(f"the log key {path} is not a regular file")
    if mode & 0o077:
        raise LogKeyError(
            f"the log key {path} can be read by others (mode {stat.S_IMODE(mode):o}); "
            f"make it private with 'chmod 600 {path}'"
        )
    return _read(path)


def _read(path: Path) -> bytes:
    try:
        key = bytes.fromhex(path.read_text(encoding="ascii").strip())
    except PermissionError:
        raise KeyUnreadable(f"this user may not read the log key {path}") from None
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise LogKeyError(f"the log key {path} cannot be read: {exc}") from None
    if len(key) < 32:
        raise LogKeyError(f"the log key {path} is too short ({len(key)} bytes, 32 needed)")
    return key


def _create(path: Path) -> bytes:
    """Write a new random key with mode 0600; if another process wins the race, use its key."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    draft = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
    fd = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.write(fd, (secrets.token_bytes(32).hex() + "\n").encode("ascii"))
        os.fsync(fd)
    finally:
        os.close(fd)
    try:
        with contextlib.suppress(FileExistsError):
            os.link(draft, path)  # atomic and exclusive: the first process to get here sets the key
    finally:
        draft.unlink()
    _sync_folder(path.parent)
    return _read(path)


def _sync_folder(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
