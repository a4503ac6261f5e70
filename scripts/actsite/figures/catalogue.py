"""One card per function of the modern catalogue: the function, its derivative, and the
landmarks its declaration states (minimum, kinks, the classic curve it refines)."""
from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from actsite.figures.names import signed, written_name
from actsite.maths.catalogue import EVERY

X_RANGE = (-5.0, 5.0)
POINTS = 2001
RELATIVE = {"rectifier": "relu", "smooth": "relu", "hard": None}   # faint reference curve
HARD_RELATIVE = {"hard_sigmoid": "sigmoid", "hard_tanh": "tanh", "softsign": "tanh", "relu6": "relu",
                 "hard_swish": "silu"}
Y_CAP = (-2.0, 3.0)     # an unbounded function leaves the chart at these values
VIEWS = {"relu6": ((-4.0, 9.0), (-1.0, 7.0)),      # (x limits, y limits) where the default hides a landmark:
         "hard_swish": ((-5.0, 5.0), (-1.0, 5.5))}   # the cap at 6; the identity piece beyond x = 3


def _quarter(value: float, up: bool) -> float:
    return float(np.ceil(value * 4) / 4 if up else np.floor(value * 4) / 4)


def y_range(f: np.ndarray, df: np.ndarray, cap: tuple[float, float] = Y_CAP) -> tuple[float, float]:
    """This function's own vertical range: its values and slopes (and 0), with a margin, on
    quarter steps; where the function runs past the cap, the cap itself is the edge."""
    lo_data, hi_data = min(f.min(), df.min(), 0.0), max(f.max(), df.max())
    pad = 0.1 * (min(hi_data, cap[1]) - max(lo_data, cap[0]))
    lo = cap[0] if lo_data <= cap[0] else max(_quarter(lo_data - pad, up=False), cap[0])
    hi = cap[1] if hi_data >= cap[1] else min(_quarter(hi_data + pad, up=True), cap[1])
    return lo, hi


def draw_card(key: str, fig: Figure, colours: dict) -> dict:
    act = EVERY[key]
    x_range, fixed_y = VIEWS.get(key, (X_RANGE, None))
    x = np.linspace(*x_range, POINTS)
    x = x[~np.isin(x, act.kinks)]                  # no derivative value drawn at a kink
    f, df = act.f(x), act.df(x)
    ax = fig.add_subplot()
    relative = HARD_RELATIVE.get(key) or RELATIVE[act.family]
    if relative:
        ax.plot(x, EVERY[relative].f(x), ":", color=colours["muted"], lw=1.4,
                label=rf"${EVERY[relative].symbol}(x)$")
    ax.plot(x, f, color=colours["accent"], label=rf"$f(x)$")
    breaks = np.searchsorted(x, act.kinks)        # lift the pen where f' jumps
    ax.plot(np.insert(x, breaks, np.nan), np.insert(df, breaks, np.nan), "--", color=colours["second"],
            label=r"$f'(x)$")
    ax.axhline(0, color=colours["muted"], lw=0.8)
    v_shaped = False
    if act.minimum:
        x_min, f_min = act.minimum
        ax.plot([x_min], [f_min], "o", color=colours["third"], ms=5)
        # above-left of a shallow dip; below-right of a V, whose arms fill the space above it
        v_shaped = act.f(np.array(x_min - 0.5)) > f_min + 0.25
        ax.annotate(rf"$({signed(x_min)},\ {signed(f_min)})$", (x_min, f_min), (12, -30) if v_shaped else (-12, 30),
                    textcoords="offset points", color=colours["text"], fontsize=9, ha="left" if v_shaped else "right",
                    arrowprops={"arrowstyle": "-", "color": colours["muted"]})
    ax.set_title(rf"${written_name(key)}$", fontsize=11)
    ax.set_xlabel(r"$x$")
    ax.set_xlim(*x_range)
    ax.set_ylim(*(fixed_y or y_range(f, df)))
    ax.legend(loc="lower right" if act.minimum and v_shaped else "upper left")   # off the data (checklist test)
    return {"key": key, "x": x, "f": f, "df": df, "relative": relative}
