from __future__ import annotations

import json
import os
from pathlib import Path

import jsonschema
import pytest

from govern import Pack
from govern.drafts.models import DraftVerdict
from govern.formats import Position, rdjsonl, sarif, vale

ROOT = Path(__file__).resolve().parents[1]
SARIF_SCHEMA = ROOT / ".cache/sarif/node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json"

Checked = list[tuple[str, str, DraftVerdict]]
TEXT = "Our café opens at 9.\nGoing forward we will leverage the new hub."


@pytest.fixture(scope="module")
def checked(council: Pack) -> Checked:
    verdict = council.check({"text": TEXT, "platform": "facebook"})
    assert verdict.findings, "the draft must have findings for these tests to mean anything"
    return [("posts/cafe.txt", TEXT, verdict)]


@pytest.mark.parametrize(
    ("offset", "chars", "bytes_"),
    [
        pytest.param(0, (1, 1), (1, 1), id="start"),
        pytest.param(6, (1, 7), (1, 7), id="before-accent"),
        pytest.param(8, (1, 9), (1, 10), id="after-accent-bytes-differ"),
        pytest.param(21, (2, 1), (2, 1), id="second-line"),
    ],
)
def test_positions_count_characters_or_utf8_bytes(
    offset: int, chars: tuple[int, int], bytes_: tuple[int, int]
) -> None:
    where = Position(TEXT)
    assert where.line_col(offset) == chars
    assert where.line_byte_col(offset) == bytes_


def test_vale_alerts_point_at_the_words(checked: Checked) -> None:
    alerts = json.loads(vale(checked))["posts/cafe.txt"]
    going = next(a for a in alerts if a["Match"].lower().startswith("going forward"))
    assert going["Line"] == 2 and going["Span"] == [1, len("Going forward")]
    assert going["Check"].startswith("govern.") and going["Severity"] in ("warning", "error", "suggestion")
    vale_fields = {"Action", "Span", "Check", "Description", "Link", "Message", "Severity", "Match", "Line"}
    assert vale_fields <= set(going)
    line = TEXT.split("\n")[going["Line"] - 1]
    assert line[going["Span"][0] - 1 : going["Span"][1]] == going["Match"]


def test_sarif_validates_against_the_2_1_0_schema(checked: Checked) -> None:
    if not SARIF_SCHEMA.exists():
        message = "the SARIF 2.1.0 schema is not installed (scripts/browser.sh installs it from npm)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    log = json.loads(sarif(checked))
    jsonschema.validate(log, json.loads(SARIF_SCHEMA.read_text()))
    results = log["runs"][0]["results"]
    assert len(results) == len(checked[0][2].findings)
    rule_ids = {r["id"] for r in log["runs"][0]["tool"]["driver"]["rules"]}
    assert {r["ruleId"] for r in results} == rule_ids


def test_sarif_rejects_what_the_schema_rejects() -> None:
    """The schema test can fail: a log without its version is invalid."""
    if not SARIF_SCHEMA.exists():
        pytest.skip("the SARIF schema is not installed")
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"runs": []}, json.loads(SARIF_SCHEMA.read_text()))


def test_rdjsonl_is_one_diagnostic_a_line_with_byte_columns(checked: Checked) -> None:
    lines = rdjsonl(checked).splitlines()
    assert len(lines) == len(checked[0][2].findings)
    for line in lines:
        diagnostic = json.loads(line)
        assert diagnostic["location"]["path"] == "posts/cafe.txt"
        assert diagnostic["severity"] in ("ERROR", "WARNING", "INFO")
        assert diagnostic["code"]["value"]
        start = diagnostic["location"]["range"]["start"]
        assert start["line"] >= 1 and start["column"] >= 1


def test_a_replacement_becomes_a_fix(council: Pack) -> None:
    verdict = council.check({"text": "Going forward, call us.", "platform": "x"})
    fixable = [f for f in verdict.findings if f.replacement]
    assert fixable, "D8's plain alternative is a replacement for the words it flags"
    items = [("a.txt", "Going forward, call us.", verdict)]
    assert json.loads(vale(items))["a.txt"][0]["Action"]["Name"] == "replace"
    assert "fixes" in json.loads(sarif(items))["runs"][0]["results"][0]
    assert json.loads(rdjsonl(items).splitlines()[0])["suggestions"][0]["text"] == fixable[0].replacement
