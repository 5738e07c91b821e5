# The two commands that matter: `make run` and `make test`. Each sets itself up.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test lint bench models clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)  ## serve the default pack on an embedded SQLite database (govern.db), port 8000
	$(BIN)/govern serve --policies policies/council-default --db govern.db

test: $(STAMP)  ## lint, types, the pack, the models, every test and scenario (PostgreSQL, Chromium, Squid too, as root)
	$(BIN)/ruff check govern tests bench features
	$(BIN)/mypy
	$(BIN)/govern validate policies/council-default
	$(BIN)/python -m govern.moderation.train --check
	bash scripts/browser.sh
	bash scripts/squid.sh
	bash scripts/oidc.sh
	GOVERN_TEST_PG="$$(bash scripts/postgres.sh)" $(BIN)/pytest
	$(BIN)/govern test --policies policies/council-default features --min-coverage 100 --mutate > /dev/null

models: $(STAMP)  ## retrain the moderation classifiers from govern/data/
	$(BIN)/python -m govern.moderation.train

bench: $(STAMP)  ## every benchmark in one table (bench/RESULTS.md records the latest)
	$(BIN)/python bench/run_all.py
	$(BIN)/python bench/drafts_quality.py
	$(BIN)/python bench/moderation_quality.py

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache .mypy_cache .ruff_cache
