"""8-bit storage of activations: a code q in 0..255 and a scale s stand for the real value s q.

Used by the hard-and-cheap page to show why a bounded output (ReLU6) fixes the scale in
advance while an unbounded one (ReLU) takes it from the data.
"""
from __future__ import annotations

import numpy as np

from actsite.maths.catalogue import RELU6_CAP, relu6
from actsite.maths.functions import relu

LARGEST_CODE = 255                        # unsigned 8-bit
SPREADS = (1.0, 2.0, 4.0)                 # standard deviations of the pre-activations
SAMPLES = 100_000
SEED = 0


def codes(values: np.ndarray, scale: float) -> np.ndarray:
    """The unsigned 8-bit code of each value: round to the nearest step, clamp to 0..255."""
    return np.clip(np.round(np.asarray(values) / scale), 0, LARGEST_CODE)


def relu6_scale() -> float:
    """Fixed before any data is seen: the cap maps to the largest code."""
    return RELU6_CAP / LARGEST_CODE


def calibrated_scale(outputs: np.ndarray) -> float:
    """Taken from the data: the largest output maps to the largest code."""
    return float(np.max(outputs)) / LARGEST_CODE


def spread_demo(spreads=SPREADS, samples: int = SAMPLES, seed: int = SEED) -> list[dict]:
    """One standard normal draw, scaled to each spread: ReLU's step, ReLU6's step, the share
    of inputs above the cap, and each one's largest rounding error."""
    base = np.random.default_rng(seed).standard_normal(samples)
    rows = []
    for spread in spreads:
        z = spread * base
        relu_out, relu6_out = relu(z), relu6(z)
        s_relu, s_relu6 = calibrated_scale(relu_out), relu6_scale()
        rows.append({"spread": spread, "relu_step": s_relu, "relu6_step": s_relu6,
                     "above_cap": float(np.mean(z > RELU6_CAP)),
                     "relu_error": float(np.max(np.abs(codes(relu_out, s_relu) * s_relu - relu_out))),
                     "relu6_error": float(np.max(np.abs(codes(relu6_out, s_relu6) * s_relu6 - relu6_out)))})
    return rows
