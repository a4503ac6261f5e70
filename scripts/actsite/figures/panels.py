"""Panel labels: a figure of two or more panels names them "(a)", "(b)", … at each panel's top
left, so that the text can point at a panel whether the panels sit side by side (desktop) or
stacked in a column (phone, :class:`actsite.figures.render.StackedFigure`)."""
from __future__ import annotations

PANEL_TITLE_SIZE = 11      # pt, the size of every panel title on the site


def panel_label(index: int) -> str:
    """The label of the ``index``-th panel, counting from 0: 0 -> "(a)"."""
    return f"({chr(ord('a') + index)})"


def label_panels(axes, titles=None) -> None:
    """Title the panels "(a)", "(b)", … in order, each label followed by that panel's
    mathematical title, if any, at the panel's top left."""
    axes = list(axes)
    titles = [""] * len(axes) if titles is None else list(titles)
    if len(titles) != len(axes):
        raise ValueError(f"{len(axes)} panels but {len(titles)} titles")
    for index, (ax, title) in enumerate(zip(axes, titles)):
        ax.set_title(f"{panel_label(index)} {title}".rstrip(), loc="left", fontsize=PANEL_TITLE_SIZE)
