"""eldercare.parquet.simulate_parquet's path for totals (only the columns a policy reads, built from
the Arrow buffers without ids, the next batch decoded meanwhile) gives exactly the totals of the
general path (every column, a Population per batch) and of the whole population at once."""

from __future__ import annotations

import datetime
import pathlib
from typing import Any, List, Optional

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import eldercare as ec
from eldercare import _core
from eldercare import parquet as ecpq
from eldercare._population import _month_span, _Target

CROSS_REGION = "cn.beijing.xicheng.cross_region_care"  # reads stays, birth dates, hukou
ADVANCED_AGE = "cn.beijing.elderly_allowances.advanced_age"  # reads birth dates and hukou
HARDSHIP = "cn.beijing.elderly_allowances.hardship"  # reads categories: the general path


def general(monkeypatch: pytest.MonkeyPatch) -> None:
    """Makes simulate_parquet take its general path (every column, a Population per batch)."""
    monkeypatch.setattr(ecpq, "_totals_columns", lambda *args: None)


def same_totals(a: ecpq.SimulationTotals, b: ecpq.SimulationTotals) -> None:
    """Every table of totals equal, cell by cell (exact integers and Decimals), and the counts."""
    assert (a.rows, a.batches, a.engine) == (b.rows, b.batches, b.engine)
    for name in ("by_month", "by_prefecture", "by_rule"):
        x, y = getattr(a, name), getattr(b, name)
        assert list(x.columns) == list(y.columns), name
        pd.testing.assert_frame_equal(x.reset_index(drop=True), y.reset_index(drop=True), check_dtype=True)
    assert a.total_fen == b.total_fen
    assert a.weighted_total_fen == b.weighted_total_fen


def simulate(path: pathlib.Path, policy: str = CROSS_REGION, batch_rows: int = 700, **options: Any) -> Any:
    return ecpq.simulate_parquet(
        policy, path, "2024-01", 12, batch_rows=batch_rows, facilities=ec.synthetic_facilities(), **options
    )


@pytest.fixture(scope="module")
def synthetic_file(tmp_path_factory: pytest.TempPathFactory) -> pathlib.Path:
    """Every column of the schema (the synthetic generator's), in row groups of 1000."""
    path = tmp_path_factory.mktemp("totals") / "synthetic.parquet"
    ecpq.write_population_parquet(path, 4000, profile="xicheng", seed=9, row_group_rows=1000)
    return path


def test_the_columns_read_are_those_of_the_policy(synthetic_file: pathlib.Path) -> None:
    source = ecpq._Source(synthetic_file, "population", ecpq._REQUIRED, ecpq._KNOWN)
    span = _month_span(datetime.date(2024, 1, 1), 12)
    cross = ecpq._totals_columns(source, _Target(CROSS_REGION, None), *span, "hukou")
    assert cross is not None and set(cross) == {"birth_date", "hukou_region", "hukou_since", "stays", "weight"}
    age = ecpq._totals_columns(source, _Target(ADVANCED_AGE, None), *span, "residence")
    assert age is not None and "stays" not in age and {"residence_region", "residence_rural"} <= set(age)
    assert ecpq._totals_columns(source, _Target(HARDSHIP, None), *span, "hukou") is None  # reads categories
    assert _core.columns_for_totals(_Target(HARDSHIP, None).impl, *span) is None


@pytest.mark.parametrize(
    "policy, batch_rows",
    [(CROSS_REGION, 1), (CROSS_REGION, 333), (CROSS_REGION, 1000), (CROSS_REGION, 65536), (ADVANCED_AGE, 1499)],
)
def test_every_column_the_same_totals_as_the_general_path(
    synthetic_file: pathlib.Path, policy: str, batch_rows: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    fast = simulate(synthetic_file, policy, batch_rows)
    assert fast.total_fen > 0 and fast.rows == 4000
    general(monkeypatch)
    same_totals(fast, simulate(synthetic_file, policy, batch_rows))


def test_the_same_totals_as_the_whole_population_at_once(synthetic_file: pathlib.Path) -> None:
    whole = ec.simulate_population(
        CROSS_REGION,
        ec.Population(pq.read_table(synthetic_file)),
        "2024-01-01",
        12,
        facilities=ec.synthetic_facilities(),
    )
    for regions in ("hukou", "residence"):
        fast = simulate(synthetic_file, regions=regions)
        assert fast.total_fen == whole.total_fen
        assert list(fast.by_month["amount_fen"]) == [int(v) for v in whole.by_month["amount_fen"]]


def people(n: int, seed: int) -> pa.Table:
    """`n` elders with nulls where the schema allows them: hukou_since and died_on partly null, stays
    cells null, empty or with one or two stays (some ongoing)."""
    rng = np.random.default_rng(seed)
    birth = np.datetime64("1925-01-01") + rng.integers(0, 365 * 40, n).astype("timedelta64[D]")
    hukou = rng.choice(np.array([110102, 110104, 110105, 131082]), n)
    since = [None if rng.random() < 0.5 else (b + np.timedelta64(365 * 20, "D")).item() for b in birth]
    died = [None if rng.random() < 0.9 else datetime.date(2024, 1 + int(rng.integers(0, 12)), 15) for _ in range(n)]
    stays: List[Optional[List[Any]]] = []
    facilities = ec.synthetic_facilities().ids
    for _ in range(n):
        u = rng.random()
        if u < 0.2:
            stays.append(None)
        elif u < 0.5:
            stays.append([])
        else:
            admitted = datetime.date(2022, 1, 1) + datetime.timedelta(days=int(rng.integers(0, 700)))
            left = None if rng.random() < 0.6 else admitted + datetime.timedelta(days=int(rng.integers(10, 200)))
            cell = [
                {
                    "facility": facilities[int(rng.integers(0, len(facilities)))],
                    "admitted": admitted,
                    "discharged": left,
                }
            ]
            if left is not None and rng.random() < 0.5:
                cell.append(
                    {"facility": facilities[0], "admitted": left + datetime.timedelta(days=3), "discharged": None}
                )
            stays.append(cell)
    stay_type = pa.list_(pa.struct([("facility", pa.string()), ("admitted", pa.date32()), ("discharged", pa.date32())]))
    return pa.table(
        {
            "id": [f"q{i}" for i in range(n)],
            "birth_date": pa.array(birth, type=pa.date32()),
            "hukou_region": pa.array(hukou, type=pa.int64()),
            "residence_region": pa.array(hukou, type=pa.int64()),
            "hukou_since": pa.array(since, type=pa.date32()),
            "died_on": pa.array(died, type=pa.date32()),
            "stays": pa.array(stays, type=stay_type),
        }
    )


@pytest.mark.parametrize("batch_rows", [1, 7, 250, 5000])
def test_nulls_and_empty_stay_lists_the_same_totals(
    tmp_path: pathlib.Path, batch_rows: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    table = people(1200, seed=4)
    path = tmp_path / "nulls.parquet"
    pq.write_table(table, path, row_group_size=500)
    fast = simulate(path, batch_rows=batch_rows)
    whole = ec.simulate_population(
        CROSS_REGION, ec.Population(table), "2024-01-01", 12, facilities=ec.synthetic_facilities()
    )
    assert fast.total_fen == whole.total_fen > 0
    general(monkeypatch)
    same_totals(fast, simulate(path, batch_rows=batch_rows))


def test_a_batch_the_fast_path_does_not_take_is_built_row_by_row(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A weight column of NaN (no weights, as pandas writes them): the general path reads it as none.
    table = people(900, seed=5)
    table = table.append_column("weight", pa.array(np.full(900, np.nan)))
    path = tmp_path / "nan_weights.parquet"
    pq.write_table(table, path, row_group_size=300)
    fast = simulate(path, batch_rows=256)
    assert fast.weighted_total_fen is None and fast.total_fen > 0
    general(monkeypatch)
    same_totals(fast, simulate(path, batch_rows=256))


def test_dictionary_encoded_text_the_same_totals(tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Arrow writers often dictionary-encode repeated text (facility ids, ids as categories); pyarrow
    # keeps the encoding in the file's schema and reads it back encoded. Same totals as plain text.
    plain = people(900, seed=7)
    stays_type = pa.list_(
        pa.struct(
            [
                ("facility", pa.dictionary(pa.int32(), pa.string())),
                ("admitted", pa.date32()),
                ("discharged", pa.date32()),
            ]
        )
    )
    encoded = plain.set_column(
        plain.schema.get_field_index("stays"), "stays", pa.array(plain.column("stays").to_pylist(), type=stays_type)
    )
    encoded = encoded.set_column(0, "id", plain.column("id").dictionary_encode())
    paths = {}
    for name, table in (("plain", plain), ("encoded", encoded)):
        paths[name] = tmp_path / f"{name}.parquet"
        pq.write_table(table, paths[name], row_group_size=300)
    assert pa.types.is_dictionary(pq.read_schema(paths["encoded"]).field("id").type)
    # The totals path takes it (the facility ids decoded per batch), not the general one.
    source = ecpq._Source(paths["encoded"], "population", ecpq._REQUIRED, ecpq._KNOWN)
    span = _month_span(datetime.date(2024, 1, 1), 12)
    assert ecpq._totals_columns(source, _Target(CROSS_REGION, None), *span, "hukou") is not None
    want = simulate(paths["plain"], batch_rows=256)
    assert want.total_fen > 0
    # Every batch built from its Arrow buffers: none rebuilt row by row from the file.
    monkeypatch.setattr(ecpq._Rows, "take", lambda *args: pytest.fail("a batch was rebuilt row by row"))
    got = simulate(paths["encoded"], batch_rows=256)
    # Read as a dataset (ParquetFile cannot iterate a list of structs holding a dictionary), whose
    # batches end at row groups as well: more batches, the same rows and totals.
    assert got.batches >= want.batches
    got.batches = want.batches
    same_totals(got, want)


def test_weights_the_same_exact_totals(tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch) -> None:
    table = people(800, seed=6)
    table = table.append_column("weight", pa.array(np.linspace(0.5, 40.0, 800)))
    path = tmp_path / "weights.parquet"
    pq.write_table(table, path, row_group_size=300)
    fast = simulate(path, batch_rows=123)
    assert fast.weighted_total_fen is not None and fast.weighted_total_fen > 0
    general(monkeypatch)
    same_totals(fast, simulate(path, batch_rows=123))


@pytest.mark.parametrize("missing_first", [True, False])
@pytest.mark.parametrize("path_taken", ["fast", "general"])
def test_weights_missing_in_some_batches_are_refused(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch, missing_first: bool, path_taken: str
) -> None:
    # Batches of 300 rows, one of them with no weights at all: alone it would read as an unweighted
    # batch, but the file gives weights elsewhere, so it is refused like a partly missing column
    # (its rows would otherwise weigh nothing in the weighted totals).
    weights = np.linspace(0.5, 40.0, 900)
    hole = slice(0, 300) if missing_first else slice(600, 900)
    weights[hole] = np.nan
    table = people(900, seed=5).append_column("weight", pa.array(weights))
    path = tmp_path / "weights_with_a_hole.parquet"
    pq.write_table(table, path, row_group_size=300)
    if path_taken == "general":
        general(monkeypatch)
    with pytest.raises(ec.InvalidValue) as e:
        simulate(path, batch_rows=300)
    first_missing = hole.start
    assert e.value.field == f"population.weight[row {first_missing}]"
    assert e.value.error_id == ec.ErrorId.INVALID_WEIGHT
    assert f"file rows {first_missing}-{first_missing + 299}, has no weights" in str(e.value)
    assert _core.missing_weight_reason in str(e.value)
    # Batches that straddle the hole see it as a partly missing column: refused at its first row.
    with pytest.raises(ec.InvalidValue, match=r"population\.weight\[row \d+"):
        simulate(path, batch_rows=256)


def simulated_sizes(monkeypatch: pytest.MonkeyPatch) -> List[int]:
    """The rows of each population simulate_columns is given from now on."""
    sizes: List[int] = []
    simulate_columns = _core.simulate_columns

    def counted(policy: Any, population: Any, *args: Any) -> Any:
        sizes.append(len(population))
        return simulate_columns(policy, population, *args)

    monkeypatch.setattr(_core, "simulate_columns", counted)
    return sizes


@pytest.mark.parametrize("simulated_rows", [1, 900, 2500, 1 << 19])
def test_batches_simulated_together_the_same_totals(
    synthetic_file: pathlib.Path, simulated_rows: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Consecutive batches are appended to one population (up to _SIMULATED_ROWS rows, doubling from
    # one batch); progress is still reported batch by batch.
    monkeypatch.setattr(ecpq, "_SIMULATED_ROWS", simulated_rows)
    sizes = simulated_sizes(monkeypatch)
    seen: List[int] = []
    fast = simulate(synthetic_file, batch_rows=333, progress=lambda done, total: seen.append(done))
    assert sum(sizes) == 4000 and len(seen) == fast.batches == 13 and seen[-1] == 4000
    assert all(0 < b - a <= 333 for a, b in zip([0, *seen], seen))
    expected = {1: [333] * 12 + [4], 900: [333, 666, 999, 999, 999, 4], 2500: [333, 666, 1332, 1669]}
    assert sizes == expected.get(simulated_rows, expected[2500])
    monkeypatch.undo()
    general(monkeypatch)
    same_totals(fast, simulate(synthetic_file, batch_rows=333))


def test_without_a_registry_each_batch_is_simulated_alone(
    synthetic_file: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Without a registry a batch's stays name facilities by the batch's own table.
    sizes = simulated_sizes(monkeypatch)
    totals = ecpq.simulate_parquet(ADVANCED_AGE, synthetic_file, "2024-01", 12, batch_rows=700)
    assert sizes == [700] * 5 + [500] and totals.total_fen > 0


def test_a_refused_batch_inside_a_population_the_same_totals(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Batches 3-5 are refused by the fast path (their birth dates handed over one row short): they
    # take the general path one by one, between populations of the batches before and after them.
    table = people(1200, seed=11)
    path = tmp_path / "people.parquet"
    pq.write_table(table, path, row_group_size=400)
    arrow_columns = ecpq._arrow_columns
    calls = []

    def refused_3_to_5(batch: Any) -> Any:
        calls.append(batch.num_rows)
        out = arrow_columns(batch)
        if 3 <= len(calls) - 1 <= 5:
            out["birth_date"] = ecpq._parts(batch.column("birth_date").slice(1))
        return out

    monkeypatch.setattr(ecpq, "_arrow_columns", refused_3_to_5)
    sizes = simulated_sizes(monkeypatch)
    fast = simulate(path, batch_rows=100)
    assert len(calls) == 12 and sizes == [100, 200, 100, 100, 100, 400, 200]
    monkeypatch.undo()
    general(monkeypatch)
    same_totals(fast, simulate(path, batch_rows=100))


def test_append_arrow_is_all_or_nothing(synthetic_file: pathlib.Path) -> None:
    source = ecpq._Source(synthetic_file, "population", ecpq._REQUIRED, ecpq._KNOWN)
    span = _month_span(datetime.date(2024, 1, 1), 12)
    columns = ecpq._totals_columns(source, _Target(CROSS_REGION, None), *span, "hukou")
    registry = ec.synthetic_facilities()._impl
    given = list(source.columns)
    first, second = list(source.batches(1000, columns))[:2]
    pop = _core.population.from_arrow(ecpq._arrow_columns(first), 1000, registry, given)
    pop.append_arrow(ecpq._arrow_columns(second), 1000, registry, given)
    both = pa.Table.from_batches([first, second]).combine_chunks().to_batches()[0]
    whole = _core.population.from_arrow(ecpq._arrow_columns(both), 2000, registry, given)
    assert len(pop) == 2000 and pop.stay_count() == whole.stay_count() > 0
    assert pop.memory_report()["total_bytes"] == whole.memory_report()["total_bytes"]
    policy = _Target(CROSS_REGION, None).impl
    a = _core.simulate_columns(policy, pop, span[0], 12, registry)
    b = _core.simulate_columns(policy, whole, span[0], 12, registry)
    assert a["total_fen"] == b["total_fen"] > 0 and list(a["eligible"]) == list(b["eligible"])
    # Refused (a region that does not exist; other columns given; another length): nothing appended.
    bad = pa.Table.from_batches([second]).set_column(1, "hukou_region", pa.array([999999] * 1000))
    with pytest.raises(ec.InvalidValue):
        pop.append_arrow(ecpq._arrow_columns(bad.to_batches()[0]), 1000, registry, given)
    with pytest.raises(ec.InvalidValue, match="columns given"):
        pop.append_arrow(ecpq._arrow_columns(second), 1000, registry, given[:5])
    with pytest.raises(ec.InvalidValue, match="another length"):
        pop.append_arrow(ecpq._arrow_columns(second), 999, registry, given)
    assert (
        len(pop) == 2000 and _core.simulate_columns(policy, pop, span[0], 12, registry)["total_fen"] == a["total_fen"]
    )


def refusal(path: pathlib.Path, batch_rows: int) -> ec.InvalidValue:
    with pytest.raises(ec.InvalidValue) as e:
        simulate(path, batch_rows=batch_rows)
    return e.value


def test_bad_cells_are_refused_as_the_general_path_refuses_them(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = []
    table = people(600, seed=7).to_pandas()
    table.loc[437, "hukou_region"] = 999999  # no such region
    bad.append(tmp_path / "bad_region.parquet")
    pq.write_table(pa.Table.from_pandas(table, schema=people(1, seed=7).schema, preserve_index=False), bad[-1])

    table = people(600, seed=7)
    stays = table.column("stays").to_pylist()
    k = next(i for i, cell in enumerate(stays) if cell and i > 300)
    stays[k] = [{**stays[k][0], "admitted": datetime.date(1900, 1, 1)}]  # before the birth date
    bad.append(tmp_path / "bad_stay.parquet")
    pq.write_table(table.set_column(6, "stays", pa.array(stays, type=table.schema.field("stays").type)), bad[-1])

    table = people(300, seed=8)
    birth = table.column("birth_date").to_pylist()
    birth[123] = None
    bad.append(tmp_path / "missing_birth.parquet")
    pq.write_table(table.set_column(1, "birth_date", pa.array(birth, type=pa.date32())), bad[-1])

    fast = [refusal(path, 64) for path in bad]
    assert fast[0].field == "population.hukou_region[row 437, id 'q437']"
    assert "batch 6 of" in str(fast[0]) and "file rows 384-447" in str(fast[0])
    assert fast[1].field == f"persons[q{k}].stays[0].admitted" and "before the birth date" in str(fast[1])
    assert fast[2].field == "population.birth_date[row 123, id 'q123']"
    general(monkeypatch)
    for path, e in zip(bad, fast):
        other = refusal(path, 64)
        assert (str(e), e.field, e.value, e.error_id) == (str(other), other.field, other.value, other.error_id)


def test_stays_without_null_cells_the_same_totals_and_refusals(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # No null stays cell: from_arrow takes the batch's stays whole (offsets shifted, dates as they
    # are), looking up only the facilities; a facility outside the registry is still refused.
    table = people(900, seed=12)
    stays = [cell or [] for cell in table.column("stays").to_pylist()]
    stay_type = table.schema.field("stays").type
    clean = tmp_path / "no_null_cells.parquet"
    pq.write_table(table.set_column(6, "stays", pa.array(stays, type=stay_type)), clean, row_group_size=300)
    k = next(i for i, cell in enumerate(stays) if len(cell) == 2 and i > 400)
    stays[k] = [stays[k][0], {**stays[k][1], "facility": "no-such-facility"}]
    bad = tmp_path / "unknown_facility.parquet"
    pq.write_table(table.set_column(6, "stays", pa.array(stays, type=stay_type)), bad, row_group_size=300)
    fast = simulate(clean, batch_rows=128)
    fast_error = refusal(bad, 128)
    assert fast.total_fen > 0 and f"q{k}" in str(fast_error)
    general(monkeypatch)
    same_totals(fast, simulate(clean, batch_rows=128))
    other = refusal(bad, 128)
    assert (str(fast_error), fast_error.field, fast_error.error_id) == (str(other), other.field, other.error_id)


def test_inputs_a_policy_reads_are_still_required(tmp_path: pathlib.Path) -> None:
    table = people(200, seed=9).drop_columns(["stays"])
    path = tmp_path / "no_stays.parquet"
    pq.write_table(table, path)
    with pytest.raises(ec.InvalidValue, match="no stays column"):
        simulate(path)
    assert simulate(path, missing="absent").total_fen == 0
    with pytest.raises(ec.InvalidValue, match="missing"):
        simulate(path, missing="nothing")
    with_stays = tmp_path / "stays.parquet"
    pq.write_table(people(200, seed=9), with_stays)
    with pytest.raises(ec.InvalidValue, match="no facility registry"):
        ecpq.simulate_parquet(CROSS_REGION, with_stays, "2024-01", 12)


def test_a_dataset_directory_and_progress(tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "ds").mkdir()
    table = people(1500, seed=10)
    pq.write_table(table.slice(0, 700), tmp_path / "ds" / "part-0.parquet", row_group_size=200)
    pq.write_table(table.slice(700), tmp_path / "ds" / "part-1.parquet", row_group_size=200)
    seen: List[Any] = []
    fast = simulate(tmp_path / "ds", batch_rows=256, progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (1500, 1500) and [d for d, _ in seen] == sorted(d for d, _ in seen)
    general(monkeypatch)
    same_totals(fast, simulate(tmp_path / "ds", batch_rows=256))
