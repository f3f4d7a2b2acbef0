"""eldercare.dask on a local cluster of 2 worker processes, checked against the pandas paths; and
the pickling of policies that sending them to workers needs."""

from __future__ import annotations

import importlib.util
import pathlib
import pickle
import re
import subprocess
import sys
from typing import Any, Iterator

import pandas as pd
import pytest
from test_parquet import CROSS_REGION, FACILITIES, people, stays_table, write

import eldercare as ec
from eldercare import catalog
from eldercare import parquet as ecpq
from eldercare._errors import ErrorId

dask = pytest.importorskip("dask")
distributed = pytest.importorskip("distributed")
dd = pytest.importorskip("dask.dataframe")

pytestmark = pytest.mark.slow  # left out by `bash tests/run --quick`

from eldercare.dask import _python_list_text, evaluate_dask, from_pandas, simulate_dask  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "dask_simulation.py"


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    with (
        distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        distributed.Client(cluster) as c,
    ):
        yield c


@pytest.fixture(scope="module")
def population() -> pd.DataFrame:
    return people(2400, seed=21)


def partitions(frame: pd.DataFrame, n: int = 4) -> Any:
    # eldercare's from_pandas: dask's own would turn the stays list column into its text.
    return from_pandas(frame, npartitions=n)


def test_every_catalog_policy_pickles_to_the_same_rules() -> None:
    frame = people(600, seed=3)
    for entry in catalog.entries():
        if entry.subject not in ("person", "household") or entry.is_bundle:
            continue
        policy = catalog.policy(entry.id)
        again = pickle.loads(pickle.dumps(policy))
        assert [r.condition.describe() for r in again.rules] == [r.condition.describe() for r in policy.rules]
        assert [(v.label, v.effective_from, v.combine) for v in again.versions] == [
            (v.label, v.effective_from, v.combine) for v in policy.versions
        ]
        if entry.subject == "person":
            # The frame has no categories, ability ... columns: taken as absent, as before that was checked.
            before = ec.evaluate_population(policy, frame, "2024-06-30", FACILITIES, missing="absent")
            after = ec.evaluate_population(again, frame, "2024-06-30", FACILITIES, missing="absent")
            pd.testing.assert_frame_equal(before, after)
    registry = pickle.loads(pickle.dumps(FACILITIES))
    assert registry == FACILITIES


def test_a_policy_under_readings_pickles_with_its_reading() -> None:
    chosen = {"xicheng.back_pay": "first_three_months"}
    policy = catalog.policy(CROSS_REGION, chosen)
    frame = people(600, seed=4)
    again = pickle.loads(pickle.dumps(policy))
    expected = ec.schedule_population(CROSS_REGION, frame, "2024-01-01", "2024-12-31", FACILITIES, chosen)
    default = ec.schedule_population(CROSS_REGION, frame, "2024-01-01", "2024-12-31", FACILITIES)
    got = ec.schedule_population(again, frame, "2024-01-01", "2024-12-31", FACILITIES)
    assert list(got["amount_fen"]) == list(expected["amount_fen"])
    assert list(default["amount_fen"]) != list(expected["amount_fen"])  # the reading matters here


def test_evaluate_dask_equals_evaluate_population(client: Any, population: pd.DataFrame) -> None:
    ddf = partitions(population)
    reform = ec.reform(CROSS_REGION, amounts={"jin_ji_meng": 800})  # a run-time Policy, pickled to workers
    for policy in (CROSS_REGION, reform):
        got = evaluate_dask(policy, ddf, "2024-06-30", facilities=FACILITIES).compute()
        expected = ec.evaluate_population(policy, population, "2024-06-30", FACILITIES, reasons=False)
        pd.testing.assert_frame_equal(got.reset_index(drop=True), expected)
        assert list(got.index) == list(population.index)
        assert 0 < int(got["eligible"].sum()) < len(population)


def test_simulate_dask_adds_up_to_the_whole_population(client: Any, population: pd.DataFrame) -> None:
    expected = ec.schedule_population(CROSS_REGION, population, "2024-01-01", "2024-12-31", FACILITIES)
    by_month = expected.groupby(["year", "month"])["amount_fen"].sum()
    with_list = simulate_dask(CROSS_REGION, partitions(population, 5), "2024-01", 12, facilities=FACILITIES)
    # Stays as a separate table, any order, sent to every task.
    shuffled = stays_table(population).sample(frac=1.0, random_state=2)
    with_table = simulate_dask(
        CROSS_REGION,
        dd.from_pandas(population.drop(columns=["stays"]), npartitions=3),
        "2024-01",
        12,
        facilities=FACILITIES,
        stays=shuffled,
    )
    for result in (with_list, with_table):
        assert list(result.by_month["amount_fen"]) == [int(v) for v in by_month]
        assert result.total_fen == int(expected["amount_fen"].sum()) > 0
        assert result.rows == len(population)


def test_read_parquet_partitions_agree_with_the_streamed_file(
    client: Any, population: pd.DataFrame, tmp_path: pathlib.Path
) -> None:
    path = write(population, tmp_path / "people.parquet", 600)
    streamed = ecpq.simulate_parquet(CROSS_REGION, path, "2024-01", 6, batch_rows=1000, facilities=FACILITIES)
    ddf = dd.read_parquet(path, split_row_groups=True)  # a partition per row group, stays as lists
    assert ddf.npartitions == 4
    distributed_result = simulate_dask(CROSS_REGION, ddf, "2024-01", 6, facilities=FACILITIES, split_every=2)
    assert list(distributed_result.by_month["amount_fen"]) == list(streamed.by_month["amount_fen"])
    assert distributed_result.total_fen == streamed.total_fen > 0


def test_the_example_runs_and_its_totals_are_the_pandas_totals(client: Any) -> None:
    # On this module's cluster, as on a real one: only the scheduler's address is passed.
    address = client.scheduler.address
    done = subprocess.run(
        [sys.executable, str(EXAMPLE), "--copies", "6", "--months", "3", "--partitions", "4", "--scheduler", address],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "on 2 workers" in done.stdout
    printed = dict(re.findall(r"^(\S+): total_fen: (\d+)", done.stdout, flags=re.MULTILINE))
    spec = importlib.util.spec_from_file_location("dask_simulation", EXAMPLE)
    assert spec is not None and spec.loader is not None
    example = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(example)
    frame = example.sample_frame(6)
    facilities = ec.io.load_cases(ec.simulate.sample_population_path()).facilities
    assert sorted(printed) == sorted(example.POLICIES)
    for policy, total in printed.items():
        expected = ec.schedule_population(policy, frame, "2024-01-01", "2024-03-31", facilities)
        assert int(total) == int(expected["amount_fen"].sum())
    assert any(int(t) > 0 for t in printed.values())


def test_list_columns_that_dask_turned_into_text_are_refused_naming_the_cell_and_the_fix(
    client: Any, population: pd.DataFrame
) -> None:
    frame = population.iloc[:200].reset_index(drop=True)
    frame = frame.assign(
        categories=[["dibao", "kongchao"] if i % 3 == 0 else [] for i in range(len(frame))],
        programmes=[["weihai.virtual_platform"] if i % 4 == 0 else [] for i in range(len(frame))],
    )
    # Kept as lists by eldercare's from_pandas: the same results as the whole frame at once.
    got = evaluate_dask(CROSS_REGION, from_pandas(frame, npartitions=2), "2024-06-30", facilities=FACILITIES)
    expected = ec.evaluate_population(CROSS_REGION, frame, "2024-06-30", FACILITIES, reasons=False)
    pd.testing.assert_frame_equal(got.compute().reset_index(drop=True), expected)
    # dask's from_pandas with its string conversion on (the default, set here so that the test does
    # not depend on the machine's dask config): each list column is refused, on both paths.
    base = ["id", "birth_date", "hukou_region", "residence_region"]
    wanted = {
        "stays": ErrorId.INVALID_STAY,
        "categories": ErrorId.INVALID_CATEGORY,
        "programmes": ErrorId.INVALID_PARAMETER,
    }
    with dask.config.set({"dataframe.convert-string": True}):
        for column, error_id in wanted.items():
            as_text = dd.from_pandas(frame[[*base, column]], npartitions=2)
            assert pd.api.types.is_string_dtype(as_text.dtypes[column])  # what dask does to a list column
            paths = ["evaluate", "simulate"] if column == "stays" else ["evaluate"]
            for path in paths:
                with pytest.raises(ec.InvalidValue, match=r"eldercare\.dask\.from_pandas\(frame") as refused:
                    if path == "evaluate":
                        evaluate_dask(CROSS_REGION, as_text, "2024-06-30", facilities=FACILITIES).compute()
                    else:
                        simulate_dask(CROSS_REGION, as_text, "2024-01", 2, facilities=FACILITIES)
                assert refused.value.error_id == error_id
                field = refused.value.field or ""
                assert re.fullmatch(rf"population\.{column}\[row \d+ of partition [01], id 'p\d+'\]", field), field
                assert (refused.value.value or "").startswith("[")


def test_json_text_and_comma_separated_words_are_not_taken_for_python_lists() -> None:
    json_stays = ['[{"facility": "O\'Brien Home", "admitted": "2022-01-01"}]', "[]", None]
    assert _python_list_text(pd.Series(json_stays, dtype="string"), "stays") is None
    assert _python_list_text(pd.Series(["dibao,kongchao", None, ""], dtype="string"), "categories") is None
    python_stays = ["[]", "[{'facility': 'F1', 'admitted': datetime.date(2022, 1, 1)}]"]
    assert _python_list_text(pd.Series(python_stays, dtype="string"), "stays") == 1
    assert _python_list_text(pd.Series(["kongchao", "['dibao']"], dtype="string"), "categories") == 1
    assert _python_list_text(pd.Series([["dibao"], []], dtype=object), "categories") is None  # real lists
