"""The date of death (``died_on``) and the ``alive()`` condition that reads it: the condition on the
days around a death, the fact through every input form, and the batch path equal to the per-person
path for a policy that pays the living (tests/cpp/rules_alive_test.cpp does the same in C++)."""

from __future__ import annotations

import datetime
from typing import List

import pandas as pd
import pytest

import eldercare as ec
from eldercare import io
from eldercare.conditions import age_at_least, alive, hukou_in

XICHENG = ec.RegionSet("西城区", [ec.regions.XICHENG])


def elder(id: str, died_on: object = None) -> ec.Person:
    return ec.Person(id, "1940-05-01", hukou="110102", residence="110102", died_on=died_on)


def living_allowance() -> ec.Policy:
    rule = ec.Rule(
        "living",
        "100 yuan a month to living elders",
        hukou_in(XICHENG) & age_at_least(60) & alive(),
        ec.money_per_month(yuan=100),
    )
    return ec.Policy("test.alive", "test", [ec.PolicyVersion("v", "2000-01-01", [rule])])


def test_alive_holds_until_the_day_of_death_and_never_after() -> None:
    dead = elder("b", "2024-03-10")
    assert dead.died_on == datetime.date(2024, 3, 10)
    assert alive().holds(elder("a"), "2024-03-10")
    assert alive().holds(dead, "2024-03-09")
    assert not alive().holds(dead, "2024-03-10")  # not alive at 24:00 of the day of death
    assert not alive().holds(dead, "2030-01-01")
    d = ec.evaluate(living_allowance(), dead, "2024-03-31")
    assert not d.eligible and d.first_failing_condition == "alive (在世)"
    assert "died_on = 2024-03-10" in str(d)
    assert alive().parameters == {} and alive().kind == "alive"


def test_a_date_of_death_before_birth_is_refused_naming_the_field() -> None:
    with pytest.raises(ec.InvalidValue, match=r"persons\[g\]\.died_on"):
        elder("g", "1939-01-01")
    with pytest.raises(ec.InvalidValue, match="died_on"):
        elder("g", "2023-02-30")


def population() -> List[ec.Person]:
    out = []
    for i in range(300):
        died = datetime.date(2023, 1, 1) + datetime.timedelta(days=3 * i) if i % 3 == 1 else None
        out.append(elder(f"p{i}", died))
    return out


# [start:fact_test]
def test_the_fact_crosses_json_and_frames_unchanged() -> None:
    persons = population()
    back, _ = io.load_cases(io.dump_cases(persons, []))
    assert [p.died_on for p in back] == [p.died_on for p in persons]
    frame = ec.Population(persons).to_frame()
    assert "died_on" in frame.columns
    again = ec.Population(frame)
    assert [p.died_on for p in again.persons()] == [p.died_on for p in persons]


# [end:fact_test]


# [start:leaf_test]
@pytest.mark.parametrize("on", ["2023-06-30", "2024-02-29", "2025-12-31"])
def test_batch_equals_per_person_for_a_policy_of_the_living(on: str) -> None:
    persons = population()
    policy = living_allowance()
    frame = ec.Population(persons).to_frame()
    batch = ec.evaluate_population(policy, frame, on)
    single = [ec.evaluate(policy, p, on).eligible for p in persons]
    assert list(batch["eligible"]) == single
    assert 0 < sum(single) < len(persons)  # some have died by then, some not


# [end:leaf_test]


def test_a_simulation_pays_no_month_after_death() -> None:
    persons = population()
    policy = living_allowance()
    sim = ec.simulate_population(policy, pd.DataFrame(ec.Population(persons).to_frame()), "2023-01-01", 36)
    expected = sum(ec.schedule(policy, p, "2023-01-01", "2025-12-31").total_fen for p in persons)
    assert sim.total_fen == expected
    assert expected < 10000 * len(persons) * 36
