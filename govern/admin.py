"""`govern serve`, `keys`, `audit` and `records`: the commands that run and look after the service."""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import hashlib
import ipaddress
import json
import logging
import os
import secrets
import socket
import sys
import tempfile
from pathlib import Path
from typing import Any

from govern.api.roles import POWERS, ROLES
from govern.ids import name_problem, new_id
from govern.settings import DEPRECATED_PACK_VARIABLE, Settings
from govern.store.base import StoreUnavailable

CAPABILITIES = tuple(r for r in POWERS if r not in ROLES)  # off the ladder: provisioning, intake
MAX_SHOWN = 50  # problems printed by `govern audit verify`


def open_store(url: str, check_key: bool = True) -> Any:
    from govern.store.chain import UpgradeRefused
    from govern.store.logkey import LogKeyError
    from govern.store.sql import SqlStore

    try:
        return SqlStore(url, check_key=check_key, log=Settings.from_env().log)
    except StoreUnavailable as exc:
        raise SystemExit(f"govern: cannot open the database {url}: {exc}") from None
    except (LogKeyError, UpgradeRefused) as exc:
        raise SystemExit(f"govern: {exc}") from None


def is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(socket.gethostbyname(host)).is_loopback
    except (OSError, ValueError):
        return False


def serve_settings(args: argparse.Namespace, open_access: bool) -> Settings:
    """What `govern serve`'s command line says, as the settings each worker reads."""
    return Settings(
        pack=Path(args.policies).resolve(),
        db=args.db,
        open=open_access,
        shadow=Path(args.shadow).resolve() if args.shadow else None,
        hosts=tuple(args.allowed_host),
        trust_proxy=args.trust_proxy,
    )


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from govern.api.server import JsonFormatter
    from govern.errors import PolicyError
    from govern.pack import load_pack

    for label, folder in (("policy pack", args.policies), ("shadow pack", args.shadow)):
        if folder is None:
            continue
        try:
            load_pack(folder)  # refuse to start on a pack that does not validate
        except PolicyError as exc:
            print(f"govern: the {label} '{folder}' does not load\n{exc}", file=sys.stderr)
            return 1
    from pydantic import ValidationError

    from govern.identity.settings import OidcSettings

    try:  # GOVERN_OIDC_*: with a provider configured everyone signs in, so the service is never open
        oidc = OidcSettings.from_env()
    except ValidationError as exc:
        problems = "; ".join(str(e["msg"]) for e in exc.errors())
        print(f"govern: the sign-in settings (GOVERN_OIDC_*) are unusable: {problems}", file=sys.stderr)
        return 2
    store = open_store(args.db)
    open_access = not store.keys() and oidc is None
    if open_access and not is_loopback(args.host):
        print(
            f"govern: refusing to listen on {args.host} without API keys; create one with "
            "'govern keys create --role admin --name NAME', or bind to 127.0.0.1",
            file=sys.stderr,
        )
        return 2
    handler = logging.StreamHandler()
    handler.setFormatter(JsonFormatter())
    logging.basicConfig(level=args.log_level.upper(), handlers=[handler], force=True)
    if open_access:
        logging.getLogger("govern.serve").warning(
            "no API keys: running open, for this machine only (%s:%s)", args.host, args.port
        )
    # The workers (fresh processes under uvicorn) read their settings from the environment.
    os.environ.pop(DEPRECATED_PACK_VARIABLE, None)
    os.environ.update(serve_settings(args, open_access).environment())
    if args.workers > 1 and "PROMETHEUS_MULTIPROC_DIR" not in os.environ:
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = tempfile.mkdtemp(prefix="govern-metrics-")
    config = uvicorn.Config(
        "govern.api.server:app_factory",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        log_config=None,
        timeout_graceful_shutdown=10,
        access_log=False,
        proxy_headers=False,  # X-Forwarded-Proto is honoured only with --trust-proxy (govern's Guard)
    )
    try:
        sock = listen_socket(args.host, args.port)
    except OSError as exc:
        print(f"govern: cannot listen on {args.host}:{args.port}: {exc.strerror}", file=sys.stderr)
        return 2
    if args.workers > 1:
        from uvicorn.supervisors import Multiprocess

        Multiprocess(config, sockets=[sock]).run()
    else:
        uvicorn.Server(config).run(sockets=[sock])
    return 0


def listen_socket(host: str, port: int) -> socket.socket:
    """The listening socket, with TCP_NODELAY set so that every accepted connection inherits it.

    Without it, uvicorn's workers answer small requests 40 ms late (Nagle's algorithm meets the
    client's delayed ACK when the response's headers and body are written separately).
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    sock.bind((host, port))
    sock.listen(2048)
    sock.set_inheritable(True)
    return sock


def cmd_keys(args: argparse.Namespace) -> int:
    if args.action in ("create", "revoke"):
        name = args.name if args.action == "create" else args.key
        problem = name_problem(name or "")
        if problem:
            field = "--name" if args.action == "create" else "NAME"
            print(f"govern: invalid {field}: the name {problem}", file=sys.stderr)
            return 2
    store = open_store(args.db)
    if args.action == "revoke":
        count = store.revoke_key(args.key, actor=operator())
        if not count:
            print(f"govern: no key named (or with the id) '{args.key}'", file=sys.stderr)
            return 1
        print(f"revoked {count} key{'s' if count != 1 else ''} '{args.key}'; it is refused from now on")
        return 0
    if args.action == "create":
        if any(k.name == args.name for k in store.keys()):
            print(
                f"govern: a key named '{args.name}' exists; revoke it first or choose another name",
                file=sys.stderr,
            )
            return 2
        secret = "gvk_" + secrets.token_urlsafe(32)
        key = store.add_key(
            new_id(), args.name, args.role, hashlib.sha256(secret.encode()).hexdigest(), actor=operator()
        )
        print(json.dumps({"key_id": key.key_id, "name": key.name, "role": key.role, "key": secret}))
        print(
            "govern: keep the key safe; it is stored only as a hash and cannot be shown again",
            file=sys.stderr,
        )
    elif args.action == "role":
        if not args.key_id:
            print("govern: 'keys role' needs --key-id and --role", file=sys.stderr)
            return 2
        try:
            key = store.set_key_role(args.key_id, args.role, actor=operator())
        except KeyError:
            print(f"govern: no key {args.key_id}", file=sys.stderr)
            return 1
        print(json.dumps({"key_id": key.key_id, "name": key.name, "role": key.role}))
    else:
        for key in store.keys():
            print(
                json.dumps(
                    {
                        "key_id": key.key_id,
                        "name": key.name,
                        "role": key.role,
                        "created_at": key.created_at.isoformat(),
                    }
                )
            )
    return 0


def operator() -> str:
    """Who ran a command that changes rights, for the log: the operating system's user name."""
    try:
        return "cli:" + (os.environ.get("SUDO_USER") or getpass.getuser())
    except (KeyError, OSError):
        return "cli"


def cmd_audit(args: argparse.Namespace) -> int:
    store = open_store(args.db, check_key=False)  # verify reports a wrong key or an altered record itself
    if args.action == "export-head":
        try:
            print(json.dumps(store.export_head()))
        except ValueError as exc:
            print(f"govern: {exc}", file=sys.stderr)
            return 1
        return 0
    exported: list[Any] = []
    for path in args.exported or []:
        try:
            with open(path, encoding="utf-8") as handle:
                exported += [json.loads(line) for line in handle if line.strip()]
        except (OSError, ValueError) as exc:
            print(f"govern: cannot read the exported heads {path}: {exc}", file=sys.stderr)
            return 2
    report = store.audit(exported)
    if not report.problems:
        print(
            f"the decision log is intact: {report.records} records, every MAC verified; "
            f"anchored outside the database up to record {report.anchored}"
            + (f" ({report.unanchored} newer records not yet anchored)" if report.unanchored else "")
            + (f"; {len(exported)} exported heads match" if exported else "")
        )
        return 0
    print(f"govern: the decision log has been altered ({len(report.problems)} problems):", file=sys.stderr)
    for problem in report.problems[:MAX_SHOWN]:
        print(f"  {problem}", file=sys.stderr)
    if len(report.problems) > MAX_SHOWN:
        print(f"  ... and {len(report.problems) - MAX_SHOWN} more", file=sys.stderr)
    return 1


def _day(text: str) -> dt.datetime:
    return dt.datetime.combine(dt.date.fromisoformat(text), dt.time(), dt.UTC)


def cmd_records(args: argparse.Namespace) -> int:
    store = open_store(args.db)
    if args.action == "export":
        since = _day(args.since) if args.since else None
        until = _day(args.until) + dt.timedelta(days=1) if args.until else None
        for record in store.log(since, until):
            print(
                json.dumps(
                    {
                        "seq": record.seq,
                        "kind": record.kind,
                        "ref": record.ref,
                        "at": record.at.isoformat(),
                        "actor": record.actor,
                        "policy": {"pack": record.pack, "version": record.version, "digest": record.digest},
                        "input": record.input,
                        "result": record.result,
                        "hash": record.hash,
                    }
                )
            )
        return 0
    from govern.pack import load_pack

    pack = load_pack(args.policies)
    if args.action == "evidence":
        from govern.moderation_team import evidence_export

        return evidence_export(store, pack, args.author, args.format, masked=not args.unmasked)
    days = pack.moderation.spec.retention.removed_days
    before = dt.datetime.now(dt.UTC) - dt.timedelta(days=days)
    count = store.purge(before, actor=operator())
    from govern.signoff.sql import SqlReviews

    count += SqlReviews(store.engine).purge(before)  # drafts sent for sign-off, once decided
    print(f"purged the text of {count} drafts and comments older than {days} days ({before.date()})")
    from govern.moderation_team import TeamDesk

    ended = TeamDesk(store).records.purge_evidence(dt.datetime.now(dt.UTC).date(), actor=operator())
    print(f"deleted {ended} evidence items whose legal hold had ended; the rest are kept")
    return 0


def add_commands(sub: Any, settings: Settings) -> None:
    default_policies = str(settings.pack_path)
    db = {
        "default": settings.db,
        "metavar": "URL",
        "help": "database: a SQLite file (default govern.db) or postgresql://...",
    }

    p = sub.add_parser("serve", help="run the HTTP service")
    p.add_argument("--policies", default=default_policies, metavar="DIR")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--db", **db)
    p.add_argument("--workers", type=int, default=1)
    p.add_argument(
        "--shadow",
        default=None,
        metavar="DIR",
        help="also decide every request with this pack; log and count differences",
    )
    p.add_argument("--log-level", default="info", choices=["debug", "info", "warning", "error"])
    p.add_argument(
        "--allowed-host",
        action="append",
        default=list(settings.hosts),
        metavar="NAME",
        help="a host name the service answers to (repeat for more); loopback names always work when open",
    )
    p.add_argument(
        "--trust-proxy",
        action="store_true",
        default=settings.trust_proxy,
        help="behind a TLS proxy: take the scheme from X-Forwarded-Proto (cookies become Secure)",
    )
    p.set_defaults(run=cmd_serve)

    p = sub.add_parser(
        "keys", help="API keys: create one (printed once), list them, revoke one, or change a key's role"
    )
    p.add_argument("action", choices=["create", "list", "revoke", "role"])
    p.add_argument("key", nargs="?", default=None, metavar="NAME", help="revoke: the key's name or id")
    p.add_argument("--role", choices=ROLES + CAPABILITIES, default="requester")
    p.add_argument("--name", default="unnamed")
    p.add_argument("--key-id", help="the key whose role changes (role)")
    p.add_argument("--db", **db)
    p.set_defaults(run=cmd_keys)

    p = sub.add_parser(
        "audit", help="verify the decision log (chain, head file, rights tables), or print a signed head"
    )
    p.add_argument("action", choices=["verify", "export-head"])
    p.add_argument(
        "--exported",
        action="append",
        metavar="FILE",
        help="also check heads printed earlier by export-head (JSON Lines), e.g. kept off site",
    )
    p.add_argument("--db", **db)
    p.set_defaults(run=cmd_audit)

    p = sub.add_parser("records", help="export the log as JSON Lines (FOI), or purge expired personal data")
    p.add_argument("action", choices=["export", "purge", "evidence"])
    p.add_argument("--author", help="evidence: the author whose evidence pack to export")
    p.add_argument(
        "--format", choices=["json", "html"], default="json", help="evidence: JSON or a printable page"
    )
    p.add_argument("--unmasked", action="store_true", help="evidence: show offensive words in full")
    p.add_argument("--since", help="export from this date (YYYY-MM-DD)")
    p.add_argument("--until", help="export up to and including this date")
    p.add_argument("--policies", default=default_policies, metavar="DIR", help="whose retention applies")
    p.add_argument("--db", **db)
    p.set_defaults(run=cmd_records)
