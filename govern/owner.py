"""Policy owners' commands: `govern test` (scenarios, coverage, mutants), `replay` and `diff`."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from govern.errors import PolicyError
from govern.pack import Pack, load_pack
from govern.settings import Settings

EXIT_OK, EXIT_POLICY, EXIT_USAGE, EXIT_FAILED, EXIT_COVERAGE, EXIT_MUTANTS = 0, 1, 2, 3, 4, 5


def _load(path: str) -> Pack | int:
    try:
        return load_pack(path)
    except PolicyError as exc:
        print(f"govern: the policy pack '{path}' does not load\n{exc}", file=sys.stderr)
        return EXIT_POLICY


def _features(args: argparse.Namespace) -> list[str]:
    if args.features:
        return list(args.features)
    own = Path(args.policies) / "features"
    return [str(own if own.is_dir() else Path("features"))]


def cmd_test(args: argparse.Namespace) -> int:
    from govern.bdd.runner import coverage, mutants, run_scenarios, surviving

    pack = _load(args.policies)
    if isinstance(pack, int):
        return pack
    features = _features(args)
    missing = [f for f in features if not Path(f).exists()]
    if missing:
        print(f"govern: no such features: {', '.join(missing)}", file=sys.stderr)
        return EXIT_USAGE
    results, errors = run_scenarios(args.policies, features)
    if errors or not results:
        print(
            "govern: the scenarios could not be collected\n" + "\n".join(errors or ["no scenarios found"]),
            file=sys.stderr,
        )
        return EXIT_USAGE
    cover = coverage(pack, results)
    survivors = surviving(args.policies, features, pack) if args.mutate else None
    failed = [r for r in results if not r.passed]

    if args.format == "json":
        print(
            json.dumps(
                {
                    "pack": pack.ref.model_dump(),
                    "scenarios": [
                        {
                            "name": r.name,
                            "feature": r.feature,
                            "passed": r.passed,
                            "message": r.message,
                            "rules": r.rules,
                        }
                        for r in results
                    ],
                    "passed": len(results) - len(failed),
                    "failed": len(failed),
                    "coverage": {
                        "percent": round(cover.percent, 1),
                        "rules": cover.rules,
                        "uncovered": cover.uncovered,
                    },
                    "mutants": None
                    if survivors is None
                    else {"tried": len(mutants(pack)), "surviving": survivors},
                },
                indent=2,
            )
        )
    elif args.format == "junit":
        print(_junit(pack, results))
    else:
        print(f"govern test: {pack.name} {pack.version} against {', '.join(features)}")
        for r in results:
            print(f"  {'✓' if r.passed else '✗'} {r.name}")
            if not r.passed:
                print("      " + r.message.replace("\n", "\n      "))
        print(f"{len(results) - len(failed)} passed, {len(failed)} failed")
        print(f"rule coverage: {len(cover.covered)}/{len(cover.rules)} rules ({cover.percent:.1f}%)")
        for rule, scenarios in cover.rules.items():
            ref = f"{cover.refs[rule]} " if cover.refs[rule] else ""
            print(f"  {ref}{rule}: {len(scenarios)} scenario{'s' if len(scenarios) != 1 else ''}")
        print(f"not covered: {', '.join(cover.uncovered) or '(none)'}")
        if survivors is not None:
            print(f"mutants: {len(survivors)} of {len(mutants(pack))} survived")
            for mutation in survivors:
                kind, _, rule = mutation.partition(":")
                rule = rule.replace(":", " rule ", 1)
                what = "deleted" if kind == "disable" else "given the opposite effect"
                print(f"  {rule} could be {what} and your scenarios would still pass")
    if failed:
        return EXIT_FAILED
    if cover.percent < args.min_coverage:
        print(
            f"govern: rule coverage {cover.percent:.1f}% is below the minimum {args.min_coverage}%",
            file=sys.stderr,
        )
        return EXIT_COVERAGE
    if survivors:
        return EXIT_MUTANTS
    return EXIT_OK


def _junit(pack: Pack, results: list[Any]) -> str:
    failures = sum(not r.passed for r in results)
    cases = []
    for r in results:
        body = (
            "" if r.passed else f"<failure message={quoteattr(r.message[:200])}>{escape(r.message)}</failure>"
        )
        cases.append(
            f"  <testcase classname={quoteattr(r.feature)} name={quoteattr(r.name)} "
            f'time="{r.seconds:.4f}">{body}</testcase>'
        )
    return (
        f'<?xml version="1.0" encoding="utf-8"?>\n<testsuite name={quoteattr(pack.name)} '
        f'tests="{len(results)}" failures="{failures}">\n' + "\n".join(cases) + "\n</testsuite>"
    )


# --- replay ---------------------------------------------------------------------------------


def cmd_replay(args: argparse.Namespace) -> int:
    from govern.admin import open_store
    from govern.service import replay

    candidate = _load(args.against)
    if isinstance(candidate, int):
        return candidate
    since = dt.datetime.combine(dt.date.fromisoformat(args.since), dt.time(), dt.UTC) if args.since else None
    report = replay(open_store(args.db), candidate, since)
    summary = report.summary()
    changes, per_rule = report.changes, report.by_rule
    replayed, skipped = report.replayed, report.skipped_purged
    if args.format == "json":
        print(json.dumps(summary, indent=2))
        return EXIT_OK
    print(
        f"replayed {replayed} logged answers against {candidate.name} {candidate.version}"
        f"{f' (skipped {skipped} purged)' if skipped else ''}"
    )
    print(
        f"{summary['outcomes_changed']} outcomes would change; {len(changes)} answers would differ in any way"
    )
    for c in changes:
        print(
            f"  #{c['seq']} {c['kind']} {c['ref']} ({c['at'][:10]}): {c['before']} -> {c['after']}; "
            f"rules {', '.join(c['rules_before']) or '-'} -> {', '.join(c['rules_after']) or '-'}"
        )
    if per_rule:
        print("by rule: " + ", ".join(f"{rule} {n}" for rule, n in per_rule.most_common()))
    return EXIT_OK


# --- diff -----------------------------------------------------------------------------------


def _rule_records(pack: Pack) -> dict[tuple[str, str], dict[str, Any]]:
    """Each rule's written fields by (area, id): the same id in two areas is two rules."""
    out: dict[tuple[str, str], dict[str, Any]] = {}
    for r in pack.access.rules:
        out["access", r.rule.id] = r.rule.model_dump(exclude_defaults=True)
    for c in pack.drafts.checker.rules:
        out["drafts", c.rule.id] = c.rule.model_dump(exclude_defaults=True)
    for c in pack.moderation.checker.rules:
        out["moderation", c.rule.id] = c.rule.model_dump(exclude_defaults=True)
    return out


def diff_packs(old: Pack, new: Pack) -> list[str]:
    """What changed between two packs, in plain English."""
    lines = []
    before, after = _rule_records(old), _rule_records(new)
    for area, rule in sorted(after.keys() - before.keys()):
        data = after[area, rule]
        lines.append(
            f"added {area} rule {rule} ({data.get('ref', '')}): {data.get('description', '').strip()}"
        )
    for area, rule in sorted(before.keys() - after.keys()):
        lines.append(f"removed {area} rule {rule} ({before[area, rule].get('ref', '')})")
    for area, rule in sorted(before.keys() & after.keys()):
        a, b = before[area, rule], after[area, rule]
        for key in sorted(a.keys() | b.keys()):
            if a.get(key) != b.get(key):
                lines.append(
                    f"changed {area} rule {rule}: {key} was {json.dumps(a.get(key), default=str)}, "
                    f"now {json.dumps(b.get(key), default=str)}"
                )
    old_sites = {d: c for c in old.sites.categories for d in old.sites.categories[c].sites}
    new_sites = {d: c for c in new.sites.categories for d in new.sites.categories[c].sites}
    for site in sorted(new_sites.keys() - old_sites.keys()):
        lines.append(f"added site {site} to {new_sites[site]}")
    for site in sorted(old_sites.keys() - new_sites.keys()):
        lines.append(f"removed site {site} from {old_sites[site]}")
    for site in sorted(old_sites.keys() & new_sites.keys()):
        if old_sites[site] != new_sites[site]:
            lines.append(f"moved site {site} from {old_sites[site]} to {new_sites[site]}")
    old_p, new_p = set(old.access.priorities), set(new.access.priorities)
    lines += [f"added priority {p}" for p in sorted(new_p - old_p)]
    lines += [f"removed priority {p}" for p in sorted(old_p - new_p)]
    old_w = {w.name: (w.start, w.end) for w in old.drafts.spec.windows}
    new_w = {w.name: (w.start, w.end) for w in new.drafts.spec.windows}
    for name in sorted(new_w.keys() | old_w.keys()):
        if old_w.get(name) != new_w.get(name):
            lines.append(f"window {name}: {old_w.get(name) or 'none'} -> {new_w.get(name) or 'none'}")
    return lines


def cmd_diff(args: argparse.Namespace) -> int:
    old, new = _load(args.old), _load(args.new)
    if isinstance(old, int) or isinstance(new, int):
        return EXIT_POLICY
    lines = diff_packs(old, new)
    if args.format == "json":
        print(
            json.dumps({"old": old.ref.model_dump(), "new": new.ref.model_dump(), "changes": lines}, indent=2)
        )
    else:
        plural = "s" if len(lines) != 1 else ""
        print(f"{old.name} {old.version} -> {new.name} {new.version}: {len(lines)} change{plural}")
        for line in lines:
            print(f"  {line}")
    return EXIT_OK


def add_commands(sub: Any, settings: Settings) -> None:
    default_policies = str(settings.pack_path)
    p = sub.add_parser(
        "test",
        help="run Gherkin scenarios against a pack; rule coverage; mutants",
        description="Exit codes: 0 passed, 1 the pack does not load, 2 no scenarios or bad "
        "arguments, 3 scenarios failed, 4 coverage below --min-coverage, 5 mutants survived.",
    )
    p.add_argument("--policies", default=default_policies, metavar="DIR")
    p.add_argument(
        "features",
        nargs="*",
        metavar="FEATURES",
        help="feature files or folders (default: the pack's features/ folder, else ./features)",
    )
    p.add_argument(
        "--min-coverage", type=float, default=0.0, metavar="N", help="fail below N percent of rules"
    )
    p.add_argument("--mutate", action="store_true", help="also run every mutant of the pack")
    p.add_argument("--format", choices=["text", "json", "junit"], default="text")
    p.set_defaults(run=cmd_test)

    p = sub.add_parser(
        "replay", help="re-decide logged answers with a candidate pack and report what changes"
    )
    p.add_argument("--against", required=True, metavar="NEW_PACK_DIR")
    p.add_argument("--db", default=settings.db, metavar="URL")
    p.add_argument("--since", metavar="DATE")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.set_defaults(run=cmd_replay)

    p = sub.add_parser("diff", help="rules added, removed or changed between two packs, in plain English")
    p.add_argument("old", metavar="OLD_DIR")
    p.add_argument("new", metavar="NEW_DIR")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.set_defaults(run=cmd_diff)
