"""`govern test`: run Gherkin scenarios against any pack, report rule coverage, hunt mutants.

Policy owners write only `.feature` files; this module writes the pytest-bdd glue itself, runs
pytest in-process with the step library, and collects per scenario its outcome, the failure
message (the step library's own "expected ... but ..." text) and the rules it triggered.
"""

from __future__ import annotations

import contextlib
import io
import itertools
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

_RUN = itertools.count()


@dataclass
class ScenarioResult:
    name: str
    feature: str
    passed: bool
    message: str = ""
    rules: list[str] = field(default_factory=list)
    seconds: float = 0.0


@dataclass
class Coverage:
    rules: dict[str, list[str]]  # rule id -> scenarios that triggered it
    refs: dict[str, str]

    @property
    def covered(self) -> list[str]:
        return [r for r, scenarios in self.rules.items() if scenarios]

    @property
    def uncovered(self) -> list[str]:
        return [r for r, scenarios in self.rules.items() if not scenarios]

    @property
    def percent(self) -> float:
        return 100.0 * len(self.covered) / len(self.rules) if self.rules else 100.0


class _Collector:
    """A pytest plugin object that records what each scenario did."""

    def __init__(self) -> None:
        self.results: list[ScenarioResult] = []
        self.errors: list[str] = []
        self._names: dict[str, str] = {}

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        if (
            report.when == "teardown"
            and self.results
            and self.results[-1].name == self._names.get(report.nodeid)
        ):
            # the world fixture records the rules a scenario triggered as it tears down
            rules = dict(report.user_properties).get("govern_rules", "")
            self.results[-1].rules = [r for r in str(rules).split(",") if r]
            return
        if report.when == "call" or (report.when == "setup" and report.failed):
            rules = dict(report.user_properties).get("govern_rules", "")
            context = _bdd_context(report)
            scenario: dict[str, Any] = dict(context.scenario) if context is not None else {}
            name = scenario.get("name") or report.nodeid.split("::")[-1]
            feature = (scenario.get("feature") or {}).get("name", "")
            message = ""
            if report.failed:
                message = _message(report)
            self._names[report.nodeid] = name
            self.results.append(
                ScenarioResult(
                    name,
                    feature,
                    report.passed,
                    message,
                    [r for r in str(rules).split(",") if r],
                    report.duration,
                )
            )

    def pytest_collectreport(self, report: pytest.CollectReport) -> None:
        if report.failed:
            self.errors.append(_message(report))


def _bdd_context(report: Any) -> Any:
    """pytest-bdd's record of the scenario behind a report (its name, feature, steps)."""
    try:
        from pytest_bdd.reporting import test_report_context_registry
    except ImportError:  # an older pytest-bdd put it on the report
        return None
    return test_report_context_registry.get(report)


def _message(report: Any) -> str:
    crash = getattr(report.longrepr, "reprcrash", None)
    text = crash.message if crash is not None else str(report.longrepr)
    return text.removeprefix("AssertionError: ")


def run_scenarios(
    pack_dir: str, features: list[str], mutation: str | None = None
) -> tuple[list[ScenarioResult], list[str]]:
    """Run every scenario under `features` against the pack; returns results and collection errors."""
    paths = [str(Path(f).resolve()) for f in features]
    with tempfile.TemporaryDirectory(prefix="govern-test-") as tmp:
        module = Path(tmp) / f"test_govern_scenarios_{next(_RUN)}.py"
        lines = ["from pytest_bdd import scenarios", ""]
        lines += [f"scenarios({p!r}, features_base_dir='/')" for p in paths]
        module.write_text("\n".join(lines) + "\n", encoding="utf-8")
        collector = _Collector()
        args = [
            str(module),
            "-q",
            "-p",
            "no:cacheprovider",
            "--rootdir",
            tmp,
            "-o",
            "addopts=",
            "-o",
            "python_files=test_*.py",
            "-W",
            "ignore::DeprecationWarning",
            "--govern-pack",
            pack_dir,
        ]
        if mutation:
            args += ["--govern-mutation", mutation]
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            pytest.main(args, plugins=[collector])
    return collector.results, collector.errors


def rule_key(rule: dict[str, str]) -> str:
    """A rule's name in coverage and mutations: area and id (the same id may serve two areas)."""
    return f"{rule['area']}:{rule['id']}"


def coverage(pack: Any, results: list[ScenarioResult]) -> Coverage:
    rules: dict[str, list[str]] = {rule_key(r): [] for r in pack.rules()}
    refs = {rule_key(r): r["ref"] for r in pack.rules()}
    for result in results:
        for rule in dict.fromkeys(result.rules):
            if rule in rules:
                rules[rule].append(result.name)
    return Coverage(rules, refs)


def mutants(pack: Any) -> list[str]:
    """Every mutation of the pack, by area and id: each rule disabled, and each access permit or
    deny flipped."""
    out = [f"disable:{rule_key(r)}" for r in pack.rules()]
    out += [
        f"flip:{rule_key(r)}"
        for r in pack.rules()
        if r["area"] == "access" and r["effect"] in ("permit", "deny")
    ]
    return out


def surviving(pack_dir: str, features: list[str], pack: Any) -> list[str]:
    """The mutations no scenario notices: the rule could go and the tests would still pass."""
    survivors = []
    for mutation in mutants(pack):
        results, errors = run_scenarios(pack_dir, features, mutation)
        if not errors and results and all(r.passed for r in results):
            survivors.append(mutation)
    return survivors
