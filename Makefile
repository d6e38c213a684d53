# Two entry points (see README): `make demo` runs the main job, `make test` the tests.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CORPUS := ../shared/corpus

.PHONY: demo parse-corpus test test-min bench system-deps clean

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
	@if ! command -v soffice >/dev/null 2>&1 || ! command -v redis-server >/dev/null 2>&1 \
	    || ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1 \
	    || ! fc-list 2>/dev/null | grep -qi "noto.*cjk"; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	      --no-install-recommends $(SYSTEM_PACKAGES) >/dev/null; \
	  else echo "note: install $(SYSTEM_PACKAGES) for DOC/WPS files, the Redis and browser tests"; fi; \
	fi

# The main job: start the local portal farm, crawl it with `scrapy crawl reports`, print the
# summary. The demo has a directory of its own, made afresh each time (its crawl state would make a
# second run incremental); output/ itself, the crawler's default OUTPUT_DIR, is never touched.
DEMO_OUTPUT := output/demo
demo: $(STAMP) system-deps
	rm -rf $(DEMO_OUTPUT)
	$(BIN)/python -m farm.demo --output $(DEMO_OUTPUT)

# Parse the shared corpus (real report texts and pages) with the command line.
parse-corpus: $(STAMP)
	@mkdir -p output
	$(BIN)/python -m parsers --summary $$(find $(CORPUS)/seeds $(CORPUS)/peers -type f \( -name '*.txt' -o -name '*.md' -o -name '*.html' -o -name '*.pdf' \) ! -name '*.trafilatura-*' | sort) > output/corpus.jsonl || true

test: $(STAMP) system-deps
	$(BIN)/python -m pytest

# The declared lower bounds are true: a second venv with every dependency at exactly its lower
# bound (.ci/lower-bounds.py reads them from pyproject.toml) runs a smoke subset touching each.
MIN_VENV := .venv-min
SMOKE := tests/test_crawl_farm.py tests/test_crawl_middlewares.py tests/test_crawl_feeds.py \
	tests/test_crawl_hostile.py tests/test_crawl_validate.py tests/test_scrapyd.py tests/test_schedule_redis.py \
	tests/test_documents.py tests/test_html.py tests/test_corpus.py tests/test_property.py \
	tests/test_dataset_export.py tests/test_dataset_stats.py tests/test_dataset_schema.py tests/test_dataset_region.py \
	tests/test_dataset_sqlite.py tests/test_dataset_package.py tests/test_dataset_organ.py tests/test_metadata.py tests/test_text.py
test-min: system-deps
	rm -rf $(MIN_VENV)
	$(PY) -m venv $(MIN_VENV)
	$(MIN_VENV)/bin/pip install -q --upgrade pip
	$(PY) .ci/lower-bounds.py > $(MIN_VENV)/constraints.txt
	$(MIN_VENV)/bin/pip install -q -c $(MIN_VENV)/constraints.txt -e '.[test]'
	$(MIN_VENV)/bin/python -m pytest $(SMOKE)

bench: $(STAMP)
	$(BIN)/python bench/parse.py
	$(BIN)/python bench/accuracy.py
	$(BIN)/python bench/documents.py
	$(BIN)/python bench/crawl.py
	$(BIN)/python bench/memory.py

clean:
	rm -rf $(VENV) $(MIN_VENV) output .pytest_cache
