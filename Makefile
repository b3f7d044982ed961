# Two commands for a newcomer: `make demo` and `make test` (see README.md).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install demo test browser bench clean

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# Headless Chromium for the browser tests of the Datasette pages (Debian's package).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null; \
	  else echo "chromium is not installed (apt-get install chromium): browser tests will be skipped"; fi; }

demo: install
	$(BIN)/ocop demo

test: install browser
	$(BIN)/python -m pytest

# Every figure of README "Figures measured", printed (never asserted). `make bench QUICK=1`:
# smaller sizes (minutes instead of ~40 on 2 cores).
BENCH_FLAGS := $(if $(QUICK),--quick,)
bench: install
	$(BIN)/python benchmarks/extract_speed.py $(BENCH_FLAGS)
	$(BIN)/python benchmarks/crawl_speed.py $(if $(QUICK),--runs 1,)
	$(BIN)/python benchmarks/crawl_scale.py $(BENCH_FLAGS)
	$(BIN)/python benchmarks/datasette_scale.py $(BENCH_FLAGS)
	$(BIN)/python benchmarks/parse_speed.py $(if $(QUICK),--rounds 1,)
	$(BIN)/python benchmarks/warc_import.py $(if $(QUICK),2000,)

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache artifacts
