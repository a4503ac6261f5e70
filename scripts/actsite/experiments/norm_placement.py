"""Where normalisation sits in a residual stack, and what that does at initialisation.

A stack of DEPTH residual blocks of width WIDTH; each block is the feed-forward half of a
transformer block, F(h) = GELU(h W1) W2 with hidden width 4 * WIDTH and no biases.  Four
placements of the normalisation N (no learnable gain or bias, as at initialisation):

    pre       x_l = x_{l-1} + F(N(x_{l-1})),  output N(x_L)      N = LayerNorm
    pre_rms   the same with N = RMSNorm
    post      x_l = N(x_{l-1} + F(x_{l-1})),  output x_L          N = LayerNorm
    none      x_l = x_{l-1} + F(x_{l-1}),     output x_L

Every placement uses the same standard normal weight draws, W1 scaled by 1/sqrt(WIDTH) and
W2 by 1/sqrt(4 WIDTH) (variance 1/fan-in), and the same TOKENS standard normal inputs.  Per
block it records the standard deviation of the GELU's input h W1, the root mean square of the
residual stream x_l, and, for the loss sum(output * R) with a fixed standard normal R, the
Frobenius norm of dL/dW1 by the exact chain rule.  A sweep over depths records the first
block's gradient norm for stacks of several depths.
"""
from __future__ import annotations

import numpy as np

from actsite.maths.catalogue import EVERY

DEPTH = 48
WIDTH = 128
HIDDEN = 4 * WIDTH
TOKENS = 256
SEED = 48
EPS = 1e-6
PLACEMENTS = ("pre", "pre_rms", "post", "none")
DEPTHS = (3, 6, 12, 24, 48)
GELU = EVERY["gelu"]


def layer_norm(x: np.ndarray):
    xc = x - x.mean(axis=-1, keepdims=True)
    scale = np.sqrt((xc ** 2).mean(axis=-1, keepdims=True) + EPS)
    y = xc / scale

    def back(g: np.ndarray) -> np.ndarray:
        return (g - g.mean(axis=-1, keepdims=True) - y * (g * y).mean(axis=-1, keepdims=True)) / scale
    return y, back


def rms_norm(x: np.ndarray):
    scale = np.sqrt((x ** 2).mean(axis=-1, keepdims=True) + EPS)
    y = x / scale

    def back(g: np.ndarray) -> np.ndarray:
        return (g - y * (g * y).mean(axis=-1, keepdims=True)) / scale
    return y, back


NORMS = {"pre": layer_norm, "pre_rms": rms_norm, "post": layer_norm, "none": None}


def weights(depth: int = DEPTH, width: int = WIDTH, seed: int = SEED) -> list[tuple[np.ndarray, np.ndarray]]:
    rng = np.random.default_rng(seed)
    hidden = 4 * width
    return [(rng.standard_normal((width, hidden)) / np.sqrt(width),
             rng.standard_normal((hidden, width)) / np.sqrt(hidden)) for _ in range(depth)]


def stack(placement: str, blocks, X: np.ndarray, R: np.ndarray) -> dict[str, np.ndarray]:
    """Forward and backward through the stack; per block the GELU input's std, the stream's
    RMS after the block, and ||dL/dW1||; also the loss and the output."""
    norm = NORMS[placement]
    x, saved, act_std, stream = X, [], [], []
    for W1, W2 in blocks:
        u, u_back = norm(x) if placement.startswith("pre") else (x, None)
        h = u @ W1
        a = GELU.f(h)
        v = x + a @ W2
        x, x_back = norm(v) if placement == "post" else (v, None)
        saved.append((u, u_back, h, a, x_back))
        act_std.append(h.std())
        stream.append(np.sqrt((x ** 2).mean()))
    out, out_back = norm(x) if placement.startswith("pre") else (x, None)
    g = out_back(R) if out_back else R
    grads = np.empty(len(blocks))
    for i in reversed(range(len(blocks))):
        (W1, W2), (u, u_back, h, a, x_back) = blocks[i], saved[i]
        gv = x_back(g) if x_back else g                      # gradient at the residual sum
        dh = (gv @ W2.T) * GELU.df(h)
        grads[i] = np.linalg.norm(u.T @ dh)
        du = dh @ W1.T
        g = gv + (u_back(du) if u_back else du)
    return {"act_std": np.array(act_std), "stream_rms": np.array(stream), "grad_norm": grads,
            "loss": float((out * R).sum()), "input_grad": g}


def inputs(width: int = WIDTH, tokens: int = TOKENS, seed: int = SEED + 1) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    return rng.standard_normal((tokens, width)), rng.standard_normal((tokens, width))


def run() -> dict:
    blocks = weights()
    X, R = inputs()
    result = {"depth": DEPTH, "width": WIDTH, "tokens": TOKENS, "depths": np.array(DEPTHS)}
    for placement in PLACEMENTS:
        stats = stack(placement, blocks, X, R)
        for key in ("act_std", "stream_rms", "grad_norm"):
            result[f"{placement}_{key}"] = stats[key]
        if placement in ("pre", "post"):
            sweep = [stack(placement, blocks[:depth], X, R)["grad_norm"] for depth in DEPTHS]
            result[f"{placement}_sweep_first"] = np.array([s[0] for s in sweep])
            result[f"{placement}_sweep_last"] = np.array([s[-1] for s in sweep])
    return result
