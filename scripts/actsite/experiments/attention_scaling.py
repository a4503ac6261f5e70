"""Why attention scores are divided by sqrt(d_k): the softmax of dot products, measured.

For each head width d_k, a query q and KEYS keys k_j have independent standard normal components
(the assumption of Vaswani et al. 2017, footnote 4).  The scores s_j = q.k_j, or s_j = q.k_j /
sqrt(d_k) with the scaling, go through a softmax over the keys.  For every query the experiment
records the entropy of the softmax (in nats; its maximum is log KEYS), its largest weight and the
Frobenius norm of its Jacobian diag(p) - p p^T, which is the size of the gradient the scores receive
through the softmax; then it summarises over QUERIES queries (means; for the Jacobian also the
median and the share of queries whose Jacobian norm is below TINY) and the spread of all scores.

The scores are drawn without forming the queries and keys, from their exact distribution.  Given
q, each score q.k_j = sum_i q_i k_ji is a fixed linear combination of independent standard normals,
so it is normal with mean 0 and variance sum_i q_i^2 = |q|^2; different keys are independent, so the
KEYS scores of one query are i.i.d. N(0, |q|^2), i.e. |q| z_j with z_j standard normal and independent
of q.  And |q|^2, a sum of d_k squared standard normals, is chi-square with d_k degrees of freedom.
Drawing r = sqrt(chi2(d_k)) per query and z (KEYS standard normals) gives the scores r z with exactly
the joint law of (q.k_1, ..., q.k_KEYS): the identity is exact, not an approximation, and costs one
chi-square and KEYS normals per query instead of (KEYS + 1) d_k normals.  The scaled and unscaled
scores are the same draws divided by sqrt(d_k) or not.

The unscaled Jacobian norms spread over orders of magnitude at large d_k, so their median needs
many queries: with QUERIES = 200,000 it moves by about one per cent from seed to seed.  The draws
are made in chunks of CHUNK queries to bound the memory.
"""
from __future__ import annotations

import numpy as np

KEYS = 64
QUERIES = 200_000
CHUNK = 2_000
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
    """Frobenius norm of diag(p) - p p^T for each row of p, without forming the matrix."""
    return jacobian_norm_from_power_sums((p ** 2).sum(axis=-1), (p ** 3).sum(axis=-1))


def jacobian_norm_from_power_sums(s2: np.ndarray, s3: np.ndarray) -> np.ndarray:
    """The same from s2 = sum p^2 and s3 = sum p^3:
    ||J||^2 = sum_i p_i^2 (1 - p_i)^2 + sum_{i != j} p_i^2 p_j^2 = s2 - 2 s3 + s2^2."""
    return np.sqrt(np.maximum(s2 - 2 * s3 + s2 ** 2, 0.0))


def gradient_medians(d_k: int, queries: int, rng: np.random.Generator) -> dict[str, tuple[float, float]]:
    """Median norms of the gradient at the softmax's inputs and of the gradient reaching the query, each (unscaled,
    scaled), for standard normal q and KEYS keys of width d_k and a standard normal gradient delta arriving at the
    weights (a check beside run(), not part of it).  The gradient at the softmax's inputs is g = J delta, and the
    query's is sum_j g_j k_j (divided by sqrt(d_k) with the scaling).  Drawn from its exact law, as the experiment
    draws the scores: split each key into its part along q, z_j q/|q| with z_j = q.k_j/|q| standard normal, and a
    part orthogonal to q, independent of z; then |sum_j g_j k_j|^2 = (g.z)^2 + |g|^2 chi2(d_k - 1)."""
    r = np.sqrt(rng.chisquare(d_k, size=queries))                      # |q|
    z = rng.standard_normal((queries, KEYS))
    delta = rng.standard_normal((queries, KEYS))
    across = rng.chisquare(d_k - 1, size=queries)
    inputs, query = [], []
    for scale in (1.0, np.sqrt(d_k)):
        p = softmax(r[:, None] * z / scale)
        g = p * delta - p * (p * delta).sum(-1, keepdims=True)          # J delta, J = diag(p) - p p^T
        squared = (g ** 2).sum(-1)
        inputs.append(float(np.median(np.sqrt(squared))))
        query.append(float(np.median(np.sqrt((g * z).sum(-1) ** 2 + squared * across))) / scale)
    return {"inputs": (inputs[0], inputs[1]), "query": (query[0], query[1])}


def scores(d_k: int, queries: int, rng: np.random.Generator) -> np.ndarray:
    """(queries, KEYS) unscaled dot products q.k_j of standard normal queries and keys of width d_k,
    drawn from their exact law: |q| z_j with |q|^2 ~ chi-square(d_k) and z_j i.i.d. standard normal."""
    r = np.sqrt(rng.chisquare(d_k, size=queries))
    s = rng.standard_normal((queries, KEYS))
    s *= r[:, None]
    return s


def summaries(s: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(entropy, Jacobian norm, largest weight) of softmax(s) for each row of s: the same numbers as
    entropy(softmax(s)), jacobian_norm(softmax(s)) and softmax(s).max(-1), computed as run() does."""
    return centred_summaries(s - s.max(axis=-1, keepdims=True), *(np.empty_like(s) for _ in range(2)))


def centred_summaries(d: np.ndarray, e: np.ndarray, e2: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The summaries of softmax(d) for scores d whose row maxima are 0, without forming p.  With
    e = exp(d) and S its row sum, p = e/S: the largest weight is 1/S, the entropy is
    log S - sum e d / S, and sum p^k = sum e^k / S^k.  e and e2 are work arrays shaped like d."""
    np.exp(d, out=e)
    ones = np.ones(d.shape[-1])
    total = e @ ones
    h = np.log(total) - np.einsum("ij,ij->i", e, d) / total
    np.multiply(e, e, out=e2)
    s2 = (e2 @ ones) / total ** 2
    s3 = np.einsum("ij,ij->i", e2, e) / total ** 3
    return h, jacobian_norm_from_power_sums(s2, s3), 1.0 / total


def run() -> dict:
    result = {"d_k": np.array(D_K), "keys": KEYS, "queries": QUERIES}
    names = ("unscaled", "scaled")
    stats = {name: {"score_std": [], "entropy": [], "jacobian": [], "jacobian_median": [],
                    "jacobian_tiny": [], "max_p": []} for name in names}
    rng = np.random.default_rng(SEED)
    d, e, e2 = (np.empty((CHUNK, KEYS)) for _ in range(3))
    for d_k in D_K:
        per_query = {name: np.empty((3, QUERIES)) for name in names}   # entropy, Jacobian norm, largest weight
        square_sum = 0.0
        for start in range(0, QUERIES, CHUNK):
            raw = scores(d_k, CHUNK, rng)
            square_sum += float(np.einsum("ij,ij->", raw, raw))
            np.subtract(raw, raw.max(axis=-1, keepdims=True), out=d)
            per_query["unscaled"][:, start:start + CHUNK] = centred_summaries(d, e, e2)
            d /= np.sqrt(d_k)                  # the same draws, divided by sqrt(d_k): the row maxima stay 0
            per_query["scaled"][:, start:start + CHUNK] = centred_summaries(d, e, e2)
        for name, scale in zip(names, (1.0, d_k)):
            h, j, top = per_query[name]
            stats[name]["score_std"].append(np.sqrt(square_sum / scale / (QUERIES * KEYS)))   # the scores have mean 0
            stats[name]["entropy"].append(h.mean())
            stats[name]["jacobian"].append(j.mean())
            stats[name]["jacobian_median"].append(np.median(j))
            stats[name]["jacobian_tiny"].append(np.mean(j < TINY))
            stats[name]["max_p"].append(top.mean())
    for name in names:
        for key, values in stats[name].items():
            result[f"{name}_{key}"] = np.array(values)
    return result
