"""Figures of the transformer-block page: the attention softmax against the head width, with
and without the 1/sqrt(d_k) scaling, and a residual stack at initialisation with its
normalisation before the block, after it, or nowhere.  Results come from the experiments
``attention_scaling`` and ``norm_placement``."""
from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from actsite.experiments import attention_scaling, norm_placement   # their code joins the figures' hash
from actsite.experiments.cache import cached

SCALING = (("unscaled", r"$s = q^{\top}k$", "second", "--", "s"),
           ("scaled", r"$s/\sqrt{d_k}$", "accent", "-", "o"))


def draw_attention_scaling(fig: Figure, colours: dict) -> dict:
    r = cached("attention_scaling")
    left, right = fig.subplots(1, 2)
    d_k = r["d_k"]
    keys = int(r["keys"])
    left.axhline(np.log(keys), color=colours["text"], lw=1.0, ls=":", label=rf"$\log {keys}$")
    for name, label, colour, style, marker in SCALING:
        left.plot(d_k, r[f"{name}_entropy"], ls=style, marker=marker, ms=4, color=colours[colour], label=label)
        right.plot(d_k, r[f"{name}_jacobian_median"], ls=style, marker=marker, ms=4, color=colours[colour],
                   label=label)
    for ax in (left, right):
        ax.set_xscale("log", base=2)
    right.set_yscale("log")
    left.set_ylim(0, 4.6)
    left.set_ylabel(r"$H(p)$")
    right.set_ylabel(r"$\operatorname{med}\,\|\mathrm{diag}(p) - pp^{\top}\|_F$")
    right.set_ylim(1e-4, 1)
    right.set_yticks([1e-4, 1e-3, 1e-2, 1e-1, 1], ["$10^{-4}$", "$10^{-3}$", "$10^{-2}$", "$10^{-1}$", "$1$"])
    for ax, title in ((left, "(a)"), (right, "(b)")):
        ax.set_xlabel(r"$d_k$")
        ax.set_xticks(d_k[::2], [f"{d:d}" for d in d_k[::2]])
        ax.minorticks_off()
        ax.set_title(title, loc="left", fontsize=11)
        ax.legend(loc="lower left", fontsize=10)
    return dict(r)


PLACEMENT_STYLES = (("pre", r"$x + F(\mathrm{LN}(x))$", "accent", "-", None),
                    ("pre_rms", r"$x + F(\mathrm{RMS}(x))$", "accent", "none", "o"),
                    ("post", r"$\mathrm{LN}(x + F(x))$", "second", "--", None),
                    ("none", r"$x + F(x)$", "third", "-.", None))
PANELS = (("act_std", r"$\mathrm{std}(h W_1)$", "(a)"),
          ("stream_rms", r"$\mathrm{rms}(x_l)$", "(b)"),
          ("grad_norm", r"$\|\partial \ell/\partial W_1\|_F$", "(c)"))


def draw_norm_placement(fig: Figure, colours: dict) -> dict:
    r = cached("norm_placement")
    axes = fig.subplots(1, 3)
    layers = np.arange(1, int(r["depth"]) + 1)
    for ax, (stat, ylabel, title) in zip(axes, PANELS):
        for key, label, colour, style, marker in PLACEMENT_STYLES:
            values = r[f"{key}_{stat}"]
            if marker:
                ax.semilogy(layers[::6], values[::6], ls="none", marker=marker, ms=6, mfc="none",
                            mec=colours[colour], mew=1.2, label=label)
            else:
                ax.semilogy(layers, values, ls=style, color=colours[colour], label=label)
        ax.set_xlabel(r"$l$")
        ax.set_ylabel(ylabel)
        ax.set_title(title, loc="left", fontsize=11)
        ax.minorticks_off()
    axes[0].set_ylim(0.3, 1e6)
    axes[1].set_ylim(0.3, 1e6)
    axes[2].set_ylim(30, 1e9)
    axes[0].legend(loc="upper left", fontsize=10)
    return {"layers": layers, **r}
