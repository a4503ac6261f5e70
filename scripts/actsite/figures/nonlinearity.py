"""Figures of the first article: why a network needs a non-linear activation."""
from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure
from matplotlib.patches import Circle

from actsite.figures.panels import label_panels
from actsite.maths.functions import ACTIVATIONS, relu
from actsite.experiments.networks import (FNN_LAYER_SIZES, absolute_from_relus, max_error_on_interval,
                              parameter_count, quadratic_h2, quadratic_h2_as_printed,
                              relu_interpolant_of_square)

TANH_FLAT = 0.01          # "flat" means tanh'(x) < 0.01 ...
QUADRATIC_UNITS = 2 ** np.arange(1, 8)   # n = 2 .. 128 ReLU units


def shorten(start, end, by: float):
    """The segment from start to end with ``by`` cut off at both ends (edges meet circle rims)."""
    a, b = np.asarray(start, float), np.asarray(end, float)
    step = (b - a) / np.linalg.norm(b - a) * by
    return tuple(a + step), tuple(b - step)


def draw_fnn(fig: Figure, colours: dict) -> dict:
    """The 2-4-2 network: one circle per unit, one line per weight."""
    ax = fig.add_subplot()
    ax.set_axis_off()
    ax.set_aspect("equal")
    labels = ([rf"$x_{i + 1}$" for i in range(FNN_LAYER_SIZES[0])],
              [rf"$h_{i + 1}$" for i in range(FNN_LAYER_SIZES[1])],
              [rf"$\hat y_{i + 1}$" for i in range(FNN_LAYER_SIZES[2])])
    positions = [[(2.2 * col, (n - 1) / 2 - row) for row in range(n)]
                 for col, n in enumerate(FNN_LAYER_SIZES)]
    radius = 0.28
    edges = []
    for left, right in zip(positions[:-1], positions[1:]):
        for start in left:
            for end in right:
                (x0, y0), (x1, y1) = shorten(start, end, radius)
                edges += ax.plot([x0, x1], [y0, y1], color=colours["muted"], lw=1.0, zorder=1)
    circles = []
    for col, (layer, names) in enumerate(zip(positions, labels)):
        for (x, y), name in zip(layer, names):
            circle = Circle((x, y), radius, facecolor=colours["accent"] if col == 1 else "none",
                            edgecolor=colours["accent"], lw=1.8, zorder=2)
            ax.add_patch(circle)
            circles.append(circle)
            ax.text(x, y, name, ha="center", va="center", zorder=3,
                    color=colours["text"] if col != 1 else "white", fontsize=12)
    for col, name in enumerate((r"$\mathbf{x}\in\mathbb{R}^2$", r"$\mathbf{h}\in\mathbb{R}^4$",
                                r"$\hat{\mathbf{y}}\in\mathbb{R}^2$")):
        ax.text(2.2 * col, -2.2, name, ha="center", va="center", color=colours["text"])
    ax.text(1.1, 2.05, r"$W_1,\ \mathbf{b}_1$", ha="center", color=colours["muted"])
    ax.text(3.3, 2.05, r"$W_2,\ \mathbf{b}_2$", ha="center", color=colours["muted"])
    ax.set_xlim(-0.6, 5.0)
    ax.set_ylim(-2.5, 2.4)
    return {"circles": len(circles), "edges": len(edges),
            "parameters": parameter_count(FNN_LAYER_SIZES)}


def draw_absolute(fig: Figure, colours: dict) -> dict:
    x = np.linspace(-3, 3, 601)
    ax = fig.add_subplot()
    total = absolute_from_relus(x)
    # The sum is a wide, pale band underneath, so the two dashed halves that make it stay visible on top.
    ax.plot(x, total, color=colours["accent"], lw=5, alpha=0.45, solid_capstyle="butt",
            label=r"$N_1(x)=g(x)+g(-x)=|x|$")
    ax.plot(x, relu(x), "--", color=colours["second"], lw=1.8, label=r"$g(x)=\max(0,x)$")
    ax.plot(x, relu(-x), "--", color=colours["third"], lw=1.8, label=r"$g(-x)$")
    ax.set_xlabel(r"$x$")
    ax.legend(loc="upper center")
    ax.set_ylim(-0.3, 3.6)
    return {"x": x, "h1": total, "legend_entries": len(ax.get_legend().texts)}


def draw_quadratic(fig: Figure, colours: dict) -> dict:
    left, right = fig.subplots(1, 2, gridspec_kw={"width_ratios": [1.35, 1]})
    x = np.linspace(-3, 3, 1201)
    knots = np.arange(-2.0, 3.0)
    left.axvspan(-2, 2, color=colours["shade"], alpha=0.8 * colours["shade_alpha"], lw=0)
    left.plot(x, x ** 2, color=colours["text"], lw=1.4, label=r"$x^2$")
    left.plot(x, absolute_from_relus(x), "--", color=colours["third"], label=r"$N_1(x)=|x|$")
    left.plot(x, quadratic_h2(x), color=colours["accent"],
              label=r"$N_2 = g(x)+g(-x)+g(2x-2)+g(-2x-2)$")
    left.plot(knots, knots ** 2, "o", color=colours["accent"], ms=5)
    left.set_xlabel(r"$x$")
    left.set_ylim(-0.5, 10)
    left.legend(loc="upper center", fontsize=9)

    errors = np.array([max_error_on_interval(relu_interpolant_of_square(int(n)), np.square)
                       for n in QUADRATIC_UNITS])
    right.loglog(QUADRATIC_UNITS, errors, "o-", color=colours["accent"], label=r"$\max_{[-2,2]}|p_n-x^2|$")
    right.loglog(QUADRATIC_UNITS, 4.0 / QUADRATIC_UNITS ** 2, ":", color=colours["second"],
                 label=r"$4/n^2$")
    right.set_xlabel(r"$n$")
    right.set_xticks(QUADRATIC_UNITS, [str(n) for n in QUADRATIC_UNITS])
    right.minorticks_off()
    right.legend(fontsize=9)
    label_panels((left, right))
    return {"x": x, "h2": quadratic_h2(x), "knots": knots, "units": QUADRATIC_UNITS,
            "errors": errors, "h2_error": max_error_on_interval(quadratic_h2, np.square),
            "as_printed_error": max_error_on_interval(quadratic_h2_as_printed, np.square)}


def tanh_flat_threshold(level: float = TANH_FLAT) -> float:
    """|x| beyond which tanh'(x) < level: tanh'(x) = 1 - tanh(x)^2 < level iff |x| > artanh(sqrt(1 - level))."""
    return float(np.arctanh(np.sqrt(1.0 - level)))


def draw_tanh(fig: Figure, colours: dict) -> dict:
    tanh = ACTIVATIONS["tanh"]
    x = np.linspace(-6, 6, 1201)
    edge = tanh_flat_threshold()
    ax = fig.add_subplot()
    for lo, hi in ((-6, -edge), (edge, 6)):
        ax.axvspan(lo, hi, color=colours["shade"], alpha=colours["shade_alpha"], lw=0)
    ax.plot(x, tanh.f(x), color=colours["accent"], label=r"$\tanh(x)$")
    ax.plot(x, tanh.df(x), "--", color=colours["second"], label=r"$\tanh'(x)=1-\tanh^2(x)$")
    ax.plot([0], [1], "o", color=colours["second"], ms=5)
    ax.annotate(r"$\tanh'(0)=1$", (0, 1), (0.5, 1.12), color=colours["text"])
    ax.text(-4.6, -0.55, rf"$\tanh'<{TANH_FLAT}$" + "\n" + rf"$|x|>{edge:.3f}$",
            color=colours["text"], fontsize=9, ha="center")
    ax.set_xlabel(r"$x$")
    ax.set_ylim(-1.2, 1.35)
    ax.legend(loc="lower right")
    return {"x": x, "f": tanh.f(x), "df": tanh.df(x), "flat_edge": edge}
