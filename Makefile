# One command each, on a fresh clone:
#   make site    build the real site into site/ (its summary line in KIELI's language, below)
#   make test    run the whole test suite (lint, the generator's tests, the content's checks), in parallel
#   make test-content  only the content's checks (tests/content_checks/: the shipped data/ and content/)
#   make test-fast     the unit and golden tests, no build (≤ 30 s); make test-e2e, make test-browser: the others
#   make screenshots   pictures of the fixture site in test-artifacts/screenshots/ (not a test)
#   make bench   measure build cost and page weight (not part of make test)
#
# Editors' commands (docs/toimittajan-opas.md); KIELI=fi (default), sv or en sets the messages' language:
#   make check         every check CI runs on data/ and content/, the address list (urls.txt) included
#   make check-strict  the publishing check: warnings count as errors
#   make urls          rewrite urls.txt after adding, renaming or (knowingly) removing pages
#   make translations  list the texts and pages still missing or marked TODO, per language
#   make translations-update  (developers) extract messages.pot from generator/model/messages.py, update the .po files
#   make serve         live preview on http://127.0.0.1:8000/ (PORT=8001 for another port)
#   make new-period PERIOD=1/2028, make new-service SERVICE=<id>   start a record from a template
#   make schemas       the IDE's schemas (schemas/), after adding or removing ids
#   make diff          what the change shows readers: pages, addresses, calendars and feeds compared
#                      with BASE (default origin/main, else main; e.g. make diff BASE=HEAD)
#   make view-artifact DIR=<folder>   CI's built site (the unpacked artifact) on http://127.0.0.1:8000/
#   DEBUG=1 after any of them: an internal error shows its traceback, for the developers
#
# CI's steps (.github/workflows/pull-request.yml runs exactly these):
#   make ci-check  check in GitHub's annotation format (urls.txt and the schemas' ids included),
#                  then translations --strict
#   make ci-build  the build into site/ (MkDocs strict, the link checker and urls.txt included)
#   make ci-content  the content's checks (tests/content_checks/: links, the Nu Html Checker, sitemaps,
#                  calendars, page pairs, axe and the CSP in Chromium, on a build of their own)
#   make ci-diff   make diff's report (BASE: the pull request's base) into $(DIFF_REPORT) and the job summary

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
# The stamp files record which lock file the venv was built from: editing a
# lock makes the venv stale and the next make rebuilds it.
RUNTIME := $(VENV)/.runtime-installed
DEV := $(VENV)/.dev-installed

.PHONY: site test lint check check-strict serve urls translations new-period new-service bench schemas clean browser-deps \
	view-artifact translations-update \
	ci-check ci-build ci-content ci-system test-content diff ci-diff test-fast test-e2e test-browser screenshots

# pip says only what failed (-qq: no progress, no warnings, no "new pip version" notice).
PIP_QUIET := --quiet --quiet --disable-pip-version-check
$(RUNTIME): requirements.lock
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install $(PIP_QUIET) --require-hashes --no-deps -r requirements.lock
	@touch $@

$(DEV): requirements-dev.lock $(RUNTIME)
	@$(PY) -m pip install $(PIP_QUIET) --require-hashes --no-deps -r requirements-dev.lock
	@touch $@

# The compiled message catalogues (generator/locale/<lang>/LC_MESSAGES/messages.mo, git-ignored),
# made with the bytecode: without them every run compiles each .po in memory (messages.catalogue).
CATALOGUES := $(patsubst %.po,%.mo,$(wildcard generator/locale/*/LC_MESSAGES/messages.po))
generator/locale/%/LC_MESSAGES/messages.mo: generator/locale/%/LC_MESSAGES/messages.po | $(RUNTIME)
	@$(VENV)/bin/pybabel -q compile -D messages -l $* -i $< -o $@

# make translations-update: after adding or changing an English text in generator/model/messages.py, the
# template (generator/locale/messages.pot) extracted again and each .po updated from it; a changed
# English text becomes a fuzzy entry for the translator (Poedit), which `make test` refuses.
PYBABEL_EXTRACT := extract --no-default-keywords -k pgettext:1c,2 -k npgettext:1c,2,3 --no-location \
	--project=kanta-onboarding-guide --version=1 --copyright-holder=Kela --msgid-bugs-address=- --width=100
translations-update: $(RUNTIME)
	@$(VENV)/bin/pybabel -q $(PYBABEL_EXTRACT) -o generator/locale/messages.pot generator/model/messages.py
	@$(VENV)/bin/pybabel -q update -D messages -d generator/locale -i generator/locale/messages.pot \
		--ignore-obsolete --width=100

# The generator's own bytecode, written once. Python writes it itself on first import unless
# PYTHONDONTWRITEBYTECODE is set (as in some CI images); then it would recompile the whole
# package on every run: about 0.1–0.2 s of each build and check, and of each child process the
# tests start.
BYTECODE := generator/__pycache__/.compiled
$(BYTECODE): $(RUNTIME) $(shell find -L generator -name "*.py") $(CATALOGUES)
	@$(PY) -m compileall -q generator
	@touch $@

# The summary line in the messages' language (KIELI, below: Finnish unless KIELI=en or sv).
site: $(RUNTIME) $(BYTECODE)
	@$(PY) -m generator build --out site --lang $(KIELI)

KIELI ?= fi
PORT ?= 8000
# An editor's command that failed has already said what is wrong and how to fix it, in the
# editor's language; make would then add its own English line ("make: *** [Makefile:NN: check]
# Error 1"). So a failed editor's command stops make with SIGPIPE, which make does not report:
# the exit status stays a failure (141). CI (CI=true) keeps make's ordinary failure (status 2).
ifeq ($(CI),)
QUIET_FAIL = || { kill -PIPE $$PPID; exit 1; }
endif
EDITOR_TARGETS := check check-strict urls translations serve new-period new-service schemas diff view-artifact
# bash runs these recipes: after Ctrl+C (which stops `serve`) a POSIX sh would die of the interrupt
# too, and make would print "make: *** [Makefile:NN: serve] Interrupt"; bash waits for the program,
# which says "Preview stopped." in the editor's language and exits normally.
$(EDITOR_TARGETS): SHELL := /bin/bash

# make <command> DEBUG=1: an internal error shows its traceback, for the developers (as --debug).
ifneq ($(DEBUG),)
export KG_DEBUG := 1
endif

check: $(RUNTIME) $(BYTECODE)
	@$(PY) -m generator check --lang $(KIELI) $(QUIET_FAIL)

# The publishing check: warnings are errors too (example dates of a current or upcoming period).
check-strict: $(RUNTIME) $(BYTECODE)
	@$(PY) -m generator check --strict --lang $(KIELI) $(QUIET_FAIL)

urls: $(RUNTIME) $(BYTECODE)
	@$(PY) -m generator urls --update --lang $(KIELI) $(QUIET_FAIL)

translations: $(RUNTIME) $(BYTECODE)
	@$(PY) -m generator translations --lang $(KIELI) $(QUIET_FAIL)

serve: $(RUNTIME) $(BYTECODE)
	@$(PY) -m generator serve --port $(PORT) --lang $(KIELI) $(QUIET_FAIL)

# make new-period PERIOD=1/2028, make new-service SERVICE=kanta-esimerkki
new-period: $(RUNTIME) $(BYTECODE)
	@$(PY) -m generator new period "$(PERIOD)" --lang $(KIELI) $(QUIET_FAIL)

new-service: $(RUNTIME) $(BYTECODE)
	@$(PY) -m generator new service "$(SERVICE)" --lang $(KIELI) $(QUIET_FAIL)

schemas: $(RUNTIME)
	@$(PY) -m generator schemas --lang $(KIELI) $(QUIET_FAIL)

# make diff BASE=<branch, tag or commit>: without BASE, `diff` compares with origin/main, else main.
# The recipe reads it from the environment, so no character of a branch name reaches the shell's syntax.
BASE ?=
export BASE
DIFF_BASE = $(if $(BASE),--base "$$BASE")
diff: $(RUNTIME) $(BYTECODE)
	@$(PY) -m generator diff $(DIFF_BASE) --lang $(KIELI) $(QUIET_FAIL)

# make view-artifact DIR=<folder>: CI's built site (the unpacked artifact) on http://127.0.0.1:8000/.
# Its addresses start at the site root, so opening its index.html from the disk shows no styles.
view-artifact: $(RUNTIME) $(BYTECODE)
	@$(PY) -m generator view "$(DIR)" --port $(PORT) --lang $(KIELI) $(QUIET_FAIL)

ci-check: $(RUNTIME) $(BYTECODE)
	$(PY) -m generator check --format github
	$(PY) -m generator translations --strict

ci-build: $(RUNTIME) $(BYTECODE)
	$(PY) -m generator build --out site

ci-content: test-content

# The report goes to the job summary when there is one (GitHub's $GITHUB_STEP_SUMMARY), also when
# the command failed, and stays in $(DIFF_REPORT) for the workflow's artifact.
DIFF_REPORT := diff-report.md
ci-diff: $(RUNTIME) $(BYTECODE)
	rm -f $(DIFF_REPORT)
	$(PY) -m generator diff $(DIFF_BASE) --lang $(KIELI) --out $(DIFF_REPORT); status=$$?; \
	if [ -n "$$GITHUB_STEP_SUMMARY" ] && [ -f $(DIFF_REPORT) ]; then cat $(DIFF_REPORT) >> "$$GITHUB_STEP_SUMMARY"; fi; \
	exit $$status

# The Debian packages of the browser and HTML checks (the workflow's container is Debian, as CI's is).
ci-system:
	.ci/system-packages

test-content: $(DEV) browser-deps $(CATALOGUES) $(BYTECODE)
	$(PY) -m pytest -q tests/content_checks

# Two workers (the machine has two cores); a test file stays on one worker, so a module's fixtures
# (a build, a browser page) are made once, and the files go in the order tests/conftest.py gives
# them (the slow layers first), not in xdist's own (the most tests first).
WORKERS := -n 2 --dist loadfile --no-loadscope-reorder

# The lint step runs beside the tests (a core is idle while the last test file finishes anyway);
# its output follows the tests', and either failing fails.
test: $(DEV) browser-deps $(CATALOGUES) $(BYTECODE)
	@log=$$(mktemp); $(MAKE) --no-print-directory lint > $$log 2>&1 & lint=$$!; \
	$(PY) -m pytest $(WORKERS); tests=$$?; \
	wait $$lint; linted=$$?; cat $$log; rm -f $$log; \
	test $$tests -eq 0 -a $$linted -eq 0

# The layers, each alone (markers assigned in tests/conftest.py; README, Tests).
test-fast: $(DEV) $(BYTECODE)
	$(PY) -m pytest -q -n 2 -m "unit or golden"
test-e2e: $(DEV) browser-deps $(BYTECODE)
	$(PY) -m pytest -q $(WORKERS) -m e2e
test-browser: $(DEV) browser-deps $(BYTECODE)
	$(PY) -m pytest -q $(WORKERS) -m "browser and not content"

# Pictures of the fixture site (pages, planner, timeline) for a person to look at, not a test.
screenshots: $(DEV)
	$(PY) tests/screenshots.py

# The habits, before the tests: ruff (pyflakes, pycodestyle, isort, bugbear, pyupgrade, simplify),
# mypy on generator/, and the one-way stages (import-linter's layers contract in pyproject.toml).
lint: $(DEV)
	$(PY) -m ruff check generator tests bench
	$(PY) -m mypy
	$(VENV)/bin/lint-imports --no-cache

# Node packages for the tests, installed from the npm lock: the HTML validator (vnu-jar) and
# wrangler (`wrangler pages dev`). No install scripts: workerd's binary comes as an npm package
# (@cloudflare/workerd-linux-64) and runs without its postinstall step. The lock pins every
# package's checksum, so a copy in npm's cache is taken without asking the registry first.
browser-deps: node_modules/.installed
node_modules/.installed: package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --silent --prefer-offline
	touch $@

bench: $(DEV) $(BYTECODE)
	$(PY) bench/run.py

clean:
	rm -rf build site site.old site.new site.lock build.lock test-artifacts diff-report.md
