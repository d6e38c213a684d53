# Two entry points (see README): `make demo` runs the main job, `make test` the tests.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CORPUS := ../shared/corpus

.PHONY: demo parse-corpus test bench system-deps clean

# System programs (Debian packages, installed when root): LibreOffice converts DOC/WPS
# attachments; redis-server backs the distributed-crawl tests; chromium and chromium-driver
# run the Datasette page test; fonts-noto-cjk draws the stats chart's Chinese.
SYSTEM_PACKAGES := libreoffice-writer-nogui fonts-noto-cjk redis-server chromium chromium-driver

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $(STAMP)

system-deps:
	@if ! command -v soffice >/dev/null 2>&1 || ! command -v redis-server >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	      --no-install-recommends $(SYSTEM_PACKAGES) >/dev/null; \
	  else echo "note: install $(SYSTEM_PACKAGES) for DOC/WPS files and the Redis tests"; fi; \
	fi

# The main job: start the local portal farm, crawl it with `scrapy crawl reports`, print the
# summary. A fresh output/ each time (the crawl state in it would make a second run incremental).
demo: $(STAMP) system-deps
	rm -rf output
	$(BIN)/python -m farm.demo --output output

# Parse the shared corpus (real report texts and pages) with the command line.
parse-corpus: $(STAMP)
	@mkdir -p output
	$(BIN)/python -m parsers --summary $$(find $(CORPUS)/seeds $(CORPUS)/peers -type f \( -name '*.txt' -o -name '*.md' -o -name '*.html' -o -name '*.pdf' \) ! -name '*.trafilatura-*' | sort) > output/corpus.jsonl || true

test: $(STAMP) system-deps
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python bench/parse.py
	$(BIN)/python bench/documents.py
	$(BIN)/python bench/crawl.py

clean:
	rm -rf $(VENV) output .pytest_cache
