"""The automatable items of FIGURES.md, for every registered figure in each of its layouts:
legible text at every width the page shows it, nothing outside the canvas, no overlapping tick
labels, legends framed and off the data, palette contrast against both page backgrounds."""
from __future__ import annotations

import itertools

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.text import Text

from actsite.figures.registry import FIGURES
from actsite.figures.render import CSS_PX_PER_INCH, MIN_TEXT_PX, PHONE_COLUMN_PX, draw
from actsite.figures.style import BACKGROUNDS, LINE_COLOURS, THEMES, palette

COLUMN_PX = 688          # Material's text column at 1280 px (tests/browser_layout.py measures it)
VARIANTS = sorted({(spec.name, layout) for spec in FIGURES.values() for _, layout, _ in spec.variants()})


def shown_at(spec, layout: str) -> tuple[int, ...]:
    """The column widths a layout is shown at: a figure with a phone layout shows its wide one on
    desktops only; one without shows the same picture on both."""
    if layout == "phone":
        return (PHONE_COLUMN_PX,)
    return (COLUMN_PX,) if spec.has_phone_layout else (COLUMN_PX, PHONE_COLUMN_PX)


def contrast(a: str, b: str) -> float:
    def luminance(colour: str) -> float:
        c = np.array([int(colour[i:i + 2], 16) for i in (1, 3, 5)]) / 255
        c = np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
        return float(c @ [0.2126, 0.7152, 0.0722])
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.fixture(scope="module", params=VARIANTS, ids=[f"{name}-{layout}" for name, layout in VARIANTS])
def drawn(request):
    name, layout = request.param
    spec = FIGURES[name]
    fig, _ = draw(spec.plot(), "light", spec.size, layout)
    renderer = FigureCanvasAgg(fig).get_renderer()
    fig.draw(renderer)                                   # runs the constrained layout, as saving does
    return spec, layout, fig, renderer


def texts(fig):
    """Every text matplotlib draws: titles, labels, annotations, legend entries and shown tick labels."""
    ticks = {id(label) for ax in fig.axes for axis in (ax.xaxis, ax.yaxis)
             for tick in axis.get_major_ticks() + axis.get_minor_ticks() for label in (tick.label1, tick.label2)}
    shown = list(shown_tick_labels(fig))
    others = [t for t in fig.findobj(Text) if id(t) not in ticks and t.get_visible() and t.get_text().strip()
              and not (t.axes is not None and not t.axes.axison and t in (t.axes.xaxis.label, t.axes.yaxis.label))]
    return others + shown


def test_text_is_at_least_9_px_at_display_width(drawn):
    spec, layout, fig, _ = drawn
    for column in shown_at(spec, layout):
        scale = min(1.0, column / (fig.get_figwidth() * CSS_PX_PER_INCH))
        small = {t.get_text(): round(t.get_fontsize() * 96 / 72 * scale, 1) for t in texts(fig)
                 if t.get_fontsize() * 96 / 72 * scale < MIN_TEXT_PX}
        assert not small, f"{spec.name} ({layout}) in a {column} px column: text below {MIN_TEXT_PX} px at {scale:.2f}x: {small}"


def test_no_text_is_clipped_by_the_canvas(drawn):
    spec, _, fig, renderer = drawn
    canvas = fig.bbox
    outside = [t.get_text() for t in texts(fig)
               if not _inside(t.get_window_extent(renderer), canvas)]
    assert not outside, f"{spec.name}: text outside the viewBox: {outside}"


def _inside(box, canvas, slack=0.5):
    return (box.x0 >= canvas.x0 - slack and box.y0 >= canvas.y0 - slack
            and box.x1 <= canvas.x1 + slack and box.y1 <= canvas.y1 + slack)


def shown_tick_labels(fig):
    """The tick labels matplotlib draws: visible axes, ticks inside the view interval."""
    for ax in fig.axes:
        if not ax.axison:
            continue
        box = ax.get_window_extent()
        for axis, along in ((ax.xaxis, 0), (ax.yaxis, 1)):
            for tick in axis.get_major_ticks() + axis.get_minor_ticks():
                label = tick.label1
                point = [tick.get_loc(), 1.0] if along == 0 else [1.0, tick.get_loc()]
                where = (ax.transData.transform(point) if axis.get_scale() != "log" or tick.get_loc() > 0
                         else np.array([np.nan, np.nan]))[along]
                inside = (box.x0 - 1 <= where <= box.x1 + 1) if along == 0 else (box.y0 - 1 <= where <= box.y1 + 1)
                if label.get_visible() and label.get_text() and inside:
                    yield label


def test_texts_do_not_overlap(drawn):
    """Tick labels (also across neighbouring panels), titles, axis labels and annotations."""
    spec, _, fig, renderer = drawn
    boxes = [(t.get_text(), t.get_window_extent(renderer)) for t in texts(fig)]
    clashes = [(a, b) for (a, box_a), (b, box_b) in itertools.combinations(boxes, 2) if box_a.overlaps(box_b)]
    assert not clashes, f"{spec.name}: overlapping text {clashes[:5]}"


def drawn_points(line):
    """A line's drawn path in display coordinates, 24 points per segment (a segment may cross a
    legend with both ends outside it)."""
    xy = line.get_transform().transform(np.column_stack(line.get_data()).astype(float))
    if len(xy) < 2:
        return xy
    t = np.linspace(0, 1, 24)[:, None, None]
    dense = (xy[:-1] * (1 - t) + xy[1:] * t).reshape(-1, 2)
    return dense[np.all(np.isfinite(dense), axis=1)]


def test_legends_are_framed_and_off_the_data(drawn):
    spec, _, fig, renderer = drawn
    for ax in fig.axes:
        legend = ax.get_legend()
        if legend is None:
            continue
        assert legend.get_frame_on(), f"{spec.name}: legend without a background"
        box = legend.get_window_extent(renderer)
        for line in ax.get_lines():
            xy = drawn_points(line)
            under = (xy[:, 0] > box.x0) & (xy[:, 0] < box.x1) & (xy[:, 1] > box.y0) & (xy[:, 1] < box.y1)
            assert not under.any(), f"{spec.name}: legend covers {line.get_label()!r} at {xy[under][:2].round()}"
        bars = [bar for container in ax.containers for bar in container.patches if hasattr(container, "patches")]
        covered = [bar for bar in bars if bar.get_height() and bar.get_window_extent(renderer).overlaps(box)]
        assert not covered, f"{spec.name}: legend covers {len(covered)} bars"


@pytest.mark.parametrize("theme", THEMES)
def test_palette_contrast_against_the_page_background(theme):
    colours, background = palette(theme), BACKGROUNDS[theme]
    for role in LINE_COLOURS + ("muted",):
        assert contrast(colours[role], background) >= 3, (theme, role, colours[role])
    assert contrast(colours["text"], background) >= 4.5


def test_contrast_is_computed_as_wcag_defines_it():
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
