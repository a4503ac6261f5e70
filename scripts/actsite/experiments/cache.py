"""Run an experiment once per version of its code: results live in ``.cache/experiments``.

The key is the content hash of the experiment module and every project module it imports,
so editing the MLP or the dataset recomputes, and nothing else does.  Writes are atomic.
"""
from __future__ import annotations

import importlib
import io
from pathlib import Path

import numpy as np

from actsite.atomic import write_atomic
from actsite.sources import content_hash

CACHE_DIR = Path(__file__).resolve().parents[3] / ".cache" / "experiments"


def cached(name: str, cache_dir: Path = CACHE_DIR) -> dict:
    """Results of ``actsite.experiments.<name>.run()``, from the cache when the code is unchanged."""
    module = f"actsite.experiments.{name}"
    path = Path(cache_dir) / f"{name}-{content_hash(module)[:16]}.npz"
    if path.exists():
        with np.load(path, allow_pickle=False) as stored:
            return {key: stored[key] for key in stored.files}
    result = {key: np.asarray(value) for key, value in importlib.import_module(module).run().items()}
    buffer = io.BytesIO()
    np.savez(buffer, **result)
    write_atomic(path, buffer.getvalue())
    return result
