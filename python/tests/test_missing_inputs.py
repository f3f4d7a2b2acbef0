"""No silent zeros: a policy that reads stays without a facility registry, stays naming facilities the
registry lacks, and a population missing a column the policy reads are errors (naming the input and
the rule that reads it) through the API, compare, Parquet, Dask and the command line, unless the
caller takes them as absent (``missing="absent"``, ``--missing absent``)."""

from __future__ import annotations

import json
import os
import pathlib
import subprocess
import sys

import pandas as pd
import pytest

import eldercare as ec
from eldercare import parquet

CROSS = "cn.beijing.xicheng.cross_region_care"
ENV = {
    **os.environ,
    "PYTHONPATH": os.pathsep.join(
        p for p in [str(pathlib.Path(ec.__file__).parents[1]), os.environ.get("PYTHONPATH", "")] if p
    ),
}


def newcomer() -> pd.DataFrame:
    """The README's two elders: one in a filed Hebei institution for more than three months."""
    return pd.DataFrame(
        {
            "id": ["a", "b"],
            "birth_date": ["1945-06-15", "1935-01-01"],
            "hukou_region": [110102, 110102],
            "residence_region": [131082, 110102],
            "stays": [[{"facility": "F1", "admitted": "2023-02-28"}], []],
        }
    )


FACILITIES = [ec.Facility("F1", "131082", filing=ec.Filing("131082", "2019-03-01"))]


def test_stays_without_a_registry() -> None:
    with pytest.raises(ec.InvalidValue) as e:
        ec.evaluate_population(CROSS, newcomer(), "2024-06-30")
    assert e.value.error_id == ec.ErrorId.MISSING_INPUT and e.value.field == "facilities"
    assert (
        "no facility registry was given, yet policy cn.beijing.xicheng.cross_region_care reads stays (rule jin_ji_meng"
        in str(e.value)
    )
    assert "missing='absent'" in str(e.value)
    # Taken as absent on request: the stay's facility is unknown, so nothing is granted.
    out = ec.evaluate_population(CROSS, newcomer(), "2024-06-30", missing="absent")
    assert list(out["amount_fen"]) == [0, 0]
    assert list(ec.evaluate_population(CROSS, newcomer(), "2024-06-30", FACILITIES)["amount_fen"]) == [60000, 0]
    with pytest.raises(ec.InvalidValue, match="expected 'error' or 'absent'"):
        ec.evaluate_population(CROSS, newcomer(), "2024-06-30", missing="ignore")


def test_compare_refuses_the_newcomers_silent_zero() -> None:
    reform = ec.reform(CROSS, amounts={"jin_ji_meng": 800})
    with pytest.raises(ec.InvalidValue, match="no facility registry was given"):
        ec.compare(CROSS, reform, newcomer(), "2024-06-30")  # was: cost 0.00 → 0.00 yuan
    c = ec.compare(CROSS, reform, newcomer(), "2024-06-30", FACILITIES)
    assert (c.summary["baseline_cost_fen"], c.summary["reform_cost_fen"]) == (60000, 80000)
    assert "cost 600.00 → 800.00 yuan" in str(c)
    silent = ec.compare(CROSS, reform, newcomer(), "2024-06-30", missing="absent")
    assert silent.summary["reform_cost_fen"] == 0  # asked for
    with pytest.raises(ec.InvalidValue, match="no facility registry was given"):
        ec.compare(CROSS, reform, newcomer(), "2024-06-30", period=("2024-01-01", "2024-06-30"))


def test_stays_naming_facilities_the_registry_lacks() -> None:
    pop = ec.Population(newcomer())  # built without a registry: its stays name F1
    other = [ec.Facility("F2", "131082", filing=ec.Filing("131082", "2019-03-01"))]
    with pytest.raises(ec.InvalidValue) as e:
        ec.evaluate_population(CROSS, pop, "2024-06-30", other)
    assert e.value.field == "population.stays[row 0, id 'a', stay 0].facility" and e.value.value == "F1"
    assert "no facility with this id in the facility registry" in str(e.value)
    assert list(ec.evaluate_population(CROSS, pop, "2024-06-30", other, missing="absent")["eligible"]) == [False, False]
    with pytest.raises(ec.InvalidValue, match="no facility with this id"):
        ec.simulate_population(CROSS, pop, "2024-01-01", 6, facilities=other)
    with pytest.raises(ec.InvalidValue, match="no facility with this id"):
        ec.schedule_population(CROSS, pop, "2024-01-01", "2024-06-30", other)


def test_a_population_missing_a_column_the_policy_reads() -> None:
    people = newcomer().drop(columns=["stays"])
    with pytest.raises(ec.InvalidValue) as e:
        ec.evaluate_population(CROSS, people, "2024-06-30", FACILITIES)
    assert e.value.field == "population.stays"
    assert "the population has no stays column, yet policy cn.beijing.xicheng.cross_region_care reads stays" in str(
        e.value
    )
    hardship = "cn.beijing.elderly_allowances.hardship"
    with pytest.raises(ec.InvalidValue, match=r"population.categories = '': the population has no categories column"):
        ec.evaluate_population(hardship, people, "2024-06-30")
    with_column = people.assign(categories=[None, None])  # given, every cell empty: none
    assert list(ec.evaluate_population(hardship, with_column, "2024-06-30")["eligible"]) == [False, False]
    # lives_rural reads the rural flag: a table without residence_rural cannot say who lives in a village.
    lunch = "cn.shandong.rongcheng.rural_free_lunch"
    rongcheng = pd.DataFrame(  # registered with a village canteen (the entry's default reading reads it)
        {
            "id": ["r"],
            "birth_date": ["1930-01-01"],
            "hukou_region": [371082],
            "residence_region": [371082],
            "programmes": [["rongcheng.warm_canteen"]],
        }
    )
    with pytest.raises(ec.InvalidValue, match=r"population.residence_rural = '': .* reads rural"):
        ec.evaluate_population(lunch, rongcheng, "2022-06-30")
    assert ec.evaluate_population(lunch, rongcheng.assign(residence_rural=[True]), "2022-06-30")["eligible"].all()
    # A policy that reads neither needs neither.
    assert len(ec.evaluate_population("cn.beijing.elderly_allowances.advanced_age", people, "2024-06-30")) == 2
    # Persons, synthetic and JSON populations give every column.
    assert set(ec.Population(ec.synthetic_population(3).persons()).given) >= {"stays", "categories", "rural"}
    assert "categories" not in ec.Population(people).given


def test_parquet_and_dask_check_too(tmp_path: pathlib.Path) -> None:
    people = newcomer().drop(columns=["stays"])
    people.to_parquet(tmp_path / "p.parquet")
    with pytest.raises(ec.InvalidValue, match="no stays column"):
        parquet.evaluate_parquet(CROSS, tmp_path / "p.parquet", "2024-06-30", facilities=FACILITIES)
    with pytest.raises(ec.InvalidValue, match="no stays column"):
        parquet.simulate_parquet(CROSS, tmp_path / "p.parquet", "2024-01", 3, facilities=FACILITIES)
    assert parquet.simulate_parquet(CROSS, tmp_path / "p.parquet", "2024-01", 3, missing="absent").total_fen == 0
    dask = pytest.importorskip("dask")
    from eldercare import dask as ec_dask

    with dask.config.set(scheduler="synchronous"):
        ddf = ec_dask.from_pandas(newcomer(), npartitions=2)
        with pytest.raises(ec.InvalidValue, match="no facility registry was given"):
            ec_dask.simulate_dask(CROSS, ddf, "2024-01", 3)
        with pytest.raises(ec.InvalidValue, match="no facility registry was given"):
            ec_dask.evaluate_dask(CROSS, ddf, "2024-06-30").compute()
        assert ec_dask.simulate_dask(CROSS, ddf, "2024-01", 3, facilities=FACILITIES).total_fen == 3 * 60000


def run(*args: str, cwd: pathlib.Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "eldercare", *args], capture_output=True, text=True, env=ENV, cwd=cwd)


def test_the_command_line(tmp_path: pathlib.Path) -> None:
    frame = newcomer()
    frame["stays"] = [json.dumps(s) for s in frame["stays"]]
    frame.to_csv(tmp_path / "people.csv", index=False)
    pd.DataFrame({"id": ["F1"], "region": [131082], "filed_on": ["2019-03-01"]}).to_csv(tmp_path / "f.csv", index=False)
    base = ["evaluate", "--policy", CROSS, "--on", "2024-06-30", "people.csv"]
    missing = run(*base, cwd=tmp_path)
    assert missing.returncode == 2
    assert missing.stderr.startswith("eldercare evaluate: error: [eldercare.invalid_value.113] facilities = None: ")
    assert "--missing absent" in missing.stderr and missing.stderr.count("\n") == 1
    absent = run(*base, "--missing", "absent", cwd=tmp_path)
    assert absent.returncode == 0 and [r["amount_fen"] for r in json.loads(absent.stdout)["results"]] == [0, 0]
    given = run(*base, "--facilities", "f.csv", cwd=tmp_path)
    assert given.returncode == 0 and [r["amount_fen"] for r in json.loads(given.stdout)["results"]] == [60000, 0]
    explain = run("explain", "--policy", CROSS, "--on", "2024-06-30", "people.csv", "--person", "a", cwd=tmp_path)
    assert explain.returncode == 2 and "no facility registry was given" in explain.stderr
    simulate = run("simulate", "--data", "people.csv", "--months", "2", "--no-progress", cwd=tmp_path)
    assert simulate.returncode == 2 and "[eldercare.invalid_value.113]" in simulate.stderr
    ok = run(
        "simulate",
        "--data",
        "people.csv",
        "--months",
        "2",
        "--no-progress",
        "--missing",
        "absent",
        "--facilities",
        "f.csv",
        cwd=tmp_path,
    )
    assert ok.returncode == 0, ok.stderr
