"""Every invalid input raises a ValueError subclass naming the field (with the person) and the value."""

from __future__ import annotations

import datetime
import pickle

import pytest

import eldercare as ec
from eldercare import io


def check(error: pytest.ExceptionInfo, field: str, value: str, error_id: ec.ErrorId, *, quoted: bool = True) -> None:
    """The error names the field and shows the value: quoted once when it was given as text, as
    written when it was a number."""
    e = error.value
    assert isinstance(e, ValueError) and isinstance(e, ec.InvalidValue)
    assert e.field == field
    assert e.value == value
    assert e.error_id == error_id
    shown = f"'{value}'" if quoted else value
    assert str(e).startswith(f"[eldercare.invalid_value.{int(error_id)}] {field} = {shown}: ")


def test_an_impossible_date() -> None:
    with pytest.raises(ec.InvalidValue) as e:
        ec.Person("p1", "2023-02-30", hukou="110102", residence="110102")
    check(e, "persons[p1].birth_date", "2023-02-30", ec.ErrorId.INVALID_DATE)
    assert "no such day in that month (it has 28 days)" in str(e.value)


def test_discharge_before_admission() -> None:
    with pytest.raises(ec.InvalidValue) as e:
        ec.Stay("F1", "2023-03-01", "2023-02-01")
    check(e, "stay.discharged", "2023-02-01", ec.ErrorId.INVALID_STAY)
    assert "is before the admission 2023-03-01" in str(e.value)


def test_discharge_before_admission_in_a_case_file_names_the_person() -> None:
    cases = {
        "facilities": [{"id": "F1", "region": "131082"}],
        "persons": [
            {
                "id": "p7",
                "birth_date": "1941-05-01",
                "hukou": "110102",
                "residence": "131082",
                "stays": [{"facility": "F1", "admitted": "2023-03-01", "discharged": "2023-02-01"}],
            }
        ],
    }
    with pytest.raises(ec.InvalidValue) as e:
        io.load_cases(cases)
    check(e, "persons[p7].stays[0].discharged", "2023-02-01", ec.ErrorId.INVALID_STAY)


@pytest.mark.parametrize("code", ["999999", 999999])
def test_an_unknown_region_code(code: object) -> None:
    with pytest.raises(ec.InvalidValue) as e:
        ec.RegionCode(code)  # type: ignore[arg-type]
    check(e, "region", "999999", ec.ErrorId.INVALID_REGION, quoted=isinstance(code, str))
    assert "not a division code in the bundled table" in str(e.value)


def test_an_unknown_region_code_on_a_person() -> None:
    with pytest.raises(ec.InvalidValue) as e:
        io.load_cases(
            {
                "persons": [
                    {"id": "p2", "birth_date": "1950-01-01", "hukou": {"region": "999999"}, "residence": "110102"}
                ]
            }
        )
    check(e, "persons[p2].hukou.region", "999999", ec.ErrorId.INVALID_REGION)


@pytest.mark.parametrize(
    "make, field, value, quoted",
    [
        (lambda: ec.money_per_month(yuan=float("nan")), "benefit.yuan", "nan", False),
        (lambda: ec.to_fen(float("inf")), "amount", "inf", False),
        (lambda: ec.to_fen(600.005), "amount", "600.005", False),
        (lambda: ec.to_fen("600.005"), "amount", "600.005", True),
    ],
)
def test_nan_and_fractional_fen(make, field: str, value: str, quoted: bool) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ec.InvalidValue) as e:
        make()
    check(e, field, value, ec.ErrorId.INVALID_MONEY, quoted=quoted)


def test_nan_where_a_date_is_wanted_is_an_invalid_type() -> None:
    with pytest.raises(ec.InvalidType) as e:
        ec.Stay("F1", float("nan"))  # type: ignore[arg-type]
    assert isinstance(e.value, TypeError) and isinstance(e.value, ValueError)
    assert e.value.field == "stay.admitted" and e.value.value == "nan"


def test_nan_in_a_case_file() -> None:
    cases = {
        "persons": [
            {
                "id": "p3",
                "birth_date": "1950-01-01",
                "hukou": "110102",
                "residence": "110102",
                "ability_level": float("nan"),
            }
        ]
    }
    with pytest.raises(ec.InvalidType) as e:
        io.load_cases(cases)
    assert e.value.field == "persons[p3].ability_level" and e.value.value == "nan"


def test_a_datetime_is_refused_everywhere() -> None:
    with pytest.raises(ec.InvalidType) as e:
        ec.Person("p1", datetime.datetime(1941, 5, 1), hukou="110102", residence="110102")
    assert e.value.field == "persons[p1].birth_date"


def test_errors_from_cpp_and_python_read_alike() -> None:
    # C++ raises the first, Python the second; both carry the same attributes and message form.
    with pytest.raises(ec.InvalidValue) as cpp:
        ec.Assessment(2, "2023-01-01", valid_until="2022-01-01")
    check(cpp, "assessment.valid_until", "2022-01-01", ec.ErrorId.INVALID_ABILITY)
    with pytest.raises(ec.InvalidValue) as py:
        ec.Facility("F1", "131082", beds=2**40)
    check(py, "facility.beds", str(2**40), ec.ErrorId.INVALID_FACILITY, quoted=False)


def test_errors_pickle_with_their_attributes() -> None:
    with pytest.raises(ec.InvalidValue) as e:
        ec.RegionCode("371071")
    again = pickle.loads(pickle.dumps(e.value))
    assert type(again) is ec.InvalidValue
    assert (again.field, again.value, again.error_id, str(again)) == (
        e.value.field,
        e.value.value,
        e.value.error_id,
        str(e.value),
    )
    assert "development zone" in str(again)


def test_error_ids_match_the_core() -> None:
    from eldercare import _core

    assert {k.upper(): v for k, v in _core.error_ids.items()} == {m.name: m.value for m in ec.ErrorId}


def test_rule_evaluation_never_raises_on_valid_facts() -> None:
    from eldercare.conditions import ability_at_least, continuous_stay_at_least, disability_at_least

    p = ec.Person("p1", "1941-05-01", hukou="110102", residence="110102", stays=[ec.Stay("nowhere", "2023-01-01")])
    rule = ec.Rule(
        "r",
        "",
        ability_at_least(3) | disability_at_least("physical", 2) | continuous_stay_at_least(months=3, regions="130000"),
        ec.money_per_month(yuan=1),
    )
    out = rule.evaluate(p, "2023-06-01", [])
    assert not out.eligible
    notes = [r.note for r in out.reasons]
    assert "no ability assessment on file" in notes
    assert "no disability certificate" in notes
    assert "stays[0].facility 'nowhere' is not in the registry" in notes
