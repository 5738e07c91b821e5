"""The extension in Debian's Chromium, driven by Playwright: local composer pages, a real
`govern serve` on loopback with keys, and timing of findings after the officer pauses.

Shared by tests/extension and bench/extension_latency.py.
"""

from __future__ import annotations

import hashlib
import http.server
import json
import shutil
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from govern.store.sql import SqlStore
from tests.conftest import ROOT
from tests.serving import free_port, start, stop, wait_ready

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
EXTENSION = ROOT / "extension"
ARTIFACTS = ROOT / "test-artifacts"
KEYS = {"amira": ("requester", "key-amira-officer"), "legal-lead": ("reviewer", "key-legal-lead")}

# Two composers like the social sites': a plain textarea, and a contenteditable box whose text is
# split across elements the way rich editors split it. The page notes when each key went down and
# when the extension's panel appeared, on the page's own clock.
PAGE = """<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>{title}</title>
<style>body{{font:16px/1.4 sans-serif;margin:40px}} textarea,[contenteditable]{{width:520px;min-height:90px;
padding:8px;border:1px solid #888;font:16px/1.4 sans-serif;display:block}}</style></head><body>
<h1>{title}</h1>{composer}<p>Compose your post.</p>
<script>
window.keys = []; window.panels = [];
document.addEventListener("keydown", () => keys.push(performance.now()), true);
const seen = () => {{
  const host = document.querySelector("govern-overlay");
  if (!host || !host.shadowRoot || host.dataset.watched) return;
  host.dataset.watched = "1";
  const note = () => {{ if (host.shadowRoot.querySelector(".panel")) panels.push(performance.now()); }};
  note();
  new MutationObserver(note).observe(host.shadowRoot, {{childList: true}});
}};
new MutationObserver(seen).observe(document.documentElement, {{childList: true}});
</script></body></html>"""
COMPOSERS = {
    "textarea": '<label for="post">What is happening?</label><textarea id="post"></textarea>',
    "editable": '<div id="post" contenteditable="true" role="textbox" aria-label="Write a post">'
    "<p><br></p></div>",
}


@dataclass
class Service:
    url: str
    db: Path

    def checks(self, kind: str = "check") -> int:
        """How many drafts the service has checked (each is in the decision log), or other records."""
        with sqlite3.connect(f"file:{self.db}?mode=ro", uri=True) as c:
            return int(c.execute("SELECT count(*) FROM log WHERE kind = ?", (kind,)).fetchone()[0])


@contextmanager
def govern_service(folder: Path) -> Iterator[Service]:
    db = folder / "govern.db"
    store = SqlStore(str(db))
    for name, (role, secret) in KEYS.items():
        store.add_key(f"id-{name}", name, role, hashlib.sha256(secret.encode()).hexdigest())
    store.close()
    port = free_port()
    process = start(db, port)
    try:
        wait_ready(port)
        yield Service(f"http://127.0.0.1:{port}", db)
    finally:
        stop(process)


@contextmanager
def composer_site() -> Iterator[str]:
    """The composer pages on a loopback port of their own (another origin than the service)."""

    class Pages(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the standard library's name
            kind = self.path.strip("/").removesuffix(".html")
            if kind not in COMPOSERS:
                self.send_error(404)
                return
            body = PAGE.format(title=f"Composer ({kind})", composer=COMPOSERS[kind]).encode()
            self.send_response(200)
            self.send_header("content-type", "text/html; charset=utf-8")
            self.send_header("content-length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Pages)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def extension_copy(folder: Path) -> Path:
    """The extension as shipped, plus the test site's origin among the content script's matches
    (the shipped manifest names only the social sites)."""
    target = folder / "extension"
    shutil.copytree(EXTENSION, target)
    manifest = json.loads((target / "manifest.json").read_text())
    manifest["content_scripts"][0]["matches"].append("http://127.0.0.1/*")
    (target / "manifest.json").write_text(json.dumps(manifest))
    return target


@contextmanager
def browser_with_extension(folder: Path) -> Iterator[tuple[Any, str]]:
    """A persistent Chromium context (new headless mode) with only our extension; (context, id)."""
    from playwright.sync_api import sync_playwright

    extension = extension_copy(folder)
    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(folder / "profile"),
            executable_path=CHROMIUM,
            headless=True,
            args=[
                f"--disable-extensions-except={extension}",
                f"--load-extension={extension}",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
            viewport={"width": 900, "height": 600},
        )
        try:
            worker = (
                context.service_workers[0]
                if context.service_workers
                else context.wait_for_event("serviceworker")
            )
            yield context, worker.url.split("/")[2]
        finally:
            context.close()


def configure(context: Any, extension_id: str, service_url: str, key: str) -> None:
    """What the officer does once on the options page (IT's managed storage would set the URL)."""
    page = context.new_page()
    page.goto(f"chrome-extension://{extension_id}/options.html")
    page.fill("#serviceUrl", service_url)
    page.fill("#apiKey", key)
    page.click("button[type=submit]")
    page.wait_for_selector("#status:has-text('Saved.')")
    # The test site stands in for x.com: which hosts are watched is IT's setting (managed storage).
    page.evaluate("chrome.storage.local.set({sites: {'127.0.0.1': 'x'}})")
    page.close()


def type_and_pause(page: Any, text: str, delay_ms: float) -> float:
    """Type `text` a key every `delay_ms`, then wait for the panel; milliseconds from the last key
    to the panel showing the findings."""
    page.evaluate("window.panels = []; window.keys = []")
    page.keyboard.type(text, delay=delay_ms)
    page.wait_for_function("window.panels.length > 0", timeout=10_000)
    last_key, panel = page.evaluate("[window.keys[window.keys.length - 1], window.panels[0]]")
    return float(panel - last_key)


def key_gaps(page: Any) -> list[float]:
    return [float(g) for g in page.evaluate("window.keys.slice(1).map((t, i) => t - window.keys[i])")]


def overlay(page: Any) -> dict[str, Any]:
    """What the extension shows: the verdict, the underlined rules and the findings' text."""
    result: dict[str, Any] = page.evaluate(
        """() => {
        const root = document.querySelector('govern-overlay').shadowRoot;
        const panel = root.querySelector('.panel');
        return {
          verdict: panel ? panel.dataset.verdict : null,
          underlined: [...root.querySelectorAll('.underline')].map(u => u.dataset.rule),
          findings: [...root.querySelectorAll('.finding')].map(f => f.textContent),
          sent: root.querySelector('.sent') ? root.querySelector('.sent').textContent : null,
        };
    }"""
    )
    return result
