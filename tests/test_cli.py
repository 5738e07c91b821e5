"""The `govern` command: validate and decide, exit codes, JSON and text, bad input."""

from __future__ import annotations

import datetime as dt
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from govern.cli import main
from tests.access.test_engine import request
from tests.conftest import FIXTURES


def run(
    args: list[str],
    capsys: pytest.CaptureFixture[str],
    stdin: str | None = None,
    monkeypatch: pytest.MonkeyPatch | None = None,
) -> tuple[int, str, str]:
    if stdin is not None:
        assert monkeypatch is not None
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_validate_default_pack(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["validate"], capsys)
    assert code == 0
    assert out.startswith("council-default 1.0.0: valid (48 rules, sha256:")


def test_validate_broken_pack_lists_problems_and_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["validate", str(FIXTURES / "misspelt-key")], capsys)
    assert code == 1
    assert "G200 unknown key 'efect' in spec.rules[1] (did you mean 'effect'?)" in out
    assert out.count("\n") == 3 and "3 problems; the pack is not valid" in err


def test_validate_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["validate", "--format", "json", str(FIXTURES / "unknown-kind")], capsys)
    body = json.loads(out)
    assert code == 1 and body["valid"] is False
    assert [p["code"] for p in body["problems"]] == ["G210", "G211"]


def test_decide_one_json_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    file = tmp_path / "request.json"
    file.write_text(json.dumps(request()))
    london = ZoneInfo("Europe/London")
    before = dt.datetime.now(london).date()
    code, out, _ = run(["decide", str(file)], capsys)
    after = dt.datetime.now(london).date()
    body = json.loads(out)
    assert code == 0 and body["decision"] == "permit"
    # 180 days from when it was read (the request's own submitted_at, 2026-11-21, does not count)
    assert body["expires_on"] in {str(day + dt.timedelta(days=180)) for day in (before, after)}


def test_decide_text_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    file = tmp_path / "request.json"
    file.write_text(json.dumps(request(requester={"training": []})))
    code, out, _ = run(["decide", "--format", "text", str(file)], capsys)
    assert code == 0
    assert out.splitlines()[:4] == [
        "DENY  x.com (social-network)",
        "  ✗ post-needs-training: Posting needs the social-media-essentials course completed "
        "within the last 730 days.",
        "  what to supply:",
        "    - requester.training: social-media-essentials",
    ]


def test_decide_jsonl_answers_every_line_in_order_and_reports_bad_ones_in_place(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = [
        json.dumps(request(request_id="1")),
        "{not json",
        "",
        json.dumps(request(request_id="3", access="delete")),
        json.dumps(request(request_id="4", site="whatsapp.com")),
    ]
    code, out, err = run(["decide", "--jsonl", "-"], capsys, "\n".join(lines) + "\n", monkeypatch)
    answers: list[dict[str, Any]] = [json.loads(line) for line in out.splitlines()]
    assert code == 2
    assert [a.get("request_id", a.get("line")) for a in answers] == ["1", 2, 4, "4"]
    assert answers[1]["error"]["code"] == "invalid_request"
    assert "invalid JSON at line 2" in answers[1]["error"]["message"]
    assert answers[2]["error"]["details"][0]["field"] == "access"
    assert [a.get("decision") for a in answers] == ["permit", None, None, "deny"]
    assert err == ""


def test_decide_bad_single_request_exits_2_with_a_clear_message(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, err = run(["decide", "-"], capsys, json.dumps(request(access="delete")), monkeypatch)
    assert code == 2 and out == ""
    assert err.startswith("govern: invalid access request: access: Input should be")
    assert "Traceback" not in err


def test_decide_missing_file(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["decide", "/nowhere/request.json"], capsys)
    assert code == 2 and "cannot read '/nowhere/request.json'" in err


def test_decide_with_a_broken_pack_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    file = tmp_path / "request.json"
    file.write_text(json.dumps(request()))
    code, _, err = run(["decide", "--policies", str(FIXTURES / "bad-yaml"), str(file)], capsys)
    assert code == 1
    assert "does not load" in err and "G101" in err


def test_console_script_is_installed_and_never_shows_a_traceback() -> None:
    result = subprocess.run(
        [str(Path(sys.executable).parent / "govern"), "decide", "-"],
        input="[1, 2]",
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "expected a JSON object, got list" in result.stderr
    assert "Traceback" not in result.stderr


def test_check_plain_text_exit_codes(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = run(["check", "--text", "-"], capsys, "The library opens at nine.\n", monkeypatch)
    assert code == 0 and json.loads(out)["verdict"] == "ok"
    code, out, _ = run(["check", "--text", "-"], capsys, "We categorically reject this.\n", monkeypatch)
    assert code == 1 and json.loads(out)["verdict"] == "refer"


def test_check_text_format_underlines_findings(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = run(
        ["check", "--text", "--format", "text", "-"], capsys, "Going forward, yes.", monkeypatch
    )
    assert code == 1
    assert out.splitlines() == [
        "REVISE  tone 0.35 · rebuttal risk 0.00",
        "  Going forward, yes.",
        "  ~~~~~~~~~~~~~",
        "1:1: revise corporate-tone (tone): This is a stock corporate phrase or a word to avoid; it can read "
        'as insincere or vague. "Going forward"',
        "    suggestion: from now on",
    ]


def test_check_text_options_reach_the_draft(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    args = [
        "check",
        "--text",
        "--platform",
        "x",
        "--posted-at",
        "2027-04-10T10:00:00Z",
        "--approach",
        "listen",
        "--account",
        "personal",
        "-",
    ]
    code, out, _ = run(args, capsys, "Cllr Ahmed opened the council's new park.", monkeypatch)
    rules = {f["rule"] for f in json.loads(out)["findings"]}
    assert code == 1 and rules == {"approach-not-authorised", "pre-election", "declare-role"}


def test_check_jsonl_in_order_with_bad_lines_in_place(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = [
        json.dumps({"text": "Fine.", "platform": "x"}),
        json.dumps({"text": "", "platform": "x"}),
        json.dumps({"text": "Going forward.", "platform": "x"}),
    ]
    code, out, _ = run(["check", "--jsonl", "-"], capsys, "\n".join(lines), monkeypatch)
    answers = [json.loads(line) for line in out.splitlines()]
    assert code == 2
    assert [a.get("verdict", "error" in a and "error") for a in answers] == ["ok", "error", "revise"]
    assert answers[1]["line"] == 2


def test_check_bad_platform_exits_2(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, _, err = run(["check", "--text", "--platform", "myspace", "-"], capsys, "Hello", monkeypatch)
    assert code == 2 and "platform" in err and "Traceback" not in err


# Lines a hostile or broken file holds, each with the field its error must name.
BAD_LINES = [
    pytest.param(b"[" * 100_000 + b"]" * 100_000, "0" + ".0" * 31, id="100k-deep"),
    pytest.param(b'{"text": "hi", "n": ' + b"1" * 5_000 + b"}", "n", id="5000-digit-int"),
    pytest.param(b'{"text": "caf\xe9 \xff"}', "", id="invalid-utf8"),
    pytest.param(b'{"text": "\\ud800"}', "text", id="lone-surrogate"),
]

GOOD = {
    "decide": (json.dumps(request(request_id="ok")), "decision"),
    "check": (json.dumps({"text": "Fine.", "platform": "x"}), "verdict"),
    "moderate": (json.dumps({"text": "Is the tip open?", "channel": "facebook-page"}), "action"),
}

BAD_DATES = {
    "decide": json.dumps(request(submitted_at="9999-12-31T23:59:59-05:00")),
    "check": json.dumps({"text": "Fine.", "platform": "x", "posted_at": "0001-01-01T00:00:00Z"}),
    "moderate": json.dumps({"text": "Hi", "channel": "facebook-page", "posted_at": "9999-12-31T23:59:59Z"}),
}


@pytest.mark.parametrize("command", ["decide", "check", "moderate"])
@pytest.mark.parametrize(("bad", "field"), BAD_LINES)
def test_jsonl_reports_every_bad_line_in_place_and_answers_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str, bad: bytes, field: str
) -> None:
    good, key = GOOD[command]
    file = tmp_path / "in.jsonl"
    file.write_bytes(b"\n".join([good.encode(), bad, BAD_DATES[command].encode(), good.encode()]) + b"\n")
    code, out, err = run([command, "--jsonl", str(file)], capsys)
    answers = [json.loads(line) for line in out.splitlines()]
    assert code == 2 and "Traceback" not in err
    assert [sorted(a)[0] if "error" in a else key for a in answers] == [key, "error", "error", key]
    assert (answers[1]["line"], answers[1]["error"]["details"][0]["field"]) == (2, field)
    assert answers[2]["line"] == 3 and answers[2]["error"]["details"][0]["field"] in (
        "submitted_at",
        "posted_at",
    )


@pytest.mark.parametrize("command", ["decide", "check", "moderate"])
@pytest.mark.parametrize(("bad", "field"), BAD_LINES)
def test_one_bad_document_exits_2_without_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str, bad: bytes, field: str
) -> None:
    file = tmp_path / "in.json"
    file.write_bytes(bad)
    code, out, err = run([command, str(file)], capsys)
    assert code == 2 and out == "" and err.startswith("govern: invalid input") and "Traceback" not in err


def test_check_text_reports_a_line_of_bad_bytes_in_place(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "drafts.txt"
    file.write_bytes(b"Fine.\ncaf\xe9\nGoing forward.\n")
    code, out, _ = run(["check", "--text", "--jsonl", str(file)], capsys)
    answers = [json.loads(line) for line in out.splitlines()]
    assert code == 2 and [a.get("verdict", a.get("line")) for a in answers] == ["ok", 2, "revise"]


def _repeat(minute: int, author: str = "r1") -> str:
    return json.dumps(
        {
            "text": "Fix the road",
            "channel": "facebook-page",
            "author": {"id": author},
            "posted_at": f"2026-11-18T11:{minute:02d}:00Z",
        }
    )


# (minutes past 11:00 in line order, the expected action of each line): the third repeat inside
# ten minutes is held as flooding, whatever order the lines come in.
FLOODING = [
    pytest.param([0, 3, 6], ["publish", "publish", "hold"], id="in-order"),
    pytest.param([0, 3, 30, 6], ["publish", "publish", "publish", "hold"], id="a-newer-line-between"),
    pytest.param([6, 3, 0], ["hold", "publish", "publish"], id="reversed"),
    pytest.param([30, 0, 3, 6], ["publish", "publish", "publish", "hold"], id="newest-first"),
    pytest.param([0, 3, 20], ["publish", "publish", "publish"], id="outside-the-window"),
    pytest.param([5, 5, 5], ["publish", "publish", "hold"], id="same-minute-by-line"),
]


@pytest.mark.parametrize(("minutes", "actions"), FLOODING)
def test_moderate_jsonl_judges_flooding_by_posting_time_not_line_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], minutes: list[int], actions: list[str]
) -> None:
    file = tmp_path / "comments.jsonl"
    file.write_text("\n".join([_repeat(m) for m in minutes] + [_repeat(minutes[0], author="r2")]) + "\n")
    _, out, _ = run(["moderate", "--jsonl", str(file)], capsys)
    answers = [json.loads(line)["action"] for line in out.splitlines()]
    assert answers == [*actions, "publish"]  # another author's identical comment never counts


@pytest.mark.parametrize("fmt", ["vale", "sarif", "rdjsonl"])
def test_check_speaks_other_tools_formats_and_still_reports_bad_lines(
    fmt: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = [
        json.dumps({"text": "Going forward, call us.", "platform": "x"}),
        "not json",
        json.dumps({"text": "Thanks for telling us.", "platform": "x"}),
    ]
    code, out, err = run(["check", "--jsonl", "--format", fmt, "-"], capsys, "\n".join(lines), monkeypatch)
    assert code == 2 and "line 2" in err  # the bad line is reported in its place
    if fmt == "vale":
        report = json.loads(out)
        assert set(report) == {"stdin:1", "stdin:3"} and report["stdin:3"] == []
        assert report["stdin:1"][0]["Match"] == "Going forward"
    elif fmt == "sarif":
        results = json.loads(out)["runs"][0]["results"]
        assert [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results] == [
            "stdin:1"
        ]
    else:
        diagnostics = [json.loads(line) for line in out.splitlines()]
        assert [(d["location"]["path"], d["suggestions"][0]["text"]) for d in diagnostics] == [
            ("stdin:1", "from now on")
        ]


def test_advice_is_never_offered_as_a_replacement(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = run(
        ["check", "--text", "--format", "rdjsonl", "-"], capsys, "We will leverage it.", monkeypatch
    )
    diagnostic = json.loads(out.splitlines()[0])
    assert code == 1 and diagnostic["code"]["value"] == "corporate-tone" and "suggestions" not in diagnostic
