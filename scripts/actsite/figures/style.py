"""One look for every figure: a light and a dark palette over the same matplotlib settings.

Plotters ask for colours by role (``palette(theme)["accent"]``) and never set rcParams;
:func:`render.render_svg` applies :func:`rc_params` around the whole drawing.
"""
from __future__ import annotations

from cycler import cycler

THEMES = ("light", "dark")

# The page backgrounds of Material's default and slate schemes, which the figures sit on.
BACKGROUNDS = {"light": "#ffffff", "dark": "#1e2129"}
# Colours for lines and text, each at least 3:1 (WCAG, graphics) against its theme's background.
# The line colours, in order, are the cycle of every plot and the explorer's curve colours.
LINE_COLOURS = ("accent", "second", "third", "fourth", "fifth", "sixth")
_PALETTES = {
    "light": {
        "text": "#1f2328", "muted": "#6e7781", "grid": "#d0d7de",
        "accent": "#3949ab", "second": "#d1495b", "third": "#2a9d8f", "fourth": "#b7791f",
        "fifth": "#8250df", "sixth": "#57606a", "shade": "#3949ab", "shade_alpha": 0.10,
    },
    "dark": {
        "text": "#e6e6e6", "muted": "#9aa4ae", "grid": "#3b4252",
        "accent": "#8c9eff", "second": "#ff8a95", "third": "#5fd3c4", "fourth": "#ffc266",
        "fifth": "#c8a2ff", "sixth": "#c9d1d9", "shade": "#8c9eff", "shade_alpha": 0.22,
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
            color=[colours[k] for k in LINE_COLOURS]),
        "legend.frameon": True,            # legends sit on the page background, over grid and data
        "legend.facecolor": BACKGROUNDS[theme],
        "legend.edgecolor": colours["grid"],
        "legend.framealpha": 0.9,
        "legend.fancybox": False,
        "lines.linewidth": 2.0,
        "font.family": "DejaVu Sans",
        "font.size": 11,
        "mathtext.fontset": "dejavusans",
        "svg.fonttype": "path",
        "svg.hashsalt": "activation-functions",
        "path.simplify": True,
    }
