# One command each, on a fresh clone:
#   make site    build the real site into site/
#   make test    run the whole test suite (unit, golden, end-to-end, browser)
#   make check   validate data/ and content/ and list every problem
#   make serve   live preview on http://127.0.0.1:8000/
#   make bench   measure build cost and page weight (not part of make test)

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
# The stamp files record which lock file the venv was built from: editing a
# lock makes the venv stale and the next make rebuilds it.
RUNTIME := $(VENV)/.runtime-installed
DEV := $(VENV)/.dev-installed

.PHONY: site test lint check serve bench schemas clean browser-deps

$(RUNTIME): requirements.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	touch $@

$(DEV): requirements-dev.lock $(RUNTIME)
	$(PY) -m pip install --quiet --require-hashes --no-deps -r requirements-dev.lock
	touch $@

# The generator's own bytecode, written once. Python writes it itself on first import unless
# PYTHONDONTWRITEBYTECODE is set (as in some CI images); then it would recompile the whole
# package on every run: about 0.1 s of each build and check.
BYTECODE := generator/__pycache__/.compiled
$(BYTECODE): $(RUNTIME) $(wildcard generator/*.py)
	$(PY) -m compileall -q generator
	touch $@

site: $(RUNTIME) $(BYTECODE)
	$(PY) -m generator build --out site

check: $(RUNTIME) $(BYTECODE)
	$(PY) -m generator check

PORT ?= 8000
serve: $(RUNTIME) $(BYTECODE)
	$(PY) -m generator serve --port $(PORT)

schemas: $(RUNTIME)
	$(PY) -m generator schemas

test: lint browser-deps
	$(PY) -m pytest

# The habits, before the tests: ruff (pyflakes, pycodestyle, isort, bugbear, pyupgrade, simplify),
# mypy on generator/, and the one-way stages (import-linter's layers contract in pyproject.toml).
lint: $(DEV)
	$(PY) -m ruff check generator tests bench
	$(PY) -m mypy
	$(VENV)/bin/lint-imports --no-cache

# Node packages for the HTML validator (vnu-jar): installed from the npm lock.
browser-deps: node_modules/.installed
node_modules/.installed: package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --silent
	touch $@

bench: $(DEV) $(BYTECODE)
	$(PY) bench/run.py

clean:
	rm -rf build site site.old site.new site.lock build.lock test-artifacts
