#!/usr/bin/env bash
# Re-run notebooks in place on a fresh kernel, so that their stored outputs are current.
#
#   scripts/execute.sh "PYTHON COMMAND" NOTEBOOK...
#
# PYTHON COMMAND is one argument and may be several words (`conda run -n ICTP_EQ python`).
set -euo pipefail
cd "$(dirname "$0")/.."
read -r -a python <<< "$1"
shift
export PYTHONHASHSEED=0
for notebook in "$@"; do
  echo "Executing $notebook"
  "${python[@]}" -m jupyter nbconvert --to notebook --execute --inplace \
    --ExecutePreprocessor.timeout=600 --ExecutePreprocessor.kernel_name=python3 "$notebook"
  "${python[@]}" scripts/tidy_notebook.py "$notebook"
done
