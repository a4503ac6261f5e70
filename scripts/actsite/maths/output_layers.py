"""Output layers and their losses: softmax (with temperature), log-softmax, log-sum-exp,
cross-entropy from logits, log-sigmoid and binary cross-entropy from a logit, each with a numerically stable form.

Each :class:`OutputFunction` pairs the stable implementation the site recommends with the
naive one written straight from the textbook formula, so that the tests (and a figure) can
show where the naive one overflows or loses precision.  The gradients the output-layer page
derives (softmax's Jacobian, p - y for cross-entropy on logits) are here too.  The sigmoid
itself is the one declared in :mod:`actsite.maths.functions`.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np

from actsite.maths.functions import Array, sigmoid

EXP_OVERFLOW = float(np.log(np.finfo(float).max))   # exp(x) is inf in float64 beyond this (709.78)


def _z(z: Array, temperature: float = 1.0) -> Array:
    if temperature <= 0:
        raise ValueError(f"temperature must be positive, got {temperature}")
    return np.asarray(z, dtype=float) / temperature


def logsumexp(z: Array, axis: int = -1) -> Array:
    """ln sum_i exp(z_i), computed as m + ln sum_i exp(z_i - m) with m = max_i z_i."""
    z = np.asarray(z, dtype=float)
    m = np.max(z, axis=axis, keepdims=True)
    m = np.where(np.isfinite(m), m, 0.0)
    return np.squeeze(m, axis) + np.log(np.sum(np.exp(z - m), axis=axis))


def log_softmax(z: Array, temperature: float = 1.0, axis: int = -1) -> Array:
    z = _z(z, temperature)
    return z - np.expand_dims(logsumexp(z, axis), axis)


def softmax(z: Array, temperature: float = 1.0, axis: int = -1) -> Array:
    return np.exp(log_softmax(z, temperature, axis))


def log_sigmoid(x: Array) -> Array:
    """ln sigma(x) = -ln(1 + e^{-x}), stable on both sides."""
    return -np.logaddexp(0.0, -np.asarray(x, dtype=float))


def bce_with_logits(x: Array, y: Array) -> Array:
    """-(y ln sigma(x) + (1 - y) ln(1 - sigma(x))) = max(x, 0) - x y + ln(1 + e^{-|x|})."""
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    return np.maximum(x, 0.0) - x * y + np.log1p(np.exp(-np.abs(x)))


def cross_entropy_with_logits(z: Array, y: Array, axis: int = -1) -> Array:
    """-sum_i y_i ln softmax(z)_i for a target distribution y (one-hot for a class label)."""
    return -np.sum(np.asarray(y, dtype=float) * log_softmax(z, axis=axis), axis=axis)


# --- the naive forms, straight from the formulas -------------------------------------------

def naive_softmax(z: Array, temperature: float = 1.0, axis: int = -1) -> Array:
    e = np.exp(_z(z, temperature))
    return e / np.sum(e, axis=axis, keepdims=True)


def naive_log_softmax(z: Array, temperature: float = 1.0, axis: int = -1) -> Array:
    return np.log(naive_softmax(z, temperature, axis))


def naive_logsumexp(z: Array, axis: int = -1) -> Array:
    return np.log(np.sum(np.exp(np.asarray(z, dtype=float)), axis=axis))


def naive_cross_entropy(z: Array, y: Array, axis: int = -1) -> Array:
    return -np.sum(np.asarray(y, dtype=float) * np.log(naive_softmax(z, axis=axis)), axis=axis)


def naive_sigmoid(x: Array) -> Array:
    return 1.0 / (1.0 + np.exp(-np.asarray(x, dtype=float)))


def naive_log_sigmoid(x: Array) -> Array:
    return np.log(naive_sigmoid(x))


def naive_bce(x: Array, y: Array) -> Array:
    p, y = naive_sigmoid(x), np.asarray(y, dtype=float)
    return -(y * np.log(p) + (1.0 - y) * np.log(1.0 - p))


# --- gradients ----------------------------------------------------------------------------

def softmax_jacobian(z: Array, temperature: float = 1.0) -> Array:
    """d softmax(z / T)_i / d z_j = (diag(p) - p p^T) / T, for one vector of logits."""
    p = softmax(z, temperature)
    return (np.diag(p) - np.outer(p, p)) / temperature


def cross_entropy_gradient(z: Array, y: Array) -> Array:
    """d/dz of the cross-entropy on logits: p - y."""
    return softmax(z) - np.asarray(y, dtype=float)


def bce_gradient(x: Array, y: Array) -> Array:
    """d/dx of the binary cross-entropy on a logit: sigma(x) - y."""
    return sigmoid(x) - np.asarray(y, dtype=float)


@dataclass(frozen=True)
class OutputFunction:
    key: str
    names: dict[str, str]
    latex: str
    stable: Callable
    naive: Callable
    stable_latex: str                  # how the stable form is computed
    cited: tuple[str, ...] = ()        # keys of actsite.pages.bibliography.WORKS
    library: str = ""                  # or the PyTorch function that computes it stably


OUTPUTS: dict[str, OutputFunction] = {o.key: o for o in (
    OutputFunction(
        key="softmax", names={"zh": "softmax（带温度）", "en": "Softmax (with temperature)"},
        latex=r"\mathrm{softmax}(z)_i = \frac{e^{z_i / T}}{\sum_j e^{z_j / T}}",
        stable=softmax, naive=naive_softmax,
        stable_latex=r"e^{z_i/T - m}\big/\textstyle\sum_j e^{z_j/T - m},\ m = \max_j z_j/T",
        cited=("bridle1990", "hinton2015"),        # softmax; its temperature
    ),
    OutputFunction(
        key="log_softmax", names={"zh": "log-softmax", "en": "Log-softmax"},
        latex=r"\log \mathrm{softmax}(z)_i = z_i - \log \sum_j e^{z_j}",
        stable=log_softmax, naive=naive_log_softmax,
        stable_latex=r"z_i - \mathrm{LSE}(z)",
        library="torch.nn.LogSoftmax",
    ),
    OutputFunction(
        key="logsumexp", names={"zh": "log-sum-exp", "en": "Log-sum-exp"},
        latex=r"\mathrm{LSE}(z) = \log \sum_j e^{z_j}",
        stable=logsumexp, naive=naive_logsumexp,
        stable_latex=r"m + \log \textstyle\sum_j e^{z_j - m},\ m = \max_j z_j",
        library="torch.logsumexp",
    ),
    OutputFunction(
        key="cross_entropy", names={"zh": "由 logit 计算的交叉熵", "en": "Cross-entropy from logits"},
        latex=r"L(z, y) = -\sum_i y_i \log \mathrm{softmax}(z)_i",
        stable=cross_entropy_with_logits, naive=naive_cross_entropy,
        stable_latex=r"m + \log \textstyle\sum_j e^{z_j - m} - \sum_i y_i z_i,\ m = \max_j z_j,\ \textstyle\sum_i y_i = 1",
        library="torch.nn.CrossEntropyLoss",
    ),
    OutputFunction(
        key="log_sigmoid", names={"zh": "log-sigmoid", "en": "Log-sigmoid"},
        latex=r"\log \sigma(x) = -\log\bigl(1 + e^{-x}\bigr)",
        stable=log_sigmoid, naive=naive_log_sigmoid,
        stable_latex=r"-\bigl(\max(-x, 0) + \log(1 + e^{-|x|})\bigr)",
        library="torch.nn.LogSigmoid",
    ),
    OutputFunction(
        key="bce_with_logits", names={"zh": "由 logit 计算的二元交叉熵", "en": "Binary cross-entropy from a logit"},
        latex=r"\ell(x, y) = -\bigl(y \log \sigma(x) + (1 - y) \log(1 - \sigma(x))\bigr)",
        stable=bce_with_logits, naive=naive_bce,
        stable_latex=r"\max(x, 0) - x y + \log\bigl(1 + e^{-|x|}\bigr)",
        library="torch.nn.BCEWithLogitsLoss",
    ),
)}
