"""Notebooks print in the reader's language, through print() calls whose words are that language's (a
Chinese notebook's literals are Chinese); the "Rerun this" note's command (run a notebook as a script from its
folder) works as written; the notebook plugin's settings, output folder and copy button suit the site."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from actsite.pages import notebook_text, reader_text
from actsite.pages.notebook_text import NBCONVERT_CONFIG
from actsite.pages.page_pairs import CONTENT
from actsite.pages.reader_text import printed_lines
from conftest import ROOT

DOCS = ROOT / "docs"

HAN = re.compile(r"[\u4e00-\u9fff]")
NOTEBOOKS = sorted(p.name for p in (CONTENT["en"] / "notebooks").glob("*.py"))


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_a_chinese_notebook_prints_no_english_words(name):
    """No print() of a Chinese notebook has an English word in it (SGD, an abbreviation the page spells out, aside)."""
    printed = printed_lines("zh", f"notebooks/{name}")
    assert [line for line in printed if set(re.findall(r"[A-Za-z]{3,}", line.text)) - {"SGD"}] == []


def test_printed_lines_finds_english_in_a_print_call(tmp_path, monkeypatch):
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "notebooks" / "x.py").write_text('# %%\nx = "ok words"\nprint(f"步数 {n:4d} steps", "好")\n')
    monkeypatch.setitem(reader_text.CONTENT, "zh", tmp_path)
    assert [(line.number, line.text) for line in printed_lines("zh", "notebooks/x.py")] == [
        (3, "好"), (3, "步数 "), (3, " steps"), (3, "4d")]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_notebook_runs_as_a_script_from_its_folder_in_its_language(lang):
    """Run from its folder with this interpreter; the "Rerun this" note links to the site's how-to."""
    folder = CONTENT[lang] / "notebooks"
    for name in NOTEBOOKS:
        note = (folder / name).read_text(encoding="utf-8")
        assert "(../how-this-site-is-built.md#run-it)" in note and "make serve" not in note
    assert (folder / "../../../../.venv").resolve() == ROOT / ".venv"
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT / "scripts")}
    out = subprocess.run([sys.executable, "relu-square.py"], cwd=folder, env=env,
                         capture_output=True, text=True, check=True).stdout
    assert "4.0000" in out and bool(HAN.search(out)) == (lang == "zh")


def test_display_width_counts_a_chinese_character_as_two_columns():
    from actsite.pages.notebook_text import display_width
    assert display_width("ReLU") == 4 and display_width("标准差") == 6 and display_width("f′") == 2
    assert display_width("全正输入  η") == 11 and display_width("p₁₆(−10)") == 8


# --- the notebook plugin's output cache follows the project code the notebooks import ---

def _notebook(tmp_path, name: str, body: str) -> Path:
    path = tmp_path / f"{name}.py"
    path.write_text(body, encoding="utf-8")
    return path


def test_output_cache_is_keyed_on_the_code_the_notebooks_import(tmp_path):
    from actsite.pages.notebook_text import output_cache_dir
    from actsite.sources import content_hash
    words = _notebook(tmp_path, "a", "from actsite.maths.functions import relu\n")
    more = _notebook(tmp_path, "b", "import numpy as np\nfrom actsite.experiments.zigzag import gd_path\n")
    plain = _notebook(tmp_path, "c", "import numpy as np\n")
    assert output_cache_dir("cache", [plain]) == "cache"
    one = output_cache_dir("cache", [words])
    both = output_cache_dir("cache", [words, more])
    settings = NBCONVERT_CONFIG.read_text(encoding="utf-8")
    assert one == f"cache/{content_hash('actsite.maths.functions', extra=settings)[:16]}"
    assert both == f"cache/{content_hash('actsite.experiments.zigzag', 'actsite.maths.functions', extra=settings)[:16]}"
    assert one != both


def test_the_project_nbconvert_settings_come_first_on_the_jupyter_config_path():
    """The build puts the project's nbconvert settings ahead of the reader's own, keeps theirs, and
    does not repeat itself when the config hook runs again (``mkdocs serve`` reloads)."""
    environ = {"JUPYTER_CONFIG_PATH": "/elsewhere"}
    notebook_text.use_project_nbconvert_config(environ)
    notebook_text.use_project_nbconvert_config(environ)
    assert environ["JUPYTER_CONFIG_PATH"].split(os.pathsep) == [str(NBCONVERT_CONFIG.parent), "/elsewhere"]
    empty: dict[str, str] = {}
    notebook_text.use_project_nbconvert_config(empty)
    assert empty == {"JUPYTER_CONFIG_PATH": str(NBCONVERT_CONFIG.parent)}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_site_config_puts_notebook_output_under_that_key(lang):
    from mkdocs.config import load_config
    from actsite.pages.notebook_text import output_cache_dir
    config = load_config(str(DOCS / lang / "mkdocs.yml"))
    configured = config.plugins["mkdocs-jupyter"].config["cache_dir"]
    notebooks = sorted((DOCS / lang / "content" / "notebooks").glob("*.py"))
    config = config.plugins.on_config(config)
    assert config.plugins["mkdocs-jupyter"].config["cache_dir"] == output_cache_dir(configured, notebooks) != configured


def test_the_copy_button_speaks_the_page_language():
    """The plugin's template holds the two English strings the hook translates; if a new version
    changes them, this fails instead of leaving English on the Chinese pages."""
    import mkdocs_jupyter
    template = (Path(mkdocs_jupyter.__file__).parent / "templates" / "mkdocs_html" / "notebook.html.j2").read_text()
    for english, _ in notebook_text.COPY_BUTTON["zh"]:
        assert english.search(template)
    reserialised = template.replace("hidden>", 'hidden="">')          # as the written page has it
    for page in (template, reserialised):
        zh = notebook_text.localise_copy_button(page, "zh")
        assert "Copy to Clipboard" not in zh and "Copied!" not in zh
        assert 'aria-label="复制到剪贴板"' in zh and ">已复制</span>" in zh
        assert notebook_text.localise_copy_button(page, "en") == page


def test_wide_characters_of_printed_output_get_a_two_column_cell():
    page = ('<div class="jp-RenderedText jp-OutputArea-output" data-mime-type="text/plain" tabindex="0">\n'
            '<pre>第 1 层   2.5e+02 &lt;x&gt;\n</pre></div>'
            '<div class="highlight-ipynb"><pre>say("第 1 层")</pre></div>')
    out = notebook_text.wide_character_cells(page)
    assert '<pre><span class="wide">第</span> 1 <span class="wide">层</span>   2.5e+02 &lt;x&gt;\n</pre>' in out
    assert '<pre>say("第 1 层")</pre>' in out                          # code cells are left alone
