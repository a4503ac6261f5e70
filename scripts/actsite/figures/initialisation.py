"""Figures of the initialisation article: the spread of the signal through a deep stack for
pairings of an activation with a weight scale, and SELU's self-normalising fixed point.
Results come from ``cached("init_spread")``."""
from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from actsite.figures.panels import label_panels
from actsite.experiments import init_spread   # imported so that its code joins the figures' content hash
from actsite.experiments.cache import cached

XAVIER = r"\frac{2}{n_{in}+n_{out}}"

# (pairing key, label, colour role, line style, marker style) per panel of draw_init_spread
SATURATING = (
    ("tanh_lecun", r"$\tanh,\ \sigma_w^2=\frac{1}{n}$", "accent", "-", None),
    ("tanh_xavier", rf"$\tanh,\ \sigma_w^2={XAVIER}$", "accent", "none", "o"),
    ("tanh_gain", r"$\tanh,\ \sigma_w^2=\frac{25}{9n}$", "second", "--", None),
    ("sigmoid_xavier", r"$\mathrm{sigmoid},\ \sigma_w^2=\frac{1}{n}$", "third", "-.", None),
)
RECTIFIERS = (
    ("relu_he", r"$\mathrm{ReLU},\ \sigma_w^2=\frac{2}{n}$", "accent", "-", None),
    ("relu_lecun", r"$\mathrm{ReLU},\ \sigma_w^2=\frac{1}{n}$", "second", "--", None),
    ("selu_lecun", r"$\mathrm{SELU},\ \sigma_w^2=\frac{1}{n}$", "third", "-", None),
    ("selu_gain", r"$\mathrm{SELU},\ \sigma_w^2=\frac{9}{16n}$", "fourth", ":", None),
)


def draw_init_spread(fig: Figure, colours: dict) -> dict:
    r = cached("init_spread")
    axes = fig.subplots(1, 2)
    layers = np.arange(1, int(r["depth"]) + 1)
    references = {
        # tanh with n Var(w) = 1: Var(z) - 2 Var(z)^2 per layer, so 1/Var(z_l) grows by 2 per layer
        "tanh": (1 / np.sqrt(2 * layers - 1), r"$1/\sqrt{2l-1}$"),
        # ReLU with n Var(w) = 1 halves the variance at every layer
        "relu": (2.0 ** (-(layers - 1) / 2), r"$2^{-(l-1)/2}$"),
    }
    for ax, panel, (reference, label), title in zip(
            axes, (SATURATING, RECTIFIERS), references.values(), ("(a)", "(b)")):
        ax.semilogy(layers, reference, color=colours["text"], lw=1.0, ls=":", label=label, zorder=3)
        for key, name, colour, style, marker in panel:
            if marker:
                ax.semilogy(layers[::5], r[f"{key}_pre_std"][::5], ls="none", marker=marker, ms=6,
                            mfc="none", mec=colours[colour], mew=1.2, label=name)
            else:
                ax.semilogy(layers, r[f"{key}_pre_std"], ls=style, color=colours[colour], label=name)
        ax.set_xlabel(r"$l$")
        ax.set_title(title, loc="left", fontsize=11)
        ax.legend(loc="lower left", fontsize=10)
    axes[0].set_ylabel(r"$\sqrt{\mathrm{Var}(z_l)}$")
    axes[0].set_ylim(0.002, 3)          # room under the curves for the legend, also in the stacked phone layout
    axes[0].set_yticks([0.003, 0.01, 0.03, 0.1, 0.3, 1, 3], ["0.003", "0.01", "0.03", "0.1", "0.3", "1", "3"])
    axes[0].minorticks_off()
    axes[1].set_ylim(1e-8, 10)
    return {"layers": layers, "tanh_reference": references["tanh"][0],
            "relu_reference": references["relu"][0], **r}


START_COLOURS = dict(zip(init_spread.SELU_VARIANCES, ("second", "accent", "third")))
START_STYLES = dict(zip(init_spread.SELU_MEANS, (":", "-", "--")))


def draw_selu_fixed_point(fig: Figure, colours: dict) -> dict:
    r = cached("init_spread")
    left, right = fig.subplots(1, 2)
    means, variances = r["selu_mean"], r["selu_var"]
    layers = np.arange(means.shape[1])
    for mu, nu, mean, var in zip(r["selu_start_mean"], r["selu_start_var"], means, variances):
        style = {"color": colours[START_COLOURS[float(nu)]], "ls": START_STYLES[float(mu)], "lw": 1.6}
        left.plot(layers, mean, **style)
        right.semilogy(layers, var, **style)
    left.axhline(0.0, color=colours["text"], lw=0.8)
    right.axhline(1.0, color=colours["text"], lw=0.8)
    label_panels((left, right), (r"$\mathbb{E}[h_l]$", r"$\mathrm{Var}(h_l)$"))
    right.set_yticks([0.25, 0.5, 1, 2, 4], ["0.25", "0.5", "1", "2", "4"])
    right.minorticks_off()
    for ax in (left, right):
        ax.set_xlabel(r"$l$")
    handles = [Line2D([], [], color=colours[c], label=rf"$\nu_0={nu:g}$") for nu, c in START_COLOURS.items()]
    handles += [Line2D([], [], color=colours["muted"], ls=s, label=rf"$\mu_0={mu:g}$")
                for mu, s in START_STYLES.items()]
    right.legend(handles=handles, loc="upper right", fontsize=10, ncols=2)
    return {"layers": layers, **r}
