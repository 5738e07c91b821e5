"""Check an untrusted pack in a child process, so a crash refuses the pack instead of killing us.

The CEL library is native code: a pack that crashes it (a stack overflow is a segfault, not an
exception) would take the whole service down on reload. The limits in
`govern.policy.expr_limits` refuse the crashes we know of; this is the second wall. The child
loads the pack with memory and CPU limits and answers in JSON; the parent loads the pack itself
only when the child loaded the very same bytes (same digest).

Run as `python -m govern.sandbox DIR [PACKS_ROOT]`.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from govern.errors import Location, PolicyError, Problem
from govern.pack import Pack, load_pack

TIMEOUT_SECONDS = 60.0
CPU_SECONDS = 30
MEMORY_BYTES = 1024 * 1024 * 1024  # the default pack peaks under 100 MiB


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


def check_pack(path: str | Path, packs_root: str | Path | None = None) -> Checked:
    """Load the pack in a child process; raise PolicyError with its problems, or if it crashed."""
    command = [sys.executable, "-m", "govern.sandbox", os.path.abspath(path)]
    if packs_root:
        command.append(os.path.abspath(packs_root))
    try:
        child = subprocess.run(
            command, capture_output=True, timeout=TIMEOUT_SECONDS, stdin=subprocess.DEVNULL, check=False
        )
    except subprocess.TimeoutExpired:
        raise _refused(path, f"checking the pack took over {TIMEOUT_SECONDS:.0f} s; it is refused") from None
    except OSError as exc:
        raise _refused(path, f"cannot start the pack checker: {exc.strerror}") from None
    if child.returncode < 0:
        name = signal.Signals(-child.returncode).name
        raise _refused(path, f"checking the pack crashed the checker ({name}); it is refused")
    try:
        answer = json.loads(child.stdout)
        if answer.get("problems"):
            raise PolicyError([_problem(p) for p in answer["problems"]])
        return Checked({k: str(v) for k, v in answer["pack"].items()}, int(answer["rules"]))
    except (ValueError, KeyError, TypeError, AttributeError):
        raise _refused(
            path, f"the pack checker failed (exit status {child.returncode}); it is refused"
        ) from None


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


def main(argv: list[str]) -> int:
    """The child: load the pack and print what became of it as one JSON object."""
    _limit_resources()
    try:
        pack = load_pack(argv[0], packs_root=argv[1] if len(argv) > 1 else None)
        answer: dict[str, Any] = {"pack": pack.ref.model_dump(), "rules": len(pack.rules())}
    except PolicyError as exc:
        answer = {"problems": [p.as_dict() for p in exc.problems]}
    except Exception as exc:  # the child's one job is to say what happened, whatever it was
        message = f"loading the pack failed ({type(exc).__name__}); it is refused"
        answer = {"problems": [Problem(Location(argv[0]), "G120", message).as_dict()]}
    print(json.dumps(answer))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
