"""The JSON interchange format for cases: facilities and persons (POLICIES.md).

:func:`load_cases` reads it from a file or from an already parsed dict; :func:`dump_cases` writes
it. The command line reads the same format. Every key is a fact of the schema
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
``residence`` may also be a bare region code: since unknown, not rural). Optional:

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
- ``household_id``: text; ``programmes``: a list of programme ids.

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

import functools
import json
import os
from collections.abc import Mapping, Sequence  # isinstance checks (quicker than typing's)
from typing import Any, Callable, Dict, Iterable, List, NamedTuple, Tuple, TypeVar, Union

from . import _check, _core
from ._errors import ErrorId, invalid, invalid_type
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

__all__ = ["Cases", "dump_cases", "load_cases"]


class Cases(NamedTuple):
    """Persons and the facilities their stays refer to."""

    persons: List[Person]
    facilities: FacilityRegistry


_TOP_FIELDS = ("facilities", "persons")


def _object(value: Any, field: str, known: Sequence[str], error_id: ErrorId) -> Dict[str, Any]:
    """`value` as a dict of known fields (``_`` fields dropped); unknown fields raise."""
    if not isinstance(value, Mapping):
        invalid_type(error_id, field, value, "expected a JSON object")
    out: Dict[str, Any] = {}
    for key, item in value.items():
        if not isinstance(key, str):
            invalid_type(error_id, field, key, "field names must be text")
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
        invalid_type(error_id, field, value, "expected a JSON array")
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
            invalid_type(groups[key][1], f"{at}.{key}", value, "expected a JSON object")
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


def _person(entry: Any, at: str) -> Person:
    rec, spelled = _record(PERSON, entry, at, ErrorId.INVALID_PERSON)
    pid = _required(rec, "id", at, ErrorId.INVALID_PERSON)
    if not isinstance(pid, str):
        invalid_type(ErrorId.INVALID_PERSON, f"{at}.id", pid, "expected text")
    _core.to_date(_required(rec, "birth_date", at, ErrorId.INVALID_PERSON), f"{at}.birth_date")
    return _person_from_record(rec, at, spelled)


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


def load_cases(source: Union[str, os.PathLike[str], Mapping[str, Any]]) -> Cases:
    """Read persons and facilities in the JSON interchange format.

    Parameters
    ----------
    source : str, os.PathLike or dict
        A path to a JSON file, or the parsed JSON (a dict, which is not modified).

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
        invalid_type(ErrorId.INVALID_PARAMETER, "source", source, "expected a path or a dict")
    top = _object(data, "cases", _TOP_FIELDS, ErrorId.INVALID_PARAMETER)

    facilities = _entries(top.get("facilities"), "facilities", _facility, ErrorId.INVALID_FACILITY)
    registry = FacilityRegistry(facilities)
    persons = _entries(top.get("persons"), "persons", _person, ErrorId.INVALID_PERSON)
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
            invalid_type(ErrorId.INVALID_PERSON, "persons", p, "expected a Person")
        out_persons.append(_json_object(p, PERSON))
    return {"facilities": out_facilities, "persons": out_persons}
