# inkubator — two commands on a fresh machine: `make demo` and `make test`.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
export UV_PYTHON_DOWNLOADS := never
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: demo test install system-deps assets static messages migrate seed serve lint bench clean

$(BIN)/.installed: requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

node_modules/.installed: package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

install: $(BIN)/.installed node_modules/.installed

# Debian packages the browser tests and PDF rendering need; installed only when missing.
SYSTEM_PACKAGES := chromium gettext libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core
system-deps:
	@missing=""; for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi

messages: install
	$(BIN)/inkubator compile_translations

static: install messages
	$(BIN)/inkubator collectstatic --noinput --verbosity 0

migrate: install
	$(BIN)/inkubator migrate --noinput --verbosity 0

seed: migrate
	$(BIN)/inkubator seed --scale demo --seed 2024

demo: static seed
	$(BIN)/inkubator demo_accounts
	DEBUG=$${DEBUG:-true} $(BIN)/inkubator serve $(PORT)

test: install system-deps static
	$(BIN)/pytest -q $(PYTEST_ARGS)

# ruff (bugs, style, complexity; formatting) and the layering contract of the stack (pyproject's
# [tool.importlinter]): a violation fails with the offending import named.
lint: install
	$(BIN)/ruff check inkubator bench
	$(BIN)/ruff format --check inkubator bench
	$(BIN)/lint-imports

bench: install static
	$(BIN)/python -m bench.registry $(BENCH_ARGS)
	$(BIN)/python -m bench.mcda $(MCDA_BENCH_ARGS)
	$(BIN)/python -m bench.selection_run $(RUN_BENCH_ARGS)

clean:
	rm -rf $(VENV) node_modules var/static
