"""Populations: many persons at once, from a pandas DataFrame, a pyarrow Table or a dict of arrays.

A :class:`Population` is built once in C++ from columns (validated: every error names the column,
the row and id, and the value) and can then be evaluated for any number of policies and dates with
:func:`evaluate_population` and :func:`schedule_population`; the C++ loops run with the GIL released
(and, from 4096 rows, split over the machine's cores).

The flat schema
---------------
One row per person. Columns (names are the contract; others are ignored):

==========================  ========================================================================
column                      values
==========================  ========================================================================
``id``                      text (or whole numbers), unique, required
``birth_date``              ``datetime64`` (any unit, no time of day), ``datetime.date`` or ISO text
``hukou_region``            division code: whole numbers (``110102``) or text (``"110102"``)
``residence_region``        as ``hukou_region``
``hukou_since``             date, optional (missing: unknown)
``rural``                   bool (lives in a village), optional (default False)
``ability_level``           GB/T 42195 level 0-4; missing (NA/NaN/None) means no assessment
``ability_assessed_on``     date of that assessment, optional (default: the birth date, so the level
                            holds on every date, as the JSON short form)
``categories``              comma-separated words (``"dibao,kongchao"``), a list of words, or the
                            category bits as whole numbers (bit *i* = the *i*-th word of
                            :data:`eldercare.CATEGORIES`)
``disability_category``     ``"physical"``, ... (or the Chinese label); missing means no certificate
``disability_grade``        1 (一级, most severe) to 4, with a category
``mental_illness``          bool, optional
``infectious_disease``      bool, optional
``household_id``            text, optional (households for benefits paid per household)
``programmes``              comma-separated programme ids, or a list, optional
``stays``                   optional list column: each cell a list of ``{"facility", "admitted",
                            "discharged"}`` dicts (or :class:`~eldercare.Stay` objects, or JSON text)
==========================  ========================================================================

Stays may instead come as a separate table with columns ``person_id``, ``facility``, ``admitted``
and ``discharged`` (missing while ongoing): that is the fast path. Numeric columns cross to C++ as
numpy buffers without a copy where their dtype is already ``int64`` (dates as ``datetime64[D]``);
text columns are converted once. The inputs are never modified.
"""

from __future__ import annotations

import datetime
import json
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple, Union

import numpy as np

from . import _core
from ._calendar import DateLike
from ._errors import ErrorId, PolicyLookupError, invalid, invalid_type
from ._values import (
    Assessment,
    DisabilityCertificate,
    Facility,
    FacilityRegistry,
    Health,
    Hukou,
    Person,
    Residence,
    Stay,
    _facilities_arg,
)

__all__ = ["FLAT_COLUMNS", "Population", "evaluate_population", "schedule_population"]

#: The columns of the flat schema, in documentation order.
FLAT_COLUMNS: Tuple[str, ...] = (
    "id",
    "birth_date",
    "hukou_region",
    "residence_region",
    "hukou_since",
    "rural",
    "ability_level",
    "ability_assessed_on",
    "categories",
    "disability_category",
    "disability_grade",
    "mental_illness",
    "infectious_disease",
    "household_id",
    "programmes",
    "stays",
)
_STAY_COLUMNS = ("person_id", "facility", "admitted", "discharged")
_NAT = np.iinfo(np.int64).min

Tabular = Any  # a pandas DataFrame, a pyarrow Table or RecordBatch, or a mapping of column -> array


# --- reading columns -------------------------------------------------------------------------------


def _is_arrow(data: Any) -> bool:
    t = type(data)
    return t.__module__.startswith("pyarrow") and hasattr(data, "column_names")


def _table_columns(data: Tabular, what: str) -> Tuple[Dict[str, Any], int]:
    """The columns of `data` as numpy arrays or pandas Series (never copies of the caller's objects
    that are later written to), and the number of rows."""
    try:
        import pandas as pd
    except ImportError:  # pragma: no cover - pandas is a dependency
        pd = None
    if pd is not None and isinstance(data, pd.DataFrame):
        cols = {str(c): data[c] for c in data.columns}
        return cols, len(data)
    if _is_arrow(data):
        cols = {}
        for name in data.column_names:
            cols[str(name)] = _arrow_column(data.column(name))
        return cols, data.num_rows
    if isinstance(data, Mapping):
        cols = {}
        n: Optional[int] = None
        for name, col in data.items():
            if not isinstance(name, str):
                invalid_type(ErrorId.INVALID_PARAMETER, what, name, "column names must be text")
            length = len(col)
            if n is None:
                n = length
            elif length != n:
                invalid(
                    ErrorId.INVALID_PARAMETER, f"{what}.{name}", f"{length} rows", f"expected {n} rows like the others"
                )
            cols[name] = col
        return cols, n or 0
    invalid_type(
        ErrorId.INVALID_PARAMETER, what, data, "expected a pandas DataFrame, a pyarrow Table or a dict of columns"
    )


def _arrow_column(col: Any) -> Any:
    """A pyarrow (chunked) array as numpy (numbers, dates; zero-copy for one chunk without nulls) or a list."""
    import pyarrow as pa

    t = col.type
    if pa.types.is_integer(t) or pa.types.is_floating(t) or pa.types.is_boolean(t):
        if col.null_count == 0:
            return col.to_numpy()
        return np.asarray(col.to_numpy(zero_copy_only=False), dtype=object if pa.types.is_boolean(t) else float)
    if pa.types.is_date(t) or pa.types.is_timestamp(t):
        return np.asarray(col.cast(pa.date32()).to_numpy(zero_copy_only=False), dtype="datetime64[D]")
    return col.to_pylist()


def _values(col: Any) -> Any:
    """A column as a numpy array (numeric or datetime64 dtypes) or an object array."""
    try:
        import pandas as pd

        if isinstance(col, pd.Series):
            if isinstance(col.dtype, pd.CategoricalDtype):
                return col.astype(object).to_numpy()
            if isinstance(col.dtype, np.dtype) and col.dtype.kind in "iufbM":
                return col.to_numpy()  # numpy-backed: no copy; NaN and NaT stay as they are
            if str(col.dtype) in ("Int8", "Int16", "Int32", "Int64", "UInt8", "UInt16", "UInt32", "UInt64"):
                return col.to_numpy(dtype="float64", na_value=np.nan)
            if str(col.dtype) == "boolean":
                return col.to_numpy(dtype=object, na_value=None)
            return col.to_numpy(dtype=object)  # NaN, None and pd.NA stay as given (named in errors)
    except ImportError:  # pragma: no cover
        pass
    if isinstance(col, np.ndarray):
        return col
    return _list_array(list(col))


def _list_array(values: Sequence[Any]) -> np.ndarray:
    out = np.empty(len(values), dtype=object)
    for i, v in enumerate(values):
        out[i] = v
    return out


def _missing(v: Any) -> bool:
    if v is None:
        return True
    if isinstance(v, float) and v != v:
        return True
    try:
        import pandas as pd

        return v is pd.NA or v is pd.NaT
    except ImportError:  # pragma: no cover
        return False


class _Cells:
    """Names cells in errors: ``population.birth_date[row 3, id 'p4']``."""

    def __init__(self, table: str, ids: Optional[Sequence[str]]) -> None:
        self.table = table
        self.ids = ids

    def __call__(self, column: str, row: int) -> str:
        if self.ids is not None and row < len(self.ids):
            return f"{self.table}.{column}[row {row}, id '{self.ids[row]}']"
        return f"{self.table}.{column}[row {row}]"


def _ids(col: Any, cells: _Cells) -> List[str]:
    values = _values(col)
    out: List[str] = []
    for i, v in enumerate(values.tolist()):
        if _missing(v):
            invalid(ErrorId.INVALID_PERSON, cells("id", i), "None", "is required (missing value)")
        if isinstance(v, bool) or not isinstance(v, (str, int, np.integer)):
            invalid_type(ErrorId.INVALID_PERSON, cells("id", i), v, "expected text or a whole number")
        out.append(str(v))
    return out


def _text(col: Any, name: str, cells: _Cells, *, lists: bool = False) -> List[Optional[str]]:
    """Text cells; a list/tuple cell is joined with commas when `lists`."""
    out: List[Optional[str]] = []
    for i, v in enumerate(_values(col).tolist()):
        if _missing(v):
            out.append(None)
        elif isinstance(v, str):
            out.append(v)
        elif lists and isinstance(v, (list, tuple, np.ndarray)):
            words = list(v)
            for w in words:
                if not isinstance(w, str):
                    invalid_type(ErrorId.INVALID_PARAMETER, cells(name, i), v, "expected a list of words")
            out.append(",".join(words))
        else:
            invalid_type(ErrorId.INVALID_PARAMETER, cells(name, i), v, "expected text or a missing value")
    return out


def _dates(col: Any, name: str, cells: _Cells) -> Any:
    """Day numbers since 1970-01-01 (int64, NaT for missing) or ISO text cells for C++ to parse."""
    values = _values(col)
    if values.dtype.kind == "M":
        days = values.astype("datetime64[D]", copy=False)  # datetime64[D] crosses without a copy
        bad = np.empty(0, dtype=np.intp)
        if days is not values:
            bad = np.flatnonzero((values != days.astype(values.dtype)) & ~np.isnat(values))
        if bad.size:
            i = int(bad[0])
            invalid_type(
                ErrorId.INVALID_DATE, cells(name, i), str(values[i]), "a time of day is not a calendar date: use dates"
            )
        return np.ascontiguousarray(days.view(np.int64))
    if values.dtype.kind in "iufb" and len(values):
        # A column of numbers is no date column; an all-empty one (NaN in CSV) is a column of missing dates.
        numbers = np.flatnonzero(~np.isnan(values)) if values.dtype.kind == "f" else np.arange(len(values))
        if numbers.size:
            i = int(numbers[0])
            invalid_type(
                ErrorId.INVALID_DATE, cells(name, i), values[i].item(), "expected a date (datetime64, date or ISO text)"
            )
        return np.full(len(values), _NAT, dtype=np.int64)
    cells_out: List[Optional[str]] = []
    for i, v in enumerate(values.tolist()):
        if _missing(v):
            cells_out.append(None)
        elif isinstance(v, str):
            cells_out.append(v)
        elif isinstance(v, datetime.datetime):
            if v.time() != datetime.time(0):
                invalid_type(ErrorId.INVALID_DATE, cells(name, i), v, "a time of day is not a calendar date: use dates")
            cells_out.append(v.date().isoformat())
        elif isinstance(v, datetime.date):
            cells_out.append(v.isoformat())
        else:
            invalid_type(ErrorId.INVALID_DATE, cells(name, i), v, "expected a date (datetime64, date or ISO text)")
    return cells_out


def _regions(col: Any, name: str, cells: _Cells) -> Any:
    """Region codes as int64 numbers or text cells."""
    values = _values(col)
    if values.dtype.kind in "iu":
        return np.ascontiguousarray(values, dtype=np.int64)
    if values.dtype.kind == "f":
        bad = np.flatnonzero(np.isnan(values) | (values != np.floor(values)))
        if bad.size:
            i = int(bad[0])
            invalid(ErrorId.INVALID_REGION, cells(name, i), str(values[i]), "expected a division code such as 110102")
        return np.ascontiguousarray(values, dtype=np.int64)
    out: List[Optional[str]] = []
    for i, v in enumerate(values.tolist()):
        if _missing(v):
            invalid(ErrorId.INVALID_REGION, cells(name, i), "None", "is required (missing value)")
        if isinstance(v, bool) or not isinstance(v, (str, int)):
            invalid_type(ErrorId.INVALID_REGION, cells(name, i), v, "expected a division code (text or a whole number)")
        out.append(str(v))
    return out


def _flags(col: Any, name: str, cells: _Cells) -> np.ndarray:
    """True/False as int64 0/1; a missing or other value raises."""
    values = _values(col)
    if values.dtype.kind == "b":
        return values.astype(np.int64)
    out = np.zeros(len(values), dtype=np.int64)
    for i, v in enumerate(values.tolist()):
        if isinstance(v, (bool, np.bool_)):
            out[i] = int(bool(v))
        elif isinstance(v, str) and v.lower() in ("true", "false"):
            out[i] = int(v.lower() == "true")
        elif _missing(v):
            invalid(
                ErrorId.INVALID_PARAMETER,
                cells(name, i),
                "NaN" if isinstance(v, float) else str(v),
                "expected True or False",
            )
        else:
            invalid_type(ErrorId.INVALID_PARAMETER, cells(name, i), v, "expected True or False")
    return out


def _levels(col: Any, name: str, cells: _Cells, *, error_id: ErrorId) -> np.ndarray:
    """Whole numbers as int64, missing as -1; fractions raise."""
    values = _values(col)
    if values.dtype.kind in "iu":
        return np.ascontiguousarray(values, dtype=np.int64)
    if values.dtype.kind in "bM" and len(values):
        invalid_type(error_id, cells(name, 0), values[0], "expected whole numbers")
    if values.dtype.kind == "f":
        nan = np.isnan(values)
        bad = np.flatnonzero(~nan & (values != np.floor(values)))
        if bad.size:
            i = int(bad[0])
            invalid(error_id, cells(name, i), repr(float(values[i])), "expected a whole number")
        return np.where(nan, -1, values).astype(np.int64)
    out = np.full(len(values), -1, dtype=np.int64)
    for i, v in enumerate(values.tolist()):
        if _missing(v):
            continue
        if isinstance(v, bool) or not isinstance(v, (int, float, np.integer, np.floating)) or v != int(v):
            invalid_type(error_id, cells(name, i), v, "expected a whole number or a missing value")
        out[i] = int(v)
    return out


def _stay_dicts(cell: Any, at: str) -> List[Tuple[str, Any, Any]]:
    """The stays of one list-column cell as (facility, admitted, discharged)."""
    if _missing(cell):
        return []
    if isinstance(cell, str):
        try:
            cell = json.loads(cell) if cell.strip() else []
        except json.JSONDecodeError as e:
            invalid(ErrorId.INVALID_STAY, at, cell, f"not a JSON list of stays: {e.msg}")
    if isinstance(cell, np.ndarray):
        cell = cell.tolist()
    if not isinstance(cell, (list, tuple)):
        invalid_type(ErrorId.INVALID_STAY, at, cell, "expected a list of stays")
    out = []
    for k, s in enumerate(cell):
        if isinstance(s, Stay):
            out.append((s.facility, s.admitted, s.discharged))
        elif isinstance(s, Mapping):
            unknown = set(s) - {"facility", "admitted", "discharged"}
            if unknown:
                invalid(ErrorId.INVALID_STAY, f"{at}[{k}].{sorted(unknown)[0]}", "", "unknown field")
            if s.get("facility") is None or s.get("admitted") is None:
                invalid(ErrorId.INVALID_STAY, f"{at}[{k}]", json.dumps(s, default=str), "needs facility and admitted")
            out.append((s["facility"], s["admitted"], s.get("discharged")))
        elif isinstance(s, (list, tuple)) and len(s) in (2, 3):
            out.append((s[0], s[1], s[2] if len(s) == 3 else None))
        else:
            invalid_type(
                ErrorId.INVALID_STAY, f"{at}[{k}]", s, "expected a Stay, a dict or (facility, admitted[, discharged])"
            )
    return out


def _stay_columns(stays: Tabular, ids: List[str]) -> Dict[str, Any]:
    cols, n = _table_columns(stays, "stays")
    for c in ("person_id", "facility", "admitted"):
        if c not in cols:
            invalid(ErrorId.INVALID_STAY, f"stays.{c}", "", "the column is required")
    cells = _Cells("stays", None)
    person_ids = _ids(cols["person_id"], _Cells("stays", None)) if n else []
    index = {pid: i for i, pid in enumerate(ids)}
    rows = np.empty(n, dtype=np.int64)
    for j, pid in enumerate(person_ids):
        row = index.get(pid)
        if row is None:
            invalid(ErrorId.INVALID_STAY, cells("person_id", j), pid, "no person with this id in the population")
        rows[j] = row
    facility = _text(cols["facility"], "facility", cells)
    for j, f in enumerate(facility):
        if not f:
            invalid(ErrorId.INVALID_STAY, cells("facility", j), "None", "is required (missing value)")
    discharged = (
        _dates(cols["discharged"], "discharged", cells) if "discharged" in cols else np.full(n, _NAT, dtype=np.int64)
    )
    return {
        "row": rows,
        "facility": facility,
        "admitted": _dates(cols["admitted"], "admitted", cells),
        "discharged": discharged,
    }


def _list_stays(col: Any, ids: List[str]) -> Dict[str, Any]:
    rows: List[int] = []
    facility: List[Any] = []
    admitted: List[Any] = []
    discharged: List[Any] = []
    cells = _Cells("population", ids)
    for i, cell in enumerate(_values(col).tolist()):
        for f, a, d in _stay_dicts(cell, cells("stays", i)):
            rows.append(i)
            facility.append(f)
            admitted.append(a)
            discharged.append(d)
    stay_cells = _Cells("stays", None)
    return {
        "row": np.asarray(rows, dtype=np.int64),
        "facility": facility,
        "admitted": _dates(_list_array(admitted), "admitted", stay_cells),
        "discharged": _dates(_list_array(discharged), "discharged", stay_cells),
    }


def _population_columns(
    data: Tabular, stays: Optional[Tabular]
) -> Tuple[Dict[str, Any], Optional[Dict[str, Any]], List[str]]:
    """The encodings register_batch.cpp reads (the one place where columns are adapted)."""
    cols, _ = _table_columns(data, "population")
    if "id" not in cols:
        invalid(ErrorId.INVALID_PERSON, "population.id", "", "the id column is required")
    ids = _ids(cols["id"], _Cells("population", None))
    cells = _Cells("population", ids)
    out: Dict[str, Any] = {"id": ids}
    for c in ("birth_date", "hukou_region", "residence_region"):
        if c not in cols:
            invalid(ErrorId.INVALID_PERSON, f"population.{c}", "", "the column is required")
    out["birth_date"] = _dates(cols["birth_date"], "birth_date", cells)
    out["hukou_region"] = _regions(cols["hukou_region"], "hukou_region", cells)
    out["residence_region"] = _regions(cols["residence_region"], "residence_region", cells)
    for c in ("hukou_since", "ability_assessed_on"):
        if c in cols:
            out[c] = _dates(cols[c], c, cells)
    for c in ("rural", "mental_illness", "infectious_disease"):
        if c in cols:
            out[c] = _flags(cols[c], c, cells)
    if "ability_level" in cols:
        out["ability_level"] = _levels(cols["ability_level"], "ability_level", cells, error_id=ErrorId.INVALID_ABILITY)
    if "disability_grade" in cols:
        out["disability_grade"] = _levels(
            cols["disability_grade"], "disability_grade", cells, error_id=ErrorId.INVALID_ABILITY
        )
    if "disability_category" in cols:
        out["disability_category"] = _text(cols["disability_category"], "disability_category", cells)
    if "categories" in cols:
        values = _values(cols["categories"])
        if values.dtype.kind in "iu":
            out["categories"] = np.ascontiguousarray(values, dtype=np.int64)
        elif values.dtype.kind == "f":
            out["categories"] = _levels(values, "categories", cells, error_id=ErrorId.INVALID_CATEGORY).clip(min=0)
        else:
            out["categories"] = _text(values, "categories", cells, lists=True)
    if "household_id" in cols:
        out["household_id"] = _text(cols["household_id"], "household_id", cells)
    if "programmes" in cols:
        out["programmes"] = _text(cols["programmes"], "programmes", cells, lists=True)
    stay_cols: Optional[Dict[str, Any]] = None
    if stays is not None:
        if "stays" in cols:
            invalid(ErrorId.INVALID_STAY, "stays", "", "give stays either as a column or as a separate table, not both")
        stay_cols = _stay_columns(stays, ids)
    elif "stays" in cols:
        stay_cols = _list_stays(cols["stays"], ids)
    return out, stay_cols, ids


# --- the population ----------------------------------------------------------------------------------


class Population:
    """Persons built once in C++ from columns, for evaluating many policies and dates.

    Parameters
    ----------
    data : pandas.DataFrame, pyarrow.Table or dict of arrays
        One row per person in the flat schema (see the module documentation); or a list of
        :class:`~eldercare.Person`.
    stays : pandas.DataFrame, pyarrow.Table or dict of arrays, optional
        Stays as a separate table (``person_id``, ``facility``, ``admitted``, ``discharged``).
    facilities : FacilityRegistry or iterable of Facility, optional
        When given, every stay must name a facility in it.

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

    __slots__ = ("_impl", "facilities", "ids")

    def __init__(
        self,
        data: Union[Tabular, Sequence[Person]],
        *,
        stays: Optional[Tabular] = None,
        facilities: Union[FacilityRegistry, Iterable[Facility], None] = None,
    ) -> None:
        registry = FacilityRegistry.of(facilities)
        if isinstance(data, (list, tuple)) and (not data or isinstance(data[0], Person)):
            for i, p in enumerate(data):
                if not isinstance(p, Person):
                    invalid_type(ErrorId.INVALID_PERSON, f"persons[{i}]", p, "expected a Person")
                if registry is not None:
                    p.validate(registry)
            if stays is not None:
                invalid(ErrorId.INVALID_STAY, "stays", "", "persons carry their own stays")
            impl = _core.person_batch.from_persons([p._impl for p in data])
        else:
            columns, stay_columns, _ = _population_columns(data, stays)
            impl = _core.person_batch.from_columns(columns, stay_columns, None if registry is None else registry._impl)
        self._impl = impl
        self.ids: Tuple[str, ...] = tuple(impl.ids())
        self.facilities: Optional[FacilityRegistry] = registry

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

    def __len__(self) -> int:
        return len(self.ids)

    def __repr__(self) -> str:
        return f"<Population of {len(self)} persons>"

    def person(self, index: Union[int, str]) -> Person:
        """The person of row `index` (or with that id), as a :class:`~eldercare.Person`."""
        if isinstance(index, str):
            try:
                index = self.ids.index(index)
            except ValueError:
                invalid(ErrorId.INVALID_PERSON, "person", index, "no person with this id in the population")
        return _person_from_core(self._impl.person(index))

    def persons(self) -> List[Person]:
        """Every person, as :class:`~eldercare.Person` values (slow for large populations)."""
        return [_person_from_core(p) for p in self._impl.persons()]


def _person_from_core(p: _core.person) -> Person:
    a = p.ability
    d = p.disability
    return Person(
        p.id,
        p.birth_date,
        hukou=Hukou(p.hukou_region, p.hukou_since),
        residence=Residence(p.residence_region, p.rural),
        ability=None
        if a is None
        else Assessment(
            a.level,
            a.assessed_on,
            scale=a.scale,
            valid_until=a.valid_until,
            raw_score=a.raw_score,
            local_scale_id=a.local_scale_id,
        ),
        disability=None if d is None else DisabilityCertificate(d.category, d.grade, components=d.components),
        categories=p.categories,
        health=Health(p.mental_illness, p.infectious_disease),
        stays=[Stay(s.facility_id, s.admitted, s.discharged) for s in p.stays],
        household_id=p.household_id,
        programmes=p.programmes,
    )


# --- what to evaluate ----------------------------------------------------------------------------------


class _Target:
    """A policy, or a catalog id resolved under readings (a bundle keeps its components)."""

    def __init__(self, policy_or_id: Any, readings: Optional[Mapping[str, str]]) -> None:
        from ._rules import Policy

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
            invalid_type(ErrorId.INVALID_PARAMETER, "policy", policy_or_id, "expected a Policy or a catalog id")
        entry = _core.catalog_at(policy_or_id)
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


def _households_flag(target: _Target, households: Optional[bool]) -> bool:
    if households is None:
        return target.household
    if households and target.bundle:
        invalid(ErrorId.INVALID_PARAMETER, "households", "True", "a bundle is evaluated per person")
    return bool(households)


def _categorical(codes: np.ndarray, words: Sequence[str]) -> Any:
    import pandas as pd

    return pd.Categorical.from_codes(codes.astype(np.int64), categories=list(words))


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

    Returns
    -------
    pandas.DataFrame
        One row per person (or household) in input order: ``id``, ``eligible``, ``amount_fen`` (money
        per the grant's period), ``unit``, ``period``, ``quantity`` (of the grant, in its unit),
        ``first_failing_condition``, ``granting_rules`` (comma-separated), ``status`` (``decided``,
        ``not_in_force``, ``not_computable``); for households also ``members``.

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
    if _households_flag(target, households):
        r = _core.evaluate_household_batch(target.impl, pop._impl, on, registry)
        ids = r["id"]
    else:
        r = _core.evaluate_batch(target.impl, pop._impl, on, registry, reasons)
        ids = list(pop.ids)
    frame = {
        "id": ids,
        "eligible": r["eligible"],
        "amount_fen": r["amount_fen"],
        "unit": _categorical(r["unit"], _core.benefit_unit_codes),
        "period": _categorical(r["period"], _core.benefit_period_codes),
        "quantity": r["quantity"],
        "first_failing_condition": r.get("first_failing_condition", [""] * len(ids)),
        "granting_rules": r.get("granting_rules", [""] * len(ids)),
        "status": _categorical(r["status"], _core.decision_status_codes),
    }
    if "members" in r:
        frame["members"] = r["members"]
    return pd.DataFrame(frame)


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
) -> Any:
    """Month-by-month payments for every person (or household), as :func:`eldercare.schedule` makes them.

    Parameters
    ----------
    policy_or_id, population, facilities, readings, stays, households
        As for :func:`evaluate_population`.
    first, last : datetime.date or str
        From `first`'s month to `last`'s month inclusive.
    wide : bool
        Return the money as a persons × months table (columns ``"YYYY-MM"``) instead of long form.

    Returns
    -------
    pandas.DataFrame
        Long form: one row per person and month, ``id``, ``year``, ``month``, ``eligible``,
        ``amount_fen`` (money paid that month: arrears, one-off and yearly grants as schedules pay
        them) and ``quantity`` (of a non-money grant that month).
    """
    import pandas as pd

    target = _Target(policy_or_id, readings)
    pop = Population.of(population, stays=stays, facilities=facilities)
    registry = _facilities_arg(facilities if facilities is not None else pop.facilities)
    if _households_flag(target, households):
        r = _core.schedule_household_batch(target.impl, pop._impl, first, last, registry)
        ids = r["id"]
    else:
        r = _core.schedule_batch(target.impl, pop._impl, first, last, registry)
        ids = list(pop.ids)
    years, months = r["year"], r["month"]
    if wide:
        labels = [f"{y:04d}-{m:02d}" for y, m in zip(years, months)]
        return pd.DataFrame(r["amount_fen"], index=pd.Index(ids, name="id"), columns=labels)
    n, k = len(ids), len(years)
    return pd.DataFrame(
        {
            "id": np.repeat(np.asarray(ids, dtype=object), k),
            "year": np.tile(np.asarray(years, dtype=np.int64), n),
            "month": np.tile(np.asarray(months, dtype=np.int64), n),
            "eligible": r["eligible"].reshape(-1),
            "amount_fen": r["amount_fen"].reshape(-1),
            "quantity": r["quantity"].reshape(-1),
        }
    )
