"""`govern training import FILE.csv`: completed courses from a learning system's export.

The file needs the columns person, course and completed_on (any case and order; a byte-order mark
and extra columns are fine). By default a file with any bad row imports nothing, so a half-read
export never leaves some staff trained and others not; `--partial` imports the good rows and
reports the rest. Either way every bad row is listed with its line number. Importing the same
file again adds nothing (a record is person, course and date).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

from govern.identity.training import read_csv
from govern.settings import Settings

MAX_FILE = 50 * 1024 * 1024  # bytes: a council's whole export is a few MB
EXIT_OK, EXIT_BAD_ROWS, EXIT_REFUSED = 0, 1, 2


def cmd_training(args: argparse.Namespace) -> int:
    from govern.admin import open_store, operator
    from govern.store.identity import SqlTraining

    path = Path(args.file)
    try:
        if path.stat().st_size > MAX_FILE:
            print(f"govern: {path} is over {MAX_FILE // 2**20} MB; split the export", file=sys.stderr)
            return EXIT_REFUSED
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        print(f"govern: cannot read {path}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_REFUSED
    except UnicodeDecodeError as exc:
        print(
            f"govern: {path} is not UTF-8 text (byte {exc.start}); export it as 'CSV UTF-8'",
            file=sys.stderr,
        )
        return EXIT_REFUSED
    now = dt.datetime.now(dt.UTC)
    records, problems = read_csv(text, path.name, now, dt.date.today())
    for problem in problems:
        print(f"{path}:{problem}", file=sys.stderr)
    report: dict[str, Any] = {"file": str(path), "good_rows": len(records), "bad_rows": len(problems)}
    if problems and not args.partial:
        report |= {
            "imported": False,
            "added": 0,
            "why": "a bad row imports nothing; fix them or use --partial",
        }
        print(json.dumps(report))
        return EXIT_REFUSED
    store = open_store(args.db)
    try:
        added, held = SqlTraining(store).put(records, operator(), f"import:{path.name}")
    finally:
        store.close()
    report |= {"imported": True, "added": added, "already_held": held}
    if problems:
        report["why"] = "--partial: the good rows were imported, the bad rows listed above were not"
    print(json.dumps(report))
    return EXIT_BAD_ROWS if problems else EXIT_OK


def add_commands(sub: Any, settings: Settings) -> None:
    p = sub.add_parser(
        "training",
        help="training records: import a learning system's CSV export (person, course, completed_on)",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("action", choices=["import"])
    p.add_argument("file", metavar="FILE.csv")
    p.add_argument("--partial", action="store_true", help="import the good rows even when some are bad")
    p.add_argument(
        "--db",
        default=settings.db,
        metavar="URL",
        help="database: a SQLite file (default govern.db) or postgresql://...",
    )
    p.set_defaults(run=cmd_training)
