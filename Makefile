# Two commands set everything up: `make run` (the site with demo content) and `make test` (the suite).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint install bench bench-smoke messages

# The stamp files make a second run skip the install unless a requirements file changed.
$(VENV)/.run-deps: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.test-deps: $(VENV)/.run-deps requirements-dev.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

# Interface translations: compiled (pure Python, no GNU gettext) whenever a .po file changed.
PO_FILES := $(wildcard locale/*/LC_MESSAGES/*.po)
locale/.compiled: $(VENV)/.run-deps $(PO_FILES)
	$(BIN)/python manage.py compile_translations
	touch $@

install: $(VENV)/.run-deps locale/.compiled

# HOST and PORT go into the environment too: cms/settings/dev.py derives the site's address
# (links in e-mails, the admin and the API) from them unless BASE_URL is set.
run: $(VENV)/.run-deps locale/.compiled
	HOST=$(HOST) PORT=$(PORT) $(BIN)/python manage.py migrate --noinput
	HOST=$(HOST) PORT=$(PORT) $(BIN)/python manage.py seed_demo
	HOST=$(HOST) PORT=$(PORT) $(BIN)/python manage.py runserver $(HOST):$(PORT)

# What the suite needs from the system: Debian's Chromium for the browser journeys (tests/e2e/;
# Playwright's own browser download is not used) and pango with a font for the printed guides
# (WeasyPrint). Installed with apt-get where one is missing and make runs as root; otherwise
# named, and the suite is not started.
SYSTEM_PACKAGES := chromium libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core
$(VENV)/.system-deps: $(VENV)/.run-deps
	@if ! command -v chromium >/dev/null || ! /sbin/ldconfig -p | grep -q libpangoft2-1.0; then \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q $(SYSTEM_PACKAGES); \
		else \
			echo "make test needs from the system: $(SYSTEM_PACKAGES) (Debian's names)"; exit 1; \
		fi; \
	fi
	touch $@

test: $(VENV)/.test-deps $(VENV)/.system-deps locale/.compiled
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(VENV)/.test-deps
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

$(VENV)/.bench-deps: $(VENV)/.run-deps bench/requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r bench/requirements.txt
	touch $@

# The benchmark (bench/graphql_manifesto.py: the GraphQL API against its peers, the consultation
# room, a load run), on a throwaway SQLite database. BENCH_ARGS="--postgres postgres://…" adds
# 50 stakeholders posting at once on PostgreSQL.
bench: $(VENV)/.bench-deps locale/.compiled
	$(BIN)/python bench/graphql_manifesto.py $(BENCH_ARGS)

# The same at the smallest size, one run, a second of load per target, and the printed guides
# once: proves the benches still run (CI).
bench-smoke: $(VENV)/.bench-deps locale/.compiled
	$(BIN)/python bench/graphql_manifesto.py --smoke
	$(BIN)/python bench/printed_guides.py --runs 1 --strategies 1 --sections 2

# After changing interface strings: refresh the catalogues, translate the new entries, commit the .po files.
messages: $(VENV)/.run-deps
	$(BIN)/python manage.py makemessages -l de -l it -l es --no-obsolete \
		--ignore=.venv --ignore=tests --ignore=bench --ignore=static --ignore=media
