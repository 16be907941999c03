# Two commands do all the set-up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip --disable-pip-version-check -q

.PHONY: demo test install install-dev bench schema clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(PIP) install -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(PIP) install -e '.[dev]'
	touch $(VENV)/.installed $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

demo: install
	$(BIN)/storyline extract examples/harbour-talks.txt --format text

test: install-dev
	$(BIN)/python -m pytest -q

# Speed against bare spaCy, worker speed-up, ingest rate and memory, then the same on each Python.
bench: install
	$(BIN)/storyline bench --articles 400 --workers 2
	$(BIN)/python benchmarks/python_versions.py --articles 400

schema: install
	$(BIN)/storyline schema > src/storyline/schema/record.schema.json

clean:
	rm -rf $(VENV) build src/*.egg-info .pytest_cache
