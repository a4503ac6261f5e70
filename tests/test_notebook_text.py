"""Notebooks print in the reader's language: one sentence table per language, the same keys and
placeholders in both, the language taken from the folder the notebook runs in; and the "Rerun
this" note's command (run a notebook as a script from its folder) works as written."""
from __future__ import annotations

import os
import re
import string
import subprocess
import sys
from pathlib import Path

import pytest

from actsite.pages import notebook_text
from actsite.pages.notebook_text import NBCONVERT_CONFIG, TEXT, language, words
from actsite.pages import reader_text
from actsite.pages.page_pairs import CONTENT, notebook_cells
from actsite.pages.reader_text import printed_lines
from conftest import ROOT

DOCS = ROOT / "docs"

HAN = re.compile(r"[\u4e00-\u9fff]")
NOTEBOOKS = sorted(p.name for p in (CONTENT["en"] / "notebooks").glob("*.py"))


def fields(template):
    return sorted(name for _, name, _, _ in string.Formatter().parse(template) if name)


def test_both_languages_have_the_same_sentences_and_placeholders():
    assert TEXT["zh"].keys() == TEXT["en"].keys()
    for key in TEXT["en"]:
        assert fields(TEXT["zh"][key]) == fields(TEXT["en"][key]), key


def test_every_key_a_notebook_uses_exists():
    used = set()
    for name in NOTEBOOKS:
        code = "\n".join(notebook_cells((CONTENT["en"] / "notebooks" / name).read_text(encoding="utf-8"))[1])
        used |= set(re.findall(r'(?:say|words)\(f?"(\w+)"', code)) - {"act_", "init_", "zigzag_", "dead_header_"}
    assert used and used <= TEXT["en"].keys()


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_a_chinese_notebook_prints_no_english_words(name):
    """A notebook prints through the sentence table, numbers, or literals in its own language: no print() of a
    Chinese notebook has an English word in it (SGD, an abbreviation the page spells out, aside)."""
    printed = printed_lines("zh", f"notebooks/{name}")
    assert [line for line in printed if set(re.findall(r"[A-Za-z]{3,}", line.text)) - {"SGD"}] == []


def test_printed_lines_finds_english_in_a_print_call(tmp_path, monkeypatch):
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "notebooks" / "x.py").write_text('# %%\nx = "ok words"\nprint(f"步数 {n:4d} steps", "好")\n')
    monkeypatch.setitem(reader_text.CONTENT, "zh", tmp_path)
    assert [(line.number, line.text) for line in printed_lines("zh", "notebooks/x.py")] == [
        (3, "好"), (3, "步数 "), (3, " steps"), (3, "4d")]


def test_language_comes_from_the_folder_or_the_environment(tmp_path, monkeypatch):
    monkeypatch.delenv("ACTSITE_LANG", raising=False)
    assert language(CONTENT["zh"] / "notebooks") == "zh"
    assert language(CONTENT["en"] / "notebooks") == "en"
    monkeypatch.setenv("ACTSITE_LANG", "zh")
    assert language(tmp_path) == "zh" and bool(HAN.search(words("square_far")))
    monkeypatch.setenv("ACTSITE_LANG", "fr")
    with pytest.raises(ValueError, match="ACTSITE_LANG"):
        language(tmp_path)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_notebook_runs_as_a_script_from_its_folder_in_its_language(lang):
    """Run from its folder with this interpreter; the "Rerun this" note links to the site's how-to."""
    folder = CONTENT[lang] / "notebooks"
    for name in ("relu-square", "gradient-depth", "zigzag", "training-speed"):
        note = (folder / f"{name}.py").read_text(encoding="utf-8")
        assert "(../how-this-site-is-built.md#run-it)" in note and "make serve" not in note
    assert (folder / "../../../../.venv").resolve() == ROOT / ".venv"
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT / "scripts")}
    out = subprocess.run([sys.executable, "relu-square.py"], cwd=folder, env=env,
                         capture_output=True, text=True, check=True).stdout
    assert "4.0000" in out and bool(HAN.search(out)) == (lang == "zh")


def test_display_width_counts_a_chinese_character_as_two_columns():
    from actsite.pages.notebook_text import display_width, pad
    assert display_width("ReLU") == 4 and display_width("标准差") == 6 and display_width("f′") == 2
    assert pad("全为正", 8) == "全为正  " and pad("首层", 6, ">") == "  首层"


def _columns(line):
    """The display column at which each run of non-space characters ends."""
    from actsite.pages.notebook_text import display_width
    return [display_width(m.string[:m.end()]) for m in re.finditer(r"\S+", line)]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_notebook_tables_line_up_in_both_languages(lang):
    """Every row of a printed table ends its columns where its header does, in display columns, with
    the labels the notebooks actually print (the longest are Chinese: 'sigmoid 标准差 0.01')."""
    from actsite.pages.notebook_text import display_width, sentence
    labels = [f"{words('act_' + a, lang)} {words('init_' + i, lang)}"
              for a in ("sigmoid", "tanh", "relu") for i in ("small", "xavier", "he")]
    first, last, ratio, factor = words("depth_columns", lang).split("|")
    header = sentence("depth_header", lang, blank="", first=first, last=last, ratio=ratio, factor=factor)
    rows = [sentence("depth_row", lang, label=label, first=1.74e-66, last=251.0, ratio=6.92e-69, factor=0.0406)
            for label in labels]
    assert {display_width(r) for r in rows} == {display_width(header)}
    assert all(set(_columns(r)[-4:]) <= set(_columns(header)) for r in rows)
    scale, n_var, predicted, measured = words("depth_sigmoid_columns", lang).split("|")
    header = sentence("depth_sigmoid_header", lang, scale=scale, n_var=n_var, predicted=predicted, measured=measured)
    for init in ("small", "xavier", "he"):
        row = sentence("depth_sigmoid_row", lang, scale=words("init_" + init, lang), n_var=0.0256,
                       predicted=0.04, measured=0.041)
        assert display_width(row) == display_width(header) and set(_columns(row)[-3:]) <= set(_columns(header))
    stds = [sentence("depth_std", lang, key=label, first=0.5, last=0.5, factor=0.5) for label in labels]
    literal = words("depth_std", lang).split("}", 1)[1].split("{")[0]
    assert len({display_width(line[:line.index(literal)]) for line in stds}) == 1
    norms = [sentence("depth_grad_row", lang, label=sentence(key, lang, layer=layer), norm=3.1e-06)
             for key, layer in (("depth_grad_layer", 1), ("depth_grad_output", 9))]
    assert len({display_width(line) for line in norms}) == 1             # the nine norms in one column


def test_a_label_wider_than_its_field_is_not_cut():
    from actsite.pages.notebook_text import FORMATTER
    assert FORMATTER.format("{x:4s}|", x="标准差 0.01") == "标准差 0.01|"


# --- the notebook plugin's output cache follows the project code the notebooks import ---

def _notebook(tmp_path, name: str, body: str) -> Path:
    path = tmp_path / f"{name}.py"
    path.write_text(body, encoding="utf-8")
    return path


def test_output_cache_is_keyed_on_the_code_the_notebooks_import(tmp_path):
    from actsite.pages.notebook_text import output_cache_dir
    from actsite.sources import content_hash
    words = _notebook(tmp_path, "a", "from actsite.pages.notebook_text import say\n")
    more = _notebook(tmp_path, "b", "import numpy as np\nfrom actsite.experiments.zigzag import gd_path\n")
    plain = _notebook(tmp_path, "c", "import numpy as np\n")
    assert output_cache_dir("cache", [plain]) == "cache"
    one = output_cache_dir("cache", [words])
    both = output_cache_dir("cache", [words, more])
    settings = NBCONVERT_CONFIG.read_text(encoding="utf-8")
    assert one == f"cache/{content_hash('actsite.pages.notebook_text', extra=settings)[:16]}"
    assert both == f"cache/{content_hash('actsite.experiments.zigzag', 'actsite.pages.notebook_text', extra=settings)[:16]}"
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
