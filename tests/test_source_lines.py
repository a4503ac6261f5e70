"""Errors name the line of the file as its author wrote it, whatever the build added."""
from __future__ import annotations

from actsite.pages import markers
from actsite.figures.registry import FIGURES
from actsite.pages.reference_table import MARKER, expand
from actsite.pages.source_lines import line_of, locate, source_line, tex_needles

SOURCE = "---\ntitle: Reference\n---\n\n# Reference\n\nIntro $x$.\n\n" + MARKER + "\n\nAfter.\n"


def test_lines_after_front_matter_keep_their_file_numbers():
    body = SOURCE.split("---\n", 2)[2]
    assert body.splitlines()[3] == "Intro $x$."
    assert source_line(SOURCE, body, 4) == 7


def test_generated_lines_point_at_their_marker_and_later_lines_at_themselves():
    body = SOURCE.split("---\n", 2)[2]
    expanded = expand(body, "en")
    lines = expanded.splitlines()
    assert len(lines) > 100                                      # the table really grew the page
    assert source_line(SOURCE, expanded, lines.index("After.") + 1) == 11
    generated = next(i for i, line in enumerate(lines) if line.startswith("## ")) + 1
    assert source_line(SOURCE, expanded, generated) == 9         # the marker's line


def test_unknown_figure_after_generated_table_names_its_own_line():
    source = SOURCE + "\n![A probe](figure:no_such_figure)\n"
    expanded = expand(source.split("---\n", 2)[2], "en")
    try:
        markers.expand_figures(expanded, "reference.md", FIGURES,
                               source_line=lambda line: source_line(source, expanded, line))
    except markers.UnknownFigureError as error:
        assert str(error).startswith("line 13: unknown figure 'no_such_figure'"), error
    else:
        raise AssertionError("unknown figure not reported")


def test_tex_is_found_in_the_source_or_through_the_generated_text():
    source = "# Page\n\n$$\n\\foo\n$$\n\nText $y^{2$ here.\n\n" + MARKER + "\n"
    expanded = source.replace(MARKER, "generated\n$$\n\\bar\n$$\n")
    assert locate(source, expanded, tex_needles("\\foo", True)) == 4
    assert locate(source, expanded, tex_needles("y^{2", False)) == 7
    assert locate(source, expanded, tex_needles("\\bar", True)) == 9      # generated: the marker
    assert locate(source, expanded, tex_needles("\\nowhere", True)) is None


def test_notebook_markdown_lines_are_found_by_their_first_line():
    source = "# %% [markdown]\n# Intro\n#\n# $$\n# \\frac{1}{\n#   2}\n# $$\n"
    assert line_of(source, tex_needles("\\frac{1}{\n  2}", True)) == 5
