"""Parquet in and out, streamed: populations larger than memory, evaluated row group by row group.

A Parquet file (or a directory of them) in the flat schema of :mod:`eldercare._population` is read
in record batches of at most `batch_rows` rows (``pyarrow.parquet.ParquetFile.iter_batches``); each
batch becomes a :class:`~eldercare.Population`, is evaluated, and is dropped before the next one is
read. Memory is therefore bounded by the batch (and by the file's row groups, which pyarrow decodes
whole), not by the file: write files with row groups of the order of `batch_rows`
(:func:`write_population_parquet` does).

- :func:`evaluate_parquet`: the per-row results of :func:`eldercare.evaluate_population`, streamed to
  another Parquet file, and their aggregates;
- :func:`simulate_parquet`: month totals of a simulation summed over the batches (exact integer fen;
  for a file with a ``weight`` column, exact weighted totals beside them: :mod:`eldercare._weights`;
  a file whose weights are missing in some batches and given in others is refused, as a partly
  missing weight column is).
  Totals name no person, so for a policy whose rules read only births, hukou, residence, death and
  stays it reads only those columns (and ``weight``), builds each batch's C++ columns straight from
  the Arrow buffers without ids, and decodes the next batch while simulating this one; the columns
  it does not read are not checked. Other policies, stays given as a separate table, or columns
  under other names or Arrow types take the general path (every column, a Population per batch);
- :func:`write_population_parquet`: a synthetic population written in row groups.

Stays
-----
Either a list column ``stays`` in the persons file (each cell a list of structs ``facility``,
``admitted``, ``discharged``), which streams with its persons at no cost, or a separate stays table
(``person_id``, ``facility``, ``admitted``, ``discharged``):

- as a Parquet path, it is streamed beside the persons and must therefore list stays *in the order
  of their persons* (all stays of a person together, persons in file order; persons without stays
  simply have none). A stay out of that order raises :class:`~eldercare.InvalidValue` naming its row;
- as an in-memory table (DataFrame or pyarrow Table), any order is accepted: each batch takes its
  persons' stays from it, so only the stays need to fit in memory.

Errors
------
A bad value raises :class:`~eldercare.InvalidValue` whose field names the column and the row *in the
file* (``population.birth_date[row 1048581, id 'p1048581']``), and whose message adds the file and
the batch.
"""

from __future__ import annotations

import datetime
import os
import queue
import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, Iterable, Iterator, List, Mapping, Optional, Sequence, Tuple, Union

import numpy as np

from . import _check, _core, _weights
from ._calendar import DateLike
from ._errors import ErrorId, InvalidType, InvalidValue, invalid, invalid_type
from ._population import (
    MISSING_CHOICES,
    Population,
    SimulationResult,
    SyntheticPopulation,
    _month_span,
    _Target,
    evaluate_population,
    simulate_population,
)
from ._schema import PERSON, STAY, Field
from ._values import Facility, FacilityRegistry

__all__ = [
    "DEFAULT_BATCH_ROWS",
    "ParquetEvaluation",
    "SimulationTotals",
    "evaluate_parquet",
    "simulate_parquet",
    "sum_simulations",
    "write_population_parquet",
]

#: Rows per batch by default: large enough for the C++ loops to use every core, small enough that a
#: batch with its Python-side columns stays in the tens of megabytes.
DEFAULT_BATCH_ROWS = 65536

PathLike = Union[str, "os.PathLike[str]"]


# The columns read: the schema's (a person's facts and their aliases; a stay's and its person's id).
# A required fact may come under an alias, or from the fact that gives it (an ID number gives the
# date of birth): each requirement is the names that satisfy it.
def _names(f: Field) -> Tuple[str, ...]:
    """The names a table may give fact `f`'s column under: its own and its aliases."""
    return (f.column, *(a.name for a in f.aliases_in("column")))


_REQUIRED = tuple(
    (
        *_names(f),
        *(_names(PERSON.field(f.given_by.fact)) if f.given_by is not None and f.given_by.option is None else ()),
    )
    for f in PERSON
    if f.required
)
_KNOWN = PERSON.column_names
_ID_NAMES = (PERSON.field("id").column, *(a.name for a in PERSON.field("id").aliases_in("column")))
_STAY_LINK = STAY.link or "person_id"
_STAY_COLUMNS = (_STAY_LINK, *STAY.columns)
_STAY_REQUIRED = (_STAY_LINK, *(f.column for f in STAY if f.required))
_ROW = re.compile(r"\[row (\d+)")


# --- reading in batches ------------------------------------------------------------------------------


def _check_batch_rows(batch_rows: int) -> int:
    if isinstance(batch_rows, bool) or not isinstance(batch_rows, (int, np.integer)):
        invalid_type("batch_rows", batch_rows, "expected a whole number of rows")
    if batch_rows < 1:
        invalid(ErrorId.INVALID_PARAMETER, "batch_rows", batch_rows, "expected at least 1 row")
    return int(batch_rows)


def _nested_dictionary(t: Any, nested: bool) -> bool:
    """Whether Arrow type `t` has a dictionary-encoded part inside a list or struct (`nested`: `t` is)."""
    import pyarrow as pa

    if pa.types.is_dictionary(t):
        return nested
    if pa.types.is_list(t) or pa.types.is_large_list(t):
        return _nested_dictionary(t.value_type, True)
    if pa.types.is_struct(t):
        return any(_nested_dictionary(f.type, True) for f in t)
    return False


class _Source:
    """A Parquet file or dataset directory, read in record batches of the flat schema's columns."""

    def __init__(
        self, source: PathLike, what: str, required: Sequence[Union[str, Sequence[str]]], known: Sequence[str]
    ) -> None:
        import pyarrow.dataset as ds
        import pyarrow.parquet as pq

        self.path = os.fspath(source)
        if not os.path.exists(self.path):
            invalid(ErrorId.INVALID_PARAMETER, f"{what}.source", self.path, "no such file or directory")
        if os.path.isdir(self.path):
            self.dataset: Any = ds.dataset(self.path, format="parquet")
            self.file: Any = None
            schema = self.dataset.schema
        else:
            self.dataset = None
            # pre_buffer (pyarrow's default) caches the column chunks of every row group iter_batches
            # will read, that is the whole file: memory would grow with the file.
            self.file = pq.ParquetFile(self.path, pre_buffer=False)
            schema = self.file.schema_arrow
            if any(_nested_dictionary(f.type, False) for f in schema):
                # ParquetFile.iter_batches cannot read a dictionary inside a list or struct (pyarrow 26:
                # "Nested data conversions not implemented for chunked array outputs"); a dataset of
                # the one file can.
                self.file = None
                self.dataset = ds.dataset(self.path, format="parquet")
        names = list(schema.names)
        for need in required:
            c, *others = (need,) if isinstance(need, str) else need
            if c not in names and not any(o in names for o in others):
                invalid(
                    ErrorId.INVALID_PERSON if what == "population" else ErrorId.INVALID_STAY,
                    f"{what}.{c}",
                    "",
                    f"the column is required (not in {self.path}, which has {', '.join(names) or 'no columns'})",
                )
        # Only the columns of the schema are read: others (a wide survey file) cost nothing.
        self.columns = [c for c in names if c in known]

    @property
    def num_rows(self) -> int:
        if self.file is not None:
            return int(self.file.metadata.num_rows)
        return int(self.dataset.count_rows())

    def batches(self, batch_rows: int, columns: Optional[Sequence[str]] = None) -> Iterator[Any]:
        """Record batches of at most `batch_rows` rows of `columns` (default: the schema's)."""
        columns = self.columns if columns is None else list(columns)
        if self.file is not None:
            return self.file.iter_batches(batch_size=batch_rows, columns=columns, use_threads=True)
        import pyarrow.dataset as ds

        return iter(
            self.dataset.to_batches(
                batch_size=batch_rows,
                columns=columns,
                batch_readahead=1,
                fragment_readahead=1,
                fragment_scan_options=ds.ParquetFragmentScanOptions(pre_buffer=False),
            )
        )


class _Rows:
    """Rows of a source by their place in the file, every column of the schema, asked for in
    increasing order (the batches the fast path of totals rebuilds row by row): one pass over the
    file in all."""

    def __init__(self, source: _Source, batch_rows: int) -> None:
        self.source = source
        self.batch_rows = batch_rows
        self.batches: Optional[Iterator[Any]] = None
        self.held: Any = None  # the batch read last
        self.at = 0  # the file row of its first row

    def take(self, first: int, count: int) -> Any:
        """File rows `first` to `first + count - 1` as a Table."""
        import pyarrow as pa

        if self.batches is None or first < self.at:
            self.batches, self.held, self.at = self.source.batches(self.batch_rows), None, 0
        parts = []
        while True:
            if self.held is None or self.at + self.held.num_rows <= first:
                if self.held is not None:
                    self.at += self.held.num_rows
                self.held = next(self.batches, None)
                if self.held is None:
                    break
                continue
            lo = max(first - self.at, 0)
            hi = min(first + count - self.at, self.held.num_rows)
            parts.append(self.held.slice(lo, hi - lo))
            if self.at + self.held.num_rows >= first + count:
                break
            self.at += self.held.num_rows
            self.held = None
        return pa.Table.from_batches(parts)


def _relocated(e: InvalidValue, offsets: Mapping[str, Any], where: str) -> InvalidValue:
    """`e` with its ``[row i`` moved to the row in the file (`offsets`: table prefix -> int offset or
    a function of the row in the batch), and `where` added to the message."""
    fld = e.field or ""
    shift: Any = None  # an int, or a function of the row
    for prefix, offset in offsets.items():
        if fld.startswith(prefix + "."):
            shift = offset
    message = str(e)

    def move(m: re.Match[str]) -> str:
        row = int(m.group(1))
        return f"[row {shift(row) if callable(shift) else row + shift}"

    if shift is not None and _ROW.search(fld):
        new_field = _ROW.sub(move, fld, count=1)
        message = message.replace(fld, new_field, 1)
        fld = new_field
    cls = InvalidType if isinstance(e, InvalidType) else InvalidValue
    return cls(f"{message} ({where})", field=fld, value=e.value, error_id=e.error_id)


class _StreamedStays:
    """A stays file read beside the persons: each batch takes the stays of its persons, which must
    come next in the file (stays in the order of their persons)."""

    def __init__(self, source: PathLike, batch_rows: int) -> None:
        self.source = _Source(source, "stays", _STAY_REQUIRED, _STAY_COLUMNS)
        self.batches = self.source.batches(batch_rows)
        self.pending: Any = None  # rows read, not yet taken
        self.pending_row = 0  # the file row of pending's first row
        self.done = False

    def _fill(self) -> bool:
        import pyarrow as pa

        while self.pending is None or self.pending.num_rows == 0:
            if self.done:
                return False
            try:
                batch = next(self.batches)
            except StopIteration:
                self.done = True
                return False
            if self.pending is not None:
                self.pending_row += self.pending.num_rows
            self.pending = pa.Table.from_batches([batch])
        return True

    def take(self, ids: Any, first_row: int) -> Tuple[Any, int]:
        """The stays of persons `ids` (a pyarrow string array) and the file row of the first one."""
        import pyarrow as pa
        import pyarrow.compute as pc

        parts = []
        start = None
        while self._fill():
            if start is None:
                start = self.pending_row
            person = self.pending.column(_STAY_LINK).cast(pa.string())
            mine = pc.is_in(person, value_set=ids).to_numpy(zero_copy_only=False)
            other = np.flatnonzero(~mine)
            k = int(other[0]) if other.size else len(mine)
            parts.append(self.pending.slice(0, k))
            self.pending = self.pending.slice(k)
            self.pending_row += k
            if other.size:
                break
        if start is None:
            start = self.pending_row
        table = pa.concat_tables(parts) if parts else None
        return table, start

    def check_exhausted(self, persons_path: str) -> None:
        """Stays left after the last person belong to no person, or are out of order."""
        if self._fill():
            pid = self.pending.column(_STAY_LINK)[0].as_py()
            invalid(
                ErrorId.INVALID_STAY,
                f"stays.{_STAY_LINK}[row {self.pending_row}]",
                str(pid),
                f"no person with this id comes at or after the previous stay's person in {persons_path}: "
                "a streamed stays file lists stays in the order of their persons",
            )


class _TableStays:
    """Stays held in memory, any order: each batch takes its persons' rows."""

    def __init__(self, stays: Any) -> None:
        import pandas as pd

        frame = stays.to_pandas() if hasattr(stays, "to_pandas") and not isinstance(stays, pd.DataFrame) else stays
        if not isinstance(frame, pd.DataFrame):
            frame = pd.DataFrame(dict(frame))
        if _STAY_LINK not in frame.columns:
            invalid(ErrorId.INVALID_STAY, f"stays.{_STAY_LINK}", "", "the column is required")
        self.frame = frame.reset_index(drop=True)
        self.person = self.frame[_STAY_LINK].astype(str)
        self.used: np.ndarray = np.zeros(len(self.frame), dtype=bool)

    def take(self, ids: Sequence[str]) -> Tuple[Any, np.ndarray]:
        rows = np.flatnonzero(self.person.isin(ids).to_numpy())
        self.used[rows] = True
        return self.frame.iloc[rows].reset_index(drop=True), rows

    def check_exhausted(self, persons_path: str) -> None:
        left = np.flatnonzero(~self.used)
        if left.size:
            i = int(left[0])
            invalid(
                ErrorId.INVALID_STAY,
                f"stays.{_STAY_LINK}[row {i}]",
                self.person.iloc[i],
                f"no person with this id in {persons_path}",
            )


class _WeightsGiven:
    """A file's weight column gives every row's weight or none. A batch whose weights are all missing
    reads as an unweighted batch; that is a file without weights only when every batch is, so a file
    whose weights are missing in some batches and given in others is refused, as a partly missing
    weight column is (the weighted totals would leave those rows out)."""

    def __init__(self, path: Any) -> None:
        self.path = path
        self.first: Optional[Tuple[bool, int, int, int]] = None  # weighted, batch, file row, rows

    def check(self, weighted: bool, batch: int, first_row: int, rows: int) -> None:
        """Batch `batch` (file rows `first_row` on, `rows` of them) is `weighted` or not."""
        if rows == 0:
            return
        if self.first is None:
            self.first = (weighted, batch, first_row, rows)
            return
        if weighted == self.first[0]:
            return
        given = (batch, first_row, rows) if weighted else self.first[1:]
        missing = self.first[1:] if weighted else (batch, first_row, rows)
        invalid(
            ErrorId.INVALID_WEIGHT,
            f"population.{PERSON.field('weight').column}[row {missing[1]}]",
            None,
            f"{_core.missing_weight_reason} (batch {missing[0]} of {self.path}, file rows "
            f"{missing[1]}-{missing[1] + missing[2] - 1}, has no weights; batch {given[0]}, file rows "
            f"{given[1]}-{given[1] + given[2] - 1}, has)",
        )


@dataclass
class _Batch:
    index: int  # 0-based batch number
    first_row: int  # file row of the batch's first person
    data: Any  # pyarrow RecordBatch
    population: Population


def _populations(
    source: PathLike,
    batch_rows: int,
    facilities: Optional[FacilityRegistry],
    stays: Any,
) -> Iterator[_Batch]:
    """The file's persons as Populations of at most `batch_rows` rows, errors placed in the file."""
    import pyarrow as pa

    persons = _Source(source, "population", _REQUIRED, _KNOWN)
    if stays is not None and PERSON.field("stays").column in persons.columns:
        invalid(ErrorId.INVALID_STAY, "stays", "", "give stays either as a column or as a separate table, not both")
    streamed = None
    held = None
    if isinstance(stays, (str, os.PathLike)):
        streamed = _StreamedStays(stays, batch_rows)
    elif stays is not None:
        held = _TableStays(stays)
    first_row = 0
    weights = _WeightsGiven(persons.path)
    for k, batch in enumerate(persons.batches(batch_rows)):
        where = f"batch {k} of {persons.path}, file rows {first_row}-{first_row + batch.num_rows - 1}"
        offsets: Dict[str, Any] = {"population": first_row}
        batch_stays = None
        try:
            ids_col = batch.column(next(n for n in _ID_NAMES if n in batch.schema.names))
            if streamed is not None or held is not None:
                ids = ids_col.cast(pa.string())
                if streamed is not None:
                    batch_stays, stays_row = streamed.take(ids, first_row)
                    offsets["stays"] = stays_row
                else:
                    batch_stays, rows = held.take(ids.to_pylist())  # type: ignore[union-attr]
                    offsets["stays"] = lambda i, rows=rows: int(rows[i]) if i < len(rows) else i
                if batch_stays is None:
                    batch_stays = {c: [] for c in _STAY_REQUIRED}
            # As a Table (no copy): its columns are ChunkedArrays, which Population reads like
            # read_table's (a RecordBatch's bool Array refuses a zero-copy to_numpy()).
            table = pa.Table.from_batches([batch])
            population = Population(table, stays=batch_stays, facilities=facilities)
        except InvalidValue as e:
            raise _relocated(e, offsets, where) from None
        weights.check(population.weighted, k, first_row, batch.num_rows)
        yield _Batch(k, first_row, batch, population)
        first_row += batch.num_rows
    if streamed is not None:
        streamed.check_exhausted(persons.path)
    if held is not None:
        held.check_exhausted(persons.path)


class _ArrowPeak:
    """The most memory pyarrow holds beyond what it held when the run began, sampled per batch."""

    def __init__(self) -> None:
        import pyarrow as pa

        self._allocated = pa.total_allocated_bytes
        self.start = int(self._allocated())
        self.peak = 0

    def sample(self) -> None:
        self.peak = max(self.peak, int(self._allocated()) - self.start)


# --- evaluation --------------------------------------------------------------------------------------


@dataclass
class ParquetEvaluation:
    """What :func:`evaluate_parquet` returns.

    Attributes
    ----------
    rows, eligible : int
        Persons read, and persons granted something.
    by_grant : pandas.DataFrame
        One row per ``unit``, ``period`` (both ``""`` for persons granted nothing) and ``status``:
        ``persons``, ``eligible``, ``amount_fen`` (money summed per the grant's period, exact) and
        ``quantity``; for a file with a ``weight`` column also ``weighted_persons``,
        ``weighted_eligible`` and ``weighted_amount_fen`` (exact Decimals, :mod:`eldercare._weights`).
    weighted_persons, weighted_eligible, weighted_amount_fen : decimal.Decimal or None
        The weighted totals of a file with a ``weight`` column (None otherwise).
    batches : int
    peak_arrow_bytes : int
        The most memory pyarrow held (``pyarrow.total_allocated_bytes()``) after reading a batch,
        beyond what it held when the call began: the figure that stays bounded by the batch size,
        not the file size.
    out : str or None
        The per-row results file, if one was written (not for an empty source).
    """

    rows: int
    eligible: int
    by_grant: Any
    batches: int
    peak_arrow_bytes: int
    out: Optional[str] = None
    weighted_persons: Any = None
    weighted_eligible: Any = None
    weighted_amount_fen: Any = None


_WEIGHTED_OF = {"weighted_persons": "persons", "weighted_eligible": "eligible", "weighted_amount_fen": "amount_fen"}


def _by_grant(frame: Any, micros: Optional[np.ndarray]) -> Any:
    """A batch's totals by unit, period and status; with the rows' weights (`micros`), also the
    weighted sums: exact Decimals (C++ sums each group's count or fen times each row's weight)."""
    keys = ["unit", "period", "status"]
    rows = frame.assign(persons=1, eligible=frame["eligible"].astype(np.int64))
    groups = rows.groupby(keys, observed=True, dropna=False, sort=True)
    out = groups[["persons", "eligible", "amount_fen", "quantity"]].sum()
    if micros is None:
        return out
    number = groups.ngroup().to_numpy()  # each row's group, in the order of `out`
    for name, of in _WEIGHTED_OF.items():
        values = np.ascontiguousarray(rows[of].to_numpy(), dtype=np.int64)
        sums = []
        for k in range(len(out)):
            at = np.flatnonzero(number == k)
            sums.append(_weights.from_micros(_core.weighted_sum(values[at], np.ascontiguousarray(micros[at]))))
        out[name] = np.asarray(sums, dtype=object)
    return out


def _result_table(frame: Any) -> Any:
    """The per-row results as an Arrow table with a fixed schema (categoricals as text)."""
    import pyarrow as pa

    columns = {}
    for name in frame.columns:
        col = frame[name]
        if str(col.dtype) == "category":
            codes = col.cat.codes.to_numpy()
            words = np.asarray([*col.cat.categories, None], dtype=object)
            columns[name] = pa.array(words[codes], type=pa.string())  # code -1 (missing) -> None
        elif name in ("id", "first_failing_condition", "granting_rules", "error"):
            columns[name] = pa.array(col.to_numpy(dtype=object), type=pa.string())
        else:
            columns[name] = pa.array(col.to_numpy())
    return pa.table(columns)


def evaluate_parquet(
    policy: Any,
    source: PathLike,
    on: DateLike,
    *,
    out: Optional[PathLike] = None,
    batch_rows: int = DEFAULT_BATCH_ROWS,
    facilities: Union[FacilityRegistry, Iterable[Facility], None] = None,
    readings: Optional[Mapping[str, str]] = None,
    stays: Any = None,
    reasons: bool = False,
    missing: str = "error",
) -> ParquetEvaluation:
    """Evaluate a policy for every person of a Parquet file on a date, batch by batch.

    Parameters
    ----------
    policy : Policy or str
        A policy or a catalog id, as for :func:`eldercare.evaluate_population`.
    source : path
        A Parquet file, or a directory of Parquet files (a dataset), in the flat schema.
    on : datetime.date or str
    out : path, optional
        Where to write the per-row results (the columns of :func:`eldercare.evaluate_population`,
        categories as text), one row group per batch, in input order.
    batch_rows : int
        Rows per batch (memory grows with it; see the module documentation).
    facilities, readings, reasons, missing
        As for :func:`eldercare.evaluate_population` (``reasons`` is False by default: the fast path).
        Persons are evaluated one by one, also for a policy paid per household (a household may
        straddle batches).
    stays : path, DataFrame or pyarrow Table, optional
        Stays as a separate table; a path is streamed and must list stays in the order of their
        persons (see the module documentation).

    Returns
    -------
    ParquetEvaluation

    Raises
    ------
    InvalidValue
        A missing column, or a bad value: its field names the column and the row in the file.
    """
    import pandas as pd
    import pyarrow.parquet as pq

    size = _check_batch_rows(batch_rows)
    registry = FacilityRegistry.of(facilities)
    writer = None
    parts: List[Any] = []
    rows = eligible = batches = 0
    arrow = _ArrowPeak()
    out_path = None if out is None else os.fspath(out)
    try:
        for batch in _populations(source, size, registry, stays):
            arrow.sample()
            frame = evaluate_population(
                policy, batch.population, on, registry, readings, reasons=reasons, households=False, missing=missing
            )
            if out_path is not None:
                if not reasons:  # empty without reasons: not worth a column in the file
                    frame = frame.drop(columns=["first_failing_condition", "granting_rules"])
                table = _result_table(frame)
                if writer is None:
                    writer = pq.ParquetWriter(out_path, table.schema)
                writer.write_table(table)
            rows += len(frame)
            eligible += int(frame["eligible"].sum())
            batches += 1
            weights = batch.population._weight_micros() if batch.population.weighted else None
            parts.append(_by_grant(frame, weights))
            _check.no_wrapped_sums(  # checked: the int64 sums of _by_grant cannot have wrapped round
                frame[["amount_fen", "quantity"]]
                .astype(np.float64)
                .groupby([frame["unit"], frame["period"], frame["status"]], observed=True, dropna=False)
                .sum(),
                "evaluate_parquet.by_grant",
            )
    finally:
        if writer is not None:
            writer.close()
    if parts:
        together = pd.concat(parts)
        _check.no_wrapped_sums(  # checked: the sums over the batches cannot have wrapped round
            together[["amount_fen", "quantity"]]
            .astype(np.float64)
            .groupby(level=[0, 1, 2], observed=True, dropna=False)
            .sum(),
            "evaluate_parquet.by_grant",
        )
        whole = together.groupby(level=[0, 1, 2], observed=True, dropna=False)
        by_grant = whole[["persons", "eligible", "amount_fen", "quantity"]].sum()
        for name in _WEIGHTED_OF if "weighted_persons" in parts[0].columns else ():
            by_grant[name] = whole[name].agg(_weights.exact_sum)  # exact, added group by group
        by_grant = by_grant.reset_index()
    else:
        by_grant = pd.DataFrame(
            {c: [] for c in ("unit", "period", "status", "persons", "eligible", "amount_fen", "quantity")}
        )
    for c in ("unit", "period", "status"):  # text; "" where nothing is granted
        by_grant[c] = np.asarray(["" if pd.isna(v) else str(v) for v in by_grant[c]], dtype=object)
    for c in ("persons", "eligible", "amount_fen", "quantity"):
        by_grant[c] = by_grant[c].astype(np.int64)
    result = ParquetEvaluation(rows, eligible, by_grant, batches, arrow.peak, None if writer is None else out_path)
    if "weighted_persons" in by_grant.columns:
        for name in _WEIGHTED_OF:
            setattr(result, name, _weights.exact_sum(by_grant[name]))
    return result


# --- simulation --------------------------------------------------------------------------------------


@dataclass
class SimulationTotals:
    """Month totals of a population, summed over batches (or partitions): exact integer fen.

    For a weighted population (a ``weight`` column) each table also has the weighted totals,
    ``weighted_eligible`` (by month), ``weighted_paid`` and ``weighted_amount_fen``: exact
    :class:`decimal.Decimal` values, added exactly over batches and partitions
    (:mod:`eldercare._weights`).

    Attributes
    ----------
    by_month : pandas.DataFrame
        ``month`` (``"YYYY-MM"``) and the totals of that month (at least ``eligible`` and
        ``amount_fen``).
    by_prefecture : pandas.DataFrame
        ``month``, ``prefecture`` (the hukou's prefecture code, or the residence's with
        ``regions="residence"``) and the same totals.
    by_rule : pandas.DataFrame or None
        ``month``, the granting rule and its totals (None only for totals of nobody).
    rows, batches : int
    peak_arrow_bytes : int
        As for :class:`ParquetEvaluation` (0 when not read from Parquet).
    """

    by_month: Any
    by_prefecture: Any
    by_rule: Any
    rows: int = 0
    batches: int = 0
    peak_arrow_bytes: int = 0
    engine: str = field(default="")

    @property
    def total_fen(self) -> int:
        """Money paid over all months, in fen."""
        return _check.exact_sum(self.by_month["amount_fen"], "total_fen")

    @property
    def weighted_total_fen(self) -> Any:
        """For a weighted population: money paid over all months weighted by the rows' weights, an
        exact Decimal (:mod:`eldercare._weights`); None otherwise."""
        if "weighted_amount_fen" not in self.by_month.columns:
            return None
        return _weights.exact_sum(self.by_month["weighted_amount_fen"])


def _month_text(frame: Any) -> Any:
    """`frame` with one text column ``month`` ("YYYY-MM") in place of its year and month numbers."""
    month = [f"{int(y):04d}-{int(m):02d}" for y, m in zip(frame["year"], frame["month"])]
    frame = frame.drop(columns=["year", "month"])
    frame.insert(0, "month", month)
    return frame


def _summed(frames: Sequence[Any]) -> Any:
    """Frames of totals with the same keys, summed: key columns are text (and ``month``), every
    numeric column is a total (integers stay exact)."""
    import pandas as pd

    frames = [f for f in frames if f is not None]
    if not frames:
        return None
    whole = pd.concat(frames, ignore_index=True)
    keys = [
        c
        for c in whole.columns
        if c == "month"
        or (not pd.api.types.is_numeric_dtype(whole[c]) and not c.startswith(_WEIGHTED))
        or c in _KEY_NUMBERS
    ]
    values = [c for c in whole.columns if c not in keys]
    # Checked: an int64 sum past 2**63 would wrap round; the same sums in float64 cannot.
    _check.no_wrapped_sums(
        whole[[c for c in values if not c.startswith(_WEIGHTED)]]
        .astype(np.float64)
        .groupby([whole[k] for k in keys] or np.zeros(len(whole)), sort=False, observed=True, dropna=False)
        .sum(),
        "totals",
    )
    if not keys:
        return whole[values].sum().to_frame().T
    grouped = whole.groupby(keys, sort=True, observed=True, dropna=False)
    out = grouped[[c for c in values if not c.startswith(_WEIGHTED)]].sum()
    for c in values:  # exact Decimals: added exactly, group by group
        if c.startswith(_WEIGHTED):
            out[c] = grouped[c].agg(_weights.exact_sum)
    out = out[values].reset_index()
    for c in values:
        if pd.api.types.is_bool_dtype(whole[c]) or pd.api.types.is_integer_dtype(whole[c]):
            out[c] = out[c].astype(np.int64)
    return out


# Numeric columns that identify a row of totals rather than count something.
_KEY_NUMBERS = frozenset({"prefecture", "region", "prefecture_code", "region_code"})
# The prefix of exact weighted totals (Decimal columns: totals, not keys).
_WEIGHTED = "weighted_"


def _no_totals() -> SimulationTotals:
    """The totals of nobody: empty tables."""
    import pandas as pd

    def empty(*keys: str) -> Any:
        return pd.DataFrame({c: pd.Series([], dtype=object if c == "month" else np.int64) for c in keys})

    return SimulationTotals(
        empty("month", "eligible", "amount_fen"), empty("month", "prefecture", "eligible", "amount_fen"), None
    )


def sum_simulations(parts: Sequence[SimulationTotals]) -> SimulationTotals:
    """Totals of disjoint parts of a population, added up (by month, prefecture and rule)."""
    parts = [p for p in parts if p.by_month is not None and len(p.by_month)]
    if not parts:
        return _no_totals()
    return SimulationTotals(
        _summed([p.by_month for p in parts]),
        _summed([p.by_prefecture for p in parts]),
        _summed([p.by_rule for p in parts]) if all(p.by_rule is not None for p in parts) else None,
        sum(p.rows for p in parts),
        sum(p.batches for p in parts),
        max(p.peak_arrow_bytes for p in parts),
        parts[0].engine,
    )


def _first_of_month(value: DateLike, field_name: str = "first_month") -> datetime.date:
    """The first day of `value`'s month; ``"2024-01"`` is accepted for January 2024."""
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}", value.strip()):
        value = value.strip() + "-01"
    return _core.to_date(value, field_name).replace(day=1)


def _check_months(months: int) -> int:
    if isinstance(months, bool) or not isinstance(months, (int, np.integer)) or months < 1:
        invalid(ErrorId.INVALID_PERIOD, "months", repr(months), "expected a whole number of months, at least 1")
    return int(months)


def _simulate_batch(
    policy: Any,
    population: Population,
    first_month: DateLike,
    months: int,
    facilities: Optional[FacilityRegistry] = None,
    readings: Optional[Mapping[str, str]] = None,
    *,
    regions: str = "hukou",
    missing: str = "error",
) -> SimulationTotals:
    """One population's month totals (:func:`eldercare.simulate_population`'s, months as text)."""
    if regions not in ("hukou", "residence"):
        invalid(ErrorId.INVALID_PARAMETER, "regions", str(regions), "expected 'hukou' or 'residence'")
    first = _first_of_month(first_month)
    months = _check_months(months)
    r = simulate_population(
        policy, population, first, months, regions=regions, facilities=facilities, readings=readings, missing=missing
    )
    return SimulationTotals(
        _month_text(r.by_month.copy()),
        _month_text(r.by_prefecture.copy()),
        _month_text(r.by_rule.copy()),
        len(population),
        1,
        engine="simulate_population",
    )


# --- totals at the speed of decoding ------------------------------------------------------------------
#
# For totals no person is named: only the columns the policy reads are decoded (the facts filling
# the members its rules read, the birth date and the region the totals are split by: C++
# ``columns_for_totals``), each batch becomes C++ columns straight from the Arrow buffers without ids
# (``population.from_arrow``, the GIL released), appended to the batches before it
# (``append_arrow``) until a population holds _SIMULATED_ROWS rows, which is simulated at once while
# the next batches are decoded (one thread) and built (another). A batch holding a value that path
# does not take is read again whole and built row by row, so that its error names the cell as it
# always did.

# Rows simulated at once on the path for totals: simulate_columns plans the policy's months on each
# call (about 2 ms, as much as simulating 200,000 rows), so consecutive batches are appended to one
# population (population.append_arrow) of up to this many rows, some 20 MB.
_SIMULATED_ROWS = 1 << 19

# The Arrow types population.from_arrow reads, by the kind of the fact.
_ARROW_TYPES = {
    "date": ("date32",),
    "region": ("int64", "int32"),
    "flag": ("bool",),
    "fixed_point": ("double", "int64"),
}


def _arrow_type(t: Any) -> str:
    """The name population.from_arrow knows an Arrow type by ("" for one it does not read)."""
    import pyarrow as pa

    for name, test in (
        ("date32", pa.types.is_date32),
        ("int64", pa.types.is_int64),
        ("int32", pa.types.is_int32),
        ("bool", pa.types.is_boolean),
        ("double", pa.types.is_float64),
        ("string", pa.types.is_string),
        ("list", pa.types.is_list),
    ):
        if test(t):
            return name
    return ""


def _stays_type_read(t: Any) -> bool:
    """Whether a stays column of Arrow type `t` is a list of (facility string, admitted date32,
    discharged date32) structs, which population.from_arrow reads from its buffers."""
    import pyarrow as pa

    if not pa.types.is_list(t) or not pa.types.is_struct(t.value_type):
        return False
    fields = {f.name: _arrow_type(_decoded_type(f.type)) for f in t.value_type}
    return fields == {"facility": "string", "admitted": "date32", "discharged": "date32"}


def _decoded_type(t: Any) -> Any:
    """A dictionary-encoded Arrow type's value type (`t` itself otherwise)."""
    import pyarrow as pa

    return t.value_type if pa.types.is_dictionary(t) else t


def _plain_stays(batch: Any) -> Any:
    """`batch` with the dictionary-encoded fields of its stays (facility ids, as Arrow writers often
    store repeated text) decoded, the form population.from_arrow reads; `batch` itself otherwise."""
    import pyarrow as pa

    name = PERSON.field("stays").column
    if name not in batch.schema.names:
        return batch
    i = batch.schema.get_field_index(name)
    t = batch.schema.field(i).type
    if not pa.types.is_list(t) or not any(pa.types.is_dictionary(f.type) for f in t.value_type):
        return batch
    plain = pa.list_(pa.struct([pa.field(f.name, _decoded_type(f.type), f.nullable) for f in t.value_type]))
    return batch.set_column(i, name, batch.column(i).cast(plain))


def _parts(a: Any) -> Tuple[Any, ...]:
    """An Arrow array as population.from_arrow reads it: (type, length, offset, buffers...)."""
    return (_arrow_type(a.type), len(a), a.offset, *a.buffers())


def _gives_weights(batch: Any) -> bool:
    """Whether a record batch gives weights: a weight column with some value (null and NaN are
    missing, as for pandas)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    name = PERSON.field("weight").column
    if name not in batch.schema.names:
        return False
    a = batch.column(name)
    if a.null_count == len(a):
        return False
    return not (pa.types.is_floating(a.type) and pc.all(pc.is_nan(a)).as_py())


def _arrow_columns(batch: Any) -> Dict[str, Any]:
    """A record batch's columns as population.from_arrow reads them (the stays list by its parts)."""
    out: Dict[str, Any] = {}
    for name, a in zip(batch.schema.names, batch.columns):
        if name == PERSON.field("weight").column and a.null_count == len(a):
            continue  # no weights: an unweighted batch, as on the general path
        if name == "stays":
            items = a.values  # not sliced: the list's offsets index it
            validity, offsets = a.buffers()[:2]
            out[name] = {
                "list": ("list", len(a), a.offset, validity, offsets),
                "struct": ("struct", len(items), items.offset, items.buffers()[0]),
                **{c: _parts(items.field(c)) for c in ("facility", "admitted", "discharged")},
            }
        else:
            out[name] = _parts(a)
    return out


def _totals_columns(persons: _Source, target: Any, first: datetime.date, last: datetime.date, regions: str) -> Any:
    """The columns to read for totals, or None when the file or the policy needs the general path:
    a policy reading facts population.from_arrow does not take, columns under another name than the
    fact's (aliases), a birth date or hukou given by the ID number, or Arrow types it does not read."""
    if target.bundle or target.household or regions not in ("hukou", "residence"):
        return None  # refused on the general path, with its message
    wanted = _core.columns_for_totals(target.impl, first, last, regions)
    if wanted is None:
        return None
    own = {f.column: f for f in PERSON}
    if any(c not in own for c in persons.columns) or not {"birth_date", "hukou_region"} <= set(persons.columns):
        return None
    schema = persons.file.schema_arrow if persons.file is not None else persons.dataset.schema
    columns = [c for c in persons.columns if c in wanted or c == PERSON.field("weight").column]
    for c in columns:
        t = schema.field(c).type
        if c == PERSON.field("stays").column:
            if not _stays_type_read(t):
                return None
        elif _arrow_type(t) not in _ARROW_TYPES.get(own[c].kind, ()):
            return None
    return columns


class _RawTotals:
    """The month totals of simulate_columns (its dict), added up over batches, exactly."""

    _BY_MONTH = ("undetermined", "eligible", "paid", "amount_fen", "arrears_months", "granted_quantity")
    _WEIGHTED = ("weighted_eligible", "weighted_paid", "weighted_amount")

    def __init__(self) -> None:
        self.raw: Optional[Dict[str, Any]] = None
        # (month index, prefecture code) / (month index, rule id) -> [paid, amount, weighted paid, amount]
        self.prefecture: Dict[Tuple[int, int], List[int]] = {}
        self.rule: Dict[Tuple[int, str], List[int]] = {}

    def add(self, r: Mapping[str, Any]) -> None:
        if self.raw is None:
            self.raw = {
                k: r[k] for k in ("year", "month", "tested_on", "version_label", "status", "undetermined_months")
            }
            for c in self._BY_MONTH:
                self.raw[c] = np.zeros(len(r["year"]), dtype=np.int64)
            for c in self._WEIGHTED:
                self.raw[c] = [0] * len(r["year"])
            self.raw.update(weighted=False, total_fen=0, weighted_total=0, cpp_seconds=0.0)
        raw = self.raw
        for c in self._BY_MONTH:
            raw[c] += np.asarray(r[c], dtype=np.int64)
        for c in self._WEIGHTED:
            raw[c] = [a + b for a, b in zip(raw[c], r[c])]
        raw["weighted"] = raw["weighted"] or bool(r["weighted"])
        raw["total_fen"] += int(r["total_fen"])
        raw["weighted_total"] += int(r["weighted_total"])
        raw["cpp_seconds"] += float(r["cpp_seconds"])
        for table, keys, prefix in ((self.prefecture, "prefecture", "prefecture_"), (self.rule, "rule_id", "rule_")):
            rows = zip(
                r[prefix + "month"].tolist(),
                list(r[keys]) if keys == "rule_id" else r[keys].tolist(),
                r[prefix + "paid"].tolist(),
                r[prefix + "amount_fen"].tolist(),
                r[prefix + "weighted_paid"],
                r[prefix + "weighted_amount"],
            )
            for m, key, paid, amount, wpaid, wamount in rows:
                sums = table.setdefault((m, key), [0, 0, 0, 0])
                sums[0] += paid
                sums[1] += amount
                sums[2] += wpaid
                sums[3] += wamount

    def result(self) -> Dict[str, Any]:
        """The totals as one simulate_columns dict (for SimulationResult)."""
        assert self.raw is not None
        out = dict(self.raw)
        for table, keys, prefix in ((self.prefecture, "prefecture", "prefecture_"), (self.rule, "rule_id", "rule_")):
            items = sorted(table.items())
            out[prefix + "month"] = np.asarray([k[0] for k, _ in items], dtype=np.int64)
            out[keys] = (
                [k[1] for k, _ in items] if keys == "rule_id" else np.asarray([k[1] for k, _ in items], dtype=np.int64)
            )
            out[prefix + "paid"] = np.asarray([v[0] for _, v in items], dtype=np.int64)
            out[prefix + "amount_fen"] = np.asarray([v[1] for _, v in items], dtype=np.int64)
            out[prefix + "weighted_paid"] = [v[2] for _, v in items]
            out[prefix + "weighted_amount"] = [v[3] for _, v in items]
        return out


def _simulate_totals(
    target: Any,
    persons: _Source,
    columns: Sequence[str],
    batch_rows: int,
    registry: Optional[FacilityRegistry],
    first: datetime.date,
    months: int,
    regions: str,
    missing: str,
    progress: Optional[Callable[[int, int], None]],
) -> SimulationTotals:
    """simulate_parquet for totals (see the section's comment): the same totals as the general path."""
    core_registry = None if registry is None else registry._impl
    span = _month_span(first, months)
    given = list(persons.columns)
    total_rows = persons.num_rows if progress else 0
    whole_rows = _Rows(persons, batch_rows)
    # Batches appended into one population up to this many rows (doubling from one batch, so that the
    # first simulation starts early). Without a registry each batch is its own population: the
    # stays' facility table is the batch's, and check_inputs names the batch's stays.
    limit = _SIMULATED_ROWS if core_registry is not None else 0

    batches_read = persons.batches(batch_rows, columns)

    def decoded() -> Any:
        """The next record batch (None after the last): pyarrow decodes it, the GIL released."""
        return next(batches_read, None)

    # Populations simulated already, whose memory the next ones are built in (fresh pages for every
    # batch cost a quarter of building it).
    done_with: queue.SimpleQueue[Any] = queue.SimpleQueue()

    def spare() -> Any:
        try:
            return done_with.get_nowait()
        except queue.Empty:
            return None

    next_batch: Any = None  # the Future of the next decoded batch (the build thread's)
    last_rows = 0  # the rows of the last population built
    weights = _WeightsGiven(persons.path)
    read_batches = read_rows = 0  # the batches decoded so far, and their rows

    def built() -> Optional[List[Tuple[List[int], Any]]]:
        """The next populations to simulate, in file order (None after the last batch): each is the
        rows of the batches in it and their C++ population, or None for a batch this path does not
        take (it is rebuilt row by row), which ends the list. Runs on the build thread, which takes
        decoded batches and has the next one decoded meanwhile."""
        nonlocal next_batch, last_rows, read_batches, read_rows
        out: List[Tuple[List[int], Any]] = []
        group: Any = None
        sizes: List[int] = []
        want = min(limit, max(2 * last_rows, batch_rows))
        while group is None or sum(sizes) < want:
            data = next_batch.result()
            if data is None:
                break
            next_batch = decoding.submit(decoded)
            n = data.num_rows
            weights.check(_gives_weights(data), read_batches, read_rows, n)
            arrays = _arrow_columns(_plain_stays(data))
            del data
            read_batches, read_rows = read_batches + 1, read_rows + n
            if group is not None:
                try:
                    group.append_arrow(arrays, n, core_registry, given)
                    sizes.append(n)
                    continue
                except InvalidValue:  # a value refused, or too many regions for one population
                    out.append((sizes, group))
                    group, sizes = None, []
            try:
                group, sizes = _core.population.from_arrow(arrays, n, core_registry, given, spare()), [n]
            except InvalidValue:
                out.append(([n], None))  # a value this path does not take
                return out
        if group is not None:
            out.append((sizes, group))
            last_rows = sum(sizes)
        return out or None

    totals = _RawTotals()
    arrow = _ArrowPeak()
    rows = batches = 0
    # Three stages on three threads: batches decoded (pyarrow) while the build thread appends the
    # previous ones to a population (C++) and the one before is simulated (C++, on its own threads),
    # each releasing the GIL.
    with ThreadPoolExecutor(1, "eldercare-decode") as decoding, ThreadPoolExecutor(1, "eldercare-build") as building:
        next_batch = decoding.submit(decoded)
        building_next = building.submit(built)
        while True:
            items = building_next.result()
            if items is None:
                break
            building_next = building.submit(built)
            arrow.sample()
            for sizes, handle in items:
                n = sum(sizes)
                fast = handle is not None
                if not fast:
                    where = f"batch {batches} of {persons.path}, file rows {rows}-{rows + n - 1}"
                    try:
                        handle = Population(whole_rows.take(rows, n), facilities=registry)._impl
                    except InvalidValue as e:
                        raise _relocated(e, {"population": rows}, where) from None
                if missing == "error":
                    _core.check_inputs(target.impl, handle, core_registry, *span)
                totals.add(_core.simulate_columns(target.impl, handle, first, months, core_registry, regions, False))
                if fast:
                    done_with.put(handle)
                del handle
                for size in sizes:
                    rows += size
                    batches += 1
                    if progress is not None:
                        progress(rows, total_rows)
    if totals.raw is None:
        return _no_totals()
    r = SimulationResult(totals.result())
    whole = SimulationTotals(
        _month_text(r.by_month.copy()),
        _month_text(r.by_prefecture.copy()),
        _month_text(r.by_rule.copy()),
        rows,
        batches,
        engine="simulate_population",
    )
    result = sum_simulations([whole])  # the same normal form as the general path's sum over batches
    result.peak_arrow_bytes = arrow.peak
    return result


def simulate_parquet(
    policy: Any,
    source: PathLike,
    first_month: DateLike,
    months: int = 12,
    *,
    batch_rows: int = DEFAULT_BATCH_ROWS,
    facilities: Union[FacilityRegistry, Iterable[Facility], None] = None,
    readings: Optional[Mapping[str, str]] = None,
    stays: Any = None,
    regions: str = "hukou",
    progress: Optional[Callable[[int, int], None]] = None,
    missing: str = "error",
) -> SimulationTotals:
    """Month totals of a policy over every person of a Parquet file, batch by batch.

    Parameters
    ----------
    policy : Policy or str
        A policy or a catalog id.
    source : path
        A Parquet file or dataset directory in the flat schema.
    first_month : datetime.date or str
        Any day of the first month (``"2024-01"`` is accepted).
    months : int
        How many months.
    batch_rows, facilities, readings, stays
        As for :func:`evaluate_parquet`.
    regions : {"hukou", "residence"}
        Which region ``by_prefecture`` groups by.
    progress : callable, optional
        Called after each batch with (rows done, rows in the file).
    missing : {"error", "absent"}
        As for :func:`eldercare.evaluate_population`.

    Returns
    -------
    SimulationTotals
        The batches' totals added up: exact, and equal to the totals of the whole population at once.
    """
    size = _check_batch_rows(batch_rows)
    registry = FacilityRegistry.of(facilities)
    first = _first_of_month(first_month)
    months = _check_months(months)
    if stays is None:
        if missing not in MISSING_CHOICES:
            expected = "expected " + " or ".join(map(repr, MISSING_CHOICES))
            invalid(ErrorId.INVALID_PARAMETER, "missing", str(missing), expected)
        persons = _Source(source, "population", _REQUIRED, _KNOWN)
        target = _Target(policy, readings)
        columns = _totals_columns(persons, target, *_month_span(first, months), regions)
        if columns is not None:
            return _simulate_totals(target, persons, columns, size, registry, first, months, regions, missing, progress)
    total_rows = _Source(source, "population", _REQUIRED, _KNOWN).num_rows if progress else 0
    parts: List[SimulationTotals] = []
    arrow = _ArrowPeak()
    done = 0
    for batch in _populations(source, size, registry, stays):
        arrow.sample()
        parts.append(
            _simulate_batch(
                policy, batch.population, first, months, registry, readings, regions=regions, missing=missing
            )
        )
        # Keep the running totals small: fold the parts every so often.
        if len(parts) >= 64:
            parts = [sum_simulations(parts)]
        done += batch.data.num_rows
        if progress is not None:
            progress(done, total_rows)
    result = sum_simulations(parts)
    result.peak_arrow_bytes = arrow.peak
    return result


# --- writing a synthetic population -----------------------------------------------------------------


def write_population_parquet(
    path: PathLike,
    rows: int,
    *,
    profile: str = "xicheng",
    seed: int = 1,
    row_group_rows: int = DEFAULT_BATCH_ROWS,
    as_of: DateLike = "2024-01-01",
    compression: str = "zstd",
) -> str:
    """Write `rows` synthetic elders to a Parquet file in row groups of `row_group_rows`.

    Generated chunk by chunk by :class:`eldercare.SyntheticPopulation` (the same rows as
    ``eldercare.synthetic_population(rows, profile=..., seed=..., as_of=...)``), so memory does not
    grow with `rows`. Their stays refer to :func:`eldercare.synthetic_facilities`.

    Returns
    -------
    str
        The path written.

    Raises
    ------
    InvalidValue
        For a bad argument.
    """
    import pyarrow.parquet as pq

    if isinstance(rows, bool) or not isinstance(rows, (int, np.integer)) or rows < 0:
        invalid(ErrorId.INVALID_PARAMETER, "rows", repr(rows), "expected a whole number of rows, at least 0")
    chunk = _check_batch_rows(row_group_rows)
    generator = SyntheticPopulation(profile=profile, seed=seed, as_of=as_of)
    out = os.fspath(path)
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    writer = None
    written = 0
    try:
        while written < rows:
            n = min(chunk, rows - written)
            table = generator.next(n).to_arrow()
            if writer is None:
                writer = pq.ParquetWriter(out, table.schema, compression=compression)
            writer.write_table(table, row_group_size=n)
            written += n
    finally:
        if writer is not None:
            writer.close()
    if writer is None:  # rows == 0: an empty file with the schema of a generated population
        table = generator.next(0).to_arrow()
        pq.write_table(table, out)
    return out
