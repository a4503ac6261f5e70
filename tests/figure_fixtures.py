"""Plotters used only by the figure-build tests."""
from __future__ import annotations

import numpy as np


def draw_line(fig, colours):
    ax = fig.add_subplot()
    ax.plot(np.arange(3), np.arange(3), color=colours["accent"])
    return {}


def draw_raises(fig, colours):
    raise ZeroDivisionError("plotter bug on purpose")


def draw_missing_glyph(fig, colours):
    fig.add_subplot().set_title("激活函数")   # the figure font has no CJK glyphs
    return {}
