"""Someone with write access to the database but not the log key: every change is found by
`govern audit verify`, and rows that give rights are refused when they are used."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator

import pytest

from govern.store import rows as rows_module
from govern.store.chain import GENESIS, NO_POLICY, digest_of, link, seal, text_digest
from govern.store.logkey import LogSettings
from govern.store.sql import SqlStore
from tests.store.conftest import PHONE, attack, reopen, rows

GUESSED_KEY = b"the attacker does not have the key"


def problems(url: str, settings: LogSettings) -> list[str]:
    store = reopen(url, settings)
    try:
        return [str(p) for p in store.audit().problems]
    finally:
        store.close()


def last_seq(url: str) -> int:
    return int(rows(url, "SELECT max(seq) AS n FROM log")[0]["n"])


def seq_of(url: str, kind: str) -> int:
    return int(rows(url, f"SELECT min(seq) AS n FROM log WHERE kind = '{kind}'")[0]["n"])


def recompute(url: str) -> None:
    """Rebuild every digest, link and seal so the chain hangs together, with a guessed key."""
    previous = GENESIS
    for row in rows(url, "SELECT * FROM log ORDER BY seq"):
        row["input_digest"] = digest_of(GUESSED_KEY, json.loads(row["input"]))
        row["result_digest"] = digest_of(GUESSED_KEY, json.loads(row["result"]))
        row["prev_hash"] = previous
        row["hash"] = link(GUESSED_KEY, row)
        row["mac"] = seal(
            GUESSED_KEY, row["seq"], row["hash"], row["purged"], row["input_digest"], row["result_digest"]
        )
        attack(
            url,
            (
                "UPDATE log SET input_digest = :input_digest, result_digest = :result_digest, "
                "prev_hash = :prev_hash, hash = :hash, mac = :mac WHERE seq = :seq",
                row,
            ),
        )
        previous = row["hash"]
    attack(url, ("UPDATE chain_head SET seq = :seq, hash = :hash", {"seq": last_seq(url), "hash": previous}))


def truncate_tail(url: str) -> None:
    keep = last_seq(url) - 2
    head = rows(url, f"SELECT hash FROM log WHERE seq = {keep}")[0]["hash"]
    attack(
        url,
        f"DELETE FROM log WHERE seq > {keep}",
        ("UPDATE chain_head SET seq = :seq, hash = :hash", {"seq": keep, "hash": head}),
    )


def delete_everything(url: str) -> None:
    attack(
        url,
        *(f"DELETE FROM {table}" for table in ("log", "grants", "referrals", "comments", "api_keys")),
        ("UPDATE chain_head SET seq = 0, hash = :genesis", {"genesis": GENESIS}),
    )


def recompute_after_edit(url: str) -> None:
    check = seq_of(url, "check")
    attack(url, f'UPDATE log SET result = \'{{"verdict": "ok", "findings": []}}\' WHERE seq = {check}')
    recompute(url)


def flip_purged_and_edit_input(url: str) -> None:
    check = seq_of(url, "check")
    attack(
        url,
        (
            f"UPDATE log SET purged = :purged, input = :text WHERE seq = {check}",
            {"purged": True, "text": json.dumps({"text": "We will collect the bins on Monday."})},
        ),
    )


def reorder(url: str) -> None:
    a, b = seq_of(url, "check"), seq_of(url, "moderation")
    attack(
        url,
        f"UPDATE log SET seq = -1 WHERE seq = {a}",
        f"UPDATE log SET seq = {a} WHERE seq = {b}",
        f"UPDATE log SET seq = {b} WHERE seq = -1",
    )
    recompute(url)


def key_role_to_admin(url: str) -> None:
    attack(url, "UPDATE api_keys SET role = 'admin' WHERE key_id = 'k1'")


def grant_expiry_extended(url: str) -> None:
    attack(url, "UPDATE grants SET expires_on = '2099-12-31'")


def grant_inserted(url: str) -> None:
    grant = rows(url, "SELECT * FROM grants")[0]
    attack(
        url,
        (
            "INSERT INTO grants ("
            + ", ".join(grant)
            + ") VALUES ("
            + ", ".join(":" + k for k in grant)
            + ")",
            {**grant, "grant_id": "g-forged", "requester": "mallory"},
        ),
    )


def referral_reviewer_changed(url: str) -> None:
    attack(url, "UPDATE referrals SET reviewer = 'someone-else'")


def held_comment_published(url: str) -> None:
    attack(url, "UPDATE comments SET action = 'publish' WHERE comment_id = 'c1'")


def comment_text_changed(url: str) -> None:  # flooding reads the stored text: a repeat made "new"
    attack(url, "UPDATE comments SET text = 'something else entirely' WHERE comment_id = 'c1'")


def comment_author_changed(url: str) -> None:  # or a repeat moved to another author's count
    attack(url, "UPDATE comments SET author = 'mallory' WHERE comment_id = 'c1'")


ATTACKS = [
    pytest.param(
        truncate_tail, "is anchored in the head file but missing from the log", id="truncate-tail-fix-head"
    ),
    pytest.param(delete_everything, "is anchored in the head file but missing from the log", id="delete-all"),
    pytest.param(recompute_after_edit, "record 1 does not match its MAC", id="recompute-after-edit"),
    pytest.param(flip_purged_and_edit_input, "does not match its seal", id="flip-purged-edit-input"),
    pytest.param(reorder, "differs from the link anchored in the head file", id="reorder"),
    pytest.param(key_role_to_admin, "api_keys row k1 does not match its MAC", id="api-key-role-admin"),
    pytest.param(grant_expiry_extended, "differs from the log in expires_on", id="grant-expiry"),
    pytest.param(grant_inserted, "grants row g-forged is not in the log", id="grant-inserted"),
    pytest.param(referral_reviewer_changed, "differs from the log in reviewer", id="referral-reviewer"),
    pytest.param(held_comment_published, "comment c1 is 'publish' but the log says", id="comment-outcome"),
    pytest.param(comment_text_changed, "comment c1 differs from the log in text", id="comment-text"),
    pytest.param(comment_author_changed, "comment c1 differs from the log in author", id="comment-author"),
]


@pytest.mark.parametrize(("tamper", "found"), ATTACKS)
def test_verify_finds_every_change_made_without_the_key(
    filled: SqlStore, url: str, settings: LogSettings, tamper: Callable[[str], None], found: str
) -> None:
    filled.close()
    tamper(url)
    reported = problems(url, settings)
    assert any(found in p for p in reported), reported


def test_a_key_whose_role_was_changed_in_the_database_is_refused(filled: SqlStore, url: str) -> None:
    filled.add_key("k2", "lead", "requester", "cd" * 32)
    assert filled.key_for("cd" * 32) is not None
    attack(url, "UPDATE api_keys SET role = 'admin' WHERE key_id = 'k2'")
    assert filled.key_for("cd" * 32) is None  # the API answers 401


def test_a_grant_whose_expiry_was_changed_in_the_database_is_not_used(filled: SqlStore, url: str) -> None:
    grants = {g.grant_id: g.decision_id for g in filled.grants()}
    assert len(grants) == 2  # the permit's and the approved referral's
    approved = filled.referrals("approved")[0].decision_id
    target = next(grant_id for grant_id, decision_id in grants.items() if decision_id == approved)
    attack(url, ("UPDATE grants SET expires_on = '2099-12-31' WHERE grant_id = :id", {"id": target}))
    assert {g.grant_id for g in filled.grants()} == set(grants) - {target}  # Squid's helper never sees it


def test_an_old_key_row_put_back_with_its_valid_mac_is_found_by_replay(
    filled: SqlStore, url: str, settings: LogSettings
) -> None:
    filled.add_key("k3", "boss", "admin", "ef" * 32)
    old = rows(url, "SELECT * FROM api_keys WHERE key_id = 'k3'")[0]
    filled.set_key_role("k3", "requester")
    filled.close()
    attack(url, ("UPDATE api_keys SET role = :role, mac = :mac WHERE key_id = 'k3'", old))
    assert any("api_keys row k3 differs from the log in role" in p for p in problems(url, settings))


def test_rights_changes_are_logged_and_verify(filled: SqlStore, url: str, settings: LogSettings) -> None:
    grant = filled.grants()[0]
    filled.revoke_grant(grant.grant_id, "ops", "left the council")
    filled.set_key_role("k1", "reviewer")
    filled.revoke_key("k1")
    filled.set_comment_action("c1", "remove", actor="moderator")
    kinds = [(r.kind, r.actor) for r in filled.log()[-4:]]
    assert kinds == [("grant", "ops"), ("key", "cli"), ("key", "cli"), ("comment", "moderator")]
    assert grant.grant_id not in {g.grant_id for g in filled.grants()} and filled.key_for("ab" * 32) is None
    filled.close()
    assert problems(url, settings) == []


def test_purge_leaves_no_phone_number_and_keeps_the_chain(
    filled: SqlStore, url: str, settings: LogSettings
) -> None:
    import datetime as dt

    before = [r for r in rows(url, "SELECT input, result FROM log") if PHONE in r["input"] + r["result"]]
    assert len(before) == 2, "the check and the moderation hold the number, in the input and the excerpts"
    guesses = {canonical_sha256(json.loads(r["input"])) for r in before}  # what a plain digest would allow
    assert filled.purge(dt.datetime.now(dt.UTC) + dt.timedelta(days=1)) == 3  # 2 records and 1 comment
    filled.close()
    stored = rows(url, "SELECT kind, input, result FROM log") + rows(
        url, "SELECT text AS input, '' AS result, 'comment' AS kind FROM comments"
    )
    assert [r["kind"] for r in stored if PHONE in (r["input"] or "") + r["result"]] == []
    assert [r["kind"] for r in stored if "[purged]" in r["result"]] == ["check", "moderation"]
    assert rows(url, "SELECT kind FROM log ORDER BY seq DESC")[0]["kind"] == "purge"
    digests = {r["input_digest"] for r in rows(url, "SELECT input_digest FROM log")}
    assert not digests & guesses, "a purged text cannot be confirmed by hashing a guess"
    assert problems(url, settings) == []


def canonical_sha256(value: object) -> str:
    text = json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def test_a_crash_between_commit_and_anchor_is_not_tampering(
    filled: SqlStore, url: str, settings: LogSettings
) -> None:
    filled.close()
    head = filled.head.path
    lines = head.read_text().splitlines()
    head.write_text("\n".join(lines[:-1]) + "\n")  # the last commit's anchor never reached the file
    store = reopen(url, settings)
    try:
        report = store.audit()
        assert report.problems == [] and report.unanchored == 1
    finally:
        store.close()


def test_a_missing_head_file_is_reported(filled: SqlStore, url: str, settings: LogSettings) -> None:
    filled.close()
    filled.head.path.unlink()
    assert problems(url, settings) == ["the head file is missing: truncation of the log cannot be ruled out"]


def test_the_head_file_gets_one_anchor_per_commit(filled: SqlStore) -> None:
    anchors = [line.split() for line in filled.head.path.read_text().splitlines()]
    records = {r.seq: r.hash for r in filled.log()}
    assert anchors and all(records[int(seq)] == link_ for seq, link_ in anchors)
    assert int(anchors[-1][0]) == max(records)


def test_an_approval_with_its_grant_is_one_record(store: SqlStore, url: str, settings: LogSettings) -> None:
    from govern.store.base import Entry, Grant, ReferralNotOpen

    policy = {"pack": "p", "version": "1", "digest": "x"}
    asked = {"requester": {"id": "jsmith"}, "access": "manage"}
    decided = {"site": {"domain": "x.com", "category": None}}
    store.append_all([Entry("decision", "d1", "it", policy, asked, decided, refer_to="lead")])
    grant = Grant("g1", "d1", "jsmith", "x.com", None, "manage")
    closed = store.close_referral("d1", "approved", "boss", "fine", grant=grant)
    assert (closed.status, closed.reviewer) == ("approved", "boss")
    assert [(r.kind, r.result) for r in store.log()][-1] == (
        "referral",
        {"status": "approved", "grant_id": "g1"},
    )
    assert [g.grant_id for g in store.grants()] == ["g1"]
    records = len(store.log())
    with pytest.raises(ReferralNotOpen, match="already approved"):
        store.close_referral(
            "d1", "approved", "boss", None, grant=Grant("g2", "d1", "jsmith", "x.com", None, "manage")
        )
    assert [g.grant_id for g in store.grants()] == ["g1"]  # the second approval left nothing behind
    assert len(store.log()) == records
    store.close()
    assert problems(url, settings) == []


def _as_before_text_digests(key: bytes, text: str) -> str:
    """The content digest records had before text digests: of the content's canonical JSON."""
    return digest_of(key, json.loads(text))


@pytest.fixture
def mixed(url: str, settings: LogSettings, monkeypatch: pytest.MonkeyPatch) -> Iterator[SqlStore]:
    """A log whose first records were written with canonical-JSON content digests (as before text
    digests), followed by records written now."""
    with monkeypatch.context() as patched:
        patched.setattr(rows_module, "text_digest", _as_before_text_digests)
        older = SqlStore(url, log=settings)
        older.append("check", "old-1", "web", NO_POLICY, {"text": f"Call {PHONE}"}, {"verdict": "block"})
        older.append("check", "old-2", "web", NO_POLICY, {"text": "Bins on Monday"}, {"verdict": "ok"})
        older.close()
    store = SqlStore(url, log=settings)
    store.append("check", "new-1", "web", NO_POLICY, {"text": "Parks open late"}, {"verdict": "ok"})
    yield store
    store.close()


def test_records_written_before_text_digests_still_verify_beside_new_ones(
    mixed: SqlStore, url: str, settings: LogSettings
) -> None:
    key = mixed._key()
    logged = rows(url, "SELECT * FROM log ORDER BY seq")
    assert [r["input_digest"] == digest_of(key, json.loads(r["input"])) for r in logged] == [
        True,
        True,
        False,
    ]
    assert logged[2]["input_digest"] == text_digest(key, logged[2]["input"])
    assert mixed.verify() is None
    mixed.close()
    assert problems(url, settings) == []


@pytest.mark.parametrize("seq", [1, 3], ids=["written-before", "written-now"])
@pytest.mark.parametrize(
    ("edit", "found"),
    [
        ('UPDATE log SET input = \'{"text": "Call nobody"}\' WHERE seq = :seq', "its input was logged with"),
        ('UPDATE log SET result = \'{"verdict": "revise"}\' WHERE seq = :seq', "its result was logged with"),
        ("UPDATE log SET purged = :yes WHERE seq = :seq", "does not match its seal"),
        ("UPDATE log SET mac = '00' WHERE seq = :seq", "does not match its seal"),
    ],
    ids=["input", "result", "purged-flag", "seal"],
)
def test_changes_are_found_whichever_digests_a_record_was_written_with(
    mixed: SqlStore, url: str, settings: LogSettings, seq: int, edit: str, found: str
) -> None:
    mixed.close()
    attack(url, (edit, {"seq": seq, "yes": True}))
    reported = problems(url, settings)
    assert any(f"record {seq} " in p and found in p for p in reported), reported


def test_a_purge_of_records_written_either_way_verifies(
    mixed: SqlStore, url: str, settings: LogSettings
) -> None:
    import datetime as dt

    mixed.append("check", "new-2", "web", NO_POLICY, {"text": f"Ring {PHONE}"}, {"verdict": "block"})
    assert mixed.purge(dt.datetime.now(dt.UTC) + dt.timedelta(days=1)) == 4
    mixed.close()
    assert not [r for r in rows(url, "SELECT input FROM log") if PHONE in r["input"]]
    assert problems(url, settings) == []
