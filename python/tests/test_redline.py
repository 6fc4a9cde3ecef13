"""The `redline` package on real texts: results as `redline batch` gives them, pages, notes, links, bad arguments, and the GIL released while the engine works."""

import gzip
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

import redline

FIXTURES = Path(__file__).resolve().parents[2] / "tests" / "fixtures"


def lines_of(text):
    """The lines of JSON Lines text. Lines end at "\n" only, as `redline batch` reads and
    writes them: str.splitlines() would also cut at a U+2028 inside a text."""
    return [line for line in text.split("\n") if line]


def fixture_pairs():
    """The real revision pairs of tests/fixtures/pairs.jsonl, as their lines."""
    return lines_of((FIXTURES / "pairs.jsonl").read_text(encoding="utf-8"))


def redline_bin():
    """The command line `make test` built (REDLINE_BIN), or the workspace's debug build."""
    path = Path(os.environ.get("REDLINE_BIN", FIXTURES.parents[1] / "target" / "debug" / "redline"))
    assert path.exists(), f"{path} is missing: build it with `cargo build -p redline-cli`"
    return str(path)


def at(text, ranges):
    """The text at each byte range, pieces apart joined as a result joins them."""
    data = text.encode("utf-8")
    return " … ".join(data[start:end].decode("utf-8") for start, end in ranges)


def test_compare_gives_changes_with_byte_ranges_facts_and_the_note_checked():
    original = "Council approves plan\n\nThe plan costs $50,000 and starts Monday in Zürich."
    reworked = "Council approves plan\n\nThe plan costs $30,000 and starts Tuesday in Zürich."
    result = redline.compare(original, reworked, "Correction: we misstated the cost.")
    assert result["n_changes"] == 2
    assert [change["kind"] for change in result["changes"]] == ["replaced", "replaced"]
    for change in result["changes"]:
        assert at(original, change["original"]) == change["old"]
        assert at(reworked, change["reworked"]) == change["new"]
    assert [(fact["kind"], fact["old"], fact["new"]) for fact in result["facts"]] == [
        ("number", "$50,000", "$30,000"),
        ("date", "Monday", "Tuesday"),
    ]
    assert [change["explained"] for change in result["changes"]] == [True, False]
    assert result["changes"][0]["explained_by"] == ["cost"]
    assert result["note"] == {
        "kind": "correction",
        "text": "Correction: we misstated the cost.",
        "given": True,
        "range": None,
    }
    assert (result["check"]["explained"], result["check"]["counted"]) == (1, 2)
    assert result["check"]["summary"].startswith("The note mentions 1 of 2 changes")
    assert "comparison" not in result
    whole = redline.compare(original, reworked, full=True)["comparison"]
    assert whole["n_changes"] == 2 and whole["blocks"]


def test_compare_is_one_batch_result_on_every_real_pair():
    lines = fixture_pairs()
    assert len(lines) > 20
    for line in lines:
        record = json.loads(line)
        expected = json.loads(redline.compare_line(line))
        assert expected.pop("id") == record["id"]
        got = redline.compare(record["original"], record["reworked"], record.get("note"))
        assert got == expected, record["id"]


def test_compare_line_writes_what_redline_batch_writes(tmp_path):
    lines = fixture_pairs() + ['{"id": "bad", "original": "one side"}']
    records = tmp_path / "records.jsonl"
    records.write_text("\n".join(lines) + "\n", encoding="utf-8")
    batch = subprocess.run(
        [redline_bin(), "batch", str(records), "--progress", "never"], capture_output=True, text=True
    )
    assert batch.returncode == 1, batch.stderr
    ours = []
    for line in lines:
        try:
            ours.append(redline.compare_line(line))
        except ValueError as err:
            message = str(err)
    assert lines_of(batch.stdout) == ours
    assert f"line {len(lines)}: {message}; skipped" in batch.stderr


def test_options_change_the_comparison_and_bad_ones_are_refused():
    assert redline.compare("The cat.", "the cat.")["n_changes"] == 1
    cosmetic = redline.compare("The cat.", "the cat.", ignore_case=True)
    assert cosmetic["n_changes"] == 0 and cosmetic["stats"]["cosmetic_changes"] == 1
    spelling = redline.compare("The colour.", "The color.", unit="character")
    assert spelling["changes"][0]["old"] == "u"
    with pytest.raises(ValueError, match="unit must be 'word', 'character' or 'sentence', not 'paragraph'"):
        redline.compare("a", "b", unit="paragraph")
    with pytest.raises(TypeError, match="unexpected keyword argument 'colour'"):
        redline.compare("a", "b", colour=True)
    with pytest.raises(TypeError):
        redline.compare("a", None)
    with pytest.raises(ValueError, match="needs \"original\" and \"reworked\""):
        redline.compare_line('{"reworked": "b"}')


def test_extract_finds_the_article_of_real_pages():
    truth = json.loads((FIXTURES / "pages" / "ground-truth.json").read_text(encoding="utf-8"))
    for key, marked in truth.items():
        html = gzip.decompress((FIXTURES / "pages" / "html" / f"{key}.html.gz").read_bytes()).decode("utf-8")
        page = redline.extract(html)
        assert page["form"] == "html"
        start, end = page["range"]
        assert page["page_text"].encode("utf-8")[start:end].decode("utf-8").startswith(page["article"][:40])
        # The article's first words are the marked article's.
        first = " ".join(marked["articleBody"].split()[:8])
        assert first in " ".join(page["article"].split()), key
    text = redline.extract("Headline\n\nOne paragraph.", form="text")
    assert text["form"] == "text" and text["page_text"] is None
    with pytest.raises(ValueError, match="form must be 'auto', 'html' or 'text'"):
        redline.extract("x", form="pdf")


def test_notes_are_found_with_their_kind_and_range():
    text = "The council approved 25,000 homes.\n\nCorrection: An earlier version misstated the number."
    found = redline.notes(text)
    assert [note["kind"] for note in found] == ["correction"]
    start, end = found[0]["range"]
    assert text.encode("utf-8")[start:end].decode("utf-8") == found[0]["text"]
    assert redline.notes("Nothing to see.") == []


def test_links_carry_the_versions_and_open_again():
    url = redline.link(
        "It rained.",
        "It snowed.",
        "It snowed a lot.",
        notes={3: "Update: how much."},
        labels={1: "09:00", 3: "17:00"},
        base_url="https://news-desk.example/redline/",
        view="side_by_side",
        ignore_case=True,
    )
    assert url.startswith("https://news-desk.example/redline/#v")
    opened = redline.open_link(url)
    assert [version["text"] for version in opened["versions"]] == ["It rained.", "It snowed.", "It snowed a lot."]
    assert [version["label"] for version in opened["versions"]] == ["09:00", "", "17:00"]
    assert opened["versions"][2]["note"] == "Update: how much."
    assert opened["view"] == "side_by_side" and opened["options"]["ignore_case"] is True
    fragment = redline.link("a b", "a c", note="Correction: c.", base_url="")
    assert fragment.startswith("#v")
    assert redline.open_link(fragment)["versions"][1]["note"] == "Correction: c."
    with pytest.raises(ValueError, match="starting with https:// or http://"):
        redline.link("a", "b", base_url="news.example/redline/")
    with pytest.raises(ValueError, match="2 to 32 versions, not 1"):
        redline.link("a")
    with pytest.raises(ValueError, match="numbered 1 to 2"):
        redline.link("a", "b", labels={3: "x"})
    with pytest.raises(ValueError, match="This link is damaged"):
        redline.open_link("#v4.AAAA")


def test_the_gil_is_released_while_the_engine_compares():
    # With a switch interval far longer than the test, a thread that holds the GIL keeps it:
    # the main thread can run while the worker is inside `compare` only if `compare` lets go.
    record = max((json.loads(line) for line in fixture_pairs()), key=lambda r: len(r["original"]))
    original, reworked = record["original"] * 40, record["reworked"] * 40
    seen = {"counter": 0}
    started = threading.Event()
    ran_during = []

    def work():
        before = seen["counter"]
        started.set()
        for _ in range(20):
            redline.compare(original, reworked)
            if seen["counter"] != before:
                break
        ran_during.append(seen["counter"] != before)

    old = sys.getswitchinterval()
    sys.setswitchinterval(1000)
    try:
        worker = threading.Thread(target=work)
        worker.start()
        started.wait()
        seen["counter"] += 1
        worker.join()
    finally:
        sys.setswitchinterval(old)
    assert ran_during == [True], "the main thread never ran while the engine compared"
