"""Why all-positive inputs make gradient descent zig-zag (LeCun et al. 1998, §4.3).

One linear neuron y = w·x, squared loss, targets from w* = (1, -1), start at w0 = (-1, 1).
Inputs are drawn from U(0.2, 1)^2 (all positive, like sigmoid outputs) or the same points
centred on their mean.  With positive inputs every per-example update moves both weights
the same way, and the loss surface is ill-conditioned even for full-batch descent.
"""
from __future__ import annotations

import numpy as np

W_STAR = np.array([1.0, -1.0])
W_START = np.array([-1.0, 1.0])
N = 2000
SGD_STEPS = 60
SGD_LR = 1.0
TOLERANCE = 0.05


def inputs(centred: bool, seed: int = 0) -> np.ndarray:
    X = np.random.default_rng(seed).uniform(0.2, 1.0, size=(N, 2))
    return X - X.mean(axis=0) if centred else X


def loss_surface(X: np.ndarray, w1: np.ndarray, w2: np.ndarray) -> np.ndarray:
    """Mean of ½ (w·x - w*·x)² on a grid of weights: ½ (w - w*)ᵀ H (w - w*)."""
    H = hessian(X)
    d1, d2 = w1 - W_STAR[0], w2 - W_STAR[1]
    return 0.5 * (H[0, 0] * d1 ** 2 + 2 * H[0, 1] * d1 * d2 + H[1, 1] * d2 ** 2)


def hessian(X: np.ndarray) -> np.ndarray:
    return X.T @ X / len(X)


def sgd_path(X: np.ndarray, steps: int = SGD_STEPS, lr: float = SGD_LR, seed: int = 1) -> np.ndarray:
    """Per-example SGD: one randomly drawn example per step."""
    rng = np.random.default_rng(seed)
    w = W_START.copy()
    path = [w.copy()]
    for i in rng.integers(len(X), size=steps):
        x = X[i]
        w = w - lr * (w @ x - W_STAR @ x) * x
        path.append(w.copy())
    return np.array(path)


def gd_path(X: np.ndarray, lr: float | None = None, max_steps: int = 500) -> np.ndarray:
    """Full-batch gradient descent until within TOLERANCE of w*, by default at the rate 1/λ_max."""
    H = hessian(X)
    if lr is None:
        lr = 1.0 / np.linalg.eigvalsh(H).max()
    w = W_START.copy()
    path = [w.copy()]
    while np.linalg.norm(w - W_STAR) >= TOLERANCE and len(path) <= max_steps:
        w = w - lr * H @ (w - W_STAR)
        path.append(w.copy())
    return np.array(path)


def same_sign_fraction(path: np.ndarray) -> float:
    steps = np.diff(path, axis=0)
    steps = steps[np.all(steps != 0, axis=1)]
    return float(np.mean(np.sign(steps[:, 0]) == np.sign(steps[:, 1])))


def path_ratio(path: np.ndarray) -> float:
    """Length travelled divided by the straight-line distance from start to end."""
    travelled = np.linalg.norm(np.diff(path, axis=0), axis=1).sum()
    return float(travelled / np.linalg.norm(path[-1] - path[0]))


def run() -> dict:
    result = {}
    for label, centred in (("positive", False), ("centred", True)):
        X = inputs(centred)
        eig = np.linalg.eigvalsh(hessian(X))
        sgd, gd = sgd_path(X), gd_path(X)
        result |= {f"{label}_eigenvalues": eig, f"{label}_condition": eig.max() / eig.min(),
                   f"{label}_sgd": sgd, f"{label}_gd": gd, f"{label}_gd_steps": len(gd) - 1,
                   f"{label}_same_sign": same_sign_fraction(sgd),
                   f"{label}_path_ratio": path_ratio(sgd)}
    return result
