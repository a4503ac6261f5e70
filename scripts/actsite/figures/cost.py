"""The measured cost of every declared function in numpy (data/cost.json), as a ratio to ReLU."""
from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from actsite.experiments import cost
from actsite.figures.names import written_name

DTYPE = "float64"


def draw_cost(fig: Figure, colours: dict) -> dict:
    data = cost.load()
    ratio = cost.ratios(data)
    keys = sorted(data["functions"], key=lambda k: ratio[k, "value", DTYPE])
    value = np.array([ratio[k, "value", DTYPE] for k in keys])
    derivative = np.array([ratio[k, "derivative", DTYPE] for k in keys])
    counts = [(cost.operation_count(data, k, "value"), cost.operation_count(data, k, "derivative")) for k in keys]
    ax = fig.add_subplot()
    rows = np.arange(len(keys))
    ax.barh(rows + 0.2, value, height=0.38, color=colours["accent"], label=r"$f$")
    ax.barh(rows - 0.2, derivative, height=0.38, color=colours["second"], label=r"$f'$")
    for row, v, d, (n_f, n_df) in zip(rows, value, derivative, counts):
        ax.text(max(v, d) * 1.15, row, rf"${n_f}\,/\,{n_df}$", va="center", fontsize=9, color=colours["text"])
    ax.axvline(1.0, color=colours["muted"], lw=0.9, ls=":")
    ax.set_xscale("log")
    ax.set_xlim(0.3, 300)
    ax.set_yticks(rows, [rf"${written_name(k)}$" for k in keys], fontsize=10)
    ax.set_ylim(-0.7, len(keys) - 0.3)
    ax.set_xlabel(r"$t\,/\,t_{\mathrm{ReLU}}$")
    ax.legend(loc="lower right")
    return {"keys": keys, "value": value, "derivative": derivative, "counts": counts}
