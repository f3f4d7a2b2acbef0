"""The schema of the subjects' facts (eldercare._schema, declared once in C++): what _core.schema()
states; a person with every fact set goes JSON -> Population -> Arrow/DataFrame -> Population -> JSON
unchanged through every input form; and every alias is read as its fact."""

from __future__ import annotations

import datetime
import json
import pathlib
from typing import Any, Callable, Dict, List

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import eldercare as ec
from eldercare import _core, _schema, io
from eldercare._schema import FACILITY, PERSON, STAY

ROOT = pathlib.Path(__file__).resolve().parents[2]

FACILITIES = [
    ec.Facility("HB", "131082", beds=300, filing=ec.Filing("131082", "2019-03-01", receipt_no="R-7")),
    ec.Facility(
        "HR", "110116", kind="community", beds=20, filing=ec.Filing("110100", "2018-05-01", revoked_on="2030-01-01")
    ),
    ec.Facility("TJ", "120116"),
]


def everything() -> ec.Person:
    """A person with every fact of the schema set (and none at its default)."""
    return ec.Person(
        "full",
        "1940-02-29",
        hukou=ec.Hukou("110104", "1960-05-01"),
        residence=ec.Residence("131082", True),
        ability=ec.Assessment(
            3,
            "2023-03-01",
            scale="local",
            valid_until="2025-02-28",
            raw_score=40,
            local_scale_id="xixian.care_needs.2023",
        ),
        disability=ec.DisabilityCertificate("multiple", 2, components=[("intellectual", 2), ("physical", 3)]),
        categories=["dibao", "kongchao"],
        health=["mental_illness", "infectious_disease"],
        stays=[ec.Stay("HB", "2022-01-10", "2023-04-01"), ec.Stay("HR", "2023-04-01")],
        household_id="h-1",
        programmes=["weihai.virtual_platform", "xian.advanced_age.certified"],
        died_on="2024-11-30",
    )


def people() -> List[ec.Person]:
    bare = ec.Person("bare", "1958-12-31", hukou="371002", residence="371002")
    short = ec.Person(
        "short", "1950-07-01", hukou="610112", residence="610112008", ability=ec.Assessment(1, "1950-07-01")
    )
    return [everything(), bare, short]


# --- what the schema states -------------------------------------------------------------------------


def test_the_schema_is_the_cpp_declaration() -> None:
    raw = _core.schema()
    assert set(raw) == {"person", "stay", "disability_component", "facility", "household", "worker"}
    assert set(_schema.SUBJECTS) == set(raw)
    for s in _schema.SUBJECTS.values():
        assert len({f.name for f in s}) == len({f.column for f in s}) == len(s.fields), s.name
        for f in s:
            assert f.column == f.name.replace(".", "_"), f.name
            if f.words:  # every word list is its enum's own
                assert f.words == _core.words[f.word_type], f.name
    assert PERSON.columns == ec.FLAT_COLUMNS
    assert ec.Person._fields == PERSON.attributes
    assert ec.Stay._fields == STAY.columns and ec.Facility._fields == FACILITY.attributes
    assert ec.Assessment._fields == tuple(f.key for f in PERSON.group_fields("ability"))
    assert ec.Health._fields == PERSON.field("health").words == tuple(ec.HEALTH_CONDITIONS)
    assert ec.HEALTH_CONDITIONS == {"mental_illness": "严重精神障碍", "infectious_disease": "法定传染病"}
    assert ec.Worker._fields == _schema.WORKER.attributes and ec.Household._fields == _schema.HOUSEHOLD.attributes


def test_arrow_types_are_the_schema_s() -> None:
    table = ec.Population(people(), facilities=FACILITIES).to_arrow()
    names = {
        pa.string(): "string",
        pa.int64(): "int64",
        pa.bool_(): "bool",
        pa.date32(): "date32",
        pa.float64(): "float64",
    }
    for f in PERSON:
        t = table.schema.field(f.column).type
        if pa.types.is_list(t):
            fields = ", ".join(f"{g.name}: {names[g.type]}" for g in t.value_type)
            assert f.arrow == f"list<struct<{fields}>>", f.name
        else:
            assert f.arrow == names[t], f.name


def test_the_docs_page_lists_every_fact_and_alias() -> None:
    page = (ROOT / "docs" / "schema.md").read_text(encoding="utf-8")
    for s in _schema.SUBJECTS.values():
        for f in s:
            assert f"`{f.name}` | `{f.column}`" in page, f.name
            for a in f.aliases:
                assert f"`{a.name}` ({'JSON' if a.where == 'json' else 'column'}" in page, a.name
    module_docs = ec._population.__doc__ or ""
    for f in PERSON:
        assert f"``{f.column}``" in module_docs
        for a in f.aliases_in("column"):
            assert f"``{a.name}``" in module_docs


# --- lossless round trips through every form -----------------------------------------------------------


def as_json(persons: List[ec.Person]) -> Dict[str, Any]:
    return io.dump_cases(persons, FACILITIES)


def csv_round_trip(frame: pd.DataFrame, tmp_path: pathlib.Path) -> pd.DataFrame:
    """The frame through a CSV file: stays as JSON text (a CSV cell holds no list)."""
    f = frame.copy()
    for column in ("categories", "health"):  # lists of words as comma-separated words
        f[column] = [",".join(cell) for cell in f[column]]
    f["stays"] = [
        "" if cell is None else json.dumps(cell, default=lambda d: d.isoformat() if d is not None else None)
        for cell in f["stays"]
    ]
    f.to_csv(tmp_path / "p.csv", index=False)
    return pd.read_csv(tmp_path / "p.csv", keep_default_na=True, dtype={"stays": str})


def test_json_population_arrow_frame_population_json_is_lossless(tmp_path: pathlib.Path) -> None:
    original = as_json(people())
    text = json.dumps(original, ensure_ascii=False)
    cases = io.load_cases(json.loads(text))
    assert cases.persons == people()
    pop = ec.Population(cases.persons, facilities=cases.facilities)
    table = pop.to_arrow()
    frame = pop.to_frame()
    pq.write_table(table, tmp_path / "p.parquet")

    def numpy_columns(t: Any) -> Dict[str, Any]:
        return {n: (c if n == "stays" else c.to_numpy(zero_copy_only=False)) for n, c in zip(t.column_names, t.columns)}

    forms: Dict[str, Callable[[], Any]] = {
        "arrow": lambda: table,
        "record_batch": lambda: table.combine_chunks().to_batches()[0],
        "parquet": lambda: pq.read_table(tmp_path / "p.parquet"),
        "numpy": lambda: numpy_columns(table),
        "lists": lambda: {c: frame[c].astype(object).tolist() for c in frame.columns},
        "frame": lambda: frame,
        "csv": lambda: csv_round_trip(frame, tmp_path),
        "persons": lambda: pop.persons(),
    }
    for name, make in forms.items():
        back = ec.Population(make(), facilities=cases.facilities)
        assert back.persons() == people(), name
        assert as_json(back.persons()) == original, name
        assert back.to_arrow().equals(table), name
    # Through dask partitions, as eldercare.dask builds each.
    from eldercare.dask import from_pandas

    parts = from_pandas(frame, npartitions=2).to_delayed()
    again = [p for part in parts for p in ec.Population(part.compute(), facilities=cases.facilities).persons()]
    assert again == people()


def test_the_exported_columns_are_the_facts_own() -> None:
    table = ec.Population(people(), facilities=FACILITIES).to_arrow()
    assert table.column_names == list(PERSON.columns)
    row = table.slice(0, 1).to_pylist()[0]
    assert row["health"] == 0b11 and row["residence_rural"] is True
    assert row["ability_raw_score"] == 40 and row["ability_local_scale_id"] == "xixian.care_needs.2023"
    assert row["disability_components"] == "intellectual:2,physical:3"
    assert json.loads(json.dumps(as_json(people())))["persons"][0]["health"] == ["mental_illness", "infectious_disease"]


# --- every alias -------------------------------------------------------------------------------------


def base_frame() -> pd.DataFrame:
    return ec.Population(people(), facilities=FACILITIES).to_frame()


def column_alias_frame(f: _schema.Field, alias: _schema.Alias) -> pd.DataFrame:
    """base_frame() with `f` given under `alias` instead."""
    frame = base_frame()
    if alias.word is None:
        return frame.rename(columns={f.column: alias.name})
    # to_frame() gives a list of words per row: as bits, for the true/false column of each word
    bits = np.asarray([sum(1 << f.words.index(w) for w in cell) for cell in frame.pop(f.column)], dtype=np.int64)
    for a in f.aliases_in("column"):  # a set given as a true/false column per word
        if a.word is not None:
            frame[a.name] = (bits >> f.words.index(a.word)) & 1 == 1
    return frame


COLUMN_ALIASES = [(f, a) for f in PERSON for a in f.aliases_in("column")]


@pytest.mark.parametrize("f, alias", COLUMN_ALIASES, ids=[a.name for _, a in COLUMN_ALIASES])
def test_each_column_alias_is_read_as_its_fact(f: _schema.Field, alias: _schema.Alias, tmp_path: pathlib.Path) -> None:
    frame = column_alias_frame(f, alias)
    assert alias.name in frame.columns and f.column not in frame.columns
    assert ec.Population(frame, facilities=FACILITIES).persons() == people()
    # In Arrow, and in a Parquet file (its reader keeps alias columns).
    table = pa.Table.from_pandas(frame, preserve_index=False)
    assert ec.Population(table, facilities=FACILITIES).persons() == people()
    pq.write_table(table, tmp_path / "old.parquet")
    streamed = ec.parquet.evaluate_parquet(
        "cn.beijing.elderly_allowances.disability_care", tmp_path / "old.parquet", "2024-06-30", facilities=FACILITIES
    )
    assert streamed.rows == 3
    # The fact under both names is refused, naming the alias.
    both = frame.copy()
    both[f.column] = base_frame()[f.column]
    with pytest.raises(ec.InvalidValue) as e:
        ec.Population(both, facilities=FACILITIES)
    assert e.value.field.startswith("population.") and "give one of them" in str(e.value)


def test_an_alias_column_is_named_in_errors() -> None:
    frame = column_alias_frame(PERSON.field("ability.raw_score"), PERSON.field("ability.raw_score").aliases[0])
    frame.loc[0, "ability_raw"] = 5000
    with pytest.raises(ec.InvalidValue) as e:
        ec.Population(frame, facilities=FACILITIES)
    assert e.value.field == "population.ability_raw[row 0, id 'full']" and e.value.value == "5000"
    frame = column_alias_frame(PERSON.field("health"), PERSON.field("health").aliases[1])
    frame["mental_illness"] = frame["mental_illness"].astype(object)
    frame.loc[1, "mental_illness"] = "maybe"
    with pytest.raises(ec.InvalidValue) as e:
        ec.Population(frame, facilities=FACILITIES)
    assert e.value.field == "population.mental_illness[row 1, id 'bare']"


def person_json(**changes: Any) -> Dict[str, Any]:
    entry = as_json(people())["persons"][0]
    entry.update(changes)
    return {k: v for k, v in entry.items() if v is not Ellipsis}


JSON_ALIASES: Dict[str, Callable[[], Any]] = {
    # conditions: health as it was written before the schema (an object of true/false).
    "conditions": lambda: person_json(health=..., conditions={"mental_illness": True, "infectious_disease": True}),
    # hukou, residence: a bare region code (since unknown; not rural).
    "hukou": lambda: person_json(hukou="110104"),
    "residence": lambda: person_json(residence="131082"),
    # ability_level, ability_assessed_on: the short form of an assessment.
    "ability_level": lambda: person_json(ability=..., ability_level=3),
    "ability_assessed_on": lambda: person_json(ability=..., ability_level=3, ability_assessed_on="2023-03-01"),
}


def test_every_json_alias_is_tested() -> None:
    declared = {a.name for s in _schema.SUBJECTS.values() for f in s for a in f.aliases_in("json")}
    assert declared == set(JSON_ALIASES)


@pytest.mark.parametrize("alias", sorted(JSON_ALIASES))
def test_each_json_alias_is_read_as_its_fact(alias: str) -> None:
    entry = JSON_ALIASES[alias]()
    assert alias in entry
    (p,) = io.load_cases({"facilities": as_json([])["facilities"], "persons": [entry]}).persons
    full = everything()
    if alias == "conditions":
        assert p == full and p.health == ec.Health(True, True)
    elif alias == "hukou":
        assert p == full.replace(hukou=ec.Hukou("110104")) and p.hukou.since is None
    elif alias == "residence":
        assert p == full.replace(residence=ec.Residence("131082")) and not p.residence.rural
    elif alias == "ability_level":  # no date: the level holds from the birth date
        assert p == full.replace(ability=ec.Assessment(3, "1940-02-29"))
    else:
        assert p == full.replace(ability=ec.Assessment(3, "2023-03-01"))
    # Written back under the facts' own names only.
    assert alias not in io.dump_cases([p])["persons"][0] or alias in PERSON.attributes


def test_health_is_read_in_each_form() -> None:
    words = person_json(health=["mental_illness"])
    mapping = person_json(health={"mental_illness": True, "infectious_disease": False})
    old = person_json(health=..., conditions={"mental_illness": True})
    facilities = as_json([])["facilities"]
    read = [io.load_cases({"facilities": facilities, "persons": [e]}).persons[0] for e in (words, mapping, old)]
    assert read[0] == read[1] == read[2] and read[0].health == ec.Health(mental_illness=True)
    infectious = ec.Person("p", "1950-01-01", hukou="110102", residence="110102", health=["infectious_disease"])
    assert infectious.health == ec.Health(infectious_disease=True)
    with pytest.raises(ec.InvalidValue) as e:
        io.load_cases({"persons": [person_json(health=["mental_illness", "gout"], stays=[])]})
    assert (e.value.field, e.value.value) == ("persons[full].health[1]", "gout")
    with pytest.raises(ec.InvalidValue) as e:
        io.load_cases({"persons": [person_json(conditions={"gout": True}, health=..., stays=[])]})
    assert e.value.field == "persons[full].conditions.gout"
    with pytest.raises(ec.InvalidValue, match="give either health or conditions"):
        io.load_cases({"persons": [person_json(conditions={"mental_illness": True}, stays=[])]})
    # In columns: words, bits or true/false columns, all the same.
    frame = base_frame()
    expected = ec.Population(frame, facilities=FACILITIES).persons()
    frame["health"] = ["mental_illness,infectious_disease", None, ""]
    assert ec.Population(frame, facilities=FACILITIES).persons() == expected
    frame["health"] = [["mental_illness", "infectious_disease"], [], None]
    assert ec.Population(frame, facilities=FACILITIES).persons() == expected
    frame["health"] = ["mental_illness,gout", None, ""]
    with pytest.raises(ec.InvalidValue) as e:
        ec.Population(frame, facilities=FACILITIES)
    assert (e.value.field, e.value.value) == ("population.health[row 0, id 'full']", "gout")


def test_facility_columns_and_their_aliases(tmp_path: pathlib.Path) -> None:
    from eldercare.cli import _facilities

    rows = [io._json_object(f, FACILITY) for f in FACILITIES]
    flat = pd.DataFrame(
        [{f.column: (r[f.group] or {}).get(f.key) if f.group else r[f.name] for f in FACILITY} for r in rows]
    )
    flat.to_csv(tmp_path / "new.csv", index=False)
    assert _facilities(str(tmp_path / "new.csv")) == ec.FacilityRegistry(FACILITIES)
    old = flat.rename(columns={f.column: f.aliases_in("column")[0].name for f in FACILITY if f.aliases_in("column")})
    assert {"filed_on", "revoked_on", "authority_region", "receipt_no"} <= set(old.columns)
    old.to_csv(tmp_path / "old.csv", index=False)
    assert _facilities(str(tmp_path / "old.csv")) == ec.FacilityRegistry(FACILITIES)
    old.to_parquet(tmp_path / "old.parquet")
    assert _facilities(str(tmp_path / "old.parquet")) == ec.FacilityRegistry(FACILITIES)


def test_core_person_takes_its_facts_by_column() -> None:
    p = _core.person(
        "p",
        "1950-01-01",
        hukou_region="110102",
        residence_region="110102",
        residence_rural=True,
        health=["mental_illness"],
    )
    record = p.record()
    assert tuple(record) == tuple(
        f.column for f in PERSON if f.part_of is None and f.kind not in ("record_list", "text_list")
    )
    assert record["health"] == ("mental_illness",) and record["residence_rural"] is True
    assert record["hukou_since"] is None and record["categories"] == ()
    with pytest.raises(TypeError, match="unexpected keyword argument 'rural'"):
        _core.person("p", "1950-01-01", hukou_region="110102", residence_region="110102", rural=True)
    with pytest.raises(TypeError, match="missing the keyword argument 'residence_region'"):
        _core.person("p", "1950-01-01", hukou_region="110102")
    with pytest.raises(ec.InvalidValue) as e:
        _core.person("p", "1950-01-01", hukou_region="110102", residence_region="110102", health=["gout"])
    assert (e.value.field, e.value.value) == ("persons[p].health[0]", "gout")
    assert p.birth_date == datetime.date(1950, 1, 1)
