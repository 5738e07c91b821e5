"""Prometheus metrics. With several worker processes, set PROMETHEUS_MULTIPROC_DIR (govern serve
does) and every process's figures are added up at /metrics."""

from __future__ import annotations

import os

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
    multiprocess,
)

DECISIONS = Counter("govern_decisions_total", "Access decisions by outcome", ["outcome"])
DECIDED_ON_THREAD = Counter(
    "govern_decisions_on_thread_total",
    "Access decisions handed to a thread because writing on the event loop would have waited for a lock",
)
CHECKS = Counter("govern_draft_checks_total", "Draft checks by verdict", ["verdict"])
MODERATIONS = Counter("govern_moderations_total", "Moderated comments by action", ["action"])
RELOADS = Counter("govern_policy_reloads_total", "Pack reloads by result", ["result"])
SHADOW = Counter(
    "govern_shadow_differences_total", "Answers the shadow pack would have given differently", ["area"]
)
ERRORS = Counter("govern_errors_total", "Error responses by code", ["code"])
EXPIRING = Gauge(
    "govern_grants_expiring",
    "Current grants expiring within 14 days (set at each scrape)",
    multiprocess_mode="max",
)
SCIM = Counter("govern_scim_writes_total", "SCIM writes by resource and operation", ["resource", "operation"])
DIRECTORY_LEAVERS = Counter("govern_directory_leavers_total", "People made inactive or deleted over SCIM")
DIRECTORY_MOVERS = Counter("govern_directory_movers_total", "People moved to another department over SCIM")
DIRECTORY_REVOKED = Counter(
    "govern_directory_grants_revoked_total", "Grants revoked because of a directory change", ["reason"]
)
DECIDE_SECONDS = Histogram(
    "govern_decide_seconds",
    "Time to decide and record one access request",
    buckets=(0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1),
)
LATENCY = Histogram(
    "govern_http_request_seconds",
    "HTTP request latency",
    ["method", "route", "status"],
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5),
)


def render() -> tuple[bytes, str]:
    """The metrics page: this process's, or every worker's in multiprocess mode."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
        return generate_latest(registry), CONTENT_TYPE_LATEST
    return generate_latest(), CONTENT_TYPE_LATEST
