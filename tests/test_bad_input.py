"""Bad input stops the build with an error naming the file and line (or figure), and leaves
figures/ and the last good site/ as they were.

Each case builds a small copy of the site (same configs, hook and assets; a few pages) with
one defect, through scripts/build_site.py, after a first good build.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

POST = """---
date: 2019-03-14
slug: probe
categories: [Foundations]      # a category declared in actsite/pages/taxonomy.py
tags: [probe]
---

# Probe

Intro.

<!-- more -->

## Section {{ #section }}

![A tanh curve]({figure} "Caption")

$$
{tex}
$$
"""


def write_pair(docs: Path, relative: str, text: str) -> None:
    for lang in ("zh", "en"):
        path = docs / lang / "content" / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


@pytest.fixture
def project(tmp_path) -> Path:
    """A copy of the site with one post per language, already built once successfully."""
    root = tmp_path / "project"
    (root / "docs").mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", root)
    shutil.copy(ROOT / "docs" / "base.yml", root / "docs")
    for name in ("root", "root-overrides", "overrides", "assets"):
        shutil.copytree(ROOT / "docs" / name, root / "docs" / name)
    for lang in ("zh", "en"):
        (root / "docs" / lang).mkdir()
        config = (ROOT / "docs" / lang / "mkdocs.yml").read_text(encoding="utf-8")
        nav_free = config.split("\nnav:")[0] + "\n"        # the copy has its own few pages, no full nav
        (root / "docs" / lang / "mkdocs.yml").write_text(nav_free, encoding="utf-8")
    (root / "scripts").symlink_to(ROOT / "scripts")
    write_pair(root / "docs", "index.md", "# Home { #home }\n")
    write_pair(root / "docs", "blog/index.md", "# Blog { #blog }\n")
    write_pair(root / "docs", "blog/posts/probe.md", POST.format(figure="figure:tanh", tex="x^2"))
    result = build(root)
    assert result.returncode == 0, result.stderr[-3000:]
    return root


def build(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "build_site.py"),
                           "--config-file", str(root / "mkdocs.yml")], cwd=root, capture_output=True, text=True)


def snapshot(directory: Path) -> dict[str, bytes]:
    return {p.relative_to(directory).as_posix(): p.read_bytes()
            for p in sorted(directory.rglob("*")) if p.is_file() and "search" not in p.name
            and p.name != "sitemap.xml.gz"}


def assert_fails_cleanly(root: Path, *needles: str) -> None:
    site_before = snapshot(root / "site")
    figures_before = snapshot(ROOT / "figures")
    result = build(root)
    assert result.returncode != 0
    output = " ".join((result.stdout + result.stderr).split())   # MkDocs wraps long log lines
    for needle in needles:
        assert needle in output, output[-3000:]
    assert snapshot(root / "site") == site_before
    assert snapshot(ROOT / "figures") == figures_before


def test_unknown_figure_names_file_line_and_figure(project):
    write_pair(project / "docs", "blog/posts/probe.md", POST.format(figure="figure:no_such_figure", tex="x"))
    assert_fails_cleanly(project, "blog/posts/probe.md", "line 16", "unknown figure 'no_such_figure'")


@pytest.mark.parametrize("tex, message", [
    ("\\operatorname{relu}(x) = \\maxx(0, x)", "Undefined control sequence \\maxx"),
    ("\\frac{1}{1 + e^{-x}", "Missing close brace"),
    ("\\sigma(x)}", "Extra close brace or missing open brace"),
])
def test_bad_tex_names_file_line_tex_and_mathjax_message(project, tex, message):
    write_pair(project / "docs", "blog/posts/probe.md", POST.format(figure="figure:tanh", tex=tex))
    assert_fails_cleanly(project, "blog/posts/probe.md", "line 19", message, tex)


REFERENCE = (ROOT / "docs" / "en" / "content" / "reference.md").read_text(encoding="utf-8")


def test_errors_after_generated_content_name_the_line_in_the_file(project):
    """The reference page grows by hundreds of generated lines; a defect after them is still
    reported at its own line of the file."""
    appended = REFERENCE.rstrip("\n") + "\n\n![A probe](figure:no_such_figure)\n"
    write_pair(project / "docs", "reference.md", appended)
    line = appended.splitlines().index("![A probe](figure:no_such_figure)") + 1
    assert line < 100          # far short of the hundreds of lines the generated tables add
    assert_fails_cleanly(project, "reference.md", f"line {line}:", "unknown figure 'no_such_figure'")


def test_bad_tex_after_generated_content_names_the_line_in_the_file(project):
    appended = REFERENCE.rstrip("\n") + "\n\nA probe: $\\undefinedmacro$.\n"
    write_pair(project / "docs", "reference.md", appended)
    line = len(appended.splitlines())
    assert_fails_cleanly(project, "reference.md", f"line {line}:", "Undefined control sequence \\undefinedmacro")


def test_page_without_twin_is_named(project):
    (project / "docs" / "zh" / "content" / "lonely.md").write_text("# Lonely { #lonely }\n", encoding="utf-8")
    assert_fails_cleanly(project, "zh/content/lonely.md: no twin at", "en/content/lonely.md")


def test_malformed_front_matter_names_file_and_line(project):
    broken = POST.format(figure="figure:tanh", tex="x").replace("tags: [probe]", "tags: [probe")
    write_pair(project / "docs", "blog/posts/probe.md", broken)
    assert_fails_cleanly(project, "blog/posts/probe.md:", "malformed front matter")


def test_notebook_cell_that_raises_stops_the_build(project):
    notebook = "# %% [markdown]\n# # Broken { #broken }\n\n# %%\nraise RuntimeError('cell failed on purpose')\n"
    write_pair(project / "docs", "notebooks/broken.py", notebook)
    assert_fails_cleanly(project, "broken.py", "cell failed on purpose")
