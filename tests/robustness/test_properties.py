"""Properties that must hold for any input (hypothesis)."""

from __future__ import annotations

import copy
import time
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govern import Pack, load_pack
from govern.checks.base import Subject
from govern.checks.signals import SIGNALS
from tests.access.test_engine import request as access_request
from tests.conftest import DEFAULT_PACK, FIXTURES, write_pack

COUNCIL = load_pack(DEFAULT_PACK)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

words = st.sampled_from(
    [
        "the",
        "council",
        "categorically",
        "reject",
        "claims",
        "going",
        "forward",
        "bins",
        "07700",
        "900123",
        "PLEASE",
        "STOP",
        "!!",
        "Cllr",
        "Ahmed",
        "vote",
        "for",
        "Labour",
        "#libraryopeninghours",
        "f*ck",
        "😀",
        "مرحبا",
        "e\u0301",
        "\u200b",
        "\n",
        "jo@example.org",
    ]
)
texts = st.one_of(
    st.text(min_size=1, max_size=400),
    st.lists(words, min_size=1, max_size=60).map(" ".join),
).filter(lambda t: t.strip() != "")

requests = st.fixed_dictionaries(
    {
        "site": st.sampled_from(
            ["x.com", "https://m.facebook.com/x", "whatsapp.com", "forum.example.org", "youtube.com"]
        ),
        "access": st.sampled_from(["read", "post", "manage"]),
        "approach": st.sampled_from(["listen", "reflect", "converse", "experiment", "embed"]),
        "employment": st.sampled_from(["permanent", "contractor", "temporary"]),
        "department": st.sampled_from(["Planning", "Children's Services", "Parks"]),
        "groups": st.lists(st.sampled_from(["comms-team", "x"]), max_size=2),
        "days": st.one_of(st.none(), st.integers(min_value=1, max_value=800)),
        "trained": st.one_of(st.none(), st.dates().map(lambda d: d.isoformat())),
        "priorities": st.lists(st.sampled_from(["NI 4", "NI 179", "NI 999"]), max_size=3),
        "approved": st.booleans(),
        "drivers": st.lists(st.sampled_from(["consultation", "personal-use"]), max_size=2),
        "plan": st.one_of(st.none(), st.just("Checked twice a day")),
        "purpose": st.lists(
            st.sampled_from(["residents", "consult", "the", "plan", "online"]), min_size=1, max_size=15
        ).map(" ".join),
    }
)


def build(r: dict[str, Any]) -> dict[str, Any]:
    body = access_request(site=r["site"], access=r["access"], approach=r["approach"])
    body["requester"].update(
        employment=r["employment"],
        department=r["department"],
        groups=r["groups"],
        training=[{"course": "social-media-essentials", "completed_on": r["trained"]}]
        if r["trained"]
        else [],
    )
    body["business_case"].update(
        purpose=r["purpose"],
        priorities=r["priorities"],
        manager_approved=r["approved"],
        drivers=r["drivers"],
        duration_days=r["days"],
        moderation_plan=r["plan"],
    )
    return body


@SETTINGS
@given(requests)
def test_decisions_are_deterministic(r: dict[str, Any]) -> None:
    body = build(r)
    first = COUNCIL.decide(copy.deepcopy(body)).model_dump(exclude={"decision_id"})
    second = COUNCIL.decide(copy.deepcopy(body)).model_dump(exclude={"decision_id"})
    assert first == second


_EXTRA_DENY = """apiVersion: govern/v1
kind: AccessPolicy
metadata: {name: council-access, description: One more deny rule, owner: tests}
spec:
  rules:
    - id: extra-deny
      description: Deny contractors everything.
      effect: deny
      match: {employment: [contractor]}
      message: No contractors.
"""


def _with_extra_deny(tmp: Path) -> Pack:
    pack = f"name: stricter\nversion: 1.0.0\nowner: t\ndescription: t\nextends: {DEFAULT_PACK}\n"
    # The pack lives in a temporary folder and extends the repository's: "/" is its packs root.
    return load_pack(write_pack(tmp, {"pack.yaml": pack, "access.yaml": _EXTRA_DENY}), packs_root="/")


STRICTER = _with_extra_deny(Path(__import__("tempfile").mkdtemp()) / "stricter")


@SETTINGS
@given(requests)
def test_adding_a_deny_rule_never_turns_a_deny_into_a_permit(r: dict[str, Any]) -> None:
    body = build(r)
    before = COUNCIL.decide(copy.deepcopy(body)).decision
    after = STRICTER.decide(copy.deepcopy(body)).decision
    if before == "deny":
        assert after == "deny"
    if after == "permit":
        assert before == "permit"


@SETTINGS
@given(texts, st.sampled_from(["x", "facebook", "blog"]), st.sampled_from(["corporate", "personal"]))
def test_draft_spans_lie_within_the_text_and_excerpts_match(text: str, platform: str, account: str) -> None:
    verdict = COUNCIL.check(
        {"text": text, "platform": platform, "account": account, "posted_at": "2027-04-10T10:00:00Z"}
    )
    for f in verdict.findings:
        assert 0 <= f.start <= f.end <= len(text)
        assert text[f.start : f.end] == f.excerpt
    assert [(f.start, f.end) for f in verdict.findings] == sorted((f.start, f.end) for f in verdict.findings)
    assert 0 <= verdict.scores.tone <= 1 and 0 <= verdict.scores.rebuttal_risk <= 1


@SETTINGS
@given(texts)
def test_comment_spans_lie_within_the_text(text: str) -> None:
    result = COUNCIL.moderate({"text": text, "channel": "facebook-page", "posted_at": "2026-11-18T11:00:00Z"})
    for f in result.findings:
        assert 0 <= f.start <= f.end <= len(text) and text[f.start : f.end] == f.excerpt


def test_100_kb_of_any_unicode_is_checked_in_bounded_time() -> None:
    """Past the API's 20,000-character limit, the engines themselves stay linear and correct."""
    pieces = [
        "Going forward 😀 ",
        "مرحبا بكم ",
        "e\u0301\u0301 ",
        "PLEASE STOP ",
        "07700 900123 ",
        "f u c k ",
        "\u202eRTL\u202c ",
        "Cllr Ahmed ",
        "we categorically reject these claims. ",
    ]
    text = ("".join(pieces) * 1200)[:100_000]
    subject_d = COUNCIL.drafts.subject(COUNCIL.drafts.check.__self__.spec and _draft(text))
    start = time.perf_counter()
    hits = COUNCIL.drafts.checker.run(subject_d)
    moderation = COUNCIL.moderation.checker.run(
        Subject(
            text,
            {
                "channel": "facebook-page",
                "mode": "post-moderated",
                "author_id": "",
                "is_reply": False,
                "in_hours": True,
                "repeats": 0,
                "length": len(text),
            },
            subject_d.local_date,
            SIGNALS,
        )
    )
    elapsed = time.perf_counter() - start
    assert elapsed < 10, f"100 kB took {elapsed:.1f} s"
    for hit in [*hits, *moderation]:
        for span in hit.spans:
            assert 0 <= span.start <= span.end <= len(text)
    assert {h.rule.id for h in hits} >= {"corporate-tone", "shouting", "formal-rebuttal", "personal-data"}


def _draft(text: str) -> Any:
    from govern.drafts.models import Draft

    return Draft.model_construct(
        text=text,
        platform="facebook",
        account="corporate",
        author=_author(),
        has_image=False,
        alt_text=None,
        in_reply_to=None,
        posted_at=None,
    )


def _author() -> Any:
    from govern.drafts.models import Author

    return Author()


def test_malformed_packs_are_refused_quickly(tmp_path: Path) -> None:
    import pytest

    from govern import PolicyError

    base = {p.name: p.read_text() for p in (FIXTURES / "minimal").iterdir()}
    cases = {
        "truncated": base["policy.yaml"][: len(base["policy.yaml"]) // 2] + "\n  - id: [",
        "deep": "a: " + "[" * 5000 + "]" * 5000 + "\n",
        "deep-maps": "".join("  " * i + f"k{i}:\n" for i in range(200)) + "  " * 200 + "v: 1\n",
        "long-string": "x: '" + "a" * (1024 * 1024) + "'\n",
    }
    for name, text in cases.items():
        root = write_pack(tmp_path / name, {**base, "bad.yaml": text})
        start = time.perf_counter()
        with pytest.raises(PolicyError) as caught:
            load_pack(root)
        assert time.perf_counter() - start < 5, name
        assert caught.value.problems, name
        assert all(p.code.startswith("G") for p in caught.value.problems), name
