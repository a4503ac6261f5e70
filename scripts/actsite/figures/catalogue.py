"""One card per function of the modern catalogue: the function, its derivative, and the
landmarks its declaration states (minimum, kinks, the classic curve it refines)."""
from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from actsite.catalogue import EVERY

X_RANGE = (-5.0, 5.0)
POINTS = 2001
RELATIVE = {"rectifier": "relu", "smooth": "relu", "hard": None}   # faint reference curve
HARD_RELATIVE = {"hard_sigmoid": "sigmoid", "hard_tanh": "tanh", "softsign": "tanh", "relu6": "relu",
                 "hard_swish": "silu"}
VIEWS = {"relu6": ((-4.0, 9.0), (-1.0, 7.0))}      # (x limits, y limits) where the default hides a landmark
DEFAULT_VIEW = (X_RANGE, (-2.0, 3.0))


def draw_card(key: str, fig: Figure, colours: dict) -> dict:
    act = EVERY[key]
    x_range, y_range = VIEWS.get(key, DEFAULT_VIEW)
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
    if act.minimum:
        x_min, f_min = act.minimum
        ax.plot([x_min], [f_min], "o", color=colours["third"], ms=5)
        ax.annotate(rf"$({x_min:.3f},\ {f_min:.3f})$", (x_min, f_min), (x_min - 0.3, f_min - 0.9),
                    color=colours["text"], fontsize=9, ha="center",
                    arrowprops={"arrowstyle": "-", "color": colours["muted"]})
    ax.set_title(rf"${act.symbol}$", fontsize=11)
    ax.set_xlabel(r"$x$")
    ax.set_xlim(*x_range)
    ax.set_ylim(*y_range)
    ax.legend(loc="upper left")
    return {"key": key, "x": x, "f": f, "df": df, "relative": relative}
