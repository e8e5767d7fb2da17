# PutRight: every target is listed by `make help`.
.DEFAULT_GOAL := help
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
export PUTRIGHT_ALLOW_DEV_SECRET ?= 1

.PHONY: help install frontend migrate run test lint openapi docs bench clean

help: ## List the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(INSTALLED): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(INSTALLED)

install: $(INSTALLED) ## Create .venv and install PutRight with its pinned dependencies
	@echo "Installed: $(BIN)/putright"

frontend: ## Build GOV.UK Frontend into static files (needs Node.js and npm)
	bash frontend/build.sh

migrate: install ## Apply database migrations (SQLite by default; DATABASE_URL for PostgreSQL)
	$(BIN)/python manage.py migrate --noinput

run: install frontend migrate ## Install, migrate, load demo data and start the web server and a task worker on http://127.0.0.1:8000
	DEBUG=1 $(BIN)/python manage.py load_demo
	@echo "PutRight on http://127.0.0.1:8000 (Ctrl-C stops the server and the worker)"
	trap 'kill 0' EXIT; \
	DEBUG=1 $(BIN)/python manage.py db_worker & \
	DEBUG=1 $(BIN)/python manage.py sweep_reminders --every 5 & \
	DEBUG=1 $(BIN)/python manage.py poll_mailboxes --every 2 & \
	DEBUG=1 $(BIN)/python manage.py runserver 127.0.0.1:8000

test: install frontend ## Install and run the whole suite (SQLite; set DATABASE_URL=postgres://... for PostgreSQL)
	$(BIN)/pytest

lint: install ## ruff, mypy (strict on putright/domain) and the import-linter contracts
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy putright config
	$(BIN)/lint-imports

openapi: install ## Regenerate docs/openapi.yaml from the code (commit the result)
	$(BIN)/python manage.py spectacular --file docs/openapi.yaml --validate --fail-on-warn

docs: install ## Regenerate docs/domain/lifecycle.md from the transition table (commit the result)
	$(BIN)/python -c "from putright.domain.lifecycle import lifecycle_markdown as m; open('docs/domain/lifecycle.md', 'w').write(m())"

bench: install ## Run the benchmarks (on demand; not part of the test run)
	$(BIN)/python bench/deadlines.py

clean: ## Remove the virtual environment, built static files and local databases
	rm -rf $(VENV) staticfiles putright/static/vendor frontend/node_modules var
