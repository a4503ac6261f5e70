"""A BLAS self-check: the experiments' largest matrix product, tried once in a subprocess.

A BLAS kernel that crashes takes the whole process with it (a segfault, or a figure worker
that dies as ``BrokenProcessPool``), with no word on the cause.  :func:`ensure_blas_works`
runs the product in a child process first, and turns a crash or a wrong result into a
:class:`BlasError` that names the variables in force and what to do.  A passing check is
remembered in ``.cache/`` for this machine, numpy and settings, so it costs one subprocess
per machine rather than one per build.
"""
from __future__ import annotations

import hashlib
import importlib.metadata
import json
import os
import platform
import signal
import subprocess
import sys
from pathlib import Path

import actsite

ROOT = Path(__file__).resolve().parents[2]
STAMPS = ROOT / ".cache" / "blas-check"
SHAPE = (256, 4000, 256)            # hs.T @ delta in the dead-ReLU runs: (256, 4000) @ (4000, 256)
VARIABLES = (*actsite.PINNED_X86_64, "OPENBLAS_NUM_THREADS", "ACTSITE_NATIVE_BLAS")

PRODUCT = """
import sys
sys.path.insert(0, {scripts!r})
import actsite
import numpy as np
m, k, n = {shape!r}
rng = np.random.default_rng(0)
a, b = rng.standard_normal((m, k)), rng.standard_normal((k, n))
blas = a @ b
reference = np.einsum("ij,jk->ik", a, b, optimize=False)   # numpy's own loop, no BLAS
sys.exit(0 if np.allclose(blas, reference, rtol=1e-10, atol=1e-10) else 3)
"""


class BlasError(RuntimeError):
    """BLAS crashed or computed a wrong product under the settings in force."""


def settings() -> dict[str, str]:
    return {name: os.environ.get(name, "(unset)") for name in VARIABLES}


def _stamp() -> Path:
    key = json.dumps([settings(), importlib.metadata.version("numpy"), platform.machine(), _cpu_model(),
                      Path(actsite.__file__).read_text(encoding="utf-8"), PRODUCT], sort_keys=True)
    return STAMPS / hashlib.sha256(key.encode()).hexdigest()[:20]


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()


def diagnose(returncode: int, stderr: str) -> str:
    """The message for a failed check: what happened, under which settings, and the fix."""
    m, k, n = SHAPE
    if returncode < 0:
        try:
            name = signal.Signals(-returncode).name
        except ValueError:
            name = str(-returncode)
        what = f"crashed ({name})"
    elif returncode == 3:
        what = "gave a wrong result (it disagrees with numpy's own loop)"
    else:
        what = f"failed (exit status {returncode}): {stderr.strip()[-400:]}"
    shown = ", ".join(f"{name}={value}" for name, value in settings().items())
    pinned = " and ".join(f"{name}={value}" for name, value in actsite.PINNED_X86_64.items()
                          if name.startswith("OPENBLAS_"))
    return (f"BLAS self-check: a float64 ({m}, {k}) @ ({k}, {n}) product {what} under {shown}. "
            f"actsite/__init__.py pins {pinned} on "
            "x86-64; if your OpenBLAS still fails with them, run with ACTSITE_NATIVE_BLAS=1 "
            "(OpenBLAS then picks its own kernels; figures may differ in their last bits) and "
            "report the CPU model and numpy version.")


def ensure_blas_works(timeout: float = 300.0) -> None:
    """Raise :class:`BlasError` unless the product runs and is right; remembered once it passes."""
    stamp = _stamp()
    if stamp.exists():
        return
    code = PRODUCT.format(scripts=str(ROOT / "scripts"), shape=SHAPE)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=timeout)
    if result.returncode != 0:
        raise BlasError(diagnose(result.returncode, result.stderr))
    stamp.parent.mkdir(parents=True, exist_ok=True)
    stamp.write_text(json.dumps(settings(), indent=1) + "\n", encoding="utf-8")
