"""Background (dask.md): the simulation on a running Dask cluster. Compile-only: it needs a
scheduler at tcp://scheduler:8786 and the data on object storage; the runnable twin, on a local
cluster, is docs/snippets/background/dask_local_cluster.py."""

# [start:cluster]
import dask.dataframe as dd
from distributed import Client

import eldercare as ec
from eldercare.dask import simulate_dask

client = Client("tcp://scheduler:8786")  # the only line that differs from a run on one machine
people = dd.read_parquet("s3://bucket/population/", split_row_groups=True)  # a partition per row group
result = simulate_dask(
    "cn.beijing.xicheng.cross_region_care", people, "2024-01", 12, facilities=ec.synthetic_facilities()
)
print(result.by_month, ec.format_fen(result.total_fen))
# [end:cluster]
client.close()
