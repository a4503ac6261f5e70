"""MkDocs hooks for both language projects. They only wire events to ``actsite`` functions.

* pre_build: bring figures up to date in a subprocess, so edited figure code takes effect
  while ``mkdocs serve`` keeps running;
* files: refuse pages without a twin or with broken front matter; serve figures/, MathJax,
  the shared assets and the explorer's data without copying anything into docs/;
* page_markdown: expand the generated reference tables, then ``![alt](figure:NAME "caption")`` markers;
* page_content: keep Chinese punctuation on the line of the inline formula before it.
"""
from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

sys.path.insert(0, str(Path(__file__).resolve().parent))

from actsite import (bench_report, cjk_layout, explorer, gated_table, markers, page_pairs,  # noqa: E402
                     reading_order, reference_table, site_files)

log = logging.getLogger("mkdocs.hooks.figures")
ENABLED = os.environ.get("ACTSITE_HOOKS", "on") != "off"   # off: bare MkDocs, for the benchmark
BUILD_FIGURES = Path(__file__).resolve().parent / "build_figures.py"


def on_pre_build(config) -> None:
    if not ENABLED:
        return
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
    except (ValueError, site_files.MissingAssetError) as error:
        raise PluginError(str(error)) from None
    for source, destination in extra:
        files.append(File.generated(config, destination, abs_src_path=str(source)))
    files.append(File.generated(config, explorer.DESTINATION, content=explorer.explorer_json()))
    return files


def on_page_markdown(markdown, page, config, files):
    if not ENABLED:
        return markdown
    manifest = json.loads((site_files.FIGURES_DIR / "manifest.json").read_text(encoding="utf-8"))
    lang = config.theme["language"]
    try:
        markdown = reading_order.expand(bench_report.expand(reference_table.expand(markdown, lang), lang),
                                        page, lang, Path(config.docs_dir))
        markdown = gated_table.expand(markdown, lang)
        return markers.expand_figures(markdown, page.file.src_uri, set(manifest),
                                      line_offset=_front_matter_lines(page, markdown))
    except (markers.UnknownFigureError, FileNotFoundError) as error:
        raise PluginError(f"{Path(config.docs_dir, page.file.src_uri)}: {error}") from None


def on_page_content(html, page, config, files):
    return cjk_layout.bind_punctuation(html) if ENABLED else html


def _front_matter_lines(page, markdown: str) -> int:
    source = page.file.content_string
    start = source.find(markdown.lstrip()[:200])
    return source.count("\n", 0, start) if start > 0 else 0
