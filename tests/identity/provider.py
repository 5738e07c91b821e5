"""A real OpenID provider for the tests: Node's certified `oidc-provider` on a loopback port.

scripts/oidc.sh installs it from the npm registry into .cache/oidc; scripts/oidc-provider.mjs
configures it (clients, users with a `roles` claim). Its signing key is made here, so that tests
can also mint tokens the provider's key signed but the provider would never issue (expired, for
another issuer, ...). Missing Node or the package fails the tests in CI (CI=true) and skips them,
saying why, elsewhere.
"""

from __future__ import annotations

import http.client
import json
import os
import shutil
import subprocess
import time
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import httpx
import pytest
from joserfc import jwt
from joserfc.jwk import RSAKey

from tests.conftest import ROOT
from tests.serving import free_port

PACKAGE = ROOT / ".cache" / "oidc" / "node_modules" / "oidc-provider" / "package.json"
SCRIPT = ROOT / "scripts" / "oidc-provider.mjs"
NODE = shutil.which("node")
KID = "govern-test-1"
WEB_CLIENT = "govern-web"
WEB_SECRET = "govern-web-secret-for-tests-only"
API = "api://govern"
OTHER_API = "api://another-app"
MACHINES = {
    "service-desk": "service-desk-secret-for-tests-only",
    "reviewer-bot": "reviewer-bot-secret-for-tests-only",
}
# The test users' app roles (scripts/oidc-provider.mjs) as a council would map them.
ROLE_MAP = {
    "Govern.Requester": {"role": "requester"},
    "Govern.Manager": {"role": "requester"},
    "Govern.Reviewer.ITSecurity": {"role": "reviewer", "queues": ["it-security"]},
    "Govern.Admin": {"role": "admin"},
}
SESSION_SECRET = "a session secret for the tests, 32+ characters long"


def unavailable(message: str) -> None:
    """No provider: a failure in CI, a skip that says why elsewhere."""
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


@dataclass
class RunningProvider:
    issuer: str
    key: RSAKey  # the provider's own signing key
    govern_port: int  # a port reserved for a live `govern serve` (its redirect URI is registered)
    process: subprocess.Popen[bytes]

    def settings(self, base: str = "http://127.0.0.1", **extra: Any) -> dict[str, Any]:
        """GOVERN_OIDC_* values (lower-case names) for a govern reached at `base`."""
        return {
            "issuer": self.issuer,
            "client_id": WEB_CLIENT,
            "client_secret": WEB_SECRET,
            "redirect_uri": f"{base}/auth/callback",
            "post_logout_redirect_uri": f"{base}/",
            "audience": API,
            "role_map": ROLE_MAP,
            "session_secret": SESSION_SECRET,
            **extra,
        }

    def env(self, base: str) -> dict[str, str]:
        return {
            f"GOVERN_OIDC_{name.upper()}": value if isinstance(value, str) else json.dumps(value)
            for name, value in self.settings(base).items()
        }

    def machine_token(self, client: str, resource: str = API) -> str:
        """A client-credentials access token, as a machine asks for one."""
        answer = httpx.post(
            f"{self.issuer}/token",
            data={"grant_type": "client_credentials", "scope": "api", "resource": resource},
            auth=(client, MACHINES[client]),
        )
        assert answer.status_code == 200, answer.text
        return str(answer.json()["access_token"])

    def mint(self, claims: dict[str, Any], key: RSAKey | None = None, **header: Any) -> str:
        """A token signed with the provider's key (or `key`), with the usual claims unless overridden."""
        now = int(time.time())
        body = {"iss": self.issuer, "aud": API, "iat": now, "exp": now + 300, "client_id": "service-desk"}
        body |= {"sub": "service-desk", "roles": ["Govern.Requester"], **claims}
        body = {k: v for k, v in body.items() if v is not None}
        signing = key or self.key
        return jwt.encode({"alg": "RS256", "kid": signing.kid, **header}, body, signing)


def start_provider(tmp: Path) -> RunningProvider:
    if NODE is None:
        unavailable("no node: the sign-in tests need Node.js and oidc-provider (scripts/oidc.sh)")
    if not PACKAGE.exists():
        unavailable("oidc-provider is not installed (scripts/oidc.sh installs it from the npm registry)")
    port, govern_port = free_port(), free_port()
    issuer = f"http://localhost:{port}"  # another site than govern's 127.0.0.1, as in real life
    key = RSAKey.generate_key(2048, parameters={"kid": KID, "use": "sig", "alg": "RS256"})
    bases = ["http://127.0.0.1", "https://127.0.0.1", f"http://127.0.0.1:{govern_port}"]
    config = {
        "issuer": issuer,
        "port": port,
        "jwks": {"keys": [key.as_dict(private=True)]},
        "redirect_uris": [f"{b}/auth/callback" for b in bases],
        "post_logout_redirect_uris": [f"{b}/" for b in bases],
    }
    path = tmp / "provider.json"
    path.write_text(json.dumps(config), encoding="utf-8")
    log = (tmp / "provider.log").open("wb")
    process = subprocess.Popen(
        [str(NODE), str(SCRIPT), str(path)], stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    log.close()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
        try:
            conn.request("GET", "/.well-known/openid-configuration")
            if conn.getresponse().status == 200:
                return RunningProvider(issuer, key, govern_port, process)
        except OSError:
            time.sleep(0.1)
        finally:
            conn.close()
    stop_provider(process)
    output = (tmp / "provider.log").read_text(encoding="utf-8", errors="replace")[-2000:]
    unavailable(f"oidc-provider did not start (node {node_version()}):\n{output}")
    raise AssertionError("unreachable")


def node_version() -> str:
    if NODE is None:
        return "missing"
    return subprocess.run([NODE, "--version"], capture_output=True, text=True, check=False).stdout.strip()


def stop_provider(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        os.killpg(process.pid, 15)
    process.wait(timeout=30)


# --- signing in at the provider, as a browser would (without one) --------------------------------


class _Forms(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.forms: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {k: v or "" for k, v in attrs}
        if tag == "form":
            self.forms.append((found.get("action", ""), {}))
        elif tag == "input" and self.forms and found.get("name"):
            self.forms[-1][1][found["name"]] = found.get("value", "")


def form(html: str, base: str) -> tuple[str, dict[str, str]]:
    """The first form on a provider page: where it posts and its fields' values."""
    parser = _Forms()
    parser.feed(html)
    assert parser.forms, html[:500]
    action, fields = parser.forms[0]
    return urljoin(base, action), fields


def interact(browser: httpx.Client, url: str, login: str, stop_at: str) -> str:
    """Follow the provider from `url` (its authorisation URL) through its login and consent pages
    until it redirects to `stop_at`; that URL (the callback with code and state)."""
    for _ in range(12):
        if url.startswith(stop_at):
            return url
        answer = browser.get(url)
        if answer.is_redirect:
            url = urljoin(url, answer.headers["location"])
            continue
        assert answer.status_code == 200, answer.text[:500]
        action, fields = form(answer.text, url)
        if fields.get("prompt") == "login":
            fields |= {"login": login, "password": "any password"}
        answer = browser.post(action, data=fields)
        assert answer.is_redirect, answer.text[:500]
        url = urljoin(action, answer.headers["location"])
    raise AssertionError(f"the provider never sent the browser back to {stop_at}")
