"""The engine on Xicheng's rule, cross-checked with C++: the cases and expected answers of
tests/cpp/rules_engine_test.cpp, with the rule built in Python from the same C++ leaf conditions."""

from __future__ import annotations

import pytest

import eldercare as ec
from conftest import d, holds, jjm_rule, xicheng_elder
from eldercare.conditions import age_at_least, has_mental_illness, in_category


def test_a_full_three_months_is_met_on_the_civil_code_day(facilities: ec.FacilityRegistry) -> None:
    p = xicheng_elder([ec.Stay("HB1", "2023-02-28")])
    rule = jjm_rule()
    before = rule.evaluate(p, d("2023-05-27"), facilities)
    assert not before.eligible
    assert before.would_be_met_on == d("2023-05-28")  # art. 202; Boost's months would say 05-31
    assert rule.evaluate(p, d("2023-05-28"), facilities).eligible
    assert rule.condition.holds(p, "2023-05-28", facilities)
    assert not rule.condition.holds(p, "2023-05-27", facilities)


def test_the_explanation_names_the_failing_condition_facts_citation_and_date(facilities: ec.FacilityRegistry) -> None:
    p = xicheng_elder([ec.Stay("HB1", "2024-01-31")])
    out = jjm_rule().evaluate(p, "2024-03-15", facilities)
    assert not out.eligible
    # reasons: the all-group, then hukou, age, stay
    assert [r.kind for r in out.reasons] == ["all", "leaf", "leaf", "leaf"]
    assert out.reasons[1].passed and out.reasons[2].passed
    stay = out.reasons[3]
    assert not stay.passed
    assert stay.met_on == d("2024-04-30")  # 01-31 + 3 months: April has no 31st
    assert stay.facts["continuous_stay.since"] == "2024-01-31"
    assert out.reasons[1].facts == {"hukou.region": "110102 西城区"}
    text = out.explain()
    assert "✗ continuous stay of 3 months" in text
    assert "continuous_stay.since = 2024-01-31" in text
    assert "《西城区户籍老年人赴津冀蒙异地康养扶持办法》" in text
    assert "would be met on 2024-04-30" in text


def test_unfiled_institutions_and_places_outside_jin_ji_meng_do_not_count(facilities: ec.FacilityRegistry) -> None:
    rule = jjm_rule()
    assert not holds(rule, xicheng_elder([ec.Stay("TJ-unfiled", "2022-01-01")]), "2023-01-01", facilities)
    assert not holds(rule, xicheng_elder([ec.Stay("BJ-huairou", "2022-01-01")]), "2023-01-01", facilities)
    # Not Xicheng: Dongcheng hukou.
    assert not holds(rule, xicheng_elder([ec.Stay("HB1", "2022-01-01")], "110101"), "2023-01-01", facilities)
    assert holds(rule, xicheng_elder([ec.Stay("HB1", "2022-01-01")]), "2023-01-01", facilities)


def test_legacy_xuanwu_hukou_is_a_named_reading(facilities: ec.FacilityRegistry) -> None:
    p = xicheng_elder([ec.Stay("HB1", "2022-01-01")], "110104")
    assert holds(jjm_rule(), p, "2023-01-01", facilities)
    assert not holds(jjm_rule(legacy="as_recorded"), p, "2023-01-01", facilities)
    note = jjm_rule().evaluate(p, "2023-01-01", facilities).reasons[1].note
    assert note == "legacy code read as 110102 西城区"


def test_transfers_continue_by_default_and_restart_as_an_option(facilities: ec.FacilityRegistry) -> None:
    p = xicheng_elder([ec.Stay("HB1", "2023-01-10", "2023-02-20"), ec.Stay("HB2", "2023-02-20")])
    assert holds(jjm_rule(), p, "2023-04-10", facilities)
    assert not holds(jjm_rule(), p, "2023-04-09", facilities)
    restart = jjm_rule(transfers="restarts")
    assert not holds(restart, p, "2023-05-19", facilities)
    assert holds(restart, p, "2023-05-20", facilities)


def test_gaps_between_stays(facilities: ec.FacilityRegistry) -> None:
    # Discharged 2023-03-10 (hospital), back 2023-03-15: 03-11..03-14 are 4 uncovered days.
    p = xicheng_elder([ec.Stay("HB1", "2023-01-10", "2023-03-10"), ec.Stay("HB1", "2023-03-15")])
    assert not holds(jjm_rule(), p, "2023-06-14", facilities)
    assert holds(jjm_rule(), p, "2023-06-15", facilities)
    assert holds(jjm_rule(max_gap_days=4), p, "2023-04-10", facilities)
    assert not holds(jjm_rule(max_gap_days=3), p, "2023-04-10", facilities)
    assert not holds(jjm_rule(max_gap_days=30), p, "2023-03-12", facilities)


def test_filing_after_admission_and_revocation(facilities: ec.FacilityRegistry) -> None:
    late = xicheng_elder([ec.Stay("HB-late", "2023-02-01")])
    assert not holds(jjm_rule(), late, "2023-06-30", facilities)
    assert holds(jjm_rule(), late, "2023-07-01", facilities)
    assert holds(jjm_rule(before_filing="counted"), late, "2023-05-01", facilities)
    revoked = xicheng_elder([ec.Stay("HB-revoked", "2022-01-01")])
    assert holds(jjm_rule(), revoked, "2023-05-31", facilities)
    assert not holds(jjm_rule(), revoked, "2023-06-01", facilities)


CROSS_CHECK_PEOPLE = [
    ([("HB1", "2023-02-28", None)], "110102"),
    ([("HB-late", "2023-02-01", None)], "110102"),
    ([("HB1", "2023-01-10", "2023-03-10"), ("HB1", "2023-03-15", None)], "110102"),
    ([("TJ-unfiled", "2022-01-01", None)], "110101"),
]
CROSS_CHECK_DATES = ["2023-03-01", "2023-05-27", "2023-05-28", "2023-06-15", "2023-07-01"]
# Expected verdicts from the C++ rules: eligible, and the date the rule would hold.
CROSS_CHECK_EXPECTED = {
    (0, "2023-03-01"): (False, "2023-05-28"),
    (0, "2023-05-27"): (False, "2023-05-28"),
    (0, "2023-05-28"): (True, None),
    (0, "2023-06-15"): (True, None),
    (0, "2023-07-01"): (True, None),
    (1, "2023-03-01"): (False, None),  # not filed yet: not in a qualifying facility, no date
    (1, "2023-05-27"): (False, "2023-07-01"),
    (1, "2023-05-28"): (False, "2023-07-01"),
    (1, "2023-06-15"): (False, "2023-07-01"),
    (1, "2023-07-01"): (True, None),
    (2, "2023-03-01"): (False, "2023-04-10"),
    (2, "2023-05-27"): (False, "2023-06-15"),
    (2, "2023-05-28"): (False, "2023-06-15"),
    (2, "2023-06-15"): (True, None),
    (2, "2023-07-01"): (True, None),
    (3, "2023-03-01"): (False, None),
    (3, "2023-05-27"): (False, None),
    (3, "2023-05-28"): (False, None),
    (3, "2023-06-15"): (False, None),
    (3, "2023-07-01"): (False, None),
}


@pytest.mark.parametrize("index", range(len(CROSS_CHECK_PEOPLE)))
@pytest.mark.parametrize("on", CROSS_CHECK_DATES)
def test_the_people_of_the_typed_versus_run_time_test(facilities: ec.FacilityRegistry, index: int, on: str) -> None:
    stays, hukou = CROSS_CHECK_PEOPLE[index]
    p = xicheng_elder([ec.Stay(*s) for s in stays], hukou)
    out = jjm_rule().evaluate(p, on, facilities)
    eligible, met_on = CROSS_CHECK_EXPECTED[(index, on)]
    assert out.eligible == eligible
    assert out.would_be_met_on == (None if met_on is None else d(met_on))
    # The fast path (no trace) agrees with the explained one.
    assert jjm_rule().condition.holds(p, on, facilities) == eligible


def test_operators_build_and_flatten_run_time_groups() -> None:
    c = age_at_least(80) & in_category("dibao") & ~has_mental_illness()
    assert c.kind == "all" and len(c.parts) == 3
    alt = age_at_least(80) | in_category("dibao") | in_category("tekun")
    assert alt.kind == "any" and len(alt.parts) == 3
    p = xicheng_elder([]).replace(categories=["dibao"])
    assert c.holds(p, "2024-01-01")  # born 1940-07-01: 83 ≥ 80; 低保; no mental illness
    assert alt.holds(p, "2024-01-01")
    ill = p.replace(health=ec.Health(mental_illness=True))
    assert not c.holds(ill, "2024-01-01")


def test_would_be_met_dates_through_any_and_all() -> None:
    p = xicheng_elder([]).replace(birth_date="1950-03-10")  # 70 on 2020-03-10
    money = ec.money_per_month(yuan=1)
    r1 = ec.Rule("r1", "t", age_at_least(75) | age_at_least(72), money)
    assert r1.evaluate(p, "2019-01-01").would_be_met_on == d("2022-03-10")
    r2 = ec.Rule("r2", "t", age_at_least(75) & age_at_least(72), money)
    assert r2.evaluate(p, "2019-01-01").would_be_met_on == d("2025-03-10")
    r3 = ec.Rule("r3", "t", age_at_least(75) & in_category("tekun"), money)
    assert r3.evaluate(p, "2019-01-01").would_be_met_on is None


def test_a_stay_condition_without_a_registry_fails_with_a_note() -> None:
    p = xicheng_elder([ec.Stay("HB1", "2023-02-28")])
    out = jjm_rule().evaluate(p, "2023-06-01")
    assert not out.eligible
    assert out.reasons[3].note == "no facility registry was given"


def test_a_policy_decision_on_the_xicheng_rule(facilities: ec.FacilityRegistry) -> None:
    policy = ec.Policy(
        "test.xicheng",
        "赴津冀蒙异地康养",
        [ec.PolicyVersion("2020", "2020-06-01", [jjm_rule()], citation=jjm_rule().citation)],
    )
    p = xicheng_elder([ec.Stay("HB1", "2023-02-28")])
    no = ec.evaluate(policy, p, "2023-05-27", facilities)
    assert (no.eligible, no.amount_fen, no.granted) == (False, 0, None)
    assert no.first_failing_condition.startswith("continuous stay of 3 months")
    assert no.would_be_eligible_on == d("2023-05-28")
    yes = ec.evaluate(policy, p, "2023-05-28", facilities)
    assert (yes.eligible, yes.amount_fen, yes.granting_rules) == (True, 60000, ("jin_ji_meng",))
    assert str(yes.granted) == "600.00 yuan per month"
    assert str(yes) == yes.explain()
    assert "ELIGIBLE for 600.00 yuan per month (rule jin_ji_meng)" in yes.explain()
    before = ec.evaluate(policy, p, "2020-05-31", facilities)
    assert before.status == "not_in_force" and "2020-06-01" in before.status_note
