"""Simulation: every computable person and household policy of the catalog over a population, month
by month, as ``eldercare simulate`` runs it.

>>> import eldercare as ec
>>> from eldercare.simulate import simulate
>>> cases = ec.io.load_cases(ec.simulate.sample_population_path())
>>> result = simulate(cases.persons, cases.facilities, "2024-01-01", 3,
...                   ids=["cn.beijing.elderly_allowances.advanced_age"])
>>> list(result.summary.columns)
['policy', 'unit', 'persons_eligible', 'total_fen', 'total_yuan', 'other_quantity', 'undetermined_months']

Payments are those of :func:`eldercare.schedule` (arrears, one-off and yearly grants included),
before stacking between policies (:func:`eldercare.catalog.resolve` applies it per person).
Bundles are left out: their components are listed one by one. Months before a scheme's first known
date are undetermined: counted apart (``undetermined_months``), their amounts missing, never 0.
"""

from __future__ import annotations

import datetime
import pathlib
from dataclasses import dataclass
from typing import IO, Any, Iterable, List, Mapping, Optional, Sequence, Union

import numpy as np

from . import _check, _core, _weights, catalog, charts
from ._benefits import format_fen
from ._calendar import DateLike
from ._errors import ErrorId, invalid
from ._population import Population, schedule_population
from ._values import Facility, FacilityRegistry, Person
from .charts import PathArg

__all__ = ["Simulation", "computable_ids", "sample_population_path", "simulate"]


def sample_population_path() -> pathlib.Path:
    """The bundled synthetic population (``eldercare/data/sample_population.json``, made by
    ``eldercare/data/make_sample.py``)."""
    return pathlib.Path(__file__).with_name("data") / "sample_population.json"


def computable_ids() -> List[str]:
    """Catalog ids that `simulate` runs: computable person and household policies, bundles excluded."""
    return [
        e.id
        for e in catalog.entries()
        if e.subject in ("person", "household") and not e.is_bundle and e.status == "computable"
    ]


class _Progress:
    """A plain-text progress bar on a stream: redrawn in place on a terminal, one line per step otherwise."""

    def __init__(self, stream: Optional[IO[str]], total: int, width: int = 30) -> None:
        self.stream = stream
        self.total = total
        self.width = width
        self.tty = bool(stream is not None and hasattr(stream, "isatty") and stream.isatty())

    def show(self, done: int, label: str) -> None:
        if self.stream is None:
            return
        filled = self.width * done // max(self.total, 1)
        bar = "#" * filled + "." * (self.width - filled)
        text = f"[{bar}] {done}/{self.total} {label}"
        if self.tty:
            self.stream.write("\r" + text[:120].ljust(120))
            if done == self.total:
                self.stream.write("\n")
        else:
            self.stream.write(text + "\n")
        self.stream.flush()


@dataclass
class Simulation:
    """The outcome of :func:`simulate`.

    Attributes
    ----------
    summary : pandas.DataFrame
        One row per policy: ``policy``, ``unit`` (what it grants), ``persons_eligible`` (in some
        month; households for a policy paid per household), ``total_fen``, ``total_yuan`` and
        ``other_quantity`` (a non-money grant delivered over the months, in its unit: hours or visits
        per month summed, meals per day times the days, a place or points once per person) and
        ``undetermined_months`` (months before the scheme's first known date, whose amounts are
        unknown and not in the totals).
    monthly : pandas.DataFrame
        One row per policy and month: ``policy``, ``month`` (``"YYYY-MM"``), ``undetermined``
        (persons or households whose month is undetermined), ``eligible``, ``amount_fen`` (missing in
        an undetermined month) and ``quantity`` (what a non-money grant delivers that month, in its
        unit; 0 for money).
    first, last : datetime.date
        The first days of the first and last months.
    """

    summary: Any
    monthly: Any
    first: datetime.date
    last: datetime.date

    def table(self) -> str:
        """The summary as a plain-text table."""
        rows = [("policy", "grants", "eligible", "total yuan", "other")]
        for r in self.summary.itertuples(index=False):
            other = f"{r.other_quantity:,} {r.unit}" if r.other_quantity else ""
            if r.undetermined_months:
                other = (other + "; " if other else "") + f"{r.undetermined_months} months undetermined (not in total)"
            rows.append((r.policy, r.unit, f"{r.persons_eligible:,}", f"{format_fen(int(r.total_fen)):>14}", other))
        total = sum(int(t) for t in self.summary["total_fen"])  # Python ints: exact
        rows.append(("total (before stacking)", "", "", f"{format_fen(total):>14}", ""))
        widths = [max(len(str(row[i])) for row in rows) for i in range(5)]
        lines = []
        for k, row in enumerate(rows):
            lines.append(
                "  ".join(
                    str(c).rjust(widths[i]) if i in (2, 3) else str(c).ljust(widths[i]) for i, c in enumerate(row)
                ).rstrip()
            )
            if k == 0 or k == len(rows) - 2:
                lines.append("  ".join("-" * w for w in widths))
        return "\n".join(lines)

    def policies(self) -> List[charts.ChartedPolicy]:
        """What the charts draw of each policy of the summary: its title, jurisdiction, unit and how
        it is paid (from the catalog)."""
        drawn = []
        for pid, unit in zip(self.summary["policy"], self.summary["unit"]):
            entry = catalog.entry(pid)
            periods = {r.grant.period for r in catalog.policy(pid).rules}
            drawn.append(
                charts.ChartedPolicy(
                    id=pid,
                    name=entry.title,
                    jurisdiction=entry.jurisdiction.split(" (")[0],
                    unit=unit,
                    period=periods.pop() if len(periods) == 1 else "mixed",
                )
            )
        return drawn

    def chart(self, path: Optional[PathArg] = None) -> Any:
        """The chart of the months: one panel per jurisdiction, money stacked by policy within it
        (yearly and one-off payments marked), non-money grants in their own units
        (:func:`eldercare.charts.simulation_chart`); needs matplotlib.

        Parameters
        ----------
        path : str or path, optional
            Also write it there (PNG, SVG or PDF by the suffix).

        Returns
        -------
        matplotlib.figure.Figure
        """
        return charts.simulation_chart(
            self.monthly,
            self.policies(),
            path,
            title=f"What the catalog grants per month, {self.first:%Y-%m} to {self.last:%Y-%m} (before stacking)",
        )

    def write(self, out: PathArg) -> List[pathlib.Path]:
        """Writes ``summary.csv``, ``monthly.csv`` and ``simulate.png`` (when matplotlib is
        installed) into the folder `out` (a ``str`` or a path); returns the paths written."""
        folder = pathlib.Path(out)
        folder.mkdir(parents=True, exist_ok=True)
        written = []
        self.summary.to_csv(folder / "summary.csv", index=False)
        written.append(folder / "summary.csv")
        self.monthly.to_csv(folder / "monthly.csv", index=False)
        written.append(folder / "monthly.csv")
        try:
            import matplotlib  # noqa: F401
        except ImportError:
            return written
        self.chart(folder / "simulate.png")
        written.append(folder / "simulate.png")
        return written


def simulate(
    persons: Any,
    facilities: Union[FacilityRegistry, Iterable[Facility], None],
    first: DateLike,
    months: int,
    *,
    ids: Optional[Sequence[str]] = None,
    readings: Optional[Mapping[str, str]] = None,
    progress: Optional[IO[str]] = None,
    missing: str = "error",
) -> Simulation:
    """Run catalog policies over a population month by month.

    Parameters
    ----------
    persons : sequence of Person, Population, or a DataFrame in the flat schema
    facilities : FacilityRegistry or iterable of Facility, optional
    first : datetime.date or str
        A day of the first month.
    months : int
        How many months (1 or more).
    ids : sequence of str, optional
        The catalog ids (default: :func:`computable_ids`).
    readings : dict of str to str, optional
        Readings for every policy (each takes those it depends on).
    progress : text stream, optional
        Where to draw a progress bar (``sys.stderr``); None for none.
    missing : {"error", "absent"}
        As for :func:`eldercare.evaluate_population`: a policy that reads what the population lacks
        is an error unless ``"absent"``.

    For a weighted population (a ``weight`` column) the summary also has ``weighted_total_fen``:
    each person's payments times their weight, an exact Decimal (:mod:`eldercare._weights`).
    """
    import pandas as pd

    start = _core.to_date(first, "first").replace(day=1)
    if isinstance(months, bool) or not isinstance(months, int) or months < 1:
        invalid(ErrorId.INVALID_PERIOD, "months", months, "must be a whole number of months, 1 or more")
    end = _core.add_months_civil(start, months - 1)
    last_day = _core.end_of_month(end)
    if isinstance(persons, Population):
        pop = persons
    elif isinstance(persons, (list, tuple)) and all(isinstance(p, Person) for p in persons):
        pop = Population(list(persons))
    else:
        pop = Population(persons, facilities=facilities)
    chosen = list(ids) if ids is not None else computable_ids()
    bar = _Progress(progress, len(chosen))
    summary_rows = []
    monthly_rows = []
    for k, pid in enumerate(chosen):
        bar.show(k, pid)
        pol = catalog.policy(pid, readings)
        units = {r.grant.unit for r in pol.rules}
        unit = units.pop() if len(units) == 1 else "mixed"
        table = schedule_population(pid, pop, start, last_day, facilities, readings, missing=missing)
        eligible_ids = table.loc[table["eligible"], "id"].nunique()
        # Undetermined months (before a scheme's first known date) are counted apart; their amounts
        # are missing in the table and left out of the sums, never added as 0.
        known = table[~table["undetermined"]]
        undetermined_months = table.loc[table["undetermined"], ["year", "month"]].drop_duplicates()
        summary_rows.append(
            {
                "policy": pid,
                "unit": unit,
                "persons_eligible": int(eligible_ids),
                "total_fen": _check.exact_sum(known["amount_fen"], f"simulate[{pid}].total_fen"),
                "total_yuan": float(known["amount_fen"].sum()) / 100,
                "other_quantity": _check.exact_sum(known["quantity"], f"simulate[{pid}].other_quantity"),
                "undetermined_months": len(undetermined_months),
            }
        )
        if pop.weighted and len(table) == len(pop) * months:  # persons, not households
            months_of = table["amount_fen"].to_numpy().reshape(len(pop), -1)
            _check.no_wrapped_sums(months_of.astype(np.float64).sum(axis=1), f"simulate[{pid}].per_person")
            per_person = np.ascontiguousarray(months_of.sum(axis=1), dtype=np.int64)
            summary_rows[-1]["weighted_total_fen"] = _weights.from_micros(
                _core.weighted_sum(per_person, pop._weight_micros())
            )
        by_month = table.groupby(["year", "month"], sort=True).agg(
            undetermined=("undetermined", "sum"),
            eligible=("eligible", "sum"),
            amount_fen=("amount_fen", "sum"),
            quantity=("quantity", "sum"),
        )
        _check.no_wrapped_sums(
            table["amount_fen"].astype(np.float64).groupby([table["year"], table["month"]]).sum(),
            f"simulate[{pid}].monthly.amount_fen",
        )
        for (y, m), row in by_month.iterrows():
            monthly_rows.append(
                {
                    "policy": pid,
                    "month": f"{y:04d}-{m:02d}",
                    "undetermined": int(row["undetermined"]),
                    "eligible": int(row["eligible"]),
                    "amount_fen": None if row["undetermined"] else int(row["amount_fen"]),
                    "quantity": None if row["undetermined"] else int(row["quantity"]),
                }
            )
    bar.show(len(chosen), "done")
    return Simulation(
        pd.DataFrame(
            summary_rows,
            columns=[
                "policy",
                "unit",
                "persons_eligible",
                "total_fen",
                "total_yuan",
                "other_quantity",
                "undetermined_months",
            ],
        ),
        pd.DataFrame(
            monthly_rows, columns=["policy", "month", "undetermined", "eligible", "amount_fen", "quantity"]
        ).astype({"amount_fen": "Int64", "quantity": "Int64"}),
        start,
        end,
    )
