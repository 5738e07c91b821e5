"""`extends:` — a pack inherits another and overrides documents and rules by name."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from govern import PolicyError, load_pack
from tests.conftest import DEFAULT_PACK, write_pack

REQUEST = {
    "requester": {"id": "a", "department": "Planning", "employment": "permanent"},
    "site": "x.com",
    "access": "read",
    "approach": "listen",
    "business_case": {
        "purpose": "Listen to what residents say about the new local plan consultation",
        "priorities": ["NI 4"],
        "manager_approved": True,
    },
    "submitted_at": "2026-11-21T10:00:00Z",
}


def child(tmp_path: Path, extra: str = "", docs: dict[str, str] | None = None) -> Path:
    """A department's pack beside a copy of the default pack (extends: stays under the packs root)."""
    shutil.copytree(DEFAULT_PACK, tmp_path / "council-default", dirs_exist_ok=True)
    pack = (
        "name: dept\nversion: 2.0.0\nowner: Dept\ndescription: A department's pack\n"
        f"extends: ../council-default\n{extra}"
    )
    return write_pack(tmp_path / "dept", {"pack.yaml": pack, **(docs or {})})


def test_child_inherits_everything_and_has_its_own_identity(tmp_path: Path) -> None:
    pack = load_pack(child(tmp_path))
    assert (pack.name, pack.version) == ("dept", "2.0.0")
    assert len(pack.rules()) == len(load_pack(DEFAULT_PACK).rules()) == 48
    assert pack.timezone.key == "Europe/London"
    assert pack.decide(REQUEST).decision == "permit"
    assert pack.digest != load_pack(DEFAULT_PACK).digest


def test_child_overrides_a_rule_by_id_and_adds_a_site(tmp_path: Path) -> None:
    access = """apiVersion: govern/v1
kind: AccessPolicy
metadata: {name: council-access, description: Shorter read grants, owner: Dept}
spec:
  rules:
    - id: read-access
      ref: A13
      description: Read access for at most 30 days.
      effect: permit
      match: {access: [read], categories: [social-network, forums]}
      message: Read access is granted.
      grant: {max_days: 30}
      obligations: [acceptable-use]
"""
    sites = """apiVersion: govern/v1
kind: SiteCatalogue
metadata: {name: dept-sites, description: Our forum, owner: Dept}
spec:
  categories:
    - {name: forums, sites: [forum.example.org]}
"""
    pack = load_pack(child(tmp_path, docs={"access.yaml": access, "sites.yaml": sites}))
    decision = pack.decide(REQUEST)
    assert (decision.decision, decision.granted_days) == ("permit", 30)
    assert [r["id"] for r in pack.rules()].index("read-access") == 12  # replaced in place
    forum = pack.decide({**REQUEST, "site": "forum.example.org"})
    assert (forum.decision, forum.site.category) == ("permit", "forums")


def test_child_disables_a_rule(tmp_path: Path) -> None:
    pack = load_pack(child(tmp_path, "disable: [max-duration]\n"))
    long = {**REQUEST, "business_case": {**REQUEST["business_case"], "duration_days": 500}}
    assert "max-duration" not in [r["id"] for r in pack.rules()]
    assert pack.decide(long).decision == "permit"


def test_disabling_an_unknown_rule_suggests_the_right_one(tmp_path: Path) -> None:
    with pytest.raises(
        PolicyError,
        match=r"cannot disable unknown rule 'max-durations' \(did you mean 'max-duration'\?\)",
    ):
        load_pack(child(tmp_path, "disable: [max-durations]\n"))


def test_parent_problems_are_reported_through_the_child(tmp_path: Path) -> None:
    parent = write_pack(tmp_path / "parent", {"pack.yaml": "name: parent\nversion: 1.0.0\nowner: x\n"})
    kid = write_pack(
        tmp_path / "kid",
        {"pack.yaml": f"name: kid\nversion: 1.0.0\nowner: x\ndescription: y\nextends: {parent}\n"},
    )
    with pytest.raises(PolicyError, match="'description' is required"):
        load_pack(kid)
