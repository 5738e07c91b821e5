"""The shared normalisation: what each disguise becomes, and the map back to what was written."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govern import Pack
from govern.checks.base import Span, Subject
from govern.checks.normalise import normalise


@pytest.mark.parametrize(
    ("written", "reads"),
    [
        pytest.param("zero\u200bwidth\u200c join\u200der\u2060s", "zerowidth joiners", id="zero-width"),
        pytest.param("soft\u00adhyphen, \ufeffBOM, \u202ebidi\u202c", "softhyphen, BOM, bidi", id="format"),
        pytest.param("s\ufe0fhit\U000e0041", "shit", id="variation-selector-and-tag"),
        pytest.param("Ꮪ\u3164hit", "Shit", id="hangul-filler-and-cherokee"),
        pytest.param("ѕһіt АВС", "shit ABC", id="cyrillic"),
        pytest.param("ΤΗΙΣ ο", "THIΣ o", id="greek-capital-iota-is-I"),
        pytest.param("ｓｈｉｔ　ＯＫ１", "shit OK1", id="fullwidth"),
        pytest.param("𝐬𝐡𝐢𝐭 𝑠ℎ𝑖𝑡 𝓼𝓱𝓲𝓽 𝕤𝕙𝕚𝕥", "shit shit shit shit", id="mathematical"),
        pytest.param("ⓢⓗⓘⓣ Ⓢ ①", "shit S 1", id="circled"),
        pytest.param("fu\u030ack shít Z̷̡a̸l̴g̵o", "fuck shit Zalgo", id="combining-marks"),
        pytest.param("&#115;&#x68;i&amp;t &nbsp;&#8203;", "shi&t  ", id="html-references"),
        pytest.param("&#115h&bogus; Fish&chips", "sh&bogus; Fish&chips", id="reference-edge-cases"),
        pytest.param("a\u00a0b\u2009c\u3000d\u2028e\u2800f", "a b c d\ne f", id="separators"),
        pytest.param("٠٧٧٠٠ ۹۰۰ १२३ 𝟎𝟏", "07700 900 123 01", id="digits"),
        pytest.param("x\x00y\x1bz\tq\x0br", "xyz\tq\nr", id="controls"),
        pytest.param("ﬁne… ™", "fine... TM", id="ligatures-expand"),
    ],
)
def test_normalise_undoes_disguises(written: str, reads: str) -> None:
    assert normalise(written).text == reads


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Plain ASCII, with punctuation & an ampersand!", id="ascii"),
        pytest.param("привет мир", id="cyrillic-kept-with-its-marks"),
        pytest.param("한국어 नमस्ते עִבְרִית", id="other-scripts-keep-their-marks"),
        pytest.param("don´t 👍🏽", id="spacing-accent-and-emoji-modifier"),
    ],
)
def test_ordinary_text_is_not_damaged(text: str) -> None:
    reads = normalise(text).text
    assert reads.replace("р", "p").replace("е", "e") == text.replace("р", "p").replace("е", "e")


def test_ascii_text_needs_no_map() -> None:
    assert normalise("call 07700 900123 now").offsets is None


def test_offsets_point_at_what_was_written() -> None:
    written = "s\u200bh&#105;t"
    found = normalise(written)
    assert found.text == "shit"
    assert found.offsets == [0, 2, 3, 9, 10]
    subject = Subject(found.text, {}, dt.date(2026, 11, 21), raw=written, offsets=found.offsets)
    assert subject.to_raw(Span(0, 4)) == Span(0, 10)
    assert subject.to_raw(Span(2, 3)) == Span(3, 9)


texts = st.lists(
    st.sampled_from(
        [
            *"ab s.&;#x0159",
            "\u200b",
            "\u00ad",
            "\u0301",
            "\ufe0f",
            "ѕ",
            "ο",
            "ｓ",
            "𝐬",
            "ⓢ",
            "٣",
            "\u00a0",
            "ﬁ",
            "й",
            "👍",
            "&amp;",
            "&#115;",
            "&#x73",
        ]
    ),
    max_size=60,
).map("".join)


@given(texts)
def test_the_map_is_exact(written: str) -> None:
    found = normalise(written)
    if found.offsets is None:
        assert found.text == written
        return
    offsets = found.offsets
    assert len(offsets) == len(found.text) + 1
    assert offsets[-1] == len(written)
    assert offsets == sorted(offsets)
    assert all(0 <= o < len(written) for o in offsets[:-1])


@given(texts.filter(lambda t: "&" not in t))
def test_normalising_twice_changes_nothing(written: str) -> None:
    once = normalise(written).text
    assert normalise(once).text == once


def test_a_post_is_as_long_as_written(council: Pack) -> None:
    """NFKC turns "…" into three dots; the platform counts one character."""
    text = "Bins go out on Monday" + "…" * 259
    assert len(text) == 280
    assert "platform-length" not in {f.rule for f in council.check({"text": text, "platform": "x"}).findings}
    longer = council.check({"text": text + "…", "platform": "x"}).findings
    assert [(f.start, f.end) for f in longer if f.rule == "platform-length"] == [(280, 281)]
