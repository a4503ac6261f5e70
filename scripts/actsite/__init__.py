"""The site's Python package: the maths, the experiments, the figures and the build tooling.

Experiments must give the same numbers, and so figures the same bytes, on every x86-64 machine:

* BLAS runs single-threaded, so results do not depend on how many cores a machine has
  (figures are drawn in parallel processes instead);
* numpy's SIMD dispatch stops at x86-64-v3 (AVX2) and OpenBLAS uses its Haswell kernels, so
  an AVX-512 machine rounds exactly like an AVX2 one.  Training runs amplify last-bit
  differences: without this, the stalled-layers run ends at 0.187 on one CPU and 0.221 on another;
* OpenBLAS is told its L2 cache size.  With the Haswell kernels forced and no size given, numpy
  2.5.5's OpenBLAS 0.3.34 reads the size from the CPU, and on some AMD machines a float64
  ``(256, 4000) @ (4000, 256)`` product then segfaults.  With the size given it does not, and the
  figures are the same bytes.

Matplotlib keeps its font list in a per-user cache.  A list built by another matplotlib
installation (or cut short while one was being removed) can point DejaVu Sans at a system copy
of the font instead of matplotlib's own, which changes every figure's bytes; so the project
keeps its own cache, under ``.cache/matplotlib``.

These values replace whatever the environment holds, since any other value would change the
figures.  ``ACTSITE_NATIVE_BLAS=1`` keeps the environment's own choice (figures may then differ in
their last bits).  Off x86-64 (aarch64, Apple silicon) only the thread counts are pinned: figure
bytes may differ there, and every claim test still holds.  :mod:`actsite.blas_check` tries the
experiments' largest product once in a subprocess before anything trains.

This only takes effect when ``actsite`` is imported before numpy, which every entry point does;
subprocesses (figure workers, the notebook kernel) inherit the settings through the environment.
"""
import os
import platform
from pathlib import Path

PINNED_THREADS = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
PINNED_X86_64 = {
    "OPENBLAS_CORETYPE": "Haswell",
    "OPENBLAS_L2_SIZE": "1048576",
    "NPY_DISABLE_CPU_FEATURES": "X86_V4 AVX512_ICL AVX512_SPR",
}
IS_X86_64 = platform.machine().lower() in ("x86_64", "amd64")
NATIVE_BLAS = os.environ.get("ACTSITE_NATIVE_BLAS", "") not in ("", "0")

os.environ.update(PINNED_THREADS)
os.environ["MPLCONFIGDIR"] = str(Path(__file__).resolve().parents[2] / ".cache" / "matplotlib")
if IS_X86_64 and not NATIVE_BLAS:
    os.environ.update(PINNED_X86_64)
