"""A population simulated with Dask on a local cluster of 2 worker processes.

    python3 examples/dask_simulation.py [--copies 50] [--months 12] [--scheduler tcp://host:8786]

The bundled synthetic sample (324 persons, eldercare/data/sample_population.json) is repeated
`--copies` times under new ids, split into partitions, and evaluated where each partition lies;
the month totals of each policy are added up and printed. On a real cluster only the Client line
changes (docs/dask.md). The test suite runs this script and checks its totals.
"""

from __future__ import annotations

import argparse
import contextlib
from typing import Any, Dict, List

import pandas as pd

import eldercare as ec

POLICIES = (
    "cn.beijing.xicheng.cross_region_care",
    "cn.beijing.elderly_allowances.advanced_age",
    "cn.beijing.elderly_allowances.disability_care",
)


def sample_frame(copies: int) -> pd.DataFrame:
    """The bundled sample in the flat schema, `copies` times (ids ``xc001#0``, ``xc001#1``, ...).

    Stays and categories are list columns, so the frame is partitioned with
    ``eldercare.dask.from_pandas``: ``dd.from_pandas`` would turn each list into its text."""
    cases = ec.io.load_cases(ec.simulate.sample_population_path())
    rows: List[Dict[str, Any]] = []
    for p in cases.persons:
        rows.append(
            {
                "id": p.id,
                "birth_date": p.birth_date.isoformat(),
                "hukou_region": p.hukou.region.value,
                "residence_region": p.residence.region.value,
                "rural": p.residence.rural,
                "ability_level": None if p.ability is None else p.ability.level.value,
                "ability_assessed_on": None if p.ability is None else p.ability.assessed_on.isoformat(),
                "categories": list(p.categories),
                "disability_category": None if p.disability is None else p.disability.category,
                "disability_grade": None if p.disability is None else p.disability.grade,
                "stays": [
                    {"facility": s.facility, "admitted": s.admitted, "discharged": s.discharged} for s in p.stays
                ],
            }
        )
    one = pd.DataFrame(rows)
    frames = [one.assign(id=one["id"] + f"#{k}") for k in range(copies)]
    return pd.concat(frames, ignore_index=True)


def main() -> None:
    from distributed import Client, LocalCluster

    from eldercare.dask import evaluate_dask, from_pandas, simulate_dask

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=50)
    parser.add_argument("--months", type=int, default=12)
    parser.add_argument("--partitions", type=int, default=8)
    parser.add_argument(
        "--scheduler", help="address of a running scheduler (tcp://host:8786); default: a local cluster"
    )
    args = parser.parse_args()

    facilities = ec.io.load_cases(ec.simulate.sample_population_path()).facilities
    people = sample_frame(args.copies)
    # The one line that changes on a real cluster (docs/dask.md): where the Client connects.
    if args.scheduler:
        cluster: Any = contextlib.nullcontext()
        client = Client(args.scheduler)
    else:
        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    with cluster, client:
        ddf = from_pandas(people, npartitions=args.partitions)  # keeps the list columns as lists
        workers = len(client.scheduler_info()["workers"])
        print(f"persons: {len(people)} in {ddf.npartitions} partitions on {workers} workers")
        for policy in POLICIES:
            result = simulate_dask(policy, ddf, "2024-01", args.months, facilities=facilities)
            eligible_june = evaluate_dask(policy, ddf, "2024-06-30", facilities=facilities)["eligible"].sum()
            print(
                f"{policy}: total_fen: {result.total_fen} ({ec.format_fen(result.total_fen)} yuan over "
                f"{args.months} months); eligible on 2024-06-30: {int(eligible_june.compute())}"
            )


if __name__ == "__main__":
    main()
