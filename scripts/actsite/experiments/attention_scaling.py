"""Why attention scores are divided by sqrt(d_k): the softmax of dot products, measured.

For each head width d_k, a query q and KEYS keys k_j are drawn with independent standard
normal components (the assumption of Vaswani et al. 2017, footnote 4).  The scores
s_j = q.k_j, or s_j = q.k_j / sqrt(d_k) with the scaling, go through a softmax over the keys.
For every draw the experiment records the spread of the scores, the entropy of the softmax
(in nats; its maximum is log KEYS) and the Frobenius norm of the softmax's Jacobian
diag(p) - p p^T, which is the size of the gradient the scores receive through the softmax;
then it summarises over QUERIES draws (means; for the Jacobian also the median and the share
of draws whose Jacobian norm is below TINY).  The unscaled Jacobian norms spread over orders of
magnitude at large d_k, so their median needs many draws: with a few hundred it moves by tens of
per cent from seed to seed, with QUERIES = 20,000 by a few per cent.  The draws are made in chunks of
CHUNK queries to bound the memory.
"""
from __future__ import annotations

import numpy as np

KEYS = 64
QUERIES = 20_000
CHUNK = 250
D_K = (1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024)
SEED = 19
TINY = 1e-3


def softmax(s: np.ndarray) -> np.ndarray:
    """Softmax along the last axis, with the largest score subtracted first."""
    e = np.exp(s - s.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def entropy(p: np.ndarray) -> np.ndarray:
    """Entropy in nats along the last axis (0 log 0 = 0)."""
    logs = np.log(np.where(p > 0, p, 1.0))
    return -(p * logs).sum(axis=-1)


def jacobian_norm(p: np.ndarray) -> np.ndarray:
    """Frobenius norm of diag(p) - p p^T for each row of p, without forming the matrix:
    ||J||^2 = sum_i p_i^2 (1 - p_i)^2 + sum_{i != j} p_i^2 p_j^2 = sum p^2 - 2 sum p^3 + (sum p^2)^2."""
    s2, s3 = (p ** 2).sum(axis=-1), (p ** 3).sum(axis=-1)
    return np.sqrt(np.maximum(s2 - 2 * s3 + s2 ** 2, 0.0))


def scores(d_k: int, rng: np.random.Generator) -> np.ndarray:
    """(QUERIES, KEYS) unscaled dot products of standard normal queries and keys of width d_k."""
    out = np.empty((QUERIES, KEYS))
    for start in range(0, QUERIES, CHUNK):
        q = rng.standard_normal((CHUNK, d_k))
        k = rng.standard_normal((CHUNK, KEYS, d_k))
        out[start:start + CHUNK] = np.einsum("qd,qkd->qk", q, k)
    return out


def run() -> dict:
    result = {"d_k": np.array(D_K), "keys": KEYS, "queries": QUERIES}
    names = ("unscaled", "scaled")
    stats = {name: {"score_std": [], "entropy": [], "jacobian": [], "jacobian_median": [],
                    "jacobian_tiny": [], "max_p": []} for name in names}
    rng = np.random.default_rng(SEED)
    for d_k in D_K:
        raw = scores(d_k, rng)
        for name, s in zip(names, (raw, raw / np.sqrt(d_k))):   # the same draws: only the scaling differs
            p = softmax(s)
            j = jacobian_norm(p)
            stats[name]["score_std"].append(s.std())
            stats[name]["entropy"].append(entropy(p).mean())
            stats[name]["jacobian"].append(j.mean())
            stats[name]["jacobian_median"].append(np.median(j))
            stats[name]["jacobian_tiny"].append(np.mean(j < TINY))
            stats[name]["max_p"].append(p.max(axis=-1).mean())
    for name in names:
        for key, values in stats[name].items():
            result[f"{name}_{key}"] = np.array(values)
    return result
