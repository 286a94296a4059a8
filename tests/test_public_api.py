"""The declared public API is complete and importable."""

from __future__ import annotations

import dyadwatch


def test_public_api_all_names_exist() -> None:
    missing = [name for name in dyadwatch.__all__ if not hasattr(dyadwatch, name)]
    assert missing == []


def test_public_api_exports_every_public_module_attribute() -> None:
    public = {
        name
        for name, value in vars(dyadwatch).items()
        if not name.startswith("_")
        and not getattr(value, "__module__", "").startswith("typing")
        and not isinstance(value, type(dyadwatch))  # submodules are not API names
        and name not in {"annotations", "Any", "Path", "TYPE_CHECKING"}
    }
    assert public | {"__version__"} == set(dyadwatch.__all__)


def test_public_api_version_matches_package_metadata() -> None:
    from importlib.metadata import version

    assert dyadwatch.__version__ == version("dyadwatch")
