"""The keyed hash chain of the decision log: what every record's MACs cover, and purge redaction.

Each record carries two HMAC-SHA256 values made with the log key (which never enters the database):

- `hash`, the link of the chain: it covers the previous link, `seq` and every field, with the input
  and the result through their keyed digests (`input_digest`, `result_digest`), so that personal
  data in them can be purged later without breaking the chain. A record's content digest is the
  HMAC of its stored JSON text (`text_digest`); records written before text digests, and purged
  content, have the HMAC of the content's canonical JSON instead (`digest_of`), and still verify;
- `mac`, the seal of the row as stored now: `seq`, the link, `purged`, and the digests of the input
  and result as they are stored. A purge (done with the key) blanks the input, redacts the findings'
  excerpts, sets `purged` and re-seals the row; flipping `purged` or editing a purged row's content
  without the key breaks the seal.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass
from typing import Any

GENESIS = "0" * 64
PURGED_INPUT: dict[str, Any] = {"purged": True}
REDACTED = "[purged]"
NO_POLICY = {"pack": "", "version": "", "digest": ""}


class UpgradeRefused(Exception):
    """An unkeyed log (schema 0001) that does not verify is not re-keyed: that would vouch for it."""


@dataclass(frozen=True)
class Problem:
    """One thing `govern audit verify` found wrong: the record it concerns (if any) and what."""

    seq: int | None
    message: str

    def __str__(self) -> str:
        return f"record {self.seq} {self.message}" if self.seq is not None else self.message


# Built once: json.dumps with options builds a new encoder on every call (a sixth of a digest's time).
_CANONICAL = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)


def canonical(value: Any) -> str:
    """The text every MAC covers: sorted keys, no spaces, UTF-8 as is (json.dumps's output with
    those options, exactly)."""
    return _CANONICAL.encode(value)


def digest_of(key: bytes, value: Any) -> str:
    """The digest of an input or a result, keyed: after a purge, nobody without the key can test
    a guess ("was it 'call 07700 900123'?") against it."""
    return keyed(key, ["govern-content/2", value])


_TEXT_PREFIX = b"govern-text/3\n"


def text_digest(key: bytes, text: str) -> str:
    """The digest of an input or a result as stored: its JSON text, keyed. The text is what the row
    holds, so writing it needs no second, canonical encoding (that cost a decision 15-20 us); the
    prefix keeps it apart from `digest_of`'s input, which starts with '['."""
    return hmac.new(key, _TEXT_PREFIX + text.encode("utf-8"), hashlib.sha256).hexdigest()


def keyed(key: bytes, value: Any) -> str:
    """HMAC-SHA256 of a value's canonical JSON."""
    return hmac.new(key, canonical(value).encode("utf-8"), hashlib.sha256).hexdigest()


def same(a: str, b: str) -> bool:
    return hmac.compare_digest(a.encode(), b.encode())


def link(key: bytes, row: dict[str, Any]) -> str:
    """The chain link of a log row: the previous link, `seq` and every field (contents by digest)."""
    return keyed(
        key,
        [
            "govern-log/2",
            row["seq"],
            row["prev_hash"],
            row["kind"],
            row["ref"],
            row["at"],
            row["actor"],
            row["pack"],
            row["version"],
            row["digest"],
            row["input_digest"],
            row["result_digest"],
            json.loads(row["effects"]),
        ],
    )


def seal(key: bytes, seq: int, link_: str, purged: bool, input_digest: str, result_digest: str) -> str:
    """The seal of a log row as stored: its link, `purged`, and the digests of what it holds now."""
    return keyed(key, ["govern-row/2", seq, link_, bool(purged), input_digest, result_digest])


def row_mac(key: bytes, table: str, row: dict[str, Any]) -> str:
    """The MAC of a row of a table that gives rights (grants, API keys): every column but `mac`.

    Empty (NULL) columns are left out, so that adding a nullable column keeps old rows valid; a
    value set to NULL still changes the MAC, since its name is then missing.
    """
    return keyed(
        key, ["govern-table/2", table, {k: v for k, v in row.items() if k != "mac" and v is not None}]
    )


def head_signature(key: bytes, seq: int, link_: str, at: str) -> str:
    """The signature of a head exported for keeping off site (`govern audit export-head`)."""
    return keyed(key, ["govern-head/1", seq, link_, at])


def redact(result: Any) -> Any:
    """A result with every finding's excerpt (the words the person wrote) replaced."""
    if isinstance(result, dict):
        return {
            k: REDACTED if k == "excerpt" and isinstance(v, str) else redact(v) for k, v in result.items()
        }
    if isinstance(result, list):
        return [redact(v) for v in result]
    return result


def check_row(key: bytes, row: dict[str, Any], previous: str, seq: int) -> str | None:
    """What is wrong with one stored log row, given the link before it and the seq it should have."""
    try:
        return _check_row(key, row, previous, seq)
    except (ValueError, TypeError, AttributeError):
        return "is not readable (its JSON was edited by hand)"


def stored_digests(key: bytes, row: dict[str, Any]) -> tuple[str, str]:
    """The digests of a row's input and result as stored now, in the style the row was written or
    purged with: of their text (`text_digest`) when that is what its digests or its seal hold,
    else of their canonical JSON (`digest_of`: older records, and purges)."""
    by_text = text_digest(key, row["input"]), text_digest(key, row["result"])
    if row["purged"]:
        written_so = same(seal(key, row["seq"], row["hash"], True, *by_text), row["mac"])
    else:  # one of the two still matching is enough to tell the style: the other was edited
        written_so = same(by_text[0], row["input_digest"]) or same(by_text[1], row["result_digest"])
    if written_so:
        return by_text
    return digest_of(key, json.loads(row["input"])), digest_of(key, json.loads(row["result"]))


def _check_row(key: bytes, row: dict[str, Any], previous: str, seq: int) -> str | None:
    if row["seq"] != seq:
        return f"is out of place: record {seq} was expected here (records missing or reordered)"
    if row["prev_hash"] != previous:
        return "does not follow the record before it (records deleted, inserted or reordered)"
    if not same(link(key, row), row["hash"]):
        return "does not match its MAC (a field was changed, or the chain was recomputed without the key)"
    stored_input, stored_result = stored_digests(key, row)
    if not row["purged"]:
        if stored_input != row["input_digest"]:
            return "does not match the digest its input was logged with (the input was edited)"
        if stored_result != row["result_digest"]:
            return "does not match the digest its result was logged with (the result was edited)"
    if not same(seal(key, row["seq"], row["hash"], row["purged"], stored_input, stored_result), row["mac"]):
        return "does not match its seal: its content or purged flag was changed without the key"
    return None
