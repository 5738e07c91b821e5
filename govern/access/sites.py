"""Site catalogue: reduce a URL or host to a catalogued domain and its category."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from govern.errors import FieldError, RequestError
from govern.policy.model import SiteCatalogueSpec


@dataclass(frozen=True, slots=True)
class Site:
    """What a requested site resolved to: the catalogued domain (or the host) and category."""

    domain: str
    category: str | None

    @property
    def known(self) -> bool:
        return self.category is not None


LABEL = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?")  # LDH: letters, digits, inner hyphens
MAX_HOST = 253  # the longest DNS name


def host_of(site: str) -> str:
    """The lower-case ASCII host of a domain or URL: 'https://M.Facebook.com/x' -> 'm.facebook.com'.

    Only a DNS name is a host: at most 253 characters (Unicode names IDNA-encoded first), of
    labels of letters, digits and inner hyphens, so 'facebook.com%0a' or a name padded with
    dots never reaches a grant or an export."""
    text = site.strip()
    if "://" not in text:
        text = "//" + text
    try:
        host = urlsplit(text).hostname or ""
    except ValueError:
        host = ""
    if host.endswith("."):  # the root's one dot: 'facebook.com.' is 'facebook.com'
        host = host[:-1]
    if len(host) > MAX_HOST:  # refused before any work that grows with it
        raise RequestError([FieldError("site", f"the host name is {len(host):,} characters; at most 253")])
    try:
        host = host.encode("idna").decode("ascii").lower()
    except UnicodeError:
        host = ""
    if len(host) > MAX_HOST:
        raise RequestError(
            [FieldError("site", f"the host name is {len(host):,} characters encoded; at most 253")]
        )
    labels = host.split(".")
    if len(labels) < 2 or not all(LABEL.fullmatch(label) for label in labels):
        raise RequestError(
            [
                FieldError(
                    "site",
                    f"'{site[:80]}' is not a domain or URL (e.g. facebook.com): a host's labels hold "
                    "letters, digits and hyphens",
                )
            ]
        )
    return host


class SiteCatalogue:
    """Domain lookups compiled from the pack's categories.

    A plain domain matches itself and every subdomain; '*.example.com' matches subdomains only.
    The most specific entry wins, so 'business.facebook.com' can sit in another category.
    """

    def __init__(self, spec: SiteCatalogueSpec) -> None:
        self.categories = {c.name: c for c in spec.categories}
        self._self_and_below: dict[str, str] = {}
        self._below_only: dict[str, str] = {}
        self._resolved: dict[str, Site] = {}
        for category in spec.categories:
            for entry in category.sites:
                if entry.startswith("*."):
                    self._below_only[entry[2:]] = category.name
                else:
                    self._self_and_below[entry] = category.name

    def __contains__(self, domain: str) -> bool:
        return domain in self._self_and_below or domain.removeprefix("*.") in self._below_only

    @property
    def domains(self) -> list[str]:
        return [*self._self_and_below, *(f"*.{d}" for d in self._below_only)]

    def resolve(self, site: str) -> Site:
        """The catalogued domain and category of a site; memoised, sites repeat."""
        found = self._resolved.get(site)
        if found is None:
            found = self._resolve(site)
            if len(self._resolved) >= 4096:
                self._resolved.clear()
            self._resolved[site] = found
        return found

    def _resolve(self, site: str) -> Site:
        host = host_of(site)
        labels = host.split(".")
        for i in range(len(labels) - 1):
            candidate = ".".join(labels[i:])
            if candidate in self._self_and_below:
                return Site(candidate, self._self_and_below[candidate])
            if i > 0 and candidate in self._below_only:
                return Site(candidate, self._below_only[candidate])
        return Site(host, None)
