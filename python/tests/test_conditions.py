"""Conditions: the C++ leaves, & | ~ groups, and their explanations."""

from __future__ import annotations

import re

import pytest

import eldercare as ec
from conftest import d, xicheng_elder
from eldercare import conditions as c


def test_and_or_not_make_run_time_groups() -> None:
    a, b, x = c.age_at_least(60), c.in_category("dibao"), c.lives_rural()
    both = a & b
    assert both.kind == "all" and [p.kind for p in both.parts] == ["age_at_least", "in_category"]
    either = a | b
    assert either.kind == "any"
    neg = ~a
    assert neg.kind == "not" and neg.parts[0].kind == "age_at_least"
    # Nested groups of the same kind flatten (as C++'s && and || do); others nest.
    assert len(((a & b) & x).parts) == 3
    assert len((a & (b & x)).parts) == 3
    mixed = (a | b) & x
    assert [p.kind for p in mixed.parts] == ["any", "lives_rural"]
    assert str(mixed) == "((age ≥ 60 周岁 or in category dibao (低保)) and lives in a rural area (by residence))"
    assert str(~c.has_mental_illness()) == "not has a severe mental illness (精神病)"


def test_conditions_have_no_truth_value() -> None:
    with pytest.raises(TypeError, match=re.escape("combine conditions with & | ~ (not and/or/not)")):
        bool(c.age_at_least(60))
    with pytest.raises(TypeError):
        c.age_at_least(60) and c.lives_rural()


def test_operators_refuse_other_types() -> None:
    with pytest.raises(TypeError):
        c.age_at_least(60) & True  # type: ignore[operator]
    with pytest.raises(ec.InvalidValue):
        c.all_of()
    with pytest.raises(ec.InvalidType):
        c.any_of(c.age_at_least(60), "dibao")  # type: ignore[arg-type]


def test_the_trace_lists_groups_then_parts_with_depths() -> None:
    p = xicheng_elder([]).replace(categories=["tekun"])
    reasons = (c.age_at_least(90) | (c.in_category("tekun") & ~c.has_mental_illness())).explain(p, "2024-01-01")
    assert [(r.kind, r.depth, r.passed) for r in reasons] == [
        ("any", 0, True),
        ("leaf", 1, False),
        ("all", 1, True),
        ("leaf", 2, True),
        ("not", 2, True),
        ("leaf", 3, False),
    ]
    assert reasons[1].met_on == d("2030-07-01")
    assert reasons[3].facts == {"categories": "tekun"}


def test_leaves_on_a_person() -> None:
    p = ec.Person(
        "p1",
        "1940-07-01",
        hukou="110104",
        residence=ec.Residence("610112008", rural=True),
        ability=ec.Assessment(ec.AbilityLevel.SEVERE, "2023-01-01", valid_until="2024-12-31"),
        disability=ec.DisabilityCertificate("多重", 1, components=[("intellectual", 2), ("physical", 3)]),
        categories=["kongchao", "dibao"],
        health=ec.Health(infectious_disease=True),
        programmes=["weihai.virtual_platform"],
    )
    on = "2024-01-01"
    assert c.hukou_in(ec.regions.XICHENG).holds(p, on)
    assert not c.hukou_in(ec.regions.XICHENG, legacy="as_recorded").holds(p, on)
    assert c.lives_in(ec.regions.xixian_new_area()).holds(p, on)
    assert c.lives_in("610100").holds(p, on)
    assert c.lives_rural().holds(p, on)
    assert c.in_category("tekun", "dibao").holds(p, on)
    assert c.in_category(["tekun", "kongchao"]).holds(p, on)
    assert not c.in_category("tekun").holds(p, on)
    assert c.ability_at_least(3).holds(p, on)
    assert not c.ability_at_least(ec.AbilityLevel.TOTAL_LOSS).holds(p, on)
    assert not c.ability_at_least(3).holds(p, "2025-01-01")  # the assessment no longer holds
    assert c.disability_at_least("intellectual", 2).holds(p, on)
    assert not c.disability_at_least(["physical"], 2).holds(p, on)
    assert c.disability_at_least("multiple", 1).holds(p, on)
    assert c.has_infectious_disease().holds(p, on) and not c.has_mental_illness().holds(p, on)
    assert c.lives_at_home().holds(p, on)
    assert c.enrolled_in("weihai.virtual_platform").holds(p, on)
    assert not c.enrolled_in("other").holds(p, on)
    assert c.always("in scope").holds(p, on) and str(c.always("in scope")) == "in scope"
    assert c.age_under(84).holds(p, on) and not c.age_under(83).holds(p, on)


def test_in_facility(facilities: ec.FacilityRegistry) -> None:
    p = xicheng_elder([ec.Stay("HB-late", "2023-02-01")])
    cond = c.in_facility(ec.regions.jin_ji_meng())
    assert not cond.holds(p, "2023-03-31", facilities)
    assert cond.holds(p, "2023-04-01", facilities)
    assert c.in_facility("130000", require_filing=False).holds(p, "2023-03-31", facilities)


@pytest.mark.parametrize(
    "make, field",
    [
        (lambda: c.age_at_least(200), "age_at_least.years"),
        (lambda: c.age_at_least(60, reached="tomorrow"), "age_at_least.reached"),
        (lambda: c.in_category("rich"), "in_category.categories[0]"),
        (lambda: c.in_category(), "in_category.categories"),
        (lambda: c.ability_at_least(5), "ability_at_least.level"),
        (lambda: c.disability_at_least("physical", 0), "disability_at_least.grade"),
        (lambda: c.continuous_stay_at_least(regions="130000"), "continuous_stay_at_least"),
        (lambda: c.continuous_stay_at_least(months=-1, regions="130000"), "continuous_stay_at_least.months"),
        (
            lambda: c.continuous_stay_at_least(months=3, regions="130000", kinds=["hotel"]),
            "continuous_stay_at_least.kinds[0]",
        ),
        (
            lambda: c.continuous_stay_at_least(months=3, regions="130000", max_gap_days=-1),
            "continuous_stay_at_least.max_gap_days",
        ),
        (lambda: c.hukou_in("999999"), "hukou_in.regions"),
        (lambda: c.enrolled_in(""), "enrolled_in.programme"),
    ],
)
def test_invalid_parameters_name_the_field(make, field: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ec.InvalidValue) as e:
        make()
    assert e.value.field == field


def test_days_and_years_and_natural_months(facilities: ec.FacilityRegistry) -> None:
    p = xicheng_elder([ec.Stay("HB1", "2024-01-15")])
    jjm = ec.regions.jin_ji_meng()
    assert c.continuous_stay_at_least(days=90, regions=jjm).holds(p, "2024-04-14", facilities)
    assert not c.continuous_stay_at_least(days=91, regions=jjm).holds(p, "2024-04-14", facilities)
    natural = c.continuous_stay_at_least(months=3, regions=jjm, counting="natural_month")
    assert "(natural months)" in str(natural)
    assert not natural.holds(p, "2024-04-29", facilities) and natural.holds(p, "2024-04-30", facilities)
    assert c.continuous_stay_at_least(years=1, regions=jjm).holds(p, "2025-01-15", facilities)
