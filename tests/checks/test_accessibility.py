"""The accessibility kinds (GCS guidance): emoji, hashtags, sentence length, styled letters."""

from __future__ import annotations

import datetime as dt

import pytest

from govern.checks.base import Subject
from govern.checks.sentences import sentences
from govern.checks.styled import plain
from tests.checks.helpers import compile_detector, found

EMOJI = {"kind": "emoji", "max": 3, "repeats": True, "in_place_of_words": True}


@pytest.mark.parametrize(
    ("text", "excerpts"),
    [
        pytest.param("Fair on Saturday 🎉", [], id="one-at-the-end"),
        pytest.param("Fair on Saturday 🎈☀️🌊", [], id="three-different"),
        pytest.param("Fair 🎈☀️🌊🍦", ["🎈", "☀️", "🌊", "🍦"], id="more-than-three"),
        pytest.param("Fair 🎉🎉", ["🎉", "🎉"], id="repeated"),
        pytest.param("Fair ❤ and ❤️", ["❤", "❤️"], id="repeated-with-and-without-selector"),
        pytest.param("We ❤️ our parks", ["❤️"], id="in-place-of-a-word"),
        pytest.param("Our libraries ❤️ books", ["❤️"], id="between-two-words"),
        pytest.param("Our libraries are open 📚 See you soon", [], id="before-a-new-sentence"),
        pytest.param("Family day 👨‍👩‍👧 🇬🇧 🇬🇧", ["🇬🇧", "🇬🇧"], id="joined-and-flags-count-once"),
        pytest.param("© Crown copyright, 10 → 11", [], id="text-symbols"),
    ],
)
def test_emoji(text: str, excerpts: list[str]) -> None:
    assert found(EMOJI, text) == excerpts


HASHTAGS = {"kind": "hashtags", "max": 2, "at_end": True}


@pytest.mark.parametrize(
    ("text", "excerpts"),
    [
        pytest.param("Open late tonight #LibraryWeek #Reading", [], id="two-at-the-end"),
        pytest.param(
            "Open late #LibraryWeek https://x.gov.uk @library 📚", [], id="links-and-emoji-may-follow"
        ),
        pytest.param("Join us at #CentralLibrary on Monday", ["#CentralLibrary"], id="before-the-end"),
        pytest.param("Sorry for the wait #BinDay ^JB", [], id="a-signature-may-follow"),
        pytest.param("Bins #A #B #C", ["#A", "#B", "#C"], id="more-than-two"),
        pytest.param("We're #1 for recycling, flat #3", [], id="numbers-are-not-hashtags"),
        pytest.param("See page.html#top or AT&T#x", [], id="not-inside-words"),
    ],
)
def test_hashtags(text: str, excerpts: list[str]) -> None:
    assert found(HASHTAGS, text) == excerpts


LONG = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen"


@pytest.mark.parametrize(
    ("text", "count"),
    [
        pytest.param(f"{LONG}.", 0, id="16-words"),
        pytest.param(f"{LONG} {LONG}.", 1, id="32-words"),
        pytest.param(f"{LONG}. {LONG}.", 0, id="two-short-sentences"),
        pytest.param(f"{LONG}\n{LONG}", 0, id="lines-are-sentences"),
        pytest.param(f"{LONG} at 9.30am and www.example.gov.uk/a.b {LONG}", 1, id="dots-inside-words"),
    ],
)
def test_sentences(text: str, count: int) -> None:
    assert len(found({"kind": "sentences", "max_words": 25}, text)) == count


def test_sentence_spans_leave_out_surrounding_space() -> None:
    text = "  First one.  Second one!\nThird"
    assert [text[a:b] for a, b in sentences(text)] == ["First one.", "Second one!", "Third"]


@pytest.mark.parametrize(
    ("text", "excerpts", "suggestions"),
    [
        pytest.param("𝗢𝗽𝗲𝗻 𝘁𝗼𝗱𝗮𝘆 at 9", ["𝗢𝗽𝗲𝗻 𝘁𝗼𝗱𝗮𝘆"], ["Open today"], id="bold-and-italic"),
        pytest.param("ⓒⓘⓡⓒⓛⓔⓓ", ["ⓒⓘⓡⓒⓛⓔⓓ"], ["circled"], id="circled"),
        pytest.param("🅝🅔🅦 times", ["🅝🅔🅦"], ["NEW"], id="negative-circled"),
        pytest.param("ｆｕｌｌ width", ["ｆｕｌｌ"], ["full"], id="fullwidth"),
        pytest.param("ꜱᴍᴀʟʟ caps", ["ꜱᴍᴀʟʟ"], ["small"], id="small-caps"),
        pytest.param("Café déjà vu – naïve", [], [], id="accented-letters-are-plain"),
    ],
)
def test_styled_letters(text: str, excerpts: list[str], suggestions: list[str]) -> None:
    detector, _ = compile_detector({"kind": "styled-letters"})
    spans = detector.find(Subject(text, {}, dt.date(2026, 1, 1)))
    assert [text[s.start : s.end] for s in spans] == excerpts
    assert [s.suggestion for s in spans] == suggestions


def test_styled_letters_read_the_text_as_written() -> None:
    # Normalising folds styled letters to plain ones; the detector must still see them.
    detector, _ = compile_detector({"kind": "styled-letters"})
    subject = Subject("Open now", {}, dt.date(2026, 1, 1), raw="𝗢𝗽𝗲𝗻 now", offsets=list(range(9)))
    assert [(s.start, s.end, s.suggestion) for s in detector.find(subject)] == [(0, 4, "Open")]
    assert plain("𝟭𝟮") == "12"


@pytest.mark.parametrize(
    "spec", [{"kind": "emoji"}, {"kind": "hashtags"}], ids=["emoji-needs-a-limit", "hashtags-need-a-limit"]
)
def test_accessibility_kinds_need_a_limit(spec: dict[str, object]) -> None:
    detector, problems = compile_detector(spec)
    assert detector is None
    assert [p.code for p in problems] == ["G201"]
