"""The site's Python package: the maths, the experiments, the figures and the build tooling.

Experiments must give the same numbers, and so figures the same bytes, on every machine:

* BLAS runs single-threaded, so results do not depend on how many cores a machine has
  (figures are drawn in parallel processes instead);
* numpy's SIMD dispatch stops at x86-64-v3 (AVX2) and OpenBLAS uses its Haswell kernels, so
  an AVX-512 machine rounds exactly like an AVX2 one.  Training runs amplify last-bit
  differences: without this, the stalled-layers run ends at 0.187 on one CPU and 0.221 on another.

This only takes effect when ``actsite`` is imported before numpy, which every entry point does;
subprocesses (figure workers, the notebook kernel) inherit the settings through the environment.
"""
import os

_REPRODUCIBLE_NUMERICS = {
    "OPENBLAS_NUM_THREADS": "1",
    "OMP_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
    "OPENBLAS_CORETYPE": "Haswell",
    "NPY_DISABLE_CPU_FEATURES": "X86_V4 AVX512_ICL AVX512_SPR",
}
for _variable, _value in _REPRODUCIBLE_NUMERICS.items():
    os.environ.setdefault(_variable, _value)
