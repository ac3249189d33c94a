#!/usr/bin/env bash
# Run every notebook under nbval as another computer would: the stored outputs were made on one
# CPU, and a student's laptop computes the last bits of its floats differently. Three numeric
# environments, each unlike the default one:
#
#   1. NumPy's AVX-512 code paths switched off: the paths an AVX2 laptop runs;
#   2. every optional NumPy SIMD group switched off: the paths of an older CPU;
#   3. OpenBLAS told it runs on another core type, with two BLAS threads (another summation order).
#
# Groups this CPU lacks are left alone (NumPy refuses to disable what it does not have), so the
# script runs anywhere; an environment identical to the default one is skipped and said so.
#
#   scripts/test_portable.sh "PYTHON COMMAND" [extra pytest arguments]
set -uo pipefail
cd "$(dirname "$0")/.."
read -r -a python <<< "$1"
shift
export PYTHONHASHSEED=0

# The optional (dispatched) SIMD groups of this NumPy that this CPU has, most advanced first.
groups=$("${python[@]}" - <<'EOF'
from numpy._core._multiarray_umath import __cpu_dispatch__, __cpu_features__
print(" ".join(g for g in reversed(__cpu_dispatch__) if __cpu_features__.get(g)))
EOF
)
avx512=$(tr ' ' '\n' <<< "$groups" | grep -E '^(X86_V4|AVX512)' | tr '\n' ' ')
coretype=$("${python[@]}" - <<'EOF'
import numpy, threadpoolctl
arch = next((i.get("architecture") or "" for i in threadpoolctl.threadpool_info() if i["user_api"] == "blas"), "")
print("Sandybridge" if arch.lower() == "haswell" else "Haswell")
EOF
)

status=0
run() {  # run NAME VAR=VALUE...: the notebooks under nbval with these variables set
  local name=$1
  shift
  echo "== make test-portable: $name ($*)"
  env TESTS="${TESTS:-notebooks}" "$@" scripts/test.sh "${python[*]}" ${extra[@]+"${extra[@]}"} || status=1
}
extra=("$@")

if [ -n "$avx512" ]; then
  run "an AVX2 laptop" NPY_DISABLE_CPU_FEATURES="$avx512"
else
  echo "== make test-portable: this CPU has no AVX-512 groups; the AVX2 run is the default run, skipped"
fi
if [ -n "$groups" ]; then
  run "an older CPU, no optional SIMD" NPY_DISABLE_CPU_FEATURES="$groups"
else
  echo "== make test-portable: this NumPy dispatches no optional SIMD group on this CPU; skipped"
fi
run "another OpenBLAS kernel, two threads" OPENBLAS_CORETYPE="$coretype" OPENBLAS_NUM_THREADS=2 BLAS_THREADS=2
exit "$status"
