"""The hand-written stubs (_core.pyi) describe exactly what the compiled module has."""

from __future__ import annotations

import ast
import inspect
import pathlib
from typing import Dict, Set

import eldercare
from eldercare import _core

STUB = pathlib.Path(eldercare.__file__).with_name("_core.pyi")


def stub_names() -> Dict[str, Set[str]]:
    """Module-level names, and for each class the names it defines ("" holds the module's)."""
    tree = ast.parse(STUB.read_text(encoding="utf-8"))
    names: Dict[str, Set[str]] = {"": set()}
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            names[""].add(node.name)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names[""].add(node.target.id)
        if isinstance(node, ast.ClassDef):
            names[node.name] = {n.name for n in node.body if isinstance(n, ast.FunctionDef)}
    return names


def test_module_names_match() -> None:
    actual = {n for n in dir(_core) if not n.startswith("__") or n == "__version__"}
    assert stub_names()[""] == actual


def test_class_members_match() -> None:
    for cls, members in stub_names().items():
        if not cls:
            continue
        obj = getattr(_core, cls)
        actual = {
            n
            for n, v in vars(obj).items()
            if not n.startswith("_")
            or n in ("__init__", "__eq__", "__lt__", "__hash__", "__or__", "__len__", "__contains__")
        }
        # pybind11 classes without a constructor still get an __init__ that raises; the stubs leave it out.
        if "__init__" not in members:
            actual.discard("__init__")
        # __hash__ is None on classes that define __eq__ without it.
        if vars(obj).get("__hash__") is None:
            actual.discard("__hash__")
        assert members == actual, cls
        assert inspect.isclass(obj)


def test_conditions_stub_is_current() -> None:
    """python/eldercare/conditions.pyi is generated from the imported module (its leaf factories are
    made at import time from the C++ declarations): rerun tools/gen_condition_stubs.py when this fails."""
    import importlib.util

    root = pathlib.Path(__file__).resolve().parents[2]
    spec = importlib.util.spec_from_file_location("gen_condition_stubs", root / "tools" / "gen_condition_stubs.py")
    assert spec is not None and spec.loader is not None
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    committed = (root / "python" / "eldercare" / "conditions.pyi").read_text(encoding="utf-8")
    assert committed == gen.render(), "conditions.pyi is stale: rerun tools/gen_condition_stubs.py"
