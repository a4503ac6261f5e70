"""Figures of the gated-units page: the gate functions side by side, and the bivariate unit
f(a, b) = a * g(b) itself as contours.  Every value comes from :mod:`actsite.maths.gated`."""
from __future__ import annotations

import numpy as np
from matplotlib.colors import LinearSegmentedColormap
from matplotlib.figure import Figure

from actsite.figures.render import StackedFigure
from actsite.maths.gated import GATED

GATE_ORDER = ("glu", "reglu", "geglu", "swiglu", "bilinear")     # one curve per unit's gate
STYLES = {"glu": ("accent", "-"), "reglu": ("second", "--"), "geglu": ("third", "-"),
          "swiglu": ("fourth", "-."), "bilinear": ("muted", ":")}
B_RANGE = (-4.0, 4.0)
CONTOUR_UNITS = ("glu", "swiglu")
CONTOUR_RANGE = (-3.0, 3.0)
CONTOUR_LEVELS = np.arange(-6.0, 6.5, 1.0)
CONTOUR_LABEL_SIZE = 11   # pt; the tick labels' size, so the contour values read as easily as the axes
COLOURBAR_TICKS = np.arange(-6.0, 6.5, 2.0)      # the labelled contours' levels


def _gate_label(key: str) -> str:
    """The legend entry: the unit's symbol and its gate, every gate written g(v) = ...  The bilinear unit
    too is named by its symbol, Bilinear, Shazeer's row name, which both languages' pages use in its formula."""
    return f"${GATED[key].symbol}$: $g(v) = {_GATE_TEX[GATED[key].gate]}$"


# notation only (the figure serves both languages): the identity gate is written out, not "id"
_GATE_TEX = {"sigmoid": r"\sigma(v)", "relu": r"\mathrm{ReLU}(v)", "gelu": r"\mathrm{GELU}(v)",
             "silu": r"\mathrm{SiLU}(v)", "identity": r"v"}
LEGEND_SIZE = 10          # pt; the figure is narrow enough (registry) to show it near the cards' text size


def draw_gates(fig: Figure, colours: dict) -> dict:
    b = np.linspace(*B_RANGE, 1601)
    b = b[b != 0.0]                                  # ReLU's slope has no value at its kink
    axes = fig.subplots(1, 2, width_ratios=(3, 2))   # (a) wider: its legend sits above the curves
    values, slopes = {}, {}
    for key in GATE_ORDER:
        unit = GATED[key]
        values[key], slopes[key] = unit.g(b), unit.dg(b)
        colour, style = STYLES[key]
        axes[0].plot(b, values[key], style, color=colours[colour], label=_gate_label(key))
        gap = np.searchsorted(b, 0.0) if unit.gate == "relu" else None   # lift the pen at the kink
        slope = np.insert(slopes[key], gap, np.nan) if gap is not None else slopes[key]
        axes[1].plot(np.insert(b, gap, 0.0) if gap is not None else b, slope, style, color=colours[colour])
    for ax, title, ylabel in zip(axes, ("(a)", "(b)"), (r"$g(v)$", r"$g'(v)$")):
        ax.axhline(0, color=colours["muted"], lw=0.8)
        ax.set_xlabel(r"$v$")
        ax.set_ylabel(ylabel)
        ax.set_title(title, loc="left", fontsize=11)
        ax.set_xlim(*B_RANGE)
    axes[0].set_ylim(-1.5, 3.0)
    axes[1].set_ylim(-0.3, 1.4)
    axes[0].legend(loc="upper left", fontsize=LEGEND_SIZE)
    return {"b": b, "values": values, "slopes": slopes, "order": GATE_ORDER}


def draw_gated_contours(fig: Figure, colours: dict) -> dict:
    grid = np.linspace(*CONTOUR_RANGE, 151)
    a, b = np.meshgrid(grid, grid, indexing="xy")     # a along x, b along y
    cmap = LinearSegmentedColormap.from_list("gated", [colours["second"], colours["grid"], colours["accent"]])
    axes = fig.subplots(1, len(CONTOUR_UNITS), sharey=True)
    stacked = isinstance(fig, StackedFigure)
    surfaces, filled = {}, []
    for ax, key, title in zip(axes, CONTOUR_UNITS, ("(a)", "(b)")):
        f = GATED[key].f(a, b)
        surfaces[key] = f
        filled.append(ax.contourf(a, b, f, levels=CONTOUR_LEVELS, cmap=cmap, extend="both"))
        lines = ax.contour(a, b, f, levels=CONTOUR_LEVELS, colors=colours["text"], linewidths=0.6)
        ax.clabel(lines, lines.levels[::2], fmt=lambda level: f"{level:g}".replace("-", "\N{MINUS SIGN}"),
                  fontsize=CONTOUR_LABEL_SIZE)   # every other level, so that labels of this size fit
        ax.set_title(rf"{title} ${GATED[key].symbol}(u, v)$", loc="left", fontsize=11)
        ax.set_xlabel(r"$u$")
        ax.set_aspect("equal" if not stacked else "auto")   # a stacked square panel would leave half the phone column empty
        ax.grid(False)
    axes[0].set_ylabel(r"$v$")
    # one colour key for both panels (same levels, same colours): which colour is negative, which
    # positive, and how far; the pointed ends stand for values beyond -6 and 6 (SwiGLU reaches 8.6)
    key = fig.colorbar(filled[-1], ax=axes, ticks=COLOURBAR_TICKS, shrink=0.8, aspect=25, pad=0.03)
    key.set_label(r"$f(u, v)$")
    key.outline.set_edgecolor(colours["muted"])
    key.ax.grid(False)
    return {"a": a, "b": b, "f": surfaces, "levels": CONTOUR_LEVELS, "units": CONTOUR_UNITS,
            "colourbar": key}
