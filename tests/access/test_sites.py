"""Site normalisation: URL -> host -> catalogued domain and category."""

from __future__ import annotations

import pytest

from govern import Pack, RequestError
from govern.access.sites import host_of


@pytest.mark.parametrize(
    ("given", "host"),
    [
        pytest.param("facebook.com", "facebook.com", id="domain"),
        pytest.param("  Facebook.COM ", "facebook.com", id="case-and-spaces"),
        pytest.param("https://m.facebook.com/groups/1?x=2", "m.facebook.com", id="url"),
        pytest.param("http://user:pw@www.youtube.com:8080/watch", "www.youtube.com", id="userinfo-port"),
        pytest.param("x.com/examplecouncil", "x.com", id="path-without-scheme"),
        pytest.param("facebook.com.", "facebook.com", id="trailing-dot"),
        pytest.param("bücher.example", "xn--bcher-kva.example", id="idna"),
    ],
)
def test_host_of(given: str, host: str) -> None:
    assert host_of(given) == host


@pytest.mark.parametrize("bad", ["facebook", "", "http://", "not a site", "https://.com", "a..com"])
def test_not_a_site_is_a_request_error(bad: str) -> None:
    with pytest.raises(RequestError, match="is not a domain or URL"):
        host_of(bad)


@pytest.mark.parametrize(
    ("site", "domain", "category"),
    [
        pytest.param("facebook.com", "facebook.com", "social-network", id="itself"),
        pytest.param("business.m.facebook.com", "facebook.com", "social-network", id="deep-subdomain"),
        pytest.param("notfacebook.com", "notfacebook.com", None, id="suffix-is-not-subdomain"),
        pytest.param("a.example.net", "example.net", "social-network", id="wildcard-subdomain"),
        pytest.param("example.net", "example.net", None, id="wildcard-not-itself"),
        pytest.param("https://youtube.com/x", "youtube.com", "video", id="url"),
    ],
)
def test_resolve_against_catalogue(minimal: Pack, site: str, domain: str, category: str | None) -> None:
    resolved = minimal.sites.resolve(site)
    assert (resolved.domain, resolved.category) == (domain, category)
