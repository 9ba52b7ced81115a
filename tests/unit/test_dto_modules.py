"""The DTOs made on first use (domain.dto's LAZY) are where it says, and only those."""

from __future__ import annotations

import dataclasses
import importlib
import inspect

import pytest

from dentasync_desktop.domain import dto


def defined_in(module_name: str) -> set[str]:
    module = importlib.import_module(module_name)
    return {name for name, value in vars(module).items()
            if inspect.isclass(value) and value.__module__ == module_name}


@pytest.mark.parametrize("module", sorted(dto.LAZY))
def test_each_module_holds_exactly_the_dtos_listed_for_it(module: str) -> None:
    assert defined_in(f"{dto.__name__}.{module}") == set(dto.LAZY[module])


def test_every_listed_dto_is_imported_from_the_package() -> None:
    for module, names in dto.LAZY.items():
        for name in names:
            found = getattr(dto, name)
            assert found.__module__ == f"{dto.__name__}.{module}"
            assert dataclasses.is_dataclass(found)
    assert not set(defined_in(dto.__name__)) & {n for ns in dto.LAZY.values() for n in ns}


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="NoSuchDto"):
        getattr(dto, "NoSuchDto")  # noqa: B009
