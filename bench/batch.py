"""Pairs a second for `redline batch`, the Python package and the Dask example, on 1 and 2 cores, on a corpus of real revision pairs.

Run by `make bench-batch` (which builds the corpus with bench/revisions.py first):
`python bench/batch.py RECORDS.jsonl --redline target/release/redline`. Every figure is one
run's wall-clock time on this machine, with nothing else running; the peak memory of the command
line is its maximum resident set size (`/usr/bin/time`), once on the whole corpus and once on
its first half, to show that it does not grow with the input.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import redline

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "python" / "examples"))
import dask_batch  # noqa: E402


def run_batch(binary, records, jobs):
    """Seconds and peak kB of one `redline batch` run, its output thrown away."""
    with tempfile.TemporaryDirectory() as scratch:
        times = Path(scratch) / "time"
        started = time.perf_counter()
        subprocess.run(
            ["/usr/bin/time", "-f", "%M", "-o", str(times), binary, "batch", str(records),
             "--jobs", str(jobs), "--progress", "never", "--output", os.devnull],
            check=True,
            stderr=subprocess.DEVNULL,
        )
        seconds = time.perf_counter() - started
        return seconds, int(times.read_text().split()[-1])


def python_calls(records, threads):
    """Seconds for `redline.compare` on every record from `threads` threads (the records are
    read and parsed before the clock starts)."""
    def one(record):
        redline.compare(record["original"], record["reworked"], record.get("note"))

    started = time.perf_counter()
    if threads == 1:
        for record in records:
            one(record)
    else:
        with ThreadPoolExecutor(threads) as pool:
            for _ in pool.map(one, records, chunksize=64):
                pass
    return time.perf_counter() - started


def dask_run(path, workers):
    """Seconds for the Dask example on a local cluster of `workers` processes, the results
    written to files as a real run writes them (the cluster's start not counted), and how
    many results were written."""
    from dask.distributed import Client, LocalCluster

    with LocalCluster(n_workers=workers, threads_per_worker=1, dashboard_address=None) as cluster, \
            Client(cluster), tempfile.TemporaryDirectory() as out:
        started = time.perf_counter()
        files = dask_batch.results(str(path), blocksize="16MiB").to_textfiles(f"{out}/*.jsonl", last_endline=True)
        seconds = time.perf_counter() - started
        written = sum(Path(file).read_text(encoding="utf-8").count("\n") for file in files)
        return seconds, written


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("records", type=Path)
    parser.add_argument("--redline", required=True)
    args = parser.parse_args()

    # Lines end at "\n" only: a text may hold U+2028, which str.splitlines() would cut at.
    lines = [line for line in args.records.read_text(encoding="utf-8").split("\n") if line]
    n = len(lines)
    size = args.records.stat().st_size
    half = args.records.with_name(args.records.stem + "-half.jsonl")
    half.write_text("\n".join(lines[: n // 2]) + "\n", encoding="utf-8")
    print(f"corpus: {n} pairs, {size / 1e6:.0f} MB, {os.cpu_count()} cores")
    rows = []
    for jobs in (1, 2):
        seconds, peak = run_batch(args.redline, args.records, jobs)
        rows.append((f"redline batch --jobs {jobs}", n, seconds, f"peak {peak / 1024:.0f} MB"))
    seconds, peak = run_batch(args.redline, half, 2)
    rows.append(("redline batch --jobs 2, first half", n // 2, seconds, f"peak {peak / 1024:.0f} MB"))
    records = [json.loads(line) for line in lines]
    del lines
    for threads in (1, 2):
        rows.append((f"redline.compare, {threads} thread{'s' if threads > 1 else ''}", n,
                     python_calls(records, threads), ""))
    del records
    for workers in (1, 2):
        seconds, written = dask_run(args.records, workers)
        rows.append((f"Dask, local cluster of {workers} worker process{'es' if workers > 1 else ''}", n,
                     seconds, f"{written} results written"))
    half.unlink()
    print("| run | pairs | seconds | pairs a second | |")
    print("| --- | ---: | ---: | ---: | --- |")
    for name, pairs, seconds, extra in rows:
        print(f"| {name} | {pairs} | {seconds:.1f} | {pairs / seconds:.0f} | {extra} |")


if __name__ == "__main__":
    main()
