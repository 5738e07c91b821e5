"""Which files of a pack folder are read: bounded in number and size, never outside the folder.

A pack is untrusted input. Its files are listed without following links, every symbolic link
must stay inside the pack (a link to /etc/shadow would otherwise be read and its lines echoed
in problem messages), and the folder is refused whole when it holds too many files or bytes,
before anything is read (twenty 1.9 MB files kept the service busy for 20 seconds).
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from govern.errors import Location, Problem

MAX_FILES = 200  # YAML documents in one pack
MAX_BYTES = 5 * 1024 * 1024  # all of a pack's YAML together
MAX_ENTRIES = 10_000  # directory entries looked at, of any kind
SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True, slots=True)
class PackFile:
    """One YAML file of a pack: where it is, its size and modification time when listed."""

    path: Path
    size: int
    mtime: float


def inside(path: Path, root: Path) -> bool:
    """True when `path`, with every link resolved, is `root` or under it."""
    try:
        path.resolve().relative_to(root.resolve())
    except (ValueError, OSError, RuntimeError):
        return False
    return True


def _display(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def list_files(root: Path) -> tuple[list[PackFile], list[Problem]]:
    """The pack's YAML files in name order, or the problems that stop the pack being read."""
    problems: list[Problem] = []
    found: list[PackFile] = []
    entries = 0
    pending = [root]
    while pending:
        folder = pending.pop()
        try:
            with os.scandir(folder) as listing:
                children = sorted(listing, key=lambda e: e.name)
        except OSError as exc:
            problems.append(
                Problem(Location(_display(folder)), "G100", f"cannot list folder: {exc.strerror}")
            )
            continue
        for entry in children:
            entries += 1
            if entries > MAX_ENTRIES:
                message = f"the pack folder holds over {MAX_ENTRIES:,} entries; a pack is a few YAML files"
                return [], [Problem(Location(_display(root)), "G104", message)]
            path = Path(entry.path)
            if entry.is_symlink():
                if not inside(path, root):
                    message = "symbolic link leads outside the pack folder; it is not read"
                    problems.append(Problem(Location(_display(path)), "G105", message))
                    continue
                if entry.is_dir():
                    continue  # the folder it points to is inside the pack and listed there
            elif entry.is_dir(follow_symlinks=False):
                pending.append(path)
                continue
            if path.suffix not in SUFFIXES:
                continue
            try:
                info = path.stat()
            except OSError as exc:
                problems.append(
                    Problem(Location(_display(path)), "G100", f"cannot read file: {exc.strerror}")
                )
                continue
            if stat.S_ISREG(info.st_mode):
                found.append(PackFile(path, info.st_size, info.st_mtime))
    found.sort(key=lambda f: f.path)
    if len(found) > MAX_FILES:
        message = f"the pack has {len(found)} YAML files; the limit is {MAX_FILES}"
        problems.append(Problem(Location(_display(root)), "G104", message))
    total = sum(f.size for f in found)
    if total > MAX_BYTES:
        size, limit = f"{total / 1024 / 1024:.1f} MiB", f"{MAX_BYTES // 1024 // 1024} MiB"
        problems.append(
            Problem(Location(_display(root)), "G104", f"the pack's YAML is {size}; the limit is {limit}")
        )
    return found, problems
