"""One look for every figure: a light and a dark palette over the same matplotlib settings.

Plotters ask for colours by role (``palette(theme)["accent"]``) and never set rcParams;
:func:`render.render_svg` applies :func:`rc_params` around the whole drawing.
"""
from __future__ import annotations

from cycler import cycler

THEMES = ("light", "dark")

# Colours chosen to read on Material's default (white) and slate (#1e2129) backgrounds.
_PALETTES = {
    "light": {
        "text": "#1f2328", "muted": "#6e7781", "grid": "#d0d7de",
        "accent": "#3949ab", "second": "#d1495b", "third": "#2a9d8f", "fourth": "#e09f3e",
        "shade": "#3949ab",
    },
    "dark": {
        "text": "#e6e6e6", "muted": "#9aa4ae", "grid": "#3b4252",
        "accent": "#8c9eff", "second": "#ff8a95", "third": "#5fd3c4", "fourth": "#ffc266",
        "shade": "#8c9eff",
    },
}


def palette(theme: str) -> dict[str, str]:
    if theme not in _PALETTES:
        raise ValueError(f"unknown theme {theme!r}; expected one of {THEMES}")
    return dict(_PALETTES[theme])


def rc_params(theme: str) -> dict:
    """matplotlib settings for one theme; transparent background so pages show through."""
    colours = palette(theme)
    return {
        "figure.facecolor": "none",
        "axes.facecolor": "none",
        "savefig.facecolor": "none",
        "savefig.transparent": True,
        "text.color": colours["text"],
        "axes.labelcolor": colours["text"],
        "axes.edgecolor": colours["muted"],
        "xtick.color": colours["muted"],
        "ytick.color": colours["muted"],
        "xtick.labelcolor": colours["text"],
        "ytick.labelcolor": colours["text"],
        "grid.color": colours["grid"],
        "axes.grid": True,
        "grid.linewidth": 0.6,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.prop_cycle": cycler(
            color=[colours[k] for k in ("accent", "second", "third", "fourth")]),
        "legend.frameon": False,
        "lines.linewidth": 2.0,
        "font.family": "DejaVu Sans",
        "font.size": 11,
        "mathtext.fontset": "dejavusans",
        "svg.fonttype": "path",
        "svg.hashsalt": "activation-functions",
        "path.simplify": True,
    }
