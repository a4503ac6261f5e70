"""Figures of the low-precision page: the sigmoid's upper tail as each format sees it, and the
interval of inputs on which each activation still differs from its asymptote, per format.
Every value comes from :mod:`actsite.maths.low_precision`."""
from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from actsite.figures.names import written_name
from actsite.figures.render import StackedFigure
from actsite.maths.catalogue import EVERY
from actsite.maths.functions import sigmoid
from actsite.maths.low_precision import FORMAT_KEYS, every_value, row, to_format

LABELS = {"float32": r"$\mathrm{float32}$", "bfloat16": r"$\mathrm{bfloat16}$",
          "float16": r"$\mathrm{float16}$", "float8_e5m2": r"$\mathrm{E5M2}$",
          "float8_e4m3fn": r"$\mathrm{E4M3}$"}
ROLES = {"float32": "muted", "bfloat16": "accent", "float16": "second",
         "float8_e5m2": "third", "float8_e4m3fn": "fourth"}
LOW = ("bfloat16", "float16", "float8_e5m2", "float8_e4m3fn")
TAIL_RANGE = (0.0, 10.0)
GAP_RANGE = (0.0, 20.0)
XLIM = 120.0                           # bars beyond ±XLIM end in an arrowhead
# Marker sizes (pt) of the ranges figure, large enough to tell a dot, a cross and an arrowhead apart in
# its phone layout (about 0.6 of their size in a 390 px phone's column).
DOT, ARROW, CROSS = 4.5, 5.5, 6.0
PHONE_LABEL_SIZE = 14                  # pt, the function names in the phone layout (11 pt, the site's size, in the wide one)


def exact_style(colours: dict) -> dict:
    """The exact curve's style: dotted, thick enough and drawn above the staircases, which hide it otherwise."""
    return {"color": colours["text"], "lw": 1.8, "ls": ":", "zorder": 3}


def evaluated(x: np.ndarray, fmt: str) -> np.ndarray:
    """σ with its input and its output rounded to ``fmt``."""
    return to_format(sigmoid(to_format(x, fmt)), fmt)


def inputs(fmt: str, span: tuple[float, float], dense: np.ndarray) -> np.ndarray:
    """The inputs a curve is drawn at: the format's own values in ``span`` (so each step starts at a
    value of the format and a curve ends at its threshold), or the dense grid for float32."""
    if fmt == "float32":
        return dense
    v = every_value(fmt)
    return v[(v >= span[0]) & (v <= span[1])]


def draw_sigmoid_tail_formats(fig: Figure, colours: dict) -> dict:
    axes = fig.subplots(1, 2)
    x = np.linspace(*TAIL_RANGE, 2001)
    xs, xgs, values, gaps, ones = {}, {}, {}, {}, {}
    axes[0].plot(x, sigmoid(x), label=r"$\sigma(x)$", **exact_style(colours))
    for fmt in ("float32", *LOW):
        xs[fmt] = inputs(fmt, TAIL_RANGE, x)
        values[fmt] = evaluated(xs[fmt], fmt)
        axes[0].plot(xs[fmt], values[fmt], color=colours[ROLES[fmt]], lw=1.6, drawstyle="steps-post",
                     label=LABELS[fmt])
        ones[fmt] = row("sigmoid", fmt).value[1]
    axes[0].set_ylim(0.84, 1.01)
    axes[0].set_xlabel(r"$x$")
    axes[0].set_ylabel(r"$\sigma_F(x)$")
    axes[0].legend(loc="lower right", fontsize=11)

    xg = np.linspace(*GAP_RANGE, 4001)
    axes[1].semilogy(xg, sigmoid(-xg), label=r"$1 - \sigma(x)$", **exact_style(colours))
    for fmt in ("float32", *LOW):
        xgs[fmt] = inputs(fmt, GAP_RANGE, xg)
        gap = 1.0 - evaluated(xgs[fmt], fmt)
        gaps[fmt] = gap
        axes[1].semilogy(xgs[fmt], np.where(gap > 0, gap, np.nan), color=colours[ROLES[fmt]], lw=1.6,
                         drawstyle="steps-post")
        ones[fmt] = row("sigmoid", fmt).value[1]
        if ones[fmt] <= GAP_RANGE[1]:
            axes[1].plot([ones[fmt]], [2e-9], "|", color=colours[ROLES[fmt]], ms=10, mew=2)
    axes[1].set_ylim(1e-9, 1.0)
    axes[1].set_xlabel(r"$x$")
    axes[1].set_ylabel(r"$1 - \sigma_F(x)$")
    for ax, title in zip(axes, ("(a)", "(b)")):
        ax.set_title(title, loc="left", fontsize=11)
    return {"xs": xs, "values": values, "xgs": xgs, "gaps": gaps, "ones": ones}


def _bar_ends(lo: float | None, hi: float | None, fmt: str) -> tuple[float, float]:
    big = 3.4e38                                  # "never": to the end of the format's range
    return (-big if lo is None else lo, big if hi is None else hi)


def draw_low_precision_ranges(fig: Figure, colours: dict) -> dict:
    ax = fig.add_subplot()
    keys = list(EVERY)
    n = len(FORMAT_KEYS)
    height = 0.8 / n
    spans, overflows, clipped = {}, {}, []
    for i, key in enumerate(keys):
        base = len(keys) - 1 - i
        for k, fmt in enumerate(FORMAT_KEYS):
            y = base + 0.4 - (k + 0.5) * height
            r = row(key, fmt)
            lo, hi = _bar_ends(*r.value, fmt)
            spans[key, fmt] = (lo, hi)
            if lo == hi == 0.0:
                ax.plot([0.0], [y], "o", color=colours[ROLES[fmt]], ms=DOT,
                        label=LABELS[fmt] if i == 0 else None)
            else:
                shown = (max(lo, -XLIM), min(hi, XLIM))
                ax.barh(y, shown[1] - shown[0], left=shown[0], height=height * 0.9,
                        color=colours[ROLES[fmt]], label=LABELS[fmt] if i == 0 else None)
                for end, marker in ((lo, "<"), (hi, ">")):
                    if abs(end) > XLIM:
                        clipped.append((key, fmt, end))
                        ax.plot([np.sign(end) * XLIM], [y], marker, color=colours[ROLES[fmt]], ms=ARROW)
            for side in (0, 1):
                o = r.overflow[side]
                if o is not None and abs(o) < XLIM:
                    overflows[key, fmt, side] = o
                    ax.plot([o], [y], "x", color=colours["text"], ms=CROSS, mew=1.4)
    ax.set_xscale("symlog", linthresh=1.0)
    ax.set_xlim(-XLIM * 1.15, XLIM * 1.15)
    ticks = [-100, -10, -1, 0, 1, 10, 100]
    ax.set_xticks(ticks, [f"${t:g}$".replace("-", "-") for t in ticks])
    labels = [rf"${written_name(k)}$" for k in reversed(keys)]
    # the phone layout shows the figure at about 0.6 of its size: larger function names keep them legible there
    ax.set_yticks(range(len(keys)), labels, fontsize=PHONE_LABEL_SIZE if isinstance(fig, StackedFigure) else 11)
    ax.set_ylim(-0.6, len(keys) - 0.4)
    ax.set_xlabel(r"$x$")
    ax.grid(axis="y", visible=False)
    # inside the axes, in the longest run of rows with nothing right of 0 (ReLU to Maxout), so that a
    # phone layout, which asks every legend for "best" (actsite.figures.render.fit_to_phone), finds it too
    empty = [i for i, key in enumerate(keys) if all(spans[key, fmt][1] <= 0 for fmt in FORMAT_KEYS)]
    runs = [[empty[0]]]
    for i in empty[1:]:
        runs[-1].append(i) if i == runs[-1][-1] + 1 else runs.append([i])
    run = max(runs, key=len)
    top, bottom = len(keys) - 1 - run[0] + 0.45, len(keys) - 1 - run[-1] - 0.45
    ax.legend(loc="upper right", bbox_to_anchor=(0.5, bottom, XLIM * 1.15 - 0.5, top - bottom),
              bbox_transform=ax.transData, fontsize=11, handlelength=1.2)
    return {"keys": keys, "spans": spans, "overflows": overflows, "clipped": clipped, "xlim": XLIM,
            "labels": labels}
