"""Populations: the flat schema from pandas, pyarrow and numpy; errors naming the column, the row and
id, and the value; inputs never modified; and batch results equal to one-by-one evaluation."""

from __future__ import annotations

import copy
import datetime
import json
from typing import Any, Dict, List

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import eldercare as ec

FACILITIES = ec.FacilityRegistry(
    [
        ec.Facility("HB", "131082", beds=300, filing=ec.Filing("131082", "2019-03-01")),
        ec.Facility("TJ", "120116", beds=80, filing=ec.Filing("120116", "2021-01-04")),
        ec.Facility("TJ-unfiled", "120116", beds=50),
        ec.Facility("HR", "110116", beds=200, filing=ec.Filing("110116", "2018-05-01")),
        ec.Facility("CY", "110105", beds=200, filing=ec.Filing("110105", "2018-05-01")),
    ]
)


def frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "id": ["p1", "p2", "p3", "p4"],
            "birth_date": pd.to_datetime(["1940-07-01", "1930-03-01", "1965-06-15", "1928-02-29"]),
            "hukou_region": [110102, 110105, 110102, 610102],
            "residence_region": [131082, 110105, 110116, 610102],
            "rural": [False, False, True, False],
            "ability_level": pd.array([None, 4, 2, 3], dtype="Int64"),
            "categories": ["", "dibao,kongchao", None, "tekun"],
            "disability_category": [None, "physical", None, "intellectual"],
            "disability_grade": pd.array([None, 1, None, 2], dtype="Int64"),
            "mental_illness": [False, False, False, True],
        }
    )


def stays() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "person_id": ["p1", "p3", "p3"],
            "facility": ["HB", "TJ", "HR"],
            "admitted": pd.to_datetime(["2023-02-28", "2022-01-01", "2023-03-15"]),
            "discharged": pd.to_datetime([None, "2023-03-15", None]),
        }
    )


def persons() -> List[ec.Person]:
    """frame() and stays() as Person values, field by field."""
    return [
        ec.Person("p1", "1940-07-01", hukou="110102", residence="131082", stays=[ec.Stay("HB", "2023-02-28")]),
        ec.Person(
            "p2",
            "1930-03-01",
            hukou="110105",
            residence="110105",
            ability=ec.Assessment(4, "1930-03-01"),
            categories=["dibao", "kongchao"],
            disability=ec.DisabilityCertificate("physical", 1),
        ),
        ec.Person(
            "p3",
            "1965-06-15",
            hukou="110102",
            residence=ec.Residence("110116", True),
            ability=ec.Assessment(2, "1965-06-15"),
            stays=[ec.Stay("TJ", "2022-01-01", "2023-03-15"), ec.Stay("HR", "2023-03-15")],
        ),
        ec.Person(
            "p4",
            "1928-02-29",
            hukou="610102",
            residence="610102",
            ability=ec.Assessment(3, "1928-02-29"),
            categories=["tekun"],
            disability=ec.DisabilityCertificate("intellectual", 2),
            health=ec.Health(mental_illness=True),
        ),
    ]


POLICIES = [
    "cn.beijing.xicheng.cross_region_care",
    "cn.beijing.elderly_allowances",
    "cn.beijing.elderly_allowances.disability_care",
    "cn.national.disabled_two_subsidies",
    "cn.shaanxi.xian.advanced_age_allowance",
    "cn.shaanxi.xian.public_home_waitlist",
    "cn.shandong.weihai.home_care_purchase",
]


def single(policy: str, people: List[ec.Person], on: str) -> Dict[str, List[Any]]:
    ds = [ec.catalog.evaluate(policy, p, on, FACILITIES) for p in people]
    return {
        "id": [x.subject_id for x in ds],
        "eligible": [x.eligible for x in ds],
        "amount_fen": [x.amount_fen for x in ds],
        "quantity": [0 if x.granted is None else x.granted.quantity for x in ds],
        "first_failing_condition": [x.first_failing_condition for x in ds],
        "granting_rules": [",".join(x.granting_rules) for x in ds],
    }


def batch(result: pd.DataFrame) -> Dict[str, List[Any]]:
    return {
        k: result[k].tolist()
        for k in ("id", "eligible", "amount_fen", "quantity", "first_failing_condition", "granting_rules")
    }


@pytest.mark.parametrize("policy", POLICIES)
@pytest.mark.parametrize("on", ["2023-05-28", "2024-06-30"])
def test_a_dataframe_gives_what_one_by_one_evaluation_gives(policy: str, on: str) -> None:
    out = ec.evaluate_population(policy, frame(), on, FACILITIES, stays=stays())
    assert list(out.columns[:7]) == [
        "id",
        "eligible",
        "amount_fen",
        "unit",
        "period",
        "quantity",
        "first_failing_condition",
    ]
    assert batch(out) == single(policy, persons(), on)


def test_pyarrow_tables_and_numpy_dicts_give_the_same() -> None:
    pa = pytest.importorskip("pyarrow")
    expected = ec.evaluate_population(POLICIES[1], frame(), "2024-06-30", FACILITIES, stays=stays())
    table = pa.Table.from_pandas(frame(), preserve_index=False)
    got = ec.evaluate_population(POLICIES[1], table, "2024-06-30", FACILITIES, stays=pa.Table.from_pandas(stays()))
    pd.testing.assert_frame_equal(got, expected)
    f = frame()
    arrays = {c: f[c].to_numpy() for c in f.columns}
    arrays["ability_level"] = f["ability_level"].to_numpy(dtype="float64", na_value=np.nan)
    arrays["disability_grade"] = f["disability_grade"].to_numpy(dtype="float64", na_value=np.nan)
    got = ec.evaluate_population(
        POLICIES[1], arrays, "2024-06-30", FACILITIES, stays={c: stays()[c].to_numpy() for c in stays()}
    )
    pd.testing.assert_frame_equal(got, expected)


def test_stays_as_a_list_column_and_as_json_text() -> None:
    expected = ec.evaluate_population(POLICIES[0], frame(), "2023-06-30", FACILITIES, stays=stays())
    f = frame()
    f["stays"] = [
        [{"facility": "HB", "admitted": "2023-02-28", "discharged": None}],
        [],
        [ec.Stay("TJ", "2022-01-01", "2023-03-15"), ("HR", datetime.date(2023, 3, 15))],
        None,
    ]
    pd.testing.assert_frame_equal(ec.evaluate_population(POLICIES[0], f, "2023-06-30", FACILITIES), expected)
    f["stays"] = [
        json.dumps([{"facility": "HB", "admitted": "2023-02-28"}]),
        "[]",
        json.dumps(
            [
                {"facility": "TJ", "admitted": "2022-01-01", "discharged": "2023-03-15"},
                {"facility": "HR", "admitted": "2023-03-15"},
            ]
        ),
        "",
    ]
    pd.testing.assert_frame_equal(ec.evaluate_population(POLICIES[0], f, "2023-06-30", FACILITIES), expected)


def test_text_dates_text_regions_and_category_bits() -> None:
    expected = ec.evaluate_population(POLICIES[1], frame(), "2024-06-30")
    f = frame()
    f["birth_date"] = ["1940-07-01", "1930-03-01", "1965-06-15", "1928-02-29"]
    f["hukou_region"] = ["110102", "110105", "110102", "610102"]
    words = list(ec.CATEGORIES)
    f["categories"] = [0, (1 << words.index("dibao")) | (1 << words.index("kongchao")), 0, 1 << words.index("tekun")]
    pd.testing.assert_frame_equal(ec.evaluate_population(POLICIES[1], f, "2024-06-30"), expected)


def test_inputs_are_never_modified() -> None:
    f, s = frame(), stays()
    f["stays_json"] = "x"
    before_f, before_s = f.copy(deep=True), s.copy(deep=True)
    dtypes = f.dtypes.copy()
    arrays = {c: frame()[c].to_numpy() for c in ("id", "birth_date", "hukou_region", "residence_region")}
    arrays_before = copy.deepcopy(arrays)
    ec.evaluate_population(POLICIES[0], f, "2023-06-30", FACILITIES, stays=s)
    ec.evaluate_population(POLICIES[1], arrays, "2023-06-30", missing="absent")  # no categories column
    ec.schedule_population(POLICIES[0], f, "2023-01-01", "2023-12-31", FACILITIES, stays=s)
    pd.testing.assert_frame_equal(f, before_f)
    pd.testing.assert_frame_equal(s, before_s)
    assert (f.dtypes == dtypes).all()
    for k in arrays:
        np.testing.assert_array_equal(arrays[k], arrays_before[k])
        assert arrays[k].dtype == arrays_before[k].dtype


def bad(column: str, value: Any, row: int = 1) -> pd.DataFrame:
    f = frame()
    f[column] = f[column].astype(object)
    f.loc[row, column] = value
    return f


@pytest.mark.parametrize(
    ("data", "field", "value", "error_id"),
    [
        (
            bad("birth_date", "2023-02-30"),
            "population.birth_date[row 1, id 'p2']",
            "2023-02-30",
            ec.ErrorId.INVALID_DATE,
        ),
        (bad("hukou_region", 999999), "population.hukou_region[row 1, id 'p2']", "999999", ec.ErrorId.INVALID_REGION),
        (bad("hukou_region", "99999x"), "population.hukou_region[row 1, id 'p2']", "99999x", ec.ErrorId.INVALID_REGION),
        (
            bad("hukou_region", float("nan")).astype({"hukou_region": float}),
            "population.hukou_region[row 1, id 'p2']",
            "nan",
            ec.ErrorId.INVALID_REGION,
        ),
        (bad("ability_level", 7), "population.ability_level[row 1, id 'p2']", "7", ec.ErrorId.INVALID_ABILITY),
        (bad("ability_level", 2.5), "population.ability_level[row 1, id 'p2']", "2.5", ec.ErrorId.INVALID_ABILITY),
        (bad("rural", float("nan")), "population.rural[row 1, id 'p2']", "nan", ec.ErrorId.INVALID_PARAMETER),
        (bad("categories", "dibao,rich"), "population.categories[row 1, id 'p2']", "rich", ec.ErrorId.INVALID_CATEGORY),
        (bad("id", "p1"), "population.id[row 1, id 'p1']", "p1", ec.ErrorId.INVALID_PERSON),
        (bad("disability_grade", 9), "population.disability_grade[row 1, id 'p2']", "9", ec.ErrorId.INVALID_ABILITY),
    ],
)
def test_errors_name_the_column_the_row_and_id_and_the_value(
    data: pd.DataFrame, field: str, value: str, error_id: ec.ErrorId
) -> None:
    with pytest.raises(ec.InvalidValue) as e:
        ec.Population(data)
    assert e.value.field == field, str(e.value)
    assert e.value.value == value, str(e.value)
    assert e.value.error_id == error_id
    # Text quoted once; a number (7, 2.5, a NaN where a flag is wanted) as written.
    shown = value if value in ("nan", "7", "2.5", "9") else f"'{value}'"
    assert str(e.value).startswith(f"[eldercare.invalid_value.{int(error_id)}] {field} = {shown}: ")


def test_more_errors() -> None:
    with pytest.raises(ec.InvalidValue, match=r"population.residence_region.*the column is required"):
        ec.Population(frame().drop(columns=["residence_region"]))
    f = frame()
    f["birth_date"] = pd.to_datetime(["1940-07-01 08:30", "1930-03-01", "1965-06-15", "1928-02-29"], format="ISO8601")
    with pytest.raises(ec.InvalidType, match=r"population.birth_date\[row 0, id 'p1'\].*time of day"):
        ec.Population(f)
    s = stays()
    s.loc[2, "person_id"] = "p9"
    with pytest.raises(ec.InvalidValue, match=r"stays.person_id\[row 2\] = 'p9': no person"):
        ec.Population(frame(), stays=s)
    s = stays()
    s.loc[0, "facility"] = "NOPE"
    with pytest.raises(ec.InvalidValue, match="no facility with this id"):
        ec.Population(frame(), stays=s, facilities=FACILITIES)
    s = stays()
    s["admitted"] = s["admitted"].astype(object)
    s.loc[0, "admitted"] = "2023-02-30"
    with pytest.raises(ec.InvalidValue, match=r"stays.admitted\[row 0\] = '2023-02-30'"):
        ec.Population(frame(), stays=s)
    with pytest.raises(ec.InvalidValue, match=r"readings.xicheng.back_pay"):
        ec.evaluate_population(POLICIES[0], frame(), "2023-06-30", readings={"xicheng.back_pay": "x"})
    with pytest.raises(ec.InvalidValue, match="on = '2023-02-30'"):
        ec.evaluate_population(POLICIES[0], frame(), "2023-02-30")
    with pytest.raises(ec.PolicyLookupError, match=r"cn.nowhere"):
        ec.evaluate_population("cn.nowhere", frame(), "2023-06-30")


def test_a_population_is_built_once_and_reused() -> None:
    pop = ec.Population(frame(), stays=stays(), facilities=FACILITIES)
    assert len(pop) == 4 and pop.ids == ("p1", "p2", "p3", "p4")
    assert pop.person("p3") == persons()[2]
    assert pop.persons() == persons()
    a = ec.evaluate_population(POLICIES[0], pop, "2023-06-30")
    b = ec.evaluate_population(POLICIES[0], frame(), "2023-06-30", FACILITIES, stays=stays())
    pd.testing.assert_frame_equal(a, b)
    fast = ec.evaluate_population(POLICIES[0], pop, "2023-06-30", reasons=False)
    assert fast["amount_fen"].tolist() == a["amount_fen"].tolist()
    assert set(fast["first_failing_condition"]) == {""}


def test_households_for_a_policy_paid_per_household() -> None:
    f = pd.DataFrame(
        {
            "id": ["a", "b", "c"],
            "birth_date": ["1950-01-01", "1952-01-01", "1949-01-01"],
            "hukou_region": ["371002"] * 3,
            "residence_region": ["371002"] * 3,
            "household_id": ["H1", "H1", None],
            "programmes": ["weihai.virtual_platform", "weihai.virtual_platform", ""],
        }
    )
    out = ec.evaluate_population("cn.shandong.weihai.platform_phone_subsidy", f, "2024-01-31")
    assert out["id"].tolist() == ["H1", "c"] and out["members"].tolist() == [2, 1]
    assert out["amount_fen"].tolist() == [1000, 0]
    per_person = ec.evaluate_population("cn.shandong.weihai.platform_phone_subsidy", f, "2024-01-31", households=False)
    assert per_person["amount_fen"].tolist() == [1000, 1000, 0]
    sched = ec.schedule_population(
        "cn.shandong.weihai.platform_phone_subsidy", f, "2024-01-01", "2024-03-31", wide=True
    )
    assert sched.loc["H1"].tolist() == [1000, 1000, 1000]


def test_schedules_as_the_single_schedule() -> None:
    pol = ec.catalog.policy(POLICIES[0], {"xicheng.back_pay": "first_three_months"})
    out = ec.schedule_population(pol, frame(), "2023-01-01", "2023-12-31", FACILITIES, stays=stays())
    for p in persons():
        expected = [line.amount_fen for line in ec.schedule(pol, p, "2023-01-01", "2023-12-31", FACILITIES)]
        assert out[out["id"] == p.id]["amount_fen"].tolist() == expected
    wide = ec.schedule_population(pol, frame(), "2023-01-01", "2023-12-31", FACILITIES, stays=stays(), wide=True)
    assert (
        list(wide.columns)[:2] == ["2023-01", "2023-02"]
        and wide.loc["p1"].sum() == out[out.id == "p1"].amount_fen.sum()
    )


# --- property: batch == one by one, on random persons -------------------------------------------------

REGIONS = ["110102", "110104", "110105", "110116", "131082", "120116", "610102", "610112002", "371082", "440106"]
CATEGORY_WORDS = list(ec.CATEGORIES)


@st.composite
def random_person(draw: Any, index: int) -> Dict[str, Any]:
    birth = draw(st.dates(datetime.date(1915, 1, 1), datetime.date(1970, 12, 31)))
    hukou = draw(st.sampled_from(REGIONS))
    stays_: List[Dict[str, Any]] = []
    start = draw(st.dates(datetime.date(2021, 1, 1), datetime.date(2024, 6, 1)))
    for _ in range(draw(st.integers(0, 2))):
        length = draw(st.integers(0, 300))
        end = start + datetime.timedelta(days=length)
        ongoing = draw(st.booleans())
        stays_.append(
            {
                "facility": draw(st.sampled_from(FACILITIES.ids)),
                "admitted": start,
                "discharged": None if ongoing else end,
            }
        )
        if ongoing:
            break
        start = end + datetime.timedelta(days=draw(st.integers(0, 40)))
    disabled = draw(st.booleans())
    return {
        "id": f"r{index}",
        "birth_date": birth,
        "hukou_region": hukou,
        "residence_region": draw(st.sampled_from(REGIONS)),
        "rural": draw(st.booleans()),
        "ability_level": draw(st.one_of(st.none(), st.integers(0, 4))),
        "categories": ",".join(draw(st.lists(st.sampled_from(CATEGORY_WORDS), max_size=3, unique=True))),
        "disability_category": draw(st.sampled_from(list(ec.DISABILITY_CATEGORIES))) if disabled else None,
        "disability_grade": draw(st.integers(1, 4)) if disabled else None,
        "mental_illness": draw(st.booleans()),
        "stays": stays_,
    }


@st.composite
def random_population(draw: Any) -> List[Dict[str, Any]]:
    n = draw(st.integers(1, 8))
    return [draw(random_person(i)) for i in range(n)]


def as_person(row: Dict[str, Any]) -> ec.Person:
    level = row["ability_level"]
    return ec.Person(
        row["id"],
        row["birth_date"],
        hukou=row["hukou_region"],
        residence=ec.Residence(row["residence_region"], row["rural"]),
        ability=None if level is None else ec.Assessment(level, row["birth_date"]),
        categories=[w for w in row["categories"].split(",") if w],
        disability=None
        if row["disability_category"] is None
        else ec.DisabilityCertificate(row["disability_category"], row["disability_grade"]),
        health=ec.Health(mental_illness=row["mental_illness"]),
        stays=[ec.Stay(s["facility"], s["admitted"], s["discharged"]) for s in row["stays"]],
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    rows=random_population(),
    policy=st.sampled_from(POLICIES),
    on=st.dates(datetime.date(2021, 1, 1), datetime.date(2025, 12, 31)),
)
def test_batch_equals_single_on_random_persons(rows: List[Dict[str, Any]], policy: str, on: datetime.date) -> None:
    people = [as_person(r) for r in rows]  # raises for an invalid combination, like the batch would
    f = pd.DataFrame(rows)
    f["ability_level"] = pd.array(f["ability_level"].tolist(), dtype="Int64")
    f["disability_grade"] = pd.array(f["disability_grade"].tolist(), dtype="Int64")
    out = ec.evaluate_population(policy, f, on, FACILITIES)
    assert batch(out) == single(policy, people, on.isoformat())
    quick = ec.evaluate_population(policy, f, on, FACILITIES, reasons=False)
    assert quick["amount_fen"].tolist() == out["amount_fen"].tolist()
    assert quick["eligible"].tolist() == out["eligible"].tolist()


def test_numeric_columns_cross_without_a_copy() -> None:
    from eldercare._population import _population_columns

    f = pd.DataFrame(
        {
            "id": ["a", "b"],
            "birth_date": np.array(["1940-01-01", "1950-06-30"], dtype="datetime64[D]"),
            "hukou_region": np.array([110102, 110105], dtype=np.int64),
            "residence_region": np.array([110102, 110105], dtype=np.int64),
            "categories": np.array([0, 1], dtype=np.int64),
        }
    )
    columns, *_ = _population_columns(f, None)
    for name in ("hukou_region", "residence_region", "categories"):
        assert np.shares_memory(columns[name], f[name].to_numpy()), name
    # pandas keeps dates as datetime64[s] at least, so they are converted to days; numpy (or Arrow
    # date32) columns of datetime64[D] cross as they are.
    arrays = {name: f[name].to_numpy() for name in f.columns}
    arrays["birth_date"] = np.array(["1940-01-01", "1950-06-30"], dtype="datetime64[D]")
    columns, *_ = _population_columns(arrays, None)
    for name in ("birth_date", "hukou_region", "residence_region", "categories"):
        assert np.shares_memory(columns[name], arrays[name]), name


def test_large_populations_split_over_threads_give_the_same() -> None:
    """From 4096 rows the C++ loop splits rows over the cores: same results as the small case."""
    small = ec.evaluate_population(POLICIES[1], frame(), "2024-06-30")
    big = pd.concat([frame()] * 1100, ignore_index=True)
    big["id"] = [f"p{i}" for i in range(len(big))]
    out = ec.evaluate_population(POLICIES[1], big, "2024-06-30")
    for column in ("eligible", "amount_fen", "first_failing_condition", "granting_rules"):
        assert out[column].tolist() == small[column].tolist() * 1100, column


def test_the_text_of_a_list_is_not_taken_as_a_programme_id() -> None:
    # A list column turned into strings by some tool ("['weihai.virtual_platform']") would otherwise
    # be an id that matches no programme: a silently wrong result.
    f = frame()
    f["programmes"] = ["weihai.virtual_platform", "['weihai.virtual_platform']", "", "a,b"]
    message = r"population.programmes\[row 1, id 'p2'\] = .*not comma-separated programme ids"
    with pytest.raises(ec.InvalidValue, match=message):
        ec.Population(f)
    with pytest.raises(ec.InvalidValue, match=message):
        ec.Population(pa.Table.from_pandas(f, preserve_index=False))
    f.loc[1, "programmes"] = "weihai.virtual_platform, other"
    assert ec.Population(f).person("p2").programmes == ("weihai.virtual_platform", "other")
