"""Build-time maths: every formula in a page's HTML becomes SVG before the page is written.

pymdownx.arithmatex (``generic: true``) leaves maths as ``<span class="arithmatex">\\(…\\)</span>``
and ``<div class="arithmatex">\\[…\\]</div>``; mkdocs-jupyter wraps a notebook's LaTeX output the
same way, with any number of formulas and text between them.  :func:`typeset_html` replaces
each delimited formula by MathJax's SVG (:mod:`actsite.pages.typeset_engine`), keeping the wrapper
(its CSS scrolls long display maths) and adding

* the TeX in ``data-tex``, which ``assets/javascripts/maths.js`` puts on the clipboard on copy;
* at the content stage, which the search index and other plugins read, only a placeholder
  (:func:`mark_formulas`): it holds the formula's text where its MathML reads as the formula,
  such as ``f(x)=x``, and nothing for a fraction, a power, a matrix …, so the index holds simple
  formulas as text, leaves the others out, and never holds raw TeX; :func:`finish_page` puts the
  SVG in its place;
* MathJax's assistive MathML, the text alternative screen readers read (the SVG is aria-hidden).

Headings with maths are typeset in the table of contents too (:func:`typeset_toc`).
Glyph outlines are shared: a formula only references them, and :func:`finish_page` adds one
hidden ``<svg><defs>`` per page, inside the article, with every glyph the page uses.  It also
typesets what the theme added after the content stage (blog excerpts) and drops the MathJax
loader mkdocs-jupyter injects into every page: no page loads MathJax in the browser.
"""
from __future__ import annotations

import html
import re
from pathlib import Path

from actsite.pages.source_lines import locate, tex_needles
from actsite.pages.typeset_engine import EngineError, MathsEngine, TexError, Typeset

__all__ = ["EngineError", "MathsEngine", "TexError", "STYLESHEET", "typeset_html", "typeset_toc",
           "typeset_content", "mark_formulas", "finish_page", "formulas_in", "error_message"]

STYLESHEET = "assets/stylesheets/mathjax-svg.css"     # MathJax's CSS, served by the hook

# A wrapper whose body is still text (typeset ones hold markup, so they never match again).
WRAPPER = re.compile(r'<(?P<tag>span|div) class="arithmatex">(?P<body>[^<]*)</(?P=tag)>')
DELIMITED = re.compile(
    r"\\\((?P<inline>.*?)\\\)"
    r"|\\\[(?P<display>.*?)\\\]"
    r"|(?P<environment>\\begin\{(?P<name>[^}]+)\}.*?\\end\{(?P=name)\})", re.S)
CONTAINER_OPEN = re.compile(r"<mjx-container ")
PLACEHOLDER = re.compile(r'<mjx-container data-maths="(?P<key>[0-9a-f]{64})" data-tex="(?P<tex>[^"]*)"'
                         r'(?P<display> display="true")?>[^<]*</mjx-container>')
MATHML_TAG = re.compile(r"<(m[a-z]*)[ >]")
READS_AS_TEXT = {"math", "mi", "mo", "mn", "mtext", "mrow", "mspace"}   # MathML whose text is the formula
GLYPH_REFERENCE = re.compile(r'xlink:href="#(MJX-[^"]+)"')
JUPYTER_LOADER = re.compile(r"<script data-mkdocs-jupyter-mathjax=[^>]*>.*?</script>\n?", re.S)
ARTICLE_OPEN = re.compile(r'<article class="md-content__inner[^"]*">')


def formulas_in(body: str) -> list[tuple[str, str, bool] | str]:
    """Split the unescaped text of a wrapper into text pieces and (delimited, tex, display)."""
    pieces: list[tuple[str, str, bool] | str] = []
    position = 0
    for match in DELIMITED.finditer(body):
        if match.start() > position:
            pieces.append(body[position:match.start()])
        if match["inline"] is not None:
            pieces.append((match[0], match["inline"].strip(), False))
        elif match["display"] is not None:
            pieces.append((match[0], match["display"].strip(), True))
        else:
            pieces.append((match[0], match["environment"].strip(), True))
        position = match.end()
    if position < len(body):
        pieces.append(body[position:])
    return pieces


def _container(found: Typeset, tex: str) -> str:
    attributes = f'data-tex="{html.escape(tex, quote=True)}" '
    return CONTAINER_OPEN.sub(lambda _: "<mjx-container " + attributes, found.svg, count=1)


def _placeholder(key: str, found: Typeset, tex: str, display: bool) -> str:
    """What the content stage leaves: a few bytes for the search index and the plugins that
    parse the content, holding the formula's MathML text only where it reads as the formula."""
    mathml = found.svg[found.svg.find("<mjx-assistive-mml"):]
    readable = set(MATHML_TAG.findall(mathml)) <= READS_AS_TEXT
    text = re.sub(r"<[^>]*>", "", mathml) if readable else ""
    shown = ' display="true"' if display else ""
    return f'<mjx-container data-maths="{key}" data-tex="{html.escape(tex, quote=True)}"{shown}>{text}</mjx-container>'


def _replace_formulas(page_html: str, engine: MathsEngine, render) -> str:
    wrappers = list(WRAPPER.finditer(page_html))
    if not wrappers:
        return page_html
    split = [formulas_in(html.unescape(w["body"])) for w in wrappers]
    wanted = [(p[1], p[2]) for pieces in split for p in pieces if isinstance(p, tuple)]
    done = iter(engine.typeset(wanted))
    out, position = [], 0
    for wrapper, pieces in zip(wrappers, split):
        out.append(page_html[position:wrapper.start("body")])
        for piece in pieces:
            out.append(html.escape(piece, quote=False) if isinstance(piece, str)
                       else render(next(done), piece[1], piece[2]))
        position = wrapper.end("body")
    out.append(page_html[position:])
    return "".join(out)


def typeset_html(page_html: str, engine: MathsEngine) -> str:
    """Every arithmatex formula of ``page_html`` as SVG; raise TexError on the first bad one."""
    return _replace_formulas(page_html, engine, lambda found, tex, display: _container(found, tex))


def mark_formulas(page_html: str, engine: MathsEngine) -> str:
    """Typeset every formula (so that errors surface with their page) but leave placeholders,
    which :func:`finish_page` swaps for the SVG."""
    return _replace_formulas(page_html, engine, lambda found, tex, display: _placeholder(
        engine.key(tex, display), found, tex, display))


def _expand_placeholders(page_html: str, engine: MathsEngine) -> str:
    def expand(match: re.Match) -> str:
        tex = html.unescape(match["tex"])
        found = engine.cached(match["key"]) or engine.typeset([(tex, bool(match["display"]))])[0]
        return _container(found, tex)

    return PLACEHOLDER.sub(expand, page_html)


def typeset_toc(items, engine: MathsEngine) -> None:
    """Maths in headings, as the page's table of contents shows them (titles are escaped HTML)."""
    for item in items:
        if "\\(" in item.title:
            wrapped = typeset_html(f'<span class="arithmatex">{item.title}</span>', engine)
            item.title = wrapped[len('<span class="arithmatex">'):-len("</span>")]
        typeset_toc(item.children, engine)


def typeset_content(page_html: str, toc_items, engine: MathsEngine) -> str:
    """A page's content and the headings of its table of contents (the page_content stage)."""
    typeset_toc(toc_items, engine)
    return mark_formulas(page_html, engine)


def glyph_defs(page_html: str, engine: MathsEngine) -> str:
    """One hidden SVG holding every glyph ``page_html`` references, each once."""
    used = dict.fromkeys(GLYPH_REFERENCE.findall(page_html))
    if not used:
        return ""
    paths = "".join(f'<path id="{glyph}" d="{engine.glyphs[glyph]}"></path>' for glyph in used)
    return (f'<svg class="maths-glyphs" aria-hidden="true" focusable="false" style="display: none" '
            f'data-search-exclude><defs>{paths}</defs></svg>')


def finish_page(page_html: str, engine: MathsEngine) -> str:
    """The written page: placeholders and leftover maths typeset, glyphs added, no client
    MathJax loader."""
    page_html = JUPYTER_LOADER.sub("", typeset_html(_expand_placeholders(page_html, engine), engine))
    defs = glyph_defs(page_html, engine)
    article = ARTICLE_OPEN.search(page_html)
    if not defs:
        return page_html
    if article is None:                  # no article (a page without content): the body will do
        article = re.search(r"<body[^>]*>", page_html)
    return page_html[:article.end()] + defs + page_html[article.end():]


def error_message(error: TexError, path: Path, source: str, processed: str) -> str:
    """``path: line N: …`` for a formula MathJax refused; ``processed`` is the page's Markdown
    as the build saw it (with generated content), for formulas the author did not type."""
    line = locate(source, processed, tex_needles(error.tex, error.display))
    where = f"line {line}" if line is not None else "in text the theme added"
    return f"{path}: {where}: TeX error: {error.message} in {error.delimited}"
