"""Redline from Python: compare the original and the reworked version of an article, read against the correction note.

Every function runs Redline's Rust engine with the GIL released, so threads compare in
parallel, and returns plain dicts, lists and strings with the fields of the command line's JSON:

>>> import redline
>>> result = redline.compare("It cost $5.", "It cost $6.")
>>> result["n_changes"], result["changes"][0]["old"], result["changes"][0]["new"]
(1, '$5', '$6')
>>> result["facts"][0]["kind"]
'number'

- `compare(original, reworked, note=None, **options)`: one result of `redline batch`, without
  its id: `n_changes`, `stats`, `changes` (kinds, byte ranges, texts, whether the note explains
  each), `facts`, `note`, `check`; with `full=True` also the whole `comparison`.
- `compare_line(line, **options)`: one line of `redline batch`'s input to its output line,
  exactly as the command writes it (a bad line raises `ValueError` with the command's message).
- `extract(page, form="auto")`: the article found in a whole page, as `redline extract --json`.
- `notes(text)`: the notes a text holds, as `redline notes --json`.
- `link(*versions, note=None, notes=None, labels=None, base_url=..., view="inline", **options)`
  and `open_link(link)`: share links, as `redline link` and `redline open`.

The options are the page's: `unit` ("word", "character", "sentence"), `ignore_case`,
`ignore_whitespace`, `ignore_punctuation`, `cleanup` (join the words of a rewritten phrase,
True by default), `typography_is_change`, and for comparing, `whole_pages`.
"""

from ._redline import compare, compare_line, extract, link, notes, open_link

__all__ = ["compare", "compare_line", "extract", "link", "notes", "open_link"]
