"""Network diagrams: the model neuron, the shallow network, and the active paths of a ReLU net."""
from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure
from matplotlib.patches import Circle, FancyArrowPatch, FancyBboxPatch

from actsite.figures.panels import label_panels
from actsite.experiments.piecewise import forward, local_affine_map, random_relu_net
from actsite.figures.nonlinearity import shorten

NEURON_INPUTS = 3
SHALLOW_SIZES = (3, 4, 1)
PATHS_SIZES = (4, 6, 6, 2)
PATHS_INPUTS = ((0.8, -0.4, 1.1, 0.2), (-0.9, 0.7, -0.3, 1.0))


def _arrow(ax, start, end, colour, lw=1.2):
    ax.add_patch(FancyArrowPatch(start, end, arrowstyle="-|>", mutation_scale=12, color=colour, lw=lw))


def draw_neuron(fig: Figure, colours: dict) -> dict:
    ax = fig.add_subplot()
    ax.set_axis_off()
    ax.set_aspect("equal")
    body = (3.0, 0.0)
    arrows = 0
    for i in range(NEURON_INPUTS):
        y = 1.2 - 1.2 * i
        ax.add_patch(Circle((0, y), 0.3, fill=False, ec=colours["accent"], lw=1.6))
        ax.text(0, y, rf"$x_{i + 1}$", ha="center", va="center", color=colours["text"])
        _arrow(ax, (0.32, y), (body[0] - 0.62, body[1] + 0.2 * (1 - i)), colours["muted"])
        ax.text(1.3, y * 0.62 + 0.18, rf"$w_{i + 1}$", color=colours["text"], fontsize=11)
        arrows += 1
    ax.add_patch(Circle(body, 0.6, fc=colours["accent"], ec=colours["accent"]))
    ax.text(*body, r"$\sum_i w_i x_i + b$", ha="center", va="center", color="white", fontsize=9)
    ax.add_patch(FancyBboxPatch((4.35, -0.35), 0.9, 0.7, boxstyle="round,pad=0.05",
                                fc="none", ec=colours["second"], lw=1.6))
    ax.text(4.8, 0, r"$f$", ha="center", va="center", color=colours["text"], fontsize=14)
    _arrow(ax, (3.62, 0), (4.3, 0), colours["muted"])
    _arrow(ax, (5.3, 0), (6.3, 0), colours["muted"])
    ax.text(6.4, 0, r"$f\left(\sum_i w_i x_i + b\right)$", va="center", color=colours["text"])
    ax.text(3.0, -0.95, r"$z$", ha="center", color=colours["muted"])
    ax.set_xlim(-0.5, 9.2)
    ax.set_ylim(-1.7, 1.7)
    return {"inputs": arrows}


NODE_RADIUS = 0.22


def _layered(ax, sizes, colours, active=None, spacing=2.0):
    """Circles in columns and every edge between neighbouring columns, from rim to rim as in
    the fnn figure; returns node positions."""
    positions = [[(spacing * col, (n - 1) / 2 - row) for row in range(n)] for col, n in enumerate(sizes)]
    for col, (left, right) in enumerate(zip(positions[:-1], positions[1:])):
        for i, start in enumerate(left):
            for j, end in enumerate(right):
                on = active is None or (_is_on(active, col, i) and _is_on(active, col + 1, j))
                (x0, y0), (x1, y1) = shorten(start, end, NODE_RADIUS)
                ax.plot([x0, x1], [y0, y1], zorder=1,
                        color=colours["accent"] if on and active is not None else colours["muted"],
                        lw=1.6 if on and active is not None else 0.7, alpha=1.0 if on else 0.25)
    for col, layer in enumerate(positions):
        for i, (x, y) in enumerate(layer):
            on = active is None or _is_on(active, col, i)
            ax.add_patch(Circle((x, y), NODE_RADIUS, zorder=2, lw=1.5,
                                fc=colours["accent"] if on and 0 < col < len(sizes) - 1 else "none",
                                ec=colours["accent"] if on else colours["muted"], alpha=1.0 if on else 0.4))
    return positions


def _is_on(active, col, i):
    return col == 0 or col > len(active) or bool(active[col - 1][i])


def draw_shallow(fig: Figure, colours: dict) -> dict:
    ax = fig.add_subplot()
    ax.set_axis_off()
    ax.set_aspect("equal")
    positions = _layered(ax, SHALLOW_SIZES, colours)
    for i, (x, y) in enumerate(positions[0]):
        ax.text(x - 0.45, y, rf"$x_{i + 1}$", ha="right", va="center", color=colours["text"])
    ax.text(2.0, 2.35, r"$\mathbf{h}=\phi(W_1\mathbf{x}+\mathbf{b}_1)$", ha="center", color=colours["text"])
    (xo, yo), = positions[2]
    ax.text(xo + 0.4, yo, r"$\hat y=\sigma(\mathbf{w}_2^{\top}\mathbf{h}+b_2)$", va="center", color=colours["text"])
    ax.set_xlim(-1.2, 7.8)
    ax.set_ylim(-2.2, 2.8)
    return {"nodes": [len(layer) for layer in positions]}


def draw_sparse_paths(fig: Figure, colours: dict) -> dict:
    layers = random_relu_net(PATHS_SIZES, seed=3)
    axes = fig.subplots(1, len(PATHS_INPUTS))
    actives, outputs, affine = [], [], []
    for k, (ax, x) in enumerate(zip(axes, PATHS_INPUTS)):
        x = np.array(x)
        out, masks = forward(layers, x)
        A, c = local_affine_map(layers, x)
        ax.set_axis_off()
        ax.set_aspect("equal")
        _layered(ax, PATHS_SIZES, colours, active=masks)
        actives.append([m.copy() for m in masks])
        outputs.append(out)
        affine.append(A @ x + c)
    label_panels(axes, [rf"$\mathbf{{x}}^{{({k + 1})}}$" for k in range(len(axes))])
    return {"active": actives, "outputs": outputs, "affine_outputs": affine, "layers": layers}
