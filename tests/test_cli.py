"""The `govern` command: validate and decide, exit codes, JSON and text, bad input."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

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
    assert out.startswith("council-default 1.0.0: valid (47 rules, sha256:")


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
    code, out, _ = run(["decide", str(file)], capsys)
    body = json.loads(out)
    assert code == 0
    assert (body["decision"], body["expires_on"]) == ("permit", "2027-05-20")


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
