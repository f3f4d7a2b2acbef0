#!/usr/bin/env python3
"""Generate python/eldercare/conditions.pyi, the type stubs of eldercare.conditions.

Usage:
    PYTHONPATH=<a built package> python3 tools/gen_condition_stubs.py [--check]

eldercare.conditions makes its leaf factories when it is imported, from the leaves' declarations in
C++ (_core.leaf_specs(), from include/eldercare/rules/leaves.hpp), so a type checker reading the
source cannot see them: it reads this stub instead (a .pyi beside a module replaces it for type
checkers). The stub is written from the imported module itself: every name in __all__, the private
functions other modules of the package import, with the signatures (and annotations) the module
gives them. Rerun after adding a leaf or changing a signature; python/tests/test_stubs.py fails while
the committed stub is stale. With --check, exit 1 when it is (and write nothing).
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pathlib
import re
import sys
from typing import Any, Iterable, List, Set, Tuple

ROOT = pathlib.Path(__file__).resolve().parents[1]
STUB = ROOT / "python" / "eldercare" / "conditions.pyi"
MODULE = "eldercare.conditions"


def _imports(source: str, body: str) -> List[str]:
    """The module's import statements (those under `if TYPE_CHECKING:` too, __future__ aside), with
    only the names that `body` uses."""
    used = set(re.findall(r"\b\w+\b", body))
    out: List[str] = []

    def visit(nodes: Iterable[ast.stmt]) -> None:
        for node in nodes:
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                if isinstance(node, ast.ImportFrom) and node.module == "__future__":
                    continue
                node.names = [a for a in node.names if (a.asname or a.name).split(".")[0] in used]
                if node.names:
                    out.append(ast.unparse(node))
            elif isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING":
                visit(node.body)

    visit(ast.parse(source).body)
    return out


def _grouped(imports: List[str]) -> List[str]:
    """The import statements with a blank line between the absolute and the relative ones (the module
    lists them sorted, as ruff's isort rules want; the stub keeps that order)."""
    relative = [i for i in imports if i.startswith("from .")]
    absolute = [i for i in imports if not i.startswith("from .")]
    return absolute + ([""] if absolute and relative else []) + relative


def _wrapped(head: str, items: List[str], tail: str, indent: str = "") -> List[str]:
    """`head(items)tail` on one line, or one item a line when that is longer than 120 characters."""
    line = f"{indent}{head}{', '.join(items)}{tail}"
    if len(line) <= 120:
        return [line]
    return [f"{indent}{head}", *(f"{indent}    {i}," for i in items), f"{indent}{tail.lstrip()}"]


def _imported_elsewhere(package: pathlib.Path) -> Set[str]:
    """Names other modules of the package import from eldercare.conditions."""
    names: Set[str] = set()
    for path in sorted(package.glob("*.py")):
        if path.name == "conditions.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module in ("conditions", MODULE) and node.level <= 1:
                names.update(a.name for a in node.names)
    return names


def _annotation(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, type):
        return value.__qualname__
    return re.sub(r"\btyping\.", "", repr(value))


def _def(name: str, f: Any, indent: str = "") -> List[str]:
    params, result = _signature(f)
    return _wrapped(f"def {name}(", params, f"){result}: ...", indent)


def _signature(f: Any) -> Tuple[List[str], str]:
    sig = inspect.signature(f)
    parts: List[str] = []
    star = False
    for p in sig.parameters.values():
        if p.kind == p.KEYWORD_ONLY and not star:
            parts.append("*")
            star = True
        name = {p.VAR_POSITIONAL: "*", p.VAR_KEYWORD: "**"}.get(p.kind, "") + p.name
        star = star or p.kind == p.VAR_POSITIONAL
        text = name if p.annotation is p.empty else f"{name}: {_annotation(p.annotation)}"
        if p.default is not p.empty:
            text += " = ..."
        parts.append(text)
    result = "" if sig.return_annotation is sig.empty else f" -> {_annotation(sig.return_annotation)}"
    return parts, result


def _class(cls: type, indent: str = "    ") -> List[str]:
    lines = [f"class {cls.__name__}:"]
    for name, value in getattr(cls, "__annotations__", {}).items():
        lines.append(f"{indent}{name}: {_annotation(value)}")
    for name, value in vars(cls).items():
        if isinstance(value, property):
            lines += [f"{indent}@property", *_def(name, value.fget, indent)]
        elif isinstance(value, (staticmethod, classmethod)):
            lines += [f"{indent}@{type(value).__name__}", *_def(name, value.__func__, indent)]
        elif inspect.isfunction(value):
            lines += _def(name, value, indent)
    return lines


def render() -> str:
    module = importlib.import_module(MODULE)
    path = pathlib.Path(module.__file__)
    names = list(module.__all__) + sorted(n for n in _imported_elsewhere(path.parent) if n not in module.__all__)
    body = ["", *_wrapped("__all__ = [", [f'"{n}"' for n in module.__all__], "]")]
    after_class = True
    for name in names:
        obj = getattr(module, name)
        # Laid out as ruff formats a stub: a blank line around a class, none between functions.
        if inspect.isclass(obj) or after_class:
            body.append("")
        after_class = inspect.isclass(obj)
        body += _class(obj) if after_class else _def(name, obj)
    header = [
        "# Generated by tools/gen_condition_stubs.py from the imported eldercare.conditions, whose leaf",
        "# factories are made from the C++ leaf declarations (include/eldercare/rules/leaves.hpp). Do not",
        "# edit: rerun the script (python/tests/test_stubs.py fails while this file is stale).",
        "",
        *_grouped(_imports(path.read_text(encoding="utf-8"), "\n".join(body))),
    ]
    return "\n".join(header + body) + "\n"


def main(argv: List[str]) -> int:
    text = render()
    if "--check" in argv:
        current = STUB.read_text(encoding="utf-8") if STUB.exists() else ""
        if current != text:
            print(f"{STUB.relative_to(ROOT)} is stale: rerun tools/gen_condition_stubs.py", file=sys.stderr)
            return 1
        return 0
    STUB.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
