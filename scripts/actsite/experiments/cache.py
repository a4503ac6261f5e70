"""Run an experiment once per version of its code: results live in ``.cache/experiments``.

The key is the content hash of the experiment module and every project module it imports,
so editing the MLP or the dataset recomputes, and nothing else does.  Writes are atomic, and a
lock beside each entry makes concurrent callers (the figure build's workers, the test workers)
wait for the one run instead of each computing it.
"""
from __future__ import annotations

import importlib
import io
from pathlib import Path

import numpy as np
from filelock import FileLock

from actsite.atomic import write_atomic
from actsite.sources import content_hash

CACHE_DIR = Path(__file__).resolve().parents[3] / ".cache" / "experiments"


def cached(name: str, cache_dir: Path = CACHE_DIR) -> dict:
    """Results of ``actsite.experiments.<name>.run()``, from the cache when the code is unchanged."""
    module = f"actsite.experiments.{name}"
    path = Path(cache_dir) / f"{name}-{content_hash(module)[:16]}.npz"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        with FileLock(str(path.with_suffix(".lock"))):
            if not path.exists():                   # nobody computed it while this caller waited
                result = {key: np.asarray(value) for key, value in importlib.import_module(module).run().items()}
                buffer = io.BytesIO()
                np.savez(buffer, **result)
                write_atomic(path, buffer.getvalue())
                return result
    with np.load(path, allow_pickle=False) as stored:
        return {key: stored[key] for key in stored.files}
