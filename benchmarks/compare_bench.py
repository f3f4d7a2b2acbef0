"""What costing a reform over a year takes, against simulating the baseline (issue 14).

    python3 benchmarks/compare_bench.py               # 200,000 synthetic Xicheng elders × 12 months
    python3 benchmarks/compare_bench.py --rows N --runs K

The reform is the analyst's of issue 14: Xicheng's cross-region care subsidy raised from 600 to 800
yuan a month and its stay shortened from 3 to 2 months. Both are measured in this run on the same
population, each the median of the runs:

* ``simulate_seconds``: ``eldercare.simulate_population`` of the baseline over 2024 (totals only);
* ``compare_seconds``: ``eldercare.compare(baseline, reform, population, period=2024)``: both
  policies paid month by month per person on the columnar engine, eligibility and the granting
  rules judged over the year, the per-person table and the summary built;
* ``compare_over_simulate``: their ratio (issue 14's target: at most 5).

Prints detail lines, then ``# summary`` and ``name: value`` lines (the format benchmarks/run collects).
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from typing import Callable, List

import eldercare as ec

XICHENG = "cn.beijing.xicheng.cross_region_care"


def median_seconds(f: Callable[[], object], runs: int) -> float:
    times: List[float] = []
    for _ in range(runs):
        start = time.perf_counter()
        f()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    population = ec.synthetic_population(args.rows, profile="xicheng", seed=1)
    reform = ec.reform(XICHENG, amounts={"jin_ji_meng": 800}, months={"jin_ji_meng": 2})
    facilities = population.facilities

    def simulate() -> object:
        return ec.simulate_population(XICHENG, population, "2024-01-01", 12, facilities=facilities)

    def compare() -> object:
        return ec.compare(XICHENG, reform, population, period=2024, facilities=facilities)

    simulate()  # a first run of each: imports, caches
    c = compare()
    assert isinstance(c, ec.Comparison)
    simulated = median_seconds(simulate, args.runs)
    compared = median_seconds(compare, args.runs)
    load = os.getloadavg()[0]
    print(f"eldercare {ec.__version__} from {os.path.dirname(ec.__file__)}")
    print(f"{args.rows} synthetic Xicheng elders x 12 months, median of {args.runs} runs, load average {load:.2f}")
    print(c)
    print("# summary")
    print(f"compare_rows: {args.rows}")
    print(f"simulate_seconds: {simulated:.4f}")
    print(f"compare_seconds: {compared:.4f}")
    print(f"compare_over_simulate: {compared / simulated:.2f}")


if __name__ == "__main__":
    main()
