# Machine learning for geoscientists (ICTP_EQ): one command to open the course,
# one to test it. `make` alone lists the targets.
#
# With conda or mamba on PATH, the environment is the conda env ICTP_EQ built from
# environment.yml. Without, it is a virtual environment in .venv (prompt ICTP_EQ)
# with the same packages from pyproject.toml, at the versions of requirements-lock.txt.
# Setup runs again only when a dependency file changes (the stamp file's name is
# their hash).
#
# This file runs with GNU make 3.81 (stock macOS): every recipe line stands alone,
# and anything longer than a line lives in scripts/. tests/test_repository.py fails
# if a feature of a later make comes back.

SHELL := /bin/bash
.DEFAULT_GOAL := help

ENV_NAME := ICTP_EQ
VENV     := .venv
LOCK     := requirements-lock.txt
CONDA    := $(shell command -v mamba 2>/dev/null || command -v conda 2>/dev/null)
DEPS_HASH := $(shell cat pyproject.toml environment.yml $(LOCK) | (sha256sum 2>/dev/null || shasum -a 256) | cut -c1-16)
PYTHON_FOR_VENV ?= python3

ifeq ($(CONDA),)
  PY    := $(VENV)/bin/python
  STAMP := $(VENV)/.setup-stamp-$(DEPS_HASH)
else
  PY    := $(CONDA) run --no-capture-output -n $(ENV_NAME) python
  STAMP := .setup-stamp-conda-$(DEPS_HASH)
endif

# make test-latest: a separate environment with the newest releases the loose specification allows;
# make test-oldest: one with the lower bounds of pyproject.toml
LATEST := .venv-latest
OLDEST := .venv-oldest

NOTEBOOKS := $(sort $(wildcard notebooks/*.ipynb))
# Debian's Chromium, for the browser test (never downloaded; see the block at the end).
CHROMIUM  := $(wildcard /usr/bin/chromium)
# Jupyter refuses to run as root unless told to (containers and CI machines run as root).
JUPYTER_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root)
# Reproducible runs: one hash seed for every Python process, kernels included.
export PYTHONHASHSEED := 0

.PHONY: help setup notebook lab test test-students test-latest test-oldest test-portable test-conda test-claims lock execute bench clean student test-browser browser-tools site site-tools test-site hub hub-tools test-hub slides test-slides

help: ## List the targets
	@echo "Machine learning for geoscientists (ICTP_EQ)"
	@echo
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /	/' | awk -F'	' '{printf "  make %-13s %s\n", $$1, $$2}'
	@echo
	@echo "Environment: $(if $(CONDA),conda env $(ENV_NAME) (via $(notdir $(CONDA))),virtual environment $(VENV) (no conda found))"

setup: $(STAMP) ## Create or update the ICTP_EQ environment (only when dependencies changed)
	@echo "Environment $(ENV_NAME) is up to date."

$(STAMP): pyproject.toml environment.yml $(LOCK)
	rm -f $(VENV)/.setup-stamp-* .setup-stamp-conda-*
ifeq ($(CONDA),)
	scripts/setup.sh venv $(VENV) $(PYTHON_FOR_VENV) $(LOCK)
else
	scripts/setup.sh conda $(CONDA) $(ENV_NAME)
endif
	touch $@

notebook: setup ## Open the course in Jupyter Notebook (localhost, with a token)
	$(PY) -m jupyter notebook --ServerApp.ip=127.0.0.1 --ServerApp.root_dir=notebooks $(JUPYTER_ROOT)

lab: setup ## Open the course in JupyterLab (localhost, with a token)
	$(PY) -m jupyter lab --ServerApp.ip=127.0.0.1 --ServerApp.root_dir=notebooks $(JUPYTER_ROOT)

# The students' copies run in their own target (make test-students), so that make test stays a few
# minutes on a 2-core laptop: each notebook is run once here, under nbval.
STUDENT_TESTS := tests/test_browser.py tests/test_student_copies.py::test_student_copy_runs_top_to_bottom
# The slides in Chromium, static and with RISE, run in make test-slides.
SLIDE_TESTS := tests/test_slides.py::TestStaticSlides tests/test_slides.py::TestRise

test: setup ## Run the unit tests and every notebook (nbval: text and figures compared)
	scripts/test.sh "$(PY)" $(foreach t,$(STUDENT_TESTS) $(SLIDE_TESTS),--deselect $(t))

test-students: setup $(if $(CHROMIUM),browser-tools) ## Run the students' copies (exercises blank) top to bottom: in Chromium where installed, Notebook 7 and JupyterLab alternating; else on a plain kernel
	TESTS="$(STUDENT_TESTS)" scripts/test.sh "$(PY)"

test-portable: setup ## Run every notebook as other CPUs would: NumPy's SIMD paths switched off, another OpenBLAS kernel
	scripts/test_portable.sh "$(PY)"

test-latest: ## Build .venv-latest from the loose specification (newest releases) and run every test there
	scripts/setup.sh venv $(LATEST) $(PYTHON_FOR_VENV)
	$(if $(CHROMIUM),$(LATEST)/bin/python -m pip install --quiet --upgrade -e '.[browser]')
	scripts/test.sh $(LATEST)/bin/python

test-claims: setup ## Re-run every notebook with 5 seeds: each claim must hold in every run (writes docs/claims.md)
	$(PY) scripts/run_claims.py $(NOTEBOOKS)

test-oldest: ## Build .venv-oldest from the lower bounds of pyproject.toml and run the unit tests there
	mkdir -p build
	$(PYTHON_FOR_VENV) scripts/floors.py > build/constraints-oldest.txt
	scripts/setup.sh venv $(OLDEST) $(PYTHON_FOR_VENV) build/constraints-oldest.txt
	TESTS="tests mlcourse" scripts/test.sh $(OLDEST)/bin/python

test-conda: setup ## Drive the Makefile's conda route with a stand-in conda (tests/standin/conda) on a copy of the course
	TESTS=tests/test_conda_route.py COURSE_TEST_CONDA_ROUTE=1 scripts/test.sh "$(PY)"

lock: setup site-tools browser-tools hub-tools ## Write requirements-lock.txt: the exact versions of today's environment, with the site, browser and hub extras (commit it with refreshed outputs)
	{ echo '# Exact versions the stored notebook outputs were made with. Used by the venv route (make setup, CI)'; echo '# as pip constraints. Refresh with make lock, then make execute and make test; commit them together.'; $(PY) -m pip freeze --exclude-editable --all | grep -v -E '^(pip|setuptools|wheel)=='; } > $(LOCK)
	@echo "Wrote $(LOCK): run make execute and make test, then commit the lock with the refreshed notebooks."

execute: setup ## Re-run every notebook in place on a fresh kernel (refreshes stored outputs)
	scripts/execute.sh "$(PY)" $(NOTEBOOKS)

bench: setup ## Time mlcourse against references measured in the same run
	for script in $(sort $(wildcard bench/bench_*.py)); do echo "== $$script"; $(PY) "$$script" || exit 1; done

clean: ## Remove the virtual environments, stamps, caches and build output
	rm -rf $(VENV) $(LATEST) $(OLDEST) .setup-stamp-* build .pytest_cache .hypothesis *.egg-info site/node_modules hub/node_modules
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
	find . -name .ipynb_checkpoints -type d -prune -exec rm -rf {} +
	$(if $(CONDA),@echo "The conda env $(ENV_NAME) is kept; remove it with: $(notdir $(CONDA)) env remove -n $(ENV_NAME)")

# ---- Classroom readiness: students' copies and the course in a real browser ----------------------
# `make test-students` runs tests/test_browser.py; it installs the browser tools first where Chromium
# is installed (as root on Debian: apt-get install chromium; .ci/run does it) and runs the copies on a
# plain kernel elsewhere.
# Check other notebooks in the browser with: make test-browser NOTEBOOKS="path/a.ipynb path/b.ipynb"
# make student SOLUTIONS=no writes copies without the sample solutions (a one-line note in their place).

student: setup ## Write students' copies (no instructor notes, sample solutions folded, no outputs) to build/student/; SOLUTIONS=no leaves the solutions out
	$(PY) scripts/student_copies.py notebooks build/student $(if $(filter no,$(SOLUTIONS)),--no-solutions)

test-browser: setup browser-tools ## Run every notebook in Notebook 7 and in JupyterLab in headless Chromium; screenshots in build/screenshots/
	$(PY) scripts/browser_check.py --both $(NOTEBOOKS)

browser-tools: setup ## Install Playwright for Python (extra `browser`) for the browser test; no browser download
	$(PY) -c "import playwright.sync_api" 2>/dev/null || $(PY) -m pip install --quiet -e '.[browser]' $(if $(CONDA),,-c $(LOCK))

# ---- The course website: every day with its figures, for reading without Jupyter ------------------
# Built from the notebooks as stored (never re-executed) with Sphinx and myst-nb (extra `site`, not
# part of a student's environment); MathJax comes from npm (site/package-lock.json) and is copied
# into the site, so that the pages request nothing outside it. Needs Node.js's npm for that step.

site: setup site-tools ## Build the course website in build/site/ from the notebooks as stored; open build/site/index.html
	$(PY) scripts/build_site.py

site-tools: setup ## Install Sphinx, myst-nb and the book theme (extra `site`) for make site; no student needs them
	$(PY) -c "import myst_nb, sphinx_book_theme" 2>/dev/null || $(PY) -m pip install --quiet -e '.[site]' $(if $(CONDA),,-c $(LOCK))

test-site: site $(if $(CHROMIUM),browser-tools) ## Build the site, then open every page in headless Chromium with every request outside it blocked
	$(PY) -m pytest -p no:cacheprovider tests/test_site.py

# ---- A JupyterHub for the workshop: the course in a browser tab, one server for a class -----------
# JupyterHub and the idle culler (extra `hub`, not part of a student's environment) install on demand;
# the proxy comes from npm (hub/package-lock.json), so this needs Node.js's npm as make site does.
# hub/jupyterhub_config.py holds the settings; the README's "A JupyterHub for the workshop" the steps.
STUDENTS ?= 4

hub-tools: setup ## Install JupyterHub and the idle culler (extra `hub`) and the proxy (npm ci in hub/); no student needs them
	$(PY) -c "import jupyterhub, jupyterhub_idle_culler" 2>/dev/null || $(PY) -m pip install --quiet -e '.[hub]' $(if $(CONDA),,-c $(LOCK))
	test -x hub/node_modules/.bin/configurable-http-proxy || npm ci --prefix hub --no-audit --no-fund

hub: setup hub-tools student ## Start the course's JupyterHub on http://127.0.0.1:8000 (shared password printed; Ctrl-C stops it)
	$(PY) scripts/hub.py

test-hub: setup hub-tools student ## A simulated class on the hub: STUDENTS (default 4) log in and run Day 2 at once; writes build/hub-report.md
	$(PY) scripts/test_hub.py --students $(STUDENTS)

# ---- Slides: each day's lecture as reveal.js HTML, and the notebooks presented live with RISE ------
# Built from the notebooks as stored with nbconvert (the course's template in site/slides/); reveal.js
# and MathJax come from npm (site/package-lock.json, as for make site) and are copied next to the HTML.

slides: setup ## Write each day's lecture as reveal.js slides in build/slides/ (offline; open build/slides/index.html)
	$(PY) scripts/build_slides.py

test-slides: slides $(if $(CHROMIUM),browser-tools) ## Build the slides and open them in headless Chromium offline; present each day with RISE in JupyterLab and Notebook 7
	$(PY) -m pytest -p no:cacheprovider tests/test_slides.py
