#!/usr/bin/env bash
# Run the whole test suite with the given Python: unit tests, doctests and every notebook
# under nbval (text and figures compared with the stored outputs), on all cores.
#
#   scripts/test.sh "PYTHON COMMAND" [extra pytest arguments]
#
# PYTHON COMMAND is one argument and may be several words: `.venv/bin/python`, or
# `conda run --no-capture-output -n ICTP_EQ python` on the conda route.
# TESTS (default: tests mlcourse notebooks) chooses what runs; BLAS_THREADS (default 1)
# the BLAS threads of every worker and kernel.
#
# pytest's exit code 5 means that no test was collected: that is a failure, not a pass.
set -uo pipefail
cd "$(dirname "$0")/.."
read -r -a python <<< "$1"
shift
export PYTHONHASHSEED=0  # one hash seed for every Python process, kernels included
# Each worker and kernel computes on one thread: two workers already fill two cores, and
# BLAS threads competing for the same cores would slow every notebook down. (Threading
# changes the last digits of some floats; the outputs are compared rounded and with an
# image tolerance, so the stored outputs hold either way.)
threads=${BLAS_THREADS:-1}
export OPENBLAS_NUM_THREADS=$threads OMP_NUM_THREADS=$threads MKL_NUM_THREADS=$threads
# Two workers: the browser test on one, the notebooks (nbval) and the unit tests on the
# other. Each notebook stays on one worker (--dist loadscope), as nbval needs one kernel
# per notebook, and so does the browser test (one class). The order is ours, not xdist's
# (--no-loadscope-reorder; tests/conftest.py sets it): the browser test first, with a short
# module after it, so that its worker holds no notebook while the other worker runs them.
workers=$("${python[@]}" -c 'import os; print(min(2, os.cpu_count() or 1))')
read -r -a tests <<< "${TESTS:-tests mlcourse notebooks}"
"${python[@]}" -m pytest -n "$workers" --dist loadscope --no-loadscope-reorder \
  --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg --nbval-cell-timeout=300 \
  "${tests[@]}" "$@"
status=$?
if [ "$status" -eq 5 ]; then
  echo "make test: no tests were collected; that is a failure, not a pass." >&2
  exit 1
fi
exit "$status"
