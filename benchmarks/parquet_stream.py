"""Streaming a synthetic population from Parquet through eldercare.parquet.simulate_parquet.

    python3 benchmarks/parquet_stream.py --rows 2000000 [--batch-rows 65536] [--path FILE] [--keep]
                                         [--repetitions N] [--stages]

Writes `--rows` synthetic elders to a Parquet file (row groups of `--batch-rows`), in a child
process so that this process's peak RSS is the streaming's alone, then simulates 12 months of a
catalog policy over the file batch by batch and prints rows/s, peak RSS (``ru_maxrss``) and the
totals, ending with ``# summary`` and ``name: value`` lines. Memory must not grow with `--rows`:
compare the peak RSS of two sizes.

Beside it, the least work any reader of the file must do: pyarrow's own iteration over the same
file's record batches (``ParquetFile.iter_batches``, the same batch size, threads, and the same
columns, those simulate_parquet reads for the policy's totals), which decodes them and nothing
else. ``stream_vs_decode`` is the streaming's time over that one (1.0: streaming costs no more than
decoding). With ``--repetitions N`` both are timed N times, alternately, and the best of each kept.
With ``--stages``, the stages of simulate_parquet's path for totals are also timed one at a time
on one thread (decoding, building the C++ columns, simulating, the Python per batch), in ns a row:
what the overlapped stream is made of.

The population comes from ``eldercare.synthetic_population`` (via write_population_parquet) when
the installed eldercare has it; otherwise from the small numpy generator below (persons with a
Xicheng or other Beijing hukou, 5% in one of three facilities), which stands in until it lands.
"""

from __future__ import annotations

import argparse
import os
import pathlib
import resource
import subprocess
import sys
import time
from typing import Any, Dict, List

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

import eldercare as ec
from eldercare import parquet as ecpq

ROOT = pathlib.Path(__file__).resolve().parents[1]
# Named after the generator: the two generators' stays refer to different facilities.
DEFAULT_PATH = (
    ROOT
    / "build"
    / "parquet_stream"
    / ("synthetic.parquet" if hasattr(ec, "SyntheticPopulation") else "fallback.parquet")
)

# Facilities of the fallback generator's stays.
FALLBACK_FACILITIES = [
    ec.Facility("F1", "131082", filing=ec.Filing("131082", "2019-03-01")),
    ec.Facility("F2", "120101", filing=ec.Filing("120101", "2021-06-01")),
    ec.Facility("F3", "110102"),
]
_EPOCH_1925 = int(np.datetime64("1925-01-01", "D").astype(np.int64))
_EPOCH_2022 = int(np.datetime64("2022-01-01", "D").astype(np.int64))


def fallback_chunk(rng: np.random.Generator, first_id: int, n: int) -> pa.Table:
    """`n` persons in the flat schema with a ``stays`` list column, built without a per-row loop."""
    codes = np.array([110102, 110104, 110105, 110108, 131082, 120101], dtype=np.int64)
    hukou = rng.choice(codes[:4], n, p=[0.6, 0.1, 0.2, 0.1])
    residence = np.where(rng.random(n) < 0.8, hukou, rng.choice(codes, n))
    birth = (_EPOCH_1925 + rng.integers(0, 365 * 45, n)).astype(np.int32)
    has_stay = rng.random(n) < 0.05
    offsets = np.concatenate([[0], np.cumsum(has_stay)]).astype(np.int32)
    k = int(has_stay.sum())
    admitted = (_EPOCH_2022 + rng.integers(0, 900, k)).astype(np.int32)
    discharged = admitted + rng.integers(10, 400, k).astype(np.int32)
    ongoing = rng.random(k) < 0.7
    stays = pa.StructArray.from_arrays(
        [
            pa.array(np.array(["F1", "F2", "F3"], dtype=object)[rng.integers(0, 3, k)], type=pa.string()),
            pa.array(admitted, type=pa.int32()).cast(pa.date32()),
            pa.array(discharged, type=pa.int32(), mask=ongoing).cast(pa.date32()),
        ],
        names=["facility", "admitted", "discharged"],
    )
    return pa.table(
        {
            "id": pa.array(np.arange(first_id, first_id + n, dtype=np.int64)),
            "birth_date": pa.array(birth, type=pa.int32()).cast(pa.date32()),
            "hukou_region": pa.array(hukou),
            "residence_region": pa.array(residence),
            "stays": pa.ListArray.from_arrays(pa.array(offsets), stays),
        }
    )


def write(path: pathlib.Path, rows: int, row_group_rows: int, seed: int) -> str:
    """Writes the population; returns which generator made it."""
    if hasattr(ec, "SyntheticPopulation"):
        ecpq.write_population_parquet(path, rows, profile="xicheng", seed=seed, row_group_rows=row_group_rows)
        return "eldercare.synthetic_population"
    path.parent.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)
    writer = None
    done = 0
    try:
        while done < rows:
            n = min(row_group_rows, rows - done)
            table = fallback_chunk(rng, done, n)
            if writer is None:
                writer = pq.ParquetWriter(path, table.schema, compression="zstd")
            writer.write_table(table, row_group_size=n)
            done += n
    finally:
        if writer is not None:
            writer.close()
    return "fallback numpy generator (benchmarks/parquet_stream.py)"


def facilities() -> Any:
    if hasattr(ec, "synthetic_facilities"):
        return ec.synthetic_facilities()
    return ec.FacilityRegistry(FALLBACK_FACILITIES)


def decoded_columns(policy: str, path: pathlib.Path, first_month: str, months: int) -> List[str]:
    """The columns simulate_parquet reads for `policy`'s totals over the file (every column of the
    schema when it cannot read fewer)."""
    source = ecpq._Source(path, "population", ecpq._REQUIRED, ecpq._KNOWN)
    if not hasattr(ecpq, "_totals_columns"):  # an installed eldercare from before projection
        return list(source.columns)
    first = ecpq._first_of_month(first_month)
    target = ecpq._Target(policy, None)
    columns = ecpq._totals_columns(source, target, *ecpq._month_span(first, months), "hukou")
    return list(source.columns) if columns is None else list(columns)


def decode(path: pathlib.Path, batch_rows: int, columns: List[str]) -> float:
    """Seconds pyarrow takes to iterate over the file's record batches of `columns` (decoding them)."""
    start = time.perf_counter()
    reader = pq.ParquetFile(path, pre_buffer=False)  # as simulate_parquet opens it
    for _ in reader.iter_batches(batch_size=batch_rows, columns=columns, use_threads=True):
        pass
    return time.perf_counter() - start


def stages(
    policy: str, path: pathlib.Path, batch_rows: int, first_month: str, months: int, registry: Any
) -> Dict[str, float]:
    """Seconds of each stage of simulate_parquet's path for totals, run one after the other on one
    thread (its batches appended into populations of ``_SIMULATED_ROWS`` rows, as it does): nothing
    overlapped, so each is that stage's cost alone."""
    from eldercare import _core

    first = ecpq._first_of_month(first_month)
    span = ecpq._month_span(first, months)
    source = ecpq._Source(path, "population", ecpq._REQUIRED, ecpq._KNOWN)
    target = ecpq._Target(policy, None)
    columns = ecpq._totals_columns(source, target, *span, "hukou")
    if columns is None or not hasattr(_core.population, "append_arrow"):
        return {}
    given = list(source.columns)
    limit = getattr(ecpq, "_SIMULATED_ROWS", batch_rows)
    seconds = dict.fromkeys(("decode", "arrow_columns", "build", "simulate", "python"), 0.0)
    totals = ecpq._RawTotals()
    spare: List[Any] = []
    group: Any = None

    def timed(stage: str, work: Any, *args: Any) -> Any:
        start = time.perf_counter()
        out = work(*args)
        seconds[stage] += time.perf_counter() - start
        return out

    def simulate(population: Any) -> None:
        def run() -> Any:
            _core.check_inputs(target.impl, population, registry._impl, *span)
            return _core.simulate_columns(target.impl, population, first, months, registry._impl, "hukou", False)

        timed("python", totals.add, timed("simulate", run))
        spare.append(population)

    batches = source.batches(batch_rows, columns)
    while (batch := timed("decode", next, batches, None)) is not None:
        arrays = timed("arrow_columns", ecpq._arrow_columns, batch)
        if group is None:
            group = timed(
                "build",
                _core.population.from_arrow,
                arrays,
                batch.num_rows,
                registry._impl,
                given,
                spare.pop() if spare else None,
            )
        else:
            timed("build", group.append_arrow, arrays, batch.num_rows, registry._impl, given)
        if len(group) >= limit:
            simulate(group)
            group = None
    if group is not None:
        simulate(group)
    return seconds


def current_rss_mb() -> float:
    """The resident set now (Linux), to tell a leak (growing) from a high-water mark; NaN elsewhere."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def main(argv: List[str]) -> int:
    parser = argparse.ArgumentParser(description="Stream a synthetic population from Parquet.")
    parser.add_argument("--rows", type=float, default=2_000_000, help="persons (2e6, 3e8 ... accepted)")
    parser.add_argument("--batch-rows", type=int, default=ecpq.DEFAULT_BATCH_ROWS)
    parser.add_argument("--path", type=pathlib.Path, default=DEFAULT_PATH)
    parser.add_argument("--policy", default="cn.beijing.xicheng.cross_region_care")
    parser.add_argument("--first-month", default="2024-01")
    parser.add_argument("--months", type=int, default=12)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", action="store_true", help="reuse the file if it has --rows rows")
    parser.add_argument("--repetitions", type=int, default=1, help="time streaming and decoding N times each")
    parser.add_argument("--stages", action="store_true", help="also time each stage alone (ns a row)")
    parser.add_argument("--write-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    rows = int(args.rows)

    if args.write_only:  # the child: write, report the generator
        print(write(args.path, rows, args.batch_rows, args.seed))
        return 0

    write_seconds = 0.0
    generator = "existing file"
    reuse = args.keep and args.path.exists() and pq.ParquetFile(args.path).metadata.num_rows == rows
    if not reuse:
        start = time.perf_counter()
        child = subprocess.run(
            [
                sys.executable,
                __file__,
                "--write-only",
                "--rows",
                str(rows),
                "--batch-rows",
                str(args.batch_rows),
                "--path",
                str(args.path),
                "--seed",
                str(args.seed),
            ],
            check=True,
            capture_output=True,
            text=True,
        )
        write_seconds = time.perf_counter() - start
        generator = child.stdout.strip().splitlines()[-1]
    writer_rss_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    file_mb = os.path.getsize(args.path) / 2**20
    print(f"file: {args.path} ({file_mb:.1f} MB, {rows:,} rows; {generator}; written in {write_seconds:.1f} s)")

    registry = facilities()
    rss_before_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    last_report = [time.perf_counter()]

    def progress(done: int, total: int) -> None:
        now = time.perf_counter()
        if now - last_report[0] > 10 or done == total:
            rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(f"  {done:,}/{total:,} rows, RSS {current_rss_mb():.0f} MB (peak {rss:.0f} MB)", flush=True)
            last_report[0] = now

    columns = decoded_columns(args.policy, args.path, args.first_month, args.months)
    stream_seconds = decode_seconds = float("inf")
    for repetition in range(max(args.repetitions, 1)):
        decode_seconds = min(decode_seconds, decode(args.path, args.batch_rows, columns))
        start = time.perf_counter()
        result = ecpq.simulate_parquet(
            args.policy,
            args.path,
            args.first_month,
            args.months,
            batch_rows=args.batch_rows,
            facilities=registry,
            progress=progress if repetition == 0 else None,
        )
        stream_seconds = min(stream_seconds, time.perf_counter() - start)
    print(
        f"decoding the columns read ({', '.join(columns)}): {decode_seconds:.3f} s; streaming: {stream_seconds:.3f} s"
    )
    peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(result.by_month.to_string(index=False))
    print(f"total: {ec.format_fen(result.total_fen)} yuan over {args.months} months")
    stage_seconds = (
        stages(args.policy, args.path, args.batch_rows, args.first_month, args.months, registry) if args.stages else {}
    )
    if stage_seconds:
        print("each stage alone, ns a row: " + ", ".join(f"{k} {v / rows * 1e9:.1f}" for k, v in stage_seconds.items()))
    print("# summary")
    summary = {
        "rows": rows,
        "batch_rows": args.batch_rows,
        "policy": args.policy,
        "engine": result.engine,
        "generator": generator,
        "file_mb": f"{file_mb:.1f}",
        "write_seconds": f"{write_seconds:.1f}",
        "writer_peak_rss_mb": f"{writer_rss_mb:.0f}",
        "stream_seconds": f"{stream_seconds:.2f}",
        "decode_seconds": f"{decode_seconds:.2f}",
        "decode_columns": ",".join(columns),
        "stream_vs_decode": f"{stream_seconds / decode_seconds:.2f}",
        "rows_per_second": f"{rows / stream_seconds:.0f}",
        "rss_before_stream_mb": f"{rss_before_mb:.0f}",
        "peak_rss_mb": f"{peak_rss_mb:.0f}",
        "peak_arrow_mb": f"{result.peak_arrow_bytes / 2**20:.1f}",
        "total_fen": result.total_fen,
        "eligible_person_months": int(result.by_month["eligible"].sum()),
    }
    for name, seconds in stage_seconds.items():
        summary[f"stage_{name}_ns_per_row"] = f"{seconds / rows * 1e9:.1f}"
    for name, value in summary.items():
        print(f"{name}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
