# The two commands of the README:
#   make run   set everything up and serve the app on http://127.0.0.1:5000
#   make test  set everything up and run every test (SQLite and PostgreSQL)

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app wsgi

.PHONY: run test setup setup-test system system-test bench clean

run: setup
	$(FLASK) db upgrade
	$(FLASK) seed
	$(FLASK) create-first-admin
	$(FLASK) run --host 127.0.0.1 --port 5000

test: setup-test
	OMP_THREAD_LIMIT=1 $(BIN)/pytest $(PYTEST_ARGS)

bench: setup-test
	OMP_THREAD_LIMIT=1 $(BIN)/python -m benchmarks.ocr_bench
	$(BIN)/python -m benchmarks.letters_bench

setup: system $(VENV)/.installed

setup-test: system-test $(VENV)/.installed-test

system:
	./scripts/system-packages.sh

system-test:
	./scripts/system-packages.sh --test

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(VENV)/.installed $@

clean:
	rm -rf $(VENV) instance/backoffice.sqlite3
