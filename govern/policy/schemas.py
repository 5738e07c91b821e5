"""Cerberus schemas of the pack file and of each document kind, checked before compiling."""

from __future__ import annotations

from typing import Any

from govern.calendar import NATIONS

Schema = dict[str, Any]

NAME = {"type": "string", "regex": r"^[a-z0-9][a-z0-9-]*$", "empty": False}
TEXT = {"type": "string", "empty": False}
TEXT_LIST = {"type": "list", "schema": TEXT}
CEL = {"type": "string", "empty": False}
DAYS = {"type": "integer", "min": 1, "max": 36500}

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
    "metadata": {
        "type": "dict",
        "required": True,
        "schema": {
            "name": {**NAME, "required": True},
            "description": {**TEXT, "required": True},
            "owner": {**TEXT, "required": True},
            "labels": {"type": "dict", "keysrules": NAME, "valuesrules": {"type": "string"}},
        },
    },
    "spec": {"type": "dict", "required": True},
}

SITE_CATALOGUE: Schema = {
    "categories": {
        "type": "list",
        "schema": {
            "type": "dict",
            "schema": {
                "name": {**NAME, "required": True},
                "description": TEXT,
                "sites": {
                    "type": "list",
                    "required": True,
                    "schema": {
                        "type": "string",
                        "regex": r"^(\*\.)?([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$",
                    },
                },
            },
        },
    },
}

PRIORITY_CATALOGUE: Schema = {
    "priorities": {
        "type": "list",
        "schema": {
            "type": "dict",
            "schema": {
                "id": {**TEXT, "required": True},
                "title": {**TEXT, "required": True},
                "description": TEXT,
            },
        },
    },
}

MATCH: Schema = {
    "access": {"type": "list", "schema": {"type": "string", "allowed": ["read", "post", "manage"]}},
    "approaches": {
        "type": "list",
        "schema": {
            "type": "string",
            "allowed": ["listen", "reflect", "converse", "experiment", "embed"],
        },
    },
    "categories": {"type": "list", "schema": NAME},
    "sites": TEXT_LIST,
    "departments": TEXT_LIST,
    "employment": {
        "type": "list",
        "schema": {"type": "string", "allowed": ["permanent", "contractor", "temporary"]},
    },
    "groups": TEXT_LIST,
    "drivers": TEXT_LIST,
}

ACCESS_RULE: Schema = {
    "id": {**NAME, "required": True},
    "ref": TEXT,
    "description": {**TEXT, "required": True},
    "effect": {"type": "string", "required": True, "allowed": ["permit", "deny", "refer"]},
    "match": {"type": "dict", "schema": MATCH},
    "condition": CEL,
    "require": {
        "type": "list",
        "dependencies": {"effect": ["deny"]},
        "schema": {
            "type": "dict",
            "schema": {
                "that": {**CEL, "required": True},
                "message": {**TEXT, "required": True},
                "missing": TEXT,
            },
        },
    },
    "message": {**TEXT, "required": True},
    "missing": {**TEXT_LIST, "dependencies": {"effect": ["deny"]}},
    "refer_to": {**NAME, "dependencies": {"effect": ["refer"]}},
    "obligations": {"type": "list", "schema": NAME, "dependencies": {"effect": ["permit"]}},
    "grant": {
        "type": "dict",
        "dependencies": {"effect": ["permit"]},
        "schema": {"max_days": {"type": ["integer", "string"], "required": True}},
    },
    "only_with_permit": {"type": "boolean", "dependencies": {"effect": ["permit"]}},
}

ACCESS_POLICY: Schema = {
    "combining": {"type": "string", "allowed": ["deny-overrides"]},
    "approaches": {
        "type": "dict",
        "keysrules": {
            "type": "string",
            "allowed": ["listen", "reflect", "converse", "experiment", "embed"],
        },
        "valuesrules": TEXT,
    },
    "obligations": {"type": "dict", "keysrules": NAME, "valuesrules": TEXT},
    "no_rule_message": TEXT,
    "rules": {"type": "list", "schema": {"type": "dict", "schema": ACCESS_RULE}},
}

WINDOW: Schema = {
    "name": {**NAME, "required": True},
    "group": NAME,
    "description": TEXT,
    "from": {"type": "date", "required": True},
    "to": {"type": "date", "required": True},
}

DETECTOR: Schema = {
    "type": "dict",
    "schema": {"kind": {"type": "string", "required": True}},
    "allow_unknown": True,
}

TEXT_RULE: Schema = {
    "id": {**NAME, "required": True},
    "ref": TEXT,
    "description": {**TEXT, "required": True},
    "category": {**NAME, "required": True},
    "message": {**TEXT, "required": True},
    "suggestion": TEXT,
    "when": CEL,
    "during": {"type": "list", "schema": NAME},
    "outside": {"type": "list", "schema": NAME},
    "match": {"type": "list", "required": True, "empty": False, "schema": DETECTOR},
    "unless": {"type": "list", "schema": DETECTOR},
}

DISCRETION_GUIDELINES: Schema = {
    "windows": {"type": "list", "schema": {"type": "dict", "schema": WINDOW}},
    # Sign-off queues for referred drafts, by finding category; "default" for any other category
    "queues": {"type": "dict", "keysrules": NAME, "valuesrules": NAME},
    "scores": {
        "type": "dict",
        "keysrules": {"type": "string", "allowed": ["tone", "rebuttal_risk"]},
        "valuesrules": {
            "type": "list",
            "schema": {
                "type": "dict",
                "schema": {
                    "signal": {**TEXT, "required": True},
                    "weight": {"type": "number", "required": True, "min": 0},
                },
            },
        },
    },
    "rules": {
        "type": "list",
        "schema": {
            "type": "dict",
            "schema": {
                **TEXT_RULE,
                "severity": {
                    "type": "string",
                    "required": True,
                    "allowed": ["info", "revise", "refer", "block"],
                },
            },
        },
    },
}

CLOCK = {"type": "string", "regex": r"^([01]\d|2[0-3]):[0-5]\d$"}
WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

MODERATION_POLICY: Schema = {
    "channels": {
        "type": "list",
        "schema": {
            "type": "dict",
            "schema": {
                "name": {**NAME, "required": True},
                "mode": {"type": "string", "required": True, "allowed": ["post-moderated", "pre-moderated"]},
                "description": TEXT,
            },
        },
    },
    "hours": {
        "type": "dict",
        "schema": {
            "days": {"type": "list", "schema": {"type": "string", "allowed": WEEKDAYS}},
            "from": {**CLOCK, "required": True},
            "to": {**CLOCK, "required": True},
        },
    },
    "windows": {"type": "list", "schema": {"type": "dict", "schema": WINDOW}},
    "flooding": {"type": "dict", "schema": {"within_minutes": {"type": "integer", "min": 1, "max": 1440}}},
    "response": {"type": "dict", "schema": {"working_days": {"type": "integer", "min": 0, "max": 60}}},
    "retention": {"type": "dict", "schema": {"removed_days": {"type": "integer", "min": 0, "max": 3650}}},
    "calendar": {
        "type": "dict",
        "schema": {
            "bank_holidays": {"type": "string", "allowed": list(NATIONS)},
            "closures": {"type": "list", "maxlength": 366, "schema": {"type": "date"}},
        },
    },
    # Running a moderation team (issue 18): platform actions by rule id, the ladder of strikes,
    # repeated targeting and the evidence kept under a legal hold.
    "actions": {
        "type": "dict",
        "keysrules": NAME,
        "valuesrules": {"type": "list", "schema": {"type": "string", "allowed": ["hide", "delete"]}},
    },
    "ladder": {
        "type": "dict",
        "schema": {
            "within_days": DAYS,
            "steps": {
                "type": "list",
                "schema": {
                    "type": "dict",
                    "schema": {
                        "at": {"type": "integer", "required": True, "min": 1, "max": 100},
                        "action": {"type": "string", "required": True, "allowed": ["warn", "block-review"]},
                        "message": TEXT,
                    },
                },
            },
        },
    },
    "harassment": {
        "type": "dict",
        "schema": {
            "escalate_to": NAME,
            "at": {"type": "integer", "min": 2, "max": 100},
            "categories": {"type": "list", "schema": NAME},
            "people": TEXT_LIST,
        },
    },
    "evidence": {
        "type": "dict",
        "schema": {"categories": {"type": "list", "schema": NAME}, "hold_days": DAYS},
    },
    "rules": {
        "type": "list",
        "schema": {
            "type": "dict",
            "schema": {
                **TEXT_RULE,
                "action": {"type": "string", "required": True, "allowed": ["remove", "hold", "respond"]},
                "escalate_to": NAME,
                "reply": TEXT,
            },
        },
    },
}

# The document kinds and their spec schemas.
KINDS: dict[str, Schema] = {
    "SiteCatalogue": SITE_CATALOGUE,
    "PriorityCatalogue": PRIORITY_CATALOGUE,
    "AccessPolicy": ACCESS_POLICY,
    "DiscretionGuidelines": DISCRETION_GUIDELINES,
    "ModerationPolicy": MODERATION_POLICY,
}

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
