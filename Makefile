# Two commands: `make run` (set up, then run the main job raw/ -> curated/) and `make test`.
# Both work from nothing: they create .venv with Python 3.11 and install the project when needed.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
# Folders default to the settings object's (raw/ -> curated/, or $INFRAFACTS_RAW / $INFRAFACTS_CURATED);
# `make run RAW=dir CURATED=dir` overrides them.
RUN_ARGS = $(if $(RAW),--raw $(RAW)) $(if $(CURATED),--curated $(CURATED))
# Prefect's local state (ephemeral API database, results) stays in the project, out of git.
export PREFECT_HOME ?= $(CURDIR)/.prefect

.PHONY: install run test lint evaluate bench clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 11), "infrafacts needs Python 3.11: make PYTHON=/path/to/python3.11"'
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/python -m pip check
	@touch $@

install: $(STAMP)

run: $(STAMP)
	$(BIN)/infrafacts run $(RUN_ARGS)

# The report's browser test drives Debian's Chromium (Playwright never downloads a browser of its own).
CHROMIUM := /usr/bin/chromium

$(CHROMIUM):
	apt-get install -y chromium || (apt-get update && apt-get install -y chromium) || \
		echo "chromium not installed: the report's browser test will be skipped"

# pytest-xdist processes for `make test` (each loads the model and starts its own Prefect test API);
# `make test TEST_WORKERS=0` runs the suite in one process.
TEST_WORKERS ?= 2

test: $(STAMP) | $(CHROMIUM)
	$(BIN)/ruff check .
	$(BIN)/python -m pytest $(if $(filter-out 0,$(TEST_WORKERS)),-n $(TEST_WORKERS) --dist worksteal)

evaluate: $(STAMP)
	$(BIN)/infrafacts evaluate $(if $(CURATED),--curated $(CURATED))

bench: $(STAMP)
	$(BIN)/python bench/bench_flow.py

clean:
	rm -rf $(VENV) .prefect .pytest_cache .ruff_cache
