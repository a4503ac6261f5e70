"""Turn a plotter into deterministic SVG bytes for one theme.

A plotter is a pure function ``draw(fig, colours) -> data``: it draws on the Figure it is
given with the colours of one theme and returns the arrays it plotted, so tests assert on
data rather than pixels.  This module owns the style, the Figure and the bytes.
Same inputs give the same bytes: fixed ``svg.hashsalt``, no date in the metadata, text
as paths.  A glyph missing from the font is an error, never a box in the picture.

A figure has a wide layout (its declared size) and may have a phone layout: the same plotter
on a :class:`StackedFigure`, whose row of panels becomes a column, as wide as keeps its smallest
text at :data:`MIN_TEXT_PX` once a phone's column scales it down.
"""
from __future__ import annotations

import io
import math
import warnings
from typing import Callable

import matplotlib
from matplotlib.figure import Figure
from matplotlib.text import Text

from actsite.figures.style import palette, rc_params

Plotter = Callable[[Figure, dict], dict]
LAYOUTS = ("wide", "phone")
MIN_TEXT_PX = 9            # the smallest text a reader should get, at the size the page shows it
PHONE_COLUMN_PX = 358      # Material's text column on a 390 px phone (tests/browser_layout.py measures it)
CSS_PX_PER_INCH = 96       # the SVG is sized in pt: 72 pt = 1 in = 96 CSS px
PHONE_ROW_HEIGHT = 3.2     # inches, the most a stacked panel gets


class StackedFigure(Figure):
    """A Figure whose ``subplots(1, n)`` lays the n panels out in a column (the returned array
    has the same shape, so the plotter needs no change); width ratios become height ratios."""

    def subplots(self, nrows=1, ncols=1, **kwargs):
        if nrows == 1 and ncols > 1:
            nrows, ncols = ncols, 1
            if "width_ratios" in kwargs:
                kwargs["height_ratios"] = kwargs.pop("width_ratios")
            grid = dict(kwargs.get("gridspec_kw") or {})
            if "width_ratios" in grid:
                grid["height_ratios"] = grid.pop("width_ratios")
                kwargs["gridspec_kw"] = grid
        return super().subplots(nrows, ncols, **kwargs)


class MissingGlyphError(RuntimeError):
    pass


def draw(plot: Plotter, theme: str, size: tuple[float, float], layout: str = "wide") -> tuple[Figure, dict]:
    """Run a plotter under the site style; return the Figure and the data it plotted."""
    if layout not in LAYOUTS:
        raise ValueError(f"unknown layout {layout!r}; expected one of {LAYOUTS}")
    with matplotlib.rc_context(rc_params(theme)):
        fig = (Figure if layout == "wide" else StackedFigure)(figsize=size, layout="constrained")
        data = plot(fig, palette(theme))
        if layout == "phone":
            fit_to_phone(fig, size)
    return fig, data


def fit_to_phone(fig: Figure, size: tuple[float, float]) -> None:
    """Resize a stacked figure for a phone's column, and let each legend find a free corner of
    its narrower panel."""
    rows = {ax.get_subplotspec().rowspan.start for ax in fig.axes if ax.get_subplotspec() is not None}
    height = len(rows) * min(size[1], PHONE_ROW_HEIGHT) if len(rows) > 1 else size[1]
    fig.set_size_inches(phone_width(fig, size[0]), height)
    for ax in fig.axes:
        if ax.get_legend() is not None:
            ax.get_legend().set_loc("best")


def phone_width(fig: Figure, wide: float) -> float:
    """Inches: the widest figure whose smallest text still shows at MIN_TEXT_PX in a phone's column."""
    hidden = {id(t) for ax in fig.axes if not ax.axison                  # tick labels of axes drawn without axes
              for axis in (ax.xaxis, ax.yaxis) for t in axis.findobj(Text)}
    smallest_px = min(t.get_fontsize() for t in fig.findobj(Text)
                      if t.get_visible() and t.get_text().strip() and id(t) not in hidden) * CSS_PX_PER_INCH / 72
    width = PHONE_COLUMN_PX * smallest_px / MIN_TEXT_PX / CSS_PX_PER_INCH
    return min(wide, math.floor(width * 100) / 100)          # to 0.01 in below, so rounding cannot undercut


def render_svg(plot: Plotter, theme: str, size: tuple[float, float], layout: str = "wide") -> bytes:
    """Draw ``plot`` for ``theme`` in ``layout`` and return the SVG bytes."""
    with matplotlib.rc_context(rc_params(theme)), warnings.catch_warnings():
        warnings.filterwarnings("error", message=r".*[Gg]lyph.*missing", category=UserWarning)
        try:
            fig, _ = draw(plot, theme, size, layout)
            buffer = io.BytesIO()
            fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
        except UserWarning as warning:
            raise MissingGlyphError(str(warning)) from None
    return buffer.getvalue()
