# Redline's commands. `make serve` runs the app and `make test` runs every test layer; both
# first install whatever is missing (scripts/bootstrap.sh), so they work on a fresh machine.

WASM := scripts/wasm.sh
E2E_MANIFEST := tests/e2e/Cargo.toml
PY_MANIFEST := python/Cargo.toml
PY_VENV := target/python-venv

.PHONY: serve test setup-serve setup-test lint test-native test-python test-browser test-e2e build dist card screenshots bench bench-browser bench-pages bench-edits bench-notes bench-batch fuzz

## Run the app on http://127.0.0.1:8080/ (rebuilds on every change).
serve: setup-serve
	$(WASM) trunk serve

## Run every test layer: lint, native, the Python package, browser (wasm-bindgen-test) and
## end-to-end.
test: setup-test
	$(MAKE) --no-print-directory lint test-native test-python test-browser test-e2e

setup-serve:
	@scripts/bootstrap.sh serve

setup-test:
	@scripts/bootstrap.sh test

## Formatting and clippy: the workspace natively, the app and the engine for wasm32, and the
## end-to-end crate.
lint:
	@echo "== lint: cargo fmt --check, clippy (native, wasm32, e2e) =="
	cargo fmt --all -- --check
	cargo fmt --manifest-path $(E2E_MANIFEST) -- --check
	cargo clippy --workspace --all-targets --all-features --quiet -- -D warnings
	$(WASM) cargo clippy --target wasm32-unknown-unknown --package redline --lib --bins --tests --quiet -- -D warnings
	$(WASM) cargo clippy --target wasm32-unknown-unknown --package redline-engine --lib --quiet -- -D warnings
	cargo clippy --manifest-path $(E2E_MANIFEST) --target-dir target --all-targets --quiet -- -D warnings
	cargo fmt --manifest-path $(PY_MANIFEST) -- --check
	cargo clippy --manifest-path $(PY_MANIFEST) --all-targets --quiet -- -D warnings

## Layer 1, natively: the engine (unit tests, properties, corpus, fuzz seeds, doc-tests), the
## command line run as a process, and the tidy rules. `cargo test -p redline-engine` alone
## never compiles the web app.
test-native:
	@echo "== native tests: cargo test --workspace --all-features =="
	cargo test --workspace --all-features

## The Python package: built from the engine with maturin and installed into the test venv
## (scripts/bootstrap.sh makes it) as a user's `pip install ./python` would, then its pytest
## tests, the Dask example's on a local cluster among them, against `redline batch`.
test-python:
	@echo "== Python package: pip install ./python (maturin), pytest =="
	cargo build --package redline-cli --quiet
	PATH="$(abspath $(PY_VENV))/bin:$$PATH" $(PY_VENV)/bin/pip install --quiet --disable-pip-version-check --no-build-isolation --force-reinstall --no-deps ./python
	cd python/tests && REDLINE_BIN=$(abspath target/debug/redline) ../../$(PY_VENV)/bin/python -m pytest -q -p no:cacheprovider --doctest-modules . $$(../../$(PY_VENV)/bin/python -c 'import redline, os; print(os.path.dirname(redline.__file__))')

## Layer 2: components and the engine inside wasm, in headless Chromium. The runner's browser
## keeps its 80 MB profile in TMPDIR and is killed, not closed, so it never deletes it: the
## recipe gives it a scratch TMPDIR and deletes that afterwards, pass or fail.
test-browser:
	@echo "== browser tests: wasm-bindgen-test in headless Chromium =="
	scratch=$$(mktemp -d -t redline-browser-tests.XXXXXX) && trap 'rm -rf "$$scratch"' EXIT && \
	TMPDIR=$$scratch $(WASM) cargo test --target wasm32-unknown-unknown --test web

## The release build in dist/, as users get it.
build:
	$(WASM) trunk build --release

## The release build as a static site to publish: dist/ works from any address and under any
## folder (every address in it is relative), with no server code. REDLINE_BASE_URL names the
## address it will be published at, for the card image link previews show
## (`make dist REDLINE_BASE_URL=https://example.github.io/redline/`). README: "Publish your own
## Redline".
dist: setup-serve build
	@node scripts/dist-size.mjs dist
	@echo "dist/ is ready: copy everything in it to any static host, as it is."

## Redraws the link-preview card (assets/card.png) from assets/card.svg in headless Chromium.
card:
	chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1200,630 \
		--screenshot=assets/card.png "file://$(CURDIR)/assets/card.svg"

## Layer 3: the release build served on loopback, driven through chromedriver.
test-e2e: build
	@echo "== download size of dist/ (gzip and brotli budgets: scripts/dist-size.mjs) =="
	node scripts/dist-size.mjs dist
	@echo "== end-to-end tests: release build in headless Chromium via chromedriver =="
	cargo test --manifest-path $(E2E_MANIFEST) --target-dir target

## README screenshots of the release build (docs/screenshots/), taken in headless Chromium.
screenshots: setup-test build
	cargo test --manifest-path $(E2E_MANIFEST) --target-dir target --test screenshots -- --ignored

BENCH_INPUTS := target/bench-inputs

## The standard benchmark inputs (bench/gen_corpus.py, wordfreq from PyPI), checked against bench/manifest.json.
$(BENCH_INPUTS)/manifest.json: bench/gen_corpus.py bench/manifest.json
	@test -x target/bench-venv/bin/python || { echo "bench: creating a Python venv with wordfreq 3.1.1 (the generator's vocabulary)"; python3 -m venv target/bench-venv && target/bench-venv/bin/pip install --quiet wordfreq==3.1.1; }
	target/bench-venv/bin/python bench/gen_corpus.py --out $(BENCH_INPUTS)
	cmp $(BENCH_INPUTS)/manifest.json bench/manifest.json

## Native engine benchmarks (divan) with a quality table, then jsdiff's diffWords on the same inputs.
bench: $(BENCH_INPUTS)/manifest.json
	cargo bench --package redline-engine --bench compare
	@test -d node_modules/diff || npm ci --no-audit --no-fund --silent
	node bench/jsdiff.mjs $(BENCH_INPUTS)
	cargo run --release --package redline-engine --example bench_edits
	cargo run --release --package redline-engine --example bench_notes

## Browser timings: the release build in headless Chromium on the bench inputs, jsdiff in the same page.
bench-browser: setup-test build $(BENCH_INPUTS)/manifest.json
	@test -d node_modules/diff || npm ci --no-audit --no-fund --silent
	REDLINE_BENCH_INPUTS=$(abspath $(BENCH_INPUTS)) cargo test --manifest-path $(E2E_MANIFEST) --target-dir target --test bench_browser -- --ignored --nocapture

## The page reader on the pages benchmark (PAGES, by default ../shared/corpus/pages): F1 of word
## 4-gram shingles for the HTML and for the Select-All copy of each page.
PAGES ?= ../shared/corpus/pages
bench-pages:
	cargo run --release --package redline-engine --features parse-html --example bench_pages -- $(PAGES)

## Redline's changes against the edits people marked on real Wikinews revisions (IteraTeR's
## expected_edits in tests/fixtures/pairs.jsonl), with jsdiff's diffWords scored alike.
bench-edits:
	@test -d node_modules/diff || npm ci --no-audit --no-fund --silent
	cargo run --release --package redline-engine --example bench_edits

## Note detection on the labelled set of real notes (tests/fixtures/notes/labelled*.jsonl):
## precision and recall per kind, for the tuning part and the held-out part.
bench-notes:
	cargo run --release --package redline-engine --example bench_notes

## `redline batch`, the Python call and the Dask example on real revision pairs: every edit of
## a Markdown article in the git histories of REPOS (git directories; bench/revisions.py says
## which were used and their licences), pairs a second on 1 and 2 cores.
REPOS ?= $(wildcard /work/.mirror/*/repo)
bench-batch: setup-test
	cargo build --release --package redline-cli --quiet
	python3 bench/revisions.py --out target/bench-revisions.jsonl $(REPOS)
	PATH="$(abspath $(PY_VENV))/bin:$$PATH" $(PY_VENV)/bin/pip install --quiet --disable-pip-version-check --no-build-isolation --force-reinstall --no-deps ./python
	$(PY_VENV)/bin/python bench/batch.py target/bench-revisions.jsonl --redline target/release/redline

## Fuzz the share-link decoder, the diff core, the whole comparison, the history and note
## detection (cargo-fuzz, nightly), each for FUZZ_SECONDS (600 by default) or FUZZ_RUNS
## executions. Not part of `make test`, which replays fuzz/seeds/ instead.
fuzz:
	scripts/fuzz.sh
