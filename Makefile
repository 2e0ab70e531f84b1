# Two commands matter: `make run` starts the assistant, `make test` runs every test.
# Everything else is a step they depend on, or a tool for developers.

SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
PY := $(VENV)/bin/python
RASA := $(VENV)/bin/rasa
PORT ?= 5005
MODEL := models/parental.tar.gz
BASELINE_MODEL := models/baseline.tar.gz
TRAIN_DATA := data/nlu data/rules build/nlu

# Python 3.10: on PATH, else the newest under pyenv's versions. Each candidate must
# really run (a pyenv shim can be on PATH without the version behind it).
PYTHON310 := $(shell for p in python3.10 $$(ls -d $$HOME/.pyenv/versions/3.10.*/bin/python3.10 2>/dev/null | sort -V -r); do \
	if "$$p" -c 'import sys, venv; assert sys.version_info[:2] == (3, 10)' >/dev/null 2>&1; then command -v "$$p" || echo "$$p"; break; fi; done)

# Nothing leaves this machine at run time: Rasa's usage telemetry is off.
export RASA_TELEMETRY_ENABLED := false
# TensorFlow's start-up chatter is not useful in test output.
export TF_CPP_MIN_LOG_LEVEL := 2
export SQLALCHEMY_SILENCE_UBER_WARNING := 1

.PHONY: help install build train run shell test lint format types validate system-packages \
	test-unit test-nlu test-stories test-server test-browser check-content constraints clean \
	baseline-model bench bench-insights bench-tuning profile test-bench-smoke eval test-eval-smoke \
	run-cluster test-scale

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-17s %s\n", $$1, $$2}'

$(VENV)/.installed: requirements.txt requirements-dev.txt constraints.txt
	@if [ -z "$(PYTHON310)" ]; then echo "Python 3.10 is required (Rasa 3.6 supports 3.8-3.10): install python3.10, e.g. 'pyenv install 3.10'." >&2; exit 1; fi
	@[ -x $(PY) ] || $(PYTHON310) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt -c constraints.txt
	@touch $@

install: $(VENV)/.installed ## Create .venv and install the pinned dependencies

build/.built: $(VENV)/.installed data/guidance/*.yml $(wildcard data/guidance/apps/*.yml bot/nlp/*.py bot/knowledge/*.py)
	$(PY) -m bot build --out build
	@touch $@

build: build/.built ## Build the spaCy pipeline and NLU synonyms from the knowledge base

# Retrain only when the data, domain, config or the built pipeline changed. The folders
# themselves count too: deleting a training file changes only its folder's time.
$(MODEL): build/.built config.yml bot/domain data/nlu data/rules $(wildcard bot/domain/*.yml data/nlu/*.yml data/rules/*.yml)
	$(RASA) train --config config.yml --domain bot/domain --data $(TRAIN_DATA) \
		--out models --fixed-model-name parental --force
	@touch $@

train: $(MODEL) ## Train the Rasa model if anything it depends on changed

# The benchmark's baseline: the same domain and data under Rasa's default configuration.
$(BASELINE_MODEL): build/.built tests/benchmark/baseline_config.yml $(wildcard bot/domain/*.yml data/nlu/*.yml data/rules/*.yml)
	$(RASA) train --config tests/benchmark/baseline_config.yml --domain bot/domain --data $(TRAIN_DATA) \
		--out models --fixed-model-name baseline --force
	@touch $@

baseline-model: $(BASELINE_MODEL) ## Train the benchmark's baseline (Rasa defaults: slow, ~20 min)

run: $(MODEL) ## Start the action server and Rasa (port $PORT, default 5005)
	$(PY) -m launcher serve --model $(MODEL) --port $(PORT)

# Debian packages the browser and cluster tests need: Chromium drives the widget (no
# browser download works here); nginx, PostgreSQL and Redis make the cluster (the scale tests
# start servers of their own from these packages; nothing needs to be running). Checked before
# the slow steps; installed when this user may (root, or sudo without a password), else the
# one command to run is named. Debian installs nginx in /usr/sbin, not always on PATH.
system-packages: ## Install the Debian packages the browser and cluster tests need
	@missing=""; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing="$$missing nginx"; \
	ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing="$$missing postgresql"; \
	command -v redis-server >/dev/null || missing="$$missing redis-server"; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ]; then sudo=""; elif sudo -n true 2>/dev/null; then sudo="sudo"; \
	else echo "Missing Debian packages. Run: sudo apt-get install -y$$missing" >&2; exit 1; fi; \
	echo "Installing Debian packages:$$missing"; \
	$$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq $$missing >/dev/null

NEED_NGINX := @command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || { echo "nginx is needed: make system-packages" >&2; exit 1; }

# The production topology on this machine: PostgreSQL and Redis on 127.0.0.1 (started from
# Debian's packages if stopped), 2 Rasa instances x 2 workers and the action server behind
# nginx on port 8080. Settings: launcher/cluster/settings.py and docs/scaling.md.
run-cluster: $(MODEL) ## Several Rasa instances behind nginx on PostgreSQL and Redis (port 8080)
	$(NEED_NGINX)
	$(PY) -m launcher cluster --model $(MODEL)

shell: $(MODEL) ## Chat with the assistant in this terminal
	$(PY) -m launcher serve --model $(MODEL) --shell

check-content: $(VENV)/.installed ## Validate the guidance knowledge base
	$(PY) -m bot check-content

lint: $(VENV)/.installed ## ruff lint and format check
	$(VENV)/bin/ruff check bot actions launcher tests
	$(VENV)/bin/ruff format --check bot actions launcher tests

format: $(VENV)/.installed ## Format and auto-fix with ruff
	$(VENV)/bin/ruff format bot actions launcher tests
	$(VENV)/bin/ruff check --fix bot actions launcher tests

types: $(VENV)/.installed ## mypy over our code
	$(VENV)/bin/mypy bot actions launcher

validate: build/.built ## rasa data validate, warnings are errors
	$(RASA) data validate --config config.yml --domain bot/domain --data $(TRAIN_DATA) --fail-on-warnings

test-unit: build/.built ## pytest: knowledge base, actions, data hygiene
	$(PY) -m pytest -q tests/unit

test-nlu: $(MODEL) ## Quality floors: held-out intents, crisis recall, off-topic rate
	$(RASA) test nlu --model $(MODEL) --domain bot/domain --nlu tests/data/nlu/test_nlu.yml --out results/nlu
	$(PY) -m pytest -q tests/model

test-server: $(MODEL) ## pytest against the running servers over REST
	$(PY) -m pytest -q tests/server

test-browser: $(MODEL) ## The widget in headless Chromium against the real server
	@command -v chromium >/dev/null || { echo "Chromium is needed: make system-packages" >&2; exit 1; }
	WIDGET_REAL_SERVER=1 $(PY) -m pytest -q tests/browser

test-stories: $(MODEL) ## Conversation tests through the trained model
	$(RASA) test core --model $(MODEL) --stories tests/data/test_conversations.yml \
		--out results --fail-on-prediction-errors

bench: $(MODEL) $(BASELINE_MODEL) ## Benchmark against stock Rasa: JSON line, reports/bench/
	$(PY) -m tests.benchmark.run --train-from-scratch

bench-insights: $(VENV)/.installed ## A school's insights page over 100,000 recorded replies (JSON line)
	$(PY) -m tests.benchmark.insights

bench-tuning: $(MODEL) ## CPU per message as each runtime fix is added (reports/bench/tuning.json)
	$(PY) -m tests.benchmark.tuning

profile: $(MODEL) ## py-spy flame graph of the Rasa server under load (reports/bench/profile.svg)
	$(PY) -m tests.benchmark.profile

test-bench-smoke: $(MODEL) ## A few seconds of the benchmark, without the baseline
	$(PY) -m pytest -q tests/benchmark

# The quality report: figures, tables and plots in reports/eval, a JSON summary line last.
eval: $(MODEL) ## Quality report: held-out NLU, crisis, off-topic, conversations (reports/eval)
	$(PY) -m tests.evaluation.report --model $(MODEL) --out reports/eval

test-eval-smoke: $(MODEL) ## `make eval` on small samples: it runs and its summary line is complete
	$(PY) -m pytest -q tests/evaluation

test-scale: $(MODEL) ## The cluster: failover, ordering, hostile input, rate limits, privacy at rest
	$(NEED_NGINX)
	$(PY) -m pytest -q tests/scale

test: system-packages lint types validate test-unit test-nlu test-stories test-server test-browser test-bench-smoke test-eval-smoke test-scale ## Every test (what CI runs)

constraints: $(VENV)/.installed ## Re-pin constraints.txt from the installed packages
	@{ sed -n '1,2p' constraints.txt; $(PY) -m pip freeze --exclude-editable; } > constraints.tmp && mv constraints.tmp constraints.txt

clean: ## Remove build output, models and results (keeps .venv)
	rm -rf build models results reports .pytest_cache .mypy_cache .ruff_cache
