"""Enforcement: grants drive a web filter. A Squid helper, static exports, expiry notices.

    govern squid-helper [--db URL] [--ttl 5]         # external_acl_type helper: user domain method
    govern export squid [--out FILE]                   # static squid.conf include for current grants
    govern export --format csv|json                    # current grants for other filters
    govern grants expiring --within 14d                # who loses access soon

A `read` grant allows GET, HEAD and CONNECT (HTTPS is a CONNECT, whose method Squid cannot see);
`post` and `manage` also allow POST, PUT, PATCH and DELETE.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json
import os
import re
import sys
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import unquote

from govern.ids import is_name
from govern.settings import Settings
from govern.store.base import Grant

READ_METHODS = frozenset({"GET", "HEAD", "CONNECT", "OPTIONS"})
WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
LEVELS = {"read": READ_METHODS, "post": READ_METHODS | WRITE_METHODS, "manage": READ_METHODS | WRITE_METHODS}

MAX_HOST = 253  # the longest DNS name
MAX_LINE = 4096  # a helper request line: channel, user, host and method, URL-escaped
_DOMAIN = re.compile(
    r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+", re.ASCII
)
# A spreadsheet reads a cell starting with one of these as a formula (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def today(zone: Any, clock: str | None = None) -> dt.date:
    """Today in the pack's zone; a test clock file (YYYY-MM-DD) overrides it when it exists."""
    if clock and Path(clock).is_file():
        text = Path(clock).read_text(encoding="utf-8").strip()
        if text:
            return dt.date.fromisoformat(text)
    return dt.datetime.now(zone).date()


class GrantCache:
    """Current grants per user, kept for `ttl` seconds and never past a grant's expiry."""

    def __init__(self, store: Any, resolve: Any, zone: Any, ttl: float, clock: str | None = None) -> None:
        self.store, self.resolve, self.zone, self.ttl, self.clock = store, resolve, zone, ttl, clock
        self._cache: dict[str, tuple[float, dt.date, list[Grant]]] = {}

    def grants(self, user: str) -> list[Grant]:
        day = today(self.zone, self.clock)
        cached = self._cache.get(user)
        if cached and cached[0] > time.monotonic() and cached[1] == day:
            return [g for g in cached[2] if g.expires_on is None or g.expires_on >= day]
        found: list[Grant] = list(self.store.grants(requester=user, today=day))
        self._cache[user] = (time.monotonic() + self.ttl, day, found)
        return found

    def allows(self, user: str, host: str, method: str) -> bool:
        try:
            domain = self.resolve(host).domain
        except Exception:  # not a domain: nothing is granted for it
            return False
        method = method.upper()
        return any(
            g.domain == domain and method in LEVELS.get(g.access, frozenset()) for g in self.grants(user)
        )


def answer(line: str, cache: GrantCache) -> str:
    """One line of Squid's helper protocol: `[channel] user host method` -> `[channel] OK|ERR`."""
    parts = line.split()
    channel = ""
    if parts and parts[0].isdigit():
        channel, parts = parts[0] + " ", parts[1:]
    if len(parts) < 3:
        return f'{channel}BH message="expected: user domain method"'
    user, host, method = (unquote(p) for p in parts[:3])
    host = host.rstrip(".")
    if user in ("", "-") or not is_name(user) or not host or len(host) > MAX_HOST:
        return f"{channel}ERR"  # refused before any lookup: no grant is ever made for these
    return f"{channel}{'OK' if cache.allows(user, host, method) else 'ERR'}"


def cmd_squid_helper(args: argparse.Namespace) -> int:
    from govern.admin import open_store
    from govern.pack import load_pack

    pack = load_pack(args.policies)
    cache = GrantCache(open_store(args.db), pack.sites.resolve, pack.timezone, args.ttl, args.clock)
    serve_helper(sys.stdin, sys.stdout, cache)
    return 0


def _lines(stdin: TextIO) -> Iterable[str]:
    """Request lines of at most MAX_LINE characters; a longer one is read to its end and
    given as a line that cannot match (so memory and time stay bounded)."""
    while line := stdin.readline(MAX_LINE + 1):
        if len(line) > MAX_LINE and not line.endswith("\n"):
            while (rest := stdin.readline(MAX_LINE + 1)) and not rest.endswith("\n"):
                pass
            channel = line.split(maxsplit=1)[0] if line.split() else ""
            yield f"{channel} - - -" if channel.isdigit() else "- - -"
            continue
        yield line


def serve_helper(stdin: TextIO, stdout: TextIO, cache: GrantCache) -> None:
    for line in _lines(stdin):
        if not line.strip():
            continue
        try:
            reply = answer(line, cache)
        except Exception as exc:  # the database is down, say: Squid retries a BH answer
            channel = line.split()[0] + " " if line.split() and line.split()[0].isdigit() else ""
            reply = f'{channel}BH message="{type(exc).__name__}"'
        stdout.write(reply + "\n")
        stdout.flush()


def current(args: argparse.Namespace) -> list[Grant]:
    from govern.admin import open_store
    from govern.pack import load_pack

    pack = load_pack(args.policies)
    return list(open_store(args.db).grants(today=today(pack.timezone, getattr(args, "clock", None))))


def exportable(grant: Grant) -> bool:
    """A grant whose user and domain can be written into a Squid ACL file as they are: the name
    grammar of govern.ids and a plain DNS name. Nothing else is ever written there."""
    return (
        is_name(grant.requester) and len(grant.domain) <= MAX_HOST and bool(_DOMAIN.fullmatch(grant.domain))
    )


def squid_include(grants: Iterable[Grant]) -> str:
    """A squid.conf include that allows each current grant: user, domain and methods.

    Squid has no quoting for ACL values, so a grant whose user or domain is not a plain name
    (stored before names were checked, say) is left out, never escaped into the file.
    """
    lines = [
        "# govern export squid: current grants; include from squid.conf before 'http_access deny all'",
        "acl govern_write_methods method POST PUT PATCH DELETE",
    ]
    grants = list(grants)
    refused = [g for g in grants if not exportable(g)]
    if refused:
        lines.append(f"# {len(refused)} grant(s) left out: the user or domain is not a plain name")
    for i, g in enumerate((g for g in grants if exportable(g)), 1):
        lines += [
            f"acl govern_user_{i} proxy_auth {g.requester}",
            f"acl govern_site_{i} dstdomain .{g.domain}",
        ]
        if g.access == "read":
            lines.append(
                f"http_access allow govern_user_{i} govern_site_{i} !govern_write_methods"
                f"  # read until {g.expires_on}"
            )
        else:
            lines.append(
                f"http_access allow govern_user_{i} govern_site_{i}  # {g.access} until {g.expires_on}"
            )
    return "\n".join(lines) + "\n"


def spreadsheet_safe(value: Any) -> Any:
    """A CSV cell a spreadsheet shows as text: a leading =, +, -, @, tab or CR gets a quote."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def rows(grants: Iterable[Grant]) -> list[dict[str, Any]]:
    return [
        {
            "user": g.requester,
            "domain": g.domain,
            "category": g.category,
            "level": g.access,
            "expires_on": g.expires_on.isoformat() if g.expires_on else None,
            "decision_id": g.decision_id,
        }
        for g in grants
    ]


def cmd_export(args: argparse.Namespace) -> int:
    grants = current(args)
    if args.target == "squid":
        text = squid_include(grants)
        if left_out := [g.grant_id for g in grants if not exportable(g)]:
            print(
                f"govern: left out {len(left_out)} grants whose user or domain is not a plain name: "
                f"{', '.join(left_out)}",
                file=sys.stderr,
            )
    elif args.format == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(
            buffer, fieldnames=["user", "domain", "category", "level", "expires_on", "decision_id"]
        )
        writer.writeheader()
        writer.writerows({k: spreadsheet_safe(v) for k, v in row.items()} for row in rows(grants))
        text = buffer.getvalue()
    else:
        text = json.dumps(rows(grants), indent=2) + "\n"
    if args.out:
        tmp = f"{args.out}.tmp"
        Path(tmp).write_text(text, encoding="utf-8")
        os.replace(tmp, args.out)  # atomic: a filter reading the file never sees half of it
        print(f"wrote {len(grants)} grants to {args.out}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def _days(text: str) -> int:
    value = text.strip().lower().removesuffix("d")
    if not value.isdigit():
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of days like 14d")
    return int(value)


def cmd_grants(args: argparse.Namespace) -> int:
    from govern.admin import open_store
    from govern.pack import load_pack

    pack = load_pack(args.policies)
    day = today(pack.timezone, args.clock)
    until = day + dt.timedelta(days=args.within)
    soon = [
        g for g in open_store(args.db).grants(today=day) if g.expires_on is not None and g.expires_on <= until
    ]
    if args.format == "json":
        print(json.dumps(rows(soon), indent=2))
    else:
        for g in sorted(soon, key=lambda g: (g.expires_on or day, g.requester)):
            print(
                f"{g.expires_on}  {g.requester:<20} {g.access:<6} {g.domain}  (renew with a new request "
                f"referencing decision {g.decision_id})"
            )
        print(
            f"{len(soon)} grant{'s' if len(soon) != 1 else ''} expire within {args.within} days",
            file=sys.stderr,
        )
    return 0


def add_commands(sub: Any, settings: Settings) -> None:
    default_policies = str(settings.pack_path)

    p = sub.add_parser("squid-helper", help="Squid external_acl_type helper: 'user domain method' -> OK/ERR")
    p.add_argument("--policies", default=default_policies, metavar="DIR")
    p.add_argument("--db", default=settings.db, metavar="URL")
    p.add_argument("--ttl", type=float, default=5.0, help="seconds a user's grants are cached (default 5)")
    p.add_argument("--clock", default=None, metavar="FILE", help="test clock: a file holding today's date")
    p.set_defaults(run=cmd_squid_helper)

    p = sub.add_parser("export", help="current grants for a web filter: squid (include file), csv or json")
    p.add_argument("target", nargs="?", choices=["squid"], help="squid: a squid.conf include")
    p.add_argument("--format", choices=["csv", "json"], default="json")
    p.add_argument("--out", default=None, metavar="FILE", help="write here (atomically) instead of stdout")
    p.add_argument("--policies", default=default_policies, metavar="DIR")
    p.add_argument("--db", default=settings.db, metavar="URL")
    p.add_argument("--clock", default=None, metavar="FILE", help=argparse.SUPPRESS)
    p.set_defaults(run=cmd_export)

    p = sub.add_parser("grants", help="grants expiring soon, to warn people before access closes")
    p.add_argument("action", choices=["expiring"])
    p.add_argument("--within", type=_days, default=14, metavar="DAYS", help="e.g. 14d (default)")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.add_argument("--policies", default=default_policies, metavar="DIR")
    p.add_argument("--db", default=settings.db, metavar="URL")
    p.add_argument("--clock", default=None, metavar="FILE", help=argparse.SUPPRESS)
    p.set_defaults(run=cmd_grants)
