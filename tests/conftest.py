from __future__ import annotations

from pathlib import Path

import pytest

from govern import Pack, load_pack

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
DEFAULT_PACK = ROOT / "policies" / "council-default"
LOCAL = "http://127.0.0.1"  # a TestClient's base URL: open mode answers loopback host names only


@pytest.fixture(scope="session")
def council() -> Pack:
    return load_pack(DEFAULT_PACK)


@pytest.fixture(scope="session")
def minimal() -> Pack:
    return load_pack(FIXTURES / "minimal")


def write_pack(root: Path, files: dict[str, str]) -> Path:
    """A pack folder under `root` with the given files."""
    root.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (root / name).write_text(text, encoding="utf-8")
    return root
