"""The baseline for the HTTP benchmark: a trivial FastAPI endpoint that validates a body of the
same shape and size as an access request and returns it, served exactly as govern is.

The endpoint is a plain `def` (FastAPI runs it in its thread pool), as it has been since the
benchmark was written; `ECHO_ASYNC=1` serves it as `async def` on the event loop instead, which
skips the thread hand-off and is about 1.5 times as fast here (bench/RESULTS.md reports both)."""

from __future__ import annotations

import os

from fastapi import FastAPI

from govern.access.models import AccessRequest


def app_factory() -> FastAPI:
    app = FastAPI()

    if os.environ.get("ECHO_ASYNC") == "1":

        @app.post("/v1/access/decisions")
        async def echo_on_loop(body: AccessRequest) -> AccessRequest:
            return body

    else:

        @app.post("/v1/access/decisions")
        def echo(body: AccessRequest) -> AccessRequest:
            return body

    @app.get("/healthz")
    def healthz() -> dict[str, str]:
        return {"status": "ok"}

    return app


def main() -> None:
    import sys

    import uvicorn
    from uvicorn.supervisors import Multiprocess

    from govern.admin import listen_socket

    port, workers = int(sys.argv[1]), int(sys.argv[2])
    config = uvicorn.Config(
        "bench.echo_app:app_factory", factory=True, workers=workers, log_level="warning", access_log=False
    )
    sock = listen_socket("127.0.0.1", port)
    if workers > 1:
        Multiprocess(config, sockets=[sock]).run()
    else:
        uvicorn.Server(config).run(sockets=[sock])


if __name__ == "__main__":
    main()
