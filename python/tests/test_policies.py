"""Policies: versions, combinations, schedules, stacking, households (tests/cpp/rules_policy_test.cpp)."""

from __future__ import annotations

from typing import Iterable

import pytest

import eldercare as ec
from conftest import d
from eldercare.conditions import age_at_least, in_category

CITE = ec.Citation(
    "《北京市老年人养老服务补贴津贴管理实施办法》",
    "高龄老年人津贴",
    "80–89周岁100元，90–99周岁500元，100周岁及以上800元",
    "DOMAIN.md E.1",
    "2019-10-01",
)


def elder(id: str, birth: str, categories: Iterable[str] = ()) -> ec.Person:
    return ec.Person(id, birth, hukou="110105", residence="110105", categories=categories)


def advanced_age() -> ec.Policy:
    rules = [
        ec.Rule("age_100", "100+", age_at_least(100), ec.money_per_month(yuan=800), citation=CITE),
        ec.Rule("age_90", "90–99", age_at_least(90), ec.money_per_month(yuan=500), citation=CITE),
        ec.Rule("age_80", "80–89", age_at_least(80), ec.money_per_month(yuan=100), citation=CITE),
    ]
    return ec.Policy("test.advanced_age", "高龄津贴", [ec.PolicyVersion("2019", "2019-10-01", rules, citation=CITE)])


def test_tiers_first_match_and_every_rule_explained() -> None:
    dec = ec.evaluate(advanced_age(), elder("a", "1930-05-01"), d("2024-01-01"))
    assert dec.eligible and dec.amount_fen == 50000
    assert dec.granting_rules == ("age_90",)
    assert len(dec.rules) == 3
    assert not dec.rules[0].eligible and dec.rules[0].would_be_met_on == d("2030-05-01")
    p80 = elder("b", "1944-05-01")
    assert not ec.evaluate(advanced_age(), p80, "2024-04-30").eligible
    assert ec.evaluate(advanced_age(), p80, "2024-04-30").would_be_eligible_on == d("2024-05-01")
    assert ec.evaluate(advanced_age(), p80, "2024-05-01").amount_fen == 10000


def test_versions_by_effective_date() -> None:
    v2020 = ec.PolicyVersion(
        "2020",
        "2020-06-01",
        [ec.Rule("r", "60+", age_at_least(60), ec.money_per_month(yuan=300))],
        effective_to="2022-12-31",
    )
    v2023 = ec.PolicyVersion(
        "2023", "2023-01-01", [ec.Rule("r", "60+", age_at_least(60), ec.money_per_month(yuan=400))]
    )
    policy = ec.Policy("test.versions", "versions", [v2023, v2020])
    assert [v.label for v in policy.versions] == ["2020", "2023"]
    e = elder("a", "1950-01-01")
    assert ec.evaluate(policy, e, "2020-05-31").status == "not_in_force"
    assert ec.evaluate(policy, e, "2020-06-01").amount_fen == 30000
    assert ec.evaluate(policy, e, "2022-12-31").amount_fen == 30000
    assert ec.evaluate(policy, e, "2023-01-01").version_label == "2023"
    assert policy.version_on("2021-01-01") is v2020
    assert policy.version_on("2019-01-01") is None
    with pytest.raises(ec.InvalidValue, match="overlaps version 2020"):
        ec.Policy("x", "x", [v2020, v2023.replace(effective_from="2022-06-01")])


def test_highest_and_sum_and_incommensurable_grants() -> None:
    rules = [
        ec.Rule("low", "", age_at_least(60), ec.money_per_month(yuan=100)),
        ec.Rule("high", "", in_category("dibao"), ec.money_per_month(yuan=300)),
    ]
    both = elder("a", "1950-01-01", ["dibao"])
    highest = ec.PolicyVersion("v", "2020-01-01", rules, combine="highest")
    assert ec.evaluate(ec.Policy("h", "h", [highest]), both, "2024-01-01").amount_fen == 30000
    summed = ec.evaluate(ec.Policy("s", "s", [highest.replace(combine="sum")]), both, "2024-01-01")
    assert summed.amount_fen == 40000 and len(summed.granting_rules) == 2
    hours = ec.Rule("hours", "", age_at_least(60), ec.service_hours_per_month(30))
    with pytest.raises(ec.InvalidValue) as e:
        ec.Policy("m", "m", [highest.replace(combine="sum", rules=[*rules, hours])])
    assert e.value.field == "m.versions[v].rules[hours].grant"


def test_announced_policies_are_not_computable() -> None:
    p = ec.Policy("test.announced", "旅居康养", [], status="announced", missing="no amounts in any source")
    dec = ec.evaluate(p, elder("a", "1950-01-01"), "2024-06-01")
    assert dec.status == "not_computable"
    assert dec.status_note == "not computable: no amounts in any source"
    assert "not computable" in str(dec)


def test_schedule_month_by_month() -> None:
    e = elder("a", "1944-05-20")  # 80 on 2024-05-20
    lines = ec.schedule(advanced_age(), e, "2024-03-01", "2024-07-31")
    assert [x.amount_fen for x in lines] == [0, 0, 10000, 10000, 10000]
    assert lines.total_fen == 30000
    assert lines[2].tested_on == d("2024-05-31")
    start = ec.schedule(advanced_age(), e, "2024-03-01", "2024-07-31", basis="start_of_month")
    assert start[2].amount_fen == 0 and start.total_fen == 20000
    frame = lines.to_frame()
    assert list(frame["amount_fen"]) == [0, 0, 10000, 10000, 10000]
    # Nullable since issue 13: an undetermined month's amount is missing, not 0.
    assert str(frame["amount_fen"].dtype) == "Int64"
    assert list(frame["status"]) == ["decided"] * 5
    with pytest.raises(ec.InvalidValue) as err:
        ec.schedule(advanced_age(), e, "2024-07-01", "2024-03-01")
    assert err.value.field == "schedule.last"


def test_stacking_is_declared_per_pair() -> None:
    def granted(policy_id: str, yuan: int) -> ec.Decision:
        rule = ec.Rule("r", "", age_at_least(60), ec.money_per_month(yuan=yuan))
        policy = ec.Policy(policy_id, policy_id, [ec.PolicyVersion("v", "2020-01-01", [rule])])
        return ec.evaluate(policy, elder("a", "1950-01-01"), "2024-01-01")

    a, b, c = granted("elderly_care", 600), granted("disabled_care", 243), granted("advanced_age", 100)
    table = ec.StackingTable().declare("elderly_care", "disabled_care", "choose_higher", provenance="sourced")
    assert table.mode_for("disabled_care", "elderly_care") == "choose_higher"
    out = ec.resolve_stacking([b, a, c], table)
    assert [g.paid for g in out] == [False, True, True]
    assert "choose_higher with elderly_care" in out[0].reason
    ex = ec.resolve_stacking([b, a, c], ec.StackingTable("exclusive_choice"))
    assert [g.paid for g in ex] == [False, True, False]
    assert "must choose" in ex[2].reason


def test_households_one_grant_or_the_sum() -> None:
    rule = ec.Rule("phone", "", age_at_least(60), ec.money_per_month(yuan=10))
    members = [elder("a", "1940-01-01"), elder("b", "1942-01-01"), elder("c", "1990-01-01")]
    h = ec.Household("h1", members)
    per_household = ec.PolicyVersion("v", "2020-01-01", [rule], paid_to="household")
    dh = ec.evaluate(ec.Policy("ph", "phone", [per_household]), h, "2024-01-01")
    assert dh.amount_fen == 1000 and len(dh.rules) == 3 and dh.rules[2].rule_id == "c: phone"
    per_person = per_household.replace(paid_to="person")
    assert ec.evaluate(ec.Policy("pp", "phone", [per_person]), h, "2024-01-01").amount_fen == 2000


def test_benefits() -> None:
    assert ec.money_per_month(yuan=600) == ec.money_per_month(fen=60000) == ec.Benefit("money", "per_month", 60000)
    assert ec.money_per_month(yuan="600.50").quantity == 60050
    assert ec.money_per_year(yuan=1200.25).quantity == 120025
    assert str(ec.service_hours_per_month(30)) == "30 service hours per month"
    assert str(ec.visits_per_month(1)) == "1 visit per month"
    assert ec.visits_per_month(1).amount_fen == 0
    assert str(ec.money_once(yuan=10000)) == "10000.00 yuan once"
    assert ec.format_fen(-50) == "-0.50"
    with pytest.raises(ec.InvalidValue, match="exactly one of yuan= or fen="):
        ec.money_per_month(yuan=1, fen=100)
    with pytest.raises(ec.InvalidValue, match="cannot be negative"):
        ec.money_per_month(yuan=-1)
