"""The JSON interchange format for cases: facilities and persons (POLICIES.md).

:func:`load_cases` reads it from a file or from an already parsed dict; :func:`dump_cases` writes
it. The command line reads the same format.

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
         "conditions": {"mental_illness": false, "infectious_disease": false},
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
- ``conditions``: ``{"mental_illness": false, "infectious_disease": false}``;
- ``stays``: ``[{"facility": "F1", "admitted": "2023-02-28", "discharged": null}]``;
- ``household_id``: text; ``programmes``: a list of programme ids.

Unknown fields are errors (a misspelt field must not be silently ignored); fields whose name
begins with ``_`` are ignored anywhere, for comments. Every error is an
:class:`~eldercare.InvalidValue` naming the field with the person or facility id
(``persons[p1].stays[0].discharged``) and the value. The input is never modified.
"""

from __future__ import annotations

import json
import os
from typing import Any, Callable, Dict, Iterable, List, Mapping, NamedTuple, Optional, Sequence, TypeVar, Union

from . import _core
from ._errors import ErrorId, invalid, invalid_type
from ._values import (
    AbilityLevel,
    Assessment,
    DisabilityCertificate,
    Facility,
    FacilityRegistry,
    Filing,
    Health,
    Hukou,
    Person,
    Residence,
    Stay,
)

__all__ = ["Cases", "dump_cases", "load_cases"]


class Cases(NamedTuple):
    """Persons and the facilities their stays refer to."""

    persons: List[Person]
    facilities: FacilityRegistry


_TOP_FIELDS = ("facilities", "persons")
_FACILITY_FIELDS = ("id", "region", "kind", "beds", "filing")
_FILING_FIELDS = ("authority_region", "filed_on", "revoked_on", "receipt_no")
_PERSON_FIELDS = (
    "id",
    "birth_date",
    "hukou",
    "residence",
    "ability_level",
    "ability_assessed_on",
    "ability",
    "disability",
    "categories",
    "conditions",
    "stays",
    "household_id",
    "programmes",
)
_HUKOU_FIELDS = ("region", "since")
_RESIDENCE_FIELDS = ("region", "rural")
_ABILITY_FIELDS = ("level", "scale", "assessed_on", "valid_until", "raw_score", "local_scale_id")
_DISABILITY_FIELDS = ("category", "grade", "components")
_COMPONENT_FIELDS = ("category", "grade")
_CONDITIONS_FIELDS = ("mental_illness", "infectious_disease")
_STAY_FIELDS = ("facility", "admitted", "discharged")


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
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 80 else text[:77] + "..."


def _label(entry: Any, index: int) -> str:
    """How an entry is named in error paths: its id when it has a usable one, else its index."""
    if isinstance(entry, Mapping):
        eid = entry.get("id")
        if isinstance(eid, str) and eid:
            return eid
    return str(index)


def _facility(entry: Any, at: str) -> Facility:
    f = _object(entry, at, _FACILITY_FIELDS, ErrorId.INVALID_FACILITY)
    fid = _required(f, "id", at, ErrorId.INVALID_FACILITY)
    region = _required(f, "region", at, ErrorId.INVALID_FACILITY)
    filing: Optional[Filing] = None
    if f.get("filing") is not None:
        fl = _object(f["filing"], f"{at}.filing", _FILING_FIELDS, ErrorId.INVALID_FACILITY)
        filing = Filing(
            fl.get("authority_region") if fl.get("authority_region") is not None else region,
            _required(fl, "filed_on", f"{at}.filing", ErrorId.INVALID_FACILITY),
            revoked_on=fl.get("revoked_on"),
            receipt_no=fl.get("receipt_no") if fl.get("receipt_no") is not None else "",
            _field=f"{at}.filing",
        )
    return Facility(
        fid,
        region,
        kind=f["kind"] if f.get("kind") is not None else "institution",
        beds=f["beds"] if f.get("beds") is not None else 0,
        filing=filing,
        _field=at,
    )


def _hukou(value: Any, at: str) -> Hukou:
    if isinstance(value, Mapping):
        h = _object(value, at, _HUKOU_FIELDS, ErrorId.INVALID_REGION)
        return Hukou(_required(h, "region", at, ErrorId.INVALID_REGION), h.get("since"), _field=at)
    return Hukou(value, _field=at)


def _residence(value: Any, at: str) -> Residence:
    if isinstance(value, Mapping):
        r = _object(value, at, _RESIDENCE_FIELDS, ErrorId.INVALID_REGION)
        rural = r["rural"] if r.get("rural") is not None else False
        return Residence(_required(r, "region", at, ErrorId.INVALID_REGION), rural, _field=at)
    return Residence(value, _field=at)


def _ability(p: Mapping[str, Any], at: str) -> Optional[Assessment]:
    short = p.get("ability_level")
    long_form = p.get("ability")
    if short is not None and long_form is not None:
        invalid(
            ErrorId.INVALID_ABILITY,
            f"{at}.ability",
            _short(long_form),
            "give either ability or ability_level, not both",
        )
    if long_form is not None:
        a = _object(long_form, f"{at}.ability", _ABILITY_FIELDS, ErrorId.INVALID_ABILITY)
        return Assessment(
            _required(a, "level", f"{at}.ability", ErrorId.INVALID_ABILITY),
            _required(a, "assessed_on", f"{at}.ability", ErrorId.INVALID_ABILITY),
            scale=a["scale"] if a.get("scale") is not None else "gbt_42195_2022",
            valid_until=a.get("valid_until"),
            raw_score=a.get("raw_score"),
            local_scale_id=a["local_scale_id"] if a.get("local_scale_id") is not None else "",
            _field=f"{at}.ability",
        )
    if short is not None:
        level = AbilityLevel.of(short, f"{at}.ability_level")
        if p.get("ability_assessed_on") is not None:
            on = _core.to_date(p["ability_assessed_on"], f"{at}.ability_assessed_on")
        else:
            # A level without a date holds on every date of the person's life (see the module docs).
            on = _core.to_date(p["birth_date"], f"{at}.birth_date")
        return Assessment(level, on, _field=f"{at}.ability")
    if p.get("ability_assessed_on") is not None:
        invalid(
            ErrorId.INVALID_ABILITY,
            f"{at}.ability_assessed_on",
            _short(p["ability_assessed_on"]),
            "needs ability_level",
        )
    return None


def _disability(value: Any, at: str) -> Optional[DisabilityCertificate]:
    if value is None:
        return None
    d = _object(value, at, _DISABILITY_FIELDS, ErrorId.INVALID_CATEGORY)
    components = []
    for i, c in enumerate(_list(d.get("components"), f"{at}.components", ErrorId.INVALID_CATEGORY)):
        cat = f"{at}.components[{i}]"
        comp = _object(c, cat, _COMPONENT_FIELDS, ErrorId.INVALID_CATEGORY)
        components.append(
            (
                _required(comp, "category", cat, ErrorId.INVALID_CATEGORY),
                _required(comp, "grade", cat, ErrorId.INVALID_ABILITY),
            )
        )
    return DisabilityCertificate(
        _required(d, "category", at, ErrorId.INVALID_CATEGORY),
        _required(d, "grade", at, ErrorId.INVALID_ABILITY),
        components=components,
        _field=at,
    )


def _categories(value: Any, at: str) -> List[str]:
    words = _list(value, at, ErrorId.INVALID_CATEGORY)
    for i, w in enumerate(words):
        if w == "disability_cert":
            invalid(
                ErrorId.INVALID_CATEGORY,
                f"{at}[{i}]",
                w,
                'a disability certificate has a category and a grade: give it as "disability": '
                '{"category": "physical", "grade": 2}',
            )
    return words


def _person(entry: Any, at: str) -> Person:
    p = _object(entry, at, _PERSON_FIELDS, ErrorId.INVALID_PERSON)
    pid = _required(p, "id", at, ErrorId.INVALID_PERSON)
    if not isinstance(pid, str):
        invalid_type(ErrorId.INVALID_PERSON, f"{at}.id", pid, "expected text")
    _core.to_date(_required(p, "birth_date", at, ErrorId.INVALID_PERSON), f"{at}.birth_date")
    health = None
    if p.get("conditions") is not None:
        c = _object(p["conditions"], f"{at}.conditions", _CONDITIONS_FIELDS, ErrorId.INVALID_PERSON)
        health = Health(
            c["mental_illness"] if c.get("mental_illness") is not None else False,
            c["infectious_disease"] if c.get("infectious_disease") is not None else False,
            _field=f"{at}.conditions",
        )
    stays = []
    for i, s in enumerate(_list(p.get("stays"), f"{at}.stays", ErrorId.INVALID_STAY)):
        sat = f"{at}.stays[{i}]"
        st = _object(s, sat, _STAY_FIELDS, ErrorId.INVALID_STAY)
        stays.append(
            Stay(
                _required(st, "facility", sat, ErrorId.INVALID_STAY),
                _required(st, "admitted", sat, ErrorId.INVALID_STAY),
                st.get("discharged"),
                _field=sat,
            )
        )
    return Person(
        pid,
        p["birth_date"],
        hukou=_hukou(_required(p, "hukou", at, ErrorId.INVALID_PERSON), f"{at}.hukou"),
        residence=_residence(_required(p, "residence", at, ErrorId.INVALID_PERSON), f"{at}.residence"),
        ability=_ability(p, at),
        disability=_disability(p.get("disability"), f"{at}.disability"),
        categories=_categories(p.get("categories"), f"{at}.categories"),
        health=health,
        stays=stays,
        household_id=p["household_id"] if p.get("household_id") is not None else "",
        programmes=_list(p.get("programmes"), f"{at}.programmes", ErrorId.INVALID_PERSON),
    )


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
        with open(path, encoding="utf-8") as f:
            try:
                data = json.load(f)
            except json.JSONDecodeError as e:
                invalid(
                    ErrorId.INVALID_PARAMETER, path, f"line {e.lineno} column {e.colno}", f"not valid JSON: {e.msg}"
                )
    else:
        invalid_type(ErrorId.INVALID_PARAMETER, "source", source, "expected a path or a dict")
    top = _object(data, "cases", _TOP_FIELDS, ErrorId.INVALID_PARAMETER)

    facilities = _entries(top.get("facilities"), "facilities", _facility, ErrorId.INVALID_FACILITY)
    registry = FacilityRegistry(facilities)
    persons = _entries(top.get("persons"), "persons", _person, ErrorId.INVALID_PERSON)
    for person in persons:
        person.validate(registry)
    return Cases(persons, registry)


def _iso(d: Any) -> Optional[str]:
    return None if d is None else d.isoformat()


def dump_cases(
    persons: Iterable[Person], facilities: Union[FacilityRegistry, Iterable[Facility]] = ()
) -> Dict[str, Any]:
    """The JSON interchange form of persons and facilities (``load_cases`` reads it back).

    Abilities are written in the long form, so nothing is lost on a round trip.
    """
    registry = FacilityRegistry.of(facilities) or FacilityRegistry()
    out_facilities = []
    for f in registry:
        out_facilities.append(
            {
                "id": f.id,
                "region": f.region.code,
                "kind": f.kind,
                "beds": f.beds,
                "filing": None
                if f.filing is None
                else {
                    "authority_region": f.filing.authority_region.code,
                    "filed_on": _iso(f.filing.filed_on),
                    "revoked_on": _iso(f.filing.revoked_on),
                    "receipt_no": f.filing.receipt_no,
                },
            }
        )
    out_persons = []
    for p in persons:
        if not isinstance(p, Person):
            invalid_type(ErrorId.INVALID_PERSON, "persons", p, "expected a Person")
        entry: Dict[str, Any] = {
            "id": p.id,
            "birth_date": _iso(p.birth_date),
            "hukou": {"region": p.hukou.region.code, "since": _iso(p.hukou.since)},
            "residence": {"region": p.residence.region.code, "rural": p.residence.rural},
        }
        if p.ability is not None:
            a = p.ability
            entry["ability"] = {
                "level": a.level.value,
                "scale": a.scale,
                "assessed_on": _iso(a.assessed_on),
                "valid_until": _iso(a.valid_until),
                "raw_score": a.raw_score,
                "local_scale_id": a.local_scale_id,
            }
        if p.disability is not None:
            entry["disability"] = {
                "category": p.disability.category,
                "grade": p.disability.grade,
                "components": [{"category": c, "grade": g} for c, g in p.disability.components],
            }
        entry["categories"] = list(p.categories)
        entry["conditions"] = {
            "mental_illness": p.health.mental_illness,
            "infectious_disease": p.health.infectious_disease,
        }
        entry["stays"] = [
            {"facility": s.facility, "admitted": _iso(s.admitted), "discharged": _iso(s.discharged)} for s in p.stays
        ]
        entry["household_id"] = p.household_id
        entry["programmes"] = list(p.programmes)
        out_persons.append(entry)
    return {"facilities": out_facilities, "persons": out_persons}
