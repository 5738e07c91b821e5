#!/usr/bin/env python
"""Benchmark of govern's access evaluator against a Cedar baseline (cedarpy).

    python bench/access.py            # 10,000 generated requests
    python bench/access.py --quick    # 1,000 requests
    python bench/access.py --json     # the figures as JSON on stdout
    python bench/access.py --dump requests.jsonl   # also write the requests (JSON Lines)

What it does, in one process, on the same requests:

1. Generates a deterministic (seeded) mix of access requests in the SPEC's JSON shape,
   covering rules A1-A15 of COUNCIL-POLICY.md section 1 with boundary cases
   (730/731 days of training, 9/10 words, 90/91, 180/181, 365/366 days, ...).
2. Cedar baseline: bench/cedar/council.cedar (+ council.cedarschema) encodes A1-A15; the
   mapping of deny/refer/permit onto forbid/permit is documented at the top of that file.
   The facts Cedar cannot compute (URL -> domain -> catalogued parent -> category, purpose
   word count, catalogued-priority count, days since training, ...) are precomputed in Python
   and the entity store and Cedar requests are built BEFORE timing, so cedarpy is timed on
   authorization alone.  That is generous to Cedar: govern's figure includes parsing and
   validating the raw request dict, normalising the site, and building the full decision
   (reasons, messages, missing, obligations, expiry, ids).  A separate row reports Cedar
   end to end (Python fact preparation + authorization + reading the result as a decision).
3. Times (a) govern: ``load_pack("policies/council-default").decide(request_dict, received_at=...)``
   per call (the receive time fixed, as the service passes its clock),
   (b) ``cedarpy.is_authorized_batch`` in batches of 100 and 1000 (per-request time = batch
   time / batch size, median over batches), and ``cedarpy.is_authorized`` one at a time.
   Also load time (median of 5) and memory (tracemalloc peak during a load, RSS delta).
4. Compares decisions: agreement on permit vs not-permit, on the three-way decision, on the
   rules named as reasons, refer_to, obligations and expires_on; lists example disagreements.
   A small plain-Python reading of the written policy (``reference_decide``) acts as a
   tie-breaker to say which side a disagreement probably lies with.

If the govern package cannot be imported or the pack cannot be loaded, the Cedar half runs
alone and says so.  This file is a benchmark, not a test.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import gc
import json
import os
import random
import statistics
import sys
import time
import tracemalloc
from pathlib import Path
from urllib.parse import urlsplit

import cedarpy

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
CEDAR_DIR = BENCH / "cedar"
DEFAULT_PACK = ROOT / "policies" / "council-default"

# The service's clock: when govern received every request. Expiry and training ages count from its
# date, as in `govern serve`, where `Pack.decide` is given the receive time; `submitted_at` is the
# requester's claim, recorded only (one day later here, so that using it would show as disagreements).
RECEIVED_AT = dt.datetime(2026, 11, 21, 10, 0, tzinfo=dt.UTC)
SUBMITTED_DATE = dt.date(2026, 11, 21)  # Europe/London date of RECEIVED_AT (GMT in November)
SUBMITTED_AT = "2026-11-22T10:00:00Z"

# --------------------------------------------------------------------------- the written policy
# Copied from COUNCIL-POLICY.md section 1, independently of the govern pack.

CATALOGUE: dict[str, str] = {}
for _cat, _domains in {
    "social-network": (
        "facebook.com x.com twitter.com instagram.com threads.net bsky.app mastodon.social "
        "nextdoor.co.uk tiktok.com"
    ).split(),
    "professional-network": ["linkedin.com"],
    "video": ["youtube.com", "vimeo.com"],
    "blogging": ["wordpress.com", "medium.com", "blogger.com", "substack.com"],
    "messaging": ["whatsapp.com", "telegram.org", "discord.com", "messenger.com"],
}.items():
    for _d in _domains:
        CATALOGUE[_d] = _cat
GRANTABLE = {"social-network", "professional-network", "video", "blogging"}
PRIORITIES = {"NI 1", "NI 2", "NI 3", "NI 4", "NI 5", "NI 6", "NI 7", "NI 14", "NI 179"}

RULES = {  # id -> (name, effect, refer_to)
    "A1": ("messaging-not-permitted", "deny", None),
    "A2": ("max-duration", "deny", None),
    "A3": ("complete-business-case", "deny", None),
    "A4": ("post-needs-training", "deny", None),
    "A5": ("approach-matches-access", "deny", None),
    "A6": ("pilot-limits", "deny", None),
    "A7": ("no-personal-use", "deny", None),
    "A8": ("manage-needs-digital-team", "refer", "digital-team"),
    "A9": ("embed-goes-to-architecture", "refer", "ict-architecture-board"),
    "A10": ("unknown-site", "refer", "it-security"),
    "A11": ("non-permanent-posting", "refer", "information-governance"),
    "A12": ("childrens-services-posting", "refer", "safeguarding-lead"),
    "A13": ("read-access", "permit", None),
    "A14": ("post-access", "permit", None),
    "A15": ("pilot-evaluation", "permit", None),
}
RULE_ORDER = list(RULES)
NAME_TO_ID = {name: rid for rid, (name, _, _) in RULES.items()}
OBLIGATIONS = {
    "A13": ["acceptable-use"],
    "A14": ["identify-as-officer", "pre-check-drafts"],
    "A15": ["evaluation-report"],
}


EXTRAS = ("refer_to", "obligations", "expires_on")


def rule_key(rid: str) -> int:
    return RULE_ORDER.index(rid) if rid in RULES else 999


# --------------------------------------------------------------------------- request generator

FIRST = "a b c d e f g h i j k l m n p r s t w y".split()
SURNAMES = (
    "smith jones taylor brown williams wilson johnson davies patel robinson wright thompson "
    "evans walker white roberts green hall khan ahmed lewis clarke jackson wood harris martin "
    "cooper hill ward hughes moore edwards turner begum okafor nowak"
).split()
DEPARTMENTS = [  # (name, weight)
    ("Planning", 10),
    ("Housing", 10),
    ("Environmental Services", 8),
    ("Revenues and Benefits", 6),
    ("Adult Social Care", 7),
    ("Children's Services", 10),
    ("Communications", 8),
    ("Libraries", 5),
    ("Parks and Leisure", 5),
    ("Regeneration", 5),
    ("Customer Services", 8),
    ("Public Health", 6),
    ("Legal Services", 3),
    ("Electoral Services", 2),
    ("ICT", 5),
    ("Human Resources", 4),
]
ROLES = [
    ("officer", 40),
    ("senior-officer", 15),
    ("team-leader", 10),
    ("manager", 10),
    ("apprentice", 5),
    ("comms-officer", 6),
    ("head-of-service", 4),
    ("social-worker", 6),
    ("analyst", 4),
]
OTHER_COURSES = (
    "data-protection cyber-security-awareness equality-and-diversity media-training "
    "information-governance safeguarding-level-1"
).split()

UNKNOWN_SITES = (
    "reddit.com snapchat.com pinterest.com flickr.com tumblr.com twitch.tv t.me discord.gg "
    "signal.org yammer.com youtu.be teams.microsoft.com examplecouncil.gov.uk www.gov.uk "
    "notfacebook.com facebook.com.example.net mumsnet.com eventbrite.co.uk quora.com "
    "linkedin.co.uk bereal.com"
).split()
SUBDOMAINS = {  # realistic subdomains per catalogued domain
    "facebook.com": ["m", "business", "web", "en-gb"],
    "x.com": ["mobile", "pro"],
    "twitter.com": ["mobile", "tweetdeck"],
    "instagram.com": ["help", "about"],
    "youtube.com": ["m", "studio", "music"],
    "linkedin.com": ["uk", "business"],
    "wordpress.com": ["examplecouncil", "planningblog"],
    "substack.com": ["examplecouncil"],
    "medium.com": ["blog"],
    "blogger.com": ["draft"],
    "whatsapp.com": ["web", "business"],
    "discord.com": ["ptb"],
    "telegram.org": ["web", "desktop"],
    "vimeo.com": ["player"],
    "tiktok.com": ["m", "www"],
    "nextdoor.co.uk": ["business"],
}
URL_PATHS = (
    "/ /examplecouncil /watch?v=1 /groups/residents-forum /p/post-123 /company/example-borough- "
    "council /channel/UC123/videos /@examplecouncil"
).split()

PURPOSE_SENTENCES = [
    "Monitor what residents are saying about the local plan consultation",
    "and answer questions about planning applications in their ward.",
    "Share updates on bin collections and changes over the holiday period.",
    "Listen to feedback on the new parking scheme from residents and local businesses.",
    "Promote library events and the summer reading challenge to families.",
    "Recruit foster carers and respond to enquiries from people interested in fostering.",
    "Publish road closure and gritting information during severe weather.",
    "Run a three month pilot of live question sessions with the housing team.",
    "Research how neighbouring councils engage young people online.",
    "Support the public health campaign on winter vaccinations for older residents.",
    "Respond to residents who contact the council through our page.",
    "Share job vacancies and apprenticeships with local people.",
    "Gather views on the draft budget before the consultation closes.",
    "Watch training videos recommended by the regional procurement network.",
    "Keep track of news coverage and comment about council services.",
]
DRIVERS = (
    "consultation engagement customer-service recruitment emergency-comms campaign research "
    "monitoring transparency partnership"
).split()
BENEFITS = [
    "Faster answers for residents",
    "Higher response rates to consultations",
    "Less avoidable contact with the call centre",
    "Reach younger residents",
    "Earlier warning of emerging issues",
    "Lower advertising costs",
]
UNCATALOGUED = [
    "NI 8",
    "NI 110",
    "NI 195",
    "NI 186",
    "NI 0",
    "Corporate Plan 2026",
    "Net zero by 2030",
    "Customer satisfaction",
]
NEAR_MISS = ["NI4", "ni 4", "NI 14 ", "NI  179"]  # spelt unlike the catalogue
MOD_PLANS = [
    "Comments are checked twice a day by the comms team under the house rules.",
    "Pre-moderated by the service lead; removed comments logged for 90 days.",
    "Digital team moderates in office hours; out of hours the page is closed to comments.",
]


def _w(rng: random.Random, pairs):
    return rng.choices([p[0] for p in pairs], weights=[p[1] for p in pairs])[0]


def _purpose(rng: random.Random, words: int) -> str:
    out: list[str] = []
    i = rng.randrange(len(PURPOSE_SENTENCES))
    while len(out) < words:
        out.extend(PURPOSE_SENTENCES[i % len(PURPOSE_SENTENCES)].split())
        i += 1
    text = " ".join(out[:words])
    return text[0].upper() + text[1:]


def make_staff(rng: random.Random, n: int) -> list[dict]:
    staff, seen = [], collections.Counter()
    for _ in range(n):
        base = rng.choice(FIRST) + rng.choice(SURNAMES)
        seen[base] += 1
        sid = base if seen[base] == 1 else f"{base}{seen[base]}"
        dept = _w(rng, DEPARTMENTS)
        role = _w(rng, ROLES)
        emp = _w(rng, [("permanent", 75), ("contractor", 13), ("temporary", 12)])
        groups = []
        if rng.random() < (0.7 if dept == "Communications" or role == "comms-officer" else 0.05):
            groups.append("comms-team")
        if rng.random() < 0.5:
            groups.append(dept.lower().replace("'", "").replace(" ", "-") + "-team")
        if rng.random() < 0.1:
            groups.append("digital-champions")
        if role in ("manager", "head-of-service", "team-leader"):
            groups.append("managers")
        rng.shuffle(groups)
        training = []
        r = rng.random()
        if r < 0.03:  # exactly 730 days before submitted_at: still valid
            training.append(("social-media-essentials", SUBMITTED_DATE - dt.timedelta(days=730)))
        elif r < 0.06:  # 731 days: lapsed
            training.append(("social-media-essentials", SUBMITTED_DATE - dt.timedelta(days=731)))
        elif r < 0.07:  # completed on the day of the request
            training.append(("social-media-essentials", SUBMITTED_DATE))
        elif r < 0.08:  # only a completion dated after the request (a data-entry error)
            training.append(
                ("social-media-essentials", SUBMITTED_DATE + dt.timedelta(days=rng.randint(1, 400)))
            )
        elif r < 0.56:  # within two years
            training.append(
                ("social-media-essentials", SUBMITTED_DATE - dt.timedelta(days=rng.randint(1, 729)))
            )
        elif r < 0.70:  # lapsed, sometimes with a refresher
            old = SUBMITTED_DATE - dt.timedelta(days=rng.randint(732, 1800))
            training.append(("social-media-essentials", old))
            if rng.random() < 0.4:
                training.append(
                    (
                        "social-media-essentials",
                        SUBMITTED_DATE - dt.timedelta(days=rng.randint(1, 700)),
                    )
                )
        for course in rng.sample(OTHER_COURSES, rng.choice([0, 0, 1, 1, 2, 3])):
            training.append((course, SUBMITTED_DATE - dt.timedelta(days=rng.randint(1, 1500))))
        rng.shuffle(training)
        staff.append(
            {
                "id": sid,
                "department": dept,
                "role": role,
                "employment": emp,
                "groups": groups,
                "training": [{"course": c, "completed_on": d.isoformat()} for c, d in training],
            }
        )
    return staff


def _site(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.12:
        return rng.choice(UNKNOWN_SITES)
    if r < 0.18:
        domain = rng.choice([d for d, c in CATALOGUE.items() if c == "messaging"])
    else:
        cat = _w(
            rng,
            [("social-network", 55), ("professional-network", 12), ("video", 18), ("blogging", 15)],
        )
        domain = rng.choice([d for d, c in CATALOGUE.items() if c == cat])
    form = rng.random()
    if form < 0.45:
        return domain
    if form < 0.58:
        return "www." + domain
    if form < 0.70:
        return rng.choice(SUBDOMAINS.get(domain, ["m"])) + "." + domain
    if form < 0.90:
        host = rng.choice(["www.", "", "m."]) + domain
        if domain == "youtube.com" and rng.random() < 0.5:
            return "https://www.youtube.com/watch?v=1"
        return f"https://{host}{rng.choice(URL_PATHS)}"
    if form < 0.94:
        return f"http://{domain}/examplecouncil"
    if form < 0.96:
        return ("www." + domain).upper() if rng.random() < 0.5 else domain.title()
    if form < 0.98:
        return f"{domain}/examplecouncil"
    return rng.choice(
        [
            f"https://www.{domain}:443/examplecouncil",
            f"{domain}.",
            f"HTTPS://M.{domain.upper()}/x",
            f" {domain} ",
        ]
    )


def generate(n: int, seed: int = 20261121) -> list[dict]:
    """n varied access requests in the SPEC's JSON shape; the same seed gives the same list."""
    rng = random.Random(seed)
    staff = make_staff(rng, max(50, n // 8))
    reqs = []
    for i in range(n):
        who = rng.choice(staff)
        access = _w(rng, [("read", 45), ("post", 40), ("manage", 15)])
        if rng.random() < 0.85:  # approach agrees with access
            approach = {
                "read": lambda: _w(
                    rng, [("listen", 55), ("reflect", 35), ("converse", 5), ("experiment", 5)]
                ),
                "post": lambda: _w(rng, [("converse", 75), ("experiment", 25)]),
                "manage": lambda: _w(rng, [("converse", 60), ("experiment", 15), ("embed", 25)]),
            }[access]()
        else:
            approach = rng.choice(["listen", "reflect", "converse", "experiment", "embed"])
        if rng.random() < 0.03:
            approach = "embed"

        r = rng.random()
        if r < 0.12:
            words = rng.randint(1, 9)
        elif r < 0.15:
            words = rng.choice([9, 10])
        else:
            words = rng.randint(10, 45) if rng.random() < 0.9 else rng.randint(46, 120)
        drivers = rng.sample(DRIVERS, rng.choice([1, 1, 2, 2, 3]))
        if rng.random() < 0.03:
            drivers.insert(rng.randrange(len(drivers) + 1), "personal-use")
        priorities = []
        for _ in range(_w(rng, [(0, 10), (1, 50), (2, 30), (3, 10)])):
            p = rng.random()
            if p < 0.80:
                priorities.append(rng.choice(sorted(PRIORITIES)))
            elif p < 0.97:
                priorities.append(rng.choice(UNCATALOGUED))
            else:
                priorities.append(rng.choice(NEAR_MISS))
        bc: dict = {
            "purpose": _purpose(rng, words),
            "drivers": drivers,
            "priorities": priorities,
            "benefits": rng.sample(BENEFITS, rng.choice([0, 1, 1, 2, 3])),
        }
        d = rng.random()
        if d < 0.10:
            pass  # no duration_days
        elif d < 0.15:
            bc["duration_days"] = rng.choice([366, 400, 500, 730, 1000])
        elif d < 0.25:
            bc["duration_days"] = rng.choice([90, 91, 180, 181, 365])
        else:
            bc["duration_days"] = _w(
                rng,
                [
                    (1, 1),
                    (7, 4),
                    (14, 5),
                    (28, 5),
                    (30, 10),
                    (42, 3),
                    (60, 8),
                    (90, 12),
                    (120, 6),
                    (150, 3),
                    (180, 14),
                    (240, 4),
                    (270, 5),
                    (300, 3),
                    (365, 18),
                ],
            )
        a = rng.random()
        if a < 0.97:
            bc["manager_approved"] = a < 0.84
        # else: manager_approved left out (defaults to false)
        if approach == "experiment":
            m = rng.random()
            if m < 0.75:
                bc["moderation_plan"] = rng.choice(MOD_PLANS)
            elif m < 0.85:
                bc["moderation_plan"] = ""
        elif rng.random() < 0.15:
            bc["moderation_plan"] = rng.choice(MOD_PLANS)
        reqs.append(
            {
                "request_id": f"bench-{seed}-{i:06d}",
                "requester": {k: (list(v) if isinstance(v, list) else v) for k, v in who.items()},
                "site": _site(rng),
                "access": access,
                "approach": approach,
                "business_case": bc,
                "submitted_at": SUBMITTED_AT,
            }
        )
    return reqs


# --------------------------------------------------------------------------- shared facts


def normalise_site(raw: str) -> tuple[str, str | None]:
    """A domain or URL -> (catalogued parent domain or the bare host, category or None)."""
    s = raw.strip()
    host = urlsplit(s if "://" in s else "//" + s).hostname or s
    host = host.lower().rstrip(".")
    labels = host.split(".")
    for i in range(len(labels) - 1):
        cand = ".".join(labels[i:])
        if cand in CATALOGUE:
            return cand, CATALOGUE[cand]
    return host, None


def _strs(values) -> list[str]:
    """Request strings as the contract sees them: surrounding whitespace stripped."""
    return [v.strip() for v in values or []]


def _submitted_date(req: dict) -> dt.date:
    """The request's date: the day the service received it (never the requester's `submitted_at`)."""
    return SUBMITTED_DATE


def training_age(req: dict) -> int | None:
    """Days from the latest social-media-essentials completion to the request date.
    A completion dated after the request does not count (it was not "before the request")."""
    today, latest = _submitted_date(req), None
    for t in req["requester"].get("training", []):
        if t.get("course", "").strip() == "social-media-essentials":
            d = dt.date.fromisoformat(t["completed_on"])
            if d <= today and (latest is None or d > latest):
                latest = d
    return None if latest is None else (today - latest).days


def grant_days(req: dict) -> int:
    bc = req["business_case"]
    if req["access"] == "read":
        cap = 365
    else:
        cap = 365 if "comms-team" in _strs(req["requester"].get("groups")) else 180
    if req["approach"] == "experiment":  # A6/A15: a pilot lasts at most 90 days
        cap = min(cap, 90)
    want = bc.get("duration_days")
    return cap if want is None else min(want, cap)


# --------------------------------------------------------------------------- Cedar baseline


# The stricter reading of A6 (no duration_days, no pilot); --strict-pilot switches to it in
# the Cedar policies and the plain-Python reading, to show what hinges on that choice.
STRICT_PILOT = False
_A6_LENIENT = "(context has duration_days && context.duration_days > 90)"
_A6_STRICT = "(if context has duration_days then context.duration_days > 90 else true)"


def load_cedar():
    """Parse schema and policies; Cedar policy ids become the @id annotations (A1..A15)."""
    schema = cedarpy.Schema.from_str((CEDAR_DIR / "council.cedarschema").read_text())
    text = (CEDAR_DIR / "council.cedar").read_text()
    if STRICT_PILOT:
        assert _A6_LENIENT in text
        text = text.replace(_A6_LENIENT, _A6_STRICT)
    est = json.loads(cedarpy.policies_to_json_str(text))
    est["staticPolicies"] = {p["annotations"]["id"]: p for p in est["staticPolicies"].values()}
    policies = cedarpy.PolicySet.from_json_str(json.dumps(est))
    annotations = {pid: p["annotations"] for pid, p in est["staticPolicies"].items()}
    return policies, schema, annotations, text


def cedar_request(req: dict) -> dict:
    """The Python-side fact precomputation for one request (done before timing)."""
    bc = req["business_case"]
    domain, _ = normalise_site(req["site"])
    ctx = {
        "approach": req["approach"].strip(),
        "purpose_words": len(bc.get("purpose", "").split()),
        "catalogued_priorities": sum(1 for p in _strs(bc.get("priorities")) if p in PRIORITIES),
        "manager_approved": bc.get("manager_approved") is True,
        "has_moderation_plan": bool((bc.get("moderation_plan") or "").strip()),
        "drivers": _strs(bc.get("drivers")),
    }
    if bc.get("duration_days") is not None:
        ctx["duration_days"] = bc["duration_days"]
    age = training_age(req)
    if age is not None:
        ctx["training_age_days"] = age
    return {
        "principal": {"type": "User", "id": req["requester"]["id"]},
        "action": {"type": "Action", "id": req["access"]},
        "resource": {"type": "Site", "id": domain},
        "context": ctx,
    }


def cedar_entities(reqs: list[dict]) -> list[dict]:
    ents: dict[tuple, dict] = {
        ("Catalogue", "council-default"): {
            "uid": {"type": "Catalogue", "id": "council-default"},
            "attrs": {},
            "parents": [],
        }
    }
    for cat in set(CATALOGUE.values()):
        ents[("Category", cat)] = {
            "uid": {"type": "Category", "id": cat},
            "attrs": {},
            "parents": [{"type": "Catalogue", "id": "council-default"}],
        }
    for req in reqs:
        domain, cat = normalise_site(req["site"])
        ents.setdefault(
            ("Site", domain),
            {
                "uid": {"type": "Site", "id": domain},
                "attrs": {"domain": domain},
                "parents": [{"type": "Category", "id": cat}] if cat else [],
            },
        )
        who = req["requester"]
        prev = ents.get(("User", who["id"]))
        ent = {
            "uid": {"type": "User", "id": who["id"]},
            "attrs": {
                "department": who.get("department", "").strip(),
                "role": who.get("role", "").strip(),
                "employment": who["employment"].strip(),
            },
            "parents": [{"type": "Group", "id": g} for g in sorted(set(_strs(who.get("groups"))))],
        }
        if prev is not None and prev != ent:
            raise ValueError(f"requester {who['id']} appears with different attributes")
        ents[("User", who["id"])] = ent
        for g in _strs(who.get("groups")):
            ents.setdefault(("Group", g), {"uid": {"type": "Group", "id": g}, "attrs": {}, "parents": []})
    return list(ents.values())


def cedar_interpret(result, req: dict, annotations: dict) -> dict:
    """Read one AuthzResult as a govern-style decision (post-processing, not timed)."""
    reasons = sorted(result.diagnostics.reasons, key=rule_key)
    if result.diagnostics.errors:
        raise RuntimeError(f"{req['request_id']}: Cedar evaluation errors {result.diagnostics.errors}")
    if result.allowed:
        obligations = []
        for pid in reasons:
            for o in annotations[pid].get("obligations", "").split(","):
                if o and o not in obligations:
                    obligations.append(o)
        days = grant_days(req)
        return {
            "decision": "permit",
            "rules": reasons,
            "refer_to": None,
            "obligations": sorted(obligations),
            "expires_on": (_submitted_date(req) + dt.timedelta(days=days)).isoformat(),
        }
    denies = [p for p in reasons if annotations[p]["effect"] == "deny"]
    if denies or not reasons:
        return {
            "decision": "deny",
            "rules": denies,
            "refer_to": None,
            "obligations": [],
            "expires_on": None,
        }
    refers = [p for p in reasons if annotations[p]["effect"] == "refer"]
    return {
        "decision": "refer",
        "rules": refers,
        "refer_to": annotations[refers[0]]["refer_to"],
        "obligations": [],
        "expires_on": None,
    }


# --------------------------------------------------------------------------- plain-Python reading


def reference_decide(req: dict) -> dict:
    """A direct reading of COUNCIL-POLICY.md A1-A15, used only to arbitrate disagreements."""
    bc, who, access, approach = (
        req["business_case"],
        req["requester"],
        req["access"],
        req["approach"],
    )
    _, cat = normalise_site(req["site"])
    comms = "comms-team" in _strs(who.get("groups"))
    dur = bc.get("duration_days")
    deny, refer = [], []
    if cat == "messaging":
        deny.append("A1")
    if dur is not None and dur > 365:
        deny.append("A2")
    words = len(bc.get("purpose", "").split())
    if words < 10 or (
        not comms
        and (
            not any(p in PRIORITIES for p in _strs(bc.get("priorities")))
            or bc.get("manager_approved") is not True
        )
    ):
        deny.append("A3")
    age = training_age(req)
    if access in ("post", "manage") and (age is None or age > 730):
        deny.append("A4")
    if approach in ("listen", "reflect") and access in ("post", "manage"):
        deny.append("A5")
    if approach == "experiment" and (
        not (bc.get("moderation_plan") or "").strip()
        or (dur is None and STRICT_PILOT)
        or (dur is not None and dur > 90)
    ):
        deny.append("A6")
    if "personal-use" in _strs(bc.get("drivers")):
        deny.append("A7")
    if deny:
        return {
            "decision": "deny",
            "rules": deny,
            "refer_to": None,
            "obligations": [],
            "expires_on": None,
        }
    if access == "manage":
        refer.append("A8")
    if approach == "embed":
        refer.append("A9")
    if cat is None:
        refer.append("A10")
    if access == "post" and who.get("employment") in ("contractor", "temporary"):
        refer.append("A11")
    if access == "post" and who.get("department") == "Children's Services":
        refer.append("A12")
    if refer:
        return {
            "decision": "refer",
            "rules": refer,
            "refer_to": RULES[refer[0]][2],
            "obligations": [],
            "expires_on": None,
        }
    if access in ("read", "post") and cat in GRANTABLE:
        rules = ["A13" if access == "read" else "A14"] + (["A15"] if approach == "experiment" else [])
        obligations = sorted(o for r in rules for o in OBLIGATIONS[r])
        return {
            "decision": "permit",
            "rules": rules,
            "refer_to": None,
            "obligations": obligations,
            "expires_on": (_submitted_date(req) + dt.timedelta(days=grant_days(req))).isoformat(),
        }
    return {
        "decision": "deny",
        "rules": [],
        "refer_to": None,
        "obligations": [],
        "expires_on": None,
    }


# --------------------------------------------------------------------------- govern side


def govern_summary(res) -> dict:
    d = res.model_dump(mode="json") if hasattr(res, "model_dump") else dict(res)
    decision = d.get("decision")
    rules = []
    for r in d.get("reasons") or []:
        if r.get("effect", decision) == decision:
            rid = NAME_TO_ID.get(r.get("rule"), r.get("rule"))
            if rid not in rules:
                rules.append(rid)
    if decision == "permit":  # permits may or may not list the permitting rules
        rules = [r for r in rules if r in RULES]
    return {
        "decision": decision,
        "rules": sorted(rules, key=rule_key),
        "refer_to": d.get("refer_to"),
        "obligations": sorted(o["id"] if isinstance(o, dict) else str(o) for o in d.get("obligations") or []),
        "expires_on": d.get("expires_on"),
        "messages": [f"{r.get('rule')}: {r.get('message')}" for r in d.get("reasons") or []],
        "missing": d.get("missing") or [],
    }


# --------------------------------------------------------------------------- measurement helpers


def rss_kib() -> int:
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024
    except OSError:  # not Linux: peak RSS is the best we have
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def per_request_stats(samples_ns: list[float]) -> dict:
    s = sorted(samples_ns)
    return {
        "median_us": statistics.median(s) / 1e3,
        "mean_us": statistics.fmean(s) / 1e3,
        "p95_us": s[min(len(s) - 1, int(0.95 * len(s)))] / 1e3,
        "samples": len(s),
    }


def timed_rounds(reqs, creqs, decide, policies, entities, schema, rounds, chunk=1000) -> dict:
    """Interleaved timing, so both engines see the same machine load.

    For each chunk of up to 1,000 requests, in turn: govern ``decide`` per call; cedarpy
    ``is_authorized_batch`` in batches of 100; one batch of the whole chunk (1,000);
    batches of 100 with the schema handle (request validation on); batches of 100 against a
    single trivial permit (the binding's floor); ``is_authorized`` per call.  ``rounds``
    passes over all requests, alternating which engine goes first.
    """
    s = {k: [] for k in ("govern", "cedar100", "cedar1000", "cedar100_schema", "cedar1", "cedar100_floor")}
    floor = cedarpy.PolicySet.from_str("permit (principal, action, resource);")
    tot = {k: [0, 0] for k in s}  # total ns, total requests (for means)
    authz, single = cedarpy.is_authorized_batch, cedarpy.is_authorized
    clock = time.perf_counter_ns

    def batches(cs, size, key, sch=None, ps=policies):
        for i in range(0, len(cs), size):
            b = cs[i : i + size]
            t0 = clock()
            authz(b, ps, entities, sch)
            t = clock() - t0
            s[key].append(t / len(b))
            tot[key][0] += t
            tot[key][1] += len(b)

    def run_govern(rs):
        for r in rs:
            t0 = clock()
            try:
                decide(r)
            except Exception:  # noqa: BLE001  (errors are counted in the untimed pass)
                pass
            t = clock() - t0
            s["govern"].append(t)
            tot["govern"][0] += t
            tot["govern"][1] += 1

    def run_cedar(cs):
        batches(cs, 100, "cedar100")
        batches(cs, len(cs), "cedar1000")
        batches(cs, 100, "cedar100_schema", schema)
        batches(cs, 100, "cedar100_floor", None, floor)
        for cr in cs:
            t0 = clock()
            single(cr, policies, entities)
            t = clock() - t0
            s["cedar1"].append(t)
            tot["cedar1"][0] += t
            tot["cedar1"][1] += 1

    for rnd in range(rounds):
        for start in range(0, len(reqs), chunk):
            rs, cs = reqs[start : start + chunk], creqs[start : start + chunk]
            if decide is not None and rnd % 2 == 0:
                run_govern(rs)
            run_cedar(cs)
            if decide is not None and rnd % 2 == 1:
                run_govern(rs)
    out = {}
    for k, v in s.items():
        if v:
            out[k] = per_request_stats(v)
            out[k]["mean_us"] = tot[k][0] / tot[k][1] / 1e3
    if s["govern"]:  # the Cedar batch method applied to govern: sum of 100 consecutive calls
        g = s["govern"]
        per100 = [sum(g[i : i + 100]) / len(g[i : i + 100]) for i in range(0, len(g), 100)]
        out["govern"]["per100_median_us"] = statistics.median(per100) / 1e3
    for k, size in (
        ("cedar100", 100),
        ("cedar1000", chunk),
        ("cedar100_schema", 100),
        ("cedar100_floor", 100),
    ):
        if k in out:
            out[k]["batch_size"] = size
            out[k]["note"] = "samples are batches; per-request = batch time / batch size"
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="1,000 requests instead of 10,000")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("-n", type=int, default=None, help="number of requests (overrides --quick)")
    ap.add_argument("--seed", type=int, default=20261121)
    ap.add_argument("--pack", default=str(DEFAULT_PACK), help="policy pack for govern")
    ap.add_argument("--repeat", type=int, default=3, help="interleaved timing rounds over all requests")
    ap.add_argument("--cedar-only", action="store_true", help="skip govern")
    ap.add_argument("--dump", metavar="FILE", help="write the generated requests as JSON Lines")
    ap.add_argument("--examples", type=int, default=3, help="examples per kind of disagreement")
    ap.add_argument(
        "--strict-pilot",
        action="store_true",
        help="baseline refuses an experiment without duration_days (the other reading of A6)",
    )
    args = ap.parse_args(argv)
    n = args.n or (1_000 if args.quick else 10_000)
    global STRICT_PILOT
    STRICT_PILOT = args.strict_pilot
    args.pack = str(Path(args.pack).resolve())  # setup_govern runs from the repository root

    figures: dict = {
        "requests": n,
        "seed": args.seed,
        "python": sys.version.split()[0],
        "cedarpy": getattr(cedarpy, "__version__", None),
    }
    try:
        from importlib.metadata import version

        figures["cedarpy"] = version("cedarpy")
    except Exception:
        pass

    # ---- generate
    t0 = time.perf_counter()
    reqs = generate(n, args.seed)
    figures["generate_s"] = time.perf_counter() - t0
    log(f"generated {n} requests in {figures['generate_s']:.2f}s (seed {args.seed})")
    if args.dump:
        with open(args.dump, "w") as f:
            for r in reqs:
                f.write(json.dumps(r) + "\n")
        log(f"wrote {args.dump}")

    # ---- Cedar: load (policies + schema), memory
    gc.collect()
    rss0 = rss_kib()
    tracemalloc.start()
    policies, schema, annotations, cedar_text = load_cedar()
    _, cedar_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    cedar_rss_delta = rss_kib() - rss0
    loads = []
    for _ in range(5):
        t0 = time.perf_counter_ns()
        load_cedar()
        loads.append(time.perf_counter_ns() - t0)
    val = cedarpy.validate_policies(cedar_text, schema)
    if not val.validation_passed:
        log("Cedar policies do not validate against the schema:", val.errors)
        return 2
    figures["cedar_load"] = {
        "median_ms": statistics.median(loads) / 1e6,
        "tracemalloc_peak_kib": cedar_peak / 1024,
        "rss_delta_kib": cedar_rss_delta,
        "note": "policies + schema; Rust-side allocations are invisible to tracemalloc",
    }

    # ---- Cedar: fact precomputation and entity store (NOT timed as authorization)
    t0 = time.perf_counter_ns()
    creqs = [cedar_request(r) for r in reqs]
    prep_ns = time.perf_counter_ns() - t0
    t0 = time.perf_counter_ns()
    ent_list = cedar_entities(reqs)
    entities = cedarpy.Entities.from_json_str(json.dumps(ent_list), schema)
    ent_ns = time.perf_counter_ns() - t0
    figures["cedar_prep"] = {
        "facts_us_per_request": prep_ns / n / 1e3,
        "entities": len(ent_list),
        "entity_store_ms": ent_ns / 1e6,
    }
    log(f"cedar: {len(ent_list)} entities; fact prep {prep_ns / n / 1e3:.1f} us/request")

    # ---- Cedar: decisions (also the coverage of the generator)
    results = cedarpy.is_authorized_batch(creqs, policies, entities)
    t0 = time.perf_counter_ns()
    cedar_dec = [cedar_interpret(res, r, annotations) for res, r in zip(results, reqs, strict=True)]
    interp_ns = time.perf_counter_ns() - t0
    coverage = collections.Counter()
    for res in results:
        coverage.update(res.diagnostics.reasons)
    figures["cedar_decisions"] = dict(collections.Counter(d["decision"] for d in cedar_dec))
    figures["rule_coverage"] = {rid: coverage.get(rid, 0) for rid in RULE_ORDER}
    figures["rule_coverage_note"] = (
        "requests in which Cedar found each rule satisfied "
        "(forbids: whenever satisfied; permits: only when allowed)"
    )
    ref = [reference_decide(r) for r in reqs]
    same = sum(1 for a, b in zip(cedar_dec, ref, strict=True) if a == b)
    figures["cedar_vs_reference_agree"] = same / n
    if same != n:
        bad = next(i for i, (a, b) in enumerate(zip(cedar_dec, ref, strict=True)) if a != b)
        log(
            f"WARNING Cedar and the plain-Python reading differ on {n - same} requests, e.g. "
            f"{reqs[bad]['request_id']}: cedar {cedar_dec[bad]} reference {ref[bad]}"
        )

    # ---- govern: load, memory, one untimed pass for the decisions
    gov = None
    decide = None
    if not args.cedar_only:
        setup = setup_govern(args, reqs, figures)
        if setup is not None:
            decide, gov = setup

    # ---- timing, interleaved
    cedarpy.is_authorized_batch(creqs[: min(500, n)], policies, entities)  # warm-up
    gc.collect()
    load_before = os.getloadavg() if hasattr(os, "getloadavg") else None
    t = timed_rounds(reqs, creqs, decide, policies, entities, schema, args.repeat)
    figures["machine"] = {
        "cpus": os.cpu_count(),
        "loadavg_before": load_before,
        "loadavg_after": os.getloadavg() if hasattr(os, "getloadavg") else None,
        "rounds": args.repeat,
    }
    figures["cedar"] = {
        "batch100": t["cedar100"],
        "batch1000": t["cedar1000"],
        "batch100_with_schema": t["cedar100_schema"],
        "single": t["cedar1"],
        "end_to_end_mean_us": (prep_ns + interp_ns) / n / 1e3 + t["cedar100"]["mean_us"],
        "interpret_us_per_request": interp_ns / n / 1e3,
        "floor_batch100": t["cedar100_floor"],
    }
    log(
        f"cedar: batch100 median {t['cedar100']['median_us']:.2f} us, batch1000 median "
        f"{t['cedar1000']['median_us']:.2f} us, single median "
        f"{t['cedar1']['median_us']:.2f} us per request"
    )
    if "govern" in t:
        figures["govern"].update(t["govern"])
        log(f"govern: median {t['govern']['median_us']:.2f} us per decision")
        model = _request_model()
        if model is not None:  # govern with pre-validated request models, if exported
            try:
                parsed = [model.model_validate(r) for r in reqs]
                times = []
                for p in parsed:
                    t0 = time.perf_counter_ns()
                    decide(p)
                    times.append(time.perf_counter_ns() - t0)
                figures["govern"]["prevalidated"] = per_request_stats(times)
            except Exception as e:  # noqa: BLE001
                figures["govern"]["prevalidated_error"] = f"{type(e).__name__}: {str(e)[:300]}"

    # ---- compare
    if gov is not None:
        figures["agreement"] = compare(reqs, cedar_dec, gov, ref, args.examples)

    if args.json:
        print(json.dumps(figures, indent=2, default=str))
    else:
        print_report(figures)
    return 0


def setup_govern(args, reqs, figures):
    """Import govern, load the pack (time, memory), decide every request once (untimed)."""
    n = len(reqs)
    cwd = os.getcwd()
    os.chdir(ROOT)  # "policies/council-default" relative to the repo, as in the SPEC
    try:
        gc.collect()
        rss_a = rss_kib()
        t0 = time.perf_counter_ns()
        try:
            from govern import load_pack
        except Exception as e:  # noqa: BLE001
            log(f"govern not importable ({type(e).__name__}: {e}); Cedar half only")
            figures["govern_error"] = f"import: {type(e).__name__}: {e}"
            return None
        import_ns = time.perf_counter_ns() - t0
        rss_b = rss_kib()
        pack_arg = os.path.relpath(args.pack, ROOT)
        t0 = time.perf_counter_ns()
        try:
            pack = load_pack(pack_arg)
        except Exception as e:  # noqa: BLE001
            log(f"load_pack({pack_arg!r}) failed ({type(e).__name__}: {e}); Cedar half only")
            figures["govern_error"] = f"load_pack: {type(e).__name__}: {str(e)[:2000]}"
            return None
        first_ns = time.perf_counter_ns() - t0
        rss_c = rss_kib()
        loads = []
        for _ in range(5):
            t0 = time.perf_counter_ns()
            load_pack(pack_arg)
            loads.append(time.perf_counter_ns() - t0)
        gc.collect()
        tracemalloc.start()
        load_pack(pack_arg)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        figures["govern_load"] = {
            "median_ms": statistics.median(loads) / 1e6,
            "first_ms": first_ns / 1e6,
            "import_ms": import_ns / 1e6,
            "tracemalloc_peak_kib": peak / 1024,
            "rss_delta_kib": rss_c - rss_b,
            "rss_delta_import_kib": rss_b - rss_a,
        }
        log(f"govern: pack loaded, median {statistics.median(loads) / 1e6:.1f} ms")
    finally:
        os.chdir(cwd)

    def decide(request):
        return pack.decide(request, received_at=RECEIVED_AT)

    errors, summaries, outs = [], [], []
    for r in reqs:
        try:
            outs.append(decide(r))
        except Exception as e:  # noqa: BLE001
            outs.append(e)
    for r, o in zip(reqs, outs, strict=True):
        if isinstance(o, Exception):
            errors.append((r["request_id"], f"{type(o).__name__}: {str(o)[:300]}"))
            summaries.append(None)
        else:
            summaries.append(govern_summary(o))
    figures["govern"] = {
        "errors": len(errors),
        "error_examples": errors[:5],
        "decisions": dict(collections.Counter(s["decision"] for s in summaries if s)),
    }
    try:
        ok = next(o for o in outs if not isinstance(o, Exception))
        figures["govern"]["pack"] = ok.policy.model_dump(mode="json")
    except Exception:  # noqa: BLE001
        pass
    if errors:
        log(f"govern raised on {len(errors)} of {n} requests, e.g. {errors[0]}")
    return decide, summaries


def _request_model():
    try:
        import govern

        m = getattr(govern, "AccessRequest", None)
        if m is None:
            from govern import models  # type: ignore

            m = getattr(models, "AccessRequest", None)
        return m if hasattr(m, "model_validate") else None
    except Exception:  # noqa: BLE001
        return None


def _brief(req: dict) -> str:
    bc = req["business_case"]
    who = req["requester"]
    age = training_age(req)
    return (
        f"{req['access']}/{req['approach']} {req['site']!r} | {who['employment']}, "
        f"{who['department']}, groups={who['groups']}, training_age={age} | "
        f"words={len(bc['purpose'].split())}, priorities={bc['priorities']}, "
        f"approved={bc.get('manager_approved')}, days={bc.get('duration_days', '-')}, "
        f"plan={'moderation_plan' in bc and bool(bc['moderation_plan'])}, drivers={bc['drivers']}"
    )


def compare(reqs, cedar_dec, gov, ref, examples) -> dict:
    n_ok = sum(1 for g in gov if g is not None)
    out: dict = {"compared": n_ok}
    pv = tri = rules = full = 0
    kinds: dict[tuple, list] = collections.defaultdict(list)
    for req, c, g, r in zip(reqs, cedar_dec, gov, ref, strict=True):
        if g is None:
            continue
        pv += (c["decision"] == "permit") == (g["decision"] == "permit")
        tri += c["decision"] == g["decision"]
        rules_same = c["decision"] == g["decision"] and (
            c["decision"] == "permit" or c["rules"] == g["rules"]
        )
        rules += rules_same
        extras_same = (
            c["refer_to"] == g["refer_to"]
            and c["obligations"] == g["obligations"]
            and c["expires_on"] == g["expires_on"]
        )
        full += rules_same and extras_same
        if not (rules_same and extras_same):
            if c["decision"] != g["decision"]:
                what = "decision"
            elif not rules_same:
                what = "rules"
            elif c["refer_to"] != g["refer_to"]:
                what = "refer_to"
            elif c["obligations"] != g["obligations"]:
                what = "obligations"
            else:
                what = "expires_on"
            key = (what, c["decision"], g["decision"], tuple(c["rules"]), tuple(g["rules"]))
            kinds[key].append((req, c, g, r))
    out["permit_vs_not_permit"] = pv / n_ok if n_ok else None
    out["three_way"] = tri / n_ok if n_ok else None
    out["three_way_and_rules"] = rules / n_ok if n_ok else None
    out["everything"] = full / n_ok if n_ok else None
    out["counts"] = {
        "permit_vs_not_permit": pv,
        "three_way": tri,
        "three_way_and_rules": rules,
        "everything": full,
    }
    out["disagreements"] = []
    for key, items in sorted(kinds.items(), key=lambda kv: -len(kv[1])):
        what, cd, gd, cr, gr = key
        ex = []
        for req, c, g, r in items[:examples]:
            side = "cedar" if r == c else "govern" if _same(r, g) else "neither"
            ex.append(
                {
                    "request_id": req["request_id"],
                    "request": _brief(req),
                    "cedar": {
                        k: c[k] for k in ("decision", "rules", "refer_to", "obligations", "expires_on")
                    },
                    "govern": {
                        k: g[k]
                        for k in (
                            "decision",
                            "rules",
                            "refer_to",
                            "obligations",
                            "expires_on",
                            "messages",
                            "missing",
                        )
                    },
                    "plain_python_reading_agrees_with": side,
                }
            )
        out["disagreements"].append(
            {
                "kind": what,
                "cedar": f"{cd} {list(cr)}",
                "govern": f"{gd} {list(gr)}",
                "count": len(items),
                "examples": ex,
            }
        )
    return out


def _same(r, g) -> bool:
    return all(r[k] == g[k] for k in ("decision", "rules", "refer_to", "obligations", "expires_on"))


def print_report(f: dict) -> None:
    c, g = f["cedar"], f.get("govern")
    print(
        f"\nAccess decisions: {f['requests']} generated requests (seed {f['seed']}), "
        f"Python {f['python']}, cedarpy {f['cedarpy']}"
    )
    print(
        "Cedar decisions: "
        + ", ".join(f"{k} {v}" for k, v in sorted(f["cedar_decisions"].items()))
        + (
            ("   govern decisions: " + ", ".join(f"{k} {v}" for k, v in sorted(g["decisions"].items())))
            if g and g.get("decisions")
            else ""
        )
    )
    print("Rule coverage (Cedar): " + ", ".join(f"{k} {v}" for k, v in f["rule_coverage"].items()))
    print(f"Cedar vs plain-Python reading of the policy: {f['cedar_vs_reference_agree']:.2%} identical\n")

    def fmt(x, unit=""):
        return "—" if x is None else (f"{x:,.2f}{unit}" if isinstance(x, float) else f"{x:,}{unit}")

    def ratio(a, b):
        return "—" if a is None or b in (None, 0) else f"{a / b:,.1f}x"

    gl, cl = f.get("govern_load", {}), f["cedar_load"]
    g = g or {}
    pv = g.get("prevalidated", {})
    rows = [
        (
            "decide, median µs/request   govern per call | cedar batch of 100",
            g.get("median_us"),
            c["batch100"]["median_us"],
        ),
        (
            "decide, mean µs/request     govern per call | cedar batch of 100",
            g.get("mean_us"),
            c["batch100"]["mean_us"],
        ),
        (
            "decide, median µs/request   govern 100 calls | cedar batch of 100",
            g.get("per100_median_us"),
            c["batch100"]["median_us"],
        ),
        (
            "decide, median µs/request   govern per call | cedar batch of 1000",
            g.get("median_us"),
            c["batch1000"]["median_us"],
        ),
        (
            "decide, median µs/request   govern per call | cedar batch of 100 + schema",
            g.get("median_us"),
            c["batch100_with_schema"]["median_us"],
        ),
        (
            "decide, median µs/request   govern per call | cedar 1 per call",
            g.get("median_us"),
            c["single"]["median_us"],
        ),
        (
            "decide, p95 µs/request      govern per call | cedar 1 per call",
            g.get("p95_us"),
            c["single"]["p95_us"],
        ),
        (
            "decide, mean µs/request     govern per call | cedar end to end*",
            g.get("mean_us"),
            c["end_to_end_mean_us"],
        ),
        (
            "decide, mean µs/request     govern pre-validated model | cedar batch 100",
            pv.get("mean_us"),
            c["batch100"]["mean_us"],
        ),
        (
            "throughput, decisions/s     govern per call | cedar batch of 100",
            g.get("mean_us") and 1e6 / g["mean_us"],
            1e6 / c["batch100"]["mean_us"],
        ),
        (
            "load, median of 5, ms       govern pack | cedar policies+schema",
            gl.get("median_ms"),
            cl["median_ms"],
        ),
        ("load, tracemalloc peak, KiB", gl.get("tracemalloc_peak_kib"), cl["tracemalloc_peak_kib"]),
        ("load, RSS delta of first load, KiB", gl.get("rss_delta_kib"), cl["rss_delta_kib"]),
    ]
    w = max(len(r[0]) for r in rows)
    print(f"{'metric':<{w}}  {'govern':>12}  {'cedarpy':>12}  {'govern/cedar':>12}")
    print("-" * (w + 42))
    for name, a, b in rows:
        print(f"{name:<{w}}  {fmt(a):>12}  {fmt(b):>12}  {ratio(a, b):>12}")
    print(
        "* Cedar end to end = Python fact preparation + is_authorized_batch (100) + reading the "
        "result as a decision.\n  Every other Cedar row times authorization alone, on facts "
        "prepared beforehand (generous to Cedar)."
    )
    if "govern_error" in f:
        print(f"\ngovern not measured: {f['govern_error']}")
    if gl:
        print(
            f"govern: first load {gl['first_ms']:.1f} ms, import {gl['import_ms']:.1f} ms "
            f"(RSS +{gl['rss_delta_import_kib']:,} KiB for the import)"
        )
    if g.get("errors"):
        print(f"govern raised on {g['errors']} requests, e.g. {g['error_examples'][:2]}")
    print(
        f"Cedar preparation: facts {f['cedar_prep']['facts_us_per_request']:.2f} µs/request, "
        f"{f['cedar_prep']['entities']} entities built in "
        f"{f['cedar_prep']['entity_store_ms']:.1f} ms; "
        f"reading results {c['interpret_us_per_request']:.2f} µs/request. Cedar load RSS includes "
        f"one-off engine initialisation; tracemalloc cannot see Rust allocations."
    )
    fl = c.get("floor_batch100")
    if fl:
        print(
            "cedarpy floor: the same requests against one trivial "
            f"`permit(principal, action, resource);` take {fl['median_us']:.2f} µs/request "
            "(batch of 100, median) -- the cost of the binding "
            f"(Python -> Rust request building and results), not of the council policies."
        )
    m = f.get("machine", {})
    print(
        f"Machine: {m.get('cpus')} CPUs, load average {m.get('loadavg_before')} -> "
        f"{m.get('loadavg_after')}; {m.get('rounds')} interleaved rounds"
    )
    a = f.get("agreement")
    if a:
        print(f"\nAgreement over {a['compared']:,} requests:")
        for k in ("permit_vs_not_permit", "three_way", "three_way_and_rules", "everything"):
            print(f"  {k:<22} {a[k]:.2%}  ({a['counts'][k]:,})")
        for d in a["disagreements"][:15]:
            print(f"\n  [{d['count']}x] {d['kind']}: cedar {d['cedar']} vs govern {d['govern']}")
            for ex in d["examples"]:
                print(f"    {ex['request_id']}: {ex['request']}")
                print(
                    f"      govern says: {ex['govern']['messages']}"
                    + (f" missing={ex['govern']['missing']}" if ex["govern"]["missing"] else "")
                )
                if d["kind"] not in ("decision", "rules"):
                    print(f"      cedar {ex['cedar']}  govern { {k: ex['govern'][k] for k in EXTRAS} }")
                print(f"      plain-Python reading agrees with: {ex['plain_python_reading_agrees_with']}")
        if len(a["disagreements"]) > 15:
            print(f"\n  ... {len(a['disagreements']) - 15} more kinds (see --json)")


if __name__ == "__main__":
    sys.exit(main())
