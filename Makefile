# Two commands do all the set-up on a fresh machine with Python 3.11:
#   make build   -> .venv, install, build the graph of corpus/ into output/
#   make test    -> .venv, install with test extras, run the whole test suite
#   (make gazetteers -> regenerate rules/gazetteer/*.tsv from their sources, see rules/README.md)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: build test bench gazetteers clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

build: $(STAMP)
	$(BIN)/kg build corpus --out output

test: $(STAMP)
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

# rewrite rules/gazetteer/*.tsv from rules/gazetteer/sources/ and the pinned pycountry / vietnamadminunits
gazetteers: $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[gazetteer]"
	$(BIN)/python tools/make_gazetteers.py

clean:
	rm -rf $(VENV) output/graph.* output/report.md output/.cache output/.kg
