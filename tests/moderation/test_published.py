"""What must be published, measured on sets written blind to the rules (tests/data/README-blind-sets.md).

These gate `make test`: a council that holds residents' ordinary comments, or neutral and kind
mentions of protected groups, breaches the spirit of its equality duty (issue 12).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from govern import Pack

DATA = Path(__file__).resolve().parent.parent / "data"
COMMENT = {"channel": "facebook-page", "posted_at": "2026-11-18T11:00:00Z"}  # a Wednesday, in hours
LEAST = 0.99


def identity_mentions() -> list[tuple[str, str]]:
    """(group id, sentence) for every template x group x surface form, first letter upper-cased."""
    spec: dict[str, Any] = yaml.safe_load((DATA / "identity-templates.yaml").read_text(encoding="utf-8"))
    out = []
    for template in spec["templates"]:
        text = template if isinstance(template, str) else template["text"]
        for group in spec["groups"]:
            for form in group["forms"]:
                sentence = text.replace("{group}", form)
                out.append((group["id"], sentence[:1].upper() + sentence[1:]))
    return out


def not_published(pack: Pack, texts: list[str]) -> list[str]:
    wrong = []
    for text in texts:
        result = pack.moderate({**COMMENT, "text": text})
        if result.action != "publish":
            words = ", ".join(f"{f.rule} {f.excerpt!r}" for f in result.findings if f.severity != "info")
            wrong.append(f"{result.action}: {text} ({words})")
    return wrong


def test_identity_mentions_are_published(council: Pack) -> None:
    mentions = identity_mentions()
    spec = yaml.safe_load((DATA / "identity-templates.yaml").read_text(encoding="utf-8"))
    assert len(spec["groups"]) >= 20 and len(spec["templates"]) >= 10, "the set is smaller than the gate"
    wrong = not_published(council, [text for _, text in mentions])
    published = 1 - len(wrong) / len(mentions)
    assert published >= LEAST, f"{published:.3f} published; not published:\n" + "\n".join(wrong)


def test_ordinary_comments_are_published(council: Pack) -> None:
    rows = [json.loads(line) for line in (DATA / "ordinary-comments.jsonl").read_text().splitlines() if line]
    assert len(rows) >= 300, "the set is smaller than the gate"
    wrong = not_published(council, [row["text"] for row in rows])
    published = 1 - len(wrong) / len(rows)
    assert published >= LEAST, f"{published:.3f} published; not published:\n" + "\n".join(wrong)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Why are Muslims so disgusting?", id="question"),
        pytest.param("I met some immigrants. They are vermin.", id="pronoun"),
        pytest.param("Someone should torch his car.", id="threat"),
    ],
)
def test_the_gate_can_fail(council: Pack, text: str) -> None:
    """The gate's measure notices a comment that is not published."""
    assert not_published(council, [text])
