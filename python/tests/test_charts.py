"""Charts an analyst can publish (issue 14, item 5): Figures, never a backend switch, str or path,
titles in Chinese drawn with a CJK font (ids and a warning without one), money axes in yuan or 万元,
yearly payments marked, one panel per jurisdiction."""

from __future__ import annotations

import pathlib
import subprocess
import sys
import textwrap
import warnings
from typing import Any, Dict, List

import pytest

import eldercare as ec
from eldercare import charts, io
from eldercare.simulate import Simulation, sample_population_path, simulate

pd = pytest.importorskip("pandas")
matplotlib = pytest.importorskip("matplotlib")
from matplotlib import font_manager  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

XICHENG = "cn.beijing.xicheng.cross_region_care"
PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def year() -> Simulation:
    cases = io.load_cases(sample_population_path())
    return simulate(cases.persons, cases.facilities, "2024-01-01", 12)


def by_month(baseline: List[int], reform: List[int]) -> Any:
    months = [f"2024-{m:02d}" for m in range(1, len(baseline) + 1)]
    return pd.DataFrame({"month": months, "baseline_fen": baseline, "reform_fen": reform})


def panels(figure: Any) -> Dict[str, Any]:
    """The figure's panels by their title (twin axes, which have none, left out)."""
    return {a.get_title(loc="left"): a for a in figure.axes if a.get_title(loc="left")}


# --- no backend switch, no pyplot -------------------------------------------------------------------


def test_drawing_leaves_the_backend_and_pyplot_alone(tmp_path: pathlib.Path) -> None:
    # A fresh interpreter whose backend is not Agg: drawing and writing charts must keep it, and
    # never import pyplot (whose figures a notebook would show, or keep alive).
    script = textwrap.dedent(
        f"""
        import sys, warnings
        warnings.simplefilter("error")
        import matplotlib
        import pandas as pd
        from eldercare import charts, io
        from eldercare.simulate import sample_population_path, simulate
        before = matplotlib.get_backend()
        cases = io.load_cases(sample_population_path())
        sim = simulate(cases.persons, cases.facilities, "2024-01-01", 2)
        fig = sim.chart({str(tmp_path / "a.png")!r})
        sim.write({str(tmp_path / "out")!r})
        frame = pd.DataFrame({{"month": ["2024-01"], "baseline_fen": [60000], "reform_fen": [80000]}})
        charts.comparison_chart(frame, {str(tmp_path / "b.svg")!r})
        print(before, matplotlib.get_backend(), "matplotlib.pyplot" in sys.modules, type(fig).__name__)
        """
    )
    env = {**__import__("os").environ, "MPLBACKEND": "svg"}
    r = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=300)
    assert r.returncode == 0, r.stderr
    assert r.stdout.split() == ["svg", "svg", "False", "Figure"]
    assert (tmp_path / "a.png").read_bytes()[:8] == PNG
    assert (tmp_path / "out" / "simulate.png").read_bytes()[:8] == PNG
    assert (tmp_path / "b.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")


# --- str or path ------------------------------------------------------------------------------------


@pytest.mark.parametrize("as_text", [True, False], ids=["str", "path"])
def test_chart_and_write_take_a_str_or_a_path(year: Simulation, tmp_path: pathlib.Path, as_text: bool) -> None:
    png = tmp_path / "deep" / "x.png"
    figure = year.chart(str(png) if as_text else png)
    assert isinstance(figure, Figure)
    assert png.read_bytes()[:8] == PNG
    out = tmp_path / "dir"
    written = year.write(str(out) if as_text else out)
    assert [p.name for p in written] == ["summary.csv", "monthly.csv", "simulate.png"]
    assert all(isinstance(p, pathlib.Path) and p.exists() for p in written)


def test_chart_without_a_path_writes_nothing(year: Simulation, tmp_path: pathlib.Path) -> None:
    figure = year.chart()
    assert isinstance(figure, Figure) and not list(tmp_path.iterdir())


def test_a_path_of_the_wrong_type_is_refused_naming_it() -> None:
    with pytest.raises(ec.InvalidType) as e:
        charts.comparison_chart(by_month([1], [2]), 42)  # type: ignore[arg-type]
    assert e.value.field == "path" and e.value.value == "42"


# --- Chinese titles: a CJK font, or ids and a warning -----------------------------------------------


@pytest.mark.skipif(charts.cjk_font() is None, reason="no CJK font installed (tests/install-deps installs one)")
def test_chinese_titles_are_drawn_with_the_cjk_font(year: Simulation, tmp_path: pathlib.Path) -> None:
    family = charts.cjk_font()
    assert family in charts.CJK_FAMILIES
    fig = charts.comparison_chart(by_month([60000], [80000]), title="赴津冀蒙异地康养", policy=XICHENG)
    title = fig.axes[0].title if fig.axes[0].get_title() else fig.axes[0]._left_title
    assert title.get_text().startswith("赴津冀蒙异地康养")
    assert title.get_fontfamily()[0] == family
    # The family resolves to a font file that has the glyphs (not DejaVu's boxes).
    found = font_manager.findfont(title.get_fontproperties(), fallback_to_default=False)
    assert font_manager.FontProperties(fname=found).get_name() == family
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "Glyph ... missing from font(s)" would be a warning
        fig.savefig(tmp_path / "c.png")
        year.chart(tmp_path / "s.png")
    names = {a.get_title(loc="left") for a in year.chart().axes}
    assert "陕西省西安市" in names and "北京市西城区" in names


def test_without_a_cjk_font_charts_use_ids_and_warn(year: Simulation, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(charts, "cjk_font", lambda: None)
    with pytest.warns(charts.FontFallbackWarning, match="fonts-noto-cjk"):
        fig = charts.comparison_chart(by_month([60000], [80000]), title="赴津冀蒙异地康养", policy=XICHENG)
    assert fig.axes[0].get_title(loc="left").startswith(XICHENG + ": ")
    with pytest.warns(charts.FontFallbackWarning):
        fig = year.chart()
    titles = set(panels(fig))
    assert "shaanxi.xian" in titles and "beijing.xicheng" in titles
    assert not any(charts._needs_cjk(t.get_text()) for a in fig.axes for t in a.findobj(matplotlib.text.Text))
    assert issubclass(charts.FontFallbackWarning, UserWarning)
    # Text a default font draws needs no fallback and no warning.
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig = charts.comparison_chart(by_month([1], [2]), title="Xicheng cross-region care")
    assert fig.axes[0].get_title(loc="left").startswith("Xicheng cross-region care: ")


# --- the comparison chart -------------------------------------------------------------------------------


def test_the_comparison_chart_draws_both_and_the_difference() -> None:
    fig = charts.comparison_chart(by_month([60000, 60000, 0], [80000, 160000, 80000]), policy=XICHENG)
    top, bottom = fig.axes
    assert [c.get_label() for c in top.containers] == ["baseline", "reform"]
    assert [round(b.get_height(), 2) for b in top.containers[0]] == [600.0, 600.0, 0.0]
    assert [round(b.get_height(), 2) for b in top.containers[1]] == [800.0, 1600.0, 800.0]
    assert [round(b.get_height(), 2) for b in bottom.containers[0]] == [200.0, 1000.0, 800.0]
    assert bottom.get_title(loc="left") == "reform − baseline: +2,000.00 yuan over 3 months"
    assert top.get_ylabel() == "yuan"
    assert [t.get_text() for t in bottom.get_xticklabels()] == ["2024-01", "2024-02", "2024-03"]


def test_money_axes_separate_thousands_and_count_in_wan_when_large() -> None:
    small = charts.comparison_chart(by_month([1_234_500], [1_234_500]))
    assert small.axes[0].yaxis.get_major_formatter()(12345, 0) == "12,345"
    large = charts.comparison_chart(by_month([60000 * 5000], [80000 * 5000]))  # 3 and 4 million yuan
    top = large.axes[0]
    assert top.get_ylabel() == ("万元 (10,000 yuan)" if charts.cjk_font() else "10,000 yuan")
    assert top.yaxis.get_major_formatter()(4_000_000, 0) == "400"
    assert large.axes[1].yaxis.get_major_formatter()(1_000_000, 0) == "+100"
    assert [large.axes[1].yaxis.get_major_formatter()(v, 0) for v in (0.0, -0.0, -20_000)] == ["0", "0", "-2"]
    assert large.axes[1].get_title(loc="left") == "reform − baseline: +1,000,000.00 yuan over 1 months"


def test_a_loss_is_drawn_below_zero_and_a_missing_month_as_a_gap() -> None:
    frame = by_month([80000, 80000], [60000, 60000])
    frame["reform_fen"] = pd.array([60000, None], dtype="Int64")
    fig = charts.comparison_chart(frame, baseline="2020 rules", reform="2023 revision")
    bars = list(fig.axes[1].containers[0])
    assert bars[0].get_height() == -200.0 and bars[1].get_height() != bars[1].get_height()  # NaN: a gap
    assert fig.axes[1].get_title(loc="left") == "2023 revision − 2020 rules: −200.00 yuan over 2 months"


def test_bad_comparison_frames_are_refused_naming_the_field() -> None:
    with pytest.raises(ec.InvalidValue) as e:
        charts.comparison_chart(pd.DataFrame({"month": ["2024-01"], "baseline_fen": [1]}))
    assert e.value.field == "by_month" and "'reform_fen'" in str(e.value)
    with pytest.raises(ec.InvalidValue) as e:
        charts.comparison_chart(by_month([1], [2]).assign(reform_fen=[2.5]))
    assert e.value.field == "by_month.reform_fen[0]" and e.value.error_id == ec.ErrorId.INVALID_MONEY
    with pytest.raises(ec.InvalidType):
        charts.comparison_chart([("2024-01", 1, 2)])


# --- the main job's chart: one panel per jurisdiction -------------------------------------------------


def test_one_panel_per_jurisdiction_never_stacking_budgets(year: Simulation) -> None:
    fig = year.chart()
    drawn = panels(fig)
    granted = year.summary[(year.summary["total_fen"] > 0) | (year.summary["other_quantity"] > 0)]
    jurisdictions = {ec.catalog.entry(p).jurisdiction.split(" (")[0] for p in granted["policy"]}
    if charts.cjk_font() is not None:
        assert set(drawn) == jurisdictions
    assert len(drawn) == len(jurisdictions) > 1
    policies = {p.id: p for p in year.policies()}
    names = {p.name: p for p in policies.values()}
    for title, axis in drawn.items():
        labels = [c.get_label() for c in axis.containers]
        owners = {names[label.split(" (")[0]].jurisdiction for label in labels if label.split(" (")[0] in names}
        assert len(owners) <= 1, f"{title} stacks {owners}"


def test_yearly_payments_are_hatched_and_annotated(year: Simulation) -> None:
    xian = next(p for p in year.policies() if p.id == "cn.shaanxi.xian.advanced_age_allowance")
    assert xian.period == "per_year"
    fig = year.chart()
    axis = next(
        a for a in fig.axes if any(xian.id in c.get_label() or xian.name in c.get_label() for c in a.containers)
    )
    yearly = [c for c in axis.containers if c.get_label().endswith("(yearly)")]
    assert yearly and all(bar.get_hatch() == "//" for c in yearly for bar in c)
    notes = [t for t in axis.texts if t.get_text() == "yearly payment"]
    months = sorted(year.monthly["month"].unique())
    paid = year.monthly[(year.monthly["policy"] == xian.id) & (year.monthly["amount_fen"] > 0)]
    largest = paid.sort_values("amount_fen")["month"].iloc[-1]
    assert largest == "2024-01"  # Xi'an pays the year in January
    annotated = {months[round(t.xy[0])] for t in notes}
    assert largest in annotated and annotated <= set(paid["month"])


def test_non_money_grants_are_drawn_in_their_own_units(year: Simulation) -> None:
    weihai = ec.catalog.entry("cn.shandong.weihai.home_care_purchase")
    assert year.summary.set_index("policy").loc[weihai.id, "other_quantity"] > 0
    fig = year.chart()
    # Each unit has its own axis: hours are never drawn on the scale of devices or of yuan.
    units = {"yuan", "service hours", "devices", "places", "meals", "priority points"}
    assert {a.get_ylabel() for a in fig.axes} <= units | {"万元 (10,000 yuan)", "10,000 yuan"}
    hours = [a for a in fig.axes if a.get_ylabel() == "service hours"]
    assert len(hours) == 1
    rows = year.monthly[year.monthly["policy"] == weihai.id]
    assert int(rows["quantity"].sum()) == int(year.summary.set_index("policy").loc[weihai.id, "other_quantity"])
    (line,) = hours[0].get_lines()
    assert line.get_label().endswith("(service hours)")
    assert list(line.get_ydata()) == [float(q) for q in rows["quantity"]]
    assert (year.monthly.loc[year.monthly["policy"].isin(ec.simulate.computable_ids()[:1]), "quantity"] == 0).all()
