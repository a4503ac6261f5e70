"""Every registered activation in every format: from which input its value, and from which input
its derivative, equals its asymptote's (an exact search over each format's values, done by
:func:`actsite.maths.low_precision.row`).  Cached, because float32's search takes seconds.

``value`` and ``slope`` have shape (activations, formats, 2): the signed input on the left and on
the right; NaN where the function still differs from its asymptote at the format's last finite
value.
"""
from __future__ import annotations

import numpy as np

from actsite.maths.catalogue import EVERY
from actsite.maths.low_precision import FORMAT_KEYS, row


def _signed(pair: tuple[float | None, float | None]) -> list[float]:
    return [np.nan if v is None else float(v) for v in pair]


def run() -> dict:
    keys = list(EVERY)
    value = np.array([[_signed(row(k, f).value) for f in FORMAT_KEYS] for k in keys])
    slope = np.array([[_signed(row(k, f).slope) for f in FORMAT_KEYS] for k in keys])
    return {"keys": np.array(keys), "formats": np.array(FORMAT_KEYS), "value": value, "slope": slope}
