"""Notebooks print in the reader's language: one sentence table per language, the same keys and
placeholders in both, the language taken from the folder the notebook runs in; and the "Rerun
this" note's command (run a notebook as a script from its folder) works as written."""
from __future__ import annotations

import re
import string
import subprocess
import sys

import pytest

from actsite.pages.notebook_text import TEXT, language, words
from actsite.pages.page_pairs import CONTENT, notebook_cells
from conftest import ROOT

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
def test_notebooks_print_nothing_but_through_the_table_or_numbers(name):
    code = "\n".join(notebook_cells((CONTENT["en"] / "notebooks" / name).read_text(encoding="utf-8"))[1])
    for call in re.findall(r'print\((.*)', code):
        assert not re.search(r'"[^"{}]*[A-Za-z]{3,}[^"{}]*"', call.split("{")[0]), call   # no English literal


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
    """The command the "Rerun this" note gives, with this interpreter for ../../../../.venv/bin/python."""
    folder = CONTENT[lang] / "notebooks"
    note = (folder / "relu-square.py").read_text(encoding="utf-8")
    assert f"cd docs/{lang}/content/notebooks && ../../../../.venv/bin/python relu-square.py" in note
    assert (folder / "../../../../.venv").resolve() == ROOT / ".venv"
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT / "scripts")}
    out = subprocess.run([sys.executable, "relu-square.py"], cwd=folder, env=env,
                         capture_output=True, text=True, check=True).stdout
    assert "4.0000" in out and bool(HAN.search(out)) == (lang == "zh")
