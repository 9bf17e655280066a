# newsgraph: `make demo` and `make test` set up a fresh machine on their own.
PYTHON ?= python3.11
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
DB     ?= newsgraph.duckdb
PORT   ?= 8000

.PHONY: venv demo test bench lint typecheck clean

$(STAMP): pyproject.toml requirements.lock
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "need $(PYTHON) (Python 3.11) on PATH"; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	$(PY) -m newsgraph.stories.embed build
	$(PY) -m newsgraph.geo.cityindex build
	touch $(STAMP)

venv: $(STAMP)

demo: $(STAMP)
	rm -f demo.duckdb demo.duckdb.wal demo.duckdb.stories.state
	$(VENV)/bin/newsgraph ingest examples/seeds --manifest examples/seeds/manifest.jsonl --db demo.duckdb
	$(VENV)/bin/newsgraph articles --db demo.duckdb
	$(VENV)/bin/newsgraph events --db demo.duckdb --limit 15
	$(VENV)/bin/newsgraph timeline RUS TUR --by month --db demo.duckdb
	$(VENV)/bin/newsgraph serve --db demo.duckdb --port $(PORT)

test: $(STAMP)
	bash scripts/install_browser.sh
	NEWSGRAPH_REQUIRE_BROWSER=1 $(PY) -m pytest -q

bench: $(STAMP)
	$(PY) -m bench

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests bench
	$(VENV)/bin/mypy

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
