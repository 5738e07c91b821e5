"""The public surface: a sorted __all__ that is exactly what `govern` offers, and the contract's
shared pieces importable from every place they have been found."""

from __future__ import annotations
import __future__

import importlib
import types

import pytest

import govern
from govern import contract


def _public_names(module: types.ModuleType) -> set[str]:
    """The names a reader of `module` sees: not private, not submodules, not `from __future__`."""
    return {
        name
        for name, value in vars(module).items()
        if not name.startswith("_")
        and not isinstance(value, types.ModuleType)
        and not isinstance(value, __future__._Feature)
    }


def test_all_is_sorted_and_importable() -> None:
    assert govern.__all__ == sorted(govern.__all__)
    for name in govern.__all__:
        assert getattr(govern, name) is not None


def test_all_is_exactly_the_public_namespace() -> None:
    assert set(govern.__all__) == _public_names(govern)


@pytest.mark.parametrize(
    "name",
    ["Draft", "DraftVerdict", "Finding", "Comment", "ModerationResult", "Outcome", "PolicyRef"],
)
def test_drafts_and_moderation_types_are_public(name: str) -> None:
    assert name in govern.__all__


@pytest.mark.parametrize(
    ("module", "name"),
    [
        pytest.param("govern.access.models", "PolicyRef", id="access-policyref"),
        pytest.param("govern.access.models", "Contract", id="access-contract"),
        pytest.param("govern.drafts.models", "Finding", id="drafts-finding"),
        pytest.param("govern.drafts.models", "PolicyRef", id="drafts-policyref"),
        pytest.param("govern.moderation.models", "Finding", id="moderation-finding"),
        pytest.param("govern.pack", "parse", id="pack-parse"),
        pytest.param("govern.pack", "field_errors", id="pack-field-errors"),
        pytest.param("govern", "Finding", id="top-finding"),
        pytest.param("govern", "PolicyRef", id="top-policyref"),
    ],
)
def test_the_contract_is_one_object_wherever_it_is_imported(module: str, name: str) -> None:
    assert getattr(importlib.import_module(module), name) is getattr(contract, name)
