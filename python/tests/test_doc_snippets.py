"""The Python code the documentation site quotes (docs/snippets/**/*.py) runs, and its asserts hold.

Each snippet is a script with `assert`s; it runs with runpy in a fresh namespace, from an empty
temporary directory (so a snippet cannot depend on, or write into, the checkout). The C++ snippets
are ctest tests (docs/snippets/CMakeLists.txt).

Code that needs what CI does not have (a dask scheduler and workers, a SLURM or Kubernetes cluster)
lives under a ``compile_only/`` directory (docs/snippets/<section>/compile_only/): it is not run, but
its Python is compiled, every name it takes from eldercare must exist, and its calls to eldercare's
functions must fit their signatures; its shell scripts must pass ``bash -n``.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pathlib
import runpy
import shutil
import subprocess
from types import ModuleType
from typing import Any, Dict, List, Optional

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
SNIPPET_ROOT = ROOT / "docs" / "snippets"
COMPILE_ONLY = "compile_only"


def _compile_only(path: pathlib.Path) -> bool:
    return COMPILE_ONLY in path.relative_to(SNIPPET_ROOT).parts


SNIPPETS = sorted(p for p in SNIPPET_ROOT.rglob("*.py") if not _compile_only(p))
COMPILE_ONLY_PY = sorted(p for p in SNIPPET_ROOT.rglob("*.py") if _compile_only(p))
COMPILE_ONLY_SH = sorted(p for p in SNIPPET_ROOT.rglob("*.sh") if _compile_only(p))


def test_there_are_python_snippets() -> None:
    # Guards the glob: an empty parametrization would otherwise pass silently.
    assert SNIPPETS, f"no .py snippets under {SNIPPET_ROOT}"


@pytest.mark.parametrize("snippet", SNIPPETS, ids=lambda p: p.relative_to(SNIPPET_ROOT).as_posix())
def test_snippet_runs(snippet: pathlib.Path, tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    runpy.run_path(str(snippet), run_name="__main__")


def _eldercare_module(name: str) -> Optional[ModuleType]:
    """The eldercare module `name`, or None when it does not exist (other packages: not checked)."""
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError:
        return None


def _member(module: ModuleType, name: str) -> Any:
    """`module.name`, an attribute or a submodule; None when neither exists."""
    if hasattr(module, name):
        return getattr(module, name)
    return _eldercare_module(f"{module.__name__}.{name}")


def _call_problem(target: Any, call: ast.Call, what: str) -> Optional[str]:
    """Why `call` cannot bind to `target`'s signature (None when it can, or cannot be known)."""
    if any(isinstance(a, ast.Starred) for a in call.args) or any(k.arg is None for k in call.keywords):
        return None  # *args / **kwargs: the arguments are not all visible
    try:
        signature = inspect.signature(target)
    except (TypeError, ValueError):  # compiled functions without a signature
        return None
    try:
        signature.bind(*call.args, **{k.arg: k.value for k in call.keywords if k.arg is not None})
    except TypeError as e:
        return f"line {call.lineno}: {what}(...): {e}"
    return None


def compile_only_problems(source: str, filename: str) -> List[str]:
    """What is wrong with a compile-only Python snippet: a syntax error, a name taken from eldercare
    that eldercare lacks, a call to an eldercare function that its signature refuses."""
    try:
        tree = ast.parse(source, filename)
        compile(tree, filename, "exec")
    except SyntaxError as e:
        return [f"does not compile: {e}"]
    problems: List[str] = []
    bound: Dict[str, Any] = {}  # local name -> the eldercare object it stands for
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] != "eldercare":
                    continue
                module = _eldercare_module(alias.name)
                if module is None:
                    problems.append(f"line {node.lineno}: no module {alias.name}")
                elif alias.asname:
                    bound[alias.asname] = module
                else:
                    bound["eldercare"] = importlib.import_module("eldercare")
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "eldercare":
            module = _eldercare_module(node.module)
            if module is None:
                problems.append(f"line {node.lineno}: no module {node.module}")
                continue
            for alias in node.names:
                member = _member(module, alias.name)
                if member is None:
                    problems.append(f"line {node.lineno}: {node.module} has no {alias.name}")
                else:
                    bound[alias.asname or alias.name] = member
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in bound:
            owner = bound[node.value.id]
            if isinstance(owner, ModuleType) and _member(owner, node.attr) is None:
                problems.append(f"line {node.lineno}: {owner.__name__} has no {node.attr}")
        if not isinstance(node, ast.Call):
            continue
        if isinstance(node.func, ast.Name) and node.func.id in bound:
            problem = _call_problem(bound[node.func.id], node, node.func.id)
        elif (
            isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name)
            and isinstance(bound.get(node.func.value.id), ModuleType)
        ):
            target = _member(bound[node.func.value.id], node.func.attr)
            problem = None if target is None else _call_problem(target, node, f"{node.func.value.id}.{node.func.attr}")
        else:
            problem = None
        if problem:
            problems.append(problem)
    return problems


def test_compile_only_check_finds_what_it_is_for() -> None:
    # The check itself can fail: each of these is a problem it must report.
    wrong = {
        "syntax": "def f(:\n    pass\n",
        "missing name": "from eldercare.dask import simulate_on_the_moon\n",
        "missing module": "import eldercare.no_such_module\n",
        "missing attribute": "import eldercare as ec\nec.no_such_function()\n",
        "unknown keyword": "from eldercare.dask import simulate_dask\nsimulate_dask('p', None, '2024-01', nodes=3)\n",
    }
    for what, source in wrong.items():
        assert compile_only_problems(source, f"<{what}>"), what
    right = "import dask\nimport eldercare as ec\nfrom eldercare.dask import simulate_dask\nx = ec.format_fen\n"
    assert compile_only_problems(right, "<right>") == []


def test_there_are_compile_only_snippets() -> None:
    assert COMPILE_ONLY_PY and COMPILE_ONLY_SH, f"no compile_only .py and .sh under {SNIPPET_ROOT}"


@pytest.mark.parametrize("snippet", COMPILE_ONLY_PY, ids=lambda p: p.relative_to(SNIPPET_ROOT).as_posix())
def test_compile_only_python_compiles_against_eldercare(snippet: pathlib.Path) -> None:
    problems = compile_only_problems(snippet.read_text(encoding="utf-8"), str(snippet))
    assert not problems, f"{snippet.relative_to(ROOT)}:\n" + "\n".join(problems)


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
@pytest.mark.parametrize("script", COMPILE_ONLY_SH, ids=lambda p: p.relative_to(SNIPPET_ROOT).as_posix())
def test_compile_only_shell_parses(script: pathlib.Path) -> None:
    done = subprocess.run(["bash", "-n", str(script)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, f"{script.relative_to(ROOT)}: {done.stderr}"
