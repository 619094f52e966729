# ZonePortal — the two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint demo-reset bench bench-load bench-search bench-search-full clean prod prod-down prod-status

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.runtime-installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev-installed: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $(VENV)/.runtime-installed $@

## run: set everything up and serve the demo zone on http://127.0.0.1:8000
run: $(VENV)/.runtime-installed
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0
	@echo "来凤经济开发区 demo: http://$(HOST):$(PORT)/  back office: http://$(HOST):$(PORT)/admin/"
	@# The background worker runs queued tasks (search and reference index updates) while the site is up.
	$(BIN)/python manage.py db_worker --verbosity 0 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

## prod: the production shape on this machine — two gunicorn app servers behind nginx, PostgreSQL, Redis,
## a task worker (deploy/stack.py; docs/deployment.md, "Try the production shape on one machine")
prod: $(VENV)/.runtime-installed
	$(BIN)/python deploy/stack.py up

## prod-down: stop what `make prod` started
prod-down: $(VENV)/.runtime-installed
	$(BIN)/python deploy/stack.py down

prod-status: $(VENV)/.runtime-installed
	$(BIN)/python deploy/stack.py status

## test: lint, bandit (high severity), then every test (unit, integration, browser) on the configured database
## (installs Chromium, CJK fonts and Redis when it can; SKIP_BROWSER_TESTS=1 leaves the browser tests out)
test: $(VENV)/.dev-installed
	$(BIN)/ruff check .
	$(BIN)/bandit -c pyproject.toml -r zoneportal --severity-level high --quiet
	$(BIN)/python manage.py makemigrations --check --dry-run --verbosity 0
	.ci/test-deps
	$(BIN)/pytest

lint: $(VENV)/.dev-installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

## demo-reset: throw the demo content away and build it again
demo-reset: $(VENV)/.runtime-installed
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo --reset

## bench: page-serving benchmark (needs wrk); see docs/benchmarks.md
bench: $(VENV)/.runtime-installed
	$(BIN)/python bench/pages.py

## bench-load: mixed load (pages, searches, letters) through nginx at rising concurrency, both profiles; see docs/benchmarks.md
bench-load: $(VENV)/.runtime-installed
	$(BIN)/python bench/load.py --profile embedded
	$(BIN)/python bench/load.py --profile production

## bench-search: search quality on the labelled queries and speed at 10k documents; see docs/benchmarks.md
bench-search: $(VENV)/.runtime-installed
	$(BIN)/python bench/search_quality.py
	$(BIN)/python bench/search_speed.py --sizes 10k

## bench-search-full: search speed at 10k and 100k documents on SQLite and PostgreSQL (about half an hour)
bench-search-full: $(VENV)/.runtime-installed
	$(BIN)/python bench/search_speed.py

clean:
	rm -rf $(VENV) var
