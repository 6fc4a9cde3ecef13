"""Types of the Rust extension `redline._redline` (python/src/lib.rs)."""

from typing import Any, Literal, Mapping, Optional, TypedDict, Union

Unit = Literal["word", "character", "sentence"]
View = Literal["inline", "side_by_side", "changes_only"]
NoteKind = Literal["correction", "update", "clarification", "retraction", "disclaimer"]

class Stats(TypedDict):
    original_words: int
    reworked_words: int
    words_added: int
    words_removed: int
    words_unchanged: int
    similarity: float
    paragraphs_added: int
    paragraphs_removed: int
    paragraphs_changed: int
    paragraphs_moved: int
    headline_changed: bool
    cosmetic_changes: int

class _ChangeRequired(TypedDict):
    change: int
    kind: Literal["deleted", "inserted", "replaced", "moved"]
    original: list[list[int]]
    reworked: list[list[int]]
    old: str
    new: str
    explained: bool

class Change(_ChangeRequired, total=False):
    explained_by: list[str]
    note_part: Literal["note", "edited", "section", "reference", "struck", "flag", "stamp"]

class Fact(TypedDict):
    kind: Literal["headline", "subtitle", "subheading", "number", "date", "name", "quotation", "link", "paragraph"]
    old: str
    new: str
    change: int

class NoteFound(TypedDict):
    kind: NoteKind
    text: str
    given: bool
    range: Optional[list[int]]

class Claim(TypedDict):
    # A name ("caption", "reworked") or a name with what the note says ({"quoted": "…"}).
    kind: Union[str, dict[str, Any]]
    text: str
    changes: list[int]
    matched: bool

class Check(TypedDict):
    summary: str
    explained: int
    counted: int
    unmentioned_fact_changes: list[int]
    claims: list[Claim]

class _ResultRequired(TypedDict):
    n_changes: int
    stats: Stats
    changes: list[Change]
    facts: list[Fact]
    note: Optional[NoteFound]
    check: Check

# "from" is a Python keyword, so these keys are declared the functional way.
_StepAndWhole = TypedDict("_StepAndWhole", {"from": int, "to": int, "comparison": dict[str, Any]}, total=False)

class Result(_ResultRequired, _StepAndWhole): ...

class Extracted(TypedDict):
    article: str
    range: list[int]
    pieces: list[list[int]]
    frame_before_bytes: int
    frame_after_bytes: int
    form: Literal["html", "text"]
    page_text: Optional[str]
    headline: Optional[str]
    byline: Optional[str]
    published: Optional[str]
    modified: Optional[str]
    url: Optional[str]
    captured: Optional[str]

class Note(TypedDict):
    kind: NoteKind
    range: list[int]
    text: str

def compare(
    original: str,
    reworked: str,
    note: Optional[str] = None,
    *,
    unit: Unit = "word",
    ignore_case: bool = False,
    ignore_whitespace: bool = False,
    ignore_punctuation: bool = False,
    cleanup: bool = True,
    typography_is_change: bool = False,
    whole_pages: bool = False,
    full: bool = False,
) -> Result: ...
def compare_line(
    line: str,
    *,
    unit: Unit = "word",
    ignore_case: bool = False,
    ignore_whitespace: bool = False,
    ignore_punctuation: bool = False,
    cleanup: bool = True,
    typography_is_change: bool = False,
    whole_pages: bool = False,
    full: bool = False,
) -> str: ...
def extract(page: str, *, form: Literal["auto", "html", "text"] = "auto") -> Extracted: ...
def notes(text: str) -> list[Note]: ...
def link(
    *versions: str,
    note: Optional[str] = None,
    notes: Optional[Mapping[int, str]] = None,
    labels: Optional[Mapping[int, str]] = None,
    base_url: str = "http://127.0.0.1:8080/",
    view: View = "inline",
    unit: Unit = "word",
    ignore_case: bool = False,
    ignore_whitespace: bool = False,
    ignore_punctuation: bool = False,
    cleanup: bool = True,
    typography_is_change: bool = False,
) -> str: ...
def open_link(link: str) -> dict[str, Any]: ...
