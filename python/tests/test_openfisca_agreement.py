"""eldercare and an OpenFisca encoding of the same policy agree person by person and month by month.

benchmarks/openfisca_xicheng/ writes cn.beijing.xicheng.cross_region_care (default readings) as a
small OpenFisca country package, with its own numpy Civil Code month arithmetic; the benchmark
(benchmarks/openfisca_bench.py) times both engines on large populations after the same check. Here
a few hundred generated elders and hand-made edge cases run through OpenFisca, eldercare's
schedule_population and eldercare's evaluate_population on each month's last day (the policy's test
day), and every person-month must be equal in fen. The edge cases also carry the month they are first
paid in, worked out by hand from the rule (so that both engines sharing a mistake would still fail).
"""

from __future__ import annotations

import datetime
import sys
from typing import Dict, List, Optional, Tuple

import numpy as np
import pytest

import eldercare as ec
from conftest import ROOT

pytest.importorskip("openfisca_core", reason="openfisca-core (PyPI) is needed for the OpenFisca comparison")
sys.path.insert(0, str(ROOT / "benchmarks"))

from openfisca_core.simulation_builder import SimulationBuilder
from openfisca_xicheng import XichengTaxBenefitSystem
from openfisca_xicheng.civil_calendar import add_months_civil, age_in_full_years
from openfisca_xicheng.population import Cases, eldercare_facilities, generate, openfisca_inputs

POLICY = "cn.beijing.xicheng.cross_region_care"
MONTHS = [f"2024-{m:02d}" for m in range(1, 13)]


def month_end(month: str) -> datetime.date:
    first = np.datetime64(month, "M")
    return ((first + np.timedelta64(1, "M")).astype("datetime64[D]") - np.timedelta64(1, "D")).astype(object)


# Hand-made cases: (id, birth, hukou, stays [(facility, admitted, discharged or None)], first month paid
# in 2024 or None, amount in yuan then). Facilities are population.FACILITIES.
EDGE_CASES: List[Tuple[str, str, int, List[Tuple[str, str, Optional[str]]], Optional[str], int]] = [
    # A 31st admission: + 3 months is the 31st of January, the test day of January.
    ("oct-31", "1950-05-05", 110102, [("HB-sanhe", "2023-10-31", None)], "2024-01", 600),
    # 11-30 + 3 months = 2024-02-29 (art. 202: February has a 29th in 2024), tested on 02-29.
    ("nov-30", "1950-05-05", 110102, [("HB-sanhe", "2023-11-30", None)], "2024-02", 600),
    # 2024-01-31 + 3 months = 04-30 (April has no 31st): paid from April.
    ("jan-31", "1950-05-05", 110102, [("TJ-hexi", "2024-01-31", None)], "2024-04", 600),
    # 2024-02-29 + 3 months = 05-29.
    ("feb-29", "1950-05-05", 110102, [("NM-huimin", "2024-02-29", None)], "2024-05", 600),
    # 2024-08-31 + 3 months = 11-30, the last day of November: paid in November, not December.
    ("aug-31", "1950-05-05", 110102, [("HB-zhuozhou", "2024-08-31", None)], "2024-11", 600),
    # Admitted on the 1st: 09-01 + 3 = 12-01, December.
    ("sep-01", "1950-05-05", 110102, [("HB-zhuozhou", "2024-09-01", None)], "2024-12", 600),
    # One day short at the end of the year: 10-01 + 3 = 2025-01-01.
    ("oct-01", "1950-05-05", 110102, [("HB-zhuozhou", "2024-10-01", None)], None, 0),
    # Legacy 宣武 code read as 西城.
    ("xuanwu", "1950-05-05", 110104, [("HB-sanhe", "2023-01-01", None)], "2024-01", 600),
    # Not Xicheng (东城).
    ("dongcheng", "1950-05-05", 110101, [("HB-sanhe", "2023-01-01", None)], None, 0),
    # Never filed; a community facility; a regional centre: none counts.
    ("unfiled", "1950-05-05", 110102, [("HB-unfiled", "2023-01-01", None)], None, 0),
    ("community", "1950-05-05", 110102, [("TJ-community", "2023-01-01", None)], None, 0),
    ("centre", "1950-05-05", 110102, [("HB-regional-centre", "2023-01-01", None)], None, 0),
    # Filed 2024-03-10, admitted before: the clock starts at the filing, 03-10 + 3 = 06-10.
    ("late-filing", "1950-05-05", 110102, [("HB-filed-2024-03", "2023-12-01", None)], "2024-06", 600),
    # Filing revoked 2024-05-01: paid January-April only (checked below through the engines' agreement).
    ("revoked", "1950-05-05", 110102, [("TJ-revoked-2024-05", "2023-01-01", None)], "2024-01", 600),
    # Turns 60 on 2024-06-15 (the birthday counts): paid from June.
    ("age-60-june", "1964-06-15", 110102, [("HB-sanhe", "2023-01-01", None)], "2024-06", 600),
    # Turns 60 on 2024-12-31, the test day of December.
    ("age-60-dec-31", "1964-12-31", 110102, [("HB-sanhe", "2023-01-01", None)], "2024-12", 600),
    # Turns 60 on 2025-01-01: never in 2024.
    ("age-60-2025", "1965-01-01", 110102, [("HB-sanhe", "2023-01-01", None)], None, 0),
    # Born on 29 February: 60 on 2024-02-29.
    ("leap-birth", "1964-02-29", 110102, [("HB-sanhe", "2023-01-01", None)], "2024-02", 600),
    # A transfer on the discharge day keeps the clock: 2023-12-15 + 3 months = 03-15 (March).
    (
        "transfer",
        "1950-05-05",
        110102,
        [("HB-sanhe", "2023-12-15", "2024-02-01"), ("TJ-hexi", "2024-02-01", None)],
        "2024-03",
        600,
    ),
    # Readmitted the next day: no uncovered day, still continuous.
    (
        "next-day",
        "1950-05-05",
        110102,
        [("HB-sanhe", "2023-12-15", "2024-02-01"), ("TJ-hexi", "2024-02-02", None)],
        "2024-03",
        600,
    ),
    # One uncovered day (02-02) breaks the stay: 02-03 + 3 = 05-03, May.
    (
        "one-day-gap",
        "1950-05-05",
        110102,
        [("HB-sanhe", "2023-12-15", "2024-02-01"), ("TJ-hexi", "2024-02-03", None)],
        "2024-05",
        600,
    ),
    # 生态涵养区 (怀柔): 200 yuan; 2024-01-15 + 3 = 04-15.
    ("huairou", "1950-05-05", 110102, [("BJ-huairou", "2024-01-15", None)], "2024-04", 200),
    # The 昌平 mountain town counts only when the reading lists it; by default it does not.
    ("changping-town", "1950-05-05", 110102, [("BJ-changping-town", "2023-01-01", None)], None, 0),
    # From 津冀蒙 to 怀柔 on the same day: each tier counts only its own days (tier_transfer = separate):
    # 600 through July (in care on 07-31), nothing August-October, then 200 from 08-01 + 3 = 11-01.
    (
        "tier-move",
        "1950-05-05",
        110102,
        [("HB-sanhe", "2023-01-01", "2024-08-01"), ("BJ-huairou", "2024-08-01", None)],
        "2024-01",
        600,
    ),
    # Three stays, out of table order, the last one ongoing.
    (
        "three-stays",
        "1950-05-05",
        110102,
        [
            ("TJ-hexi", "2024-03-01", None),
            ("HB-sanhe", "2023-10-01", "2023-12-31"),
            ("NM-huimin", "2024-01-01", "2024-03-01"),
        ],
        "2024-01",
        600,
    ),
    # Discharged 2024-06-30: paid through June (in care on the test day), not July.
    ("discharged", "1950-05-05", 110102, [("HB-sanhe", "2023-01-01", "2024-06-30")], "2024-01", 600),
]


def edge_cases() -> Cases:
    persons: Dict[str, list] = {"id": [], "birth_date": [], "hukou_region": [], "residence_region": []}
    stays: Dict[str, list] = {"person_id": [], "facility": [], "admitted": [], "discharged": []}
    for pid, birth, hukou, person_stays, _, _ in EDGE_CASES:
        persons["id"].append(pid)
        persons["birth_date"].append(birth)
        persons["hukou_region"].append(hukou)
        persons["residence_region"].append(hukou)
        for facility, admitted, discharged in person_stays:
            stays["person_id"].append(pid)
            stays["facility"].append(facility)
            stays["admitted"].append(admitted)
            stays["discharged"].append(discharged or "NaT")
    return Cases(
        {
            "id": np.asarray(persons["id"], dtype=object),
            "birth_date": np.asarray(persons["birth_date"], dtype="datetime64[D]"),
            "hukou_region": np.asarray(persons["hukou_region"], dtype=np.int64),
            "residence_region": np.asarray(persons["residence_region"], dtype=np.int64),
        },
        {
            "person_id": np.asarray(stays["person_id"], dtype=object),
            "facility": np.asarray(stays["facility"], dtype=object),
            "admitted": np.asarray(stays["admitted"], dtype="datetime64[D]"),
            "discharged": np.asarray(stays["discharged"], dtype="datetime64[D]"),
        },
        eldercare_facilities(),
    )


@pytest.fixture(scope="module")
def tax_benefit_system() -> XichengTaxBenefitSystem:
    return XichengTaxBenefitSystem()


def openfisca_fen(tbs: XichengTaxBenefitSystem, cases: Cases, inputs: Optional[dict] = None) -> np.ndarray:
    inputs = openfisca_inputs(cases.persons, cases.stays, cases.facilities) if inputs is None else inputs
    simulation = SimulationBuilder().build_default_simulation(tbs, len(cases))
    for name, values in inputs.items():
        simulation.set_input(name, "ETERNITY", values)
    yuan = np.stack([simulation.calculate("cross_region_care", m) for m in MONTHS], axis=1)
    assert yuan.dtype == np.float32  # OpenFisca's default float: exact for whole yuan amounts like these
    return np.rint(yuan.astype(np.float64) * 100).astype(np.int64)


def eldercare_fen(cases: Cases) -> Tuple[np.ndarray, np.ndarray]:
    """(schedule_population's payments, evaluate_population's grants on each month's last day)."""
    population = ec.Population(cases.persons, stays=cases.stays, facilities=cases.facilities)
    scheduled = ec.schedule_population(POLICY, population, "2024-01-01", "2024-12-31", population.facilities, wide=True)
    evaluated = np.stack(
        [
            ec.evaluate_population(POLICY, population, month_end(m), population.facilities)["amount_fen"].to_numpy()
            for m in MONTHS
        ],
        axis=1,
    )
    return scheduled.to_numpy().astype(np.int64), evaluated.astype(np.int64)


def assert_same(ours: np.ndarray, theirs: np.ndarray, ids: np.ndarray) -> None:
    differ = np.argwhere(ours != theirs)
    described = [f"{ids[r]} {MONTHS[c]}: eldercare {ours[r, c]}, OpenFisca {theirs[r, c]}" for r, c in differ[:10]]
    assert not described, "\n".join(described)


def test_edge_cases_agree_and_start_in_the_worked_out_month(tax_benefit_system: XichengTaxBenefitSystem) -> None:
    cases = edge_cases()
    theirs = openfisca_fen(tax_benefit_system, cases)
    scheduled, evaluated = eldercare_fen(cases)
    assert_same(scheduled, theirs, cases.persons["id"])
    assert_same(evaluated, scheduled, cases.persons["id"])  # the test day is the month's last day
    for row, (pid, _, _, _, first_paid, yuan) in enumerate(EDGE_CASES):
        paid = [MONTHS[k] for k in np.flatnonzero(scheduled[row] > 0)]
        assert (paid[0] if paid else None) == first_paid, pid
        if first_paid:
            assert scheduled[row, MONTHS.index(first_paid)] == yuan * 100, pid
    by_id = dict(zip(cases.persons["id"], range(len(cases))))
    assert [MONTHS[k] for k in np.flatnonzero(scheduled[by_id["revoked"]])] == MONTHS[:4]
    assert [MONTHS[k] for k in np.flatnonzero(scheduled[by_id["discharged"]])] == MONTHS[:6]
    tier_move = scheduled[by_id["tier-move"]]
    assert list(tier_move) == [60000] * 7 + [0, 0, 0, 20000, 20000]  # August-October: the 200-yuan clock runs


def test_generated_population_agrees(tax_benefit_system: XichengTaxBenefitSystem) -> None:
    # Stays far more often than in the calibrated population, so that most rows reach the stay test.
    cases = generate(400, seed=11, shares={"jin_ji_meng": 0.35, "ecological_area": 0.25, "other": 0.15})
    theirs = openfisca_fen(tax_benefit_system, cases)
    scheduled, evaluated = eldercare_fen(cases)
    assert_same(scheduled, theirs, cases.persons["id"])
    assert_same(evaluated, scheduled, cases.persons["id"])
    # The population exercises both tiers, persons paid part of the year, and persons never paid.
    assert {0, 20000, 60000} <= set(np.unique(scheduled).tolist())
    partly = (scheduled > 0).any(axis=1) & (scheduled == 0).any(axis=1)
    assert partly.sum() >= 10


def test_a_changed_input_is_caught(tax_benefit_system: XichengTaxBenefitSystem) -> None:
    # The comparison is not vacuous: moving one paid person's hukou to 东城 in OpenFisca's input only
    # changes that person's months, and only theirs.
    cases = edge_cases()
    inputs = openfisca_inputs(cases.persons, cases.stays, cases.facilities)
    row = list(cases.persons["id"]).index("oct-31")
    inputs["hukou_region"] = inputs["hukou_region"].copy()
    inputs["hukou_region"][row] = 110101
    theirs = openfisca_fen(tax_benefit_system, cases, inputs)
    scheduled, _ = eldercare_fen(cases)
    assert set(np.argwhere(scheduled != theirs)[:, 0].tolist()) == {row}


def test_numpy_month_arithmetic_and_ages_match_eldercare() -> None:
    rng = np.random.default_rng(5)
    starts = np.datetime64("2019-01-01") + rng.integers(0, 2500, 300).astype("timedelta64[D]")
    starts = np.concatenate(
        [starts, np.asarray(["2023-01-31", "2023-11-30", "2024-02-29", "2024-08-31"], "datetime64[D]")]
    )
    months = rng.integers(-30, 40, len(starts))
    ours = [ec.add_months(s.astype(object), int(m)) for s, m in zip(starts, months)]
    assert add_months_civil(starts, months).astype(object).tolist() == ours
    births = np.datetime64("1930-01-01") + rng.integers(0, 35 * 365, 300).astype("timedelta64[D]")
    births = np.concatenate([births, np.asarray(["1964-02-29", "1960-02-29", "1964-12-31"], "datetime64[D]")])
    for on in ("2024-02-28", "2024-02-29", "2025-02-28", "2024-12-31"):
        expected = [ec.age_on(b.astype(object), on) for b in births]
        assert age_in_full_years(births, np.datetime64(on)).tolist() == expected, on
