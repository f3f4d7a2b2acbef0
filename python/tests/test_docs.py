"""The examples in the docstrings run."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "eldercare",
    "eldercare._calendar",
    "eldercare._decision",
    "eldercare._errors",
    "eldercare._rules",
    "eldercare._values",
    "eldercare.conditions",
    "eldercare.io",
    "eldercare.regions",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
