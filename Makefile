# Two commands do all the set-up on a fresh machine with Python 3.11:
#   make build   -> .venv with the runtime dependencies only, build the graph of corpus/ into output/
#   make test    -> .venv with the test extras too, run the whole test suite
#   (make gazetteers -> regenerate rules/gazetteer/*.tsv from their sources, see rules/README.md)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
RUNTIME := $(VENV)/.installed-runtime
TESTING := $(VENV)/.installed-test

.PHONY: build test bench gazetteers clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(RUNTIME): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $(RUNTIME)

$(TESTING): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(TESTING) $(RUNTIME)

build: $(RUNTIME)
	$(BIN)/kg build corpus --out output

test: $(TESTING)
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || { \
	  echo ""; \
	  echo "************************************************************************************"; \
	  echo "*  chromium is not installed: the browser tests (tests/browser/) will be SKIPPED.   *"; \
	  echo "*  Install it (Debian/Ubuntu): sudo apt-get install chromium   then: make test      *"; \
	  echo "************************************************************************************"; \
	  echo ""; }
	$(BIN)/python -m pytest -q

bench: $(TESTING)
	$(BIN)/python benchmarks/run.py

# rewrite rules/gazetteer/*.tsv from rules/gazetteer/sources/ and the pinned pycountry / vietnamadminunits
gazetteers: $(RUNTIME)
	$(BIN)/python -m pip install --quiet -e ".[gazetteer]"
	$(BIN)/python tools/make_gazetteers.py

clean:
	rm -rf $(VENV) output/graph.* output/report.md output/report.html output/neo4j output/.cache output/.kg
