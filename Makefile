# allervers — `make run` and `make test` do every set-up step themselves on a fresh machine.
SHELL := /bin/bash
.DEFAULT_GOAL := help

# Python 3.10 for both virtualenvs (Rasa 3.6 needs Python < 3.11).
PYTHON310 ?= $(shell python3.10 -c 'import sys' >/dev/null 2>&1 && echo python3.10 || ls -d $$HOME/.pyenv/versions/3.10*/bin/python3.10 /usr/bin/python3.10 /usr/local/bin/python3.10 2>/dev/null | head -n 1)
VENV := .venv
RASA_VENV := .venv-rasa
PY := $(VENV)/bin/python
RASA := $(RASA_VENV)/bin/rasa
LANGS := fr en ar es pt ro ru uk fa ps
PO_FILES := $(foreach l,$(LANGS),locales/$(l)/LC_MESSAGES/messages.po)
MO_FILES := $(PO_FILES:.po=.mo)
TRAINING_DATA := $(shell find nlu -name '*.yml' 2>/dev/null) domain.yml config.yml
MODEL := models/allervers.tar.gz
export ALLERVERS_VAR_DIR ?= $(CURDIR)/var
# Rasa telemetry and its error reports would send data off the machine.
export RASA_TELEMETRY_ENABLED := false

.PHONY: language-id lock-rasa postcodes help setup run run-scaled chat test test-unit test-e2e lint validate test-stories bench reliability i18n i18n-extract migrate train clean

help: ## List the named steps
	@grep -E '^[a-zA-Z0-9_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  make %-14s %s\n", $$1, $$2}'

$(RASA_VENV)/.installed: requirements/rasa.lock
	@echo "==> [setup 1/4] Rasa virtualenv ($(RASA_VENV), rasa 3.6.21, a few minutes the first time)"
	@test -n "$(PYTHON310)" || { echo "python3.10 not found"; exit 1; }
	$(PYTHON310) -m venv $(RASA_VENV)
	$(RASA_VENV)/bin/pip install --progress-bar on --upgrade pip==24.3.1
	$(RASA_VENV)/bin/pip install --progress-bar on --require-hashes -r requirements/rasa.lock
	@touch $@

$(VENV)/.installed: pyproject.toml requirements/bot.lock
	@echo "==> [setup 2/4] bot virtualenv ($(VENV): PTB 22, rasa-sdk, OpenFisca-France, SQLAlchemy, Babel...)"
	@test -n "$(PYTHON310)" || { echo "python3.10 not found"; exit 1; }
	$(PYTHON310) -m venv $(VENV)
	$(VENV)/bin/pip install --progress-bar on --upgrade pip==24.3.1
	$(VENV)/bin/pip install --progress-bar on -c requirements/bot.lock -e '.[dev]'
	@touch $@

lock-rasa: $(RASA_VENV)/.installed ## Write requirements/rasa.lock (hashes) from .venv-rasa's exact set (pip-tools)
	@test -n "$(PYTHON310)" || { echo "python3.10 not found"; exit 1; }
	$(RASA_VENV)/bin/pip freeze > var/rasa-freeze.txt
	test -x var/pip-tools/bin/pip-compile || { $(PYTHON310) -m venv var/pip-tools && var/pip-tools/bin/pip install pip-tools==7.6.2; }
	var/pip-tools/bin/pip-compile --generate-hashes --allow-unsafe --strip-extras --no-header \
	  --no-emit-index-url --no-emit-find-links -c var/rasa-freeze.txt -o requirements/rasa.lock.new requirements/rasa.txt
	@echo "requirements/rasa.lock.new written: put the header of rasa.lock on it and replace rasa.lock"

locales/%/LC_MESSAGES/messages.mo: locales/%/LC_MESSAGES/messages.po $(VENV)/.installed
	$(VENV)/bin/pybabel compile --statistics -d locales -D messages -l $*

i18n: $(MO_FILES) ## Compile the translation catalogs
	@echo "==> [setup 3/4] catalogs compiled"

i18n-extract: $(VENV)/.installed ## Extract strings to messages.pot and update every .po (no fuzzy matching)
	$(VENV)/bin/pybabel extract -F babel.cfg -k N_ --no-location --sort-output --project allervers -o locales/messages.pot .
	$(VENV)/bin/pybabel update -i locales/messages.pot -d locales -D messages --no-fuzzy-matching --ignore-obsolete --width 100
	$(VENV)/bin/python scripts/fill_source_catalog.py

migrate: $(VENV)/.installed ## Apply database migrations (Alembic)
	@echo "==> [setup 4/4] database migrations"
	$(VENV)/bin/allervers migrate

setup: $(RASA_VENV)/.installed $(VENV)/.installed i18n migrate ## Create both virtualenvs, compile catalogs, migrate

$(MODEL): $(TRAINING_DATA) $(RASA_VENV)/.installed
	@echo "==> Training the Rasa model (about 40 minutes on 2 cores for ten languages; skipped when the training data did not change)"
	@start=$$(date +%s); \
	$(RASA) train --data nlu --domain domain.yml --config config.yml --out models --fixed-model-name allervers \
	  && echo $$(( $$(date +%s) - start )) > models/training-seconds
	@touch $@

train: $(MODEL) ## Train the Rasa model if nlu/, domain.yml or config.yml changed

language-id: $(VENV)/.installed ## Fit the language classifier from nlu/ into models/ (seconds; kept until nlu/ changes)
	$(PY) -m bot.language_id

run: setup train language-id ## Set up, then run the bot (Telegram with TELEGRAM_BOT_TOKEN, else console chat)
	$(VENV)/bin/allervers run

# `make run-scaled SCALED_ARGS="--replicas 3 --gateways 4"`; needs apt-get install postgresql redis-server nginx-light.
SCALED_ARGS ?=
run-scaled: setup train language-id ## PostgreSQL, Redis, 2 Rasa replicas behind nginx, gateways (webhook) or console chat
	$(VENV)/bin/allervers run-scaled $(SCALED_ARGS)

chat: setup train language-id ## Console chat
	$(VENV)/bin/allervers chat

lint: $(VENV)/.installed ## ruff
	$(VENV)/bin/ruff check bot tests allervers_nlu

validate: $(RASA_VENV)/.installed ## rasa data validate
	$(RASA) data validate --data nlu --domain domain.yml --config config.yml --fail-on-warnings

test-stories: train ## rasa test on tests/test_stories.yml, failing on any prediction error
	$(RASA) test core --model $(MODEL) --stories tests/test_stories.yml --fail-on-prediction-errors --out var/results

test: setup train language-id lint validate ## Set up, then the whole test suite
	$(VENV)/bin/python -m pytest -ra
	$(MAKE) --no-print-directory test-stories

# `make bench BENCH_ARGS="--duration 5 --estimates 3"` for a short run; `--skip-scale` leaves out the
# scaled stack (PostgreSQL, Redis, two Rasa replicas, nginx; skipped with one line when not installed).
BENCH_ARGS ?=
bench: setup train language-id ## Benchmark (one Rasa, then the scaled stack) through the Bot API emulator; writes docs/benchmarks.md
	$(VENV)/bin/python -m tests.bench $(BENCH_ARGS)

# `make reliability RELIABILITY_ARGS="--conversations 50 --minutes 2"` for a short run.
RELIABILITY_ARGS ?=
reliability: setup train language-id ## Load run (200 conversations, 10 minutes, emulator on loopback); writes var/reliability-load.md
	$(VENV)/bin/python -m tests.reliability_load $(RELIABILITY_ARGS)

clean: ## Remove virtualenvs, models and runtime data
	rm -rf $(VENV) $(RASA_VENV) models var

postcodes: $(VENV)/.installed ## Refresh bot/data/postcodes.csv from the npm package codes-postaux (Etalab)
	rm -rf var/codes-postaux && mkdir -p var/codes-postaux
	cd var/codes-postaux && npm pack codes-postaux && tar xzf codes-postaux-*.tgz
	$(PY) scripts/build_postcodes.py var/codes-postaux/package/codes-postaux.json
