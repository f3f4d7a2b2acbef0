"""eldercare.parquet: streamed Parquet evaluation and simulation agree with the in-memory paths."""

from __future__ import annotations

import datetime
import gc
import pathlib
from typing import Any, List

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import eldercare as ec
from eldercare import parquet as ecpq

CROSS_REGION = "cn.beijing.xicheng.cross_region_care"  # reads stays
ADVANCED_AGE = "cn.beijing.elderly_allowances.advanced_age"  # reads ages only

FACILITIES = ec.FacilityRegistry(
    [
        ec.Facility("F1", "131082", filing=ec.Filing("131082", "2019-03-01")),
        ec.Facility("F2", "120101", filing=ec.Filing("120101", "2021-06-01")),
        ec.Facility("F3", "110102"),  # in Beijing, unfiled: never counts for 津冀蒙
    ]
)


def people(n: int, seed: int = 7, first: int = 0) -> pd.DataFrame:
    """`n` elders in the flat schema with a ``stays`` list column (about a third with a stay)."""
    rng = np.random.default_rng(seed)
    birth = np.datetime64("1925-01-01") + rng.integers(0, 365 * 45, n).astype("timedelta64[D]")
    codes = np.array([110102, 110104, 110105, 110108, 131082, 120101])
    hukou = rng.choice(codes[:4], n, p=[0.6, 0.1, 0.2, 0.1])
    residence = np.where(rng.random(n) < 0.8, hukou, rng.choice(codes, n))
    stays: List[Any] = []
    for _ in range(n):
        if rng.random() < 0.35:
            admitted = datetime.date(2022, 1, 1) + datetime.timedelta(days=int(rng.integers(0, 900)))
            discharged = None if rng.random() < 0.7 else admitted + datetime.timedelta(days=int(rng.integers(10, 400)))
            stays.append([{"facility": f"F{rng.integers(1, 4)}", "admitted": admitted, "discharged": discharged}])
        else:
            stays.append([])
    return pd.DataFrame(
        {
            "id": [f"p{first + i}" for i in range(n)],
            "birth_date": birth,
            "hukou_region": hukou,
            "residence_region": residence,
            "stays": stays,
        }
    )


def stays_table(frame: pd.DataFrame) -> pd.DataFrame:
    """The list column as a separate stays table, in the order of the persons."""
    rows = [{"person_id": pid, **s} for pid, cell in zip(frame["id"], frame["stays"]) for s in cell]
    return pd.DataFrame(rows, columns=["person_id", "facility", "admitted", "discharged"])


def write(frame: pd.DataFrame, path: pathlib.Path, row_group_rows: int) -> pathlib.Path:
    pq.write_table(pa.Table.from_pandas(frame, preserve_index=False), path, row_group_size=row_group_rows)
    return path


@pytest.fixture(scope="module")
def population() -> pd.DataFrame:
    return people(3000)


@pytest.fixture(scope="module")
def population_file(population: pd.DataFrame, tmp_path_factory: pytest.TempPathFactory) -> pathlib.Path:
    return write(population, tmp_path_factory.mktemp("parquet") / "people.parquet", 500)


def test_evaluate_parquet_streams_the_rows_of_evaluate_population(
    population: pd.DataFrame, population_file: pathlib.Path, tmp_path: pathlib.Path
) -> None:
    whole = ec.evaluate_population(CROSS_REGION, population, "2024-06-30", FACILITIES, reasons=True)
    # 400-row batches over 500-row row groups: batches and row groups do not line up.
    result = ecpq.evaluate_parquet(
        CROSS_REGION,
        population_file,
        "2024-06-30",
        out=tmp_path / "out.parquet",
        batch_rows=400,
        facilities=FACILITIES,
        reasons=True,
    )
    assert (result.rows, result.batches) == (3000, 8)
    written = pq.read_table(tmp_path / "out.parquet").to_pandas()
    assert list(written["id"]) == list(whole["id"])
    for column in ("eligible", "amount_fen", "quantity", "first_failing_condition", "granting_rules"):
        assert list(written[column]) == list(whole[column]), column
    for column in ("unit", "period", "status"):  # categories as text, None where nothing is granted
        words = pq.read_table(tmp_path / "out.parquet", columns=[column]).column(0).to_pylist()
        assert words == [None if pd.isna(v) else str(v) for v in whole[column]], column
    assert 0 < result.eligible == int(whole["eligible"].sum()) < 3000
    money = result.by_grant[result.by_grant["unit"] == "money"]
    assert int(money["amount_fen"].sum()) == int(whole.loc[whole["unit"] == "money", "amount_fen"].sum())
    assert int(result.by_grant["persons"].sum()) == 3000


def test_simulate_parquet_equals_the_whole_population_at_once(
    population: pd.DataFrame, population_file: pathlib.Path
) -> None:
    streamed = ecpq.simulate_parquet(
        CROSS_REGION, population_file, "2024-01", 12, batch_rows=700, facilities=FACILITIES
    )
    schedule = ec.schedule_population(CROSS_REGION, population, "2024-01-01", "2024-12-31", FACILITIES)
    months = schedule.groupby(["year", "month"])[["amount_fen", "eligible"]].sum()
    assert list(streamed.by_month["month"]) == [f"2024-{m:02d}" for m in range(1, 13)]
    assert list(streamed.by_month["amount_fen"]) == [int(v) for v in months["amount_fen"]]
    assert list(streamed.by_month["eligible"]) == [int(v) for v in months["eligible"]]
    assert streamed.total_fen == int(schedule["amount_fen"].sum()) > 0
    assert (streamed.rows, streamed.batches) == (3000, 5)
    # By prefecture: every eligible elder here has a Beijing hukou (110100), so the split adds up.
    by_prefecture = streamed.by_prefecture.groupby("month")["amount_fen"].sum()
    assert list(by_prefecture) == list(streamed.by_month["amount_fen"])

    # By prefecture, as schedule_population's rows summed by the hukou's prefecture (a province-level
    # code stands for itself).
    def prefecture(code: int) -> int:
        region = ec.RegionCode(str(code))
        return int(region.code if region.level == "province" else region.prefecture.code)

    hukou = population.set_index("id")["hukou_region"].map(prefecture)
    long = schedule.assign(
        month=[f"{y:04d}-{m:02d}" for y, m in zip(schedule["year"], schedule["month"])],
        prefecture=schedule["id"].map(hukou).to_numpy(),
    )
    expected = long.groupby(["month", "prefecture"], sort=True)["amount_fen"].sum().reset_index()
    expected = expected[expected["amount_fen"] > 0]
    for column in ("month", "prefecture", "amount_fen"):
        assert list(streamed.by_prefecture[column]) == list(expected[column]), column
    direct = ec.simulate_population(CROSS_REGION, ec.Population(population, facilities=FACILITIES), "2024-01-01")
    assert int(direct.total_fen) == streamed.total_fen
    assert streamed.engine == "simulate_population" and streamed.by_rule is not None


def test_stays_as_a_streamed_file_or_a_table_agree_with_the_list_column(
    population: pd.DataFrame, population_file: pathlib.Path, tmp_path: pathlib.Path
) -> None:
    persons = write(population.drop(columns=["stays"]), tmp_path / "persons.parquet", 500)
    stays = stays_table(population)
    stays_file = write(stays, tmp_path / "stays.parquet", 97)
    expected = ecpq.simulate_parquet(CROSS_REGION, population_file, "2024-01", 6, batch_rows=600, facilities=FACILITIES)
    streamed = ecpq.simulate_parquet(
        CROSS_REGION, persons, "2024-01", 6, batch_rows=600, facilities=FACILITIES, stays=stays_file
    )
    shuffled = stays.sample(frac=1.0, random_state=3)
    held = ecpq.simulate_parquet(
        CROSS_REGION, persons, "2024-01", 6, batch_rows=600, facilities=FACILITIES, stays=shuffled
    )
    assert expected.total_fen > 0
    assert list(streamed.by_month["amount_fen"]) == list(expected.by_month["amount_fen"])
    assert list(held.by_month["amount_fen"]) == list(expected.by_month["amount_fen"])
    # A streamed stays file out of person order is refused, naming a stays row, not silently short.
    write(shuffled, tmp_path / "shuffled.parquet", 97)
    with pytest.raises(ec.InvalidValue, match="in the order of their persons") as e:
        ecpq.simulate_parquet(
            CROSS_REGION,
            persons,
            "2024-01",
            6,
            batch_rows=600,
            facilities=FACILITIES,
            stays=tmp_path / "shuffled.parquet",
        )
    assert e.value.field is not None and e.value.field.startswith("stays.person_id[row ")


def test_a_dataset_directory_reads_as_one_population(population: pd.DataFrame, tmp_path: pathlib.Path) -> None:
    (tmp_path / "ds").mkdir()
    write(population.iloc[:1300], tmp_path / "ds" / "part-0.parquet", 400)
    write(population.iloc[1300:], tmp_path / "ds" / "part-1.parquet", 400)
    result = ecpq.evaluate_parquet(ADVANCED_AGE, tmp_path / "ds", "2024-06-30", batch_rows=512)
    whole = ec.evaluate_population(ADVANCED_AGE, population.drop(columns=["stays"]), "2024-06-30", reasons=False)
    assert result.rows == 3000 and result.eligible == int(whole["eligible"].sum()) > 0


def test_errors_name_the_column_and_the_row_in_the_file(population: pd.DataFrame, tmp_path: pathlib.Path) -> None:
    bad = population.drop(columns=["stays"]).astype({"hukou_region": str})
    bad.loc[2345, "hukou_region"] = "999999"
    path = write(bad, tmp_path / "bad.parquet", 1000)
    with pytest.raises(ec.InvalidValue) as e:
        ecpq.evaluate_parquet(ADVANCED_AGE, path, "2024-06-30", batch_rows=500)
    assert e.value.field == "population.hukou_region[row 2345, id 'p2345']"
    assert e.value.value == "999999" and "batch 4 of" in str(e.value) and "rows 2000-2499" in str(e.value)

    missing = write(population[["id", "birth_date", "hukou_region"]], tmp_path / "missing.parquet", 1000)
    with pytest.raises(ec.InvalidValue, match="the column is required") as e:
        ecpq.simulate_parquet(ADVANCED_AGE, missing, "2024-01", 3)
    assert e.value.field == "population.residence_region"

    stays = stays_table(population).astype({"admitted": str})
    stays.loc[300, "admitted"] = "2024-02-30"
    persons = write(population.drop(columns=["stays"]), tmp_path / "persons.parquet", 500)
    stays_file = write(stays, tmp_path / "stays.parquet", 128)
    with pytest.raises(ec.InvalidValue, match="no such day") as e:
        ecpq.simulate_parquet(
            CROSS_REGION, persons, "2024-01", 3, batch_rows=500, facilities=FACILITIES, stays=stays_file
        )
    assert e.value.field == "stays.admitted[row 300]"

    with pytest.raises(ec.InvalidValue) as e:
        ecpq.evaluate_parquet(ADVANCED_AGE, persons, "2024-06-30", batch_rows=0)
    assert e.value.field == "batch_rows"


def test_arrow_memory_is_bounded_by_the_batch_not_the_file(tmp_path: pathlib.Path) -> None:
    frame = people(80_000, seed=11).drop(columns=["stays"])
    path = write(frame, tmp_path / "big.parquet", 2000)  # 40 row groups
    whole_bytes = pq.read_table(path).nbytes
    gc.collect()  # so that no earlier test's Arrow memory is freed during the run
    result = ecpq.evaluate_parquet(ADVANCED_AGE, path, "2024-06-30", batch_rows=2000)
    assert result.rows == 80_000 and result.batches == 40
    held = result.peak_arrow_bytes
    # A batch is 1/40 of the file; about 1/10 is held (buffers, the batch, its conversions). Reading
    # the whole file ahead, as pyarrow's pre_buffer does, held about 40%.
    assert 0 < held < whole_bytes / 4, (held, whole_bytes)


def test_write_population_parquet(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "synthetic.parquet"
    if not hasattr(ec, "SyntheticPopulation"):  # before the synthetic population is installed
        with pytest.raises(ec.InvalidValue, match="synthetic_population") as e:
            ecpq.write_population_parquet(path, 10)
        assert e.value.field == "synthetic_population"
        return
    ecpq.write_population_parquet(path, 2500, profile="xicheng", seed=5, row_group_rows=1000)
    meta = pq.ParquetFile(path).metadata
    assert (meta.num_rows, meta.num_row_groups) == (2500, 3)
    at_once = ec.synthetic_population(2500, profile="xicheng", seed=5)  # the same stream, not chunked
    assert pq.read_table(path).equals(at_once.to_arrow(), check_metadata=False)
    facilities = ec.synthetic_facilities()
    streamed = ecpq.simulate_parquet(CROSS_REGION, path, "2024-01", 3, batch_rows=800, facilities=facilities)
    again = ec.schedule_population(CROSS_REGION, at_once, "2024-01-01", "2024-03-31", facilities)
    assert streamed.total_fen == int(again["amount_fen"].sum()) > 0
