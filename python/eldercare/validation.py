"""The model against the published figures (issue 15).

The seeds publish what the schemes reached and cost (Xi'an's 72万 recipients of the 高龄保健补贴,
Rongcheng's 1.5万 elders at the 暖心食堂, Xicheng's 296 meal points...). This module compares the
catalog with them: for every figure the catalog can model, the modelled count under the default
readings and under each alternative, the implied take-up (published ÷ modelled eligible) and the gap
in percent; a reading under which fewer people are eligible than were paid, beyond the model's
uncertainty, is *contradicted by the published figures*. The figures, the models and the arithmetic
are the C++ library's (``eldercare/catalog/published_figures.hpp``, ``validation.hpp``); this module
turns them into tables, a page and a chart.

>>> import eldercare as ec
>>> f = ec.validation.figures().set_index("id").loc["xian.advanced_age.recipients"]
>>> int(f.value), f.quote
(720000, '为72万老年人发放高龄保健补贴')

- :func:`figures`: every published figure with the seed's words;
- :func:`models`: how each modelled figure is modelled (profile, base, readings, uncertainty);
- :func:`table`: the validation rows (one per figure and combination of readings);
- :func:`validate_on`: the same for a given sample (a constructed case);
- :func:`evidence`: what the figures say about one reading, its values ranked;
- :func:`norms`: planning norms on the published supply and the census elders;
- :func:`page`, :func:`chart`, :func:`write_page`, :func:`page_is_current`: ``docs/validation.md``.
"""

from __future__ import annotations

import math
import pathlib
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Union

from . import _core
from ._errors import ErrorId, invalid, invalid_type
from ._values import Facility, FacilityRegistry, Person, _facilities_arg

__all__ = [
    "DEFAULT_SAMPLE",
    "DEFAULT_SEED",
    "chart",
    "evidence",
    "figures",
    "models",
    "norms",
    "page",
    "page_is_current",
    "table",
    "text_table",
    "validate_on",
    "write_page",
]

#: Persons drawn per model for the page (each model's profile, as of its date).
DEFAULT_SAMPLE = 20_000
#: The seed of the page's samples.
DEFAULT_SEED = 2020

_ROW_COLUMNS = [
    "figure",
    "policy_id",
    "readings",
    "is_default",
    "published",
    "modelled",
    "modelled_upper",
    "take_up",
    "gap_percent",
    "published_spending_fen",
    "modelled_spending_fen",
    "spending_take_up",
    "spending_gap_percent",
    "verdict",
    "rank",
    "sample_size",
    "sample_eligible",
    "sample_undetermined",
]


def figures() -> Any:
    """Every published figure, as a DataFrame: ``id``, ``place``, ``policy_id`` (the catalog entry it
    speaks to, or empty), ``measure`` (recipients, spending, supply), ``value`` (persons or units; fen
    a year for spending), ``unit``, ``qualifier`` (the seed's 余, 约 or 累计), ``when``, ``quote`` (the
    seed's words, verbatim) and ``source`` (the seed file)."""
    import pandas as pd

    return pd.DataFrame(_core.published_figures())


def models() -> Any:
    """How each modelled figure is modelled, as a DataFrame: ``figure``, ``spending`` (the money
    figure of the same scheme, or empty), ``profile``, ``base_elders`` (how many elders the sample
    stands for) with ``base_what``, ``base_source`` and ``base_tag``, ``on`` (the date),
    ``readings`` (varied), ``uncertainty`` (the relative calibration margin) with its reason,
    ``calibrated_from`` (non-empty when the profile was calibrated from the figure: a check, not
    evidence) and ``gap_note`` (what explains a gap)."""
    import pandas as pd

    return pd.DataFrame(_core.figure_models())


def _frame(rows: Iterable[Mapping[str, Any]]) -> Any:
    import pandas as pd

    return pd.DataFrame(list(rows), columns=_ROW_COLUMNS)


def table(figure: Optional[str] = None, *, sample: int = DEFAULT_SAMPLE, seed: int = DEFAULT_SEED) -> Any:
    """The validation rows, as a DataFrame (one row per figure and combination of its readings).

    Parameters
    ----------
    figure : str, optional
        One figure id (see :func:`models`); by default every modelled figure.
    sample : int
        Persons drawn for each model (its profile, as of its date).
    seed : int
        The seed of the synthetic samples.

    Returns
    -------
    pandas.DataFrame
        Columns ``figure``, ``policy_id``, ``readings`` (dict of the varied readings' values),
        ``is_default``, ``published``, ``modelled`` (eligible, scaled to the base), ``modelled_upper``
        (with sampling and calibration uncertainty), ``take_up`` (published ÷ modelled; inf when
        nobody is modelled), ``gap_percent`` ((modelled − published) ÷ published × 100), the same for
        money (``published_spending_fen``, ``modelled_spending_fen``, ``spending_take_up``,
        ``spending_gap_percent``; 0 where the seed gives no money), ``verdict`` (consistent,
        contradicted, calibrated), ``rank`` (among the figure's consistent combinations by how close
        the implied take-up is to 100% on a log scale, the closest first; 0 otherwise) and the
        sample counts.
    """
    if not isinstance(sample, int) or isinstance(sample, bool) or sample < 1:
        invalid(ErrorId.INVALID_PARAMETER, "sample", str(sample), "expected a positive number of persons")
    ids = [figure] if figure is not None else [m["figure"] for m in _core.figure_models()]
    rows: List[Dict[str, Any]] = []
    for f in ids:
        rows.extend(_core.validate_figure(f, sample, seed))
    return _frame(rows)


def validate_on(
    figure: str,
    persons: Sequence[Person],
    *,
    base_elders: int,
    uncertainty: float = 0.0,
    facilities: Union[FacilityRegistry, Iterable[Facility], None] = None,
) -> Any:
    """The validation rows of `figure` on given persons, each standing for ``base_elders ÷
    len(persons)`` elders, with the calibration margin `uncertainty` (a constructed case)."""
    people = list(persons)
    for i, p in enumerate(people):
        if not isinstance(p, Person):
            invalid_type(f"persons[{i}]", p, "expected a Person")
    rows = _core.validate_figure_on(
        figure,
        [p._impl for p in people],
        _facilities_arg(facilities),
        base_elders=base_elders,
        uncertainty=uncertainty,
    )
    return _frame(rows)


def evidence(reading: str, *, sample: int = DEFAULT_SAMPLE, seed: int = DEFAULT_SEED) -> Any:
    """What the published figures say about one reading: for every figure whose model varies it, each
    of its values with the figure's other readings at their defaults, as a DataFrame (``figure``,
    ``value``, ``is_default``, ``published``, ``modelled``, ``modelled_upper``, ``take_up``,
    ``verdict``, ``rank``), the consistent values first, the take-up closest to 100% first (as
    :func:`table` ranks them), then the others. Empty when no figure speaks to the reading."""
    import pandas as pd

    defaults = {name: r.default for name, r in _readings().items()}
    if reading not in defaults:
        invalid(ErrorId.INVALID_PARAMETER, "reading", reading, "no such reading")
    out: List[Dict[str, Any]] = []
    for m in _core.figure_models():
        if reading not in m["readings"]:
            continue
        for r in _core.validate_figure(m["figure"], sample, seed):
            others = {k: v for k, v in r["readings"].items() if k != reading}
            if all(v == defaults[k] for k, v in others.items()):
                value = r["readings"][reading]
                out.append(
                    {
                        "figure": r["figure"],
                        "value": value,
                        "is_default": value == defaults[reading],
                        "published": r["published"],
                        "modelled": r["modelled"],
                        "modelled_upper": r["modelled_upper"],
                        "take_up": r["take_up"],
                        "verdict": r["verdict"],
                        "rank": r["rank"],
                    }
                )
    frame = pd.DataFrame(
        out,
        columns=[
            "figure",
            "value",
            "is_default",
            "published",
            "modelled",
            "modelled_upper",
            "take_up",
            "verdict",
            "rank",
        ],
    )
    order = frame.assign(_unranked=frame["rank"] == 0).sort_values(["figure", "_unranked", "rank"], kind="stable")
    return order.drop(columns="_unranked").reset_index(drop=True)


def _readings() -> Dict[str, Any]:
    return {r.name: r for r in _core.catalog_readings()}


def norms() -> Any:
    """The planning norms on the published supply and the census elders, as a DataFrame: ``place``,
    ``norm_entry``, ``norm_id``, ``supply_figure``, ``base_note``, ``required``, ``actual``, ``gap``,
    ``met``, ``explanation``, ``resident_elders``, ``institution_beds``."""
    import pandas as pd

    return pd.DataFrame(_core.norm_checks())


def text_table(rows: Any) -> str:
    """The rows of :func:`table` as a plain-text table (what ``eldercare validate`` prints)."""
    head = f"{'figure':<36} {'readings':<58} {'published':>10} {'modelled':>10} {'take-up':>8} {'gap':>6}  verdict"
    lines = [head, "-" * len(head)]
    for r in rows.itertuples():
        readings = ",".join(f"{v}" for v in r.readings.values()) + (" *" if r.is_default else "")
        verdict = r.verdict + (f" (rank {r.rank})" if r.rank else "")
        lines.append(
            f"{r.figure:<36} {readings:<58} {r.published:>10,} {r.modelled:>10,} {_ratio(r.take_up):>8} "
            f"{_gap(r.gap_percent):>6}  {verdict}"
        )
    lines.append(
        "* the default readings; take-up = published ÷ modelled eligible; gap = (modelled − published) ÷ published"
    )
    return "\n".join(lines)


# --- the page ---------------------------------------------------------------------------------------


def _count(n: float) -> str:
    return f"{int(n):,}"


def _yuan(fen: int) -> str:
    return f"{fen / 100:,.0f}"


def _ratio(x: float) -> str:
    return "∞" if math.isinf(x) else f"{100 * x:.0f}%"


def _gap(x: float) -> str:
    return f"{x:+.0f}%"


def _readings_text(readings: Mapping[str, str]) -> str:
    return ", ".join(f"`{k}={v}`" for k, v in readings.items()) or "defaults"


def _why(row: Mapping[str, Any], model: Mapping[str, Any]) -> str:
    """Why a gap over 25% is what it is: a reading, the calibration, or take-up."""
    if abs(row["gap_percent"]) <= 25:
        return ""
    if row["verdict"] == "calibrated":
        return "calibration (the profile's share comes from this figure)"
    if row["verdict"] == "contradicted":
        return "a reading, or the calibration (see the note above): fewer eligible than were paid"
    if row["gap_percent"] > 0:
        return f"take-up: {_ratio(row['take_up'])} of the modelled eligible paid"
    return "calibration: more paid than modelled, within the uncertainty"


def page(*, sample: int = DEFAULT_SAMPLE, seed: int = DEFAULT_SEED, rows: Any = None) -> str:
    """``docs/validation.md``: the figures with their quotes, the validation table per figure, the
    planning norms, and the chart (``validation.png`` beside it). `rows` is :func:`table`'s result
    for `sample` and `seed` when already computed."""
    figs = {f["id"]: f for f in _core.published_figures()}
    mods = _core.figure_models()
    data = table(sample=sample, seed=seed) if rows is None else rows
    by_figure: Dict[str, List[Dict[str, Any]]] = {}
    for r in data.to_dict("records"):
        by_figure.setdefault(r["figure"], []).append(r)
    out: List[str] = [
        "# The model against the published figures",
        "",
        "<!-- Generated by `eldercare validate --write docs/validation.md`; python/tests/test_validation.py "
        "fails while it is stale. Do not edit by hand. -->",
        "",
        "The seeds publish what the schemes reached and cost. This page compares the catalog with those "
        "figures: for every figure the catalog can model, a synthetic sample of the city's profile "
        f"({sample:,} elders, seed {seed}, drawn as of the model's date; "
        "[calibration](calibration.md)) is evaluated under every combination of the readings the figure "
        "speaks to, and scaled to the city's elders. The **implied take-up** is published ÷ modelled "
        "eligible; the **gap** is (modelled − published) ÷ published.",
        "",
        "A combination is **contradicted by the published figures** when the people paid outnumber the "
        "modelled eligible beyond the model's uncertainty: published > upper × (1 + u), where upper is "
        "the modelled count plus two standard errors of sampling (N·(p + 2√(p(1−p)/n)); N·3/n when no one "
        "in the sample is eligible) and u is the calibration margin stated for each model below. Where "
        "the profile was itself calibrated from the figure, the row checks the calibration and is no "
        "evidence (**calibrated**). Consistent combinations are ranked by how close their implied take-up is "
        "to 100% on a log scale (|ln take-up|: the calibration margin is a factor, so 50% and 200% are as "
        "far), the closest first.",
        "",
        "The figures and models are declared once in `include/eldercare/catalog/published_figures.hpp` and "
        "`validation.hpp`; the policy pages show the same evidence beside each reading. In Python: "
        "`eldercare.validation.table()`; on the command line: `eldercare validate`.",
        "",
        "![Implied take-up by figure and reading](validation.png)",
        "",
        "## The published figures",
        "",
        "| Figure | Place | Value | Unit | When | The seed's words | Source |",
        "|---|---|---|---|---|---|---|",
    ]
    for f in figs.values():
        value = _yuan(f["value"]) + " yuan" if f["measure"] == "spending" else _count(f["value"])
        unit = "a year" if f["measure"] == "spending" else f["unit"]
        q = f" ({f['qualifier']})" if f["qualifier"] else ""
        src = f["source"].split("/")[-1]
        out.append(
            f"| `{f['id']}` | {f['place']} | {value}{q} | {unit} | {f['when']} | {f['quote']} | "
            f"[{src[:3]}](sources/{src}) |"
        )
    out += ["", "## The validation table", ""]
    for m in mods:
        f = figs[m["figure"]]
        out += [
            f"### {f['place']}: `{f['id']}` ({f['policy_id']})",
            "",
            f"- Published: **{_count(f['value'])}** {f['unit']}, {f['when']}: {f['quote']}.",
            f"- Base: {_count(m['base_elders'])} elders, {m['base_what']} {m['base_tag']} ({m['base_source']}); "
            f"profile `{m['profile']}`, evaluated on {m['on'].isoformat()}.",
            f"- Readings varied: {', '.join('`' + r + '`' for r in m['readings'])}; the others at their defaults.",
            f"- Calibration margin u = {m['uncertainty']:.0%}: {m['uncertainty_reason']}.",
        ]
        if m["calibrated_from"]:
            out.append(f"- Calibrated from this figure: {m['calibrated_from']}.")
        out.append(f"- The gap: {m['gap_note']}")
        out.append("")
        money = bool(m["spending"])
        head = "| Readings | Modelled eligible | Upper bound | Take-up | Gap |"
        rule = "|---|---|---|---|---|"
        if money:
            head += " Modelled yuan a year | Money take-up | Money gap |"
            rule += "---|---|---|"
        head += " Verdict | Rank | Why a gap over 25% |"
        rule += "---|---|---|"
        out += [head, rule]
        for r in by_figure[m["figure"]]:
            label = _readings_text(r["readings"]) + (" (defaults)" if r["is_default"] else "")
            line = (
                f"| {label} | {_count(r['modelled'])} ({r['sample_eligible']} of {r['sample_size']:,}) | "
                f"{_count(r['modelled_upper'])} | {_ratio(r['take_up'])} | {_gap(r['gap_percent'])} |"
            )
            if money:
                line += (
                    f" {_yuan(r['modelled_spending_fen'])} | {_ratio(r['spending_take_up'])} | "
                    f"{_gap(r['spending_gap_percent'])} |"
                )
            verdict = "**contradicted**" if r["verdict"] == "contradicted" else r["verdict"]
            line += f" {verdict} | {r['rank'] or ''} | {_why(r, m)} |"
            out.append(line)
        out.append("")
    out += [
        "## Planning norms on real figures",
        "",
        "| Place | Norm | Base | Required | Published supply | Gap | Met |",
        "|---|---|---|---|---|---|---|",
    ]
    for n in _core.norm_checks():
        out.append(
            f"| {n['place']} | `{n['norm_entry']}` / `{n['norm_id']}` | {n['base_note']} | "
            f"{_count(n['required'])} | {_count(n['actual'])} (`{n['supply_figure']}`) | {_count(n['gap'])} | "
            f"{'yes' if n['met'] else 'no'} |"
        )
    out += [
        "",
        "The Xicheng norm counts resident elders (常住老人). On the 2020 census it is met; the district's "
        "elders grow fast (a 2023 estimate gives 32.9万 residents aged 60+ [C]), which would ask for 329 "
        "points, above both the 296 built by January 2024 and the target of 320 (305 were built by May "
        "2024 [C]). Weihai states no bed norm: its 55.7% nursing beds meet the 50% that Xixian sets.",
        "",
        "Published figures the catalog cannot model (no entry computes them): Weihai's 160 institutions, "
        "155 family beds; Xicheng's 240 new cross-region beds and 654 service providers; the targets of "
        "Guangdong (seed 003) and Xixian (seed 002), which are norms on supply the seeds do not report.",
        "",
    ]
    return "\n".join(out)


def chart(*, sample: int = DEFAULT_SAMPLE, seed: int = DEFAULT_SEED, rows: Any = None) -> Any:
    """The implied take-up of every figure and combination, as a matplotlib Figure (made without
    pyplot, so the global backend is never switched). Infinite take-up (nobody modelled) is drawn
    at the right edge."""
    from matplotlib.figure import Figure

    data = table(sample=sample, seed=seed) if rows is None else rows
    labels = [
        f"{r.figure} · " + ", ".join(f"{v}" for v in r.readings.values()) + (" *" if r.is_default else "")
        for r in data.itertuples()
    ]
    low, cap = 0.1, 30.0
    values = [min(r.take_up, cap) for r in data.itertuples()]
    colours = {"consistent": "#4c72b0", "contradicted": "#c44e52", "calibrated": "#999999"}
    fig = Figure(figsize=(10, 0.22 * len(labels) + 1.2))
    ax = fig.add_subplot(1, 1, 1)
    ys = list(range(len(labels)))[::-1]
    ax.barh(ys, values, color=[colours[v] for v in data["verdict"]])
    ax.axvline(1.0, color="black", linewidth=0.8)
    ax.set_xscale("log")
    ax.set_xlim(low, cap)
    ax.set_yticks(ys)
    ax.set_yticklabels(labels, fontsize=6)
    ax.set_xlabel("published ÷ modelled eligible (log scale; 1 = every modelled eligible paid)", fontsize=8)
    ax.set_title("Implied take-up (red: contradicted; grey: calibrated; * the defaults)", fontsize=9)
    fig.subplots_adjust(left=0.45, right=0.97, top=1 - 0.5 / fig.get_figheight(), bottom=0.6 / fig.get_figheight())
    return fig


def write_page(path: Union[str, pathlib.Path], *, sample: int = DEFAULT_SAMPLE, seed: int = DEFAULT_SEED) -> List[str]:
    """Writes the page to `path` and the chart beside it (``validation.png``); returns the paths."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    target = pathlib.Path(path)
    rows = table(sample=sample, seed=seed)
    target.write_text(page(sample=sample, seed=seed, rows=rows), encoding="utf-8")
    fig = chart(rows=rows)
    FigureCanvasAgg(fig)
    png = target.with_name("validation.png")
    fig.savefig(png, dpi=110, metadata={"Software": None})
    return [str(target), str(png)]


def page_is_current(path: Union[str, pathlib.Path], *, sample: int = DEFAULT_SAMPLE, seed: int = DEFAULT_SEED) -> bool:
    """Whether the page at `path` is what :func:`page` generates now."""
    target = pathlib.Path(path)
    return target.exists() and target.read_text(encoding="utf-8") == page(sample=sample, seed=seed)
