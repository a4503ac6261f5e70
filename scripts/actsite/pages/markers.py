"""Expand figure markers in page Markdown.

A page shows a figure with ``![alt text](figure:NAME "caption")``.  The marker becomes a
``<figure>`` holding the light and the dark SVG (Material's ``#only-light`` / ``#only-dark``)
and a ``<figcaption>``.  A figure with a phone layout (class ``has-phone-layout``) holds both
layouts, its images classed ``figure-wide`` and ``figure-phone``; the stylesheet shows one of them by screen width, and a
lazy image that is not shown is never fetched.  An unknown name stops the build with the file and line.
"""
from __future__ import annotations

import html
import posixpath
import re
from typing import Callable, Mapping

from actsite.figures.registry import FigureSpec

FIGURE_DIR = "assets/figures"   # where the build places figures/, relative to docs_dir
MARKER = re.compile(r'!\[(?P<alt>[^\]]*)\]\(figure:(?P<name>[\w-]*)(?:\s+"(?P<caption>[^"]*)")?\)')


class UnknownFigureError(ValueError):
    pass


def figure_html(spec: FigureSpec, alt: str, caption: str, rel_dir: str) -> str:
    alt_attr = html.escape(alt, quote=True)

    def image(theme: str, layout: str, filename: str) -> str:
        """One variant; the lightbox pages through the page's figures of one theme and layout."""
        src = posixpath.relpath(f"{FIGURE_DIR}/{filename}", rel_dir or ".")
        return f"![{alt_attr}]({src}#only-{theme}){{ loading=lazy .figure-{layout} data-gallery={layout}-{theme} }}"

    images = " ".join(image(*variant) for variant in spec.variants())
    caption_html = f"\n  <figcaption>{html.escape(caption)}</figcaption>" if caption else ""
    classes = "site-figure has-phone-layout" if spec.has_phone_layout else "site-figure"
    return f'<figure class="{classes}" id="figure-{spec.name}" markdown="span">\n  {images}{caption_html}\n</figure>'


def expand_figures(markdown: str, src_uri: str, known: Mapping[str, FigureSpec],
                   source_line: Callable[[int], int] = lambda line: line) -> str:
    """Replace every figure marker in the page ``src_uri`` (relative to docs_dir) by the figure
    ``known`` declares under its name.

    ``source_line`` maps a line of ``markdown`` to the line of the file the author wrote
    (see :func:`actsite.pages.source_lines.source_line`), so that errors name the line of the file.
    """
    rel_dir = posixpath.dirname(src_uri)

    def where(match: re.Match) -> str:
        return f"line {source_line(markdown.count(chr(10), 0, match.start()) + 1)}"

    def replace(match: re.Match) -> str:
        name = match["name"]
        if name not in known:
            raise UnknownFigureError(
                f"{where(match)}: unknown figure '{name}'; declared figures: {', '.join(sorted(known))}")
        if not match["alt"].strip():
            raise UnknownFigureError(f"{where(match)}: figure '{name}' has no alt text")
        return figure_html(known[name], match["alt"], match["caption"] or "", rel_dir)

    return MARKER.sub(replace, markdown)


def figures_in(markdown: str) -> list[str]:
    return [m["name"] for m in MARKER.finditer(markdown)]

