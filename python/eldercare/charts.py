"""Charts an analyst can publish: matplotlib Figures, drawn without touching pyplot or the backend.

Every function here returns a :class:`matplotlib.figure.Figure` made with its own Agg canvas, so
drawing a chart never switches the backend (``plt.show()`` in a notebook keeps working) and the
figure is not kept alive by pyplot. Pass ``path`` (a ``str`` or a path) to also write it; in a
notebook the returned figure shows itself. Policies are named by their titles (Chinese), drawn with a
CJK font found through matplotlib's font manager (:func:`cjk_font`; on Debian install
``fonts-noto-cjk``); where there is none, charts name them by id and warn with
:class:`FontFallbackWarning`. Money axes are in yuan (万元 where large) with thousands separators,
drawn from fen; grants paid yearly or once are hatched and annotated, non-money grants are drawn in
their own units.

>>> import pandas as pd
>>> from eldercare.charts import comparison_chart
>>> frame = pd.DataFrame({"month": ["2024-01", "2024-02"], "baseline_fen": [60000, 60000],
...                       "reform_fen": [80000, 160000]})
>>> fig = comparison_chart(frame, title="赴津冀蒙异地康养", policy="cn.beijing.xicheng.cross_region_care")
>>> len(fig.axes)
2
"""

from __future__ import annotations

import functools
import math
import os
import pathlib
import warnings
from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Sequence, Tuple, Union

from ._errors import ErrorId, invalid, invalid_type

__all__ = [
    "CJK_FAMILIES",
    "ChartedPolicy",
    "FontFallbackWarning",
    "PathArg",
    "cjk_font",
    "comparison_chart",
    "save",
    "simulation_chart",
]

#: What a chart may be written to: a file name as text, or a path.
PathArg = Union[str, "os.PathLike[str]"]


class FontFallbackWarning(UserWarning):
    """No font with Chinese glyphs was found: a chart names policies by id instead of by title.

    Install one (Debian: ``apt-get install fonts-noto-cjk``) and the titles are drawn instead.
    """


#: Font families with Chinese glyphs, the first found is used: Noto/Source Han (Linux, the set-up's
#: fonts-noto-cjk), WenQuanYi and Droid (older Linux), the Windows and macOS system fonts.
CJK_FAMILIES = (
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "Noto Serif CJK SC",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "Droid Sans Fallback",
    "Microsoft YaHei",
    "SimHei",
    "PingFang SC",
    "Hiragino Sans GB",
    "Heiti SC",
    "AR PL UMing CN",
)

#: Pieces of the file names of those fonts (lower case, no separators), for a font installed after
#: matplotlib cached its font list.
_CJK_FILES = ("notosanscjk", "notoserifcjk", "sourcehan", "wqy", "droidsansfallback", "msyh", "simhei", "pingfang")

#: Non-money units as an axis names them (the units are eldercare.BENEFIT_UNITS' words).
_UNIT_LABELS = {
    "service_hours": "service hours",
    "visits": "visits",
    "meals": "meals",
    "service_place": "places",
    "priority_points": "priority points",
    "device": "devices",
}

#: How a payment that is not monthly is marked: hatch and the words of the legend and annotation.
_MARKS = {"per_year": ("//", "yearly"), "one_off": ("xx", "one-off")}

#: Above this many yuan an axis counts in 万元 (10,000 yuan).
_WAN_FROM_YUAN = 100_000


@functools.cache
def cjk_font() -> Optional[str]:
    """The font family charts use for Chinese text: the first of :data:`CJK_FAMILIES` that
    matplotlib's font manager knows, or None when there is none.

    A font installed after matplotlib cached its list of fonts is found on the system and added to
    the font manager (once per process).
    """
    from matplotlib import font_manager

    def first() -> Optional[str]:
        known = {f.name for f in font_manager.fontManager.ttflist}
        return next((family for family in CJK_FAMILIES if family in known), None)

    found = first()
    if found is None:
        for path in font_manager.findSystemFonts():
            name = os.path.basename(path).lower().replace("-", "").replace("_", "")
            if any(piece in name for piece in _CJK_FILES):
                try:
                    font_manager.fontManager.addfont(path)
                except (OSError, RuntimeError, ValueError):  # a broken or unreadable font file: skip it
                    continue
        found = first()
    return found


def _needs_cjk(text: str) -> bool:
    """Whether text has characters that only a CJK font draws (CJK ideographs, punctuation, kana)."""
    return any(
        "\u2e80" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff" or "\uff00" <= c <= "\uffef" or c >= "\U00020000"
        for c in text
    )


class _Text:
    """The texts of one chart: names drawn in the CJK font, or ids when there is none (warned once)."""

    def __init__(self) -> None:
        self.family = cjk_font()
        self.replaced: List[str] = []

    def name(self, name: str, fallback: str) -> str:
        if self.family is not None or not _needs_cjk(name):
            return name
        self.replaced.append(fallback)
        return fallback

    def font(self, size: Optional[float] = None) -> Any:
        from matplotlib.font_manager import FontProperties

        families = [self.family, "sans-serif"] if self.family is not None else ["sans-serif"]
        return FontProperties(family=families, size=size)

    def warn(self) -> None:
        if self.replaced:
            shown = ", ".join(sorted(set(self.replaced))[:5])
            warnings.warn(
                FontFallbackWarning(
                    f"no font with Chinese glyphs found (looked for {', '.join(CJK_FAMILIES[:3])}, ...): "
                    f"the chart names {shown}{', ...' if len(set(self.replaced)) > 5 else ''} by id; "
                    "install one (Debian: fonts-noto-cjk) to draw the titles"
                ),
                stacklevel=3,
            )


def _figure(width: float, height: float) -> Any:
    """A figure on its own Agg canvas: pyplot, and so the backend, is never involved."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width, height), layout="constrained")
    FigureCanvasAgg(figure)
    return figure


def _path(path: Any, field: str) -> pathlib.Path:
    if isinstance(path, (str, os.PathLike)) and not isinstance(path, bytes):
        text = os.fspath(path)
        if isinstance(text, str) and text:
            return pathlib.Path(text)
        invalid(ErrorId.INVALID_PARAMETER, field, text, "expected a file name")
    invalid_type(field, path, "expected a file name: text (str) or a path")


def save(figure: Any, path: PathArg, *, dpi: int = 100) -> pathlib.Path:
    """Write `figure` to `path` (the format from its suffix: ``.png``, ``.svg``, ``.pdf``), making
    its folder; returns the path written."""
    target = _path(path, "path")
    target.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(target, dpi=dpi)
    return target


def _money_axis(axis: Any, largest_yuan: float, text: _Text, *, signed: bool = False) -> None:
    """Yuan with thousands separators, or 万元 when the amounts are large; the unit on the axis."""
    from matplotlib.ticker import FuncFormatter

    sign = "+" if signed else ""
    scale, decimals, label = 1, 0, "yuan"
    if largest_yuan >= _WAN_FROM_YUAN:
        scale, label = 10_000, text.name("万元 (10,000 yuan)", "10,000 yuan")
        decimals = 0 if largest_yuan >= 10 * _WAN_FROM_YUAN else 1

    def tick(value: float, _: Any) -> str:
        shown = f"{value / scale:{sign},.{decimals}f}"
        return shown.lstrip("+-") if float(shown.replace(",", "")) == 0 else shown  # "0", not "+0" or "-0"

    axis.yaxis.set_major_formatter(FuncFormatter(tick))
    axis.set_ylabel(label, fontproperties=text.font())


def _count_axis(axis: Any, label: str) -> None:
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    axis.yaxis.set_major_locator(MaxNLocator(nbins=4, integer=True))
    axis.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,.0f}"))
    axis.set_ylabel(label)


def _month_ticks(axis: Any, months: Sequence[str]) -> None:
    step = max(1, math.ceil(len(months) / 12))
    axis.set_xticks(range(0, len(months), step))
    axis.set_xticklabels([months[i] for i in range(0, len(months), step)], rotation=45 if len(months) > 4 else 0)


def _month_labels(values: Any) -> List[str]:
    labels = []
    for v in values:
        if hasattr(v, "strftime"):
            labels.append(v.strftime("%Y-%m"))
        else:
            labels.append(str(v))
    return labels


def _fen_column(frame: Any, column: str) -> List[Optional[int]]:
    """A column of whole fen (a missing value stays missing: it is drawn as a gap, never as 0)."""
    import pandas as pd

    out: List[Optional[int]] = []
    for i, v in enumerate(frame[column].tolist()):
        if v is None or (not isinstance(v, str) and bool(pd.isna(v))):
            out.append(None)
        elif isinstance(v, bool) or not float(v).is_integer():
            invalid(ErrorId.INVALID_MONEY, f"by_month.{column}[{i}]", v, "expected a whole number of fen")
        else:
            out.append(int(v))
    return out


def comparison_chart(
    by_month: Any,
    path: Optional[PathArg] = None,
    *,
    title: Optional[str] = None,
    policy: Optional[str] = None,
    baseline: str = "baseline",
    reform: str = "reform",
) -> Any:
    """Baseline and reform money by month, and their difference.

    Parameters
    ----------
    by_month : pandas.DataFrame
        One row per month, in order: ``month`` (``"YYYY-MM"`` text, a date or a period),
        ``baseline_fen`` and ``reform_fen`` (whole fen; a missing value is drawn as a gap).
    path : str or path, optional
        Also write the chart there (:func:`save`).
    title : str, optional
        The policy's name (Chinese is drawn with :func:`cjk_font`).
    policy : str, optional
        The policy's id: the title when `title` cannot be drawn (with a :class:`FontFallbackWarning`)
        or is not given.
    baseline, reform : str
        The legend's names for the two.

    Returns
    -------
    matplotlib.figure.Figure
        Two panels: the two amounts side by side per month (yuan, or 万元 when large), and reform
        minus baseline, with the total difference over the months in the title.
    """
    import pandas as pd

    if not isinstance(by_month, pd.DataFrame):
        invalid_type("by_month", by_month, "expected a DataFrame")
    for column in ("month", "baseline_fen", "reform_fen"):
        if column not in by_month.columns:
            invalid(
                ErrorId.MISSING_INPUT,
                "by_month",
                ", ".join(map(str, by_month.columns)),
                f"has no column {column!r} (expected month, baseline_fen, reform_fen)",
            )
    months = _month_labels(by_month["month"])
    before = _fen_column(by_month, "baseline_fen")
    after = _fen_column(by_month, "reform_fen")
    change = [None if a is None or b is None else a - b for a, b in zip(after, before)]
    text = _Text()
    name = text.name(title, policy or "the policy") if title else (policy or "")

    figure = _figure(max(7.0, 0.55 * len(months) + 3), 6.5)
    top, bottom = figure.subplots(2, 1, sharex=True, gridspec_kw={"height_ratios": [3, 2]})
    x = list(range(len(months)))
    width = 0.4
    nan = float("nan")
    top.bar([i - width / 2 for i in x], [nan if v is None else v / 100 for v in before], width, label=baseline)
    top.bar([i + width / 2 for i in x], [nan if v is None else v / 100 for v in after], width, label=reform)
    largest = max([abs(v) / 100 for v in (*before, *after) if v is not None] or [0.0])
    _money_axis(top, largest, text)
    top.legend(prop=text.font(8), loc="upper left")
    top.set_title(
        (f"{name}: " if name else "") + f"{baseline} and {reform} by month", fontproperties=text.font(11), loc="left"
    )
    top.grid(axis="y", alpha=0.3)

    colours = ["tab:green" if (d or 0) >= 0 else "tab:red" for d in change]
    bottom.bar(x, [nan if d is None else d / 100 for d in change], 0.6, color=colours)
    bottom.axhline(0, color="black", linewidth=0.8)
    _money_axis(bottom, max([abs(d) / 100 for d in change if d is not None] or [0.0]), text, signed=True)
    total = sum(d for d in change if d is not None)  # Python ints: exact
    sign = "+" if total >= 0 else "−"
    bottom.set_title(
        f"{reform} − {baseline}: {sign}{abs(total) / 100:,.2f} yuan over {len(months)} months",
        fontproperties=text.font(10),
        loc="left",
    )
    bottom.grid(axis="y", alpha=0.3)
    _month_ticks(bottom, months)
    text.warn()
    if path is not None:
        save(figure, path)
    return figure


@dataclass(frozen=True)
class ChartedPolicy:
    """What a chart needs to know of a policy besides its numbers.

    Attributes
    ----------
    id : str
        The catalog id (drawn where the name cannot be).
    name : str
        Its title, as drawn (Chinese).
    jurisdiction : str
        Who pays: policies of one jurisdiction share a panel, others never share a bar.
    unit : str
        What it grants (``"money"``, ``"service_hours"``, ..., or ``"mixed"``).
    period : str
        How it is paid (``"per_month"``, ``"per_year"``, ``"one_off"``, ...); yearly and one-off
        money is hatched and annotated.
    """

    id: str
    name: str
    jurisdiction: str
    unit: str
    period: str


def _jurisdiction_id(ids: Sequence[str]) -> str:
    """A jurisdiction named by its policies' ids, where its name cannot be drawn: the ids' common
    dotted prefix (``beijing.xicheng``)."""
    parts = [i.split(".") for i in ids]
    common: List[str] = []
    for pieces in zip(*parts):
        if len(set(pieces)) > 1:
            break
        common.append(pieces[0])
    if len(ids) == 1 and len(common) > 1:
        common = common[:-1]
    if common and common[0] == "cn" and len(common) > 1:
        common = common[1:]
    return ".".join(common) or ", ".join(ids)


def _values(monthly: Any, column: str, pid: str, months: Sequence[str]) -> Tuple[List[float], List[bool]]:
    """A policy's column by month, as floats to draw, and which months are missing (undetermined)."""
    rows = monthly[monthly["policy"] == pid].set_index("month").reindex(list(months))
    values: List[float] = []
    missing: List[bool] = []
    cells: List[Any] = rows[column].tolist() if column in rows else [None] * len(months)
    for v in cells:
        gone = v is None or v != v or str(v) == "<NA>"
        missing.append(gone)
        values.append(0.0 if gone else float(v))
    return values, missing


def _shade_undetermined(axis: Any, missing: Sequence[bool], handles: List[Any]) -> None:
    """Months whose amounts are unknown (before a scheme's first known date): shaded, not drawn as 0."""
    from matplotlib.patches import Patch

    for i, gone in enumerate(missing):
        if gone:
            axis.axvspan(i - 0.5, i + 0.5, color="grey", alpha=0.2, linewidth=0)
    if any(missing):
        handles.append(Patch(color="grey", alpha=0.2, label="undetermined (before the scheme's first known date)"))


#: A policy as drawn: its facts, its values by month (yuan or its unit), which months are unknown,
#: and whether it is money.
Drawn = Tuple[ChartedPolicy, List[float], List[bool], bool]


def _money_panel(axis: Any, drawn: Sequence[Drawn], text: _Text) -> None:
    """Money of one jurisdiction stacked by policy; yearly and one-off payments hatched, and
    annotated where they weigh (a tenth of the tallest month or more)."""
    months = len(drawn[0][1])
    x = list(range(months))
    handles: List[Any] = []
    bottom = [0.0] * months
    marked: Dict[int, str] = {}
    missing = [False] * months
    for p, values, gone, _ in drawn:
        hatch, word = _MARKS.get(p.period, (None, ""))
        label = text.name(p.name, p.id) + (f" ({word})" if word else "")
        handles.append(axis.bar(x, values, bottom=bottom, label=label, hatch=hatch, edgecolor="white"))
        for i, v in enumerate(values):
            if word and v:
                marked[i] = word
        bottom = [b + v for b, v in zip(bottom, values)]
        missing = [m or g for m, g in zip(missing, gone)]
    top = max(bottom)
    for i, word in sorted(marked.items()):
        if bottom[i] >= top / 10:
            axis.annotate(f"{word} payment", (i, bottom[i]), ha="center", va="bottom", fontsize=7)
    _money_axis(axis, top, text)
    axis.set_ylim(0, top * (1.25 + 0.12 * len(handles)) or 1)  # room for the legend and annotations
    _shade_undetermined(axis, missing, handles)
    axis.legend(handles=handles, prop=text.font(7), loc="upper left")


def _unit_panel(axis: Any, drawn: Sequence[Drawn], unit: str, text: _Text) -> None:
    """Non-money grants of one unit (hours, visits, meals, places, ...) by month, in that unit."""
    words = _UNIT_LABELS.get(unit, unit.replace("_", " "))
    x = list(range(len(drawn[0][1])))
    handles: List[Any] = []
    missing = [False] * len(x)
    for p, values, gone, _ in drawn:
        hatch, word = _MARKS.get(p.period, (None, ""))
        label = f"{text.name(p.name, p.id)} ({words}{', ' + word if word else ''})"
        if word:  # granted once (a place, a device): the month it is granted, as a bar
            handles.append(axis.bar(x, values, 0.5, label=label, hatch=hatch, edgecolor="white"))
        else:
            (line,) = axis.plot(x, values, marker="o", markersize=3, label=label)
            handles.append(line)
        missing = [m or g for m, g in zip(missing, gone)]
    _count_axis(axis, words)
    top = max(max(values) for _, values, *_ in drawn)
    axis.set_ylim(0, top * (1.3 + 0.25 * len(handles)) or 1)
    _shade_undetermined(axis, missing, handles)
    axis.legend(handles=handles, prop=text.font(7), loc="upper left")


def simulation_chart(
    monthly: Any,
    policies: Sequence[ChartedPolicy],
    path: Optional[PathArg] = None,
    *,
    title: Optional[str] = None,
) -> Any:
    """What a simulation pays and delivers month by month: one panel per jurisdiction.

    Parameters
    ----------
    monthly : pandas.DataFrame
        :attr:`eldercare.simulate.Simulation.monthly`: ``policy``, ``month``, ``amount_fen`` and
        ``quantity`` (non-money grants; may be absent); a missing amount (an undetermined month) is
        shaded, never drawn as 0.
    policies : sequence of ChartedPolicy
        The policies to draw, in order; those that grant nothing over the months are left out.
    path : str or path, optional
        Also write the chart there (:func:`save`).
    title : str, optional
        The figure's title.

    Returns
    -------
    matplotlib.figure.Figure
        A panel per jurisdiction, titled with its name: its money stacked by policy (yuan or 万元,
        thousands separated; yearly and one-off payments hatched and annotated), then an axis per
        non-money unit (hours, visits, meals as lines; places and devices granted once as bars).
    """
    import pandas as pd

    if not isinstance(monthly, pd.DataFrame):
        invalid_type("monthly", monthly, "expected a DataFrame")
    months = sorted(str(m) for m in monthly["month"].unique())
    text = _Text()
    panels: Dict[str, List[Drawn]] = {}
    for p in policies:
        is_money = p.unit == "money"
        values, missing = _values(monthly, "amount_fen" if is_money else "quantity", p.id, months)
        if not any(values):
            continue
        if is_money:
            values = [v / 100 for v in values]
        panels.setdefault(p.jurisdiction, []).append((p, values, missing, is_money))

    columns = 2 if len(panels) > 1 else 1
    rows = max(1, math.ceil(len(panels) / columns))
    figure = _figure(7.5 * columns, 4.2 * rows + 0.6)
    if title:
        figure.suptitle(title, fontproperties=text.font(13))
    if not panels:
        axis = figure.subplots()
        axis.text(0.5, 0.5, "nothing granted in these months", ha="center", va="center")
        axis.set_axis_off()
    cells = figure.subfigures(rows, columns, squeeze=False).ravel() if panels else []
    for cell in cells[len(panels) :]:
        cell.set_visible(False)
    for cell, (jurisdiction, drawn) in zip(cells, panels.items()):
        money = [d for d in drawn if d[3]]
        units = list(dict.fromkeys(p.unit for p, *_ in drawn if p.unit != "money"))
        # A panel: the money of the jurisdiction's policies stacked, then one axis per other unit.
        heights = ([3.0] if money else []) + [1.6 if money else 3.0 / len(units)] * len(units)
        axes = cell.subplots(len(heights), 1, sharex=True, squeeze=False, height_ratios=heights).ravel()
        ids = [p.id for p, *_ in drawn]
        axes[0].set_title(text.name(jurisdiction, _jurisdiction_id(ids)), fontproperties=text.font(11), loc="left")
        if money:
            _money_panel(axes[0], money, text)
        for axis, unit in zip(axes[1:] if money else axes, units):
            _unit_panel(axis, [d for d in drawn if d[0].unit == unit], unit, text)
        for axis in axes:
            axis.grid(axis="y", alpha=0.3)
            axis.set_xlim(-0.6, len(months) - 0.4)
        _month_ticks(axes[-1], months)
    text.warn()
    if path is not None:
        save(figure, path)
    return figure
