"""Each detector kind on the cases it exists for, and the ones it must leave alone."""

from __future__ import annotations

import pytest

from govern.checks.disguises import unmask
from govern.checks.metric import reading_grade, syllables
from govern.checks.personal_data import nhs_check_digit_ok
from govern.checks.phrases import inflections
from tests.checks.helpers import compile_detector, found

PHRASES = {"kind": "phrases", "phrases": ["apologise for any inconvenience", "going forward", "100%"]}


@pytest.mark.parametrize(
    ("text", "excerpts"),
    [
        pytest.param("We apologise for any inconvenience.", ["apologise for any inconvenience"], id="exact"),
        pytest.param(
            "We apologize for any inconvenience.", ["apologize for any inconvenience"], id="us-spelling"
        ),
        pytest.param(
            "He apologises for  any\ninconvenience", ["apologises for  any\ninconvenience"], id="spaces"
        ),
        pytest.param("GOING FORWARD, bins go out on Monday", ["GOING FORWARD"], id="case"),
        pytest.param("We are 100% sure", ["100%"], id="symbol"),
        pytest.param("the forwarding address", [], id="no-partial-words"),
    ],
)
def test_phrases(text: str, excerpts: list[str]) -> None:
    assert found(PHRASES, text) == excerpts


def test_phrase_suggestions_follow_the_phrase_found() -> None:
    import datetime as dt

    from govern.checks.base import Subject

    spec = {"kind": "phrases", "phrases": [{"phrase": "leverage", "suggestion": "use"}, "synergy"]}
    detector, _ = compile_detector(spec)
    spans = detector.find(Subject("We leveraged synergies", {}, dt.date(2026, 1, 1)))
    assert [(s.start, s.end, s.suggestion) for s in spans] == [(3, 12, "use"), (13, 22, None)]


@pytest.mark.parametrize(
    ("word", "matches", "misses"),
    [
        ("apologise", ["apologise", "apologize", "apologised", "apologizing"], ["apology"]),
        ("leverage", ["leverage", "leverages", "leveraged", "leveraging"], ["lever"]),
        ("synergy", ["synergy", "synergies"], ["synergistic"]),
        ("stakeholder", ["stakeholder", "stakeholders"], ["stake"]),
    ],
)
def test_inflections(word: str, matches: list[str], misses: list[str]) -> None:
    import re2

    regex = re2.compile(rf"^{inflections(word)}$")
    assert all(regex.search(m) for m in matches)
    assert not any(regex.search(m) for m in misses)


def test_patterns_find_every_match_and_keep_suggestions() -> None:
    spec = {"kind": "patterns", "patterns": [{"pattern": r"\bis a (?:liar|crook)\b", "suggestion": "facts"}]}
    assert found(spec, "He is a liar and she is a crook.") == ["is a liar", "is a crook"]


def test_patterns_case_sensitive_option() -> None:
    spec = {"kind": "patterns", "patterns": [r"\bLabour\b"], "case_sensitive": True}
    assert found(spec, "Labour says the labour market is tight") == ["Labour"]


def test_a_pattern_that_does_not_compile_is_a_located_problem() -> None:
    detector, problems = compile_detector({"kind": "patterns", "patterns": ["(unclosed", "(?<=lookbehind)x"]})
    assert detector is None
    assert [p.code for p in problems] == ["G402", "G402"]
    assert "missing )" in problems[0].message


@pytest.mark.parametrize(
    ("text", "excerpts"),
    [
        pytest.param("Email jo.bloggs@gmail.com today", ["jo.bloggs@gmail.com"], id="email"),
        pytest.param("Call 07700 900123 now", ["07700 900123"], id="mobile"),
        pytest.param("Ring +44 20 7946 0018", ["+44 20 7946 0018"], id="international"),
        pytest.param("NI number JG 10 37 45 A", ["JG 10 37 45 A"], id="ni"),
        pytest.param("NI number GB 10 37 45 A", [], id="ni-invalid-prefix"),
        pytest.param("NI number QQ 12 34 56 C", [], id="ni-invalid-first-letter"),
        pytest.param("NHS 943 476 5919", ["943 476 5919"], id="nhs-valid"),
        pytest.param("NHS 943 476 5918", [], id="nhs-bad-check-digit"),
        pytest.param("Lives at 14 Acacia Road, PO4 8QX", ["14 Acacia Road, PO4 8QX"], id="address"),
        pytest.param("Somewhere in PO4 8QX", [], id="postcode-without-house"),
        pytest.param("Mrs Jones at 14 Elm Road is a cheat", ["14 Elm Road"], id="street-without-postcode"),
        pytest.param("Flat 2, 7a St Mary's Close", ["7a St Mary's Close"], id="street-letter-suffix"),
        pytest.param("There are 5 potholes on Elm Road", [], id="count-on-a-street"),
        pytest.param("The 20 mph zone on London Road", [], id="speed-limit"),
        pytest.param(
            "Call 023 9283 4000 or customer.services@examplecouncil.gov.uk, PO1 2AL", [], id="allowed"
        ),
        pytest.param("Reference 123456789012 on your bill", [], id="reference-number"),
    ],
)
def test_personal_data(text: str, excerpts: list[str]) -> None:
    spec = {
        "kind": "personal-data",
        "allow": ["customer.services@examplecouncil.gov.uk", "023 9283 4000", "PO1 2AL"],
    }
    assert found(spec, text) == excerpts


def test_personal_data_allow_list_must_hold_contacts() -> None:
    _, problems = compile_detector({"kind": "personal-data", "allow": ["not a contact"]})
    assert [p.code for p in problems] == ["G205"]


@pytest.mark.parametrize(
    ("digits", "ok"), [("9434765919", True), ("9434765918", False), ("4010232137", True)]
)
def test_nhs_check_digit(digits: str, ok: bool) -> None:
    assert nhs_check_digit_ok(digits) is ok


@pytest.mark.parametrize(
    ("text", "excerpts"),
    [
        pytest.param("what the fuck", ["fuck"], id="plain"),
        pytest.param("what the f*ck", ["f*ck"], id="masked"),
        pytest.param("sh1t service", ["sh1t"], id="leet"),
        pytest.param("f u c k off", ["f u c k"], id="spaced"),
        pytest.param("s.h.i.t", ["s.h.i.t"], id="dotted"),
        pytest.param("f u c k y o u", ["f u c k"], id="spelled-run-on"),
        pytest.param("c o c k t a i l s, fuuuck, sh!t!", ["c o c k", "fuuuck", "sh!t"], id="more-disguises"),
        pytest.param("'shit' said nobody", ["shit"], id="quotes-are-kept-without-skip-quoted"),
        pytest.param("Scunthorpe and Dickens and cocktails", [], id="inside-words"),
        pytest.param("shitty shit", ["shitty", "shit"], id="endings"),
    ],
)
def test_words_find_disguised_spellings(text: str, excerpts: list[str]) -> None:
    assert found({"kind": "words", "words": ["fuck", "shit", "cunt", "dick", "cock"]}, text) == excerpts


def test_unmask_keeps_positions() -> None:
    plain = unmask("a f u c k off")
    assert plain.text == "a fuck off"
    assert plain.where is not None and [plain.where[i] for i in range(2, 6)] == [2, 4, 6, 8]
    assert unmask("Plain text").text == "plain text"
    assert unmask("Plain text").where is None


@pytest.mark.parametrize(
    ("text", "excerpts"),
    [
        pytest.param("PLEASE STOP dumping", ["PLEASE", "STOP"], id="two-words"),
        pytest.param("PLEASE stop dumping", [], id="one-word"),
        pytest.param("The NHS and HMRC and DVLA", [], id="acronyms"),
        pytest.param("Open now!!", ["!!"], id="repeated"),
        pytest.param("Open now!", [], id="single"),
    ],
)
def test_metric_capitals_and_repeats(text: str, excerpts: list[str]) -> None:
    spec = {
        "kind": "metric",
        "capitals": {"min_words": 2, "min_letters": 4, "except": ["HMRC", "DVLA"]},
        "repeated": "!",
    }
    assert found(spec, text) == excerpts


def test_reading_grade_separates_plain_from_dense() -> None:
    plain, _ = reading_grade("The bins go out on Monday. Put glass in the box. Thanks for your help.")
    dense, _ = reading_grade(
        "Notwithstanding considerable administrative complexities, the authority's comprehensive "
        "infrastructure modernisation programme necessitates temporary operational disruption."
    )
    assert plain < 4 < 9 < dense
    assert syllables("library") == 3 and syllables("the") == 1


def test_reading_grade_ignores_links_and_hashtags() -> None:
    grade, words = reading_grade("See examplecouncil.gov.uk/bins and https://x.com/a #LibraryOpeningHours")
    assert words == 2


def test_metric_needs_a_measure() -> None:
    _, problems = compile_detector({"kind": "metric"})
    assert [p.code for p in problems] == ["G201"]


def test_length_marks_what_is_over_the_limit() -> None:
    spec = {"kind": "length", "limits": {"x": 10}}
    assert found(spec, "0123456789abc", platform="x") == ["abc"]
    assert found(spec, "0123456789abc", platform="blog") == []


def test_context_condition() -> None:
    spec = {"kind": "context", "condition": 'has_image && alt_text == ""'}
    assert found(spec, "text", has_image=True, alt_text="") == [""]
    assert found(spec, "text", has_image=True, alt_text="A park") == []


def test_context_unknown_variable_is_a_problem() -> None:
    _, problems = compile_detector({"kind": "context", "condition": "has_imag"})
    assert [p.code for p in problems] == ["G401"]
    assert "did you mean 'has_image'" in problems[0].message


def test_sentiment_threshold_covers_the_text() -> None:
    spec = {"kind": "sentiment", "below": -0.6}
    assert found(spec, "  This is a terrible, awful, disgusting mess.  ") == [
        "This is a terrible, awful, disgusting mess."
    ]
    assert found(spec, "Thanks, that is lovely.") == []
