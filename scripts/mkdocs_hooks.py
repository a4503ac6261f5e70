"""MkDocs hooks for both language projects. They only wire events to ``actsite`` functions.

* config: give the notebook plugin the project's nbconvert settings (printed output in one box per
  cell) and key its output cache on them and on the project code the notebooks import
  (actsite.pages.notebook_text);
* pre_build: bring figures up to date in a subprocess, so edited figure code takes effect
  while ``mkdocs serve`` keeps running;
* files: refuse pages without a twin or with broken front matter; serve figures/, the shared
  assets, MathJax's stylesheet and the explorer's and playground's data without copying anything into docs/;
* page_markdown: escape the front-matter description for the theme's meta tag (actsite.pages.descriptions);
  expand the generated reference and low-precision tables, the glossary and reading-order links, then
  ``![alt](figure:NAME "caption")`` markers; errors name the line of the source file
  (actsite.pages.source_lines);
* page_content / post_page: keep Chinese punctuation on the line of the inline formula before
  it, then typeset every formula as SVG (actsite.pages.typeset), in one Node process per build,
  closed when the build ends; on Chinese pages the notebook copy button speaks Chinese, and the
  wide characters a notebook printed keep its columns (actsite.pages.notebook_text).
"""
from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

sys.path.insert(0, str(Path(__file__).resolve().parent))

from actsite.pages import (bibliography, cjk_layout, descriptions, explorer, gated_table, glossary,  # noqa: E402
                           low_precision_table, markers, notebook_text, page_pairs, playground, reading_order, reference_table,
                           site_files, source_lines, typeset)
from actsite.tooling import bench_report  # noqa: E402
from actsite.figures import build as figure_build  # noqa: E402
from actsite.figures.build import FigureStore  # noqa: E402
from actsite.figures.registry import FIGURES  # noqa: E402

log = logging.getLogger("mkdocs.hooks.figures")
ENABLED = os.environ.get("ACTSITE_HOOKS", "on") != "off"   # off: bare MkDocs, for the benchmark
BUILD_FIGURES = Path(__file__).resolve().parent / "build_figures.py"
FIGURES_DIR = Path(__file__).resolve().parent.parent / "figures"
MATHS = typeset.MathsEngine()


def on_config(config):
    notebooks = config.plugins.get("mkdocs-jupyter")
    if ENABLED and notebooks is not None:
        notebook_text.use_project_nbconvert_config(os.environ)
        notebooks.config["cache_dir"] = notebook_text.output_cache_dir(
            notebooks.config["cache_dir"], sorted(Path(config.docs_dir).glob("notebooks/*.py")))
    return config


def on_pre_build(config) -> None:
    if not ENABLED or not figure_build.stale(FigureStore(FIGURES_DIR), list(FIGURES.values())):
        return
    # Drawn in a subprocess: `mkdocs serve` keeps this module, so edited plotters must be re-imported.
    result = subprocess.run([sys.executable, str(BUILD_FIGURES)], capture_output=True, text=True)
    for line in result.stdout.splitlines():
        log.debug(line)
    if result.returncode != 0:
        raise PluginError(f"figure build failed:\n{result.stdout}{result.stderr}")


def on_files(files, config):
    if not ENABLED:
        return files
    try:
        docs = Path(config.config_file_path).resolve().parent.parent
        page_pairs.check_language(config.theme["language"], docs)
        extra = site_files.site_files()
        stylesheet = MATHS.stylesheet()
    except (ValueError, typeset.EngineError) as error:
        raise PluginError(str(error)) from None
    for source, destination in extra:
        files.append(File.generated(config, destination, abs_src_path=str(source)))
    files.append(File.generated(config, typeset.STYLESHEET, content=stylesheet))
    files.append(File.generated(config, explorer.DESTINATION, content=explorer.explorer_json()))
    files.append(File.generated(config, playground.DESTINATION, content=playground.playground_json()))
    return files


def on_page_markdown(markdown, page, config, files):
    if not ENABLED:
        return markdown
    lang = config.theme["language"]
    try:
        page.meta = descriptions.escaped(page.meta, str(Path(config.docs_dir, page.file.src_uri)))
    except ValueError as error:
        raise PluginError(str(error)) from None
    try:
        expanded = reading_order.expand(bench_report.expand(reference_table.expand(markdown, lang), lang),
                                        page, lang, Path(config.docs_dir))
        expanded = bibliography.expand(low_precision_table.expand(gated_table.expand(expanded, lang), lang), lang)
        expanded = glossary.expand(expanded, lang, glossary.mkdocs_href(files, page.file))
        return markers.expand_figures(
            expanded, page.file.src_uri, FIGURES,
            source_line=lambda line: source_lines.source_line(page.file.content_string, expanded, line))
    except (markers.UnknownFigureError, FileNotFoundError) as error:
        raise PluginError(f"{Path(config.docs_dir, page.file.src_uri)}: {error}") from None


def on_page_content(html, page, config, files):
    if not ENABLED:
        return html
    html = cjk_layout.bind_punctuation(html)
    return _typeset(lambda content, engine: typeset.typeset_content(content, page.toc.items, engine),
                    html, page, config)


def on_post_page(output, page, config):
    if not ENABLED:
        return output
    output = notebook_text.localise_copy_button(output, config.theme["language"])
    output = notebook_text.wide_character_cells(output)
    return _typeset(typeset.finish_page, output, page, config)


def on_post_build(config) -> None:
    MATHS.close()


def on_build_error(error) -> None:
    MATHS.close()


def _typeset(step, html, page, config):
    try:
        return step(html, MATHS)
    except typeset.TexError as error:
        raise PluginError(typeset.error_message(error, Path(config.docs_dir, page.file.src_uri),
                                                page.file.content_string, page.markdown or "")) from None
    except typeset.EngineError as error:
        raise PluginError(str(error)) from None
