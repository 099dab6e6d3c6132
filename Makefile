# Two commands on a fresh clone:  `make run`  and  `make test`  (see README.md).
# The repo's .python-version (3.12) picks the interpreter; uv installs the locked set.
PYTHON ?= python3
UV := $(PYTHON) -m uv
UV_VERSION := 0.13.9
export UV_PYTHON_DOWNLOADS := never
export UV_PYTHON_PREFERENCE := only-system

.PHONY: install browser nginx ocr run test lint mutants

install:
	@$(PYTHON) -m uv --version 2>/dev/null | grep -q "$(UV_VERSION)" || \
		$(PYTHON) -m pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)"
	@$(UV) sync --locked --quiet

# Browser tests drive Debian's Chromium; Playwright never downloads a browser of its own.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
		echo "Installing Chromium for the browser tests (apt-get)…"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

# The deployment smoke test (tests/deploy/test_nginx_smoke.py) puts Debian's nginx in front of
# gunicorn. RUNLEVEL=1 keeps the package from starting a system-wide nginx on port 80.
nginx:
	@command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || { \
		echo "Installing nginx for the deployment smoke test (apt-get)…"; \
		apt-get update -qq && RUNLEVEL=1 DEBIAN_FRONTEND=noninteractive \
			apt-get install -y -qq --no-install-recommends nginx >/dev/null; }

# Photographed and scanned pages are read with Debian's Tesseract (apps/imports/files.py);
# the OCR tests skip, with the reason, where it is missing.
ocr:
	@command -v tesseract >/dev/null 2>&1 || { \
		echo "Installing Tesseract OCR for the import of images (apt-get)…"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
			apt-get install -y -qq --no-install-recommends tesseract-ocr >/dev/null; }

run: install
	DEBUG=true $(UV) run --locked python manage.py migrate --noinput
	DEBUG=true $(UV) run --locked python manage.py load_demo --if-empty
	DEBUG=true $(UV) run --locked python manage.py runserver 127.0.0.1:8000

# Without DATABASE_URL (a developer's machine) the suite runs on SQLite, then again on the
# PostgreSQL at DEV_POSTGRES_URL when one answers there, so PostgreSQL-only behaviour (row
# locks, the search syntax, the deployment smoke test) is seen before CI. With DATABASE_URL
# set, as .ci/run does, it runs once, on that database.
DEV_POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/peacetracker
PYTEST := $(UV) run --locked pytest -n auto --dist loadfile
POSTGRES_ANSWERS := $(UV) run --locked python -c "import sys, psycopg; \
	psycopg.connect(sys.argv[1], dbname='postgres', connect_timeout=3).close()"

test: install browser nginx ocr
	$(PYTEST) $(PYTEST_ARGS)
ifndef DATABASE_URL
	@if $(POSTGRES_ANSWERS) "$(DEV_POSTGRES_URL)" 2>/dev/null; then \
		echo "== the suite on PostgreSQL too ($(DEV_POSTGRES_URL))"; \
		DATABASE_URL="$(DEV_POSTGRES_URL)" $(PYTEST) $(PYTEST_ARGS); \
	else \
		echo "== PostgreSQL half NOT run: nothing answers at $(DEV_POSTGRES_URL)" \
			"(start PostgreSQL, or set DEV_POSTGRES_URL)"; \
	fi
endif

lint: install
	$(UV) run --locked ruff check .
	$(UV) run --locked ruff format --check .

# Mutation testing (issue 22). Slow, so not part of `make test` nor of CI. The modules and the
# tests that exercise them are set in pyproject.toml ([tool.mutmut]); mutmut works in a copy
# under mutants/ and resumes where it stopped. Some modules only:
#   make mutants MUTANTS="apps.core.ratelimit* apps.accounts.throttle*"
# The counts per module are then written into bench/mutants.md (section 2).
MUTANTS ?=
mutants: install
	-$(UV) run --locked mutmut run --max-children 2 $(MUTANTS)
	$(UV) run --locked python bench/mutants_report.py
