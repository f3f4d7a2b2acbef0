"""Reading and writing cases: the JSON interchange format (POLICIES.md), and tables (CSV, Parquet,
spreadsheets).

:func:`load_cases` reads the JSON format from a file or from an already parsed dict; :func:`dump_cases`
writes it. :func:`read_population` and :func:`read_facilities` read tables, ``.xlsx`` workbooks with
Chinese headers included (see :func:`read_population`). The command line reads the same formats.
Every key is a fact of the schema
(:mod:`eldercare._schema`, declared once in C++): a fact's name is its path here (``hukou.since`` is
``"hukou": {"since": ...}``) and, written with ``_``, its column in tables.

Format
------
::

    {
      "facilities": [
        {"id": "F1", "region": "131082", "kind": "institution", "beds": 120,
         "filing": {"authority_region": "131082", "filed_on": "2019-03-01", "revoked_on": null}}
      ],
      "persons": [
        {"id": "p1", "birth_date": "1941-05-01",
         "hukou": {"region": "110102", "since": "1980-01-01"},
         "residence": {"region": "110102", "rural": false},
         "ability_level": 2,
         "categories": ["dibao"],
         "health": [],
         "stays": [{"facility": "F1", "admitted": "2023-02-28", "discharged": null}]}
      ]
    }

Dates are ISO text ``"YYYY-MM-DD"``; region codes are text or numbers of 6 or 9 digits.

Facilities: ``id`` and ``region`` are required; ``kind`` defaults to ``"institution"``, ``beds`` to 0,
``filing`` to null (not filed). In a filing, ``filed_on`` is required, ``authority_region`` defaults to
the facility's region, ``revoked_on`` to null, ``receipt_no`` to ``""``.

Persons: ``id``, ``birth_date``, ``hukou`` and ``residence`` are required (``hukou`` and
``residence`` may also be a bare region code: since unknown, not rural). An ``id_number`` (the
resident ID number, 18 characters or the 15 digits of before 1999) may stand in for ``birth_date``:
its digits 7-14 give it, and a ``birth_date`` given as well must agree. With
``load_cases(..., hukou_from_id=True)`` the region that issued the number (digits 1-6) also stands in
for a missing ``hukou``; by default it does not, since it is the place of first registration, not
necessarily today's hukou. Optional:

- ``ability_level``: the GB/T 42195-2022 level, 0 (能力完好) to 4 (完全失能). The short form states a
  level without a date: it is recorded as an assessment on scale ``gbt_42195_2022`` made on the
  person's birth date, so it holds on every date of the person's life (an assumption: give
  ``ability_assessed_on``, or the long form, when the date matters);
- ``ability_assessed_on``: the assessment date for the short form;
- ``ability``: the long form, ``{"level": 2, "scale": "gbt_42195_2022", "assessed_on": "2023-01-01",
  "valid_until": null, "raw_score": null, "local_scale_id": ""}`` (``level`` and ``assessed_on``
  required); give either ``ability`` or ``ability_level``, not both;
- ``disability``: a certificate, ``{"category": "physical", "grade": 2, "components": [...]}`` with
  components ``{"category": ..., "grade": ...}`` for a ``"multiple"`` certificate (grade 1 is the most
  severe);
- ``categories``: words ``dibao``, ``low_income``, ``tekun``, ``youfu``, ``jisheng_tefu``, ``shidu``,
  ``kongchao``, ``living_alone``, ``left_behind``, ``special_family``, ``model_worker``,
  ``pre_1949_party_member``, ``poor_household``, ``work_injury_care``;
- ``health``: the health conditions, words ``mental_illness`` and ``infectious_disease``
  (``["mental_illness"]``);
- ``stays``: ``[{"facility": "F1", "admitted": "2023-02-28", "discharged": null}]``;
- ``household_id``: text; ``programmes``: a list of programme ids;
- ``weight``: survey microdata, the persons the record represents (a number at least 0, kept to 6
  decimals); population totals are weighted by it.

A set of words (``categories``, ``health``) may also be an object of its words, true or false:
``{"mental_illness": true, "infectious_disease": false}``. Every fact, its JSON path and its column
are listed in ``docs/schema.md``, generated from the schema.

Aliases: ``conditions`` is the name ``health`` had before the schema
(``"conditions": {"mental_illness": false, "infectious_disease": false}``), and is still read;
``ability_level`` and ``ability_assessed_on`` are the short form above. :func:`dump_cases` writes the
facts' own names only.

Unknown fields are errors (a misspelt field must not be silently ignored); fields whose name
begins with ``_`` are ignored anywhere, for comments. Every error is an
:class:`~eldercare.InvalidValue` naming the field with the person or facility id
(``persons[p1].stays[0].discharged``) and the value. The input is never modified.
"""

from __future__ import annotations

import csv
import datetime
import functools
import json
import os
import re
from collections.abc import Mapping, Sequence  # isinstance checks (quicker than typing's)
from typing import Any, Callable, Dict, Iterable, List, NamedTuple, Optional, Tuple, TypeVar, Union

from . import _check, _core
from ._errors import ErrorId, InvalidType, InvalidValue, invalid, invalid_type
from ._population import Population
from ._schema import FACILITY, PERSON, Field, Subject, subject
from ._values import (
    Facility,
    FacilityRegistry,
    Person,
    _facility_from_record,
    _person_from_record,
    _record_of,
    _walk,
)
from .simulate import sample_population_path

__all__ = [
    "Cases",
    "Sheet",
    "dump_cases",
    "load_cases",
    "read_facilities",
    "read_population",
    "read_table",
    "sample_population",
]


class Cases(NamedTuple):
    """Persons and the facilities their stays refer to."""

    persons: List[Person]
    facilities: FacilityRegistry


_TOP_FIELDS = ("facilities", "persons")


def _object(value: Any, field: str, known: Sequence[str], error_id: ErrorId) -> Dict[str, Any]:
    """`value` as a dict of known fields (``_`` fields dropped); unknown fields raise."""
    if not isinstance(value, Mapping):
        invalid_type(field, value, "expected a JSON object")
    out: Dict[str, Any] = {}
    for key, item in value.items():
        if not isinstance(key, str):
            invalid_type(field, key, "field names must be text")
        if key.startswith("_"):
            continue
        if key not in known:
            invalid(error_id, f"{field}.{key}", _short(item), "unknown field; known: " + ", ".join(known))
        out[key] = item
    return out


def _list(value: Any, field: str, error_id: ErrorId) -> List[Any]:
    if value is None:
        return []
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Sequence):
        invalid_type(field, value, "expected a JSON array")
    return list(value)


def _required(obj: Mapping[str, Any], key: str, field: str, error_id: ErrorId) -> Any:
    if obj.get(key) is None:
        invalid(error_id, f"{field}.{key}", "null" if key in obj else "", "is required")
    return obj[key]


def _short(value: Any) -> str:
    """A JSON value as an error quotes it (shortened by :func:`invalid`)."""
    if isinstance(value, str):
        return value
    try:
        return json.dumps(value, ensure_ascii=False, default=str)
    except (RecursionError, ValueError):  # nested too deeply, or a circular structure
        return f"<{type(value).__name__} nested too deeply to show>"


def _label(entry: Any, index: int) -> str:
    """How an entry is named in error paths: its id when it has a usable one, else its index."""
    if isinstance(entry, Mapping):
        eid = entry.get("id")
        if isinstance(eid, str) and eid and (eid.isascii() or eid.isprintable()):
            try:
                eid.encode("utf-8")  # an id without a UTF-8 form (a lone surrogate) is its own error
                return eid
            except UnicodeEncodeError:
                pass
    return str(index)


def _group_error(s: Subject, group: str) -> ErrorId:
    """The error id of an object's own errors (an unknown key): that of most of its facts."""
    ids = [f.error_id for f in s.group_fields(group)]
    return max(ids, key=ids.count)


# Checks of one fact's JSON value beyond its kind's (the home of per-fact checks of this format).
def _no_certificate_word(words: List[Any], at: str) -> None:
    for i, w in enumerate(words):
        if w == "disability_cert":
            invalid(
                ErrorId.INVALID_CATEGORY,
                f"{at}[{i}]",
                w,
                'a disability certificate has a category and a grade: give it as "disability": '
                '{"category": "physical", "grade": 2}',
            )


_CHECKS: Dict[Tuple[str, str], Callable[[Any, str], None]] = {("person", "categories"): _no_certificate_word}


def _value(s: Subject, f: Field, value: Any, at: str) -> Any:
    """A fact's JSON value as the value classes take it: lists as lists, a list of records as their
    facts by column (each checked like an object of its subject)."""
    if value is None:
        return None
    if f.kind == "word_set" and isinstance(value, Mapping):  # {"mental_illness": true, ...}
        flags = _object(value, at, f.words, f.error_id)
        value = [w for w, flag in flags.items() if flag is not None and _check.boolean(flag, f"{at}.{w}")]
    elif f.kind in ("word_set", "text_list"):
        value = _list(value, at, f.error_id)
    elif f.kind == "record_list":
        element = subject(f.element or "")
        value = [
            _record(element, e, f"{at}[{i}]", f.error_id, element=True)[0]
            for i, e in enumerate(_list(value, at, f.error_id))
        ]
    check = _CHECKS.get((s.name, f.name))
    if check is not None:
        check(value, at)
    return value


class _Keys(NamedTuple):
    """A subject's JSON keys, made once: its objects (each key to its fact, and the error id of the
    object's own errors), its aliases, every key it knows."""

    objects: Mapping[str, Tuple[Dict[str, Field], ErrorId]]
    aliases: Mapping[str, Field]
    known: List[str]


@functools.cache
def _keys(s: Subject) -> _Keys:
    objects = {
        g: ({f.key: f for f in s.group_fields(g)}, _group_error(s, g)) for g in s.attributes if s.group_fields(g)
    }
    aliases = {a.name: f for f in s for a in f.aliases_in("json")}
    return _Keys(objects, aliases, list(s.attributes) + [a for a in aliases if a not in s.attributes])


def _record(
    s: Subject, entry: Any, at: str, error_id: ErrorId, *, element: bool = False
) -> Tuple[Dict[str, Any], Dict[str, str]]:
    """The facts of one JSON object of subject `s` by column, and for each fact given under another
    name than its own (an alias, the short form), that name. Objects nest by the facts' names; a
    bare value for an object is the fact that declares the object's name as its alias ("hukou":
    "110102"); a fact given twice, or an object and an alias of one of its facts, is an error."""
    groups, aliases, known = _keys(s)
    obj = _object(entry, at, known, error_id)
    rec: Dict[str, Any] = {}
    spelled: Dict[str, str] = {}

    def put(f: Field, value: Any, name: str) -> None:
        if value is None:  # null: as if not given
            rec.setdefault(f.column, None)
            return
        if rec.get(f.column) is not None:
            names = (spelled.get(f.column, f.name), name)
            nested = [n for n in names if f.group and n.startswith(f"{f.group}.")]
            if f.group and nested:  # the object, and a fact of it by another name
                other = next(n for n in names if n not in nested)
                why = f"give either {f.group} or {other}, not both"
                invalid(f.error_id, f"{at}.{f.group}", _short(obj[f.group]), why)
            invalid(f.error_id, f"{at}.{name}", _short(value), f"give either {names[0]} or {name}, not both")
        rec[f.column] = _value(s, f, value, f"{at}.{name}")
        if name != f.name:
            spelled[f.column] = name

    objects = []
    for key, value in obj.items():
        if key in groups and isinstance(value, Mapping):
            fields, object_error = groups[key]
            for k, v in _object(value, f"{at}.{key}", list(fields), object_error).items():
                put(fields[k], v, f"{key}.{k}")
            objects.append(key)
        elif key in groups and value is None:
            continue  # null: no such object (no assessment, not filed)
        elif key in aliases:
            put(aliases[key], value, key)
        elif key in groups:
            invalid_type(f"{at}.{key}", value, "expected a JSON object")
        else:
            put(s.field(key), value, key)
    for f in s if spelled and objects else ():
        if f.group in objects and f.column in spelled and not spelled[f.column].startswith(f"{f.group}."):
            invalid(
                f.error_id,
                f"{at}.{f.group}",
                _short(obj[f.group]),
                f"give either {f.group} or {spelled[f.column]}, not both",
            )
    if element:  # an element of a list (a stay): its required facts here (a person's: when built)
        for f in s:
            if f.required:
                _required(rec, f.column, at, f.error_id)
    return rec, spelled


def _facility(entry: Any, at: str) -> Facility:
    rec, _ = _record(FACILITY, entry, at, ErrorId.INVALID_FACILITY)
    return _facility_from_record(rec, at)


def _person(entry: Any, at: str, hukou_from_id: bool = False) -> Person:
    rec, spelled = _record(PERSON, entry, at, ErrorId.INVALID_PERSON)
    pid = _required(rec, "id", at, ErrorId.INVALID_PERSON)
    if not isinstance(pid, str):
        invalid_type(f"{at}.id", pid, "expected text")
    birth = PERSON.field("birth_date")
    if rec.get(birth.column) is not None or rec.get(birth.given_by_option() or "") is None:
        _core.to_date(_required(rec, birth.column, at, ErrorId.INVALID_PERSON), f"{at}.birth_date")
    return _person_from_record(rec, at, spelled, hukou_from_id=hukou_from_id)


T = TypeVar("T", Facility, Person)


def _entries(items: Any, kind: str, build: Callable[[Any, str], T], error_id: ErrorId) -> List[T]:
    """Builds each entry of a list, named ``kind[id]`` in errors; ids must be unique."""
    out: List[T] = []
    seen: Dict[str, int] = {}
    for i, entry in enumerate(_list(items, kind, error_id)):
        at = f"{kind}[{_label(entry, i)}]"
        value = build(entry, at)
        if value.id in seen:
            invalid(error_id, f"{at}.id", value.id, f"duplicate id (also {kind}[{seen[value.id]}])")
        seen[value.id] = i
        out.append(value)
    return out


def sample_population(*, as_frame: bool = False) -> Any:
    """The bundled sample: 324 invented persons and the 15 facilities their stays refer to.

    Parameters
    ----------
    as_frame : bool
        Return a pandas DataFrame in the flat schema (:meth:`Population.to_frame`: categories as
        lists of words, ``[]`` for no stays) instead of a :class:`Population`; the facilities are in
        its ``attrs["facilities"]``.

    Returns
    -------
    Population or pandas.DataFrame
        A Population carries its facilities (``.facilities``), so compare, simulate_population and
        evaluate_population need no ``facilities=``.

    Examples
    --------
    >>> import eldercare as ec
    >>> pop = ec.sample_population()
    >>> len(pop), len(pop.facilities)
    (324, 15)
    >>> frame = ec.sample_population(as_frame=True)
    >>> frame.shape[0], type(frame.attrs["facilities"]).__name__
    (324, 'FacilityRegistry')
    """
    if not isinstance(as_frame, bool):
        invalid_type("as_frame", as_frame, "expected True or False")
    cases = load_cases(sample_population_path())
    population = Population(cases.persons, facilities=cases.facilities)
    if not as_frame:
        return population
    frame = population.to_frame()
    frame.attrs["facilities"] = cases.facilities
    return frame


def load_cases(source: Union[str, os.PathLike[str], Mapping[str, Any]], *, hukou_from_id: bool = False) -> Cases:
    """Read persons and facilities in the JSON interchange format.

    Parameters
    ----------
    source : str, os.PathLike or dict
        A path to a JSON file, or the parsed JSON (a dict, which is not modified).
    hukou_from_id : bool
        Let the region that issued a person's ``id_number`` (its first six digits) stand in for a
        missing ``hukou`` region. Off by default: that region is where the number was first issued,
        not necessarily today's hukou.

    Returns
    -------
    Cases
        ``(persons, facilities)``: the persons in file order, and a :class:`FacilityRegistry`.

    Raises
    ------
    InvalidValue
        For any invalid input, naming the field with the person or facility id and the value; for
        a file that is not valid JSON, naming the file, line and column.
    OSError
        When the file cannot be read.
    """
    if isinstance(source, Mapping):
        data: Any = source
    elif isinstance(source, (str, os.PathLike)):
        path = os.fspath(source)
        try:
            f = open(path, encoding="utf-8")  # noqa: SIM115 - closed by the with below
        except UnicodeEncodeError:  # a lone surrogate the file system cannot name
            invalid(ErrorId.INVALID_PARAMETER, "source", repr(path), "is not a file name (it has no encoding)")
        with f:
            try:
                data = json.load(f)
            except json.JSONDecodeError as e:
                invalid(
                    ErrorId.INVALID_PARAMETER, path, f"line {e.lineno} column {e.colno}", f"not valid JSON: {e.msg}"
                )
            except RecursionError:
                invalid(ErrorId.INVALID_PARAMETER, path, "", "not readable JSON: nested too deeply")
            except UnicodeDecodeError as e:
                invalid(ErrorId.INVALID_PARAMETER, path, f"byte {e.start}", "not UTF-8 text (JSON files are UTF-8)")
    else:
        invalid_type("source", source, "expected a path or a dict")
    top = _object(data, "cases", _TOP_FIELDS, ErrorId.INVALID_PARAMETER)

    facilities = _entries(top.get("facilities"), "facilities", _facility, ErrorId.INVALID_FACILITY)
    registry = FacilityRegistry(facilities)
    persons = _entries(
        top.get("persons"),
        "persons",
        functools.partial(_person, hukou_from_id=bool(hukou_from_id)),
        ErrorId.INVALID_PERSON,
    )
    for person in persons:
        person.validate(registry)
    return Cases(persons, registry)


def _json_value(f: Field, value: Any) -> Any:
    """A fact's value as JSON writes it (its kind decides)."""
    if value is None:
        return None
    if f.kind == "date":
        return value.isoformat()
    if f.kind == "region":
        return value.code
    if f.kind in ("word_set", "text_list", "integer_list"):
        return list(value)
    if f.kind == "record_list":
        element = subject(f.element or "")
        return [dict(zip(element.columns, e)) if isinstance(e, tuple) else _json_object(e, element) for e in value]
    return value


def _json_object(value: Any, s: Subject) -> Dict[str, Any]:
    """A value (Person, Facility, Stay) as a JSON object: its facts nested by their names; a missing
    object (no assessment, not filed) as null."""
    rec = _record_of(value, s)
    out: Dict[str, Any] = {}
    for f in s:
        if f.group is None:
            out[f.name] = _json_value(f, rec[f.column])
        elif _walk(value, (f.group,)) is None:
            out[f.group] = None
        else:
            out.setdefault(f.group, {})[f.key] = _json_value(f, rec[f.column])
    return out


def dump_cases(
    persons: Iterable[Person], facilities: Union[FacilityRegistry, Iterable[Facility]] = ()
) -> Dict[str, Any]:
    """The JSON interchange form of persons and facilities (``load_cases`` reads it back).

    Every fact is written under its own name (no alias), abilities in the long form, so nothing is
    lost on a round trip.
    """
    registry = FacilityRegistry.of(facilities) or FacilityRegistry()
    out_facilities = [_json_object(f, FACILITY) for f in registry]
    out_persons = []
    for p in persons:
        if not isinstance(p, Person):
            invalid_type("persons", p, "expected a Person")
        out_persons.append(_json_object(p, PERSON))
    return {"facilities": out_facilities, "persons": out_persons}


# --- tables: CSV, Parquet and spreadsheets -----------------------------------------------------------

#: The table formats :func:`read_table` reads, by file suffix.
TABLE_SUFFIXES: Tuple[str, ...] = (".csv", ".parquet", ".pq", ".xlsx")


def _column_letter(k: int) -> str:
    """A spreadsheet's column letter: 0 -> A, 25 -> Z, 26 -> AA."""
    out = ""
    k += 1
    while k:
        k, r = divmod(k - 1, 26)
        out = chr(ord("A") + r) + out
    return out


class Sheet(NamedTuple):
    """A sheet read by :func:`read_table`: its rows as a DataFrame under the sheet's own headers,
    and where each cell is (for errors)."""

    frame: Any  # pandas.DataFrame, one row per data row of the sheet, the sheet's headers
    path: str
    name: str  # the sheet's name
    letters: Dict[str, str]  # header -> column letter
    rows: List[int]  # the sheet row number (header = 1) of each frame row

    def cell(self, header: str, row: int) -> str:
        """How errors name a cell: ``people.xlsx:长者!C5``."""
        return f"{os.path.basename(self.path)}:{self.name}!{self.letters.get(header, '?')}{self.rows[row]}"

    def where(self, header: str, row: int) -> str:
        return f"sheet {self.name}, row {self.rows[row]}, column {self.letters.get(header, '?')} ({header})"


def _read_sheet(path: str, sheet: Union[str, int, None]) -> Sheet:
    """The sheet `sheet` (a name or a 0-based index; the first by default) of an .xlsx workbook: cells
    as openpyxl gives them (text, numbers, datetimes), blank rows dropped."""
    import pandas as pd

    try:
        import openpyxl  # noqa: F401  (pandas' engine for .xlsx)
    except ImportError as e:  # pragma: no cover - a test dependency
        raise ImportError(f"reading {path} needs openpyxl: pip install openpyxl ({e})") from None
    with pd.ExcelFile(path, engine="openpyxl") as book:
        names = list(book.sheet_names)
        if sheet is None:
            sheet = names[0]
        elif isinstance(sheet, int) and not isinstance(sheet, bool):
            if not 0 <= sheet < len(names):
                invalid(ErrorId.INVALID_PARAMETER, "sheet", str(sheet), f"{path} has sheets {', '.join(names)}")
            sheet = names[sheet]
        elif sheet not in names:
            invalid(ErrorId.INVALID_PARAMETER, "sheet", str(sheet), f"no such sheet in {path}: {', '.join(names)}")
        frame = pd.read_excel(book, sheet_name=sheet, dtype=object, header=0)
    headers = [str(h).strip() for h in frame.columns]
    frame.columns = headers
    letters = {h: _column_letter(k) for k, h in enumerate(headers)}
    blank = frame.isna().all(axis=1).to_numpy()
    rows = [i + 2 for i in range(len(frame)) if not blank[i]]  # the header is row 1
    return Sheet(frame[~blank].reset_index(drop=True), path, str(sheet), letters, rows)


def read_table(path: Union[str, os.PathLike[str]], *, sheet: Union[str, int, None] = None) -> Any:
    """A table file as a pandas DataFrame: CSV, Parquet or an Excel workbook (``.xlsx``, read with
    openpyxl; `sheet` chooses the sheet, the first by default).

    Columns keep the names the file gives them: a fact's column, one of its aliases, or the Chinese
    header a civil-affairs spreadsheet uses for it (``身份证号``, ``户籍地``: see ``docs/schema.md``),
    which :class:`~eldercare.Population` reads as they are. To read persons with errors placed in the
    sheet, use :func:`read_population`.
    """
    import pandas as pd

    p = os.fspath(path)
    suffix = os.path.splitext(p)[1].lower()
    if suffix in (".parquet", ".pq"):
        return pd.read_parquet(p)
    if suffix == ".xlsx":
        return _read_sheet(p, sheet).frame
    if suffix == ".csv" or suffix == "":
        header = _csv_header(p)
        # Text facts stay text: an all-digit column of ID numbers or ids ("110102194505010010",
        # "001") would otherwise be read as integers and refused, or lose its leading zeros.
        text = {
            name for f in PERSON if f.kind == "text" for name in (f.column, *(a.name for a in f.aliases_in("column")))
        }
        return pd.read_csv(p, keep_default_na=True, dtype={c: str for c in header if c in text})
    invalid(ErrorId.INVALID_PARAMETER, "path", p, "expected a table: " + ", ".join(TABLE_SUFFIXES))


def _csv_header(path: str) -> List[str]:
    """A CSV file's header; refuses one that names a column twice (pandas would rename the second
    "x.1", and that column would be silently ignored)."""
    with open(path, newline="", encoding="utf-8") as f:
        header = next(csv.reader(f), [])
    seen: Dict[str, int] = {}
    for k, name in enumerate(header):
        if name in seen:
            invalid(
                ErrorId.INVALID_PARAMETER,
                f"{path}: header",
                name,
                f"the column name is given twice (columns {seen[name] + 1} and {k + 1}): give each column once",
            )
        seen[name] = k
    return header


# Spreadsheet idioms turned into the values the schema's kinds take (conversion only: what a value
# means is decided when the population is built).
_YES_NO = {"是": True, "否": False, "true": True, "false": False, "True": True, "False": False}
_LEVEL_LABELS = {label: level for level, labels in enumerate(_core.ability_level_labels()) for label in labels}


def _sheet_fact(header: str) -> Optional[Tuple[str, Field]]:
    """The subject ("person" or "stay") and fact a person sheet's header names, if any."""
    for s in (PERSON, subject("stay")):
        for f in s:
            if header == f.column or any(header == a.name for a in f.aliases_in("column")):
                return s.name, f
    return None


def _sheet_cells(sheet: Sheet, header: str, f: Field, values: List[Any]) -> List[Any]:
    """A person sheet's column, its cells as the schema's kind of fact `f` takes them."""
    out: List[Any] = []
    for i, v in enumerate(values):
        missing = v is None or (isinstance(v, float) and v != v)
        if missing:
            out.append(None)
        elif f.name == "id_number" and isinstance(v, float):
            # Excel holds numbers in 15 significant digits: the end of an 18-digit number is lost.
            _bad_cell(
                sheet,
                header,
                i,
                repr(v),
                ErrorId.INVALID_ID_NUMBER,
                "an ID number stored as a number loses its last digits (a spreadsheet keeps 15): "
                "format the column as text and type the numbers again",
            )
        elif f.name == "id_number" and isinstance(v, int) and not isinstance(v, bool):
            out.append(
                str(v)
                if len(str(v)) <= 15
                else _bad_cell(
                    sheet,
                    header,
                    i,
                    str(v),
                    ErrorId.INVALID_ID_NUMBER,
                    "an ID number stored as a number loses its last digits (a spreadsheet keeps 15): "
                    "format the column as text and type the numbers again",
                )
            )
        elif f.kind == "flag" and isinstance(v, str) and v.strip() in _YES_NO:
            out.append(_YES_NO[v.strip()])
        elif f.name == "ability.level" and isinstance(v, str) and v.strip() in _LEVEL_LABELS:
            out.append(_LEVEL_LABELS[v.strip()])
        elif f.kind in ("word_set", "text_list") and isinstance(v, str):
            out.append(v.replace("、", ",").replace("，", ","))
        elif f.kind in ("text", "word") and isinstance(v, (int, float)) and not isinstance(v, bool):
            out.append(str(int(v)) if float(v).is_integer() else str(v))  # an id typed as a number
        elif isinstance(v, str):
            out.append(v.strip())
        else:
            out.append(v)
    return out


def _bad_cell(sheet: Sheet, header: str, row: int, value: str, error_id: ErrorId, why: str) -> Any:
    invalid(error_id, sheet.cell(header, row), value, f"{why} ({sheet.where(header, row)})")


_ROW_FIELD = re.compile(r"^(population|stays)\.([^\[]+)\[row (\d+)")


def _in_sheet(e: InvalidValue, sheet: Sheet, stay_rows: List[int], names: Mapping[str, str]) -> InvalidValue:
    """An error of the population built from a sheet, its field moved to the sheet's cell."""
    m = _ROW_FIELD.match(e.field or "")
    if not m:
        return e
    table, column, row = m.group(1), m.group(2), int(m.group(3))
    header = names.get(column, column)
    if table == "stays":
        if row >= len(stay_rows):
            return e
        row = stay_rows[row]
    if row >= len(sheet.rows):
        return e
    field = sheet.cell(header, row)
    why = str(e).split(": ", 1)[1] if ": " in str(e) else str(e)
    cls = InvalidType if isinstance(e, InvalidType) else InvalidValue
    message = f"[eldercare.invalid_value.{int(e.error_id or 0)}] {field} = '{e.value}': {why}"
    return cls(f"{message} ({sheet.where(header, row)})", field=field, value=e.value, error_id=e.error_id)


def read_population(
    path: Union[str, os.PathLike[str]],
    *,
    sheet: Union[str, int, None] = None,
    stays: Any = None,
    facilities: Union[FacilityRegistry, Iterable[Facility], None] = None,
    hukou_from_id: bool = False,
) -> Any:
    """Persons from a table file (CSV, Parquet or ``.xlsx``) as a :class:`~eldercare.Population`.

    A spreadsheet is read as civil-affairs offices keep them: one person per row under Chinese
    headers, which the schema declares for each fact (``身份证号`` → ``id_number``, ``出生日期`` →
    ``birth_date``, ``户籍地`` → ``hukou_region``, ``居住地``/``现住址`` → ``residence_region``, ``能力等级``
    → ``ability_level`` ...; the table is in ``docs/schema.md``), so no column needs renaming.
    Headers that are no fact (``姓名``, ``序号``, ``联系电话`` ...) are ignored. Without an id column
    (``编号``), each person's id is its row number in the sheet. The stay columns ``机构`` (facility),
    ``入住日期`` (admitted) and ``离院日期``/``出院日期`` (discharged) give each person one stay. Cells
    are read as spreadsheets write them: dates as dates or ISO text, ``是``/``否`` for yes and no, an
    ability level's Chinese label, words separated by ``、``.

    Parameters
    ----------
    path : path
    sheet : str or int, optional
        The sheet (name or 0-based index) of a workbook; the first by default.
    stays, facilities, hukou_from_id
        As for :class:`~eldercare.Population` (``stays`` may be a table file too).

    Raises
    ------
    InvalidValue
        For a bad cell of a spreadsheet, naming the file, the sheet, the row (the header is row 1)
        and the column's letter and header: ``people.xlsx:长者!C5 = '1950-02-30': no such day in
        that month ... (sheet 长者, row 5, column C (出生日期))``.
    """
    import pandas as pd

    p = os.fspath(path)
    if isinstance(stays, (str, os.PathLike)):
        stays = read_table(stays)
    if os.path.splitext(p)[1].lower() != ".xlsx":
        return Population(read_table(p), stays=stays, facilities=facilities, hukou_from_id=hukou_from_id)
    book = _read_sheet(p, sheet)
    person_cols: Dict[str, Any] = {}
    stay_cols: Dict[str, Any] = {}
    names: Dict[str, str] = {}  # the fact's column, or the header the population is given, -> the header
    for header in book.frame.columns:
        found = _sheet_fact(header)
        if found is None:
            continue
        owner, f = found
        values = _sheet_cells(book, header, f, book.frame[header].tolist())
        if owner == "stay":
            stay_cols[f.column] = values
            names[f.column] = header
        else:
            person_cols[header] = values
            names[header] = header
    id_column = PERSON.field("id").column
    id_header = next((h for h in person_cols if _sheet_fact(h)[1].column == id_column), None)  # type: ignore[index]
    if id_header is None:  # the row number: joins the results back to the sheet
        id_header = id_column
        person_cols[id_column] = [str(r) for r in book.rows]
        names[id_column] = id_column
    frame = pd.DataFrame(person_cols)
    stay_rows: List[int] = []
    if stay_cols:
        if stays is not None:
            why = f"{p} has stay columns ({', '.join(stay_cols)}): give stays once"
            invalid(ErrorId.INVALID_STAY, "stays", "", why)
        ids = frame[id_header].tolist()
        facility = stay_cols.get("facility", [None] * len(frame))
        stay_rows = [i for i, fid in enumerate(facility) if fid is not None]
        stays = {
            "person_id": [str(ids[i]) for i in stay_rows],
            **{c: [v[i] for i in stay_rows] for c, v in stay_cols.items()},
        }
        for c in ("facility", "admitted"):
            if c not in stays:
                invalid(ErrorId.INVALID_STAY, f"{p}:{book.name}", "", f"the stay columns lack {c}")
    try:
        return Population(frame, stays=stays, facilities=facilities, hukou_from_id=hukou_from_id)
    except InvalidValue as e:
        raise _in_sheet(e, book, stay_rows, names) from None


def read_facilities(path: Union[str, os.PathLike[str]], *, sheet: Union[str, int, None] = None) -> FacilityRegistry:
    """Facilities from a JSON interchange file (its ``facilities``) or a table (CSV, Parquet, ``.xlsx``)
    with a column per fact of a facility: ``id``, ``region``, ``kind``, ``beds``, ``filing_filed_on``
    ... or their aliases and Chinese headers (``机构名称``, ``所在地``, ``床位数``, ``备案日期`` ...).

    Raises
    ------
    InvalidValue
        Naming the facility and the fact; for a spreadsheet, the sheet's cell (row and column).
    """
    p = os.fspath(path)
    if os.path.splitext(p)[1].lower() == ".json":
        return load_cases(p).facilities
    book = _read_sheet(p, sheet) if p.lower().endswith(".xlsx") else None
    table = book.frame if book is not None else read_table(p)
    given = {str(c): table[c] for c in table.columns}
    columns, names = FACILITY.resolve_columns(given, "facilities")
    entries = []
    for i, row in enumerate(zip(*columns.values()) if columns else ()):
        record = {c: _table_cell(FACILITY.by_column(c).kind, v) for c, v in zip(columns, row)}
        at = f"facilities[{record.get('id') or i}]"
        try:
            entries.append(_facility_from_record(record, at))
        except InvalidValue as e:
            if book is None:
                raise
            fact = (e.field or "")[len(at) + 1 :]
            column = next((f.column for f in FACILITY if f.name == fact), fact)
            header = names.get(column, column)
            field = book.cell(header, i)
            why = str(e).split(": ", 1)[1] if ": " in str(e) else str(e)
            message = f"[eldercare.invalid_value.{int(e.error_id or 0)}] {field} = '{e.value}': {why}"
            raise InvalidValue(
                f"{message} ({book.where(header, i)})",
                field=field,
                value=e.value,
                error_id=e.error_id,
            ) from None
    return FacilityRegistry(entries)


def _table_cell(kind: str, v: Any) -> Any:
    """A table cell as the value classes take it: missing as None, whole numbers read as floats (a
    column with gaps) as ints, region codes as text, dates without their midnight."""
    import pandas as pd

    if v is None or (not isinstance(v, (list, tuple, dict)) and bool(pd.isna(v))):
        return None
    if isinstance(v, float) and v.is_integer() and kind in ("region", "integer"):
        v = int(v)
    if kind == "region" and isinstance(v, int) and not isinstance(v, bool):
        return str(v)
    if kind == "date" and hasattr(v, "to_pydatetime"):
        v = v.to_pydatetime()
    if kind == "date" and isinstance(v, datetime.datetime):
        return v.date() if v.time() == datetime.time(0) else v
    if isinstance(v, str):
        return v.strip()
    return v
