"""The distributed example (examples/dask_batch.py) on a local Dask cluster of worker processes: exactly the records `redline batch` writes for the same input."""

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

from test_redline import fixture_pairs, lines_of, redline_bin

distributed = pytest.importorskip("dask.distributed")

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "dask_batch.py"


def load_example():
    spec = importlib.util.spec_from_file_location("dask_batch", EXAMPLE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def client():
    # Worker processes, as on a real cluster: each imports `redline` on its own, and the
    # records and results travel between processes.
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    )
    with distributed.Client(cluster) as client:
        yield client
    cluster.close()


def records_file(tmp_path):
    """The real pairs three times over, with versions, a record whose texts hold U+2028 and
    U+0085 (which Python counts as line ends), a cut line, a line that is not UTF-8 and a blank
    line among them, in small blocks so that the bag has several partitions."""
    lines = [line.encode("utf-8") for line in fixture_pairs()]
    pairs = [json.loads(line) for line in lines[:6]]
    history = {"id": "history", "versions": [pair["original"] for pair in pairs[:3]]}
    separators = {"id": "separators", "original": "One line\u2028and the next.\u0085End.",
                  "reworked": "One line\u2028and another.\u0085End."}
    mixed = (
        lines
        + [b'{"id": "cut", "original": "It co', b""]
        + lines
        + [json.dumps(history).encode(), json.dumps(separators, ensure_ascii=False).encode()]
        + [b'{"id": "latin-1", "original": "caf\xe9", "reworked": "cafe"}']
        + lines
    )
    path = tmp_path / "records.jsonl"
    path.write_bytes(b"\n".join(mixed) + b"\n")
    return path


def batch_run(path, *options):
    batch = subprocess.run(
        [redline_bin(), "batch", str(path), "--progress", "never", *options], capture_output=True
    )
    return batch.returncode, lines_of(batch.stdout.decode("utf-8")), batch.stderr.decode("utf-8")


def test_the_distributed_run_gives_exactly_the_records_of_redline_batch(tmp_path, client):
    path = records_file(tmp_path)
    example = load_example()
    every = example.outcomes(str(path), blocksize=64 * 1024)
    assert every.npartitions > 3
    every = every.compute()
    code, expected, stderr = batch_run(path)
    assert code == 1, stderr
    assert [text for kind, text in every if kind == "result"] == expected
    assert len(expected) == 3 * len(fixture_pairs()) + 2
    assert any('"id":"separators"' in line for line in expected)
    # The same lines skipped, for the same reasons.
    reasons = [text for kind, text in every if kind == "skipped"]
    assert len(reasons) == 2
    assert [f"{reason}; skipped" for reason in reasons] == [
        line.split(": ", 2)[2] for line in stderr.splitlines() if line.startswith("redline batch: line ")
    ]


def test_options_and_files_on_the_cluster_match_the_command_line(tmp_path, client):
    path = records_file(tmp_path)
    example = load_example()
    out = tmp_path / "results"
    files = example.results(str(path), blocksize=64 * 1024, unit="character", full=True).to_textfiles(
        f"{out}/*.jsonl"
    )
    written = []
    for file in sorted(files, key=lambda name: int(Path(name).stem)):
        written.extend(lines_of(Path(file).read_text(encoding="utf-8")))
    _, expected, _ = batch_run(path, "--unit", "character", "--full")
    assert written == expected
    assert all("comparison" in json.loads(line) for line in written[:3])


def test_the_example_runs_as_its_documentation_says(tmp_path):
    path = records_file(tmp_path)
    out = tmp_path / "results"
    run = subprocess.run(
        [sys.executable, str(EXAMPLE), str(path), str(out), "--workers", "1", "--blocksize", "65536"], capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    assert "dask_batch: 2 lines skipped; results in" in run.stderr
    files = sorted(out.glob("*.jsonl"), key=lambda name: int(name.stem))
    assert len(files) > 3
    # The files joined are JSON Lines, as `redline batch` writes them.
    joined = b"".join(file.read_bytes() for file in files)
    assert joined.endswith(b"\n")
    assert lines_of(joined.decode("utf-8")) == batch_run(path)[1]
