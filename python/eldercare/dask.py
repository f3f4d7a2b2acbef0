"""Dask: a population in a dask DataFrame, evaluated partition by partition.

Each partition (a pandas DataFrame in the flat schema of :mod:`eldercare._population`) becomes a
:class:`~eldercare.Population` on the worker that holds it and is evaluated there by the C++
engine; only the results travel. What the tasks carry (the policy, or a catalog id and readings, and
the facility registry) is pickled: eldercare's policies, rules, conditions' values and registries are
picklable for that purpose.

- :func:`evaluate_dask`: a dask DataFrame of per-row results (the columns of
  :func:`eldercare.evaluate_population`, indexed like the input);
- :func:`simulate_dask`: month totals, each partition's totals added up (exact integer fen);
- :func:`from_pandas`: a pandas DataFrame partitioned with its list columns kept as lists.

>>> import dask.dataframe as dd                                       # doctest: +SKIP
>>> from eldercare.dask import simulate_dask                          # doctest: +SKIP
>>> people = dd.read_parquet("population/")                           # doctest: +SKIP
>>> simulate_dask("cn.beijing.elderly_allowances.advanced_age", people, "2024-01", 12).total_fen  # doctest: +SKIP

Stays come either as a ``stays`` column of the partitions (lists, as ``dd.read_parquet`` gives a
list<struct> column, or JSON text), or as a separate pandas table (``stays=``) which is sent to every
task and filtered there: fine for the stays of a few million persons; beyond that, join them into a
list column first. Partition a pandas DataFrame with :func:`from_pandas`, not ``dd.from_pandas``: dask
turns object columns into strings (``dataframe.convert-string``), and a list column (``stays``,
``categories``, ``programmes``) would become the text of each Python list, which these functions
refuse with an :class:`~eldercare.InvalidValue` saying so. A policy paid per household is evaluated
per person here (households may straddle partitions); see ``docs/dask.md`` for running on a real
cluster.
"""

from __future__ import annotations

import json
from typing import Any, Dict, Iterable, Mapping, Optional, Union

import numpy as np

from . import _core
from ._calendar import DateLike
from ._errors import ErrorId, invalid, invalid_type
from ._population import Population, evaluate_population
from ._schema import PERSON, STAY
from ._values import Facility, FacilityRegistry
from .parquet import (
    SimulationTotals,
    _check_months,
    _first_of_month,
    _no_totals,
    _simulate_batch,
    sum_simulations,
)

__all__ = ["evaluate_dask", "from_pandas", "simulate_dask"]

# The flat schema's columns whose cells may be lists (sets of words, lists of text, stays), the error
# id a wrong cell of each is reported under, and what the user can give instead of a list (when the
# dask DataFrame cannot come from from_pandas).
_LIST_COLUMNS = {
    f.column: (
        f.error_id,
        "JSON text, or a separate stays= table"
        if f.kind == "record_list"
        else f"comma-separated text ('{','.join(f.words[:2])}')"
        if f.words
        else "comma-separated text",
    )
    for f in PERSON
    if f.kind in ("word_set", "text_list") or (f.kind == "record_list" and f.arrow.startswith("list<"))
}
# A made-up row of the required columns, by kind (the probe that gives results' dtypes).
_PROBE = {"text": "meta", "date": "1950-01-01", "region": 110102}


def from_pandas(
    frame: Any, npartitions: Optional[int] = None, *, chunksize: Optional[int] = None, sort: bool = True
) -> Any:
    """``dask.dataframe.from_pandas`` that keeps list columns (``stays``, ``categories``,
    ``programmes``) as lists.

    dask converts object columns to strings by default (its ``dataframe.convert-string`` option), so
    ``dd.from_pandas`` would hand the workers the *text* of each list (``"[{'facility': 'F1',
    'admitted': datetime.date(2022, 1, 1), ...}]"``), which cannot be read back faithfully. This
    function partitions with that conversion off; the other columns are partitioned as they are
    (pandas' own ``str`` columns stay ``str``).

    Parameters
    ----------
    frame : pandas.DataFrame
        One row per person in the flat schema.
    npartitions, chunksize, sort
        As for :func:`dask.dataframe.from_pandas` (give `npartitions` or `chunksize`).

    Returns
    -------
    dask.dataframe.DataFrame

    Examples
    --------
    >>> import eldercare.dask                                             # doctest: +SKIP
    >>> people = eldercare.dask.from_pandas(frame, npartitions=8)         # doctest: +SKIP
    """
    import dask
    import dask.dataframe as dd
    import pandas as pd

    if not isinstance(frame, pd.DataFrame):
        invalid_type("frame", frame, "expected a pandas DataFrame")
    # The option is read when the collection is built (its partitions keep their dtypes afterwards).
    with dask.config.set({"dataframe.convert-string": False}):
        return dd.from_pandas(frame, npartitions=npartitions, chunksize=chunksize, sort=sort)


def _python_list_text(column: Any, name: str) -> Optional[int]:
    """The position of the first cell of a text column that is the text of a Python list (what
    dask's string conversion makes of a list cell), or None.

    Such text is refused rather than parsed: a list's text is lossy (``datetime.date(2022, 1, 1)``,
    ``array([...], dtype=object)``) and, for programmes, would otherwise be taken silently as a
    programme id that matches nothing."""
    import pandas as pd

    if not pd.api.types.is_string_dtype(column):  # lists (object), numbers: read as they are
        return None
    text = column.str
    bracketed = (text.startswith("[") & text.endswith("]")).fillna(False)
    if name == PERSON.field("stays").column:
        # JSON text is a list too; only the cells JSON cannot read are a Python list's text (a
        # Python repr quotes with ' and writes dates as calls; vectorised so JSON pays nothing).
        python_like = (text.contains("'", regex=False) | text.contains("(", regex=False)).fillna(False)
        for i in np.flatnonzero((bracketed & python_like).to_numpy(dtype=bool)):
            try:
                json.loads(column.iloc[i])
            except json.JSONDecodeError:
                return int(i)
        return None
    hits = np.flatnonzero(bracketed.to_numpy(dtype=bool))  # a list of words never starts with "["
    return int(hits[0]) if len(hits) else None


def _refuse_list_text(part: Any, partition: Optional[int]) -> None:
    """Raise InvalidValue, naming the cell and the way out, if a list column arrived as text."""
    for name, (error_id, instead) in _LIST_COLUMNS.items():
        if name not in part.columns:
            continue
        row = _python_list_text(part[name], name)
        if row is None:
            continue
        cell = str(part[name].iloc[row])
        where = "" if partition is None else f" of partition {partition}"
        invalid(
            error_id,
            f"population.{name}[row {row}{where}, id '{part['id'].iloc[row]}']",
            cell,
            "the text of a Python list, not a list: dask turned the list column into strings (its "
            "'dataframe.convert-string' option). Partition the pandas DataFrame with "
            f"eldercare.dask.from_pandas(frame, npartitions=...), or give {name} as {instead}",
        )


def _dask_frame(ddf: Any) -> Any:
    import dask.dataframe as dd

    if not isinstance(ddf, dd.DataFrame):
        invalid_type(
            "ddf",
            ddf,
            "expected a dask DataFrame (dask.dataframe.from_pandas, read_parquet, ...)",
        )
    return ddf


def _weight_name(columns: Any) -> Optional[str]:
    """The name the partitions give the weight column under (its own or an alias), or None."""
    f = PERSON.field("weight")
    return next((n for n in (f.column, *(a.name for a in f.aliases_in("column"))) if n in columns), None)


def _is_weighted(ddf: Any) -> bool:
    """Whether the dask DataFrame gives survey weights: a weight column with some value (a column
    missing throughout is an unweighted table, as for pandas). Reads that one column."""
    name = _weight_name(ddf.columns)
    return name is not None and int(ddf[name].count().compute()) > 0  # count: the cells with a value


def _require_weights(part: Any, population: Population, weighted: bool, partition: Optional[int]) -> None:
    """In a weighted dask DataFrame every partition gives weights: one whose weights are all missing
    is refused as pandas refuses a missing weight (not taken as an unweighted table)."""
    if weighted and not population.weighted and len(part):
        name = _weight_name(part.columns) or PERSON.field("weight").column
        where = "" if partition is None else f" of partition {partition}"
        invalid(
            ErrorId.INVALID_WEIGHT,
            f"population.{name}[row 0{where}, id '{part[PERSON.field('id').column].iloc[0]}']",
            float("nan"),
            _core.missing_weight_reason,
        )


def _partition_stays(part: Any, stays: Any) -> Any:
    """The rows of `stays` whose person is in the partition (None without stays)."""
    if stays is None:
        return None
    mine = stays[STAY.link].astype(str).isin(part[PERSON.field("id").column].astype(str))
    return stays.loc[mine].reset_index(drop=True)


def _evaluate_partition(
    part: Any,
    policy: Any,
    on: DateLike,
    facilities: Optional[FacilityRegistry],
    readings: Optional[Mapping[str, str]],
    reasons: bool,
    stays: Any,
    missing: str = "error",
    weighted: bool = False,
    partition_info: Optional[Dict[str, Any]] = None,
) -> Any:
    number = None if partition_info is None else partition_info.get("number")
    _refuse_list_text(part, number)
    population = Population(part, stays=_partition_stays(part, stays), facilities=facilities)
    _require_weights(part, population, weighted, number)
    frame = evaluate_population(
        policy, population, on, facilities, readings, reasons=reasons, households=False, missing=missing
    )
    frame.index = part.index  # aligned with the input partition
    return frame


def _meta(policy: Any, on: DateLike, facilities: Any, readings: Any, reasons: bool, index: Any, weighted: bool) -> Any:
    """The empty result frame, with the dtypes evaluate_population gives (evaluated on one made-up
    row, weighted when the partitions are; what it lacks is taken as absent)."""
    import pandas as pd

    probe = pd.DataFrame({f.column: [_PROBE[f.kind]] for f in PERSON if f.required})
    if weighted:
        probe[PERSON.field("weight").column] = [1.0]
    frame = evaluate_population(
        policy, probe, on, facilities, readings, reasons=reasons, households=False, missing="absent"
    ).iloc[:0]
    frame.index = index[:0]
    return frame


def evaluate_dask(
    policy: Any,
    ddf: Any,
    on: DateLike,
    *,
    facilities: Union[FacilityRegistry, Iterable[Facility], None] = None,
    readings: Optional[Mapping[str, str]] = None,
    stays: Any = None,
    reasons: bool = False,
    missing: str = "error",
) -> Any:
    """Evaluate a policy for every person of a dask DataFrame on a date, partition by partition.

    Parameters
    ----------
    policy : Policy or str
        A policy or a catalog id (then `readings` choose how it is built, on the worker).
    ddf : dask.dataframe.DataFrame
        One row per person in the flat schema: from :func:`from_pandas` (not ``dd.from_pandas``,
        which turns list columns into text) or ``dd.read_parquet``.
    on : datetime.date or str
    facilities : FacilityRegistry or iterable of Facility, optional
    readings : dict of str to str, optional
    stays : pandas.DataFrame, optional
        Stays as a separate table (``person_id``, ``facility``, ``admitted``, ``discharged``).
    reasons : bool
        As for :func:`eldercare.evaluate_population` (False: the fast path).
    missing : {"error", "absent"}
        As for :func:`eldercare.evaluate_population`: checked on each partition as it is computed.

    Returns
    -------
    dask.dataframe.DataFrame
        Lazy: the columns of :func:`eldercare.evaluate_population`, one row per person, indexed like
        `ddf` (``weight`` too when `ddf` has a weight column with values: finding out reads that
        column). Errors (an invalid value) are raised when it is computed, naming the column, the row
        within its partition and the id; a list column that arrived as the text of Python lists is
        one of them (its message says how to partition instead).
    """
    ddf = _dask_frame(ddf)
    registry = FacilityRegistry.of(facilities)
    weighted = _is_weighted(ddf)
    meta = _meta(policy, on, registry, readings, reasons, ddf._meta.index, weighted)
    return ddf.map_partitions(
        _evaluate_partition,
        policy,
        on,
        registry,
        readings,
        bool(reasons),
        stays,
        missing,
        weighted,
        meta=meta,
        align_dataframes=False,
    )


def _simulate_partition(
    part: Any,
    policy: Any,
    first: Any,
    months: int,
    facilities: Optional[FacilityRegistry],
    readings: Optional[Mapping[str, str]],
    regions: str,
    stays: Any,
    partition: int,
    missing: str = "error",
    weighted: bool = False,
) -> SimulationTotals:
    if len(part) == 0:
        return _no_totals()
    _refuse_list_text(part, partition)
    population = Population(part, stays=_partition_stays(part, stays), facilities=facilities)
    _require_weights(part, population, weighted, partition)
    return _simulate_batch(policy, population, first, months, facilities, readings, regions=regions, missing=missing)


def simulate_dask(
    policy: Any,
    ddf: Any,
    first_month: DateLike,
    months: int = 12,
    *,
    facilities: Union[FacilityRegistry, Iterable[Facility], None] = None,
    readings: Optional[Mapping[str, str]] = None,
    stays: Any = None,
    regions: str = "hukou",
    compute: bool = True,
    split_every: int = 16,
    missing: str = "error",
) -> Any:
    """Month totals of a policy over a dask DataFrame: each partition simulated where it lies, the
    totals added up in a tree.

    Parameters
    ----------
    policy, ddf, facilities, readings, stays
        As for :func:`evaluate_dask`.
    first_month : datetime.date or str
        Any day of the first month (``"2024-01"`` is accepted).
    months : int
    regions : {"hukou", "residence"}
        Which region ``by_prefecture`` groups by.
    compute : bool
        False: return the dask ``Delayed`` of the result instead of computing it.
    split_every : int
        How many partitions' totals one task adds up.
    missing : {"error", "absent"}
        As for :func:`eldercare.evaluate_population`.

    Returns
    -------
    eldercare.parquet.SimulationTotals
        ``by_month``, ``by_prefecture``, ``by_rule`` and ``total_fen``: equal to the totals of the
        whole population at once; for a ``weight`` column also the exact weighted totals
        (``weighted_total_fen``), equal to the millionth whatever the partitions.
    """
    import dask

    ddf = _dask_frame(ddf)
    first = _first_of_month(first_month)
    months = _check_months(months)
    registry = FacilityRegistry.of(facilities)
    weighted = _is_weighted(ddf)
    level = [
        dask.delayed(_simulate_partition)(
            part, policy, first, months, registry, readings, regions, stays, number, missing, weighted
        )
        for number, part in enumerate(ddf.to_delayed())
    ]
    while len(level) > 1:
        level = [dask.delayed(sum_simulations)(level[i : i + split_every]) for i in range(0, len(level), split_every)]
    result = level[0] if level else dask.delayed(sum_simulations)([])
    return result.compute() if compute else result
