"""Background (dask.md): eldercare.dask on a local cluster, checked against the one-process paths.

A Parquet file of synthetic elders is read by dask a partition per row group and simulated where
each partition lies; the totals must equal the file streamed in one process. A pandas DataFrame with
list columns is partitioned with eldercare.dask.from_pandas (dask's own from_pandas would turn the
lists into their text, which eldercare refuses: checked too)."""

import warnings

# [start:setup]
import dask.dataframe as dd
from distributed import Client, LocalCluster

import eldercare as ec
from eldercare import parquet as ecpq
from eldercare.dask import evaluate_dask, from_pandas, simulate_dask

POLICY = "cn.beijing.xicheng.cross_region_care"
facilities = ec.synthetic_facilities()  # the facilities synthetic stays refer to
ecpq.write_population_parquet("population.parquet", 3000, seed=4, row_group_rows=1000)  # 3 row groups
# [end:setup]

# dask's read_parquet calls DataFrame.reset_index(inplace=True), which pandas 3 deprecates; the test
# suite turns warnings into errors, and the workers here are threads of this process.
warnings.filterwarnings("ignore", message="The inplace keyword in DataFrame.reset_index is deprecated")

# [start:local]
# Two workers in this process (threads): the same calls as on a real cluster, where only the
# Client changes (Client("tcp://scheduler:8786")).
with (
    LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as cluster,
    Client(cluster),
):
    people = dd.read_parquet("population.parquet", split_row_groups=True)  # a partition per row group
    result = simulate_dask(POLICY, people, "2024-01", 12, facilities=facilities)
    print(result.by_month[["month", "eligible", "amount_fen"]])
    print(ec.format_fen(result.total_fen), "yuan over 12 months")
    # [end:local]
    assert people.npartitions == 3
    streamed = ecpq.simulate_parquet(POLICY, "population.parquet", "2024-01", 12, facilities=facilities)
    assert result.total_fen == streamed.total_fen > 0
    assert list(result.by_month["amount_fen"]) == list(streamed.by_month["amount_fen"])

    # [start:from_pandas]
    frame = ec.synthetic_population(1000, seed=9).to_frame()  # stays: a list of dicts per person
    partitions = from_pandas(frame, npartitions=4)  # not dd.from_pandas: it turns lists into text
    results = evaluate_dask(POLICY, partitions, "2024-06-30", facilities=facilities)  # lazy
    # [end:from_pandas]
    got = results.compute()
    whole = ec.evaluate_population(POLICY, frame, "2024-06-30", facilities)
    assert list(got["amount_fen"]) == list(whole["amount_fen"])
    assert 0 < int(got["eligible"].sum()) < len(frame)
    assert any(len(s) for s in frame["stays"] if s is not None)  # the list column matters here

    # [start:refused]
    try:
        evaluate_dask(POLICY, dd.from_pandas(frame, npartitions=4), "2024-06-30", facilities=facilities).compute()
    except ec.InvalidValue as refused:
        print(refused)  # population.stays[row ..., id '...'] = '[{'facility': ...': the text of a Python list...
        # [end:refused]
        # The first list column met: categories (lists of words since issue 14) or stays.
        assert refused.field is not None and refused.field.startswith(
            ("population.categories[row ", "population.stays[row ")
        )
        assert "eldercare.dask.from_pandas" in str(refused)
    else:
        raise AssertionError("dd.from_pandas's text of a stays list was accepted")
