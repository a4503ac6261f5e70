"""Synthetic classification tasks for the experiments (fixed seeds, no downloads)."""
from __future__ import annotations

import numpy as np


def voronoi(n: int = 4000, dim: int = 10, centroids: int = 100, classes: int = 10,
            seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Gaussian inputs labelled by the class of their nearest random centroid.

    Neutral between activations: the labelling uses no activation function at all.
    """
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(centroids, dim))
    owner = rng.integers(classes, size=centroids)
    X = rng.normal(size=(n, dim))
    nearest = ((X[:, None, :] - centres[None]) ** 2).sum(axis=2).argmin(axis=1)
    return X, owner[nearest]
