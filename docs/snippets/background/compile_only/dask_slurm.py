"""Background (dask.md): Dask workers as SLURM jobs with dask-jobqueue. Compile-only: it needs a
SLURM cluster (and dask-jobqueue, which CI does not install)."""

# [start:slurm]
from dask_jobqueue import SLURMCluster
from distributed import Client

cluster = SLURMCluster(
    cores=8,
    processes=8,  # one single-threaded worker process per core: the engine threads itself
    memory="32GiB",
    walltime="02:00:00",
    job_script_prologue=["source ~/venvs/eldercare/bin/activate"],  # where eldercare's wheel is installed
)
cluster.scale(jobs=10)  # 80 worker processes
client = Client(cluster)
# [end:slurm]
client.close()
