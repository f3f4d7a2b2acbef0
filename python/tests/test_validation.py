"""eldercare.validation and `eldercare validate`: the published figures, the validation table's
arithmetic on a constructed case (the C++ test works the same case by hand), a reading the figures
contradict, the docs page kept current, and the chart made without touching the global backend."""

from __future__ import annotations

import json
import math
import os
import pathlib
import subprocess
import sys
from typing import List

import matplotlib
import pytest

import eldercare as ec
from eldercare import validation

ROOT = pathlib.Path(__file__).resolve().parents[2]
PAGE = ROOT / "docs" / "validation.md"
ENV = {**os.environ, "PYTHONIOENCODING": "utf-8"}


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "eldercare", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=ENV,
        timeout=600,
    )


def ten_elders() -> List[ec.Person]:
    # Ten Xi'an elders on 2022-07-01: two aged 65-66, seven aged 70-76, one aged 85.
    births = ["1957-01-01", "1956-01-01"] + [f"{y}-01-01" for y in range(1952, 1945, -1)] + ["1937-01-01"]
    return [ec.Person(f"p{i}", b, hukou="610113", residence="610113") for i, b in enumerate(births)]


def test_the_figures_are_declared_once_with_the_seed_words() -> None:
    figs = validation.figures().set_index("id")
    f = figs.loc["xian.advanced_age.recipients"]
    assert (int(f.value), f.unit, f.quote) == (720000, "persons", "为72万老年人发放高龄保健补贴")
    assert int(figs.loc["xian.advanced_age.spending"].value) == 56_000_000_000  # 约5.6亿元 in fen
    # Every quote is in its seed (docs/sources/ holds the seeds).
    for row in figs.itertuples():
        seed = (ROOT / "docs" / "sources" / row.source.split("/")[-1]).read_text(encoding="utf-8")
        assert row.quote in seed, row.Index
    # The catalog's parameters are the same figures, not a second copy of them.
    params = ec.catalog.entry("cn.shaanxi.xian.advanced_age_allowance").parameters().set_index("name")
    assert params.loc["recipients", "value"].replace(",", "") == str(int(f.value))


def test_every_modelled_figure_has_rows_for_each_combination() -> None:
    models = validation.models().set_index("figure")
    assert "xian.advanced_age.recipients" in models.index
    rows = validation.table("xian.advanced_age.recipients", sample=400, seed=1)
    # xian.advanced_age_bands (3) × xian.annual_certification (2), the defaults first.
    assert len(rows) == 6
    assert rows.iloc[0].is_default and rows.is_default.sum() == 1
    assert set(rows.verdict) <= {"consistent", "contradicted", "calibrated"}


def test_the_arithmetic_on_ten_elders_agrees_with_the_hand_worked_cpp_case() -> None:
    rows = validation.validate_on("xian.advanced_age.recipients", ten_elders(), base_elders=1_000_000)
    by = {
        (r["readings"]["xian.advanced_age_bands"], r["readings"]["xian.annual_certification"]): r
        for r in rows.to_dict("records")
    }
    from70 = by[("flat_from_70", "not_tested")]
    # 8 of 10 aged 70+ → 800,000; take-up 720,000 ÷ 800,000 = 0.9; gap +11.11%.
    assert (from70["sample_eligible"], from70["modelled"]) == (8, 800_000)
    assert from70["take_up"] == pytest.approx(0.9)
    assert from70["gap_percent"] == pytest.approx(100 * 80_000 / 720_000)
    # (0.8 + 2·√(0.8·0.2/10)) × 1,000,000 = 1,052,982.
    assert from70["modelled_upper"] == 1_052_982
    # 8 × 77,778 fen × 100,000 = 62,222,400,000 fen a year against 56,000,000,000.
    assert from70["modelled_spending_fen"] == 62_222_400_000
    assert from70["verdict"] == "consistent" and from70["rank"] == 1


def test_a_reading_the_figures_contradict_is_marked_so() -> None:
    rows = validation.validate_on("xian.advanced_age.recipients", ten_elders(), base_elders=1_000_000)
    by = {
        (r["readings"]["xian.advanced_age_bands"], r["readings"]["xian.annual_certification"]): r
        for r in rows.to_dict("records")
    }
    from80 = by[("flat_from_80", "not_tested")]
    # 1 of 10 aged 80+: 100,000 modelled, at most (0.1 + 2·√(0.009)) × 1,000,000 = 289,737 < 720,000 paid.
    assert from80["modelled"] == 100_000
    assert from80["modelled_upper"] == 289_737
    assert from80["verdict"] == "contradicted" and from80["rank"] == 0
    # Nobody certified: nobody eligible, an infinite take-up, and the rule of three's bound 300,000.
    nobody = by[("flat_from_70", "required")]
    assert nobody["modelled"] == 0 and math.isinf(nobody["take_up"])
    assert nobody["verdict"] == "contradicted"
    # A wide enough calibration margin makes the same count consistent.
    wide = validation.validate_on("xian.advanced_age.recipients", ten_elders(), base_elders=1_000_000, uncertainty=1.5)
    assert wide.iloc[1].verdict == "consistent"


def test_the_evidence_about_a_reading_ranks_its_values() -> None:
    ev = validation.evidence("xian.advanced_age_bands", sample=2000, seed=5)
    assert list(ev.figure.unique()) == ["xian.advanced_age.recipients"]
    assert set(ev.value) == {"flat_from_70", "flat_from_80", "demo_tiers"}
    # The 80+ are far fewer than the 72万 paid: contradicted, listed last.
    assert ev.iloc[-1].value == "flat_from_80" and ev.iloc[-1].verdict == "contradicted"
    assert bool(ev[ev.value == "flat_from_70"].is_default.iloc[0])
    assert validation.evidence("age.leap_day", sample=10).empty
    with pytest.raises(ec.InvalidValue, match="reading"):
        validation.evidence("no.such.reading")


def test_bad_arguments_name_the_field() -> None:
    with pytest.raises(ec.InvalidValue, match="figure"):
        validation.table("xian.nothing", sample=10)
    with pytest.raises(ec.InvalidValue, match="sample"):
        validation.table(sample=0)
    with pytest.raises(ec.InvalidValue, match="base_elders"):
        validation.validate_on("xian.advanced_age.recipients", ten_elders(), base_elders=0)
    with pytest.raises(ec.InvalidType, match=r"persons\[0\]"):
        validation.validate_on("xian.advanced_age.recipients", ["x"], base_elders=1)  # type: ignore[list-item]


def test_the_planning_norms_on_published_figures() -> None:
    norms = validation.norms().set_index("norm_id")
    assert norms.loc["meal_points_per_1000_elders"].required == 288  # ⌈287,321 ÷ 1,000⌉
    assert bool(norms.loc["meal_points_per_1000_elders"].met)
    assert norms.loc["meal_points_target_2024"].gap == 24  # 320 − 296
    assert norms.loc["nursing_bed_share"].required == 19_183  # 50% of 38,366
    assert bool(norms.loc["nursing_bed_share"].met)


def test_the_docs_page_is_current() -> None:
    assert validation.page_is_current(PAGE), (
        "docs/validation.md is stale: run eldercare validate --write docs/validation.md"
    )
    assert (ROOT / "docs" / "validation.png").stat().st_size > 0


def test_every_gap_over_25_percent_is_explained_on_the_page() -> None:
    header: List[str] = []
    checked = 0
    for line in PAGE.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("| Readings |"):
            header = cells
            continue
        if not header or not line.startswith("| ") or line.startswith("|---"):
            header = header if line.startswith("|") else []
            continue
        row = dict(zip(header, cells))
        gap = int(row["Gap"].rstrip("%"))
        if abs(gap) > 25:
            assert row["Why a gap over 25%"], line
            checked += 1
    assert checked > 0  # the page has such gaps, and each was read


def test_the_chart_leaves_the_global_backend_alone() -> None:
    before = matplotlib.get_backend()
    rows = validation.table("xian.advanced_age.recipients", sample=200, seed=3)
    fig = validation.chart(rows=rows)
    assert len(fig.axes) == 1 and len(fig.axes[0].patches) == len(rows)
    assert matplotlib.get_backend() == before


def test_the_command_line_prints_and_checks(tmp_path: pathlib.Path) -> None:
    r = run("validate", "--figure", "xian.advanced_age.recipients", "--sample", "300")
    assert r.returncode == 0, r.stderr
    assert "xian.advanced_age.recipients" in r.stdout and "contradicted" in r.stdout
    r = run("validate", "--figure", "xian.advanced_age.recipients", "--sample", "300", "--json")
    assert r.returncode == 0, r.stderr
    assert len(json.loads(r.stdout)) == 6
    r = run("validate", "--figure", "xian.nothing")
    assert r.returncode == 2 and "xian.nothing" in r.stderr and "Traceback" not in r.stderr
    stale = tmp_path / "validation.md"
    stale.write_text("old\n", encoding="utf-8")
    r = run("validate", "--check", str(stale), "--sample", "50")
    assert r.returncode == 1 and "stale" in r.stderr
