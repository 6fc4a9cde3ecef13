"""Redline over a revision corpus with Dask: JSON Lines of records in, the records `redline batch` writes out.

The input is what `redline batch` reads, one JSON object a line (`{"id", "original",
"reworked", "note"?}` or `{"id", "versions": [...]}`); each result line is what
`redline.compare_line` returns, which is byte for byte what `redline batch` writes for that
line, so a distributed run and a run of the command line give the same records in the same
order. Lines that cannot be compared are skipped, as the command skips them, and counted; the
input is cut into lines at "\n" only, as the command cuts it.

On one machine (a local cluster of worker processes):

    python examples/dask_batch.py records.jsonl results/ --workers 2

On a cluster, give the scheduler's address; every worker needs the `redline` package
(`pip install ./python` on each, or in the image the workers run):

    python examples/dask_batch.py s3://bucket/records-*.jsonl s3://bucket/results/ --scheduler tcp://scheduler:8786

The same with PySpark, documented here and not tested: `mapInPandas` hands each task batches
of lines as pandas frames, and `compare_line` turns each line into its result.

    import pandas as pd
    import redline
    from pyspark.sql import SparkSession

    def compare_frames(frames):
        for frame in frames:
            results = []
            for line in frame["value"]:
                if not line.strip():
                    continue
                try:
                    results.append(redline.compare_line(line))
                except ValueError:
                    pass  # skipped, as `redline batch` skips it
            yield pd.DataFrame({"value": results})

    spark = SparkSession.builder.getOrCreate()
    spark.read.text("records.jsonl").mapInPandas(compare_frames, "value string").write.text("results")

Spark does not keep the input's order across partitions unless asked; sort by the `id` field
of each result when the order matters.
"""

import argparse
import functools
import sys

import dask
import dask.bag as db
from dask.bytes import read_bytes

import redline


def lines_of(block):
    """The lines of a block of JSON Lines, as bytes. Lines end at b"\n" only, as
    `redline batch` reads them (Dask's `read_text` would also cut at a U+2028 inside a text, and
    the two halves of such a record would be lost); a CRLF file reads as an LF one, and blank
    lines are left out."""
    return [line.removesuffix(b"\r") for line in block.split(b"\n") if line.strip()]


def outcome(line, options):
    """("result", the result line) for one input line, or ("skipped", why) when
    `redline batch` would skip it."""
    try:
        return "result", redline.compare_line(line.decode("utf-8"), **options)
    except UnicodeDecodeError as err:
        return "skipped", f"not UTF-8 text (invalid byte at offset {err.start})"
    except ValueError as err:
        return "skipped", str(err)


def outcomes(records, *, blocksize="16MiB", **options):
    """A Dask bag of the outcome of every line of the records at `records` (a path or glob,
    local or remote as Dask reads it), in the input's order. `options` are
    `redline.compare_line`'s keyword arguments."""
    _, blocks = read_bytes(records, delimiter=b"\n", blocksize=blocksize, sample=False)
    lines = db.from_delayed([dask.delayed(lines_of)(block) for file in blocks for block in file])
    return lines.map(functools.partial(outcome, options=options))


def results(records, *, blocksize="16MiB", **options):
    """A Dask bag of the result lines, in the input's order, the lines `redline batch` would
    skip left out."""
    return outcomes(records, blocksize=blocksize, **options).filter(lambda pair: pair[0] == "result").pluck(1)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("records", help="JSON Lines of records (a path or a glob)")
    parser.add_argument("results", help="a folder for the result files, one per partition")
    parser.add_argument("--scheduler", help="a Dask scheduler's address; a local cluster without it")
    parser.add_argument("--workers", type=int, default=None, help="local cluster: worker processes")
    parser.add_argument("--full", action="store_true", help="put the whole comparison in each result")
    parser.add_argument("--blocksize", default="16MiB", help="bytes of input a task reads (Dask's sizes: 64MiB, 1000000)")
    args = parser.parse_args()

    from dask.distributed import Client, LocalCluster

    if args.scheduler:
        client = Client(args.scheduler)
    else:
        client = Client(LocalCluster(n_workers=args.workers, threads_per_worker=1, dashboard_address=None))
    with client:
        # last_endline: each file ends with its line's end, so that `cat results/*.jsonl` is
        # JSON Lines too (Dask's default leaves it off, joining one file's last record to the
        # next file's first).
        every = outcomes(args.records, blocksize=dask.utils.parse_bytes(args.blocksize), full=args.full).persist()
        kept = every.filter(lambda pair: pair[0] == "result").pluck(1)
        skipped = every.filter(lambda pair: pair[0] == "skipped").pluck(1)
        _, reasons = dask.compute(kept.to_textfiles(f"{args.results.rstrip('/')}/*.jsonl", last_endline=True, compute=False), skipped)
        for reason in reasons[:100]:
            print(f"dask_batch: skipped: {reason}", file=sys.stderr)
        print(f"dask_batch: {len(reasons)} lines skipped; results in {args.results}", file=sys.stderr)


if __name__ == "__main__":
    main()
