# The commands people type. `make run` and `make test` are all a newcomer needs.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
BIN := $(VENV)/bin
# Serving needs only the project's dependencies; tests, lint and bench add the
# development toolchain (pytest, Playwright, ruff, mypy), which is much larger.
RUN_STAMP := $(VENV)/.installed-run
DEV_STAMP := $(VENV)/.installed-dev
HOST ?= 127.0.0.1
WORKERS ?= 2
PORT ?= 8000
# make serve: server processes, and threads in each. A sign-in waiting for its
# password check holds a thread (at most 1 hashing and 1 waiting per process,
# see accounts/hashing.py), so pages always find one of the other threads.
SERVE_WORKERS ?= 2
SERVE_THREADS ?= 4

# The interpreter that builds .venv: $$PYTHON if set, else the first of
# python3.14/3.13/3.12 that really runs (a pyenv shim for a version that is not
# selected does not), else pyenv's newest 3.12 or later.
define find_python
if [ -n "$$PYTHON" ]; then echo "$$PYTHON"; exit 0; fi; \
for candidate in python3.14 python3.13 python3.12; do \
  if command -v $$candidate >/dev/null 2>&1 && $$candidate -c 'import sys; assert sys.version_info >= (3, 12)' >/dev/null 2>&1; then \
    command -v $$candidate; exit 0; fi; \
done; \
if command -v pyenv >/dev/null 2>&1; then \
  for candidate in $$(ls -d "$$(pyenv root)"/versions/3.* 2>/dev/null | sort -V -r); do \
    if "$$candidate/bin/python3" -c 'import sys; assert sys.version_info >= (3, 12)' >/dev/null 2>&1; then \
      echo "$$candidate/bin/python3"; exit 0; fi; \
  done; \
fi; \
exit 1
endef

.PHONY: help
help:
	@echo "make run     create .venv, install what serving needs, migrate, load seeds/ and serve on http://$(HOST):$(PORT) with the task worker"
	@echo "make serve   migrate, collect static files and serve as in production (gunicorn, threaded workers) with the task worker"
	@echo "make test    ruff, mypy and the whole pytest suite on SQLite and on PostgreSQL"
	@echo "make bench   benchmarks under bench/ (not part of the test suite)"
	@echo "make lint    ruff and mypy only"
	@echo "make install-dev  install the development tools ahead of make test"
	@echo "make messages LOCALE=fr  make or update a language's translation catalogue (locale/fr) and compile them all"

$(BIN)/python:
	@python_bin="$$( $(find_python) )" || { echo "Python 3.12 or newer is needed: install python3.12 (or set PYTHON=/path/to/python3.12) and run make again." >&2; exit 1; }; \
	echo "Using $$python_bin"; \
	"$$python_bin" -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(RUN_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	@touch $(RUN_STAMP)

$(DEV_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(RUN_STAMP) $(DEV_STAMP)

.PHONY: install install-dev
install: $(RUN_STAMP)
install-dev: $(DEV_STAMP)

.PHONY: run
run: $(RUN_STAMP)
	DJANGO_DEBUG=1 $(BIN)/python manage.py migrate --no-input
	DJANGO_DEBUG=1 $(BIN)/python manage.py load_seeds
	DJANGO_DEBUG=1 $(BIN)/python manage.py load_demo
	@# The task worker (enrolment files, invitation e-mails) runs beside the
	@# server and stops with it.
	DJANGO_DEBUG=1 $(BIN)/python manage.py db_worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	DJANGO_DEBUG=1 $(BIN)/python manage.py runserver $(HOST):$(PORT); exit $$?

# As README's "Production" serves, with the settings the environment gives
# (DJANGO_SECRET_KEY, DATABASE_URL…): gunicorn's threaded workers, so that
# pages are served while sign-ins wait for their password checks.
.PHONY: serve
serve: $(RUN_STAMP)
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py collectstatic --no-input --verbosity 0
	$(BIN)/python manage.py db_worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(BIN)/gunicorn config.wsgi --worker-class gthread --workers $(SERVE_WORKERS) \
	  --threads $(SERVE_THREADS) --bind $(HOST):$(PORT); exit $$?

# Debian packages the browser and PostgreSQL tests and the translation
# catalogues (gettext: makemessages and compilemessages) need, and Debian's venv
# module when .venv is still to be made with a Debian Python that lacks it;
# installed when missing.
.PHONY: system-deps
system-deps:
	@missing=""; \
	[ -x /usr/bin/chromium ] || missing="$$missing chromium"; \
	ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing="$$missing postgresql"; \
	command -v msgfmt >/dev/null 2>&1 || missing="$$missing gettext"; \
	if [ ! -x $(BIN)/python ] && python_bin="$$( $(find_python) )" \
	  && case "$$python_bin" in /usr/bin/*) true;; *) false;; esac \
	  && ! "$$python_bin" -c 'import ensurepip, venv' >/dev/null 2>&1; then \
	  missing="$$missing $$(basename "$$python_bin")-venv"; \
	fi; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing fonts-dejavu-core >/dev/null; \
	  else \
	    echo "Missing Debian packages:$$missing (sudo apt-get install$$missing)" >&2; exit 1; \
	  fi; \
	fi

# make messages LOCALE=fr: make or update locale/fr's catalogue from the strings
# marked in templates and Python, then compile every catalogue. Without LOCALE,
# updates the catalogues that exist.
LOCALE ?=
.PHONY: messages
messages: $(RUN_STAMP) system-deps
	$(BIN)/python manage.py makemessages $(if $(LOCALE),--locale $(LOCALE),--all) --ignore 'staticfiles/*' --ignore 'bench/*' --ignore 'tests/*'
	$(BIN)/python manage.py makemessages $(if $(LOCALE),--locale $(LOCALE),--all) --domain djangojs --ignore 'staticfiles/*'
	$(BIN)/python manage.py compilemessages --ignore '.venv/*'

.PHONY: lint
lint: $(DEV_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy .

.PHONY: test
test: $(DEV_STAMP) system-deps lint
	$(BIN)/python manage.py makemigrations --check --dry-run
	@echo "== pytest on SQLite"
	env -u DATABASE_URL $(BIN)/pytest -n $(WORKERS)
	@echo "== pytest on PostgreSQL"
	.ci/with-postgres $(BIN)/pytest -n $(WORKERS)

.PHONY: bench
bench: $(DEV_STAMP)
	$(BIN)/python bench/questions.py || status=$$?; \
	$(BIN)/python bench/run.py || exit $$?; \
	$(BIN)/python bench/load.py && exit $${status:-0}

.PHONY: clean
clean:
	rm -rf $(VENV) staticfiles .mypy_cache .ruff_cache
