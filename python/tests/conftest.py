"""Shared fixtures: the facilities and the Xicheng rule of tests/cpp/rules_engine_test.cpp."""

from __future__ import annotations

import datetime
import os
import pathlib
from typing import Any, Callable, Optional, Sequence

import pytest
from hypothesis import settings
from hypothesis.database import DirectoryBasedExampleDatabase

import eldercare as ec
from eldercare.conditions import age_at_least, continuous_stay_at_least, hukou_in

ROOT = pathlib.Path(__file__).resolve().parents[2]

# Keep hypothesis's example database under build/ (git-ignored), wherever pytest is run from.
settings.register_profile("eldercare", database=DirectoryBasedExampleDatabase(str(ROOT / "build" / ".hypothesis")))
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "eldercare"))


def pytest_report_header(config: Any) -> str:
    return f"eldercare {ec.__version__} from {pathlib.Path(ec.__file__).parent}"


def d(iso: str) -> datetime.date:
    return datetime.date.fromisoformat(iso)


@pytest.fixture
def facilities() -> ec.FacilityRegistry:
    """The registry of rules_engine_test.cpp's sample_facilities()."""
    return ec.FacilityRegistry(
        [
            ec.Facility("HB1", "131082", beds=120, filing=ec.Filing("131082", "2019-03-01")),
            ec.Facility("HB2", "130606", beds=80, filing=ec.Filing("130606", "2020-01-01")),
            ec.Facility("TJ-unfiled", "120116", beds=60),
            ec.Facility("HB-late", "130102", beds=40, filing=ec.Filing("130102", "2023-04-01")),
            ec.Facility(
                "HB-revoked", "130105", beds=40, filing=ec.Filing("130105", "2019-01-01", revoked_on="2023-06-01")
            ),
            ec.Facility("BJ-huairou", "110116", beds=200, filing=ec.Filing("110116", "2018-05-01")),
        ]
    )


def xicheng_elder(stays: Sequence[ec.Stay], hukou: str = "110102") -> ec.Person:
    """rules_engine_test.cpp's xicheng_elder()."""
    return ec.Person(
        "p1", "1940-07-01", hukou=ec.Hukou(hukou, "1970-01-01"), residence=ec.Residence("131082"), stays=stays
    )


XICHENG_2020 = ec.Citation(
    "《西城区户籍老年人赴津冀蒙异地康养扶持办法》",
    "seed 000 para. 7",
    "入住津冀蒙…备案的养老机构满三个月的，每人每月补贴600元",
    "seeds/000_c316a80b4f0fd0a0.txt",
    "2020-06-01",
)


def jjm_rule(legacy: str = "as_successor", **continuity: Any) -> ec.Rule:
    """rules_engine_test.cpp's jjm_rule(): the same leaves, combined with Python's & operator."""
    condition = (
        hukou_in(ec.RegionSet("西城区", [ec.regions.XICHENG]), legacy=legacy)
        & age_at_least(60)
        & continuous_stay_at_least(months=3, regions=ec.regions.jin_ji_meng(), kinds=["institution"], **continuity)
    )
    return ec.Rule(
        "jin_ji_meng",
        "filed institution in 津冀蒙 for 3 months",
        condition,
        ec.money_per_month(yuan=600),
        citation=XICHENG_2020,
    )


@pytest.fixture
def make_elder() -> Callable[..., ec.Person]:
    return xicheng_elder


@pytest.fixture
def make_rule() -> Callable[..., ec.Rule]:
    return jjm_rule


def holds(rule: ec.Rule, person: ec.Person, on: str, facilities: Optional[ec.FacilityRegistry]) -> bool:
    return rule.evaluate(person, on, facilities).eligible
