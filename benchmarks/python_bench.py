"""The Python API's cost over the C++ engine (issue 5), and what analysts wait for in Python.

    python3 benchmarks/python_bench.py            # 10,000,000 synthetic Xicheng rows × 12 months
    python3 benchmarks/python_bench.py --quick    # the same, fewer repetitions: under a minute here
    python3 benchmarks/python_bench.py --rows N   # another population size

Prints detail lines, then ``# summary``, then ``name: value`` lines (the format benchmarks/run
collects). The overheads are (time through the Python API - time in C++) / time in C++, both
measured in this run on the same population:

* simulate: ``eldercare.simulate_population`` timed around the call; the time in C++ is the timer
  the binding keeps around ``simulate_months`` alone (``SimulationResult.cpp_seconds``);
* evaluate: ``eldercare.evaluate_population(..., reasons=False)`` timed around the call (the result
  DataFrame built); the time in C++ is that of ``evaluate_batch_into`` alone, as the private
  ``_core.evaluate_columns`` reports it (``cpp_seconds``) in that very call (a wrapper records it),
  so both figures come from the same run with the same caches. Measured at 100,000 rows
  (``python_overhead_evaluate_100k``) and at 1,000,000 (``python_overhead_evaluate``; the --rows
  count when smaller).

Each is the median of several runs. ``python_overhead`` is the larger of simulate's and evaluate's
at 1,000,000 rows.

Building populations (``population_from_*_rows_per_s``): ``eldercare.Population`` of the same
synthetic rows (at most 1,000,000) from a pyarrow Table, a RecordBatch, a dict of numpy columns
(text as object arrays) and a pandas DataFrame (``Population.to_arrow()``/``to_frame()``), best of
a few runs after a first one. ``evaluate_result_rows_per_s``: rows per second of what
evaluate_population adds to the engine (the call minus ``cpp_seconds``), i.e. building the
result frame; ``simulate_per_person_seconds``: ``simulate_population(..., per_person=True)`` on
1,000,000 rows (the --rows count when smaller) × 12 months.

One decision with its explanation (issue 16): ``python_single_decision_with_explanation_us`` is the
median of ``str(eldercare.catalog.evaluate(...))`` for a Xicheng elder with a stay;
``cpp_single_decision_with_explanation_us`` the median of C++ ``evaluate`` + ``explain`` for the same
person and entry in the same process (the private ``_core.catalog_decision_us``, the loop of
batch_bench.cpp); ``python_vs_cpp_single_decision`` their ratio (goal: at most 3).
"""

from __future__ import annotations

import argparse
import resource
import statistics
import time
from typing import Callable, Dict, List, Tuple

import eldercare as ec
from eldercare import _core

XICHENG = "cn.beijing.xicheng.cross_region_care"


def timed(f: Callable[[], object]) -> Tuple[float, object]:
    start = time.perf_counter()
    out = f()
    return time.perf_counter() - start, out


def median_seconds(f: Callable[[], object], repetitions: int) -> float:
    return statistics.median(timed(f)[0] for _ in range(repetitions))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    parser.add_argument("--rows", type=int, default=None, help="rows of the simulated population")
    args = parser.parse_args()
    # The simulation runs on the population the C++ benchmark uses (10M Xicheng elders × 12 months) in
    # both modes: the engine's call is then long enough (tens of ms) to time the Python around it;
    # --quick only repeats less.
    rows = args.rows or 10_000_000
    evaluate_rows = min(rows, 1_000_000)
    reps = 3 if args.quick else 5
    summary: List[str] = []

    # The population: synthetic Xicheng elders, drawn in C++ in chunks.
    stream = ec.SyntheticPopulation(profile="xicheng", seed=1)
    seconds, pop = timed(lambda: stream.next(rows))
    print(f"synthetic population: {rows} rows in {seconds:.2f} s ({rows / seconds:,.0f} rows/s)")
    policy = ec.catalog.policy(XICHENG)

    # simulate_population: 12 months (after a first call on a few rows: imports pandas, builds the plan's caches).
    ec.simulate_population(policy, ec.synthetic_population(100, profile="xicheng"), "2024-01-01", 12)
    walls, cpps = [], []
    for _ in range(max(2, reps - 2)):
        wall, r = timed(lambda: ec.simulate_population(policy, pop, "2024-01-01", 12))
        walls.append(wall)
        cpps.append(r.cpp_seconds)  # type: ignore[attr-defined]
    wall, cpp = statistics.median(walls), statistics.median(cpps)
    simulate_overhead = (wall - cpp) / cpp
    print(
        f"simulate_population {rows} rows × 12 months: {wall:.3f} s through Python, {cpp:.3f} s in C++ "
        f"(simulate_months), total {r.total_fen / 100:,.0f} yuan"  # type: ignore[attr-defined]
    )
    summary.append(f"python_overhead_simulate: {simulate_overhead:.4f}")

    # evaluate_population on the columnar engine, grants only: the call and, from within it, the
    # engine's own time (the private binding wrapped to record cpp_seconds).
    def evaluate_overhead(population: ec.Population, repetitions: int) -> Tuple[float, float, float]:
        from eldercare import _population

        engine = _core.evaluate_columns
        seen: List[float] = []

        def recording(*a: object) -> object:
            r = engine(*a)
            seen.append(r["cpp_seconds"])  # type: ignore[index]
            return r

        _population._core = type("recording_core", (), {"__getattr__": lambda _, k: getattr(_core, k)})()
        _population._core.evaluate_columns = recording  # type: ignore[attr-defined]
        try:
            ec.evaluate_population(policy, population, "2024-06-30", reasons=False)  # ids made once, pages touched
            runs = []
            for _ in range(repetitions):
                seen.clear()
                wall, _out = timed(lambda: ec.evaluate_population(policy, population, "2024-06-30", reasons=False))
                runs.append((wall, seen[0]))
                del _out
        finally:
            _population._core = _core
        wall = statistics.median(w for w, _ in runs)
        cpp = statistics.median(c for _, c in runs)
        return wall, cpp, statistics.median((w - c) / c for w, c in runs)

    small = stream.next(100_000)
    wall, cpp, overhead_100k = evaluate_overhead(small, reps * 7)
    print(f"evaluate_population 100000 rows: {wall * 1e3:.2f} ms through Python, {cpp * 1e3:.2f} ms in C++")
    summary.append(f"python_overhead_evaluate_100k: {overhead_100k:.4f}")
    large = pop if evaluate_rows == rows else stream.next(evaluate_rows)
    wall, cpp, overhead = evaluate_overhead(large, reps * 3)
    print(
        f"evaluate_population {evaluate_rows} rows: {wall * 1e3:.2f} ms through Python, {cpp * 1e3:.2f} ms in C++ "
        f"(evaluate_batch_into)"
    )
    summary.append(f"python_overhead_evaluate: {overhead:.4f}")
    summary.append(f"evaluate_result_rows_per_s: {evaluate_rows / max(wall - cpp, 1e-9):.0f}")
    summary.append(f"python_overhead: {max(simulate_overhead, overhead):.4f}")

    # simulate_population keeping each person's months (8 bytes a person-month: at most 1,000,000 rows).
    def per_person(population: ec.Population) -> float:
        ec.simulate_population(policy, population, "2024-01-01", 12)
        return median_seconds(lambda: ec.simulate_population(policy, population, "2024-01-01", 12, per_person=True), 3)

    seconds = per_person(large)
    print(f"simulate_population {len(large)} rows × 12 months, per_person=True: {seconds:.3f} s")
    summary.append(f"simulate_per_person_seconds: {seconds:.4f}")
    wall_persons = median_seconds(
        lambda: ec.evaluate_population(policy, small, "2024-06-30", reasons=False, path="persons"), 1
    )
    print(f"evaluate_population 100000 rows, path='persons': {wall_persons:.3f} s (materialised once)")
    del large

    # Building a Population from the flat schema: Arrow (Table, RecordBatch), numpy columns, pandas.
    part = pop if len(pop) <= 1_000_000 else stream.next(1_000_000)
    table = part.to_arrow()

    def numpy_columns(t: object) -> Dict[str, object]:
        return {n: (c if n == "stays" else c.to_numpy(zero_copy_only=False)) for n, c in zip(t.column_names, t.columns)}  # type: ignore[attr-defined]

    inputs: Dict[str, Callable[[], object]] = {  # made one at a time: one copy of the rows held at once
        "arrow": lambda: table,
        "record_batch": lambda: table.combine_chunks().to_batches()[0],
        "numpy": lambda: numpy_columns(table),
        "frame": part.to_frame,
    }
    facilities = part.facilities

    def build(data: object) -> float:
        ec.Population(data, facilities=facilities)  # first use: imports, pages
        return min(timed(lambda: ec.Population(data, facilities=facilities))[0] for _ in range(max(2, reps - 1)))

    for name, make in inputs.items():
        seconds = build(make())
        print(f"Population({name}) of {len(part)} rows: {seconds:.3f} s ({len(part) / seconds:,.0f} rows/s)")
        summary.append(f"population_from_{name}_rows_per_s: {len(part) / seconds:.0f}")
    del inputs

    # A reform of the catalog Xicheng policy, built from Python.
    def build_reform() -> object:
        return ec.reform(
            XICHENG, amounts={"jin_ji_meng": 800}, add_conditions={"jin_ji_meng": ec.conditions.age_at_least(65)}
        )

    build_reform()
    times = [timed(build_reform)[0] for _ in range(50 if args.quick else 200)]
    print(f"reform construction: median {statistics.median(times) * 1e3:.3f} ms, max {max(times) * 1e3:.3f} ms")
    summary.append(f"reform_construction_ms: {statistics.median(times) * 1e3:.3f}")

    # One decision with its explanation, through Python, and the same in C++ in this process (the
    # loop of batch_bench's single_decision_with_explanation_us, run by the binding on the catalog
    # entry built once), so that the ratio comes from one run on one machine load.
    elder = pop.person(0)
    for i in range(200):
        if pop.person(i).stays:
            elder = pop.person(i)
            break

    def explained() -> str:
        return str(ec.catalog.evaluate(XICHENG, elder, "2024-06-30", facilities))

    explained()
    decisions = 2000 if args.quick else 10000
    times = [timed(explained)[0] for _ in range(decisions)]
    python_us = statistics.median(times) * 1e6
    cpp_us, _bytes = _core.catalog_decision_us(XICHENG, elder._impl, "2024-06-30", facilities._impl, decisions)
    print(
        f"single decision with explanation ({elder.id}): median {python_us:.1f} µs through Python, "
        f"{cpp_us:.1f} µs in C++ (evaluate + explain)"
    )
    summary.append(f"python_single_decision_with_explanation_us: {python_us:.1f}")
    summary.append(f"cpp_single_decision_with_explanation_us: {cpp_us:.2f}")
    summary.append(f"python_vs_cpp_single_decision: {python_us / cpp_us:.2f}")

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(f"peak resident memory: {peak:.0f} MiB ({rows} rows held)")
    summary.append(f"python_peak_rss_mib: {peak:.0f}")

    print("# summary")
    for line in summary:
        print(line)


if __name__ == "__main__":
    main()
