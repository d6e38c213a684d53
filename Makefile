# Two entry points (see README): `make demo` runs the main job, `make test` the tests.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CORPUS := ../shared/corpus

.PHONY: demo test bench clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	@mkdir -p output
	$(BIN)/python -m parsers --summary $$(find $(CORPUS)/seeds $(CORPUS)/peers -type f \( -name '*.txt' -o -name '*.md' -o -name '*.html' \) ! -name '*.trafilatura-*' | sort) > output/reports.jsonl || true

test: $(STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python bench/parse.py

clean:
	rm -rf $(VENV) output .pytest_cache
