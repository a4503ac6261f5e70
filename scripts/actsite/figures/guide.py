"""Figures of the guide page: dead units with and without batch normalisation before the ReLU."""
from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from actsite.experiments.cache import cached


def draw_dead_relu_batchnorm(fig: Figure, colours: dict) -> dict:
    """Every second-layer unit's share of training points on which it is active, sorted, per
    seed: plain ReLU and ReLU after batch normalisation, both at learning rate 1.0."""
    r = cached("dead_relu_batchnorm")
    ax = fig.add_subplot()
    for key, colour, style, label in (("plain_shares", colours["accent"], "-", r"$\mathrm{ReLU}(z)$"),
                                      ("shares", colours["second"], "--", r"$\mathrm{ReLU}(\gamma\hat z+\beta)$")):
        for seed, shares in enumerate(r[key]):
            rank = 100 * (np.arange(len(shares)) + 0.5) / len(shares)
            ax.plot(rank, 100 * shares, style, color=colour, lw=1.4, label=label if seed == 0 else None)
    ax.set_xlim(0, 100)
    ax.set_ylim(-2, 50)
    ax.set_xlabel(r"$i\,/\,n\ (\%)$")
    ax.set_ylabel(r"$P(u_i>0)\ (\%)$")
    ax.legend(loc="upper left")
    return dict(r)
