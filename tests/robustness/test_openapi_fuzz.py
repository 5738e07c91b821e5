"""schemathesis generates requests from /openapi.json: whatever it sends, no 5xx and no trace."""

from __future__ import annotations

import tempfile
from pathlib import Path

import schemathesis
from hypothesis import HealthCheck, settings

from govern.api.app import create_app
from govern.api.middleware import WebSettings
from govern.store.sql import SqlStore
from tests.conftest import DEFAULT_PACK

_STORE = SqlStore(str(Path(tempfile.mkdtemp(prefix="govern-fuzz-")) / "govern.db"))
# schemathesis calls the app as http://testserver: name it, as --allowed-host would.
APP = create_app(str(DEFAULT_PACK), _STORE, open_access=True, web=WebSettings.of(["testserver"]))
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_server_errors(case: schemathesis.Case) -> None:
    response = case.call()
    assert response.status_code < 500, response.text
    assert "Traceback" not in response.text
