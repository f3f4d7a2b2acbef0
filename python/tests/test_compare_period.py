"""compare() over a period (issue 14): eligibility, the granting rule and gainers, losers and the newly
eligible judged over the whole period, on hand-worked cases; by_month and by_group adding up to the
whole (weighted too); explain() in words; and the same money as simulate_population and per-person
schedules."""

from __future__ import annotations

import decimal
from typing import Any, List

import numpy as np
import pandas as pd
import pytest

import eldercare as ec
from eldercare import _weights
from eldercare.conditions import age_at_least

XICHENG = "cn.beijing.xicheng.cross_region_care"
FACILITIES = ec.FacilityRegistry(
    [
        ec.Facility("HB", "131082", beds=300, filing=ec.Filing("131082", "2019-03-01")),  # 三河市, in 津冀蒙
        ec.Facility("HR", "110116", beds=200, filing=ec.Filing("110116", "2018-05-01")),  # 怀柔区, 生态涵养区
    ]
)
# The analyst's reform: 600 → 800 yuan, 3 → 2 months; and the ecological-area rule only from 90.
REFORM = ec.reform(
    XICHENG,
    amounts={"jin_ji_meng": 800},
    months={"jin_ji_meng": 2},
    add_conditions={"ecological_area": age_at_least(90)},
)


def elder(pid: str, admitted: str, facility: str = "HB", birth: str = "1945-06-15") -> ec.Person:
    return ec.Person(pid, birth, hukou="110102", residence="131082", stays=[ec.Stay(facility, admitted)])


# Worked by hand (Xicheng tests each month on its last day):
#  may      admitted 2024-03-11: 2 months complete 2024-05-11, 3 months 2024-06-11 → reform pays May-Dec
#           (8 × 800), the baseline June-Dec (7 × 600).
#  all_year admitted 2023-01-10: both pay every month, 12 × 800 against 12 × 600.
#  newly    admitted 2024-10-15: 2 months complete 2024-12-15 → reform pays December; 3 months only
#           on 2025-01-15 → the baseline pays nothing in 2024: newly eligible over the period.
#  loses    in 怀柔 since 2023-03-15, aged 78: the baseline's 200 yuan every month, the reform's
#           ecological-area rule asks 90 → nothing: a loser, no longer eligible.
#  young    born 1970: nothing in either.
CASES = [
    elder("may", "2024-03-11"),
    elder("all_year", "2023-01-10"),
    elder("newly", "2024-10-15"),
    elder("loses", "2023-03-15", "HR"),
    elder("young", "2023-01-10", birth="1970-01-01"),
]
EXPECTED = {  # id: (baseline fen, reform fen, baseline first month, reform first month)
    "may": (7 * 60000, 8 * 80000, "2024-06", "2024-05"),
    "all_year": (12 * 60000, 12 * 80000, "2024-01", "2024-01"),
    "newly": (0, 80000, "", "2024-12"),
    "loses": (12 * 20000, 0, "2024-01", ""),
    "young": (0, 0, "", ""),
}


@pytest.fixture(scope="module")
def year() -> ec.Comparison:
    return ec.compare(XICHENG, REFORM, ec.Population(CASES, facilities=FACILITIES), period=2024)


def test_the_hand_worked_cases(year: ec.Comparison) -> None:
    rows = year.persons.set_index("id")
    for pid, (before, after, b_first, r_first) in EXPECTED.items():
        row = rows.loc[pid]
        assert (row.baseline_fen, row.reform_fen, row.delta_fen) == (before, after, after - before), pid
        assert (row.baseline_first_month, row.reform_first_month) == (b_first, r_first), pid
        assert (row.baseline_eligible, row.reform_eligible) == (before > 0, after > 0), pid
    # Over the period: paid in some month is eligible, and the rule is the one that paid.
    assert rows.loc["may", "rule"] == "jin_ji_meng" and rows.loc["may", "change"] == "gainer"
    assert rows.loc["newly", "rule"] == "jin_ji_meng" and rows.loc["newly", "baseline_rules"] == ""
    assert rows.loc["loses", "rule"] == "ecological_area" and rows.loc["loses", "change"] == "loser"
    assert rows.loc["young", "rule"] == "" and rows.loc["young", "change"] == "unchanged"
    s = year.summary
    assert (s["gainers"], s["losers"], s["unchanged"]) == (3, 1, 1)
    assert (s["newly_eligible"], s["no_longer_eligible"]) == (1, 1)
    assert s["baseline_cost_fen"] == sum(e[0] for e in EXPECTED.values())
    assert s["reform_cost_fen"] == sum(e[1] for e in EXPECTED.values())
    assert s["measure"] == "paid 2024-01-01 to 2024-12-31"
    # No gainer without a rule: the blank by_rule row of the issue is gone.
    assert set(year.by_rule()["rule"]) == {"jin_ji_meng", "ecological_area"}


def test_a_date_judges_one_day_only() -> None:
    # On 2024-05-31 only "may"'s reform month and the others' months of that day count.
    on = ec.compare(XICHENG, REFORM, ec.Population(CASES, facilities=FACILITIES), "2024-05-31")
    rows = on.persons.set_index("id")
    assert rows.loc["may", "baseline_fen"] == 0 and rows.loc["may", "reform_fen"] == 80000
    assert not rows.loc["newly", "reform_eligible"]  # not yet admitted: only the period sees December
    assert on.summary["measure"] == "per period on 2024-05-31"
    with pytest.raises(ec.InvalidValue, match="by_month"):
        on.by_month()
    assert "may gains 800.00 yuan on 2024-05-31" in on.explain("may")


def test_period_forms_agree(year: ec.Comparison) -> None:
    pop = ec.Population(CASES, facilities=FACILITIES)
    for period in ("2024", ("2024-01", "2024-12"), ("2024-01-15", "2024-12-01")):
        other = ec.compare(XICHENG, REFORM, pop, period=period)
        pd.testing.assert_frame_equal(other.persons, year.persons)
    may = ec.compare(XICHENG, REFORM, pop, period="2024-05").persons.set_index("id")
    assert may.loc["may", "reform_fen"] == 80000 and may.loc["may", "baseline_fen"] == 0
    with pytest.raises(ec.InvalidValue, match="period"):
        ec.compare(XICHENG, REFORM, pop, period=("2024-12", "2024-01"))
    with pytest.raises(ec.InvalidValue, match="on"):
        ec.compare(XICHENG, REFORM, pop)


def test_by_month_adds_up(year: ec.Comparison) -> None:
    months = year.by_month().set_index("month")
    assert list(months.index) == [f"2024-{m:02d}" for m in range(1, 13)]
    # January: all_year 600 + loses 200 before; all_year 800 after.
    assert (months.loc["2024-01", "baseline_fen"], months.loc["2024-01", "reform_fen"]) == (80000, 80000)
    # May: the reform adds may's first 800.
    assert (months.loc["2024-05", "baseline_fen"], months.loc["2024-05", "reform_fen"]) == (80000, 160000)
    # December: 600 + 600 + 200 before; 800 + 800 + 800 (newly) after.
    assert (months.loc["2024-12", "baseline_fen"], months.loc["2024-12", "reform_fen"]) == (140000, 240000)
    assert months.loc["2024-12", "reform_paid"] == 3 and months.loc["2024-12", "losers"] == 1
    assert months["baseline_fen"].sum() == year.summary["baseline_cost_fen"]
    assert months["reform_fen"].sum() == year.summary["reform_cost_fen"]
    assert months["delta_fen"].sum() == year.summary["cost_delta_fen"]


def test_explain_in_words(year: ec.Comparison) -> None:
    may = year.explain("may")
    assert may.startswith("may gains 2200.00 yuan over 2024-01 to 2024-12")
    assert "paid from 2024-05 instead of 2024-06" in may
    assert "continuous stay of 2 months" in may and "is met on 2024-05-11" in may
    assert "continuous stay of 3 months" in may and "is met on 2024-06-11" in may
    assert "800.00 yuan per month instead of 600.00 yuan per month" in may
    assert "(reform: amount 600→800, stay 3→2 months)" in may
    newly = year.explain("newly")
    assert "newly paid from 2024-12" in newly and "is met on 2024-12-15" in newly
    loses = year.explain("loses")
    assert "no longer paid (was from 2024-01)" in loses and "age ≥ 90 周岁" in loses
    assert "young is paid the same over 2024-01 to 2024-12" in year.explain(4)  # by row


def test_compare_agrees_with_simulation_and_schedules(year: ec.Comparison) -> None:
    pop = ec.Population(CASES, facilities=FACILITIES)
    for policy, column in ((XICHENG, "baseline_fen"), (REFORM, "reform_fen")):
        sim = ec.simulate_population(policy, pop, "2024-01-01", 12, facilities=FACILITIES)
        assert sim.total_fen == int(year.persons[column].sum())
        assert (sim.by_month["amount_fen"].to_numpy() == year.by_month()[column].to_numpy()).all()
        for person in CASES:
            paid = ec.schedule(policy, person, "2024-01-01", "2024-12-31", FACILITIES).total_fen
            assert paid == int(year.persons.set_index("id").loc[person.id, column]), person.id


def synthetic_comparison(weighted: bool) -> ec.Comparison:
    synthetic = ec.synthetic_population(3000, profile="xicheng", seed=7)
    frame = synthetic.to_frame()
    if weighted:
        frame["weight"] = np.random.default_rng(1).uniform(0.5, 300.0, len(frame)).round(3)
    else:
        frame = frame.drop(columns="weight")
    pop = ec.Population(frame, facilities=synthetic.facilities)
    return ec.compare(XICHENG, REFORM, pop, period=2024)


@pytest.mark.parametrize("weighted", [False, True])
def test_by_group_adds_up_to_the_whole(weighted: bool) -> None:
    c = synthetic_comparison(weighted)
    s = c.summary
    assert s["gainers"] > 0 and s["losers"] > 0  # the population exercises both
    for column in ("age_band", "district", "prefecture", "ability_level", "residence_rural", "change"):
        g = c.by_group(column)
        assert g["persons"].sum() == s["persons"], column
        assert g["delta_fen"].sum() == s["cost_delta_fen"], column
        assert g["reform_fen"].sum() == s["reform_cost_fen"], column
        assert (g["gainers"].sum(), g["losers"].sum()) == (s["gainers"], s["losers"]), column
        if weighted:
            assert _weights.exact_sum(g["weighted_delta_fen"]) == s["weighted_cost_delta_fen"], column
            assert _weights.exact_sum(g["weighted_persons"]) == s["weighted_persons"], column
            assert isinstance(g["weighted_reform_fen"].iloc[0], decimal.Decimal)
        else:
            assert "weighted_persons" not in g.columns
    # Age bands by hand: 周岁 on the period's last day.
    bands = c.by_group("age_band").set_index("age_band")["persons"]
    ages = [ec.age_on(b, "2024-12-31") for b in c._inputs.population.to_frame()["birth_date"].dt.date]  # type: ignore[union-attr]
    for label, lo, hi in (("60-64", 60, 64), ("90+", 90, 200)):
        assert bands.get(label, 0) == sum(lo <= a <= hi for a in ages), label
    # By category: each person under each of their categories, "none" for none.
    by_category = c.by_group("category").set_index("category")["persons"]
    words: List[Any] = [
        w
        for cell in c._inputs.population.to_frame()["categories"]
        for w in _category_words(cell)  # type: ignore[union-attr]
    ]
    assert by_category.to_dict() == pd.Series(words).value_counts().sort_index().to_dict()
    if weighted:
        months = c.by_month()
        assert _weights.exact_sum(months["weighted_delta_fen"]) == s["weighted_cost_delta_fen"]
    with pytest.raises(ec.InvalidValue, match="no such column"):
        c.by_group("shoe_size")


def _category_words(cell: Any) -> List[str]:
    return list(cell) or ["none"]  # to_frame(): a list of words, [] for none


def test_catalog_ids_and_policies_give_the_same_comparison(year: ec.Comparison) -> None:
    pop = ec.Population(CASES, facilities=FACILITIES)
    by_policy = ec.compare(ec.catalog.policy(XICHENG), REFORM, pop, period=2024)
    pd.testing.assert_frame_equal(by_policy.persons, year.persons)


def test_households_over_a_period_by_schedules() -> None:
    # A policy paid per household takes the schedules' path; the same judgements over the period.
    household_id = "cn.shandong.weihai.platform_phone_subsidy"
    rule = ec.catalog.policy(household_id).versions[-1].rules[0].id
    richer = ec.reform(household_id, amounts={rule: 50})
    pop = ec.synthetic_population(3000, profile="weihai", seed=2)
    c = ec.compare(household_id, richer, pop, period=2024)
    paid = ec.schedule_population(household_id, pop, "2024-01-01", "2024-12-31", households=True, wide=True)
    assert c.summary["baseline_cost_fen"] == int(paid.sum().sum()) > 0
    assert list(c.persons["id"]) == list(paid.index)
    gainers = c.persons[c.persons["change"] == "gainer"]
    assert len(gainers) > 0 and (gainers["rule"] == rule).all()
    assert int(c.by_month()["delta_fen"].sum()) == c.summary["cost_delta_fen"]
    with pytest.raises(ec.InvalidValue, match="households"):
        c.explain(c.persons["id"].iloc[0])
