#!/usr/bin/env bash
# Background (dask.md): a Dask cluster started by hand, and eldercare installed on its machines.
# Compile-only (bash -n): it needs several machines that see each other.
set -euo pipefail

# [start:wheel]
# Once, from the eldercare checkout, on a machine like the workers (platform and Python):
python3 -m pip wheel --no-build-isolation --no-deps . -w dist/
# On every worker machine (and the client), or baked into the workers' image:
python3 -m pip install dist/eldercare-*.whl dask distributed pandas numpy pyarrow
# [end:wheel]

# [start:by_hand]
dask scheduler --port 8786                                                      # on one machine
dask worker tcp://SCHEDULER:8786 --nworkers 8 --nthreads 1 --memory-limit 4GiB  # on each worker machine
# [end:by_hand]
