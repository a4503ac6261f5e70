"""What notebook pages need beyond the notebook itself.

Each notebook prints with plain ``print()`` in its page's language (the Chinese twin's string literals are
Chinese; twins' code is otherwise the same, see :func:`actsite.pages.page_pairs.code_shape`).  This module
measures that output in display columns (:func:`display_width`: a Chinese character takes two), sets the
notebook plugin's nbconvert options and output folder, and adjusts the built page: each printed wide
character in a two-column cell, and the copy button's words in the page's language.
"""
from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import MutableMapping
from pathlib import Path

from actsite.sources import content_hash, script_imports


def is_wide(c: str) -> bool:
    """Whether ``c`` takes two monospace columns (a wide or full-width, mostly CJK, character)."""
    return unicodedata.east_asian_width(c) in "WF"


def display_width(text: str) -> int:
    """Terminal columns taken by ``text``: two for a wide (CJK) character, none for a combining mark."""
    return sum(0 if unicodedata.combining(c) else 2 if is_wide(c) else 1 for c in text)


# nbconvert, which the notebook plugin runs, reads its settings from the Jupyter config path.  The
# project's file there runs nbconvert's stream-merging step after execution (by default it runs
# before, on no output): lines a cell prints while it computes arrive in several pieces, and
# without the merge a table printed around a slow line is split into separate boxes on the page.
NBCONVERT_CONFIG_DIR = Path(__file__).resolve().parents[3] / "docs" / "jupyter"
NBCONVERT_CONFIG = NBCONVERT_CONFIG_DIR / "jupyter_nbconvert_config.json"


def use_project_nbconvert_config(environ: MutableMapping[str, str]) -> None:
    """Put the project's nbconvert settings first on the Jupyter config path in ``environ``."""
    paths = [str(NBCONVERT_CONFIG_DIR), *filter(None, environ.get("JUPYTER_CONFIG_PATH", "").split(os.pathsep))]
    environ["JUPYTER_CONFIG_PATH"] = os.pathsep.join(dict.fromkeys(paths))


def output_cache_dir(configured: str, notebooks: list[Path]) -> str:
    """Where the notebook plugin keeps executed notebooks: one folder per version of the project
    code they import and of the nbconvert settings above.  The plugin's own key covers a notebook's
    bytes only, so without this an edit to, say, the strings above would leave every page printing
    the old words."""
    modules = sorted({module for notebook in notebooks for module in script_imports(notebook)})
    settings = NBCONVERT_CONFIG.read_text(encoding="utf-8")
    return str(Path(configured) / content_hash(*modules, extra=settings)[:16]) if modules else configured


# The notebook plugin's copy button carries two fixed English strings; a Chinese page shows them
# in Chinese.  The patterns match the plugin's template (mkdocs-jupyter 0.27.0) as written and as
# re-serialised by the time the page is written (``hidden=""``).
COPY_BUTTON = {"zh": ((re.compile(r'aria-label="Copy to Clipboard"'), 'aria-label="复制到剪贴板"'),
                      (re.compile(r'(<span class="notice" hidden(?:="")?>)Copied!(</span>)'), r"\g<1>已复制\g<2>"))}


PRINTED_OUTPUT = re.compile(r'(<div class="jp-RenderedText jp-OutputArea-output"[^>]*>\s*<pre>)(.*?)(</pre>)', re.S)


def wide_character_cells(page_html: str) -> str:
    """``page_html`` with each wide character that a notebook printed set in a cell two columns wide.

    :func:`pad` counts such a character as two monospace columns, but a browser draws it with
    whatever CJK font the reader has, rarely exactly two columns wide; the cell (``span.wide``,
    ``width: 2ch`` in the site's style sheet) keeps the printed columns lined up.  Only printed
    output is touched: markup inside it is ASCII, so no tag or entity is split."""
    def cells(match: re.Match) -> str:
        text = "".join(f'<span class="wide">{c}</span>' if is_wide(c) else c for c in match[2])
        return match[1] + text + match[3]
    return PRINTED_OUTPUT.sub(cells, page_html)


def localise_copy_button(page_html: str, lang: str) -> str:
    """``page_html`` with the notebook copy button's words in ``lang`` (unchanged for English)."""
    for english, translated in COPY_BUTTON.get(lang, ()):
        page_html = english.sub(translated, page_html)
    return page_html
