"""A ReLU network is affine on each region where its set of active units is fixed.

For a given input, zeroing the rows of inactive units turns the network into one affine map
A_S x + c_S (Glorot et al. 2011: "the only non-linearity ... comes from the path selection").
Along a line through input space the active set changes a finite number of times, so the
output is piecewise linear.
"""
from __future__ import annotations

import numpy as np

from actsite.maths.functions import relu


def random_relu_net(sizes=(2, 16, 16, 1), seed: int = 0):
    rng = np.random.default_rng(seed)
    return [(rng.normal(0, np.sqrt(2 / n_in), size=(n_out, n_in)), rng.normal(0, 0.5, size=n_out))
            for n_in, n_out in zip(sizes[:-1], sizes[1:])]


def forward(layers, x: np.ndarray):
    """Output and the active-unit masks of the hidden layers for inputs x of shape (..., n_in)."""
    masks = []
    h = x
    for W, b in layers[:-1]:
        z = h @ W.T + b
        masks.append(z > 0)
        h = relu(z)
    W, b = layers[-1]
    return h @ W.T + b, masks


def local_affine_map(layers, x: np.ndarray):
    """(A, c) with f(y) = A y + c for every y that has the same active units as x."""
    _, masks = forward(layers, x)
    A, c = np.eye(len(x)), np.zeros(len(x))
    for (W, b), mask in zip(layers[:-1], masks):
        A, c = (W @ A) * mask[:, None], (W @ c + b) * mask
    W, b = layers[-1]
    return W @ A, W @ c + b


def pieces_along_line(layers, start, end, samples: int = 20001):
    """Sample the segment; return t, outputs and the index of the linear piece at each sample."""
    t = np.linspace(0.0, 1.0, samples)
    points = np.asarray(start)[None] + t[:, None] * (np.asarray(end) - np.asarray(start))[None]
    out, masks = forward(layers, points)
    pattern = np.concatenate(masks, axis=1)
    changes = np.any(pattern[1:] != pattern[:-1], axis=1)
    return t, out[:, 0], np.concatenate([[0], np.cumsum(changes)])


def run() -> dict:
    layers = random_relu_net()
    t, out, piece = pieces_along_line(layers, (-3.0, -2.0), (3.0, 2.5))
    return {"t": t, "output": out, "piece": piece, "pieces": int(piece.max() + 1)}
