"""The notebooks of examples/notebooks/ run from top to bottom without an error or a warning, and
those with charts draw them. Each runs on a copy in a temporary directory: the committed files (with
their saved outputs) are never rewritten."""

from __future__ import annotations

import pathlib
import shutil
from typing import Any, List

import pytest

from conftest import ROOT

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")

pytestmark = pytest.mark.slow  # left out by `bash tests/run --quick`

NOTEBOOKS = ROOT / "examples" / "notebooks"
#: Every notebook, and whether it draws at least one chart.
EXPECTED = {
    "quickstart.ipynb": False,
    "xicheng_2023_vs_2020.ipynb": True,
    "reform_from_scratch.ipynb": True,
    "interpretation_sensitivity.ipynb": True,
    "cost_a_reform_xicheng_2024.ipynb": True,
}


def _outputs(nb: Any) -> List[Any]:
    return [o for cell in nb.cells if cell.cell_type == "code" for o in cell.get("outputs", [])]


def _pngs(nb: Any) -> int:
    return sum(1 for o in _outputs(nb) if "image/png" in o.get("data", {}))


def test_the_notebook_list_is_complete() -> None:
    assert sorted(p.name for p in NOTEBOOKS.glob("*.ipynb")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_committed_notebook_keeps_its_outputs(name: str) -> None:
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code and all(c.get("execution_count") for c in code), f"{name} is saved without running it"
    assert not [o for o in _outputs(nb) if o.get("output_type") == "error"]
    if EXPECTED[name]:
        assert _pngs(nb) >= 1, f"{name} is saved without its charts"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_notebook_runs(name: str, tmp_path: pathlib.Path) -> None:
    copy = tmp_path / name
    shutil.copyfile(NOTEBOOKS / name, copy)
    nb = nbformat.read(copy, as_version=4)
    for cell in nb.cells:  # run from a clean slate: the saved outputs must not satisfy the checks
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    client = nbclient.NotebookClient(
        nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
    )
    client.execute()  # raises CellExecutionError on any cell error
    nbformat.write(nb, copy)
    stderr = [o.get("text", "") for o in _outputs(nb) if o.get("output_type") == "stream" and o.get("name") == "stderr"]
    assert not stderr, f"{name} wrote to stderr (a warning?): {stderr}"
    if EXPECTED[name]:
        assert _pngs(nb) >= 1, f"{name} drew no chart"
