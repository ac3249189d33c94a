#!/usr/bin/env bash
# Run the whole test suite with the given Python: unit tests, doctests and every notebook
# under nbval (text and figures compared with the stored outputs), on all cores.
#
#   scripts/test.sh PYTHON [extra pytest arguments]
#
# pytest's exit code 5 means that no test was collected: that is a failure, not a pass.
set -uo pipefail
cd "$(dirname "$0")/.."
python=$1
shift
export PYTHONHASHSEED=0  # one hash seed for every Python process, kernels included
# Two workers: the notebooks, the browser test and the unit tests run side by side. Each
# notebook stays on one worker (--dist loadscope), as nbval needs one kernel per notebook.
workers=$("$python" -c 'import os; print(min(2, os.cpu_count() or 1))')
"$python" -m pytest -n "$workers" --dist loadscope \
  --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg --nbval-cell-timeout=300 \
  tests mlcourse notebooks "$@"
status=$?
if [ "$status" -eq 5 ]; then
  echo "make test: no tests were collected; that is a failure, not a pass." >&2
  exit 1
fi
exit "$status"
