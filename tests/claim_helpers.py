"""Helpers shared by claim tests: a page's source in one language, a figure's plotted data."""
from __future__ import annotations

from actsite.figures.registry import FIGURES
from actsite.pages.page_pairs import CONTENT
from actsite.figures.render import draw

LANGS = ("en", "zh")


def page_text(page: str, lang: str) -> str:
    return (CONTENT[lang] / page).read_text(encoding="utf-8")


def plotted(name: str) -> dict:
    """The data a registered figure's plotter returns, drawn in the light theme."""
    spec = FIGURES[name]
    return draw(spec.plot(), "light", spec.size)[1]


def display_equations(page: str, lang: str) -> set[str]:
    """The page's display equations, with whitespace normalised."""
    from actsite.pages.page_pairs import DISPLAY_MATH
    return {" ".join(e.split()) for e in DISPLAY_MATH.findall(page_text(page, lang))}
