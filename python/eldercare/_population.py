"""Populations: many persons at once, from a pandas DataFrame, a pyarrow Table or a dict of arrays.

A :class:`Population` is built once in C++ from columns (validated: every error names the column,
the row and id, and the value) and can then be evaluated for any number of policies and dates with
:func:`evaluate_population` and :func:`schedule_population`; the C++ loops run with the GIL released
(and, from 4096 rows, split over the machine's cores).

The flat schema
---------------
One row per person, one column per fact of the schema (:mod:`eldercare._schema`, declared once in
C++): the column is the fact's name with ``_`` for ``.`` (``hukou.since`` -> ``hukou_since``).
Columns that are no fact are ignored. The columns, with the older names still read (aliases):

{columns}

Kinds: dates as ``datetime64`` (any unit, no time of day), ``datetime.date`` or ISO text; region
codes as whole numbers (``110102``) or text; flags as bool; whole numbers with NA/NaN/None for
missing; words as text (a Chinese label is accepted where the words have one); a set of words as
comma-separated words (``"dibao,kongchao"``), a list of words, or bits as whole numbers (bit *i* =
the *i*-th word); lists of text as comma-separated text or a list. ``stays`` is a list column: each
cell a list of ``{{"facility", "admitted", "discharged"}}`` dicts (or :class:`~eldercare.Stay` objects,
or JSON text). A level without ``ability_assessed_on`` holds from the birth date, as the JSON short
form; the assessment's other columns, and a certificate's parts, carry what :meth:`Population.to_arrow`
exports, so that a population written to Parquet reads back the same.

An ``id_number`` column (resident ID numbers) may stand in for ``birth_date``: a row's date of birth
is its ID number's when it has none, and must agree with it when it has both. With
``Population(..., hukou_from_id=True)`` the region that issued the number also stands in for a missing
``hukou_region`` (off by default: it is where the number was first issued, not necessarily today's
hukou). A ``weight`` column (survey microdata: the persons each row represents, a number at least 0,
kept to 6 decimals, rounded half to even) makes every total weighted as well (see
:mod:`eldercare._weights`); a missing, negative, NaN or infinite weight is refused. A column may also
be named by its Chinese spreadsheet header (``身份证号``, ``出生日期``, ``户籍地`` ...; the schema
declares them).

Stays may instead come as a separate table with columns ``person_id``, ``facility``, ``admitted``
and ``discharged`` (missing while ongoing): that is the fast path. Numeric columns cross to C++ as
numpy buffers without a copy where their dtype is already ``int64`` (dates as ``datetime64[D]``);
text columns are converted once. The inputs are never modified.
"""

from __future__ import annotations

import datetime
import functools
import json
import os
from typing import Any, Callable, Dict, Iterable, List, Mapping, NoReturn, Optional, Sequence, Tuple, Union

import numpy as np

from . import _check, _core, _weights
from ._calendar import DateLike
from ._errors import AsWritten, ErrorId, PolicyLookupError, invalid, invalid_type
from ._rules import Policy
from ._schema import PERSON, STAY, Field
from ._values import (
    Facility,
    FacilityRegistry,
    Filing,
    Person,
    Stay,
    _facilities_arg,
    _person_from_record,
    _walk,
)

__all__ = [
    "FLAT_COLUMNS",
    "Population",
    "SimulationResult",
    "SyntheticPopulation",
    "evaluate_population",
    "schedule_population",
    "simulate_population",
    "synthetic_facilities",
    "synthetic_population",
]

#: The columns of the flat schema, in the schema's order (what :meth:`Population.to_arrow` writes).
FLAT_COLUMNS: Tuple[str, ...] = PERSON.columns
_STAY_STRUCT_FIELDS = STAY.columns
_STAY_COLUMNS = (STAY.link or "person_id", *STAY.columns)
_STAY_REQUIRED = tuple(f.column for f in STAY if f.required)
_NAT = np.iinfo(np.int64).min
# The supported days (1800-01-01 to 2400-12-31) as days since 1970-01-01, numpy's datetime64[D].
_FIRST_DAY = int(np.datetime64("1800-01-01", "D").astype(np.int64))
_LAST_DAY = int(np.datetime64("2400-12-31", "D").astype(np.int64))


def _column_table() -> str:
    """The flat schema's columns as a reStructuredText table (the module documentation's)."""
    rows = []
    for f in PERSON:
        kind = f.kind + (f" ({', '.join(f.words)})" if f.words and len(f.words) <= 6 else "")
        state = "required" if f.required else f"optional: {f.default}"
        aliases = ", ".join(
            f"``{a.name}``" + (f" (true/false for {a.word})" if a.word else "") for a in f.aliases_in("column")
        )
        rows.append((f"``{f.column}``", f"{f.doc}; {kind}, {state}" + (f"; also {aliases}" if aliases else "")))
    width = max(len(r[0]) for r in rows)
    rule = "=" * width + "  " + "=" * 72
    lines = [rule, "column".ljust(width) + "  values", rule]
    lines += [c.ljust(width) + "  " + v for c, v in rows]
    return "\n".join([*lines, rule])


if __doc__:
    __doc__ = __doc__.format(columns=_column_table())

Tabular = Any  # a pandas DataFrame, a pyarrow Table or RecordBatch, or a mapping of column -> array


# --- reading columns -------------------------------------------------------------------------------


def _is_arrow(data: Any) -> bool:
    t = type(data)
    return t.__module__.startswith("pyarrow") and hasattr(data, "column_names")


def _table_columns(data: Tabular, what: str) -> Tuple[Dict[str, Any], int]:
    """The columns of `data` as numpy arrays or pandas Series (never copies of the caller's objects
    that are later written to), and the number of rows. Each column is one value per row: a name
    given twice, a 2-D array or a column of another length than the others is refused here."""
    import pandas as pd

    if isinstance(data, pd.DataFrame):
        _no_repeated_names([str(c) for c in data.columns], what)
        cols = {str(c): _frame_column(data.iloc[:, k], pd) for k, c in enumerate(data.columns)}
        return cols, len(data)
    if _is_arrow(data):
        _no_repeated_names([str(c) for c in data.column_names], what)
        cols = {}
        for k, name in enumerate(data.column_names):
            cols[str(name)] = _arrow_column(data.column(k))
        return cols, data.num_rows
    if isinstance(data, Mapping):
        cols = {}
        n: Optional[int] = None
        first = ""
        for name, col in data.items():
            if not isinstance(name, str):
                invalid_type(what, name, "column names must be text")
            length = _column_length(col, f"{what}.{name}")
            if n is None:
                n, first = length, name
            elif length != n:
                invalid(
                    ErrorId.INVALID_PARAMETER,
                    f"{what}.{name}",
                    f"{length} rows",
                    f"expected {n} rows like the others (as {first})",
                )
            cols[name] = col
        return cols, n or 0
    invalid_type(what, data, "expected a pandas DataFrame, a pyarrow Table or a dict of columns")


def _no_repeated_names(names: Sequence[str], what: str) -> None:
    """A table whose columns are named once each (a CSV header naming a column twice is refused,
    not read as one of them)."""
    seen: Dict[str, int] = {}
    for k, name in enumerate(names):
        if name in seen:
            invalid(
                ErrorId.INVALID_PARAMETER,
                f"{what}.{name}",
                name,
                f"the column name is given twice (columns {seen[name]} and {k}): give each column once",
            )
        seen[name] = k


def _column_length(col: Any, field: str) -> int:
    """The number of values of a column: one per row (a 1-D array, a list, a Series, an Arrow array)."""
    shape = getattr(col, "shape", None)
    if isinstance(col, np.ndarray) and col.ndim != 1:
        invalid(
            ErrorId.INVALID_PARAMETER,
            field,
            f"an array of shape {tuple(shape or ())}",
            "expected a column: one value per row (a 1-D array, a list or a Series)",
        )
    if isinstance(col, (str, bytes, Mapping)) or not hasattr(col, "__len__"):
        invalid_type(field, col, "expected a column: a list, an array or a Series")
    try:
        return len(col)
    except (TypeError, ValueError, OverflowError):
        invalid_type(field, col, "expected a column: a list, an array or a Series")


def _frame_column(col: Any, pd: Any) -> Any:
    """A DataFrame column: text backed by Arrow (pandas' "str" dtype with pyarrow storage, or a
    categorical of text) as :class:`_ArrowText`, read by C++ without a Python object per cell; other
    columns as they are."""
    dtype = col.dtype
    arrow_text = (isinstance(dtype, pd.StringDtype) and getattr(dtype, "storage", None) == "pyarrow") or (
        isinstance(dtype, pd.CategoricalDtype) and dtype.categories.inferred_type in ("string", "empty")
    )
    if arrow_text and _has_pyarrow():
        return _ArrowText.of(col)
    return col  # without pyarrow (an optional dependency) text is read cell by cell


_PYARROW: Optional[bool] = None


def _has_pyarrow() -> bool:
    """Whether pyarrow (an optional dependency) can be imported."""
    global _PYARROW
    if _PYARROW is None:
        try:
            import pyarrow  # noqa: F401

            _PYARROW = True
        except ImportError:
            _PYARROW = False
    return _PYARROW


def _is_arrow_text(t: Any) -> bool:
    import pyarrow as pa

    if pa.types.is_dictionary(t):
        t = t.value_type
    return bool(pa.types.is_string(t) or pa.types.is_large_string(t) or pa.types.is_string_view(t))


class _ArrowText:
    """A text column held by Arrow (string, large_string or dictionary of text), handed to C++ as its
    buffers (see ``text_column`` in register_population.cpp): no Python string per cell. The
    per-cell Python path (:func:`_values`) still reads it, for error messages and odd inputs."""

    __slots__ = ("array",)

    def __init__(self, array: Any) -> None:
        import pyarrow as pa

        if isinstance(array, pa.ChunkedArray):
            array = array.chunk(0) if array.num_chunks == 1 else array.combine_chunks()
        if pa.types.is_string_view(array.type):
            array = array.cast(pa.string())
        self.array = array

    @classmethod
    def of(cls, col: Any) -> Any:
        import pyarrow as pa

        try:
            array = pa.array(col)
        except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, UnicodeError):  # odd cells: the cell path names them
            return col
        return cls(array) if _is_arrow_text(array.type) else col

    def __len__(self) -> int:
        return len(self.array)

    @property
    def null_count(self) -> int:
        return int(self.array.null_count)

    def has_empty(self) -> bool:
        """Whether some present cell is the empty text."""
        import pyarrow as pa
        import pyarrow.compute as pc

        values = self.array.dictionary if pa.types.is_dictionary(self.array.type) else self.array
        return len(values) > 0 and bool(pc.any(pc.equal(pc.binary_length(values), 0)).as_py())

    def core(self) -> Tuple[Any, ...]:
        """What ``text_column`` reads: ("arrow", length, offset, validity, offsets, data, large) or
        ("dictionary", int64 codes with -1 for missing, words)."""
        import pyarrow as pa

        a = self.array
        if pa.types.is_dictionary(a.type):
            codes = a.indices.cast(pa.int64()).fill_null(-1).to_numpy(zero_copy_only=False)
            words = a.dictionary.cast(pa.string()).to_pylist()
            return ("dictionary", np.ascontiguousarray(codes, dtype=np.int64), words)
        validity, offsets, data = a.buffers()[:3]
        return (
            "arrow",
            len(a),
            a.offset,
            validity if a.null_count else None,
            offsets,
            data,
            pa.types.is_large_string(a.type),
        )

    def tolist(self) -> List[Any]:
        return self.array.to_pylist()


def _arrow_column(col: Any) -> Any:
    """A pyarrow (chunked) array as numpy (numbers, dates; zero-copy for one chunk without nulls),
    :class:`_ArrowText` (text) or a list."""
    import pyarrow as pa

    if isinstance(col, pa.ChunkedArray) and col.num_chunks == 1:
        col = col.chunk(0)  # a ChunkedArray's to_numpy() copies even one chunk
    t = col.type
    if pa.types.is_integer(t) or pa.types.is_floating(t) or pa.types.is_boolean(t):
        if col.null_count == 0:
            # An Array's to_numpy() copies no bool column (bits) unless told it may.
            return col.to_numpy(zero_copy_only=False) if pa.types.is_boolean(t) else col.to_numpy()
        if pa.types.is_integer(t):  # the values as given (not floats: 2**63 - 1 has no exact float)
            data = col.fill_null(0).to_numpy(zero_copy_only=False)
            return _masked_integers(data, np.asarray(col.is_null().to_numpy(zero_copy_only=False), dtype=bool))
        return np.asarray(col.to_numpy(zero_copy_only=False), dtype=object if pa.types.is_boolean(t) else float)
    if _is_arrow_text(t):
        return _ArrowText(col)
    if pa.types.is_date(t):
        return np.asarray(col.cast(pa.date32()).to_numpy(zero_copy_only=False), dtype="datetime64[D]")
    if pa.types.is_timestamp(t):  # checked as a DataFrame's datetime column is: no time of day
        return np.asarray(col.to_numpy(zero_copy_only=False), dtype=f"datetime64[{t.unit}]")
    if pa.types.is_list(t) and pa.types.is_struct(t.value_type):
        names = {t.value_type.field(k).name for k in range(t.value_type.num_fields)}
        if names <= set(_STAY_STRUCT_FIELDS) and {f.column for f in STAY if f.required} <= names:
            return col  # stays as Population.to_arrow() writes them: read by offsets in _arrow_stays
    return col.to_pylist()


def _is_arrow_list(col: Any) -> bool:
    return type(col).__module__.startswith("pyarrow")


def _arrow_stays(col: Any, ids: Any) -> Dict[str, Any]:
    """Stay columns from an Arrow list<struct<facility, admitted, discharged>> column, without a
    Python object per row (the person row of each stay from the list offsets)."""
    import pyarrow as pa

    arr = col.combine_chunks() if isinstance(col, pa.ChunkedArray) else col
    lengths = arr.value_lengths().fill_null(0).to_numpy(zero_copy_only=False).astype(np.int64)
    values = arr.flatten()  # the stays of non-null cells, in row order
    rows: np.ndarray = np.repeat(np.arange(len(arr), dtype=np.int64), lengths)
    starts = np.cumsum(lengths) - lengths
    index = np.arange(len(rows), dtype=np.int64) - np.repeat(starts, lengths)
    cells = _StayCells(rows, index, ids)

    def field(name: str) -> Any:
        return values.field(name) if values.type.get_field_index(name) >= 0 else None

    def dates(name: str) -> Any:
        f = field(name)
        if f is None:
            return np.full(len(values), _NAT, dtype=np.int64)
        return _dates(_arrow_column(f), name, cells)

    facility = field("facility")
    text = _ArrowText(facility) if _is_arrow_text(facility.type) else None
    if text is not None and text.null_count == 0 and not text.has_empty():
        facility_ids: Any = text.core()  # read in place by C++
    else:
        facility_ids = _text(facility.to_pylist(), "facility", cells)
        for j, f in enumerate(facility_ids):
            if not f:
                invalid(ErrorId.INVALID_STAY, cells("facility", j), "None", "is required (missing value)")
    return {
        "row": rows,
        "index": index,
        "facility": facility_ids,
        "admitted": dates("admitted"),
        "discharged": dates("discharged"),
    }


def _values(col: Any) -> Any:
    """A column as a numpy array (numeric or datetime64 dtypes) or an object array."""
    if isinstance(col, _ArrowText):
        return _list_array(col.tolist())
    try:
        import pandas as pd

        if isinstance(col, pd.Series):
            if isinstance(col.dtype, pd.CategoricalDtype):
                return col.astype(object).to_numpy()
            if isinstance(col.dtype, np.dtype) and col.dtype.kind in "iufbM":
                return col.to_numpy()  # numpy-backed: no copy; NaN and NaT stay as they are
            if str(col.dtype) in ("Int8", "Int16", "Int32", "Int64", "UInt8", "UInt16", "UInt32", "UInt64"):
                mask = np.asarray(col.isna().to_numpy(), dtype=bool)
                return _masked_integers(col.to_numpy(dtype=col.dtype.numpy_dtype, na_value=0), mask)
            if str(col.dtype) == "boolean":
                return col.to_numpy(dtype=object, na_value=None)
            return col.to_numpy(dtype=object)  # NaN, None and pd.NA stay as given (named in errors)
    except ImportError:  # pragma: no cover
        pass
    if isinstance(col, np.ndarray):
        return col
    return _list_array(list(col))


def _masked_integers(data: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Whole numbers with missing cells: float64 with NaN where every value is exact as a float
    (|v| <= 2**53), else an object array of ints and None, so that a value is refused as given."""
    present = data[~mask]
    if present.size == 0 or (int(present.min()) >= -(2**53) and int(present.max()) <= 2**53):
        out: np.ndarray = data.astype(np.float64)
        out[mask] = np.nan
        return out
    cells = _list_array(data.tolist())
    cells[mask] = None
    return cells


def _list_array(values: Sequence[Any]) -> np.ndarray:
    out: np.ndarray = np.empty(len(values), dtype=object)
    for i, v in enumerate(values):
        out[i] = v
    return out


def _missing(v: Any) -> bool:
    if v is None:
        return True
    if isinstance(v, float):
        return v != v
    na, nat = _pandas_missing()
    return v is na or v is nat


@functools.cache
def _pandas_missing() -> Tuple[Any, Any]:
    """pandas' missing-value singletons (NA, NaT), looked up once: _missing runs per cell."""
    try:
        import pandas as pd

        return (pd.NA, pd.NaT)
    except ImportError:  # pragma: no cover
        return (object(), object())  # matches nothing


class _Cells:
    """Names cells in errors: ``population.birth_date[row 3, id 'p4']``."""

    def __init__(self, table: str, ids: Union[Sequence[str], _LazyIds, None]) -> None:
        self.table = table
        self.ids = ids

    def __call__(self, column: str, row: int) -> str:
        if self.ids is not None and row < len(self.ids):
            return f"{self.table}.{column}[row {row}, id '{self.ids[row]}']"
        return f"{self.table}.{column}[row {row}]"


class _StayCells(_Cells):
    """Names the stays of a persons' stays column by their person and their place in its list:
    ``population.stays[row 3, id 'p4'][1].admitted`` (not by their place among all stays)."""

    def __init__(self, rows: Any, index: Any, ids: Any) -> None:
        super().__init__("population", ids)
        self.rows, self.index = rows, index

    def stay(self, j: int) -> str:
        return f"{super().__call__('stays', int(self.rows[j]))}[{int(self.index[j])}]"

    def __call__(self, column: str, row: int) -> str:
        return f"{self.stay(row)}.{column}"


class _LazyIds:
    """The ids as a list of str, made (and checked, as :func:`_ids` checks them) only when an error
    names a cell: building a population from valid columns never makes a Python string per row."""

    def __init__(self, col: Any) -> None:
        self._col = col
        self._list: Optional[List[str]] = None

    def list(self) -> List[str]:
        if self._list is None:
            self._list = _ids(self._col, _Cells("population", None))
        return self._list

    def __len__(self) -> int:
        return len(self.list())

    def __getitem__(self, i: int) -> str:
        return self.list()[i]


def _plain_text(values: Any, missing: bool = True) -> int:
    """Whether C++ reads an object array as it is: 0 no, 1 yes (every cell a str, or None/NaN when
    `missing`), 2 yes and every cell is missing."""
    if isinstance(values, np.ndarray) and values.dtype == object:
        return int(_core.plain_text(values, missing))
    return 0


def _id_source(col: Any) -> Any:
    """The id column as C++ reads it: Arrow buffers or an object array of str in place when every id
    is text, else the list of :func:`_ids` (numbers made text, errors naming the cell)."""
    if isinstance(col, _ArrowText) and col.null_count == 0:
        return col.core()
    if not isinstance(col, _ArrowText):
        values = _values(col)
        if _plain_text(values, missing=False):
            return values
    return _ids(col, _Cells("population", None))


def _text_source(col: Any, name: str, cells: _Cells, *, lists: bool = False) -> Any:
    """A text column as C++ reads it: Arrow buffers, an object array of str/None in place, or the
    cells of :func:`_text` (lists joined, pandas' missing values, errors naming the cell)."""
    if isinstance(col, _ArrowText):
        return col.core()
    values = _values(col)
    plain = _plain_text(values)
    if plain:
        return None if plain == 2 else values  # an all-missing column is read as an absent one
    return _text(values, name, cells, lists=lists)


def _ids(col: Any, cells: _Cells) -> List[str]:
    values = _values(col)
    out: List[str] = []
    for i, v in enumerate(values.tolist()):
        if _missing(v):
            invalid(ErrorId.INVALID_PERSON, cells("id", i), "None", "is required (missing value)")
        if isinstance(v, bool) or not isinstance(v, (str, int, np.integer)):
            invalid_type(cells("id", i), v, "expected text or a whole number")
        out.append(str(v))
    return out


def _text(col: Any, name: str, cells: _Cells, *, lists: bool = False) -> List[Optional[str]]:
    """Text cells; a list/tuple cell is joined with commas when `lists`."""
    out: List[Optional[str]] = []
    for i, v in enumerate(_values(col).tolist()):
        if isinstance(v, str):  # the common cells first (a str is never missing): this loop runs per row
            out.append(v)
        elif lists and isinstance(v, (list, tuple, np.ndarray)):
            words = list(v)
            for w in words:
                if not isinstance(w, str):
                    invalid_type(cells(name, i), v, "expected a list of words")
            out.append(",".join(words))
        elif _missing(v):
            out.append(None)
        else:
            invalid_type(cells(name, i), v, "expected text or a missing value")
    return out


def _dates(col: Any, name: str, cells: _Cells) -> Any:
    """Day numbers since 1970-01-01 (int64, NaT for missing) or ISO text cells for C++ to parse."""
    values = _values(col)
    if values.dtype.kind == "M":
        days = values.astype("datetime64[D]", copy=False)  # datetime64[D] crosses without a copy
        bad: np.ndarray = np.empty(0, dtype=np.intp)
        if days is not values:
            bad = np.flatnonzero((values != days.astype(values.dtype)) & ~np.isnat(values))
        if bad.size:
            i = int(bad[0])
            invalid_type(cells(name, i), str(values[i]), "a time of day is not a calendar date: use dates")
        numbers = days.view(np.int64)
        out_of_range = ((numbers < _FIRST_DAY) | (numbers > _LAST_DAY)) & ~np.isnat(days)
        if out_of_range.any():
            i = int(np.flatnonzero(out_of_range)[0])
            invalid(ErrorId.INVALID_DATE, cells(name, i), str(values[i]), "year outside the supported range 1800-2400")
        return np.ascontiguousarray(numbers)
    if values.dtype.kind in "iufb" and len(values):
        # A column of numbers is no date column; an all-empty one (NaN in CSV) is a column of missing dates.
        numbers = np.flatnonzero(~np.isnan(values)) if values.dtype.kind == "f" else np.arange(len(values))
        if numbers.size:
            i = int(numbers[0])
            invalid_type(cells(name, i), values[i].item(), "expected a date (datetime64, date or ISO text)")
        return np.full(len(values), _NAT, dtype=np.int64)
    cells_out: List[Optional[str]] = []
    for i, v in enumerate(values.tolist()):
        if _missing(v):
            cells_out.append(None)
        elif isinstance(v, str):
            cells_out.append(v)
        elif isinstance(v, datetime.datetime):
            if v.time() != datetime.time(0):
                invalid_type(cells(name, i), v, "a time of day is not a calendar date: use dates")
            cells_out.append(v.date().isoformat())
        elif isinstance(v, datetime.date):
            cells_out.append(v.isoformat())
        else:
            invalid_type(cells(name, i), v, "expected a date (datetime64, date or ISO text)")
    return cells_out


def _regions(col: Any, name: str, cells: _Cells, missing_ok: bool = False) -> Any:
    """Region codes as int64 numbers or text cells (None where missing, when `missing_ok`: another
    fact gives them, see the schema's given_by)."""
    if isinstance(col, _ArrowText) and col.null_count == 0:
        return col.core()
    values = _values(col)
    if values.dtype.kind == "f" and missing_ok:
        return [None if v != v else str(int(v)) if float(v).is_integer() else str(v) for v in values.tolist()]
    if values.dtype.kind in "iuf":
        # A code is a whole number 0 to 2**32 - 1 (C++ then checks it is a division code); one out of
        # that range, a fraction or a missing value is refused here, as given.
        with np.errstate(invalid="ignore"):
            if values.dtype.kind == "f":
                bad = np.isnan(values) | (values != np.floor(values)) | (values < 0) | (values > 2**32 - 1)
            elif len(values) and (int(values.min()) < 0 or int(values.max()) > 2**32 - 1):
                bad = np.asarray([not 0 <= v <= 2**32 - 1 for v in values.tolist()])
            else:
                bad = np.zeros(len(values), dtype=bool)
        if bad.any():
            i = int(np.flatnonzero(bad)[0])
            shown = _number_text(values[i])
            invalid(ErrorId.INVALID_REGION, cells(name, i), shown, "expected a division code such as 110102")
        return np.ascontiguousarray(values, dtype=np.int64)
    if _plain_text(values, missing=missing_ok):
        return values
    out: List[Optional[str]] = []
    for i, v in enumerate(values.tolist()):
        if _missing(v) and missing_ok:
            out.append(None)
            continue
        if _missing(v):
            invalid(ErrorId.INVALID_REGION, cells(name, i), "None", "is required (missing value)")
        if isinstance(v, bool) or not isinstance(v, (str, int)):
            invalid_type(cells(name, i), v, "expected a division code (text or a whole number)")
        out.append(str(v))
    return out


def _flags(col: Any, name: str, cells: _Cells) -> np.ndarray:
    """True/False as int64 0/1; a missing or other value raises."""
    values = _values(col)
    if values.dtype.kind == "b":
        return values.astype(np.int64)
    out: np.ndarray = np.zeros(len(values), dtype=np.int64)
    for i, v in enumerate(values.tolist()):
        if isinstance(v, (bool, np.bool_)):
            out[i] = int(bool(v))
        elif isinstance(v, str) and v.lower() in ("true", "false"):
            out[i] = int(v.lower() == "true")
        elif _missing(v):
            invalid(
                ErrorId.INVALID_PARAMETER,
                cells(name, i),
                v,  # nan, None or <NA>, as written
                "expected True or False",
            )
        else:
            invalid_type(cells(name, i), v, "expected True or False")
    return out


def _levels(
    col: Any, name: str, cells: Any, *, error_id: ErrorId, minimum: int, maximum: int, missing: int = -1
) -> np.ndarray:
    """Whole numbers from `minimum` to `maximum` as int64, `missing` where a cell is missing (NA,
    NaN, None). Anything else is refused with the value as given: a fraction, an infinity, a
    number out of range (-1 included: a missing value is NA, not a number), a bool, a date."""
    values = _values(col)
    kind = values.dtype.kind

    def refuse(i: int, text: str) -> NoReturn:
        invalid(error_id, cells(name, i), text, f"expected a whole number from {minimum} to {maximum}, or missing")

    if kind in "iu":
        if len(values):
            low, high = values.min(), values.max()
            if int(low) < minimum or int(high) > maximum:  # Python ints: uint64 max compares exactly
                i = next(k for k, v in enumerate(values.tolist()) if not minimum <= v <= maximum)
                refuse(i, _number_text(values[i]))
        return np.ascontiguousarray(values, dtype=np.int64)
    if kind in "bMm" and len(values):
        invalid_type(cells(name, 0), values[0].item(), "expected whole numbers")
    if kind == "f":
        nan = np.isnan(values)
        with np.errstate(invalid="ignore"):
            bad = ~nan & ((values != np.floor(values)) | (values < minimum) | (values > maximum))
        if bad.any():
            i = int(np.flatnonzero(bad)[0])
            refuse(i, _number_text(values[i]))
        return np.where(nan, missing, values).astype(np.int64)
    out: np.ndarray = np.full(len(values), missing, dtype=np.int64)
    for i, v in enumerate(values.tolist()):
        if _missing(v):
            continue
        if isinstance(v, (bool, np.bool_)) or not isinstance(v, (int, float, np.integer, np.floating)):
            invalid_type(cells(name, i), v, "expected a whole number or a missing value")
        if isinstance(v, (float, np.floating)) and not float(v).is_integer():
            refuse(i, _number_text(v))  # a fraction or an infinity
        if not minimum <= v <= maximum:
            refuse(i, _number_text(v))
        out[i] = int(v)
    return out


def _number_text(v: Any) -> AsWritten:
    """A number as an error shows it (unquoted): ints exactly ("18446744073709551615"), a whole
    float of a column with gaps as the whole number it holds ("5000", not "5000.0"), other floats
    as Python shows them ("1e+20", "inf", "2.5")."""
    if isinstance(v, (float, np.floating)):
        f = float(v)
        return AsWritten(str(int(f)) if f.is_integer() and abs(f) <= 2**53 else repr(f))
    return AsWritten(str(int(v)))


def _stay_dicts(cell: Any, where: Callable[[], str]) -> List[Tuple[str, Any, Any]]:
    """The stays of one list-column cell as (facility, admitted, discharged); `where` names the cell
    in an error (made only then: naming it needs the ids as Python strings)."""
    if type(cell) is not list and _missing(cell):  # a list (the common cell) is not missing
        return []
    if isinstance(cell, str):
        try:
            cell = json.loads(cell) if cell.strip() else []
        except json.JSONDecodeError as e:
            invalid(ErrorId.INVALID_STAY, where(), cell, f"not a JSON list of stays: {e.msg}")
        except RecursionError:
            invalid(ErrorId.INVALID_STAY, where(), cell, "not a JSON list of stays: nested too deeply")
    if isinstance(cell, np.ndarray):
        cell = cell.tolist()
    if not isinstance(cell, (list, tuple)):
        invalid_type(where(), cell, "expected a list of stays")
    out = []
    for k, s in enumerate(cell):
        if isinstance(s, Stay):
            out.append(tuple(getattr(s, c) for c in _STAY_STRUCT_FIELDS))
        elif isinstance(s, Mapping):
            unknown = set(s) - set(_STAY_STRUCT_FIELDS)
            if unknown:
                invalid(ErrorId.INVALID_STAY, f"{where()}[{k}].{sorted(map(str, unknown))[0]}", "", "unknown field")
            if any(s.get(c) is None for c in _STAY_REQUIRED):
                invalid(ErrorId.INVALID_STAY, f"{where()}[{k}]", s, "needs " + " and ".join(_STAY_REQUIRED))
            out.append(tuple(s.get(c) for c in _STAY_STRUCT_FIELDS))
        elif isinstance(s, (list, tuple)) and len(s) in (2, 3):
            out.append((s[0], s[1], s[2] if len(s) == 3 else None))
        else:
            invalid_type(
                f"{where()}[{k}]",
                s,
                "expected a Stay, a dict or (facility, admitted[, discharged])",
            )
    return out


def _plain_key_column(col: Any) -> Any:
    """A text column C++ reads as it is when every cell is present and not empty (Arrow buffers or
    an object array of str), else None (the per-cell path then names the cell it refuses)."""
    if isinstance(col, _ArrowText):
        return col.core() if col.null_count == 0 and not col.has_empty() else None
    values = _values(col)
    if _plain_text(values, missing=False) and not (values == "").any():
        return values
    return None


def _stay_columns(stays: Tabular, ids: _LazyIds) -> Dict[str, Any]:
    cols, n = _table_columns(stays, "stays")
    for c in (_STAY_COLUMNS[0], *_STAY_REQUIRED):
        if c not in cols:
            invalid(ErrorId.INVALID_STAY, f"stays.{c}", "", "the column is required")
    cells = _Cells("stays", None)
    discharged = (
        _dates(cols["discharged"], "discharged", cells) if "discharged" in cols else np.full(n, _NAT, dtype=np.int64)
    )
    admitted = _dates(cols["admitted"], "admitted", cells)
    link = _STAY_COLUMNS[0]
    person_ids = _plain_key_column(cols[link])
    facility = _plain_key_column(cols["facility"])
    if person_ids is not None and facility is not None:
        # C++ finds each stay's row in its own table of the ids (no Python dict of the population).
        return {"person_id": person_ids, "facility": facility, "admitted": admitted, "discharged": discharged}
    person_id_list = _ids(cols[link], _Cells("stays", None)) if n else []
    index = {pid: i for i, pid in enumerate(ids.list())}
    rows: np.ndarray = np.empty(n, dtype=np.int64)
    for j, pid in enumerate(person_id_list):
        row = index.get(pid)
        if row is None:
            invalid(ErrorId.INVALID_STAY, cells(link, j), pid, "no person with this id in the population")
        rows[j] = row
    facility_list = _text(cols["facility"], "facility", cells)
    for j, f in enumerate(facility_list):
        if not f:
            invalid(ErrorId.INVALID_STAY, cells("facility", j), "None", "is required (missing value)")
    return {"row": rows, "facility": facility_list, "admitted": admitted, "discharged": discharged}


def _list_stays(col: Any, ids: _LazyIds) -> Dict[str, Any]:
    rows: List[int] = []
    index: List[int] = []
    facility: List[Any] = []
    admitted: List[Any] = []
    discharged: List[Any] = []
    cells = _Cells("population", ids)
    for i, cell in enumerate(_values(col).tolist()):
        if cell is None:
            continue
        for k, (f, a, d) in enumerate(_stay_dicts(cell, lambda: cells("stays", i))):  # noqa: B023 - called at once
            rows.append(i)
            index.append(k)
            facility.append(f)
            admitted.append(a)
            discharged.append(d)
    stay_cells = _StayCells(rows, index, ids)
    for j, f in enumerate(facility):
        if not isinstance(f, str):
            invalid_type(stay_cells("facility", j), f, "expected a facility id (text)")
        if not f.isascii():
            _check.utf8(f, stay_cells("facility", j), error_id=ErrorId.INVALID_STAY)
    return {
        "row": np.asarray(rows, dtype=np.int64),
        "index": np.asarray(index, dtype=np.int64),
        "facility": facility,
        "admitted": _dates(_list_array(admitted), "admitted", stay_cells),
        "discharged": _dates(_list_array(discharged), "discharged", stay_cells),
    }


def _word_set(col: Any, f: Field, name: str, cells: _Cells) -> Any:
    """A set of words: bits as int64 (whole numbers 0 to 2**words - 1, NA/NaN for none), or words
    (text, lists) to decode."""
    if isinstance(col, _ArrowText):
        return col.core()
    values = _values(col)
    bits = {"error_id": f.error_id, "minimum": 0, "maximum": 2 ** len(f.words) - 1, "missing": 0}
    if values.dtype.kind in "iuf":
        return _levels(values, name, cells, **bits)
    if values.dtype == object and len(values) and all(type(v) is int for v in values.tolist()):
        return _levels(values, name, cells, **bits)  # bits as Python ints (a list)
    return _text_source(col, name, cells, lists=True)


def _word_flags(f: Field, flags: Mapping[str, Tuple[str, Any]], cells: _Cells) -> np.ndarray:
    """A set of words from a true/false column per word (the aliases ``mental_illness`` ... of
    ``health``), as bits."""
    bits: Any = 0
    for word, (name, col) in flags.items():
        bits = bits | (_flags(col, name, cells) << f.words.index(word))
    return np.ascontiguousarray(bits, dtype=np.int64)


def _weight_cells(col: Any, name: str, cells: _Cells) -> Any:
    """Fixed-point numbers (survey weights) as C++ reads them: int64 (whole persons), float64 (rounded
    there, half to even, at the millionth; NaN refused naming the cell) or text cells (decimal text)."""
    values = _values(col)
    if values.dtype.kind in "iu":
        return np.ascontiguousarray(values, dtype=np.int64)
    if values.dtype.kind == "f":  # an all-missing column is read as an absent one (an unweighted table)
        return None if len(values) and bool(np.isnan(values).all()) else np.ascontiguousarray(values, dtype=np.float64)
    if values.dtype.kind == "b":
        invalid_type(cells(name, 0), values[0], "expected a number of persons")
    cells_list = values.tolist()
    if cells_list and all(_missing(v) for v in cells_list):
        return None
    out: List[Optional[str]] = []  # decimal text, exact: numbers of any type are rounded by C++ first
    for i, v in enumerate(cells_list):
        if isinstance(v, str):
            out.append(v.strip())
        elif _missing(v):
            out.append(None)  # refused by C++, naming the cell
        else:
            out.append(str(_weights.from_micros(_core.weight_micros(v, cells(name, i)))))
    return out


def _adapted(f: Field, col: Any, name: str, cells: _Cells, *, missing_ok: bool = False) -> Any:
    """A fact's column in the encoding register_population.cpp reads for its kind (`missing_ok`: a
    required fact's missing cells are given by another fact)."""
    if f.kind == "fixed_point":
        return _weight_cells(col, name, cells)
    if f.kind == "date":
        return _dates(col, name, cells)
    if f.kind == "region":
        return _regions(col, name, cells, missing_ok)
    if f.kind == "flag":
        return _flags(col, name, cells)
    if f.kind == "integer":
        return _levels(col, name, cells, error_id=f.error_id, minimum=int(f.min or 0), maximum=int(f.max or 0))
    if f.kind == "word_set":
        return _word_set(col, f, name, cells)
    return _text_source(col, name, cells, lists=f.kind == "text_list")


def _population_columns(
    data: Tabular, stays: Optional[Tabular], hukou_from_id: bool = False
) -> Tuple[Dict[str, Any], Optional[Dict[str, Any]], _LazyIds, Dict[str, str], List[str]]:
    """The encodings register_population.cpp reads (the one place where columns are adapted), by
    the facts' column names; the stays; the ids; the name each column was given under where it
    is not the fact's own (an alias), for errors to quote; and the facts' columns the input has
    (an all-missing one included: what a policy may read, batch/inputs.hpp)."""
    given, rows = _table_columns(data, "population")
    for name in given:  # a header given twice, as pandas reads it: the second renamed "x.1"
        head, dot, number = name.rpartition(".")
        if dot and number.isdigit() and head in given and head in PERSON.column_names:
            invalid(
                ErrorId.INVALID_PARAMETER,
                f"population.{head}",
                name,
                f"the column {head} is given twice (pandas renamed the second {name}): give each column once",
            )
    cols, names = PERSON.resolve_columns(given, "population")
    id_field = PERSON.field("id")
    if id_field.column not in cols:
        invalid(ErrorId.INVALID_PERSON, f"population.{id_field.column}", "", "the id column is required")
    ids = _LazyIds(cols[id_field.column])
    cells = _Cells("population", ids)
    out: Dict[str, Any] = {id_field.column: _id_source(cols[id_field.column])}
    for f in PERSON:
        stand_in = f.given_by_option(hukou_from_id=hukou_from_id)
        if f.required and f.column not in cols and (stand_in is None or PERSON.field(stand_in).column not in cols):
            invalid(ErrorId.INVALID_PERSON, f"population.{f.column}", "", "the column is required")
    for f in PERSON:
        if f is id_field or f.name == "stays":
            continue
        if f.column in cols:
            stand_in = f.given_by_option(hukou_from_id=hukou_from_id)
            out[f.column] = _adapted(
                f, cols[f.column], names[f.column], cells, missing_ok=stand_in is not None and stand_in in cols
            )
        elif f.kind == "word_set":
            flags = PERSON.word_columns(f, given)
            if flags:
                out[f.column] = _word_flags(f, flags, cells)
    stay_cols: Optional[Dict[str, Any]] = None
    stays_column = PERSON.field("stays").column
    if stays is not None:
        if stays_column in cols:
            invalid(ErrorId.INVALID_STAY, "stays", "", "give stays either as a column or as a separate table, not both")
        stay_cols = _stay_columns(stays, ids)
    elif stays_column in cols:
        col = cols[stays_column]
        stay_cols = _arrow_stays(col, ids) if _is_arrow_list(col) else _list_stays(col, ids)
    # Every column as C++ reads it has one value per row: a column whose len() disagrees with what
    # it yields is refused here, never read past its end.
    for column, encoded in out.items():
        length = _encoded_length(encoded)
        if length is not None and length != rows:
            invalid(
                ErrorId.INVALID_PERSON,
                f"population.{names.get(column, column)}",
                f"{length} rows",
                f"expected {rows} rows, as many as ids (its length and its values disagree)",
            )
    renamed = {c: n for c, n in names.items() if n != c}
    present = list(cols) + [f.column for f in PERSON if f.kind == "word_set" and PERSON.word_columns(f, given)]
    return out, stay_cols, ids, renamed, present


def _encoded_length(encoded: Any) -> Optional[int]:
    """The number of values of a column as C++ reads it (None for a column left out)."""
    if encoded is None:
        return None
    if isinstance(encoded, tuple) and encoded and encoded[0] == "arrow":
        return int(encoded[1])
    if isinstance(encoded, tuple) and encoded and encoded[0] == "dictionary":
        return len(encoded[1])
    if isinstance(encoded, np.ndarray) and encoded.ndim != 1:
        return -1
    return len(encoded)


# --- the population ----------------------------------------------------------------------------------


class Population:
    """Persons held in columns in C++ (the columnar engine's ``population_columns``), for evaluating
    many policies and dates.

    Every row is checked as a person when the population is built; evaluating it then runs on the
    columnar engine (:func:`evaluate_population`, :func:`simulate_population`), or on one person per
    row where that engine does not serve (households, catalog bundles, ``path="persons"``).

    Parameters
    ----------
    data : pandas.DataFrame, pyarrow.Table or dict of arrays
        One row per person in the flat schema (see the module documentation); or a list of
        :class:`~eldercare.Person`.
    stays : pandas.DataFrame, pyarrow.Table or dict of arrays, optional
        Stays as a separate table (``person_id``, ``facility``, ``admitted``, ``discharged``).
    facilities : FacilityRegistry or iterable of Facility, optional
        When given, every stay must name a facility in it.
    hukou_from_id : bool
        Let the region that issued a row's ``id_number`` stand in for a missing ``hukou_region``
        (off by default: it is the place of first registration, not necessarily today's hukou).

    Raises
    ------
    InvalidValue
        Naming the column, the row and id, and the value: ``population.birth_date[row 3, id 'p4'] =
        '2023-02-30': ...``.

    Examples
    --------
    >>> import pandas as pd
    >>> from eldercare import Population
    >>> people = pd.DataFrame({"id": ["a", "b"], "birth_date": ["1940-05-01", "1950-01-31"],
    ...                        "hukou_region": [110102, 110105], "residence_region": [110102, 110105]})
    >>> len(Population(people)), Population(people).ids
    (2, ('a', 'b'))
    """

    __slots__ = ("_blank_array", "_id_array", "_ids", "_impl", "facilities")

    def __init__(
        self,
        data: Union[Tabular, Sequence[Person]],
        *,
        stays: Optional[Tabular] = None,
        facilities: Union[FacilityRegistry, Iterable[Facility], None] = None,
        hukou_from_id: bool = False,
    ) -> None:
        registry = FacilityRegistry.of(facilities)
        core_registry = None if registry is None else registry._impl
        if isinstance(data, (list, tuple)) and (not data or isinstance(data[0], Person)):
            for i, p in enumerate(data):
                if not isinstance(p, Person):
                    invalid_type(f"persons[{i}]", p, "expected a Person")
                if registry is not None:
                    p.validate(registry)
            if stays is not None:
                invalid(ErrorId.INVALID_STAY, "stays", "", "persons carry their own stays")
            impl = _core.population.from_persons([p._impl for p in data], core_registry)
        else:
            columns, stay_columns, _, names, present = _population_columns(data, stays, bool(hukou_from_id))
            impl = _core.population.from_columns(
                columns, stay_columns, core_registry, names, present, hukou_from_id=bool(hukou_from_id)
            )
        self._set_impl(impl, registry)

    def _set_impl(self, impl: _core.population, registry: Optional[FacilityRegistry]) -> None:
        self._impl = impl
        self.facilities: Optional[FacilityRegistry] = registry
        self._ids: Optional[Tuple[str, ...]] = None
        self._id_array: Any = None
        self._blank_array: Any = None

    @classmethod
    def _of_impl(cls, impl: _core.population, registry: Optional[FacilityRegistry]) -> Population:
        pop = cls.__new__(cls)
        pop._set_impl(impl, registry)
        return pop

    @classmethod
    def of(
        cls,
        data: Any,
        *,
        stays: Optional[Tabular] = None,
        facilities: Union[FacilityRegistry, Iterable[Facility], None] = None,
    ) -> Population:
        """`data` if it is a Population already (then `stays` must be None), else a new one."""
        if isinstance(data, Population):
            if stays is not None:
                invalid(ErrorId.INVALID_STAY, "stays", "", "the population is built already")
            return data
        return cls(data, stays=stays, facilities=facilities)

    @property
    def ids(self) -> Tuple[str, ...]:
        """The row ids, in row order (made on first use: a Python string per row)."""
        if self._ids is None:
            self._ids = tuple(self._id_column())
        return self._ids

    def _id_column(self) -> Any:
        """The ids as the text array of every result's ``id`` column, made once (results built from
        it do not convert a Python string per row each time)."""
        if self._id_array is None:
            self._id_array = _text_array(self._impl.ids() if self._ids is None else list(self._ids))
        return self._id_array

    def _blank_column(self) -> Any:
        """A text array of empty strings, one per row (``first_failing_condition`` without reasons)."""
        if self._blank_array is None:
            self._blank_array = _text_array([""] * len(self))
        return self._blank_array

    def __len__(self) -> int:
        return len(self._impl)

    def __repr__(self) -> str:
        return f"<Population of {len(self)} persons{', weighted' if self.weighted else ''}>"

    @property
    def weighted(self) -> bool:
        """Whether some row gives a survey weight: then totals are given weighted beside unweighted."""
        return bool(self._impl.weighted)

    def _weight_micros(self) -> np.ndarray:
        """Each row's weight in millionths (int64; -1 where a row gives none, which weighs 1)."""
        return self._impl.weight_micros()

    def memory_report(self) -> Any:
        """What the population costs in memory, column by column (C++ ``population_columns::
        memory_report()``).

        One row per column, or per structure kept beside the columns (the stays as C++ ``stay``
        objects, the dictionaries of the regions present, the tables of the birth days and category
        sets present). Columns that most populations leave empty (weights, household ids, ID
        numbers, a 多重 certificate's parts) hold nothing until a row gives a value.

        Returns
        -------
        pandas.DataFrame
            Columns ``column``, ``element`` (its C++ type), ``element_bytes``, ``entries``,
            ``bytes`` (held), ``allocated_bytes`` (reserved, >= ``bytes``), ``bytes_per_row`` and
            ``ids`` (True for the text that identifies rows: ``id``, ``id_number``,
            ``household_id``). ``attrs`` holds the totals: ``rows``, ``total_bytes``,
            ``total_bytes_without_ids``, ``allocated_bytes``, ``bytes_per_row`` and
            ``bytes_per_row_without_ids``.

        Examples
        --------
        >>> import eldercare
        >>> report = eldercare.synthetic_population(1000, seed=1).memory_report()
        >>> birth = report.set_index("column").loc["birth_day"]
        >>> str(birth["element"]), float(birth["bytes_per_row"])
        ('int32', 4.0)
        >>> int(report["bytes"].sum()) == report.attrs["total_bytes"]
        True
        """
        import pandas as pd

        m = self._impl.memory_report()
        names = ("column", "element", "element_bytes", "entries", "bytes", "allocated_bytes", "bytes_per_row", "ids")
        frame = pd.DataFrame.from_records(m.pop("entries"), columns=list(names))
        frame.attrs.update(m)
        return frame

    @property
    def given(self) -> Tuple[str, ...]:
        """The members of a person the input had columns for (``"categories"``, ``"stays"`` ...):
        what a policy may read of this population without ``missing="absent"``."""
        return tuple(self._impl.given)

    def person(self, index: Union[int, str]) -> Person:
        """The person of row `index` (or with that id), as a :class:`~eldercare.Person`."""
        if isinstance(index, str):
            try:
                index = self.ids.index(index)
            except ValueError:
                invalid(ErrorId.INVALID_PERSON, "person", index, "no person with this id in the population")
        row = _check.integer(index, "index", minimum=-len(self), maximum=len(self) - 1, error_id=ErrorId.INVALID_PERSON)
        return _person_from_core(self._impl.person(row % len(self)))

    def persons(self) -> List[Person]:
        """Every person, as :class:`~eldercare.Person` values (slow for large populations)."""
        return [_person_from_core(p) for p in self._impl.persons()]

    def to_arrow(self) -> Any:
        """The population as a pyarrow Table in the flat schema, stays as a list column.

        Every fact a row holds is a column (the assessment's scale, raw score and validity and a
        多重 certificate's parts included), so that the table, written to Parquet and read back with
        :class:`Population`, gives the same population. Categories are exported as their bits.

        Returns
        -------
        pyarrow.Table

        Examples
        --------
        >>> import eldercare
        >>> pop = eldercare.synthetic_population(3, seed=1)
        >>> table = pop.to_arrow()
        >>> table.num_rows, table.schema.field("stays").type
        (3, ListType(list<item: struct<facility: string, admitted: date32[day], discharged: date32[day]>>))
        >>> eldercare.Population(table, facilities=pop.facilities).persons() == pop.persons()
        True
        """
        import pyarrow as pa

        c = self._impl.columns()
        n = len(self)

        def dates(values: np.ndarray) -> Any:
            days: np.ndarray = values.view("datetime64[D]")
            return pa.array(days, type=pa.date32(), mask=np.isnat(days))

        def column(f: Field) -> Any:
            v: Any = c.get(f.column)  # None for stays, which come from the stay_* columns
            if f.kind == "date":
                return dates(v)
            if f.kind == "integer":
                return pa.array(v, type=pa.int64(), mask=v < 0)
            if f.kind in ("region", "word_set"):
                return pa.array(v, type=pa.int64())
            if f.kind == "fixed_point":  # millionths; a float64 reads back as the same millionths
                return _weight_array(self, v, lambda x: pa.array(x, type=pa.float64(), mask=np.isnan(x)))
            if f.kind == "flag":
                return pa.array(v, type=pa.bool_())
            if f.name == "stays":
                fields = [pa.array(c["stay_facility"], type=pa.string())]
                fields += [dates(c[f"stay_{g.column}"]) for g in STAY if g.kind == "date"]
                items = pa.StructArray.from_arrays(fields, names=list(_STAY_STRUCT_FIELDS))
                return pa.ListArray.from_arrays(pa.array(c["stay_offsets"], type=pa.int32()), items)
            return pa.array(v, type=pa.string())  # text, words, lists of text, a certificate's parts

        columns = {f.column: column(f) for f in PERSON}
        assert tuple(columns) == FLAT_COLUMNS and len(columns["id"]) == n
        return pa.table(columns)

    def to_frame(self) -> Any:
        """The population as a pandas DataFrame in the flat schema (see :meth:`to_arrow`).

        Dates are ``datetime64`` columns (NaT where missing), optional whole numbers ``Int64``
        (``<NA>`` where missing), sets of words (``categories``, ``health``) lists of words
        (``[]`` for none), stays a list column of ``{"facility", "admitted", "discharged"}`` dicts
        (``[]`` for a row without stays).

        Returns
        -------
        pandas.DataFrame

        Examples
        --------
        >>> import eldercare
        >>> pop = eldercare.synthetic_population(2, seed=1)
        >>> list(pop.to_frame().columns[:4])
        ['id', 'birth_date', 'hukou_region', 'residence_region']
        """
        import pandas as pd

        c = self._impl.columns()
        frame: Dict[str, Any] = {}
        for f in PERSON:
            if f.name == "stays":
                offsets = c["stay_offsets"]
                parts = [c["stay_facility"]] + [
                    c[f"stay_{g.column}"].view("datetime64[D]").tolist() for g in STAY if g.kind == "date"
                ]
                cells: List[Any] = [[] for _ in range(len(self))]  # [] for a row without stays
                for i in np.flatnonzero(np.diff(offsets)).tolist():
                    cells[i] = [
                        dict(zip(_STAY_STRUCT_FIELDS, (part[j] for part in parts)))
                        for j in range(int(offsets[i]), int(offsets[i + 1]))
                    ]
                frame[f.column] = cells
            elif f.kind == "date":
                frame[f.column] = c[f.column].view("datetime64[D]")
            elif f.kind == "integer":
                v = c[f.column]
                frame[f.column] = pd.arrays.IntegerArray(v, v < 0)
            elif f.kind == "fixed_point":
                frame[f.column] = _weight_array(self, c[f.column], lambda x: x)
            elif f.kind == "word_set":  # words, not bits: a list of words per row ([] for none)
                unique, inverse = np.unique(c[f.column], return_inverse=True)
                words = [[w for j, w in enumerate(f.words) if int(b) >> j & 1] for b in unique.tolist()]
                frame[f.column] = [list(words[k]) for k in inverse.reshape(-1).tolist()]
            elif f.name == "id":
                frame[f.column] = self._id_column()
            else:
                frame[f.column] = c[f.column]
        return pd.DataFrame(frame)


def _weight_array(pop: Population, micros: np.ndarray, make: Callable[[np.ndarray], Any]) -> Any:
    """A weight column as tables write it: all missing for an unweighted population (read back as
    absent); otherwise every row's weight, 1 where a row gave none (a partly missing weight column
    is refused when read)."""
    if not pop.weighted:
        return make(np.full(len(micros), np.nan))
    return make(np.where(micros < 0, 1.0, micros / _weights.SCALE))


def _person_from_core(p: _core.person) -> Person:
    """A C++ person as a Person: its facts by column (those that are one value each from C++, the
    others read off its assessment, certificate, stays and programmes by their paths)."""
    rec = p.record()
    parts: Dict[str, Any] = {}  # each C++ value read once (an attribute of a C++ person is a copy)
    for f in PERSON:
        if f.column not in rec:
            head = f.path[0]
            if head not in parts:
                parts[head] = getattr(p, head)
            rec[f.column] = _walk(parts[head], f.path[1:])
    return _person_from_record(rec, f"persons[{p.id}]")


# --- what to evaluate ----------------------------------------------------------------------------------


class _Target:
    """A policy, or a catalog id resolved under readings (a bundle keeps its components)."""

    def __init__(self, policy_or_id: Any, readings: Optional[Mapping[str, str]]) -> None:
        if isinstance(policy_or_id, Policy):
            if readings:
                invalid(
                    ErrorId.INVALID_PARAMETER,
                    "readings",
                    json.dumps(dict(readings), ensure_ascii=False),
                    "readings choose how a catalog id is built: pass the id, not a Policy",
                )
            self.id = policy_or_id.id
            self.impl: Any = policy_or_id._impl
            self.household = any(v.paid_to == "household" for v in policy_or_id.versions)
            self.bundle = False
            return
        if not isinstance(policy_or_id, str):
            invalid_type("policy", policy_or_id, "expected a Policy or a catalog id")
        entry = _core.catalog_at(_check.text(policy_or_id, "policy"))
        if entry.components:
            subjects = {_core.catalog_at(c).subject for c in entry.components}
            if subjects - {"person"}:
                raise PolicyLookupError(
                    f"{entry.id} is a bundle of {', '.join(sorted(subjects))} policies: only person bundles are "
                    "evaluated over a population",
                    error_id=ErrorId.UNKNOWN_POLICY,
                )
            self.impl = _core.catalog_bundle(policy_or_id, readings)
            self.household = False
            self.bundle = True
        else:
            self.impl = _core.catalog_policy(policy_or_id, readings)
            self.household = any(v.paid_to == "household" for v in self.impl.versions)
            self.bundle = False
        self.id = policy_or_id


def _route(target: _Target, per_household: bool, path: str) -> str:
    """Which engine evaluates: "columns" for a policy evaluated per person, else "persons"."""
    if path not in ("auto", "columns", "persons"):
        invalid(ErrorId.INVALID_PARAMETER, "path", str(path), "expected auto, columns or persons")
    serves = not per_household and not target.bundle
    if path == "columns" and not serves:
        invalid(
            ErrorId.INVALID_PARAMETER,
            "path",
            path,
            "the columnar engine evaluates one policy per person: households and catalog bundles take path='persons'",
        )
    if path == "auto":
        return "columns" if serves else "persons"
    return path


def _error_column(errors: Sequence[Tuple[int, str]], rows: int, pop: Population) -> Any:
    """The ``error`` column of per-row results: ``""`` for each row evaluated, the message of each
    row that could not be (``errors``: (row, message) by row, from C++)."""
    if not errors and rows == len(pop):
        return pop._blank_column()
    cells = [""] * rows
    for row, message in errors:
        cells[row] = message
    return _text_array(cells)


_TEXT_DTYPE: Any = None


def _text_array(values: Sequence[str]) -> Any:
    """`values` as the array pandas makes of a list of str (its "str" dtype in pandas 3, object
    before), so that a DataFrame built from it keeps it as it is."""
    global _TEXT_DTYPE
    import pandas as pd

    if _TEXT_DTYPE is None:
        _TEXT_DTYPE = pd.Series(["x"]).dtype
    return pd.array(values, dtype=_TEXT_DTYPE)


def _households_flag(target: _Target, households: Optional[bool]) -> bool:
    if households is None:
        return target.household
    if households and target.bundle:
        invalid(ErrorId.INVALID_PARAMETER, "households", "True", "a bundle is evaluated per person")
    return bool(households)


_CATEGORIES: Dict[Tuple[str, ...], Any] = {}

#: What ``missing=`` takes (C++ ``eldercare::missing_inputs``).
MISSING_CHOICES: Tuple[str, ...] = tuple(_core.words["missing_inputs"])


def _check_inputs(
    target: _Target, pop: Population, registry: Any, first: DateLike, last: DateLike, missing: str
) -> None:
    """No silent zeros (``eldercare/batch/inputs.hpp``): unless ``missing="absent"``, a column, the
    facility registry or a stay's facility that the policy reads and the population lacks raises
    :class:`~eldercare.InvalidValue` (``[eldercare.invalid_value.113]``) naming it and the rule that reads it."""
    if missing not in MISSING_CHOICES:
        expected = "expected " + " or ".join(map(repr, MISSING_CHOICES))
        invalid(ErrorId.INVALID_PARAMETER, "missing", str(missing), expected)
    if missing == "error":
        _core.check_inputs(target.impl, pop._impl, registry, first, last)


def _month_span(first_month: DateLike, months: int) -> Tuple[datetime.date, datetime.date]:
    """The first day of `first_month`'s month and the last day of the `months`-th month, at most
    2400-12-31 (the last supported day: a longer simulation is then refused by the engine, naming
    ``n_months``, rather than here by ``datetime``)."""
    start = _core.to_date(first_month, "first_month").replace(day=1)
    k = start.month - 1 + min(max(int(months), 1), (2400 - start.year) * 12 + 12)
    after = datetime.date(start.year + k // 12, k % 12 + 1, 1)
    return start, after - datetime.timedelta(days=1)


def _weighted_totals(pop: Population, eligible: Any, amount_fen: Any) -> Dict[str, Any]:
    """Per-row results' totals, unweighted and, for a weighted population, weighted (exact Decimals)."""
    eligible = np.ascontiguousarray(np.asarray(eligible, dtype=np.int64))
    amount = np.ascontiguousarray(np.asarray(amount_fen, dtype=np.int64))
    out: Dict[str, Any] = {"persons": len(amount), "eligible": int(eligible.sum()), "amount_fen": int(amount.sum())}
    if pop.weighted:
        w = pop._weight_micros()
        ones: np.ndarray = np.ones(len(amount), dtype=np.int64)
        out["weighted_persons"] = _weights.from_micros(_core.weighted_sum(ones, w))
        out["weighted_eligible"] = _weights.from_micros(_core.weighted_sum(eligible, w))
        out["weighted_amount_fen"] = _weights.from_micros(_core.weighted_sum(amount, w))
    return out


def _weight_column(pop: Population) -> np.ndarray:
    """Each row's weight as float64 (1.0 where a row gives none), for per-row results."""
    w = pop._weight_micros()
    return np.where(w < 0, 1.0, w / _weights.SCALE)


def _categorical(codes: np.ndarray, words: Sequence[str]) -> Any:
    """Codes made by C++ (valid by construction: -1 for missing) as a pandas Categorical, without a
    copy of the codes or a scan to check them; the categories' dtype is made once per vocabulary."""
    import pandas as pd

    key = tuple(words)
    dtype = _CATEGORIES.get(key)
    if dtype is None:
        dtype = _CATEGORIES[key] = pd.CategoricalDtype(list(words))
    return pd.Categorical.from_codes(codes, dtype=dtype, validate=False)


def evaluate_population(
    policy_or_id: Any,
    population: Any,
    on: DateLike,
    facilities: Union[FacilityRegistry, Iterable[Facility], None] = None,
    readings: Optional[Mapping[str, str]] = None,
    *,
    stays: Optional[Tabular] = None,
    reasons: bool = True,
    households: Optional[bool] = None,
    path: str = "auto",
    missing: str = "error",
) -> Any:
    """Evaluate a policy for every person of a population on a date.

    Parameters
    ----------
    policy_or_id : Policy or str
        A policy, or a catalog id (a bundle adds its components, as :func:`eldercare.catalog.evaluate`).
    population : Population, pandas.DataFrame, pyarrow.Table or dict of arrays
        In the flat schema (see :mod:`eldercare._population`), or a built :class:`Population`.
    on : datetime.date or str
    facilities : FacilityRegistry or iterable of Facility, optional
        Needed by stay conditions.
    readings : dict of str to str, optional
        For a catalog id: the readings to build it under (defaults otherwise).
    stays : DataFrame, Table or dict, optional
        Stays as a separate table (``person_id``, ``facility``, ``admitted``, ``discharged``).
    reasons : bool
        Also compute ``first_failing_condition`` and ``granting_rules``: the full evaluation, with an
        explanation built per row (some 20× slower); with False, only the grants, by the no-trace
        path schedules use (hundreds of thousands of persons a second).
    households : bool, optional
        Evaluate households (grouped by ``household_id``; a person without one is a household of one)
        instead of persons. By default, when the policy pays some version per household.
    missing : {"error", "absent"}
        What the policy reads and the population lacks: a column (no ``categories`` column for a
        policy that tests categories), the facility registry (stays read, rows with stays, no
        ``facilities``), a stay's facility not in the registry. ``"error"`` (the default) raises
        :class:`~eldercare.InvalidValue` (``[eldercare.invalid_value.113]``) naming it and the rule
        that reads it; ``"absent"`` takes them as absent (no value, an unknown facility: such a
        condition fails), which is how eldercare behaved before it checked.

    Returns
    -------
    pandas.DataFrame
        One row per person (or household) in input order: ``id``, ``eligible``, ``amount_fen`` (money
        per the grant's period), ``unit``, ``period``, ``quantity`` (of the grant, in its unit),
        ``first_failing_condition``, ``granting_rules`` (comma-separated), ``status`` (``decided``,
        ``not_in_force``, ``not_computable``, or ``undetermined``: before the scheme's first known
        date, neither eligible nor not — ``eligible`` is then False but means "unknown"), ``error``;
        for households also ``members``; for a weighted population (a ``weight`` column) also
        ``weight``. ``.attrs["totals"]`` holds the totals: ``persons``, ``eligible``, ``amount_fen``
        and, for a weighted population, ``weighted_persons``, ``weighted_eligible``,
        ``weighted_amount_fen``: exact :class:`decimal.Decimal` sums of each row's weight times its
        count or fen (see :mod:`eldercare._weights`).

        ``error`` is ``""`` for a row that was evaluated. A row that cannot be evaluated (its grant
        overflows money: rules whose amounts sum past 92,233,720,368,547,758.07 yuan) is that row's
        error, not the batch's: its ``error`` is the :class:`~eldercare.InvalidValue` message, and it
        is granted nothing (``eligible`` False, ``amount_fen`` 0); the other rows are unaffected.

    Examples
    --------
    >>> import pandas as pd, eldercare
    >>> people = pd.DataFrame({"id": ["a", "b"], "birth_date": ["1935-05-01", "1950-01-31"],
    ...                        "hukou_region": [110102, 110102], "residence_region": [110102, 110102]})
    >>> out = eldercare.evaluate_population("cn.beijing.elderly_allowances.advanced_age", people, "2024-06-01")
    >>> out[["id", "eligible", "amount_fen"]].to_dict("list")
    {'id': ['a', 'b'], 'eligible': [True, False], 'amount_fen': [10000, 0]}
    """
    import pandas as pd

    target = _Target(policy_or_id, readings)
    pop = Population.of(population, stays=stays, facilities=facilities)
    registry = _facilities_arg(facilities if facilities is not None else pop.facilities)
    per_household = _households_flag(target, households)
    day = _core.to_date(on, "on")
    _check_inputs(target, pop, registry, day, day, missing)
    if _route(target, per_household, path) == "columns":
        r = _core.evaluate_columns(target.impl, pop._impl, on, registry, reasons)
        r["status"] = np.full(len(pop), r["status_code"], dtype=np.int8)
        ids = pop._id_column()
    elif per_household:
        r = _core.evaluate_household_batch(target.impl, pop._impl, on, registry)
        ids = r["id"]
    else:
        r = _core.evaluate_batch(target.impl, pop._impl, on, registry, reasons)
        ids = pop._id_column()
    frame = {
        "id": ids,
        "eligible": r["eligible"],
        "amount_fen": r["amount_fen"],
        "unit": _categorical(r["unit"], _core.benefit_unit_codes),
        "period": _categorical(r["period"], _core.benefit_period_codes),
        "quantity": r["quantity"],
        "first_failing_condition": r["first_failing_condition"] if reasons or per_household else pop._blank_column(),
        "granting_rules": r["granting_rules"] if reasons or per_household else pop._blank_column(),
        "status": _categorical(r["status"], _core.decision_status_codes),
    }
    frame["error"] = _error_column(r["errors"], len(ids), pop)
    if "members" in r:
        frame["members"] = r["members"]
    weighted = pop.weighted and not per_household
    if weighted:
        frame["weight"] = _weight_column(pop)
    # copy=False: the columns are fresh arrays (or the population's cached ids), taken as they are,
    # without consolidating the integer columns into one block (a copy of each).
    out = pd.DataFrame(frame, copy=False)
    if weighted:
        out.attrs["totals"] = _weighted_totals(pop, r["eligible"], r["amount_fen"])
    else:
        eligible, amount = int(np.count_nonzero(r["eligible"])), int(np.sum(r["amount_fen"]))
        out.attrs["totals"] = {"persons": len(out), "eligible": eligible, "amount_fen": amount}
    return out


def schedule_population(
    policy_or_id: Any,
    population: Any,
    first: DateLike,
    last: DateLike,
    facilities: Union[FacilityRegistry, Iterable[Facility], None] = None,
    readings: Optional[Mapping[str, str]] = None,
    *,
    stays: Optional[Tabular] = None,
    households: Optional[bool] = None,
    wide: bool = False,
    missing: str = "error",
) -> Any:
    """Month-by-month payments for every person (or household), as :func:`eldercare.schedule` makes them.

    Parameters
    ----------
    policy_or_id, population, facilities, readings, stays, households, missing
        As for :func:`evaluate_population`.
    first, last : datetime.date or str
        From `first`'s month to `last`'s month inclusive.
    wide : bool
        Return the money as a persons × months table (columns ``"YYYY-MM"``) instead of long form.

    Returns
    -------
    pandas.DataFrame
        Long form: one row per person and month, ``id``, ``year``, ``month``, ``eligible``,
        ``undetermined`` (the month is before the scheme's first known date), ``amount_fen`` (money
        paid that month: arrears, one-off and yearly grants as schedules pay them), ``quantity``
        (of a non-money grant that month); both missing (``<NA>``) in undetermined months, whose
        amounts are unknown, not 0; and ``error`` (as for :func:`evaluate_population`: ``""``, or
        the message of a person whose schedule cannot be computed, whose months are then 0). The
        wide form has no room for it: such a person raises.
    """
    import pandas as pd

    target = _Target(policy_or_id, readings)
    pop = Population.of(population, stays=stays, facilities=facilities)
    registry = _facilities_arg(facilities if facilities is not None else pop.facilities)
    _check_inputs(target, pop, registry, _core.to_date(first, "first"), _core.to_date(last, "last"), missing)
    if _households_flag(target, households):
        r = _core.schedule_household_batch(target.impl, pop._impl, first, last, registry)
        ids = r["id"]
    else:
        r = _core.schedule_batch(target.impl, pop._impl, first, last, registry)
        ids = pop._id_column()
    years, months = r["year"], r["month"]
    unknown = r["undetermined"]
    if wide:
        if r["errors"]:  # no room for an error column: the first row that cannot be evaluated raises
            row, message = r["errors"][0]
            invalid(ErrorId.INVALID_MONEY, f"schedule_population[row {row}, id '{ids[row]}']", "", message)
        labels = [f"{y:04d}-{m:02d}" for y, m in zip(years, months)]
        table = pd.DataFrame(r["amount_fen"], index=pd.Index(ids, name="id"), columns=labels).astype("Int64")
        return table.mask(pd.DataFrame(unknown, index=table.index, columns=labels))
    n, k = len(ids), len(years)
    flat = unknown.reshape(-1)
    errors = np.asarray(_error_column(r["errors"], n, pop), dtype=object)
    return pd.DataFrame(
        {
            "id": np.repeat(np.asarray(ids, dtype=object), k),
            "year": np.tile(np.asarray(years, dtype=np.int64), n),
            "month": np.tile(np.asarray(months, dtype=np.int64), n),
            "eligible": r["eligible"].reshape(-1),
            "undetermined": flat,
            "amount_fen": pd.arrays.IntegerArray(r["amount_fen"].reshape(-1), flat.copy()),
            "quantity": pd.arrays.IntegerArray(r["quantity"].reshape(-1), flat.copy()),
            "error": np.repeat(errors, k),
        }
    )


# --- month-by-month totals on the columnar engine -------------------------------------------------------


class SimulationResult:
    """What :func:`simulate_population` returns: a policy's payments to a population month by month.

    Attributes
    ----------
    by_month : pandas.DataFrame
        One row per month: ``year``, ``month``, ``tested_on`` (the day the month is decided on),
        ``version`` (the version in force at the month's end), ``status`` (``decided``,
        ``not_in_force``, ``not_computable`` or ``undetermined``: before the scheme's first known
        date), ``undetermined`` (persons whose month is undetermined: all, or none), ``eligible``
        (persons granted something on the test day), ``paid`` (persons paid a non-zero amount),
        ``amount_fen`` (money paid, arrears included), ``arrears_months``, ``granted_quantity`` —
        these five missing (``<NA>``) in an undetermined month, whose payments are unknown.
    by_prefecture : pandas.DataFrame
        ``year``, ``month``, ``prefecture`` (the code of the hukou's prefecture, or of the residence's
        with ``regions="residence"``; a province-level code stands for itself, as does the
        province for a county coded directly under it, e.g. 460001), ``paid``, ``amount_fen``:
        one row per month and prefecture with a payment.
    by_rule : pandas.DataFrame
        ``year``, ``month``, ``rule_id``, ``paid``, ``amount_fen``: one row per month and granting rule.
    total_fen : int
        Money paid over the determined months of the horizon.
    undetermined_months : int
        Months whose payments are unknown (left out of ``total_fen``, not counted as 0).
    weighted_total_fen : decimal.Decimal or None
        For a weighted population (a ``weight`` column): money paid weighted by the rows' weights,
        exact (see :mod:`eldercare._weights`); the tables then also have ``weighted_eligible``
        (by month), ``weighted_paid`` and ``weighted_amount_fen``, exact Decimals beside the
        unweighted columns. None for an unweighted population.
    cpp_seconds : float
        The time of the C++ engine call alone (``simulate_months``), without the Python around it.
    amounts_fen : numpy.ndarray or None
        With ``per_person=True``: the money paid to each person each month (fen, arrears included, as
        :func:`eldercare.schedule` pays it), int64 of shape (persons, months), rows in the
        population's order (0 in an undetermined month: see ``by_month.status``); None otherwise.

    The persons' ids, the rows of ``amounts_fen``, are in :attr:`ids`.
    """

    __slots__ = (
        "_population",
        "amounts_fen",
        "by_month",
        "by_prefecture",
        "by_rule",
        "cpp_seconds",
        "total_fen",
        "undetermined_months",
        "weighted_total_fen",
    )

    def __init__(self, r: Mapping[str, Any], population: Optional[Population] = None) -> None:
        import pandas as pd

        years, months = r["year"], r["month"]
        # An undetermined month's counts and money are unknown: missing, never 0.
        unknown = r["undetermined"] > 0

        def known(column: str) -> Any:
            return pd.arrays.IntegerArray(np.asarray(r[column], dtype=np.int64), unknown.copy())

        self.by_month = pd.DataFrame(
            {
                "year": years,
                "month": months,
                "tested_on": r["tested_on"],
                "version": r["version_label"],
                "status": _categorical(r["status"], _core.decision_status_codes),
                "undetermined": r["undetermined"],
                "eligible": known("eligible"),
                "paid": known("paid"),
                "amount_fen": known("amount_fen"),
                "arrears_months": known("arrears_months"),
                "granted_quantity": known("granted_quantity"),
            },
            copy=False,
        )
        k = r["prefecture_month"]
        self.by_prefecture = pd.DataFrame(
            {
                "year": years[k],
                "month": months[k],
                "prefecture": r["prefecture"],
                "paid": r["prefecture_paid"],
                "amount_fen": r["prefecture_amount_fen"],
            },
            copy=False,
        )
        k = r["rule_month"]
        self.by_rule = pd.DataFrame(
            {
                "year": years[k],
                "month": months[k],
                "rule_id": np.asarray(r["rule_id"], dtype=object),
                "paid": r["rule_paid"],
                "amount_fen": r["rule_amount_fen"],
            },
            copy=False,
        )
        self.total_fen: int = int(r["total_fen"])
        self.undetermined_months: int = int(r["undetermined_months"])
        self.weighted_total_fen: Any = None
        if r["weighted"]:
            exact = _weights.from_micros

            def column(values: Any) -> np.ndarray:
                return _list_array([exact(v) for v in values])

            self.by_month["weighted_eligible"] = column(r["weighted_eligible"])
            self.by_month["weighted_paid"] = column(r["weighted_paid"])
            self.by_month["weighted_amount_fen"] = column(r["weighted_amount"])
            self.by_prefecture["weighted_paid"] = column(r["prefecture_weighted_paid"])
            self.by_prefecture["weighted_amount_fen"] = column(r["prefecture_weighted_amount"])
            self.by_rule["weighted_paid"] = column(r["rule_weighted_paid"])
            self.by_rule["weighted_amount_fen"] = column(r["rule_weighted_amount"])
            self.weighted_total_fen = exact(r["weighted_total"])
        self.cpp_seconds: float = float(r["cpp_seconds"])
        self.amounts_fen: Optional[np.ndarray] = r.get("amounts_fen")
        # The ids are made on first use: building a text column of every id costs more than the
        # simulation itself, and the rows of amounts_fen are already in the population's order.
        self._population = population if self.amounts_fen is not None else None

    @property
    def ids(self) -> Any:
        """With ``per_person=True``: the persons' ids, the rows of ``amounts_fen`` (None otherwise)."""
        return None if self._population is None else self._population._id_column()

    def __repr__(self) -> str:
        more = f", {self.undetermined_months} undetermined" if self.undetermined_months else ""
        return f"<SimulationResult of {len(self.by_month)} months{more}, {self.total_fen} fen>"


def simulate_population(
    policy_or_id: Any,
    population: Any,
    first_month: DateLike,
    months: int = 12,
    *,
    regions: str = "hukou",
    facilities: Union[FacilityRegistry, Iterable[Facility], None] = None,
    readings: Optional[Mapping[str, str]] = None,
    stays: Optional[Tabular] = None,
    per_person: bool = False,
    missing: str = "error",
) -> SimulationResult:
    """Pay a policy to every person of a population month by month, and total the payments.

    Each person is paid as :func:`eldercare.schedule` pays one person (the month's test day, arrears,
    per-day, per-year and one-off grants); the totals are those of :func:`schedule_population`
    summed over the same people, computed by the columnar engine (``simulate_months``) without a
    table of persons × months.

    Parameters
    ----------
    policy_or_id : Policy or str
        A policy paid per person, or a catalog id of one (not a bundle).
    population : Population, pandas.DataFrame, pyarrow.Table or dict of arrays
        As for :func:`evaluate_population`.
    first_month : datetime.date or str
        A day of the first month.
    months : int
        How many months (1 or more).
    regions : {"hukou", "residence"}
        Whose prefecture ``by_prefecture`` totals under.
    facilities, readings, stays, missing
        As for :func:`evaluate_population`.
    per_person : bool
        Also keep what each person is paid each month: ``.amounts_fen`` (int64, persons × months,
        8 bytes per person and month) with the persons' ids in ``.ids``; the months are those of
        :func:`schedule_population` over the same span.

    Returns
    -------
    SimulationResult
        ``.by_month``, ``.by_prefecture``, ``.by_rule`` (pandas DataFrames), ``.total_fen``; with
        ``per_person``, ``.amounts_fen`` and ``.ids``.

    Examples
    --------
    >>> import eldercare
    >>> pop = eldercare.synthetic_population(2000, seed=3)
    >>> r = eldercare.simulate_population("cn.beijing.xicheng.cross_region_care", pop, "2024-01-01", 3)
    >>> r.by_month[["year", "month"]].values.tolist()
    [[2024, 1], [2024, 2], [2024, 3]]
    >>> int(r.by_month["amount_fen"].sum()) == r.total_fen == int(r.by_rule["amount_fen"].sum())
    True
    """
    target = _Target(policy_or_id, readings)
    if target.bundle:
        invalid(
            ErrorId.INVALID_PARAMETER,
            "policy",
            target.id,
            "is a catalog bundle: simulate each of its components (simulate_population takes one policy)",
        )
    if target.household:
        invalid(
            ErrorId.INVALID_PARAMETER,
            "policy",
            target.id,
            "pays households: use schedule_population(..., households=True)",
        )
    months = _check.integer(months, "months", error_id=ErrorId.INVALID_PERIOD)
    pop = Population.of(population, stays=stays, facilities=facilities)
    registry = _facilities_arg(facilities if facilities is not None else pop.facilities)
    if not isinstance(per_person, (bool, np.bool_)):
        invalid_type("per_person", per_person, "expected True or False")
    _check_inputs(target, pop, registry, *_month_span(first_month, int(months)), missing)
    r = _core.simulate_columns(target.impl, pop._impl, first_month, int(months), registry, regions, bool(per_person))
    return SimulationResult(r, pop if per_person else None)


# --- synthetic populations ---------------------------------------------------------------------------

#: The most rows of a population (C++ ``population_columns::max_size``: 32-bit offsets).
_MAX_ROWS = 4294967294
#: The least memory a synthetic row takes in C++ (its columns, without stays): for refusing, before
#: any is drawn, a chunk that cannot fit in this machine's memory.
_ROW_BYTES = 48


def _check_memory_for(rows: int) -> None:
    """MemoryError naming the request when `rows` synthetic rows cannot fit in physical memory."""
    try:
        memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (AttributeError, ValueError, OSError):  # pragma: no cover - not a POSIX system
        return
    if memory > 0 and rows * _ROW_BYTES > memory:
        raise MemoryError(
            f"{rows} synthetic rows need at least {rows * _ROW_BYTES / 2**30:.0f} GiB, more than this machine's "
            f"{memory / 2**30:.0f} GiB: draw them in chunks (SyntheticPopulation.next)"
        )


#: The profiles of :func:`synthetic_population` (where the synthetic elders' hukou is).
SYNTHETIC_PROFILES: Tuple[str, ...] = ("xicheng", "beijing", "weihai", "xian", "mixed")


def synthetic_facilities() -> FacilityRegistry:
    """The 40 facilities synthetic stays refer to (the same for every seed and profile).

    Examples
    --------
    >>> import eldercare
    >>> len(eldercare.synthetic_facilities())
    40
    """
    return _registry_from_core(_core.synthetic_facilities())


def _registry_from_core(impl: _core.facility_registry) -> FacilityRegistry:
    out = []
    for fid in impl.ids():
        f = impl.find(fid)
        assert f is not None  # an id the registry itself listed
        fl = f.filing
        filing = (
            None
            if fl is None
            else Filing(str(fl.authority_region), fl.filed_on, revoked_on=fl.revoked_on, receipt_no=fl.receipt_no)
        )
        out.append(Facility(f.id, str(f.region), kind=f.kind, beds=f.beds, filing=filing))
    return FacilityRegistry(out)


class SyntheticPopulation:
    """A reproducible stream of synthetic elders (the C++ ``synthetic_population``), chunk by chunk.

    Parameters
    ----------
    profile : str
        One of :data:`SYNTHETIC_PROFILES`.
    seed : int
        The same seed, profile and ``as_of`` give the same rows.
    as_of : datetime.date or str
        Ages, assessments and stays are drawn relative to this day.
    start : int
        Rows of the stream to skip first (they are drawn and dropped: the stream has no random
        access), so that ``start=n`` continues where a first ``n`` rows ended.

    Examples
    --------
    >>> import eldercare
    >>> stream = eldercare.SyntheticPopulation(seed=7)
    >>> first, second = stream.next(100), stream.next(100)
    >>> second.ids[0], stream.rows_drawn
    ('p100', 200)
    >>> eldercare.SyntheticPopulation(seed=7, start=100).next(100).persons() == second.persons()
    True
    """

    __slots__ = ("_impl", "facilities")

    def __init__(
        self, *, profile: str = "xicheng", seed: int = 0, as_of: DateLike = "2024-01-01", start: int = 0
    ) -> None:
        seed = _check.integer(seed, "seed", minimum=0, maximum=2**64 - 1)
        start = _check.integer(start, "start", minimum=0, maximum=2**64 - 1)
        _check.word(profile, "profile", SYNTHETIC_PROFILES)
        self._impl = _core.synthetic_generator(seed, profile, as_of)
        self.facilities: FacilityRegistry = synthetic_facilities()
        if start:
            self._impl.skip(int(start))

    @property
    def rows_drawn(self) -> int:
        """Rows drawn so far (skipped rows included)."""
        return int(self._impl.rows_drawn)

    def next(self, rows: int) -> Population:
        """The next `rows` rows, as a :class:`Population` of their own.

        Safe from several threads: calls take turns, each drawing the next rows of the stream (no
        row is drawn twice; which thread gets which chunk depends on the order the calls arrive in).

        Raises
        ------
        InvalidValue
            For `rows` not a whole number from 0 to 4294967294.
        MemoryError
            For more rows than this machine's memory holds: draw them in chunks.
        """
        rows = _check.integer(rows, "rows", minimum=0, maximum=_MAX_ROWS)
        _check_memory_for(rows)
        return Population._of_impl(self._impl.next(rows), self.facilities)

    def __repr__(self) -> str:
        return f"<SyntheticPopulation, {self.rows_drawn} rows drawn>"


def synthetic_population(
    rows: int, *, profile: str = "xicheng", seed: int = 0, as_of: DateLike = "2024-01-01", start: int = 0
) -> Population:
    """Rows ``start`` to ``start + rows`` of the synthetic stream, as a :class:`Population`.

    The rows are calibrated on published statistics (see ``docs/calibration.md``); their stays refer
    to :func:`synthetic_facilities`, which the population carries as its ``facilities``. For a
    stream of chunks use :class:`SyntheticPopulation`.

    Parameters
    ----------
    rows : int
    profile, seed, as_of, start
        As for :class:`SyntheticPopulation`.

    Examples
    --------
    >>> import eldercare
    >>> pop = eldercare.synthetic_population(1000, seed=1)
    >>> len(pop), pop.ids[:2], len(pop.facilities)
    (1000, ('p0', 'p1'), 40)
    """
    return SyntheticPopulation(profile=profile, seed=seed, as_of=as_of, start=start).next(rows)
