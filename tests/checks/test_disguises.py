"""Words disguised letter by letter, undone for matching, with a map back."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from govern.checks.disguises import _unmask, lowered, unmask, variants


@pytest.mark.parametrize(
    ("written", "reads"),
    [
        pytest.param("Sh1t and $h!t and a$$", "shit and shit and ass", id="leet-inside-words"),
        pytest.param("shit! !!what 2026 $5 !!!", "shit! !!what 2026 $5 !!!", id="symbols-outside-words"),
        pytest.param("f*ck f*** *shit* _shit_", "f_ck f___  shit   shit ", id="masks-and-emphasis"),
        pytest.param("f.u.c.k off, f - u - c - k", "fuck off, fuck", id="spelled-out"),
        pytest.param("s. h-i _t", "shit", id="mixed-separators"),
        pytest.param("a f u c k", "a fuck", id="a-is-a-word"),
        pytest.param("I am a u k citizen", "i am auk citizen", id="three-letters-join"),
        pytest.param("0 7 7 0 0", "0 7 7 0 0", id="spaced-digits-stay"),
        pytest.param("good Thanks!", "good thanks!", id="ordinary"),
    ],
)
def test_unmask(written: str, reads: str) -> None:
    assert unmask(written).text == reads


@pytest.mark.parametrize(
    ("written", "keep", "reads"),
    [
        pytest.param("liiiiar", 1, "liar", id="to-one"),
        pytest.param("crooooks", 2, "crooks", id="to-two"),
        pytest.param("good  feel", 1, "good  feel", id="doubles-stay"),
        pytest.param("1000000 zzz", 1, "1000000 z", id="digits-stay"),
    ],
)
def test_repeated_letters_are_cut(written: str, keep: int, reads: str) -> None:
    assert unmask(written, keep).text == reads


def test_the_map_points_at_the_letters_written() -> None:
    plain = unmask("He is a l.i.a.r")
    assert plain.text == "he is a liar"
    assert plain.where is not None and [plain.where[i] for i in range(8, 12)] == [8, 10, 12, 14]
    assert plain.changed == [8, 9, 10, 11]


def test_plain_text_has_no_variants() -> None:
    assert variants("Please fix the pothole on Elm Road") == ()
    assert [v.text for v in variants("a liiiar")] == ["a liar", "a liiar"]
    assert [v.text for v in variants("a l1iiiar")] == ["a liiiiar", "a liar", "a liiar"]


texts = st.lists(
    st.sampled_from([*"abfilstuz0135!$@*_ .-|", "sh1t", "l.i.a.r", "aaa", "\n"]), max_size=40
).map("".join)


@settings(max_examples=300)
@given(texts, st.sampled_from([None, 1, 2]))
@example("a!$", None)  # found by hypothesis: '!' inside a word before a symbol
@example("sh!!$", 1)
def test_the_quick_way_agrees_with_the_long_way(text: str, collapse: int | None) -> None:
    quick, long = unmask(text, collapse), _unmask(lowered(text), collapse)
    assert (quick.text, quick.where, quick.changed) == (long.text, long.where, long.changed)


@given(texts, st.sampled_from([None, 1, 2]))
def test_the_map_is_in_order_and_in_range(text: str, collapse: int | None) -> None:
    plain = unmask(text, collapse)
    where = plain.where if plain.where is not None else list(range(len(plain.text)))
    assert len(where) == len(plain.text)
    assert where == sorted(set(where)) and all(0 <= w < len(text) for w in where)
    assert plain.changed == sorted(set(plain.changed)) and all(
        0 <= c < len(plain.text) for c in plain.changed
    )
