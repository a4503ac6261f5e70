"""A leaky integrate-and-fire neuron's firing rate against its input current.

Textbook parameters (Dayan & Abbott, *Theoretical Neuroscience*, 2001, ch. 5 style values,
used here for illustration): membrane time constant 10 ms, resting and reset potential
-65 mV, threshold -50 mV, membrane resistance 10 MΩ, refractory period 2 ms.
"""
from __future__ import annotations

import numpy as np

TAU_MS = 10.0
E_L_MV = -65.0
V_RESET_MV = -65.0
V_THRESHOLD_MV = -50.0
R_MOHM = 10.0
T_REF_MS = 2.0


def threshold_current_na() -> float:
    """The smallest current that ever makes the neuron fire: R I + E_L = V_th."""
    return (V_THRESHOLD_MV - E_L_MV) / R_MOHM


def firing_rate_hz(current_na: np.ndarray) -> np.ndarray:
    """r(I) = 1 / (t_ref + τ ln((RI + E_L - V_reset) / (RI + E_L - V_th))) above threshold, else 0."""
    drive = R_MOHM * np.asarray(current_na, dtype=float) + E_L_MV
    rate = np.zeros_like(drive)
    above = drive > V_THRESHOLD_MV
    interval_ms = T_REF_MS + TAU_MS * np.log((drive[above] - V_RESET_MV) / (drive[above] - V_THRESHOLD_MV))
    rate[above] = 1000.0 / interval_ms
    return rate


def max_rate_hz() -> float:
    return 1000.0 / T_REF_MS
