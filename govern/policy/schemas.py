"""Cerberus schemas of the pack file and of each document kind, checked before compiling.

The document kinds' schemas are derived from their typed records (govern.policy.model, by
govern.policy.shape), so each shape is written once; only pack.yaml's is written here.
"""

from __future__ import annotations

from typing import Any

from govern.policy.model import SPEC_MODELS, Metadata
from govern.policy.shape import Schema, schema_of

NAME = {"type": "string", "regex": r"^[a-z0-9][a-z0-9-]*$", "empty": False}
TEXT = {"type": "string", "empty": False}

# The pack file (pack.yaml) is settings, not a typed document: its shape is written here.
PACK_FILE: Schema = {
    "name": {**NAME, "required": True},
    "version": {
        "type": "string",
        "required": True,
        "regex": r"^\d+\.\d+\.\d+([-+][0-9A-Za-z.-]+)?$",
    },
    "owner": {**TEXT, "required": True},
    "description": {**TEXT, "required": True},
    "extends": {"type": "string", "empty": False, "nullable": True},
    "timezone": {"type": "string", "empty": False},
    "disable": {"type": "list", "schema": NAME},
}

ENVELOPE: Schema = {
    "apiVersion": {"type": "string", "required": True},
    "kind": {"type": "string", "required": True},
    "metadata": {"type": "dict", "required": True, "schema": schema_of(Metadata)},
    "spec": {"type": "dict", "required": True},
}

# The document kinds and their spec schemas, derived from the typed records.
KINDS: dict[str, Schema] = {kind: schema_of(model) for kind, model in SPEC_MODELS.items()}

# Keys any detector may have besides its own, by document kind.
DETECTOR_EXTRAS: dict[str, Schema] = {
    "ModerationPolicy": {"action": {"type": "string", "allowed": ["remove", "hold"]}},
}


def detector_specs(kind: str, spec: dict[str, Any]) -> list[tuple[tuple[str | int, ...], dict[str, Any]]]:
    """(path, detector) for every detector of a text-rule document, for per-kind schema checks."""
    found: list[tuple[tuple[str | int, ...], dict[str, Any]]] = []
    for i, rule in enumerate(spec.get("rules") or []):
        if not isinstance(rule, dict):
            continue
        for field in ("match", "unless"):
            for j, detector in enumerate(rule.get(field) or []):
                if isinstance(detector, dict):
                    found.append((("spec", "rules", i, field, j), detector))
    return found
