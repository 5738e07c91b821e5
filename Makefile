# The two commands that matter: `make run` and `make test`. Each sets itself up.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)  ## serve the default pack on an embedded SQLite database
	$(BIN)/govern serve --policies policies/council-default

test: $(STAMP)  ## lint, type-check, validate the shipped pack, run every test and scenario
	$(BIN)/ruff check govern tests bench features
	$(BIN)/mypy
	$(BIN)/govern validate policies/council-default
	$(BIN)/pytest

bench: $(STAMP)
	$(BIN)/python bench/access.py

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache .mypy_cache .ruff_cache
