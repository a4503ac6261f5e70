"""Figures of the output-layers page: softmax at several temperatures, and the binary
cross-entropy computed naively against the stable form.  Every value comes from
:mod:`actsite.maths.output_layers`."""
from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from actsite.maths.output_layers import bce_with_logits, naive_bce, softmax

LOGITS = np.array([2.0, 1.0, 0.5, -1.0])
TEMPERATURES = (0.5, 1.0, 2.0, 5.0)
ROLES = ("accent", "second", "third", "fourth")
BCE_RANGE = (0.0, 45.0)
ERROR_RANGE = (1.0, 36.0)


def draw_softmax_temperature(fig: Figure, colours: dict) -> dict:
    ax = fig.add_subplot()
    classes = np.arange(len(LOGITS))
    width = 0.8 / len(TEMPERATURES)
    probabilities = {}
    for k, (temperature, role) in enumerate(zip(TEMPERATURES, ROLES)):
        p = softmax(LOGITS, temperature)
        probabilities[temperature] = p
        ax.bar(classes + (k - (len(TEMPERATURES) - 1) / 2) * width, p, width * 0.95,
               color=colours[role], label=rf"$T = {temperature:g}$")
    ax.axhline(1 / len(LOGITS), color=colours["muted"], lw=1.0, ls=":")
    ax.set_xticks(classes, [rf"$z_{i + 1} = {z:g}$" for i, z in enumerate(LOGITS)])
    ax.set_ylabel(r"$p_i = \mathrm{softmax}(z / T)_i$")
    ax.set_ylim(0, 1)
    ax.legend(loc="upper right")
    return {"logits": LOGITS, "temperatures": TEMPERATURES, "p": probabilities, "uniform": 1 / len(LOGITS)}


def draw_stable_vs_naive(fig: Figure, colours: dict) -> dict:
    axes = fig.subplots(1, 2)
    x = np.linspace(*BCE_RANGE, 901)
    with np.errstate(divide="ignore", invalid="ignore"):
        naive = naive_bce(x, 0.0)
    stable = bce_with_logits(x, 0.0)
    drawn_naive = np.where(np.isfinite(naive), naive, np.nan)
    axes[0].plot(x, stable, color=colours["accent"], label=r"$\max(x,0) - xy + \log(1 + e^{-|x|})$")
    axes[0].plot(x, drawn_naive, "--", color=colours["second"], lw=2.4, label=r"$\tilde{\ell} = -\log(1 - \sigma(x))$")
    first_inf = float(x[np.argmax(~np.isfinite(naive))])
    axes[0].axvline(first_inf, color=colours["muted"], lw=1.0, ls=":")
    axes[0].set_xlabel(r"$x$  ($y = 0$)")
    axes[0].set_ylabel(r"$\ell(x, 0)$")
    axes[0].legend(loc="upper left", fontsize=10)

    xe = np.linspace(*ERROR_RANGE, 701)
    with np.errstate(divide="ignore"):
        error = np.abs(naive_bce(xe, 0.0) - bce_with_logits(xe, 0.0)) / bce_with_logits(xe, 0.0)
    shown = np.where(error > 0, error, np.nan)
    eps = np.finfo(float).eps
    axes[1].semilogy(xe, shown, ".", color=colours["second"], ms=2.5)
    axes[1].semilogy(xe, eps * np.exp(xe) / xe, color=colours["text"], lw=1.0, ls=":",
                     label=r"$\varepsilon\, e^{x} / x$")
    axes[1].set_xlabel(r"$x$  ($y = 0$)")
    axes[1].set_ylabel(r"$|\tilde{\ell} - \ell\,| / \ell$")
    axes[1].legend(loc="upper left", fontsize=10)
    for ax, title in zip(axes, ("(a)", "(b)")):
        ax.set_title(title, loc="left", fontsize=11)
    return {"x": x, "naive": naive, "stable": stable, "first_inf": first_inf,
            "xe": xe, "error": error, "eps": eps}
