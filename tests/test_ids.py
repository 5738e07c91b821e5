"""One grammar for names: requester, reviewer, comment and key names, at every entry point."""

from __future__ import annotations

import uuid

import pytest

from govern.errors import RequestError
from govern.ids import MAX_NAME, name_problem, new_id
from govern.pack import Pack
from tests.access.test_engine import request as access_request

HOSTILE = [
    pytest.param("jsmith\nhttp_access allow all", id="newline-squid-line"),
    pytest.param("REQUIRED", id="squid-required"),
    pytest.param("required", id="squid-required-lower"),
    pytest.param("All", id="squid-all"),
    pytest.param("none", id="squid-none"),
    pytest.param("anonymous", id="govern-anonymous"),
    pytest.param("j smith", id="space"),
    pytest.param("jsmíth", id="unicode-letter"),
    pytest.param("јsmith", id="cyrillic-homoglyph"),
    pytest.param("x" * 10_000, id="10k-chars"),
    pytest.param("x" * (MAX_NAME + 1), id="one-over-the-limit"),
    pytest.param("", id="empty"),
    pytest.param("-i", id="squid-flag"),
    pytest.param('"/etc/passwd"', id="squid-file-include"),
    pytest.param('=HYPERLINK("http://evil")', id="csv-formula"),
    pytest.param("@SUM(A1)", id="csv-at"),
    pytest.param("../reviews/abc", id="path-traversal"),
    pytest.param("a%0ab", id="url-escape"),
    pytest.param("a#b", id="squid-comment"),
    pytest.param("a\tb", id="tab"),
]

PLAIN = ["jsmith", "j.smith@example.gov.uk", "resident-123", "k287", "A_B", "x" * MAX_NAME, "0"]


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_names_are_refused(name: str) -> None:
    assert name_problem(name) is not None


@pytest.mark.parametrize("name", PLAIN)
def test_plain_names_pass(name: str) -> None:
    assert name_problem(name) is None


@pytest.mark.parametrize("name", HOSTILE)
def test_the_library_refuses_a_hostile_requester_naming_the_field(council: Pack, name: str) -> None:
    with pytest.raises(RequestError) as caught:
        council.decide(access_request(requester={"id": name}))
    assert [e.field for e in caught.value.errors] == ["requester.id"]


def test_new_ids_are_random_version_4_uuids() -> None:
    ids = [new_id() for _ in range(2000)]
    assert len(set(ids)) == len(ids)
    for text in ids:
        parsed = uuid.UUID(text)
        assert (str(parsed), parsed.version, parsed.variant) == (text, 4, uuid.RFC_4122)
    assert {text[19] for text in ids} == set("89ab")  # every variant digit is drawn
