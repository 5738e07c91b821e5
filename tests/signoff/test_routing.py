"""Which queue signs a draft off: the pack's `queues` map by the deciding finding's category."""

from __future__ import annotations

from pathlib import Path

import pytest

from govern import Pack, PolicyError, load_pack
from govern.signoff.routing import queue_for
from tests.conftest import write_pack

QUEUES = {"default": "comms-lead", "confidentiality": "legal", "sensitive-topic": "safeguarding-lead"}


@pytest.mark.parametrize(
    ("text", "queue"),
    [
        pytest.param("This story was leaked from an internal memo.", "legal", id="confidential"),
        pytest.param(
            "Safeguarding concerns were raised about the trip.", "safeguarding-lead", id="sensitive"
        ),
        pytest.param("We guarantee the bins will be collected.", "comms-lead", id="no-queue-for-commitment"),
        pytest.param(
            "We guarantee it. This story was leaked from an internal memo.",
            "comms-lead",
            id="first-refer-wins",
        ),
        pytest.param("The pool reopens on Monday.", "comms-lead", id="ok-sent-anyway"),
        pytest.param("Please be advised the pool is shut.", "comms-lead", id="revise-sent-anyway"),
    ],
)
def test_queue_by_the_deciding_finding(council: Pack, text: str, queue: str) -> None:
    assert queue_for(QUEUES, council.check({"text": text, "platform": "x"})) == queue


def test_a_block_finding_outranks_a_refer_one(council: Pack) -> None:
    verdict = council.check({"text": "Safeguarding matters. The councillor is a liar.", "platform": "x"})
    assert queue_for({**QUEUES, "legal": "legal"}, verdict) == "legal"


def test_without_queues_everything_goes_to_the_comms_lead(council: Pack) -> None:
    verdict = council.check({"text": "This story was leaked from an internal memo.", "platform": "x"})
    assert queue_for({}, verdict) == "comms-lead"


def test_the_default_pack_names_its_queues(council: Pack) -> None:
    assert council.drafts.spec.queues == {
        "default": "comms-lead",
        "confidentiality": "legal",
        "legal": "legal",
        "sensitive-topic": "safeguarding-lead",
    }


def test_a_queue_name_must_be_a_name(tmp_path: Path) -> None:
    pack = "name: t\nversion: 1.0.0\nowner: t\ndescription: t\n"
    drafts = (
        "apiVersion: govern/v1\nkind: DiscretionGuidelines\n"
        "metadata: {name: d, description: d, owner: t}\n"
        "spec:\n  queues: {legal: 'Legal Team!'}\n"
    )
    with pytest.raises(PolicyError) as caught:
        load_pack(write_pack(tmp_path / "t", {"pack.yaml": pack, "drafts.yaml": drafts}))
    assert any("queues" in str(p) for p in caught.value.problems), caught.value.problems
