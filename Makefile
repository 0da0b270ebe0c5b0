# Octet: every set-up step a fresh clone needs. `make run` to try it, `make test` to test it.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEV_ENV := DEBUG=1
CHROMIUM ?= /usr/bin/chromium

.PHONY: run install migrate demo serve test test-fast lint format chromium messages \
	content-check content-stats attachments bench-cat bench-answer clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $@

install: $(STAMP)

migrate: install
	$(DEV_ENV) $(BIN)/python manage.py migrate --noinput

demo: migrate content-check
	$(DEV_ENV) $(BIN)/python manage.py load_demo
	$(DEV_ENV) $(BIN)/python manage.py load_demo_profile

## Install, migrate, load the content and demo data, then serve on http://127.0.0.1:8000
run: demo
	@echo "Octet is starting on http://127.0.0.1:8000 (Ctrl+C to stop)"
	$(DEV_ENV) $(BIN)/python manage.py runserver 127.0.0.1:8000

## The whole suite: unit, integration and browser tests (DATABASE_URL selects the database)
test: install chromium
	OCTET_TESTING=1 $(BIN)/python -m pytest

test-fast: install
	OCTET_TESTING=1 $(BIN)/python -m pytest -m "not browser"

lint: install
	$(BIN)/ruff check .

format: install
	$(BIN)/ruff format .

# Browser tests need Debian's Chromium; install it when we can, otherwise say how.
chromium:
	@if [ ! -x $(CHROMIUM) ]; then \
		if [ "$$(id -u)" = "0" ]; then \
			echo "Installing Debian's chromium for the browser tests..."; \
			apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; \
		else \
			echo "Browser tests need Chromium. Run: sudo apt-get install -y chromium"; exit 1; \
		fi; \
	fi

## Content: validate the bank, count it, regenerate the attachment files
content-check: install
	$(BIN)/python -m octet.content.tools check

content-stats: install
	$(BIN)/python -m octet.content.tools stats

attachments: install
	$(BIN)/python scripts/make_attachments.py

## Benchmarks (figures, never pass/fail): the adaptive engines against their peers
bench-cat: install
	$(BIN)/python benchmarks/bench_cat.py

# The answer path under gunicorn and PostgreSQL on 127.0.0.1:5432 (see docs/benchmarks.md)
bench-answer: install
	$(BIN)/python benchmarks/bench_answer.py

## Translations: extract the strings, then compile the catalogues
messages: install
	$(DEV_ENV) $(BIN)/python manage.py makemessages -l fr -l en --no-obsolete \
		--ignore '.venv/*' --ignore 'tests/*' --ignore 'benchmarks/*' --ignore 'content/*'
	$(BIN)/python scripts/i18n_sync.py
	$(DEV_ENV) $(BIN)/python manage.py compilemessages --ignore '.venv/*'

clean:
	rm -rf $(VENV) var/*.sqlite3 var/static .pytest_cache
