#!/usr/bin/env bash
# Create or update the course environment: the conda env ICTP_EQ where conda or mamba
# exists, else a virtual environment. Called by `make setup`; usable on its own.
#
#   scripts/setup.sh conda  CONDA_EXE ENV_NAME                 conda env from environment.yml
#   scripts/setup.sh venv   VENV_DIR  PYTHON [LOCK_FILE]       venv from pyproject.toml,
#                                                              pinned by LOCK_FILE when given
set -euo pipefail
cd "$(dirname "$0")/.."

kind=$1
case "$kind" in
  conda)
    conda=$2 name=$3
    echo "Using $conda for the environment $name (from environment.yml)."
    # the same two commands as the README's "Installing with conda"
    if "$conda" env list | grep -qE "^$name[[:space:]]"; then
      "$conda" env update -n "$name" -f environment.yml --prune
    else
      "$conda" env create -f environment.yml
    fi
    ;;
  venv)
    venv=$2 python=$3 lock=${4:-}
    echo "No conda or mamba in use: installing into the virtual environment $venv with pip."
    if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      echo "The course needs Python 3.11 or newer (the versions in requirements-lock.txt need it); '$python' is $("$python" --version 2>&1 || echo missing)." >&2
      echo "Install a newer Python, or run: make setup PYTHON_FOR_VENV=/path/to/python3.12" >&2
      exit 1
    fi
    [ -x "$venv/bin/python" ] || "$python" -m venv --prompt ICTP_EQ "$venv"
    "$venv/bin/python" -m pip install --quiet --upgrade pip
    if [ -n "$lock" ]; then
      # the exact versions the stored notebook outputs were made with
      "$venv/bin/python" -m pip install --quiet -e '.[course]' -c "$lock"
    else
      # the newest releases the loose specification allows (make test-latest)
      "$venv/bin/python" -m pip install --quiet --upgrade --upgrade-strategy eager -e '.[course]'
    fi
    ;;
  *)
    echo "usage: scripts/setup.sh conda CONDA ENV_NAME | venv VENV PYTHON [LOCK]" >&2
    exit 2
    ;;
esac
