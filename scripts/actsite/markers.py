"""Expand figure markers in page Markdown.

A page shows a figure with ``![alt text](figure:NAME "caption")``.  The marker becomes a
``<figure>`` holding the light and the dark SVG (Material's ``#only-light`` / ``#only-dark``)
and a ``<figcaption>``.  An unknown name stops the build with the file and line.
"""
from __future__ import annotations

import html
import posixpath
import re
from typing import Callable

FIGURE_DIR = "assets/figures"   # where the build places figures/, relative to docs_dir
MARKER = re.compile(r'!\[(?P<alt>[^\]]*)\]\(figure:(?P<name>[\w-]*)(?:\s+"(?P<caption>[^"]*)")?\)')


class UnknownFigureError(ValueError):
    pass


def figure_html(name: str, alt: str, caption: str, rel_dir: str) -> str:
    def src(theme: str) -> str:
        return posixpath.relpath(f"{FIGURE_DIR}/{name}-{theme}.svg", rel_dir or ".")

    alt_attr = html.escape(alt, quote=True)
    caption_html = f"\n  <figcaption>{html.escape(caption)}</figcaption>" if caption else ""
    return (f'<figure class="site-figure" id="figure-{name}" markdown="span">\n'
            f'  ![{alt_attr}]({src("light")}#only-light){{ loading=lazy }}'
            f' ![{alt_attr}]({src("dark")}#only-dark){{ loading=lazy }}'
            f'{caption_html}\n</figure>')


def expand_figures(markdown: str, src_uri: str, known: set[str],
                   source_line: Callable[[int], int] = lambda line: line) -> str:
    """Replace every figure marker in the page ``src_uri`` (relative to docs_dir).

    ``source_line`` maps a line of ``markdown`` to the line of the file the author wrote
    (see :func:`actsite.source_lines.source_line`), so that errors name the line of the file.
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
        return figure_html(name, match["alt"], match["caption"] or "", rel_dir)

    return MARKER.sub(replace, markdown)


def figures_in(markdown: str) -> list[str]:
    return [m["name"] for m in MARKER.finditer(markdown)]
