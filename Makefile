PYTHON ?= python3
PORT ?= 8501
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test bench build lint clean browser-deps

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

data/events.csv: | $(STAMP)
	$(BIN)/python -m dashboard build

build: $(STAMP)
	$(BIN)/python -m dashboard build

run: $(STAMP) data/events.csv
	$(BIN)/streamlit run dashboard/page/app.py --server.address localhost --server.port $(PORT)

tests/browser/node_modules/.package-lock.json: tests/browser/package-lock.json
	-npm ci --prefix tests/browser --no-audit --no-fund --ignore-scripts

browser-deps: tests/browser/node_modules/.package-lock.json

test: $(STAMP) browser-deps
	$(BIN)/lint-imports
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/lint-imports

bench: $(STAMP)
	$(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV)
