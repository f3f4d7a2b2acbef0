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


# --- signatures: the stubs' parameters are the compiled functions' parameters --------------------
#
# pybind11 writes each function's signature(s) as the first line(s) of its docstring, e.g.
# "age_on(birth_date: object, on: object, reached: str = 'on_birthday', ...) -> int" (an overloaded
# function lists one numbered signature per overload). The stubs must declare the same parameter
# names, in the same order, with a default exactly where the module has one; the types in the stubs
# are allowed to be more precise than the binding's (`object` in C++ is often a date or a region).

import re  # noqa: E402  (kept beside the tests that use it)

_SIGNATURE = re.compile(r"^(?:\d+\. )?(?P<name>\w+)\((?P<params>.*)\) -> .*$")


def _split_params(text: str) -> list:
    """Top-level comma split of a pybind11 parameter list (brackets and quotes nest)."""
    parts, depth, quote, current = [], 0, "", ""
    for ch in text:
        if quote:
            current += ch
            if ch == quote:
                quote = ""
            continue
        if ch in "'\"":
            quote = ch
        elif ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        elif ch == "," and depth == 0:
            parts.append(current.strip())
            current = ""
            continue
        current += ch
    if current.strip():
        parts.append(current.strip())
    return parts


def _compiled_signatures(obj: object, name: str) -> Set[tuple]:
    """{((param, has_default), ...), ...}: one tuple per overload; `self` left out."""
    out: Set[tuple] = set()
    for line in (getattr(obj, "__doc__", None) or "").splitlines():
        m = _SIGNATURE.match(line.strip())
        if not m or m.group("name") != name:
            continue
        params = []
        for p in _split_params(m.group("params")):
            if p in ("*", "/") or p.startswith("*"):
                continue
            pname = p.split(":", 1)[0].split("=", 1)[0].strip()
            if pname == "self":
                continue
            params.append((pname, "=" in p))
        out.add(tuple(params))
    return out


def _stub_signatures(fn: ast.FunctionDef) -> tuple:
    args = fn.args
    positional = args.posonlyargs + args.args
    defaults = [False] * (len(positional) - len(args.defaults)) + [True] * len(args.defaults)
    params = [(a.arg, d) for a, d in zip(positional, defaults) if a.arg != "self"]
    params += [(a.arg, d is not None) for a, d in zip(args.kwonlyargs, args.kw_defaults)]
    return tuple(params)


def _stub_functions() -> Dict[str, Dict[str, Set[tuple]]]:
    """{"": {function: {signature, ...}}, class: {method: {...}}} from the stub, overloads merged;
    properties are left out (they have no pybind11 signature of their own)."""
    tree = ast.parse(STUB.read_text(encoding="utf-8"))
    found: Dict[str, Dict[str, Set[tuple]]] = {"": {}}

    def collect(body: list, into: Dict[str, Set[tuple]]) -> None:
        for node in body:
            if not isinstance(node, ast.FunctionDef):
                continue
            decorators = {getattr(d, "id", getattr(d, "attr", "")) for d in node.decorator_list}
            if "property" in decorators or "setter" in decorators:
                continue
            into.setdefault(node.name, set()).add(_stub_signatures(node))

    collect(tree.body, found[""])
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            found[node.name] = {}
            collect(node.body, found[node.name])
    return found


def _same(stub: tuple, compiled: tuple) -> bool:
    """Same parameters; an unnamed C++ parameter (pybind11's `arg0`) matches any name at its place."""
    return len(stub) == len(compiled) and all(
        (s == c) or (re.fullmatch(r"arg\d+", c[0]) is not None and s[1] == c[1]) for s, c in zip(stub, compiled)
    )


def _all_matched(stub: Set[tuple], compiled: Set[tuple]) -> bool:
    return len(stub) == len(compiled) and all(any(_same(s, c) for c in compiled) for s in stub)


def test_signatures_match_the_compiled_module() -> None:
    mismatches = []
    checked = 0
    for owner, functions in _stub_functions().items():
        scope = _core if not owner else getattr(_core, owner)
        for name, stub in functions.items():
            compiled = _compiled_signatures(getattr(scope, name), name)
            if not compiled:  # not a pybind11 function (a Python-level attribute): names are checked above
                continue
            checked += 1
            if not _all_matched(stub, compiled):
                where = f"{owner}.{name}" if owner else name
                mismatches.append(f"{where}: stub {sorted(stub)} != compiled {sorted(compiled)}")
    assert checked > 100, f"only {checked} signatures found: has the docstring format changed?"
    assert not mismatches, "\n".join(mismatches)
