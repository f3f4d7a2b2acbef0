"""The package's modules import each other at the top only, in layers (docs/design.md).

The layers themselves (a lower layer never imports a higher one) are checked by import-linter
(pyproject.toml, run by tests/lint). These tests check what import-linter cannot see: an import of the
package hidden inside a function (a cycle dodged at run time instead of removed), an import of a name
of the package's ``__init__`` (which imports every module, so it is above them all), and that the
order written down (the package's docstring, docs/design.md) is the order checked.
"""

from __future__ import annotations

import ast
import pathlib
import re
from typing import Iterator, List, Set, Tuple, Union

import pytest

# The package's source (read, not imported: tests/lint runs this file without a build).
PACKAGE = pathlib.Path(__file__).resolve().parents[1] / "eldercare"
MODULES = sorted(p for p in PACKAGE.glob("*.py"))

#: Packages a function may import when first used, and why: each is optional, or heavy to import
#: and needed by a few functions only.
IMPORTED_ON_USE = {
    "pandas": "a dependency, but 0.2-0.5 s to import; `import eldercare` and the command line start without it",
    "pyarrow": "optional (the `arrow` extra)",
    "matplotlib": "optional (the `plot` extra)",
    "dask": "optional (eldercare.dask)",
    "openpyxl": "optional (the `excel` extra): only spreadsheets need it",
}

Import = Union[ast.Import, ast.ImportFrom]


def _imports_in_functions(tree: ast.AST) -> Iterator[Tuple[str, Import]]:
    """Every import statement inside a function body (methods and nested functions included), once,
    with the name of the innermost function holding it."""

    def visit(node: ast.AST, function: str) -> Iterator[Tuple[str, Import]]:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                yield from visit(child, child.name)
            elif isinstance(child, (ast.Import, ast.ImportFrom)):
                if function:
                    yield function, child
            else:
                yield from visit(child, function)

    return visit(tree, "")


def _imported(node: Import) -> List[str]:
    """The modules a statement imports, as written (".x" for a relative one)."""
    if isinstance(node, ast.Import):
        return [a.name for a in node.names]
    return ["." * node.level + (node.module or "")]


def _function_import_findings(source: str, name: str) -> List[str]:
    findings = []
    for function, node in _imports_in_functions(ast.parse(source)):
        for module in _imported(node):
            top = module.split(".")[0]
            if module.startswith(".") or top == "eldercare":
                findings.append(f"{name}:{node.lineno} {function}() imports {module or '.'}: import it at the top")
            elif top not in IMPORTED_ON_USE:
                findings.append(
                    f"{name}:{node.lineno} {function}() imports {module}: import it at the top, or list it in "
                    "IMPORTED_ON_USE with the reason"
                )
    return findings


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_no_import_of_the_package_inside_a_function(path: pathlib.Path) -> None:
    # A same-level statement nested anywhere in a def counts (methods, nested functions, branches).
    findings = _function_import_findings(path.read_text(encoding="utf-8"), path.name)
    assert not findings, "\n".join(findings)


def _root_import_findings(source: str, name: str, modules: Set[str]) -> List[str]:
    findings = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.level == 1 and node.module is None:
            names = [a.name for a in node.names if a.name not in modules]
        elif isinstance(node, ast.Import):
            names = [a.name for a in node.names if a.name == "eldercare"]
        else:
            continue
        findings += [f"{name}:{node.lineno} imports {n} from the package root" for n in names]
    return findings


@pytest.mark.parametrize("path", [p for p in MODULES if p.name != "__init__.py"], ids=lambda p: p.name)
def test_the_package_root_is_never_imported(path: pathlib.Path) -> None:
    # `from . import x` must name a module (or the compiled _core), not a name of __init__.py.
    modules = {p.stem for p in MODULES} | {"_core"}
    findings = _root_import_findings(path.read_text(encoding="utf-8"), path.name, modules)
    assert not findings, "\n".join(findings)


# --- the checks find what they are for ------------------------------------------------------------

_HIDDEN = """
import json

def top_level():
    import pandas as pd
    return pd

class Rule:
    def evaluate(self):
        from ._decision import RuleOutcome
        if True:
            import eldercare.catalog
        return RuleOutcome

    def helper(self):
        def inner():
            from . import catalog
            import numpy
            import pkgutil
        return inner
"""


def test_the_function_import_check_finds_hidden_imports() -> None:
    findings = _function_import_findings(_HIDDEN, "m.py")
    assert [f.split(" imports ")[1].split(":")[0] for f in findings] == [
        "._decision",
        "eldercare.catalog",
        ".",
        "numpy",
        "pkgutil",
    ]
    assert all("evaluate()" in f for f in findings[:2]) and all("inner()" in f for f in findings[2:])


def test_the_root_import_check_finds_names_of_the_root() -> None:
    source = "from . import _core, catalog, __version__\nimport eldercare\nimport eldercare.io\n"
    findings = _root_import_findings(source, "m.py", {"_core", "catalog"})
    assert findings == [
        "m.py:1 imports __version__ from the package root",
        "m.py:2 imports eldercare from the package root",
    ]


# --- the order written down is the order checked ----------------------------------------------------


def _checked_layers() -> List[str]:
    """The layers of the import-linter contract in pyproject.toml, from the top (the entry point
    __main__ aside)."""
    text = (PACKAGE.parents[1] / "pyproject.toml").read_text(encoding="utf-8")
    block = re.search(r"^layers = \[(.*?)^\]", text, re.M | re.S)
    assert block is not None
    return [layer for layer in re.findall(r'"([^"]+)"', block.group(1)) if layer != "__main__"]


def test_the_package_docstring_lists_the_checked_layers() -> None:
    docstring = ast.get_docstring(ast.parse((PACKAGE / "__init__.py").read_text(encoding="utf-8")))
    assert docstring is not None
    listing = docstring.split("checks it)::\n\n", 1)[1]
    written = [re.split(r"\s{2,}", line.strip())[0] for line in listing.splitlines() if line.startswith("    ")]
    assert written == _checked_layers()


def test_the_design_page_lists_the_checked_layers() -> None:
    page = (PACKAGE.parents[1] / "docs" / "design.md").read_text(encoding="utf-8")
    section = page.split("## The Python package in layers", 1)[1]
    cells = [line.split(" | ")[0].lstrip("| ") for line in section.splitlines() if line.startswith("| `")]
    written = [cell.replace(" (and `__main__`)", "").replace("`", "").replace("\\|", "|") for cell in cells]
    assert written == _checked_layers()
