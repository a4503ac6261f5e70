"""The site's Python package: the maths, the experiments, the figures and the build tooling.

BLAS runs single-threaded: results (and so figure bytes) must not depend on how many threads
a machine has, and figures are drawn in parallel processes instead.  This only takes effect
when ``actsite`` is imported before numpy, which every entry point does.
"""
import os

for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")
