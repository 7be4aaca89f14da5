# The ISHR site. `make help` lists the targets; `make run` and `make test` are all a newcomer needs.

SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
MANAGE := $(BIN)/python manage.py

# A Python 3.12 or newer that can make a virtualenv. PYTHON=... wins; otherwise the first on
# PATH that runs and is new enough, then pyenv's installed versions (pyenv shims answer only
# for the version they name).
usable := import sys, venv, ensurepip; sys.exit(sys.version_info < (3, 12))
find_python = $(shell \
	for c in python3.14 python3.13 python3.12 python3 python; do \
		if command -v $$c >/dev/null 2>&1 && $$c -c '$(usable)' >/dev/null 2>&1; then command -v $$c; exit 0; fi; \
	done; \
	if command -v pyenv >/dev/null 2>&1; then \
		for v in $$(pyenv versions --bare 2>/dev/null | sort -rV); do \
			p="$$(pyenv root)/versions/$$v/bin/python"; \
			if [ -x "$$p" ] && "$$p" -c '$(usable)' >/dev/null 2>&1; then echo "$$p"; exit 0; fi; \
		done; \
	fi)
PYTHON ?= $(find_python)

.PHONY: help
help: ## List the targets
	@grep -hE '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  \033[36m%-18s\033[0m %s\n", $$1, $$2}'

$(VENV)/.installed: requirements-dev.lock
	@if [ -z "$(PYTHON)" ]; then echo "No Python 3.12 or newer with venv found: install one (on Debian or Ubuntu also python3-venv), or run make with PYTHON=/path/to/python3.12" >&2; exit 1; fi
	@echo "Creating $(VENV) with $(PYTHON)"
	@test -x $(BIN)/python || "$(PYTHON)" -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.lock
	@touch $@

.PHONY: install
install: $(VENV)/.installed ## Create .venv/ and install the locked dependencies

.PHONY: run
run: install ## Migrate, load demo content and accounts, run the background worker, serve on 127.0.0.1:8000 (PORT=…)
	$(MANAGE) migrate --noinput
	WAGTAILADMIN_BASE_URL=http://127.0.0.1:$(PORT) $(MANAGE) load_demo_content
	WAGTAILADMIN_BASE_URL=http://127.0.0.1:$(PORT) $(MANAGE) create_demo_admin
	$(MANAGE) run_worker & trap 'kill $$! 2>/dev/null' EXIT; \
		WAGTAILADMIN_BASE_URL=http://127.0.0.1:$(PORT) $(MANAGE) runserver 127.0.0.1:$(PORT)

.PHONY: test
test: install ## Run the whole test suite in parallel, browser tests included (SQLite; DATABASE_URL=postgres://… for PostgreSQL)
	$(BIN)/pytest -n auto -m "not stack" $(PYTEST_ARGS)

.PHONY: test-stack
test-stack: install ## Start the production stack (deploy/prod.sh) on other ports and test it: caches, purges, two instances; PostgreSQL, Redis and mail stopped and started
	$(BIN)/pytest -m stack $(PYTEST_ARGS)

.PHONY: bench
bench: install ## Measure the production stack with wrk at 100 and 100,000 updates, then 5 minutes of pages and signups at 64 connections (BENCH_UPDATES=…, BENCH_ONLY=load, BENCH_LOAD_SECONDS=…; apt install wrk); writes .bench/results.json and the query plans
	$(BIN)/python deploy/bench.py

.PHONY: prod
prod: install ## The production stack on this machine: Varnish :8080, two gunicorns, nginx for media, its own PostgreSQL, Redis and mail server (apt install varnish varnish-modules nginx redis-server postgresql)
	deploy/prod.sh run

# Backups: see README, Backups. They hold subscribers' email addresses: written mode 0600.
BACKUP_DIR ?= backups

.PHONY: backup
backup: install ## Back up the database and the media folder into one file in BACKUP_DIR (default backups/)
	$(MANAGE) backup --output-dir "$(BACKUP_DIR)"

.PHONY: restore
restore: install ## Restore BACKUP=file into an empty database and media folder (REPLACE=1: over what is there)
	@if [ -z "$(BACKUP)" ]; then echo "Name the backup: make restore BACKUP=backups/ishr-backup-<time>.tar" >&2; exit 2; fi
	$(MANAGE) restore "$(BACKUP)" $(if $(filter 1 yes true,$(REPLACE)),--replace)

.PHONY: test-fast
test-fast: install ## The inner loop: every test but the browser, HTML, demo-content and slow ones
	$(BIN)/pytest -n auto -m "not browser and not html and not demo and not stack and not slow" $(PYTEST_ARGS)

.PHONY: test-browser
test-browser: install ## Run only the browser tests (Debian's chromium: apt install chromium)
	$(BIN)/pytest -n auto -m browser $(PYTEST_ARGS)

# The Nu Html Checker, from npm (package.json). Its install script only fetches a Java runtime
# when none is on PATH: it is skipped, and Java comes from the system (apt install
# default-jre-headless).
VNU_JAR := node_modules/vnu-jar/build/dist/vnu.jar

$(VNU_JAR): package.json package-lock.json
	@command -v npm >/dev/null 2>&1 || { echo "npm is missing: apt install nodejs npm" >&2; exit 1; }
	npm ci --ignore-scripts --no-audit --no-fund
	@touch $@

.PHONY: check-html
check-html: install $(VNU_JAR) ## Check every page type's HTML with the Nu Html Checker (Java 11+; installs it with npm ci)
	REQUIRE_VNU=1 $(BIN)/pytest -m html $(PYTEST_ARGS)

.PHONY: docs-screenshots
docs-screenshots: install ## Retake the screenshots of docs/editors.md from a throw-away copy of the site
	$(BIN)/python docs/screenshots.py

# The template folders djhtml indents: the project's and each app's. Given folders, djhtml only
# takes their *.html files, so the plain-text emails and robots.txt keep their exact whitespace.
TEMPLATE_DIRS := $(sort templates $(filter-out $(VENV)/% node_modules/%,$(wildcard */templates)))
DJHTML := $(BIN)/djhtml --tabwidth 4

.PHONY: lint
lint: install ## Check the code with ruff (lint and format) and the templates' indentation with djhtml
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(DJHTML) --check $(TEMPLATE_DIRS)

.PHONY: format
format: install ## Format the code with ruff and indent the templates with djhtml
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(DJHTML) $(TEMPLATE_DIRS)

.PHONY: migrations-check
migrations-check: install ## Fail if a model change has no migration
	DJANGO_SETTINGS_MODULE=ishr_site.settings.test $(MANAGE) makemigrations --check --dry-run

.PHONY: lock
lock: install ## Re-resolve the dependencies of pyproject.toml into the lock files
	$(BIN)/uv pip compile pyproject.toml --universal --python-version 3.12 -o requirements.lock
	$(BIN)/uv pip compile pyproject.toml --universal --python-version 3.12 --extra dev -o requirements-dev.lock

.PHONY: clean
clean: ## Remove .venv/, node_modules/, the SQLite database, media, collected static files and the tests' kept copies
	rm -rf $(VENV) node_modules db.sqlite3 media staticfiles "$${TMPDIR:-/tmp}/ishr-tests-$$(id -u)"

.PHONY: messages
messages: install ## Refresh the French and Spanish translation catalogs in locale/ and compile them (GNU gettext)
	$(MANAGE) makemessages -l fr -l es --ignore=.venv --ignore=tests --ignore="demo/content/*" --ignore=node_modules
	$(MANAGE) compilemessages --ignore=.venv --ignore=node_modules
