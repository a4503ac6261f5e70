"""Panels are named by label, never by position.

On a phone a figure's row of panels is stacked into a column (actsite.figures.render), so "left"
and "right" would point the reader at the wrong place.  Every figure of two or more data panels
labels them "(a)", "(b)", … at each panel's top left, and the pages refer to "panel (a)" /
「图 (a)」, never to the left or right panel."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from actsite.figures.panels import PANEL_TITLE_SIZE, panel_label
from actsite.figures.registry import FIGURES
from actsite.figures.render import draw

ROOT = Path(__file__).resolve().parents[1]
CONTENT = [ROOT / "docs" / lang / "content" for lang in ("en", "zh")]


def data_axes(fig) -> list:
    """The panels that show data: not colorbars, not axes holding only a legend."""
    return [ax for ax in fig.axes
            if getattr(ax, "_colorbar", None) is None
            and (ax.lines or ax.collections or ax.patches or ax.images)]


def test_data_axes_skips_colorbars_and_legend_only_axes():
    from matplotlib.figure import Figure
    fig = Figure()
    left, right, key = fig.subplots(1, 3)
    mesh = left.pcolormesh([[0, 1], [1, 0]])
    right.plot([0, 1], [0, 1], label="x")
    key.legend(*right.get_legend_handles_labels())
    key.set_axis_off()
    fig.colorbar(mesh, ax=left)
    assert data_axes(fig) == [left, right]


@pytest.mark.parametrize("name", sorted(FIGURES))
def test_panels_are_labelled_in_order(name):
    spec = FIGURES[name]
    fig, _ = draw(spec.plot(), "light", spec.size)
    panels = data_axes(fig)
    if len(panels) < 2:
        assert not any(re.match(r"\([a-z]\)", ax.get_title(loc="left")) for ax in panels), \
            f"{name}: a single panel needs no label"
        return
    for index, ax in enumerate(panels):
        label = panel_label(index)
        title = ax.get_title(loc="left")
        assert title == label or title.startswith(label + " "), \
            f"{name}: panel {index + 1} has the left title {title!r}, expected it to start with {label!r}"
        assert ax.title.get_text() == "" and ax._right_title.get_text() == "", \
            f"{name}: panel {label} has a centred or right title besides its label"
        assert ax._left_title.get_fontsize() == PANEL_TITLE_SIZE, \
            f"{name}: panel {label} is titled at {ax._left_title.get_fontsize()} pt, not {PANEL_TITLE_SIZE}"


# A panel named by where it sits.  English: "Left:", "Right, titled …" opening an alt text or
# caption sentence, "the left panel", "the right-hand panel", "panel on the left", "(left)";
# Chinese: 左图 右图 左栏 右栏, 左右两幅图, 两栏图, （左）, a caption's "左：".  Words about the data
# ("left tail", "x to the left of 0", 右端, 左侧为 0) do not match.
POSITIONAL = re.compile(
    r"(?:^|[\[\"(.;!?]\s*)(?:Left|Right|Top|Bottom)(?: panel)?\s*[:,]"
    r"|\b(?:left|right|top|bottom)(?:-hand)?\s+(?:panel|plot|subplot|graph|chart)s?\b"
    r"|\b(?:panel|plot|subplot|graph)s?\s+(?:on|at)\s+the\s+(?:left|right|top|bottom)\b"
    r"|\((?:left|right|top|bottom)\)"
    r"|(?:^|[\[\"。；;])\s*[左右]\s*[：:]"
    r"|[左右](?:图|栏|幅图|边的图|侧的图|边一幅|侧一幅)|左右两[幅张个]?图|两栏图|（[左右]）")


def reader_lines():
    for root in CONTENT:
        for path in sorted(root.rglob("*")):
            if path.suffix in (".md", ".py") and path.is_file():
                for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                    yield path, number, line


def positional_references(lines) -> list[str]:
    return [f"{path.relative_to(ROOT)}:{number}: {match.group(0)!r}"
            for path, number, line in lines for match in POSITIONAL.finditer(line)]


def test_pages_name_panels_by_label_not_position():
    found = positional_references(reader_lines())
    assert not found, "panels referred to by position (use panel (a) / 图 (a)):\n" + "\n".join(found)


@pytest.mark.parametrize("line", [
    "![Two panels. Left: training error against step", "gives the left panel below.",
    "The right-hand panel of the figure plots", "at learning rate 1 (left) and 2 (right)",
    "Right, titled κ = 1.1: the contours", "![左右两幅图。左图：三个网络", "右栏回答了",
    '(figure:zigzag "左：输入在', "均值（左）与方差（右）", "![两栏图，左栏学习率 1",
])
def test_positional_references_are_caught(line):
    assert positional_references([(ROOT / "x.md", 1, line)])


@pytest.mark.parametrize("line", [
    "the left tail of the distribution", "for x to the left of 0 the slope is a",
    "rise to at most 20 to 29 percent at the right", "three straight lines rise steeply from left to right",
    "the legend in the upper left corner", "ReGLU 的 ReLU 左侧为 0，右侧沿直线 y = v 上升", "右端到 21% 到 29%",
    "等式右边是均方", "就得到下图中的图 (a)。", "Panel (a): the percentage", "图 (b) 回答了",
])
def test_data_positions_are_not_flagged(line):
    assert not positional_references([(ROOT / "x.md", 1, line)])
