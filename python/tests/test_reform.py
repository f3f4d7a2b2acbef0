"""Reforms of the Xicheng policy: 600 → 800 yuan, an added condition, moved effective dates, longer
stays, removed and replaced conditions; and compare() over a population."""

from __future__ import annotations

import datetime

import pandas as pd
import pytest

import eldercare as ec
from conftest import d
from eldercare.conditions import age_at_least, hukou_in, in_category, lives_rural

XICHENG = "cn.beijing.xicheng.cross_region_care"
FACILITIES = ec.FacilityRegistry(
    [
        ec.Facility("HB", "131082", beds=300, filing=ec.Filing("131082", "2019-03-01")),
        ec.Facility("HR", "110116", beds=200, filing=ec.Filing("110116", "2018-05-01")),
    ]
)


def elder(pid: str, admitted: str, facility: str = "HB", birth: str = "1945-06-15", **kw) -> ec.Person:
    return ec.Person(pid, birth, hukou="110102", residence="131082", stays=[ec.Stay(facility, admitted)], **kw)


def amount(policy: ec.Policy, person: ec.Person, on: str) -> int:
    return ec.evaluate(policy, person, on, FACILITIES).amount_fen


def test_raising_600_to_800_yuan() -> None:
    base = ec.catalog.policy(XICHENG)
    new = ec.reform(XICHENG, amounts={"jin_ji_meng": 800})
    p = elder("a", "2023-02-28")
    assert amount(base, p, "2023-06-30") == 60000
    assert amount(new, p, "2023-06-30") == 80000
    assert amount(new, p, "2021-06-30") == 0  # not there yet in 2021? the stay began in 2023
    old_stay = elder("b", "2021-01-10")
    assert amount(new, old_stay, "2021-06-30") == 80000  # every version changed by default
    # The unchanged 200-yuan rule is the base's own rule.
    eco = elder("c", "2023-03-15", "HR")
    assert amount(new, eco, "2023-06-30") == 20000
    assert new.id == f"{XICHENG}.reform" and new.title.endswith("(reform)")
    rule = new.versions[-1].rules[0]
    params = {p.name: p for p in rule.parameters}
    assert params["amount"].value == "800.00 yuan per month" and params["amount"].provenance == "assumed"
    assert "600.00" in params["amount"].note and "reform" in params
    # Only some versions.
    only_2023 = ec.reform(XICHENG, amounts={"jin_ji_meng": 800}, versions=["2023"])
    assert amount(only_2023, old_stay, "2021-06-30") == 60000
    assert amount(only_2023, old_stay, "2023-06-30") == 80000


def test_adding_a_condition() -> None:
    new = ec.reform(XICHENG, add_conditions={"jin_ji_meng": in_category("dibao", "low_income")})
    poor = elder("a", "2023-02-28", categories=["dibao"])
    other = elder("b", "2023-02-28")
    assert amount(new, poor, "2023-06-30") == 60000
    assert amount(new, other, "2023-06-30") == 0
    out = ec.evaluate(new, other, "2023-06-30", FACILITIES)
    assert out.first_failing_condition.startswith("in category dibao")
    # The rest of the explanation is the base's, nested as it was.
    text = out.explain()
    assert "continuous stay of 3 months" in text and "hukou in 西城区" in text


def test_moving_effective_dates() -> None:
    eco = elder("c", "2022-06-01", "HR")
    base = ec.catalog.policy(XICHENG)
    assert amount(base, eco, "2022-12-31") == 0 and amount(base, eco, "2023-01-01") == 20000
    later = ec.reform(XICHENG, version_dates={"2023": "2023-07-01"})
    assert [(v.label, v.effective_from, v.effective_to) for v in later.versions] == [
        ("2020", d("2020-06-01"), d("2023-06-30")),
        ("2023", d("2023-07-01"), None),
    ]
    assert amount(later, eco, "2023-06-30") == 0
    assert amount(later, eco, "2023-07-01") == 20000
    earlier = ec.reform(XICHENG, version_dates={"2023": "2022-07-01"})
    assert amount(earlier, eco, "2022-09-30") == 20000
    with pytest.raises(ec.InvalidValue, match="is not after the start of version 2020"):
        ec.reform(XICHENG, version_dates={"2023": "2019-01-01"})
    with pytest.raises(ec.InvalidValue, match=r"version_dates\[2030\]"):
        ec.reform(XICHENG, version_dates={"2030": "2030-01-01"})


def test_a_reform_effective_from_a_date_keeps_the_base_before_it() -> None:
    new = ec.reform(XICHENG, amounts={"jin_ji_meng": 800}, effective_from="2024-01-01")
    labels = [(v.label, v.effective_from, v.effective_to) for v in new.versions]
    assert labels == [
        ("2020", d("2020-06-01"), d("2022-12-31")),
        ("2023", d("2023-01-01"), d("2023-12-31")),
        ("2023 reform", d("2024-01-01"), None),
    ]
    p = elder("a", "2023-02-28")
    assert amount(new, p, "2023-12-31") == 60000 and amount(new, p, "2024-01-31") == 80000


def test_durations_parameters_removals_and_replacements() -> None:
    p = elder("a", "2023-02-28", birth="1966-01-01")  # 57 in 2023
    six = ec.reform(XICHENG, months={"jin_ji_meng": 6}, readings={"xicheng.min_age": "none"})
    assert amount(six, p, "2023-08-27") == 0 and amount(six, p, "2023-08-28") == 60000
    younger = ec.reform(XICHENG, parameters={"jin_ji_meng": {"age_at_least.years": 55}})
    assert amount(ec.catalog.policy(XICHENG), p, "2023-06-30") == 0
    assert amount(younger, p, "2023-06-30") == 60000
    no_age = ec.reform(XICHENG, remove_conditions={"jin_ji_meng": "age_at_least"})
    assert amount(no_age, p, "2023-06-30") == 60000
    assert "age" not in no_age.versions[0].rules[0].condition.describe()
    swapped = ec.reform(XICHENG, replace_conditions={"jin_ji_meng": {"age_at_least": age_at_least(50)}})
    assert amount(swapped, p, "2023-06-30") == 60000
    whole = ec.reform(XICHENG, replace_conditions={"jin_ji_meng": hukou_in("110102") & lives_rural()})
    assert (
        whole.versions[0].rules[0].condition.describe()
        == "(hukou in 西城区 {110102} and lives in a rural area (by residence))"
    )
    gone = ec.reform(XICHENG, remove_rules=["ecological_area"])
    assert [r.id for r in gone.versions[-1].rules] == ["jin_ji_meng"]
    added = ec.reform(
        XICHENG,
        add_rules=[ec.Rule("rural", "rural elders", hukou_in("110102") & lives_rural(), ec.money_per_month(yuan=100))],
        versions=["2023"],
    )
    assert [r.id for r in added.versions[-1].rules] == ["jin_ji_meng", "ecological_area", "rural"]


def test_reform_errors_name_what_is_missing() -> None:
    with pytest.raises(ec.InvalidValue, match=r"amounts\[nope\].*rules: ecological_area, jin_ji_meng") as e:
        ec.reform(XICHENG, amounts={"nope": 800})
    assert e.value.field == "amounts[nope]"
    with pytest.raises(ec.InvalidValue, match="has no ability_at_least condition"):
        ec.reform(XICHENG, parameters={"jin_ji_meng": {"ability_at_least.level": 2}})
    with pytest.raises(ec.InvalidValue, match="no such parameter"):
        ec.reform(XICHENG, parameters={"jin_ji_meng": {"age_at_least.decades": 6}})
    with pytest.raises(ec.InvalidValue, match=r"amounts\[jin_ji_meng\]"):
        ec.reform(XICHENG, amounts={"jin_ji_meng": "8OO"})
    with pytest.raises(ec.InvalidValue, match="not money"):
        ec.reform(
            "cn.shandong.weihai.home_care_purchase",
            amounts={ec.catalog.policy("cn.shandong.weihai.home_care_purchase").rules[0].id: 10},
        )
    with pytest.raises(ec.InvalidValue, match="matches no condition"):
        ec.reform(XICHENG, remove_conditions={"jin_ji_meng": "lives_rural"})
    with pytest.raises(ec.InvalidValue, match=r"versions\[0\]"):
        ec.reform(XICHENG, versions=["1999"])
    with pytest.raises(ec.PolicyLookupError):
        ec.reform("cn.nowhere", amounts={"x": 1})


def population() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "id": ["a", "b", "c", "d"],
            "birth_date": ["1945-06-15", "1945-06-15", "1970-01-01", "1940-01-01"],
            "hukou_region": ["110102", "110102", "110102", "110105"],
            "residence_region": ["131082", "110116", "131082", "131082"],
            "categories": ["dibao", "", "", ""],
            "stays": [
                [{"facility": "HB", "admitted": "2023-02-28"}],
                [{"facility": "HR", "admitted": "2023-03-15"}],
                [{"facility": "HB", "admitted": "2023-02-28"}],
                [{"facility": "HB", "admitted": "2023-02-28"}],
            ],
        }
    )


def test_compare_costs_a_reform_person_by_person() -> None:
    new = ec.reform(XICHENG, amounts={"jin_ji_meng": 800}, add_conditions={"ecological_area": in_category("dibao")})
    cmp = ec.compare(XICHENG, new, population(), "2023-06-30", FACILITIES)
    rows = cmp.persons.set_index("id")
    assert rows.loc["a", "delta_fen"] == 20000 and rows.loc["a", "rule"] == "jin_ji_meng"
    assert rows.loc["b", "delta_fen"] == -20000 and rows.loc["b", "rule"] == "ecological_area"
    assert rows.loc["c", "change"] == "unchanged" and rows.loc["d", "delta_fen"] == 0  # under 60; not Xicheng
    s = cmp.summary
    assert (s["gainers"], s["losers"], s["unchanged"]) == (1, 1, 2)
    assert s["cost_delta_fen"] == 0 and s["baseline_cost_fen"] == 80000 and s["no_longer_eligible"] == 1
    by_rule = cmp.by_rule().set_index("rule")
    assert by_rule.loc["jin_ji_meng", "delta_fen"] == 20000
    assert "gainers 1, losers 1" in str(cmp)
    # Over a period, with schedules.
    over = ec.compare(XICHENG, new, population(), "2023-06-30", FACILITIES, period=("2023-06-01", "2023-08-31"))
    assert over.summary["cost_delta_fen"] == 0 and over.persons.set_index("id").loc["a", "delta_fen"] == 3 * 20000
    assert over.summary["measure"] == "paid 2023-06-01 to 2023-08-31"


def test_a_reform_built_from_scratch_compared_with_the_catalog() -> None:
    scratch = ec.Policy(
        "example.flat",
        "flat 300 yuan for Xicheng elders in 津冀蒙",
        [
            ec.PolicyVersion(
                "2023",
                "2023-01-01",
                [ec.Rule("flat", "flat", hukou_in("110102") & age_at_least(60), ec.money_per_month(yuan=300))],
            )
        ],
    )
    cmp = ec.compare(XICHENG, scratch, population(), datetime.date(2023, 6, 30), FACILITIES)
    assert cmp.summary["reform_cost_fen"] == 2 * 30000
    assert cmp.persons.set_index("id").loc["a", "rule"] == "jin_ji_meng"  # the loser's lost rule
