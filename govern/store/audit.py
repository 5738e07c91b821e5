"""`govern audit verify`: the chain, its anchors outside the database, and the tables it vouches for.

Everything that gives or takes away rights (grants, referral reviews, API keys, moderators'
outcomes for comments) is written with a log record whose `effects` say what changed, in the
same transaction. Replaying the effects of an intact chain rebuilds those tables; any row that
differs, is missing or has no record was changed outside the service.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from govern.store.chain import GENESIS, Problem, check_row, head_signature, row_mac, same

KEYS = {"grants": "grant_id", "api_keys": "key_id", "referrals": "decision_id"}
MACED = ("grants", "api_keys")  # rows that give rights carry their own MAC, checked on every read


@dataclass
class Report:
    problems: list[Problem] = field(default_factory=list)
    records: int = 0
    anchored: int = 0  # the newest record the head file vouches for
    head_file: bool = True

    @property
    def unanchored(self) -> int:
        """Records newer than the last anchor: a crash between a commit and its anchor leaves a few."""
        return max(self.records - self.anchored, 0)


@dataclass
class Replay:
    """The state of the rights tables as the log's effects build it."""

    tables: dict[str, dict[str, dict[str, Any]]] = field(default_factory=lambda: {t: {} for t in KEYS})
    comment_actions: dict[str, str] = field(default_factory=dict)
    # What a moderation record says the comment was (text, author id): flooding reads them.
    comment_texts: dict[str, tuple[str, str]] = field(default_factory=dict)

    def apply(self, row: dict[str, Any]) -> None:
        try:
            self._apply(row)
        except (ValueError, TypeError, AttributeError, KeyError):
            pass  # an unreadable record: check_row reports it

    def _apply(self, row: dict[str, Any]) -> None:
        effects = json.loads(row["effects"])
        for table, rows in effects.get("put", {}).items():
            for item in rows:
                if table == "comment_actions":
                    self.comment_actions[item["comment_id"]] = item["action"]
                else:
                    self.tables[table][item[KEYS[table]]] = item
        for table, keys in effects.get("delete", {}).items():
            for key in keys:
                self.tables[table].pop(key, None)
        if row["kind"] == "moderation":
            action = json.loads(row["result"]).get("action")
            if isinstance(action, str):
                self.comment_actions[row["ref"]] = action
            given = json.loads(row["input"])
            if not row["purged"] and isinstance(given, dict) and isinstance(given.get("text"), str):
                author: dict[str, Any] = given["author"] if isinstance(given.get("author"), dict) else {}
                self.comment_texts[row["ref"]] = (given["text"], str(author.get("id") or ""))
            else:  # purged: the log no longer holds what was said
                self.comment_texts.pop(row["ref"], None)


def check_chain(
    key: bytes,
    rows: Iterable[dict[str, Any]],
    head: tuple[int, str],
    anchors: dict[int, str] | None,
    head_file: bool = True,
) -> tuple[Report, Replay]:
    """Check every record in seq order, the chain_head row and the anchors (head file, exported)."""
    report, replay = Report(head_file=head_file), Replay()
    previous, expected = GENESIS, 1
    links: dict[int, str] = {}
    for row in rows:
        wrong = check_row(key, row, previous, expected)
        if wrong:
            report.problems.append(Problem(row["seq"], wrong))
        replay.apply(row)
        previous, expected = row["hash"], row["seq"] + 1
        report.records += 1
        if anchors is not None and row["seq"] in anchors:
            links[row["seq"]] = row["hash"]
    last = expected - 1
    if head != (last, previous):
        report.problems.append(
            Problem(None, f"the chain_head row says record {head[0]} but the log ends at record {last}")
        )
    if not head_file and report.records:
        report.problems.append(
            Problem(None, "the head file is missing: truncation of the log cannot be ruled out")
        )
    if anchors is None:
        return report, replay
    for seq in sorted(anchors):
        if seq not in links:
            report.problems.append(
                Problem(seq, "is anchored in the head file but missing from the log (truncated or emptied)")
            )
        elif not same(links[seq], anchors[seq]):
            report.problems.append(
                Problem(seq, "differs from the link anchored in the head file (rewritten)")
            )
    report.anchored = max((s for s in anchors if s in links), default=0)
    return report, replay


def merge_exported(
    key: bytes, heads: list[Any], anchors: dict[int, str] | None
) -> tuple[dict[int, str], list[Problem]]:
    """The head file's anchors with the heads exported earlier, each checked against its signature."""
    merged, problems = dict(anchors or {}), []
    for number, head in enumerate(heads, 1):
        try:
            seq, link_, at = int(head["seq"]), str(head["hash"]), str(head["at"])
            genuine = same(head_signature(key, seq, link_, at), str(head["signature"]))
        except (KeyError, TypeError, ValueError):
            problems.append(Problem(None, f"exported head {number} is not a head (seq, hash, at, signature)"))
            continue
        if not genuine:
            problems.append(Problem(None, f"exported head {number} (record {seq}) has a wrong signature"))
        elif merged.setdefault(seq, link_) != link_:
            problems.append(
                Problem(None, f"exported head {number} (record {seq}) differs from the head file")
            )
    return merged, problems


def check_tables(
    key: bytes,
    replay: Replay,
    tables: dict[str, list[dict[str, Any]]],
    comments: dict[str, dict[str, Any]],
) -> list[Problem]:
    """Rows of the rights tables that differ from the log's effects, or whose own MAC is wrong."""
    problems: list[Problem] = []
    for table, pk in KEYS.items():
        expected = replay.tables[table]
        found = {row[pk]: row for row in tables[table]}
        for key_value, row in found.items():
            if table in MACED and not same(row_mac(key, table, row), row.get("mac") or ""):
                problems.append(Problem(None, f"{table} row {key_value} does not match its MAC"))
            want = expected.get(key_value)
            if want is None:
                problems.append(
                    Problem(None, f"{table} row {key_value} is not in the log (inserted directly)")
                )
                continue
            changed = sorted(c for c in want if row.get(c) != want[c])
            if changed:
                problems.append(
                    Problem(None, f"{table} row {key_value} differs from the log in {', '.join(changed)}")
                )
        for key_value in sorted(set(expected) - set(found)):
            problems.append(Problem(None, f"{table} row {key_value} is in the log but missing (deleted)"))
    for comment_id, comment in sorted(comments.items()):
        action = comment["action"]
        said = replay.comment_texts.get(comment_id)
        if said is not None:
            # A purge blanks a comment's text (None); any other text or author is a change.
            changed = [
                name
                for name, stored, logged in (
                    ("text", comment["text"], said[0]),
                    ("author", comment["author"], said[1]),
                )
                if stored != logged and not (name == "text" and stored is None)
            ]
            if changed:
                problems.append(
                    Problem(None, f"comment {comment_id} differs from the log in {', '.join(changed)}")
                )
        want_action = replay.comment_actions.get(comment_id)
        if want_action is None:
            problems.append(Problem(None, f"comment {comment_id} is not in the log (inserted directly)"))
        elif want_action != action:
            problems.append(
                Problem(None, f"comment {comment_id} is '{action}' but the log says '{want_action}'")
            )
    return problems
