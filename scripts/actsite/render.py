"""Turn a plotter into deterministic SVG bytes for one theme.

A plotter is a pure function ``draw(fig, colours) -> data``: it draws on the Figure it is
given with the colours of one theme and returns the arrays it plotted, so tests assert on
data rather than pixels.  This module owns the style, the Figure and the bytes.
Same inputs give the same bytes: fixed ``svg.hashsalt``, no date in the metadata, text
as paths.  A glyph missing from the font is an error, never a box in the picture.
"""
from __future__ import annotations

import io
import warnings
from typing import Callable

import matplotlib
from matplotlib.figure import Figure

from actsite.style import palette, rc_params

Plotter = Callable[[Figure, dict], dict]


class MissingGlyphError(RuntimeError):
    pass


def draw(plot: Plotter, theme: str, size: tuple[float, float]) -> tuple[Figure, dict]:
    """Run a plotter under the site style; return the Figure and the data it plotted."""
    with matplotlib.rc_context(rc_params(theme)):
        fig = Figure(figsize=size, layout="constrained")
        data = plot(fig, palette(theme))
    return fig, data


def render_svg(plot: Plotter, theme: str, size: tuple[float, float]) -> bytes:
    """Draw ``plot`` for ``theme`` and return the SVG bytes."""
    with matplotlib.rc_context(rc_params(theme)), warnings.catch_warnings():
        warnings.filterwarnings("error", message=r".*[Gg]lyph.*missing", category=UserWarning)
        try:
            fig, _ = draw(plot, theme, size)
            buffer = io.BytesIO()
            fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
        except UserWarning as warning:
            raise MissingGlyphError(str(warning)) from None
    return buffer.getvalue()
