"""How the spread of the signal evolves through a deep plain stack, for pairings of an
activation with an initialisation, and the self-normalising fixed point of SELU.

A bias-free stack z_l = h_{l-1} W_l, h_l = f(z_l) of equal width (h_0 = the inputs) is run
forward on Gaussian inputs.  Every pairing uses the same standard normal draws for its
weights, only scaled by its own standard deviation, so pairings differ by their scale alone.
Statistics are pooled over all units and all inputs of a layer; ``*_input_spread`` is the
spread across inputs only (per unit, then averaged over the units).

The SELU part (Klambauer et al. 2017) feeds one LeCun-initialised stack with inputs of
several means and variances and records the mean and variance of every layer's activations.
"""
from __future__ import annotations

import numpy as np

from actsite.maths.catalogue import EVERY
from actsite.experiments.deep_nets import propagate
from actsite.maths.gaussian import gaussian_expectation
from actsite.experiments.mlp import INIT_SCALE

DEPTH = 50
WIDTH = 256
BATCH = 500
SEED = 0

# key: (activation, initialisation scheme of actsite.experiments.mlp, extra gain on the standard deviation)
PAIRINGS = {
    "tanh_lecun": ("tanh", "lecun", 1.0),
    "tanh_xavier": ("tanh", "xavier", 1.0),
    "tanh_gain": ("tanh", "lecun", 5 / 3),         # PyTorch's calculate_gain("tanh")
    "sigmoid_xavier": ("sigmoid", "xavier", 1.0),
    "relu_he": ("relu", "he", 1.0),
    "relu_lecun": ("relu", "lecun", 1.0),
    "selu_lecun": ("selu", "lecun", 1.0),
    "selu_gain": ("selu", "lecun", 3 / 4),         # PyTorch's calculate_gain("selu")
}

SWEEP_SEEDS = tuple(range(10, 18))                 # other weight draws, for two pairings
SWEEP_PAIRINGS = ("relu_he", "selu_lecun")

SELU_DEPTH = 30
SELU_MEANS = (-1.0, 0.0, 1.0)
SELU_VARIANCES = (0.25, 1.0, 4.0)


def standard_weights(depth: int = DEPTH, width: int = WIDTH, seed: int = SEED) -> list[np.ndarray]:
    """Standard normal weight draws, one (fan_in, fan_out) matrix per layer."""
    rng = np.random.default_rng(seed)
    return [rng.standard_normal((width, width)) for _ in range(depth)]


def inputs(mean: float = 0.0, variance: float = 1.0, batch: int = BATCH, width: int = WIDTH,
           seed: int = SEED + 1) -> np.ndarray:
    rng = np.random.default_rng(seed)
    return mean + np.sqrt(variance) * rng.standard_normal((batch, width))


def forward_statistics(activation: str, std: float, X: np.ndarray, weights,
                       gradients: bool = False) -> dict[str, np.ndarray]:
    """Per layer l = 1..L: std of z_l, mean and variance of h_l, and the spread across inputs.

    With ``gradients``, also the norm of dL/dW_l for a standard normal dL/dh_L (fixed seed).
    """
    upstream = np.random.default_rng(SEED + 2).standard_normal((len(X), weights[-1].shape[1])) if gradients else None
    run = propagate(EVERY[activation], [std * G for G in weights], X, upstream)
    result = {"pre_std": np.array([z.std() for z in run["pre"]]),
              "mean": np.array([h.mean() for h in run["hidden"]]),
              "var": np.array([h.var() for h in run["hidden"]]),
              "input_spread": np.array([h.std(axis=0).mean() for h in run["hidden"]])}
    if gradients:
        result["grad_norm"] = run["grad_norm"]
    return result


def next_variance(activation: str, gain_squared: float, variance: float) -> float:
    """The forward recursion Var(z_{l+1}) = n Var(w) E[f(z_l)^2] with n Var(w) = gain_squared."""
    f = EVERY[activation].f
    return gain_squared * gaussian_expectation(lambda z: f(z) ** 2, variance)


def predicted_selu_statistics(second_moment: float, depth: int = SELU_DEPTH) -> tuple[np.ndarray, np.ndarray]:
    """Mean and variance of SELU activations per layer predicted by the recursion (n Var(w) = 1),
    for inputs whose second moment E[x^2] is ``second_moment``."""
    f = EVERY["selu"].f
    q, means, variances = second_moment, [], []
    for _ in range(depth):
        m = gaussian_expectation(f, q)
        q = gaussian_expectation(lambda z: f(z) ** 2, q)
        means.append(m)
        variances.append(q - m ** 2)
    return np.array(means), np.array(variances)


def pairing_std(key: str, width: int = WIDTH) -> float:
    _, init, gain = PAIRINGS[key]
    return gain * float(INIT_SCALE[init](width, width))


def run() -> dict:
    weights = standard_weights()
    X = inputs()
    result = {"depth": DEPTH, "width": WIDTH, "batch": BATCH, "pairings": np.array(list(PAIRINGS))}
    for key, (activation, _, _) in PAIRINGS.items():
        result[f"{key}_weight_std"] = pairing_std(key)
        stats = forward_statistics(activation, pairing_std(key), X, weights, gradients=True)
        for stat, values in stats.items():
            result[f"{key}_{stat}"] = values
    for key in SWEEP_PAIRINGS:                     # rows: weight seeds; columns: layers
        result[f"{key}_sweep_pre_std"] = np.array([
            forward_statistics(PAIRINGS[key][0], pairing_std(key), X, standard_weights(seed=seed))["pre_std"]
            for seed in SWEEP_SEEDS])
    selu_weights = weights[:SELU_DEPTH]
    lecun = pairing_std("selu_lecun")
    means, variances, predicted_means, predicted_variances = [], [], [], []
    predictions = {}                               # the recursion only sees E[x^2] = mu^2 + nu
    for mu in SELU_MEANS:
        for nu in SELU_VARIANCES:
            X0 = inputs(mu, nu)
            stats = forward_statistics("selu", lecun, X0, selu_weights)
            means.append(np.concatenate([[X0.mean()], stats["mean"]]))
            variances.append(np.concatenate([[X0.var()], stats["var"]]))
            if mu ** 2 + nu not in predictions:
                predictions[mu ** 2 + nu] = predicted_selu_statistics(mu ** 2 + nu)
            m, v = predictions[mu ** 2 + nu]
            predicted_means.append(np.concatenate([[mu], m]))
            predicted_variances.append(np.concatenate([[nu], v]))
    result["selu_start_mean"] = np.repeat(SELU_MEANS, len(SELU_VARIANCES))
    result["selu_start_var"] = np.tile(SELU_VARIANCES, len(SELU_MEANS))
    result["selu_mean"] = np.array(means)          # (starts, SELU_DEPTH + 1); column 0 = inputs
    result["selu_var"] = np.array(variances)
    result["selu_predicted_mean"] = np.array(predicted_means)
    result["selu_predicted_var"] = np.array(predicted_variances)
    return result
