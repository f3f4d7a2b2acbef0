"""Cross-check with C++: examples/define_a_rule.cpp builds the Xicheng rule with compile-time C++
conditions and prints its explanations; the same rule built here at run time must print the same.

The path of the compiled example comes from ELDERCARE_EXAMPLE_DEFINE_A_RULE (set by CTest and by
tests/run); without it the test is skipped.
"""

from __future__ import annotations

import os
import subprocess

import pytest

import eldercare as ec
from eldercare.conditions import age_at_least, continuous_stay_at_least, hukou_in

EXAMPLE = os.environ.get("ELDERCARE_EXAMPLE_DEFINE_A_RULE")


def python_output() -> str:
    """examples/define_a_rule.cpp, line for line, in Python."""
    rule = ec.Rule(
        "jin_ji_meng",
        "600 yuan a month after 3 months in a filed 津冀蒙 institution",
        hukou_in(ec.RegionSet("西城区", [ec.regions.XICHENG]))
        & age_at_least(60)
        & continuous_stay_at_least(
            months=3, regions=ec.regions.jin_ji_meng(), kinds=["institution"], require_filing=True
        ),
        ec.money_per_month(yuan=600),
        citation=ec.Citation(
            "《西城区户籍老年人赴津冀蒙异地康养扶持办法》",
            "2024-01-12 briefing",
            "入住津冀蒙…备案的养老机构满三个月的，每人每月补贴600元",
            "seeds/000_c316a80b4f0fd0a0.txt",
            "2020-06-01",
        ),
    )
    facilities = ec.FacilityRegistry([ec.Facility("F1", "131082", beds=120, filing=ec.Filing("131082", "2019-03-01"))])
    elder = ec.Person("p1", "1941-05-01", hukou="110102", residence="131082", stays=[ec.Stay("F1", "2023-02-28")])
    elder.validate(facilities)
    early = rule.evaluate(elder, "2023-05-27", facilities)
    later = rule.evaluate(elder, "2023-05-28", facilities)
    assert not early.eligible and later.eligible
    return "On 2023-05-27:\n" + early.explain() + "\nOn 2023-05-28:\n" + later.explain()


@pytest.mark.skipif(not EXAMPLE, reason="ELDERCARE_EXAMPLE_DEFINE_A_RULE is not set")
def test_python_explains_the_xicheng_rule_exactly_as_cpp_does() -> None:
    assert EXAMPLE is not None
    cpp = subprocess.run([EXAMPLE], check=True, capture_output=True, text=True, encoding="utf-8").stdout
    assert python_output() == cpp


def test_the_python_side_alone() -> None:
    text = python_output()
    assert "→ would be met on 2023-05-28" in text
    assert text.count("✓ rule jin_ji_meng") == 1
