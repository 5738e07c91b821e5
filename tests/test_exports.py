"""The public surface: a short, sorted __all__ that really is importable."""

import govern


def test_all_is_sorted_and_importable() -> None:
    assert govern.__all__ == sorted(govern.__all__)
    for name in govern.__all__:
        assert getattr(govern, name) is not None
