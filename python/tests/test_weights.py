"""Survey weights: weighted counts and money beside the unweighted ones in evaluate_population,
simulate_population, compare, Parquet and Dask; exact (checked against fractions computed here row by
row) and the same whatever the Parquet batch sizes and Dask partitions (1, 2 and 7); bad weights refused.
The same across threads and chunk sizes is checked in C++ (tests/cpp/batch_inputs_test.cpp)."""

from __future__ import annotations

import decimal
import math
import pathlib
from fractions import Fraction
from typing import Any

import numpy as np
import pandas as pd
import pyarrow.parquet as pq
import pytest

import eldercare as ec
from eldercare import _weights, io, parquet

POLICY = "cn.beijing.xicheng.cross_region_care"
ROWS = 1500


@pytest.fixture(scope="module")
def synthetic() -> ec.Population:
    return ec.synthetic_population(ROWS, seed=21)


def weights(n: int) -> np.ndarray:
    """Survey weights with 6 decimals and more (rounded when read), some whole, some zero."""
    i = np.arange(n)
    return np.where(i % 11 == 0, i % 4, (i * 7919 % 100003) / 997.0 + 0.0000004)


@pytest.fixture(scope="module")
def frame(synthetic: ec.Population) -> pd.DataFrame:
    f = synthetic.to_frame()
    f["weight"] = weights(len(f))
    return f


def exact(micros_of_rows: Any, values: Any) -> Fraction:
    """Σ value × weight, row by row in fractions: the independent reference."""
    return sum((Fraction(int(v)) * Fraction(int(w), 10**6) for v, w in zip(values, micros_of_rows)), Fraction(0))


def test_weights_are_rounded_half_to_even_when_read() -> None:
    base = {
        "id": ["a", "b", "c", "d"],
        "birth_date": ["1940-01-01"] * 4,
        "hukou_region": [110102] * 4,
        "residence_region": [110102] * 4,
    }
    cases = {
        "text": (["1.0000005", "1.0000015", "2.5", "1234.5678"], [1000000, 1000002, 2500000, 1234567800]),
        "decimal": (
            [decimal.Decimal("0.0000025"), decimal.Decimal("3"), decimal.Decimal("0.1"), decimal.Decimal("7.25")],
            [2, 3000000, 100000, 7250000],
        ),
        "float": ([1 / 128, 3 / 128, 0.1, 5e-7], [7812, 23438, 100000, 0]),  # exact binary ties to even
        "int": ([0, 1, 2, 1000000000], [0, 1000000, 2000000, 10**15]),
    }
    for name, (given, micros) in cases.items():
        pop = ec.Population(
            pd.DataFrame({**base, "weight": pd.Series(given, dtype=object if name != "float" else float)})
        )
        assert pop.weighted and list(pop._weight_micros()) == micros, name


@pytest.mark.parametrize(
    ("value", "why"),
    [
        (-1.0, "0 or more"),
        (math.inf, "a weight is a finite number of persons"),
        (-math.inf, "0 or more"),
        (1e10, "at most 1000000000"),
        ("-2", "0 or more"),
        ("很多", "expected a number of persons"),
    ],
)
def test_bad_weights_are_refused_naming_the_cell(value: Any, why: str) -> None:
    f = pd.DataFrame(
        {
            "id": ["a", "b"],
            "birth_date": ["1940-01-01"] * 2,
            "hukou_region": [110102] * 2,
            "residence_region": [110102] * 2,
            "weight": pd.Series([1.0, value], dtype=object),
        }
    )
    with pytest.raises(ec.InvalidValue) as e:
        ec.Population(f)
    assert e.value.error_id == ec.ErrorId.INVALID_WEIGHT and why in str(e.value)
    assert e.value.field == "population.weight[row 1, id 'b']"


def test_a_missing_weight_is_refused_but_an_unweighted_column_is_none() -> None:
    f = pd.DataFrame(
        {
            "id": ["a", "b"],
            "birth_date": ["1940-01-01"] * 2,
            "hukou_region": [110102] * 2,
            "residence_region": [110102] * 2,
            "weight": [2.0, np.nan],
        }
    )
    with pytest.raises(ec.InvalidValue, match=r"population.weight\[row 1, id 'b'\] = nan: "):
        ec.Population(f)
    f["weight"] = np.nan  # every cell missing: an unweighted table (as to_frame() writes one)
    assert not ec.Population(f).weighted
    with pytest.raises(ec.InvalidValue, match=r"persons\[p\].weight = nan: "):
        ec.Person("p", "1940-01-01", hukou="110102", residence="110102", weight=math.nan)
    with pytest.raises(ec.InvalidValue, match=r"persons\[p\].weight"):
        io.load_cases(
            {
                "persons": [
                    {"id": "p", "birth_date": "1940-01-01", "hukou": "110102", "residence": "110102", "weight": -3}
                ]
            }
        )


def test_evaluate_population_totals(frame: pd.DataFrame, synthetic: ec.Population) -> None:
    pop = ec.Population(frame, facilities=synthetic.facilities)
    micros = pop._weight_micros()
    out = ec.evaluate_population(POLICY, pop, "2024-06-30", synthetic.facilities, reasons=False)
    totals = out.attrs["totals"]
    assert totals["persons"] == ROWS and totals["amount_fen"] == int(out["amount_fen"].sum())
    assert totals["weighted_amount_fen"] == exact(micros, out["amount_fen"]) > 0
    assert totals["weighted_eligible"] == exact(micros, out["eligible"].astype(int))
    assert totals["weighted_persons"] == exact(micros, [1] * ROWS)
    assert isinstance(totals["weighted_amount_fen"], decimal.Decimal)
    np.testing.assert_allclose(out["weight"], frame["weight"], atol=1e-6)
    # Unweighted: no weight column, totals unweighted only.
    plain = ec.evaluate_population(POLICY, synthetic, "2024-06-30", reasons=False)
    assert "weight" not in plain.columns and set(plain.attrs["totals"]) == {"persons", "eligible", "amount_fen"}


def test_simulate_population_totals(frame: pd.DataFrame, synthetic: ec.Population) -> None:
    pop = ec.Population(frame, facilities=synthetic.facilities)
    r = ec.simulate_population(POLICY, pop, "2024-01-01", 6, per_person=True)
    micros = pop._weight_micros()
    per_row = r.amounts_fen.sum(axis=1)
    assert r.weighted_total_fen == exact(micros, per_row) > 0
    for k in range(6):
        assert r.by_month["weighted_amount_fen"][k] == exact(micros, r.amounts_fen[:, k])
        assert r.by_month["weighted_paid"][k] == exact(micros, (r.amounts_fen[:, k] != 0).astype(int))
    assert _weights.exact_sum(r.by_prefecture["weighted_amount_fen"]) == r.weighted_total_fen
    assert _weights.exact_sum(r.by_rule["weighted_amount_fen"]) == r.weighted_total_fen
    assert r.by_month["amount_fen"].sum() == r.total_fen  # the unweighted totals are still there
    assert ec.simulate_population(POLICY, synthetic, "2024-01-01", 6).weighted_total_fen is None


def test_parquet_totals_are_the_same_for_every_batch_size(
    frame: pd.DataFrame, synthetic: ec.Population, tmp_path: pathlib.Path
) -> None:
    path = tmp_path / "weighted.parquet"
    pq.write_table(ec.Population(frame, facilities=synthetic.facilities).to_arrow(), path, row_group_size=400)
    whole = ec.simulate_population(POLICY, ec.Population(frame, facilities=synthetic.facilities), "2024-01-01", 6)
    evaluated = []
    for batch_rows in (1499, 400, 97, 65536):
        s = parquet.simulate_parquet(POLICY, path, "2024-01", 6, batch_rows=batch_rows, facilities=synthetic.facilities)
        assert s.weighted_total_fen == whole.weighted_total_fen, batch_rows
        assert list(s.by_month["weighted_amount_fen"]) == list(whole.by_month["weighted_amount_fen"])
        e = parquet.evaluate_parquet(POLICY, path, "2024-06-30", batch_rows=batch_rows, facilities=synthetic.facilities)
        evaluated.append((e.weighted_persons, e.weighted_eligible, e.weighted_amount_fen))
        assert _weights.exact_sum(e.by_grant["weighted_amount_fen"]) == e.weighted_amount_fen
    assert len(set(evaluated)) == 1
    one = ec.evaluate_population(
        POLICY, ec.Population(frame, facilities=synthetic.facilities), "2024-06-30", reasons=False
    ).attrs["totals"]
    assert evaluated[0] == (one["weighted_persons"], one["weighted_eligible"], one["weighted_amount_fen"])


def test_dask_totals_are_the_same_for_1_2_and_7_partitions(frame: pd.DataFrame, synthetic: ec.Population) -> None:
    dask = pytest.importorskip("dask")
    from eldercare import dask as ec_dask

    whole = ec.simulate_population(POLICY, ec.Population(frame, facilities=synthetic.facilities), "2024-01-01", 6)
    with dask.config.set(scheduler="synchronous"):
        totals = []
        for k in (1, 2, 7):
            ddf = ec_dask.from_pandas(frame, npartitions=k)
            assert ddf.npartitions == k
            s = ec_dask.simulate_dask(POLICY, ddf, "2024-01", 6, facilities=synthetic.facilities)
            assert s.weighted_total_fen == whole.weighted_total_fen, k
            totals.append(s.by_prefecture[["month", "prefecture", "weighted_paid", "weighted_amount_fen"]])
            rows = ec_dask.evaluate_dask(POLICY, ddf, "2024-06-30", facilities=synthetic.facilities).compute()
            np.testing.assert_allclose(rows["weight"].to_numpy(), frame["weight"].to_numpy(), atol=1e-6)
        for t in totals[1:]:
            pd.testing.assert_frame_equal(t.reset_index(drop=True), totals[0].reset_index(drop=True))
        # A partition whose weights are all missing, in a weighted frame, is refused as pandas refuses one.
        gap = frame.copy()
        last = ec_dask.from_pandas(gap, npartitions=7).divisions[-2]  # where partition 6 begins
        gap.loc[gap.index >= last, "weight"] = np.nan
        with pytest.raises(ec.InvalidValue, match=r"population.weight\[row 0 of partition 6, id '.*'\] = nan: "):
            ec_dask.simulate_dask(
                POLICY, ec_dask.from_pandas(gap, npartitions=7), "2024-01", 6, facilities=synthetic.facilities
            )


def test_compare_weighs_the_cost(frame: pd.DataFrame, synthetic: ec.Population) -> None:
    pop = ec.Population(frame, facilities=synthetic.facilities)
    reform = ec.reform(POLICY, amounts={"jin_ji_meng": 800})
    c = ec.compare(POLICY, reform, pop, "2024-06-30", synthetic.facilities)
    micros = pop._weight_micros()
    s = c.summary
    assert s["weighted_baseline_cost_fen"] == exact(micros, c.persons["baseline_fen"])
    assert s["weighted_reform_cost_fen"] == exact(micros, c.persons["reform_fen"])
    assert s["weighted_cost_delta_fen"] == s["weighted_reform_cost_fen"] - s["weighted_baseline_cost_fen"] > 0
    assert s["weighted_gainers"] == exact(micros, (c.persons["delta_fen"] > 0).astype(int))
    assert "weighted (" in str(c) and "weight" in c.persons.columns
    assert _weights.round_fen(decimal.Decimal("2.5")) == 2 and _weights.round_fen(decimal.Decimal("3.5")) == 4
