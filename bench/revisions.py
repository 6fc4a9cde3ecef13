"""Real revision pairs for the batch benchmark: every edit of a Markdown article in the git histories of public sites.

Each commit that modified a Markdown file (`.md`, `.markdown`) in a repository's history gives
one pair, the file before the commit (`original`) and after it (`reworked`), as a `redline batch`
record with its source: `{"id", "original", "reworked", "source_repo", "source_commit",
"source_path", "license"}`. Pairs where either side has fewer than 30 words, or both sides are
the same, are left out. The records are written in the order of the repositories given, each
newest commit first.

The repositories are git directories, as the workplace's `fetch` brings them (no work tree is
needed): `python3 bench/revisions.py --out target/bench-revisions.jsonl DIR...`. The licence of
each repository is read from the table below, by its `owner/name`; the records stay in target/
and are never committed (the benchmark measures on them, the tests do not read them).
"""

import argparse
import json
import subprocess
import sys
from pathlib import Path

# Each site's licence for its text, as its repository states it.
LICENCES = {
    "18F/18f.gsa.gov": "public domain (U.S. Government work), CC0 1.0 worldwide (LICENSE.md)",
    "JuliaLang/www.julialang.org": "MIT (LICENSE.md)",
    "cds-snc/digital-canada-ca": "MIT (LICENSE)",
    "elixir-lang/elixir-lang.github.com": "Apache-2.0 (as the Elixir project states; no licence file in the site's repository)",
    "golang/website": "content CC BY 4.0, code BSD-3-Clause (LICENSE and the site's footer)",
    "scala/scala-lang": "not stated for the site's text (license.md is the Scala language's licence, Apache-2.0)",
    "tokio-rs/website": "MIT (LICENSE)",
}

MIN_WORDS = 30


def repo_name(git_dir: Path) -> str:
    """`owner/name` from a mirror's folder, `owner+name/repo`."""
    folder = git_dir.parent.name if git_dir.name == "repo" else git_dir.name
    return folder.replace("+", "/", 1)


def git(git_dir: Path, *args: str) -> str:
    return subprocess.run(
        ["git", f"--git-dir={git_dir}", *args],
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def edits(git_dir: Path):
    """(commit, first parent, path) for every modification of a Markdown file in the history of HEAD (merges left out)."""
    log = git(
        git_dir,
        "log",
        "--no-merges",
        "--diff-filter=M",
        "--format=@%H %P",
        "--name-only",
        "HEAD",
        "--",
        "*.md",
        "*.markdown",
    )
    commit = parent = None
    for line in log.splitlines():
        if line.startswith("@"):
            hashes = line[1:].split()
            commit, parent = hashes[0], (hashes[1] if len(hashes) > 1 else None)
        elif line and commit and parent:
            yield commit, parent, line


class Blobs:
    """Reads `rev:path` objects through one `git cat-file --batch` process."""

    def __init__(self, git_dir: Path):
        self.process = subprocess.Popen(
            ["git", f"--git-dir={git_dir}", "cat-file", "--batch"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )

    def read(self, spec: str):
        self.process.stdin.write(spec.encode() + b"\n")
        self.process.stdin.flush()
        header = self.process.stdout.readline().split()
        if len(header) < 3 or header[1] != b"blob":
            return None
        data = self.process.stdout.read(int(header[2]))
        self.process.stdout.read(1)
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            return None

    def close(self):
        self.process.stdin.close()
        self.process.wait()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True, type=Path)
    parser.add_argument("repos", nargs="+", type=Path, help="git directories")
    args = parser.parse_args()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    total = 0
    with args.out.open("w", encoding="utf-8") as out:
        for git_dir in args.repos:
            name = repo_name(git_dir)
            blobs = Blobs(git_dir)
            kept = 0
            for commit, parent, path in edits(git_dir):
                original = blobs.read(f"{parent}:{path}")
                reworked = blobs.read(f"{commit}:{path}")
                if original is None or reworked is None or original == reworked:
                    continue
                if min(len(original.split()), len(reworked.split())) < MIN_WORDS:
                    continue
                record = {
                    "id": f"{name}@{commit[:12]}:{path}",
                    "original": original,
                    "reworked": reworked,
                    "source_repo": name,
                    "source_commit": commit,
                    "source_path": path,
                    "license": LICENCES.get(name, "not recorded"),
                }
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
                kept += 1
            blobs.close()
            print(f"{name}: {kept} pairs", file=sys.stderr)
            total += kept
    print(f"{total} pairs in {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
