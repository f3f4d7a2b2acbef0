"""The JSON interchange format (POLICIES.md): load_cases and dump_cases."""

from __future__ import annotations

import copy
import json
import pathlib
from typing import Any, Dict

import pytest

import eldercare as ec
from conftest import d
from eldercare import io

POLICIES_EXAMPLE: Dict[str, Any] = {
    "facilities": [
        {
            "id": "F1",
            "region": "131082",
            "kind": "institution",
            "filing": {"authority_region": "131082", "filed_on": "2019-03-01", "revoked_on": None},
        }
    ],
    "persons": [
        {
            "id": "p1",
            "birth_date": "1941-05-01",
            "hukou": {"region": "110102", "since": "1980-01-01"},
            "residence": {"region": "110102", "rural": False},
            "ability_level": 2,
            "categories": ["dibao"],
            "conditions": {"mental_illness": False, "infectious_disease": False},
            "stays": [{"facility": "F1", "admitted": "2023-02-28", "discharged": None}],
        }
    ],
}


def test_the_example_of_policies_md() -> None:
    persons, facilities = io.load_cases(POLICIES_EXAMPLE)
    assert len(facilities) == 1 and facilities["F1"].filing == ec.Filing("131082", "2019-03-01")
    (p,) = persons
    assert p.id == "p1" and p.birth_date == d("1941-05-01")
    assert p.hukou == ec.Hukou("110102", "1980-01-01")
    assert p.residence == ec.Residence("110102", False)
    assert p.categories == ("dibao",)
    assert p.stays == (ec.Stay("F1", "2023-02-28"),)
    # The short form: a GB/T 42195 level that holds on every date of the person's life.
    assert p.ability == ec.Assessment(ec.AbilityLevel.MODERATE, "1941-05-01")
    assert p.ability is not None and p.ability.scale == "gbt_42195_2022"


def test_a_file_and_a_dict_read_the_same(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "cases.json"
    path.write_text(json.dumps(POLICIES_EXAMPLE, ensure_ascii=False), encoding="utf-8")
    assert io.load_cases(path) == io.load_cases(str(path)) == io.load_cases(POLICIES_EXAMPLE)


def test_the_input_is_never_modified() -> None:
    data = copy.deepcopy(POLICIES_EXAMPLE)
    data["persons"][0]["_comment"] = "ignored"
    before = copy.deepcopy(data)
    io.load_cases(data)
    assert data == before


def test_ability_forms() -> None:
    def person(**fields: Any) -> ec.Person:
        entry = {"id": "p1", "birth_date": "1941-05-01", "hukou": "110102", "residence": "110102", **fields}
        return io.load_cases({"persons": [entry]}).persons[0]

    assert person(ability_level=3, ability_assessed_on="2023-06-01").ability == ec.Assessment(3, "2023-06-01")
    long = person(
        ability={
            "level": 3,
            "scale": "barthel_index",
            "assessed_on": "2023-01-01",
            "valid_until": "2024-12-31",
            "raw_score": 35,
        }
    )
    assert long.ability == ec.Assessment(3, "2023-01-01", scale="barthel_index", valid_until="2024-12-31", raw_score=35)
    assert person().ability is None
    with pytest.raises(ec.InvalidValue) as e:
        person(ability_level=2, ability={"level": 2, "assessed_on": "2023-01-01"})
    assert e.value.field == "persons[p1].ability"
    with pytest.raises(ec.InvalidValue) as e:
        person(ability_level=7)
    assert (e.value.field, e.value.value) == ("persons[p1].ability_level", "7")
    with pytest.raises(ec.InvalidValue) as e:
        person(ability={"level": 2})
    assert e.value.field == "persons[p1].ability.assessed_on" and "is required" in str(e.value)
    with pytest.raises(ec.InvalidValue) as e:
        person(ability={"level": 2, "assessed_on": "2023-01-01", "scale": "ltc_9999"})
    assert (e.value.field, e.value.value) == ("persons[p1].ability.scale", "ltc_9999")


@pytest.mark.parametrize(
    "change, field, value",
    # The value as given: text quoted once; a number, or a wrong type's repr ('no' where a bool is
    # wanted), as written.
    [
        ({"birth_date": "2023-02-30"}, "persons[p1].birth_date", "2023-02-30"),
        ({"categories": ["dibao", "rich"]}, "persons[p1].categories[1]", "rich"),
        ({"categories": ["disability_cert"]}, "persons[p1].categories[0]", "disability_cert"),
        ({"birthdate": "1941-05-01"}, "persons[p1].birthdate", "1941-05-01"),
        ({"hukou": {"region": "110102", "since": "1930-01-01"}}, "persons[p1].hukou.since", "1930-01-01"),
        ({"residence": {"region": "110102", "rural": "no"}}, "persons[p1].residence.rural", "'no'"),
        ({"stays": [{"facility": "F9", "admitted": "2023-01-01"}]}, "persons[p1].stays[0].facility", "F9"),
        (
            {"stays": [{"facility": "F1", "admitted": "2023-01-01"}, {"facility": "F1", "admitted": "2023-02-01"}]},
            "persons[p1].stays[1].admitted",
            "2023-02-01",
        ),
        ({"disability": {"category": "physical", "grade": 5}}, "persons[p1].disability.grade", "5"),
        ({"conditions": {"mental_illness": 1}}, "persons[p1].conditions.mental_illness", "1"),
    ],
)
def test_errors_name_the_person_the_field_and_the_value(change: Dict[str, Any], field: str, value: str) -> None:
    data = copy.deepcopy(POLICIES_EXAMPLE)
    data["persons"][0].update(change)
    with pytest.raises(ec.InvalidValue) as e:
        io.load_cases(data)
    assert (e.value.field, e.value.value) == (field, value)
    as_written = value.isdigit() or value.startswith("'")
    assert (f"{field} = {value}: " if as_written else f"{field} = '{value}': ") in str(e.value)


@pytest.mark.parametrize(
    "change, field",
    [
        ({"region": "999999"}, "facilities[F1].region"),
        ({"kind": "hotel"}, "facilities[F1].kind"),
        ({"beds": -1}, "facilities[F1].beds"),
        ({"filing": {"filed_on": "2020-01-01", "revoked_on": "2019-01-01"}}, "facilities[F1].filing.revoked_on"),
        ({"filing": {"authority_region": "131082"}}, "facilities[F1].filing.filed_on"),
        ({"id": ""}, "facilities[0].id"),
    ],
)
def test_facility_errors(change: Dict[str, Any], field: str) -> None:
    data = copy.deepcopy(POLICIES_EXAMPLE)
    data["facilities"][0].update(change)
    with pytest.raises(ec.InvalidValue) as e:
        io.load_cases(data)
    assert e.value.field == field


def test_duplicates_and_missing_fields() -> None:
    data = copy.deepcopy(POLICIES_EXAMPLE)
    data["persons"].append(copy.deepcopy(data["persons"][0]))
    with pytest.raises(ec.InvalidValue, match="duplicate id"):
        io.load_cases(data)
    data = copy.deepcopy(POLICIES_EXAMPLE)
    data["facilities"].append(copy.deepcopy(data["facilities"][0]))
    with pytest.raises(ec.InvalidValue, match="duplicate id"):
        io.load_cases(data)
    with pytest.raises(ec.InvalidValue) as e:
        io.load_cases({"persons": [{"id": "p1", "birth_date": "1941-05-01", "hukou": "110102"}]})
    assert e.value.field == "persons[p1].residence"
    with pytest.raises(ec.InvalidValue) as e:
        io.load_cases({"persons": [{"birth_date": "1941-05-01"}]})
    assert e.value.field == "persons[0].id"
    with pytest.raises(ec.InvalidValue) as e:
        io.load_cases({"people": []})
    assert e.value.field == "cases.people"
    with pytest.raises(ec.InvalidType):
        io.load_cases({"persons": {"id": "p1"}})


def test_not_json(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"persons": [}', encoding="utf-8")
    with pytest.raises(ec.InvalidValue) as e:
        io.load_cases(path)
    assert e.value.field == str(path) and "line 1 column 14" in str(e.value)


def test_dump_and_load_round_trip() -> None:
    facilities = [
        ec.Facility("F1", "131082", beds=120, filing=ec.Filing("131082", "2019-03-01", receipt_no="R-1")),
        ec.Facility("F2", "120116", kind="community"),
    ]
    persons = [
        ec.Person(
            "p1",
            "1941-05-01",
            hukou=ec.Hukou("110104", "1980-01-01"),
            residence=ec.Residence("131082", True),
            ability=ec.Assessment(4, "2023-01-01", valid_until="2025-01-01", raw_score=10),
            disability=ec.DisabilityCertificate("multiple", 1, components=[("intellectual", 2)]),
            categories=["tekun", "dibao"],
            health=ec.Health(True, False),
            stays=[ec.Stay("F1", "2023-01-01", "2023-03-01"), ec.Stay("F2", "2023-03-01")],
            household_id="h1",
            programmes=["weihai.virtual_platform"],
        ),
        ec.Person("p2", "1950-12-31", hukou="440100", residence="440106"),
    ]
    dumped = io.dump_cases(persons, facilities)
    text = json.dumps(dumped, ensure_ascii=False)
    again = io.load_cases(json.loads(text))
    assert again.persons == persons
    assert again.facilities == ec.FacilityRegistry(facilities)
    assert io.dump_cases(again.persons, again.facilities) == dumped
