"""Check an untrusted pack in a child process, so a crash refuses the pack instead of killing us.

The CEL library is native code: a pack that crashes it (a stack overflow is a segfault, not an
exception) would take the whole service down on reload. The limits in
`govern.policy.expr_limits` refuse the crashes we know of; this is the second wall. The child
loads the pack with memory and CPU limits and answers in JSON; the parent loads the pack itself
only when the child loaded the very same bytes (same digest).

Children are forked from a multiprocessing fork server that has already imported govern, so a
check costs the pack's load (about 0.2 s of CPU), not a fresh interpreter's imports (1.2 s);
forking the service itself would copy its threads' locks. As with any multiprocessing use, a
script that calls this must guard its top level with `if __name__ == "__main__":` (the child
imports the main module; `govern`, uvicorn's workers and `python -m` entry points all do).
"""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from govern.errors import Location, PolicyError, Problem
from govern.pack import Pack, load_pack
from govern.settings import Settings

TIMEOUT_SECONDS = 60.0
CPU_SECONDS = 30
MEMORY_BYTES = 1024 * 1024 * 1024  # the default pack peaks under 100 MiB
MAX_ANSWER = 16 * 1024 * 1024

_CONTEXT = multiprocessing.get_context("forkserver")
_CONTEXT.set_forkserver_preload(["govern.pack"])

Child = Callable[[str, str, str, Connection], None]  # (cwd, pack, packs root, answer)


@dataclass(frozen=True, slots=True)
class Checked:
    """What the child says about a pack that loads."""

    ref: dict[str, str]
    rules: int

    @property
    def digest(self) -> str:
        return self.ref["digest"]


def _refused(path: str | Path, message: str) -> PolicyError:
    return PolicyError([Problem(Location(str(path)), "G120", message)])


def _problem(item: dict[str, Any]) -> Problem:
    where = Location(str(item["file"]), int(item["line"]), int(item["column"]))
    return Problem(where, str(item["code"]), str(item["message"]), str(item.get("path", "")))


def check_pack(
    path: str | Path, packs_root: str | Path | None = None, *, child: Child | None = None
) -> Checked:
    """Load the pack in a child process; raise PolicyError with its problems, or if it crashed.

    `child` is what runs in the child process (by default `load_in_child`).
    """
    receiving, sending = _CONTEXT.Pipe(duplex=False)
    # Settle here what the child would read from its (older) environment and working folder.
    folder = Path(path).resolve()
    root = packs_root or Settings.from_env().packs_root or folder.parent
    args = (os.getcwd(), str(folder), str(Path(root).resolve()), sending)
    process = _CONTEXT.Process(target=child or load_in_child, args=args, daemon=True)
    try:
        process.start()
    except OSError as exc:
        raise _refused(path, f"cannot start the pack checker: {exc.strerror}") from None
    finally:
        sending.close()
    raw: bytes | None = None
    try:
        if not receiving.poll(TIMEOUT_SECONDS):
            process.kill()
            raise _refused(path, f"checking the pack took over {TIMEOUT_SECONDS:.0f} s; it is refused")
        raw = receiving.recv_bytes(MAX_ANSWER)
    except (EOFError, OSError):
        raw = None  # the child died before it answered
    finally:
        receiving.close()
        process.join(10)
    if raw is None:
        code = process.exitcode
        if code is not None and code < 0:
            name = signal.Signals(-code).name
            raise _refused(path, f"checking the pack crashed the checker ({name}); it is refused")
        raise _refused(path, f"the pack checker failed (exit status {code}); it is refused")
    try:
        answer = json.loads(raw)
        if answer.get("problems"):
            raise PolicyError([_problem(p) for p in answer["problems"]])
        return Checked({k: str(v) for k, v in answer["pack"].items()}, int(answer["rules"]))
    except (ValueError, KeyError, TypeError, AttributeError):
        raise _refused(path, "the pack checker gave an unreadable answer; it is refused") from None


def load_untrusted(path: str | Path, packs_root: str | Path | None = None) -> Pack:
    """Check the pack in a child process, then load it here: a crash only costs the child."""
    checked = check_pack(path, packs_root)
    pack = load_pack(path, packs_root=packs_root)
    if pack.digest != checked.digest:
        raise _refused(path, "the pack changed while it was being checked; reload again")
    return pack


def _limit_resources() -> None:
    import resource

    for limit, value in ((resource.RLIMIT_AS, MEMORY_BYTES), (resource.RLIMIT_CPU, CPU_SECONDS)):
        soft, hard = resource.getrlimit(limit)
        wanted = value if hard == resource.RLIM_INFINITY else min(value, hard)
        if soft == resource.RLIM_INFINITY or soft > wanted:
            resource.setrlimit(limit, (wanted, hard))


def load_in_child(cwd: str, path: str, packs_root: str, answer: Connection) -> None:
    """In the child: load the pack and send what became of it as one JSON object."""
    _limit_resources()
    try:
        os.chdir(cwd)  # problems name files relative to the caller's working folder
        pack = load_pack(path, packs_root=packs_root)
        body: dict[str, Any] = {"pack": pack.ref.model_dump(), "rules": len(pack.rules())}
    except PolicyError as exc:
        body = {"problems": [p.as_dict() for p in exc.problems]}
    except Exception as exc:  # the child's one job is to say what happened, whatever it was
        message = f"loading the pack failed ({type(exc).__name__}); it is refused"
        body = {"problems": [Problem(Location(path), "G120", message).as_dict()]}
    answer.send_bytes(json.dumps(body).encode())
    answer.close()
