"""One API (issue 14, item 2): a catalog id is accepted wherever a policy is (evaluate, schedule,
populations, compare, explain, Parquet, Dask) and gives what the built policy gives;
catalog.ids(subject=, computable=, kind=) filters the catalog so that a loop skips worker and area
entries; the bundled sample loads as a DataFrame in one call, with words and [] in its cells."""

from __future__ import annotations

import pathlib

import dask
import pandas as pd
import pytest

import eldercare as ec
from eldercare import dask as ec_dask
from eldercare import parquet

XICHENG = "cn.beijing.xicheng.cross_region_care"


@pytest.fixture(scope="module")
def sample() -> ec.Population:
    return ec.sample_population()


def test_evaluate_and_schedule_take_an_id(sample: ec.Population) -> None:
    policy = ec.catalog.policy(XICHENG)
    paid = 0
    for person in sample.persons()[:60]:
        by_id = ec.evaluate(XICHENG, person, "2024-06-30", sample.facilities)
        built = ec.evaluate(policy, person, "2024-06-30", sample.facilities)
        assert (by_id.eligible, by_id.amount_fen, by_id.explain()) == (
            built.eligible,
            built.amount_fen,
            built.explain(),
        )
        lines = ec.schedule(XICHENG, person, "2024-01-01", "2024-12-31", sample.facilities)
        assert lines.total_fen == policy.schedule(person, "2024-01-01", "2024-12-31", sample.facilities).total_fen
        paid += lines.total_fen
    assert paid > 0  # the sample exercises the policy
    # Readings go with an id; with a Policy they are refused, naming the field.
    person = sample.persons()[0]
    reading = next(iter(ec.catalog.entry(XICHENG).readings))
    value = ec.catalog.reading(reading).default
    ec.evaluate(XICHENG, person, "2024-06-30", sample.facilities, readings={reading: value})
    with pytest.raises(ec.InvalidValue, match="readings"):
        ec.evaluate(policy, person, "2024-06-30", sample.facilities, readings={reading: value})
    with pytest.raises(ec.PolicyLookupError, match=r"no\.such\.policy"):
        ec.evaluate("no.such.policy", person, "2024-06-30")
    with pytest.raises(ec.InvalidType, match="expected a Policy or a catalog id"):
        ec.schedule(42, person, "2024-01-01", "2024-02-01")  # type: ignore[arg-type]


def test_populations_parquet_and_dask_take_an_id(sample: ec.Population, tmp_path: pathlib.Path) -> None:
    policy = ec.catalog.policy(XICHENG)
    frame = sample.to_frame()
    a = ec.evaluate_population(XICHENG, sample, "2024-06-30")
    b = ec.evaluate_population(policy, sample, "2024-06-30")
    pd.testing.assert_frame_equal(a, b)
    assert a["amount_fen"].sum() > 0
    sim = ec.simulate_population(XICHENG, sample, "2024-01-01", 12)
    assert sim.total_fen == ec.simulate_population(policy, sample, "2024-01-01", 12).total_fen > 0
    c = ec.compare(XICHENG, ec.reform(XICHENG, amounts={"jin_ji_meng": 800}), sample, period=2024)
    assert c.summary["baseline_cost_fen"] == sim.total_fen
    assert c.explain(c.persons["id"].iloc[0])  # explains from the id's built policy
    # Parquet, batch by batch.
    path = tmp_path / "sample.parquet"
    frame.to_parquet(path)
    streamed = parquet.simulate_parquet(XICHENG, path, "2024-01", 12, batch_rows=100, facilities=sample.facilities)
    assert int(streamed.by_month["amount_fen"].sum()) == sim.total_fen
    evaluated = parquet.evaluate_parquet(XICHENG, path, "2024-06-30", batch_rows=100, facilities=sample.facilities)
    assert evaluated.eligible == int(a["eligible"].sum())
    # Dask, partition by partition.
    with dask.config.set(scheduler="synchronous"):
        ddf = ec_dask.from_pandas(frame, npartitions=3)
        totals = ec_dask.simulate_dask(XICHENG, ddf, "2024-01", 12, facilities=sample.facilities)
        assert int(totals.by_month["amount_fen"].sum()) == sim.total_fen
        rows = ec_dask.evaluate_dask(XICHENG, ddf, "2024-06-30", facilities=sample.facilities).compute()
        assert rows["amount_fen"].tolist() == a["amount_fen"].tolist()


def test_catalog_ids_filter() -> None:
    every = ec.catalog.ids()
    entries = {e.id: e for e in ec.catalog.entries()}
    persons = ec.catalog.ids(subject="person")
    assert persons == [i for i in every if entries[i].subject == "person"]
    assert set(ec.catalog.ids(subject=("worker", "area"))) == {
        i for i in every if entries[i].subject in ("worker", "area")
    }
    computable = ec.catalog.ids(computable=True)
    announced = ec.catalog.ids(computable=False)
    assert sorted(computable + announced) == sorted(every) and announced
    assert all(entries[i].status == "announced" for i in announced)
    # The loop of the issue: every person or household policy builds, evaluates, and none is a
    # worker or area entry ("is a area entry").
    person = ec.Person("x", "1940-01-01", hukou="110102", residence="110102")
    looped = ec.catalog.ids(subject=("person", "household"), computable=True, kind="policy")
    assert looped and len(looped) < len(every)
    for i in looped:
        ec.evaluate(i, person, "2024-06-30") if entries[i].subject == "person" else ec.catalog.policy(i)
    assert ec.catalog.ids(kind="bundle") == [i for i in every if entries[i].is_bundle]
    with pytest.raises(ec.InvalidValue, match=r"subject\[1\] = 'robot'"):
        ec.catalog.ids(subject=["person", "robot"])
    with pytest.raises(ec.InvalidValue, match="kind = 'policies'"):
        ec.catalog.ids(kind="policies")
    with pytest.raises(ec.InvalidType, match="computable"):
        ec.catalog.ids(computable="yes")  # type: ignore[arg-type]


def test_the_sample_as_a_frame_in_one_call(sample: ec.Population) -> None:
    frame = ec.sample_population(as_frame=True)
    assert len(frame) == len(sample) == 324
    # Categories as lists of words, [] for none; stays [] for none, never None.
    words = set(ec._core.words["category"])
    assert all(isinstance(c, list) and set(c) <= words for c in frame["categories"])
    assert any(frame["categories"].map(len) > 0) and any(frame["categories"].map(len) == 0)
    assert all(isinstance(s, list) for s in frame["stays"]) and any(frame["stays"].map(len) == 0)
    back = ec.Population(frame, facilities=frame.attrs["facilities"])
    assert back.persons() == sample.persons()
    with pytest.raises(ec.InvalidType, match="as_frame"):
        ec.sample_population(as_frame="yes")  # type: ignore[arg-type]
