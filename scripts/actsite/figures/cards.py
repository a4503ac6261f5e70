"""Function cards: each activation with its derivative, and all of them side by side."""
from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from actsite.figures.names import written_name
from actsite.figures.panels import label_panels
from actsite.maths.functions import ACTIVATIONS, LEAKY_SLOPE, leaky_relu, leaky_relu_prime

SIGMOID_FLAT = 0.01
COMPARED = ("sigmoid", "tanh", "relu", "leaky_relu")


def sigmoid_flat_threshold(level: float = SIGMOID_FLAT) -> float:
    """|x| beyond which σ'(x) < level: σ(1-σ) = level at σ = (1 + sqrt(1 - 4 level)) / 2."""
    s = (1 + np.sqrt(1 - 4 * level)) / 2
    return float(np.log(s / (1 - s)))


def _function_and_derivative(ax, x, f, df, colours, f_label, df_label):
    ax.plot(x, f, color=colours["accent"], label=f_label)
    ax.plot(x, df, "--", color=colours["second"], label=df_label)
    ax.axhline(0, color=colours["muted"], lw=0.8)
    ax.set_xlabel(r"$x$")


def draw_sigmoid(fig: Figure, colours: dict) -> dict:
    act = ACTIVATIONS["sigmoid"]
    x = np.linspace(-10, 10, 2001)
    edge = sigmoid_flat_threshold()
    ax = fig.add_subplot()
    for lo, hi in ((-10, -edge), (edge, 10)):
        ax.axvspan(lo, hi, color=colours["shade"], alpha=colours["shade_alpha"], lw=0)
    _function_and_derivative(ax, x, act.f(x), act.df(x), colours,
                             r"$\sigma(x)$", r"$\sigma'(x)=\sigma(x)(1-\sigma(x))$")
    for level in (0, 1):
        ax.axhline(level, color=colours["muted"], lw=0.8, ls=":")
    ax.plot([0], [0.25], "o", color=colours["second"], ms=5)
    ax.annotate(r"$\sigma'(0)=\frac{1}{4}$", (0, 0.25), (0.8, 0.33), color=colours["text"])
    ax.text(-7.3, 0.55, rf"$\sigma'<{SIGMOID_FLAT}$" + "\n" + rf"$|x|>{edge:.3f}$",
            color=colours["text"], fontsize=9, ha="center")
    ax.set_ylim(-0.1, 1.15)
    ax.legend(loc="center right", bbox_to_anchor=(1.0, 0.6))      # between the asymptote and the slope
    return {"x": x, "f": act.f(x), "df": act.df(x), "flat_edge": edge}


def draw_relu(fig: Figure, colours: dict) -> dict:
    act = ACTIVATIONS["relu"]
    x = np.linspace(-5, 5, 1001)
    ax = fig.add_subplot()
    ax.plot(x, act.f(x), color=colours["accent"], label=r"$\mathrm{ReLU}(x)=\max(0,x)$")
    left, right = x[x < 0], x[x > 0]
    ax.plot(left, act.df(left), "--", color=colours["second"], label=r"$\mathrm{ReLU}'(x)$")
    ax.plot(right, act.df(right), "--", color=colours["second"])
    ax.plot([0], [0], "o", color=colours["second"], ms=6)                       # value used at 0
    ax.plot([0], [1], "o", mfc="none", mec=colours["second"], ms=6)            # not attained
    ax.annotate(r"$\partial\,\mathrm{ReLU}(0)=[0,1]$", (0, 1), (0.5, 2.2), color=colours["text"],
                arrowprops={"arrowstyle": "-", "color": colours["muted"]})
    ax.set_xlabel(r"$x$")
    ax.set_ylim(-0.5, 5.2)
    ax.legend(loc="upper left")
    return {"x": x, "f": act.f(x), "df": act.df(x)}


def draw_leaky_relu(fig: Figure, colours: dict) -> dict:
    x = np.linspace(-5, 5, 1001)
    steep = 0.1
    left, right = fig.subplots(1, 2)
    left.plot(x, leaky_relu(x), color=colours["accent"], label=rf"$a={LEAKY_SLOPE}$")
    left.plot(x, leaky_relu(x, steep), color=colours["third"], label=rf"$a={steep}$")
    left.axhline(0, color=colours["muted"], lw=0.8)
    left.set_xlabel(r"$x$")
    left.legend(loc="upper left")
    right.plot(x[x < 0], leaky_relu_prime(x[x < 0]), "--", color=colours["accent"], label=rf"$a={LEAKY_SLOPE}$")
    right.plot(x[x > 0], leaky_relu_prime(x[x > 0]), "--", color=colours["accent"])
    right.plot(x[x < 0], leaky_relu_prime(x[x < 0], steep), "--", color=colours["third"], label=rf"$a={steep}$")
    label_panels((left, right), (r"$f_a(x)=\max(0,x)+a\,\min(0,x)$", r"$\partial f_a/\partial x$"))
    right.set_xlabel(r"$x$")
    right.set_ylim(-0.1, 1.15)
    right.legend(loc="center left")
    return {"x": x, "f": leaky_relu(x), "f_steep": leaky_relu(x, steep)}


def standard_normal_mean(f, half_width: float = 12.0, points: int = 480_001) -> float:
    """E[f(z)] for z ~ N(0, 1) by the trapezoid rule on a symmetric grid through 0 (kinks sit on nodes)."""
    z = np.linspace(-half_width, half_width, points)
    density = np.exp(-z ** 2 / 2) / np.sqrt(2 * np.pi)
    mean = float(np.trapezoid(f(z) * density, z))
    return 0.0 if abs(mean) < 1e-12 else mean


def draw_activations_compared(fig: Figure, colours: dict) -> dict:
    x = np.linspace(-5, 5, 1001)
    axes = fig.subplots(1, len(COMPARED), sharey=True)
    means = {}
    for ax, key in zip(axes, COMPARED):
        act = ACTIVATIONS[key]
        kink = np.isin(x, act.kinks)
        ax.plot(x, act.f(x), color=colours["accent"])
        ax.plot(x[~kink], np.where(kink, np.nan, act.df(x))[~kink], "--", color=colours["second"])
        ax.axhline(0, color=colours["muted"], lw=0.8)
        means[key] = standard_normal_mean(act.f)
        ax.text(0.04, 0.96, rf"$\mathbb{{E}}[f(z)]={means[key]:.2f}$", transform=ax.transAxes,
                va="top", fontsize=10, color=colours["text"])
        ax.set_xlabel(r"$x$")
        ax.set_ylim(-1.5, 3.0)
    label_panels(axes, [rf"${written_name(key)}$" for key in COMPARED])
    axes[0].legend([axes[0].lines[0], axes[0].lines[1]], [r"$f(x)$", r"$f'(x)$"], loc="lower right")
    return {"keys": COMPARED, "means": means, "x": x}
