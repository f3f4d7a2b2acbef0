#!/usr/bin/env python3
"""eldercare against OpenFisca on the same policy and population (issue 5: speedup_vs_openfisca).

The policy is cn.beijing.xicheng.cross_region_care under its default readings, written a second
time as a small OpenFisca country package (benchmarks/openfisca_xicheng/, openfisca-core from PyPI).
Both engines start from the same population in eldercare's flat schema (a persons table and a stays
table, numpy columns in memory): eldercare's synthetic Xicheng population (the C++ benchmark's, seed
0) when the installed eldercare has synthetic_population, else a numpy one with the same kinds of
cases. Each person's amount for every month of 2024 is compared, eldercare's against OpenFisca's, and
so are the monthly totals; any difference stops the benchmark with status 1 before a time is printed.

Phases timed (best of --repetitions each; warm-up, i.e. imports, OpenFisca's tax-benefit system,
eldercare's catalog policy and a first run on 1,000 rows, excluded for both):

  openfisca  prepare: the flat tables -> OpenFisca's input columns (stays joined with their
             facilities and spread into numbered slots: OpenFisca has no list-of-stays input);
             build: SimulationBuilder.build_default_simulation + set_input of each column;
             compute: simulation.calculate("cross_region_care", month) for the 12 months (each
             person's amount; the monthly totals are their sums).
  eldercare  build: eldercare.Population from the same tables (validation included);
             simulate: simulate_population, the 12 months' totals (columnar engine, no persons x
             months table);
             per person: each person's amount for the 12 months, as OpenFisca computes it:
             simulate_population(per_person=True) (schedule()'s amounts per person and month); on
             an older eldercare, evaluate_population on each month's last day (the policy's test
             day) or schedule_population.

Summary: speedup_vs_openfisca = OpenFisca's compute / eldercare's simulate: the 12 months of the
policy run on the built population, each engine answering "what is paid each month" its own way
(OpenFisca computes every person's amount and the totals are their sums; eldercare's simulation
keeps totals only). speedup_vs_openfisca_per_person is like for like on the output: eldercare also
writes every person's amount for each month (simulate_population(per_person=True), the 12M-cell
int64 table that dominates its time). *_rows_per_s are persons carried through the 12 months per
second; speedup_vs_openfisca_end_to_end adds every build phase to both.

    python3 benchmarks/openfisca_bench.py --quick          # 1,000,000 persons, best of 2 (about 15 s)
    python3 benchmarks/openfisca_bench.py                  # 2,000,000 persons, best of 3
    python3 benchmarks/openfisca_bench.py --population numpy   # the numpy population even when
                                                               # eldercare.synthetic_population exists
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from typing import Any, Callable, Dict, List, Optional, Tuple

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from openfisca_core.simulation_builder import SimulationBuilder
from openfisca_xicheng import XichengTaxBenefitSystem
from openfisca_xicheng.population import Cases, generate, openfisca_inputs, synthetic_cases

import eldercare as ec

POLICY = "cn.beijing.xicheng.cross_region_care"
YEAR = 2024
MONTHS = [f"{YEAR}-{m:02d}" for m in range(1, 13)]
#: Each month's test day: its last day (the policy's versions test at the month's end).
TEST_DAYS = [
    (np.datetime64(m, "M") + np.timedelta64(1, "M")).astype("datetime64[D]") - np.timedelta64(1, "D") for m in MONTHS
]


def openfisca_run(tbs: XichengTaxBenefitSystem, cases: Cases) -> Tuple[np.ndarray, Dict[str, float]]:
    """Every person's yuan for each month (float32, persons x months) and the phase times."""
    t0 = time.perf_counter()
    inputs = openfisca_inputs(cases.persons, cases.stays, cases.facilities)
    t1 = time.perf_counter()
    simulation = SimulationBuilder().build_default_simulation(tbs, len(cases))
    for name, values in inputs.items():
        simulation.set_input(name, "ETERNITY", values)
    t2 = time.perf_counter()
    yuan = np.stack([simulation.calculate("cross_region_care", month) for month in MONTHS], axis=1)
    t3 = time.perf_counter()
    return yuan, {"prepare": t1 - t0, "build": t2 - t1, "compute": t3 - t2}


def _columnar_evaluate() -> bool:
    """Whether evaluate_population runs on the columnar engine (its `path` option came with it);
    the older person-per-row path is far slower per date than schedule_population."""
    import inspect

    parameters = inspect.signature(ec.evaluate_population).parameters
    return "path" in parameters and "reasons" in parameters


def _simulate_per_person() -> bool:
    """Whether the installed eldercare gives every person's monthly amounts from one simulation."""
    import inspect

    return hasattr(ec, "simulate_population") and "per_person" in inspect.signature(ec.simulate_population).parameters


def eldercare_run(cases: Cases) -> Tuple[np.ndarray, Optional[np.ndarray], Dict[str, float], str]:
    """Every person's fen for each month (int64, persons x months), simulate_population's monthly
    totals (None without it), the phase times and the per-person API used."""
    times: Dict[str, float] = {}
    t = time.perf_counter()
    population = ec.Population(cases.persons, stays=cases.stays, facilities=cases.facilities)
    times["build"] = time.perf_counter() - t
    totals = None
    if hasattr(ec, "simulate_population"):
        t = time.perf_counter()
        result = ec.simulate_population(POLICY, population, f"{YEAR}-01-01", 12, facilities=population.facilities)
        times["simulate"] = time.perf_counter() - t
        totals = np.asarray(result.by_month["amount_fen"], dtype=np.int64)
    t = time.perf_counter()
    if _simulate_per_person():
        how = "simulate_population(per_person=True)"
        result = ec.simulate_population(
            POLICY, population, f"{YEAR}-01-01", 12, facilities=population.facilities, per_person=True
        )
        fen = result.amounts_fen
    elif _columnar_evaluate():
        how = "evaluate_population on each month's last day"
        fen = np.stack(
            [
                ec.evaluate_population(POLICY, population, str(day), population.facilities, reasons=False)[
                    "amount_fen"
                ].to_numpy()
                for day in TEST_DAYS
            ],
            axis=1,
        )
    else:
        how = "schedule_population (wide)"
        fen = ec.schedule_population(
            POLICY, population, f"{YEAR}-01-01", f"{YEAR}-12-31", population.facilities, wide=True
        ).to_numpy()
    times["per_person"] = time.perf_counter() - t
    return np.asarray(fen, dtype=np.int64), totals, times, how


def to_fen(yuan: np.ndarray) -> np.ndarray:
    """OpenFisca's float32 yuan as integer fen. Exact for these amounts (600 and 200 are float32
    numbers); the check below would catch a rounding that was not."""
    return np.rint(yuan.astype(np.float64) * 100).astype(np.int64)


def check_equal(ours_fen: np.ndarray, theirs_yuan: np.ndarray, cases: Cases) -> None:
    theirs_fen = to_fen(theirs_yuan)
    if ours_fen.shape != theirs_fen.shape:
        sys.exit(f"openfisca_bench: result shapes differ: eldercare {ours_fen.shape}, OpenFisca {theirs_fen.shape}")
    differ = np.argwhere(ours_fen != theirs_fen)
    if len(differ):
        lines = [f"openfisca_bench: {len(differ)} person-months differ between eldercare and OpenFisca; the first:"]
        for row, month in differ[:10]:
            pid = cases.persons["id"][row]
            mine = cases.stays["person_id"] == pid
            stays = "; ".join(
                f"{f} {a}..{d}"
                for f, a, d in zip(
                    cases.stays["facility"][mine], cases.stays["admitted"][mine], cases.stays["discharged"][mine]
                )
            )
            lines.append(
                f"  person {pid!r} {MONTHS[month]}: eldercare {ours_fen[row, month]} fen, OpenFisca "
                f"{theirs_fen[row, month]} fen (birth {cases.persons['birth_date'][row]}, hukou "
                f"{cases.persons['hukou_region'][row]}, stays: {stays or 'none'})"
            )
        sys.exit("\n".join(lines))


def best_of(repetitions: int, run: Callable[[], Tuple[Any, Dict[str, float]]]) -> Tuple[Any, Dict[str, float]]:
    """The result of the last run and each phase's best time over the runs."""
    best: Dict[str, float] = {}
    result = None
    for _ in range(repetitions):
        result, times = run()
        best = {phase: min(seconds, best.get(phase, seconds)) for phase, seconds in times.items()}
    return result, best


def check_totals(ours: Optional[np.ndarray], theirs_yuan: np.ndarray) -> None:
    theirs = to_fen(theirs_yuan).sum(axis=0)
    if ours is not None and not np.array_equal(ours, theirs):
        sys.exit(
            f"openfisca_bench: simulate_population's monthly totals {ours.tolist()} differ from OpenFisca's "
            f"{theirs.tolist()} (fen)"
        )


def main(argv: List[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="1,000,000 persons, best of 2")
    parser.add_argument("--rows", type=int, default=None, help="persons (default 2,000,000; 1,000,000 with --quick)")
    parser.add_argument("--repetitions", type=int, default=None, help="best of N (default 3; 2 with --quick)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--population",
        choices=("auto", "synthetic", "numpy"),
        default="auto",
        help="eldercare.synthetic_population (the C++ benchmark's) when installed, else numpy",
    )
    args = parser.parse_args(argv)
    rows = args.rows if args.rows is not None else (1_000_000 if args.quick else 2_000_000)
    repetitions = args.repetitions if args.repetitions is not None else (2 if args.quick else 3)
    if rows < 1:
        parser.error(f"--rows must be at least 1, got {rows}")
    if repetitions < 1:
        parser.error(f"--repetitions must be at least 1, got {repetitions}")

    t = time.perf_counter()
    cases = None
    source = "numpy generator (benchmarks/openfisca_xicheng/population.py, calibrated shares)"
    if args.population != "numpy":
        cases = synthetic_cases(rows, seed=args.seed)
        if cases is not None:
            source = "eldercare.synthetic_population(profile='xicheng') via Population.to_arrow()"
        elif args.population == "synthetic":
            sys.exit("openfisca_bench: --population synthetic: the installed eldercare has no synthetic_population")
    if cases is None:
        cases = generate(rows, seed=args.seed)
    drawn = time.perf_counter() - t

    # Warm-up, excluded from both: the tax-benefit system, the catalog policy, a first small run.
    tbs = XichengTaxBenefitSystem()
    warm = generate(1000, seed=args.seed + 1, shares={"jin_ji_meng": 0.3, "ecological_area": 0.2, "other": 0.2})
    warm_ours, warm_totals, _, _ = eldercare_run(warm)
    warm_theirs, _ = openfisca_run(tbs, warm)
    check_equal(warm_ours, warm_theirs, warm)
    check_totals(warm_totals, warm_theirs)

    theirs, of_times = best_of(repetitions, lambda: openfisca_run(tbs, cases))
    how = ""

    def ours_run() -> Tuple[Tuple[np.ndarray, Optional[np.ndarray]], Dict[str, float]]:
        nonlocal how
        fen, totals, times, how = eldercare_run(cases)
        return (fen, totals), times

    (ours, totals), ec_times = best_of(repetitions, ours_run)
    check_equal(ours, theirs, cases)
    check_totals(totals, theirs)

    paid = ours > 0
    print(f"population: {rows:,} persons, {len(cases.stays['person_id']):,} stays; {source}; drawn in {drawn:.2f} s")
    print(f"months: {MONTHS[0]} to {MONTHS[-1]}; best of {repetitions} per phase; warm-up excluded for both")
    print(
        f"agreement: all {ours.size:,} person-months equal in fen (OpenFisca's float32 yuan x 100, rounded)"
        + (", and simulate_population's monthly totals" if totals is not None else "")
        + f"; {int(paid.sum()):,} paid, {int(paid.any(axis=1).sum()):,} persons paid in some month, "
        f"{int(ours.sum()):,} fen in all"
    )
    for amount in np.unique(ours[paid]):
        print(f"  paid {amount / 100:.2f} yuan: {int((ours == amount).sum()):,} person-months")
    print(
        f"openfisca: prepare {of_times['prepare']:.3f} s (stays -> slot columns), build {of_times['build']:.3f} s "
        f"(build_default_simulation + set_input), compute {of_times['compute']:.3f} s (12 x calculate)"
    )
    simulate = f", simulate {ec_times['simulate']:.3f} s (simulate_population)" if "simulate" in ec_times else ""
    print(
        f"eldercare: build {ec_times['build']:.3f} s (Population from the tables){simulate}, per person "
        f"{ec_times['per_person']:.3f} s ({how})"
    )
    # The headline is the simulation (the months' payments from the built population); the
    # per-person line adds writing every person-month, as OpenFisca's arrays hold them.
    ours_compute = ec_times.get("simulate", ec_times["per_person"])
    openfisca_total = of_times["prepare"] + of_times["build"] + of_times["compute"]
    print("# summary")
    print(f"speedup_vs_openfisca: {of_times['compute'] / ours_compute:.1f}")
    print(f"openfisca_rows_per_s: {rows / of_times['compute']:.4g}")
    print(f"eldercare_rows_per_s: {rows / ours_compute:.4g}")
    print(f"speedup_vs_openfisca_end_to_end: {openfisca_total / (ec_times['build'] + ours_compute):.2f}")
    print(f"speedup_vs_openfisca_per_person: {of_times['compute'] / ec_times['per_person']:.1f}")
    print(f"openfisca_compute_s: {of_times['compute']:.3f}")
    print(f"openfisca_prepare_and_build_s: {of_times['prepare'] + of_times['build']:.3f}")
    print(f"eldercare_build_s: {ec_times['build']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
