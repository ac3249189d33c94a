# Machine learning for geoscientists (ICTP_EQ): one command to open the course,
# one to test it. `make` alone lists the targets.
#
# With conda or mamba on PATH, the environment is the conda env ICTP_EQ built from
# environment.yml. Without, it is a virtual environment in .venv (prompt ICTP_EQ)
# with the same packages from pyproject.toml. Setup runs again only when one of the
# two dependency files changes (the stamp file's name is their hash).

SHELL := /bin/bash
.DEFAULT_GOAL := help
.ONESHELL:
.SHELLFLAGS := -eu -o pipefail -c

ENV_NAME := ICTP_EQ
VENV     := .venv
CONDA    := $(shell command -v mamba 2>/dev/null || command -v conda 2>/dev/null)
DEPS_HASH := $(shell cat pyproject.toml environment.yml | sha256sum | cut -c1-16)
PYTHON_FOR_VENV ?= python3

ifeq ($(CONDA),)
  PY    := $(VENV)/bin/python
  STAMP := $(VENV)/.setup-stamp-$(DEPS_HASH)
else
  PY    := $(CONDA) run --no-capture-output -n $(ENV_NAME) python
  STAMP := .setup-stamp-conda-$(DEPS_HASH)
endif

NOTEBOOKS := $(sort $(wildcard notebooks/*.ipynb))
CHROMIUM  := $(shell command -v chromium 2>/dev/null)
# Jupyter refuses to run as root unless told to (containers and CI machines run as root).
JUPYTER_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root)
# Reproducible runs: one hash seed for every Python process, kernels included.
export PYTHONHASHSEED := 0
NBVAL := --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg --nbval-cell-timeout=300

.PHONY: help setup notebook lab test execute student test-browser bench clean

help: ## List the targets
	@echo "Machine learning for geoscientists (ICTP_EQ)"
	@echo
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | awk -F'\t' '{printf "  make %-13s %s\n", $$1, $$2}'
	@echo
	@echo "Environment: $(if $(CONDA),conda env $(ENV_NAME) (via $(notdir $(CONDA))),virtual environment $(VENV) (no conda found))"

setup: $(STAMP) ## Create or update the ICTP_EQ environment (only when dependencies changed)
	@echo "Environment $(ENV_NAME) is up to date."

$(STAMP): pyproject.toml environment.yml
ifeq ($(CONDA),)
	@echo "No conda or mamba found: installing into the virtual environment $(VENV) with pip."
	rm -f $(VENV)/.setup-stamp-*
	[ -x $(VENV)/bin/python ] || $(PYTHON_FOR_VENV) -m venv --prompt $(ENV_NAME) $(VENV)
	$(VENV)/bin/python -m pip install --quiet --upgrade pip
	$(VENV)/bin/python -m pip install --quiet -e '.[course]'
else
	@echo "Using $(CONDA) for the environment $(ENV_NAME)."
	rm -f .setup-stamp-conda-*
	if $(CONDA) env list | grep -qE '^$(ENV_NAME)\s'; then
	  $(CONDA) env update --name $(ENV_NAME) --file environment.yml --prune
	else
	  $(CONDA) env create --file environment.yml
	fi
endif
	touch $@

notebook: setup ## Open the course in Jupyter Notebook (localhost, with a token)
	$(PY) -m jupyter notebook --ServerApp.ip=127.0.0.1 --ServerApp.root_dir=notebooks $(JUPYTER_ROOT)

lab: setup ## Open the course in JupyterLab (localhost, with a token)
	$(PY) -m jupyter lab --ServerApp.ip=127.0.0.1 --ServerApp.root_dir=notebooks $(JUPYTER_ROOT)

test: setup $(if $(CHROMIUM),browser-tools) ## Run the unit tests and every notebook (nbval, outputs compared; in a browser too where Chromium is installed)
	status=0
	$(PY) -m pytest $(NBVAL) tests mlcourse $(NOTEBOOKS) || status=$$?
	if [ $$status -eq 5 ]; then
	  echo "make test: no tests were collected; that is a failure, not a pass." >&2
	  exit 1
	fi
	exit $$status

execute: setup ## Re-run every notebook in place on a fresh kernel (refreshes stored outputs)
	for nb in $(NOTEBOOKS); do
	  echo "Executing $$nb"
	  $(PY) -m jupyter nbconvert --to notebook --execute --inplace \
	    --ExecutePreprocessor.timeout=600 --ExecutePreprocessor.kernel_name=python3 "$$nb"
	done

student: setup ## Write students' copies of the notebooks (no solutions, no outputs) to build/student/
	$(PY) scripts/student_copies.py notebooks build/student

test-browser: setup browser-tools ## Run every notebook in JupyterLab in headless Chromium; screenshots in build/screenshots/
	$(PY) scripts/browser_check.py

browser-tools: setup
	$(PY) -c "import playwright" 2>/dev/null || $(PY) -m pip install --quiet -e '.[browser]'

bench: setup ## Time mlcourse against references measured in the same run
	for script in $(sort $(wildcard bench/bench_*.py)); do
	  echo "== $$script"
	  $(PY) "$$script"
	done

clean: ## Remove the virtual environment, setup stamps, caches and build output
	rm -rf $(VENV) .setup-stamp-* build .pytest_cache .hypothesis *.egg-info
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
	find . -name .ipynb_checkpoints -type d -prune -exec rm -rf {} +
	$(if $(CONDA),@echo "The conda env $(ENV_NAME) is kept; remove it with: $(notdir $(CONDA)) env remove -n $(ENV_NAME)")
