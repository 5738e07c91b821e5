"""Settings are read once from the environment; the default pack ships inside the package."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

from govern.cli import build_parser
from govern.settings import Settings, default_pack
from tests.conftest import DEFAULT_PACK, ROOT

PACK_FILES = sorted(p.name for p in DEFAULT_PACK.glob("*.yaml"))


def _environ(**extra: str) -> dict[str, str]:
    """The process environment without any GOVERN_ variable, plus `extra`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GOVERN_")}
    return {**env, "PYTHONPATH": str(ROOT), **extra}


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        pytest.param({}, {}, id="nothing-set"),
        pytest.param({"GOVERN_PACK": "/p"}, {"pack": Path("/p")}, id="pack"),
        pytest.param({"GOVERN_DB": "x.db", "GOVERN_OPEN": "1"}, {"db": "x.db", "open": True}, id="db-open"),
        pytest.param(
            {"GOVERN_HOSTS": "a.example, b.example,", "GOVERN_TRUST_PROXY": "1"},
            {"hosts": ("a.example", "b.example"), "trust_proxy": True},
            id="hosts-comma-separated",
        ),
        pytest.param({"GOVERN_SHADOW": ""}, {}, id="empty-is-unset"),
        pytest.param({"PACK": "/not-ours", "DB": "no.db"}, {}, id="unprefixed-ignored"),
        pytest.param({"XDG_STATE_HOME": "/state"}, {"state_home": Path("/state")}, id="state-home"),
    ],
)
def test_settings_from_an_environment(environ: dict[str, str], expected: dict[str, object]) -> None:
    assert Settings.from_env(environ) == Settings.from_env({}).model_copy(update=expected)


def test_an_explicit_environment_is_read_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    """The process's variables never leak into settings read from a given mapping (a worker's,
    a test's): pydantic-settings would merge them in by default."""
    monkeypatch.setenv("GOVERN_DB", "leaked.db")
    monkeypatch.setenv("XDG_STATE_HOME", "/leaked")
    settings = Settings.from_env({"HOME": "/home/ops"})
    assert settings.db == "govern.db" and settings.state_home is None
    assert settings.log.state == Path("/home/ops/.local/state/govern")


def test_the_old_name_still_works_with_a_warning() -> None:
    with pytest.warns(DeprecationWarning, match="GOVERN_POLICIES is deprecated; set GOVERN_PACK"):
        settings = Settings.from_env({"GOVERN_POLICIES": "/old"})
    assert settings.pack_path == Path("/old")


def test_the_new_name_wins_over_the_old() -> None:
    with pytest.warns(DeprecationWarning):
        settings = Settings.from_env({"GOVERN_POLICIES": "/old", "GOVERN_PACK": "/new"})
    assert settings.pack_path == Path("/new")


def test_no_warning_without_the_old_name() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        Settings.from_env({"GOVERN_PACK": "/new"})


def test_secrets_do_not_show_in_the_settings_text() -> None:
    settings = Settings.from_env({"GOVERN_LOG_KEY": "s" * 40, "GOVERN_FACEBOOK_APP_SECRET": "fb-secret"})
    assert "s" * 40 not in repr(settings) and "fb-secret" not in repr(settings)
    assert settings.log.secret == "s" * 40


def test_serve_settings_round_trip_through_the_environment(tmp_path: Path) -> None:
    """`govern serve` hands its settings to uvicorn's workers as variables; they read them back."""
    sent = Settings.from_env({}).model_copy(
        update={"pack": DEFAULT_PACK, "db": str(tmp_path / "g.db"), "open": True, "hosts": ("a.example",)}
    )
    assert Settings.from_env(sent.environment()) == sent.model_copy(update={"pack": DEFAULT_PACK.resolve()})


def test_the_default_pack_is_package_data() -> None:
    assert default_pack() == DEFAULT_PACK.resolve()
    assert sorted(p.name for p in default_pack().glob("*.yaml")) == PACK_FILES


def test_the_built_package_holds_the_default_pack(tmp_path: Path) -> None:
    """What setuptools copies into a wheel: the pack's files, as files (not a link)."""
    tree = tmp_path / "src"
    tree.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, tree / name)
    shutil.copytree(
        ROOT / "govern", tree / "govern", symlinks=True, ignore=shutil.ignore_patterns("__pycache__")
    )
    shutil.copytree(ROOT / "policies", tree / "policies", symlinks=True)
    built = tmp_path / "lib"
    subprocess.run(
        [
            sys.executable,
            "-c",
            "from setuptools import setup; setup()",
            "-q",
            "build_py",
            "--build-lib",
            str(built),
        ],
        cwd=tree,
        check=True,
        capture_output=True,
        env=_environ(),
    )
    shipped = built / "govern" / "packs" / "council-default"
    assert not shipped.is_symlink()
    assert sorted(p.name for p in shipped.iterdir()) == PACK_FILES
    for name in PACK_FILES:
        assert (shipped / name).read_bytes() == (DEFAULT_PACK / name).read_bytes()


def test_serve_defaults_to_the_shipped_pack_from_an_empty_folder(tmp_path: Path) -> None:
    found = subprocess.run(
        [
            sys.executable,
            "-c",
            "from govern.cli import build_parser; print(build_parser().parse_args(['serve']).policies)",
        ],
        cwd=tmp_path,
        check=True,
        capture_output=True,
        text=True,
        env=_environ(),
    ).stdout.strip()
    assert Path(found) == DEFAULT_PACK.resolve()
    checked = subprocess.run(
        [sys.executable, "-m", "govern.cli", "validate"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=_environ(),
    )
    assert checked.returncode == 0 and checked.stdout.startswith("council-default 1.0.0: valid (48 rules")


def test_the_service_starts_on_the_shipped_pack_when_none_is_named(tmp_path: Path) -> None:
    from govern.api.server import app_factory

    settings = Settings.from_env({"GOVERN_DB": str(tmp_path / "g.db"), "GOVERN_LOG_DIR": str(tmp_path)})
    app = app_factory(settings)
    assert app.state.service.pack.name == "council-default"
    assert app.state.service.pack.raw.root == DEFAULT_PACK.resolve()


def test_the_command_line_takes_its_defaults_from_the_settings(tmp_path: Path) -> None:
    settings = Settings.model_validate(
        {"pack": tmp_path / "p", "db": "postgresql://x/y", "hosts": ("h.example",), "trust_proxy": True}
    )
    args = build_parser(settings).parse_args(["serve"])
    assert (args.policies, args.db, args.allowed_host, args.trust_proxy) == (
        str(tmp_path / "p"),
        "postgresql://x/y",
        ["h.example"],
        True,
    )
    assert build_parser(settings).parse_args(["replay", "--against", "x"]).db == "postgresql://x/y"


def test_the_head_file_sync_is_chosen_by_one_setting() -> None:
    assert Settings.from_env({}).log.sync_before_answer is False
    assert Settings.from_env({"GOVERN_LOG_SYNC_BEFORE_ANSWER": "1"}).log.sync_before_answer is True
