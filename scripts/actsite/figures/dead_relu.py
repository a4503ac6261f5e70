"""Figures of the dead-ReLU article: dead units step by step, and with batch normalisation."""
from __future__ import annotations

import numpy as np
from matplotlib import rcParams
from matplotlib.figure import Figure

from actsite.figures.panels import label_panels
from actsite.experiments.cache import cached

# legend names as the text writes them (the registry's short symbol LReLU is not used in prose)
LEGEND_NAMES = {"relu": r"$\mathrm{ReLU}$", "leaky_relu": r"$\mathrm{Leaky\ ReLU}$"}
# panel (b)'s inset: steps 1-10 with log10 L from 0 to 8, at (x0, y0, width, height) in panel fractions
ZOOM_STEPS, ZOOM_LOG_LOSS = (0.5, 10.5), (0.0, 8.0)
ZOOM_BOUNDS = (0.15, 0.21, 0.34, 0.45)
ZOOM_TICK_SIZE = 10       # pt; keeps 9 px in the desktop column and in the phone layout


def draw_dead_relu_steps(fig: Figure, colours: dict) -> dict:
    """(a) The second layer's dead units (% of 256) against the SGD step, learning rates 1 and
    2, three seeds each.  (b) The mini-batch loss of the first steps at learning rate 2, ReLU
    against Leaky ReLU, as log10 of the loss (a leaky curve ends where its weights overflow), with
    steps 1-10 magnified in an inset."""
    r = cached("dead_relu_steps")
    left, right = fig.subplots(1, 2)
    steps = r["steps"]
    shown = steps >= 1
    for i, (rate, colour, style) in enumerate(zip(r["rates"], (colours["accent"], colours["second"]), ("-", "--"))):
        for seed in range(len(r["seeds"])):
            share = 100 * r["dead"][i, seed, :, 1] / r["units"]
            left.plot(steps[shown], share[shown], style, color=colour, lw=1.3,
                      label=rf"$\eta={rate:g}$" if seed == 0 else None)
    left.set_xscale("log")
    left.set_xlim(1, steps[-1])
    left.set_ylim(0, 75)
    left.set_xlabel(r"$t$")
    left.set_ylabel(r"$\%$")
    left.legend(loc="lower right")
    early = np.arange(1, r["early_loss_relu"].shape[1] + 1)
    # the first steps again, magnified: on the 0-300 axis ReLU's overshoot (log10 L up to about 2)
    # is too small to see; the inset sits in the empty upper left, below the legend
    zoom = right.inset_axes(ZOOM_BOUNDS)
    background = rcParams["legend.facecolor"]                     # the site style: the page background
    zoom.set_facecolor(rcParams["axes.facecolor"] if background == "inherit" else background)   # hides the grid behind it
    for key, colour, marker in (("relu", colours["accent"], "o"), ("leaky_relu", colours["second"], "s")):
        for seed, loss in enumerate(r[f"early_loss_{key}"]):
            finite = np.isfinite(loss)
            for ax, size in ((right, 3.5), (zoom, 3.0)):
                ax.plot(early[finite], np.log10(loss[finite]), marker + "-", color=colour, lw=1.0, ms=size,
                        label=LEGEND_NAMES[key] if seed == 0 and ax is right else None)
    right.set_xlim(0.5, early[-1] + 0.5)
    right.set_xticks([1, 5, 10, 15, 20])
    right.set_ylim(-10, 310)
    right.set_xlabel(r"$t\ \ (\eta=2)$")
    right.set_ylabel(r"$\log_{10} L$")
    right.legend(loc="upper left")
    zoom.set_xlim(*ZOOM_STEPS)
    zoom.set_ylim(*ZOOM_LOG_LOSS)
    for axis, ticks in ((zoom.xaxis, (1, 5, 10)), (zoom.yaxis, (0, 2, 4, 6, 8))):   # labels written out now,
        axis.set_ticks(ticks, labels=[str(t) for t in ticks], fontsize=ZOOM_TICK_SIZE)  # so the phone layout sizes by them
    zoom.spines[["top", "right"]].set_visible(True)
    label_panels((left, right))
    return dict(r)


def draw_dead_relu_batchnorm(fig: Figure, colours: dict) -> dict:
    """Every second-layer unit's share of training points on which it is active, sorted, per
    seed: plain ReLU and ReLU after batch normalisation, one panel per learning rate (1 and 2)."""
    r = cached("dead_relu_batchnorm")
    axes = fig.subplots(1, len(r["share_rates"]), sharey=True)
    rates = list(r["learning_rates"])
    for ax, rate, plain in zip(axes, r["share_rates"], r["plain_shares"]):
        normalised = r["shares"][rates.index(rate)]
        for shares_per_seed, colour, style, label in ((plain, colours["accent"], "-", r"$\mathrm{ReLU}(z)$"),
                                                      (normalised, colours["second"], "--", r"$\mathrm{ReLU}(\gamma\hat z+\beta)$")):
            for seed, shares in enumerate(shares_per_seed):
                rank = 100 * (np.arange(len(shares)) + 0.5) / len(shares)
                ax.plot(rank, 100 * shares, style, color=colour, lw=1.3, label=label if seed == 0 else None)
        ax.set_xlim(0, 100)
        ax.set_ylim(-2, 60)
        ax.set_xlabel(rf"$i\,/\,{len(plain[0])}\ (\%),\ \ \eta={rate:g}$")
    axes[0].set_ylabel(r"$P(h_j>0)\ (\%)$")
    axes[0].legend(loc="upper left", fontsize=9)
    label_panels(axes)
    return dict(r)
