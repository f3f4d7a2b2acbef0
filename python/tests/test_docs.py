"""The examples in the docstrings run."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "eldercare",
    "eldercare._benefits",
    "eldercare._calendar",
    "eldercare._decision",
    "eldercare._errors",
    "eldercare._outcomes",
    "eldercare._rules",
    "eldercare._population",
    "eldercare._reform",
    "eldercare._subjects",
    "eldercare._values",
    "eldercare.catalog",
    "eldercare.charts",
    "eldercare.cli",
    "eldercare.conditions",
    "eldercare.dask",
    "eldercare.io",
    "eldercare.parquet",
    "eldercare.regions",
    "eldercare.simulate",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
