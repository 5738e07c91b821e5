"""A hang guard: any text up to the 20,000-character limit is checked in bounded time.

The review found one comment ("a." * 10000) that held a worker for 8.8 s in a quadratic link
pattern. Every pattern on user text is now RE2 or linear by construction; these tests feed the
shapes that make backtracking, per-pair loops and VADER's quadratic scoring blow up, and fail if
a draft or a comment takes more than a generous CPU-time bound. How fast checks are is measured
in bench/, not here.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govern import Pack, load_pack
from govern.drafts.models import MAX_TEXT
from tests.conftest import DEFAULT_PACK

COUNCIL = load_pack(DEFAULT_PACK)
BOUND = 2.0  # CPU seconds for one check: far above normal (milliseconds), far below a hang

SHAPES = [
    "a.",
    "a. ",
    "a-",
    "a@",
    "a/",
    "www.",
    "http://",
    "x.co ",
    " ",
    "\n",
    "\n \n",
    " - ",
    "!",
    "*",
    "_",
    "a",
    "word ",
    "&#115;",
    "&amp;",
    "😀",
    "👨\u200d👩\u200d👧",
    "🇬🇧",
    "e\u0301",
    "\u0301",
    "\u200b",
    "\u00ad",
    "0",
    "0 ",
    "O",
    "l",
    "9",
    "sh1t ",
    "s.h.i.t ",
    "s h i t ",
    "shiiit ",
    "liar ",
    "l1ar ",
    "muslims are vermin ",
    "not ",
    "kill you ",
    "burn the council offices down ",
    '"',
    "'",
    "#librarynews",
    "PLEASE ",
    "?",
    "vote for ",
    "14 Acacia Road PO4 8QX ",
    "ѕһіt",
    "ｓ",
    "𝐬",
    "٣",
    "مرحبا ",
]

shapes = st.lists(st.tuples(st.sampled_from(SHAPES), st.integers(1, 5000)), min_size=1, max_size=6)


def _fill(parts: list[tuple[str, int]]) -> str:
    """The shapes repeated, then the whole repeated to exactly the largest text allowed."""
    text = "".join(shape * count for shape, count in parts)
    text = (text * (MAX_TEXT // len(text) + 1))[:MAX_TEXT]
    return text if text.strip() else "x" + text[1:]


def _seconds(work: Callable[[], object]) -> float:
    start = time.process_time()
    work()
    return time.process_time() - start


def _assert_bounded(pack: Pack, text: str) -> None:
    draft = _seconds(lambda: pack.check({"text": text, "platform": "blog"}))
    comment = _seconds(lambda: pack.moderate({"text": text, "channel": "facebook-page"}))
    assert draft < BOUND, f"a draft took {draft:.2f} s of CPU"
    assert comment < BOUND, f"a comment took {comment:.2f} s of CPU"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("a." * 10_000, id="dotted-letters"),
        pytest.param("a-" * 10_000, id="hyphenated-letters"),
        pytest.param("😀" * MAX_TEXT, id="emoji"),
        pytest.param(("muslims are vermin " * 1100)[:MAX_TEXT], id="target-and-claim-repeated"),
        pytest.param(("not muslims are vermin " * 900)[:MAX_TEXT], id="negated-claims"),
        pytest.param(" " * (MAX_TEXT - 5) + "x - y", id="spaces-before-a-dash"),
        pytest.param(("s . h - i _ t " * 1500)[:MAX_TEXT], id="spelled-out"),
        pytest.param("a" + "\u0301" * (MAX_TEXT - 1), id="combining-marks"),
        pytest.param("&#115;" * (MAX_TEXT // 6), id="character-references"),
    ],
)
def test_known_hostile_shapes_are_checked_in_bounded_time(text: str) -> None:
    _assert_bounded(COUNCIL, text)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(shapes)
def test_any_mix_of_hostile_shapes_is_checked_in_bounded_time(parts: list[tuple[str, int]]) -> None:
    _assert_bounded(COUNCIL, _fill(parts))
