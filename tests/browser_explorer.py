"""The interactive explorer in the browser: the drawn curves are the registry's, colours stay
with their function, sliders follow the ticked functions, the state lives in the address."""
from __future__ import annotations

import json
from urllib.parse import parse_qs, urlparse

import numpy as np
import pytest

from actsite.maths.catalogue import EVERY
from actsite.figures.style import LINE_COLOURS, palette
from test_browser import PageWatch

START = ["relu", "gelu"]


def open_explorer(browser, base_url, lang="en", scheme="light", query="", viewport=None):
    watch = PageWatch(browser, base_url, scheme)
    if viewport:
        watch.page.set_viewport_size(viewport)
    watch.page.goto(f"{base_url}{lang}/explorer/{query}", wait_until="load")
    watch.page.wait_for_selector('.activation-explorer[data-ready="yes"]', timeout=10_000)
    return watch


def drawn(watch, key, kind="f"):
    """The curve of `key` as data coordinates, read back through the chart's own geometry."""
    v = json.loads(watch.page.get_attribute(".explorer-plot svg", "data-view"))
    points = watch.page.eval_on_selector_all(
        f'.explorer-curve[data-key="{key}"][data-kind="{kind}"] polyline', "ns => ns.map(n => n.getAttribute('points'))")
    xy = np.array([[float(c) for c in p.split(",")] for p in " ".join(points).split()])
    x = v["xmin"] + (xy[:, 0] - v["left"]) / (v["width"] - v["left"] - v["right"]) * (v["xmax"] - v["xmin"])
    y = v["ymax"] - (xy[:, 1] - v["top"]) / (v["height"] - v["top"] - v["bottom"]) * (v["ymax"] - v["ymin"])
    return x, y


def stroke(watch, key):
    return watch.page.eval_on_selector(f'.explorer-curve[data-key="{key}"][data-kind="f"]', "g => getComputedStyle(g).stroke")


def rgb(hex_colour: str) -> str:
    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgb({r}, {g}, {b})"


def query_of(watch) -> dict:
    return parse_qs(urlparse(watch.address()).query)


@pytest.mark.parametrize("lang, scheme", [("zh", "light"), ("en", "dark")])
def test_explorer_slider_draws_the_registry_curve(browser, base_url, lang, scheme):
    watch = open_explorer(browser, base_url, lang, scheme)
    watch.page.check('input[type=checkbox][value="elu"]')
    elu = EVERY["elu"]
    x, y = drawn(watch, "elu")
    np.testing.assert_allclose(y, elu.f(x), atol=2e-4)
    dx, dy = drawn(watch, "elu", "df")
    np.testing.assert_allclose(dy, elu.df(dx), atol=2e-4)
    slider = watch.page.locator('input[type=range][data-key="elu"]')
    slider.focus()
    for _ in range(3):
        watch.page.keyboard.press("ArrowRight")
    assert watch.page.locator('input[type=range][data-key="elu"] + output').text_content() == "α = 1.3"
    x, y = drawn(watch, "elu")
    np.testing.assert_allclose(y, elu.f(x, alpha=1.3), atol=2e-4)
    assert np.max(np.abs(y - elu.f(x))) > 0.2                 # the curve really moved
    assert not watch.errors and not watch.failed and not watch.foreign
    watch.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_each_function_keeps_its_palette_colour(browser, base_url, scheme):
    watch = open_explorer(browser, base_url, "en", scheme)
    lines = [rgb(palette(scheme)[role]) for role in LINE_COLOURS]
    before = {key: stroke(watch, key) for key in START}
    assert set(before.values()) <= set(lines) and len(set(before.values())) == 2
    for key in ("sigmoid", "elu", "mish"):
        watch.page.check(f'input[type=checkbox][value="{key}"]')
    watch.page.uncheck('input[type=checkbox][value="sigmoid"]')
    after = {key: stroke(watch, key) for key in START + ["elu", "mish"]}
    assert {key: after[key] for key in START} == before
    assert len(set(after.values())) == 4 and set(after.values()) <= set(lines)
    legend = watch.page.eval_on_selector_all(".explorer-legend .explorer-coloured",
                                             "gs => gs.map(g => [g.dataset.key, getComputedStyle(g.querySelector('line')).stroke])")
    assert dict(legend) == after                                  # the legend names each colour
    watch.close()


def test_sliders_follow_the_ticked_functions_and_state_is_in_the_address(browser, base_url):
    watch = open_explorer(browser, base_url, "en")
    assert watch.page.locator(".explorer-sliders input[type=range]").count() == 0    # ReLU, GELU: no parameter
    watch.page.check('input[type=checkbox][value="elu"]')
    watch.page.check('input[type=checkbox][value="silu"]')
    keys = watch.page.eval_on_selector_all(".explorer-sliders input[type=range]", "ns => ns.map(n => n.dataset.key)")
    assert keys == ["elu", "silu"]
    names = watch.page.locator(".explorer-slider-name").all_text_contents()
    assert names == ["ELU: α", "SiLU / Swish: β"]
    zh = open_explorer(browser, base_url, "zh", query="?show=elu,silu")     # full-width punctuation there
    assert zh.page.locator(".explorer-slider-name").all_text_contents() == ["ELU：α", "SiLU / Swish：β"]
    assert zh.page.get_attribute('input[type=range][data-key="silu"]', "aria-label").endswith("，β")
    zh.close()
    watch.page.locator('input[type=range][data-key="silu"]').focus()
    watch.page.keyboard.press("ArrowRight")
    assert query_of(watch) == {"show": ["relu,gelu,elu,silu"], "silu": ["1.25"]}
    watch.page.keyboard.press("Shift+Tab")                        # back to the ELU slider by keyboard
    watch.page.keyboard.press("ArrowLeft")
    shared = watch.address()
    assert query_of(watch) == {"show": ["relu,gelu,elu,silu"], "elu": ["0.9"], "silu": ["1.25"]}
    watch.page.uncheck('input[type=checkbox][value="elu"]')
    assert watch.page.locator('input[type=range][data-key="elu"]').count() == 0
    watch.close()

    opened = open_explorer(browser, base_url, "zh", query="?" + urlparse(shared).query)
    ticked = opened.page.eval_on_selector_all("input[type=checkbox]:checked", "ns => ns.map(n => n.value)")
    assert sorted(ticked) == sorted(["relu", "gelu", "elu", "silu"])
    assert opened.page.locator('input[type=range][data-key="elu"] + output').text_content() == "α = 0.9"
    x, y = drawn(opened, "silu")
    np.testing.assert_allclose(y, EVERY["silu"].f(x, beta=1.25), atol=2e-4)
    opened.page.click(".explorer-reset")
    assert urlparse(opened.address()).query == ""
    ticked = opened.page.eval_on_selector_all("input[type=checkbox]:checked", "ns => ns.map(n => n.value)")
    assert ticked == START and opened.page.locator(".explorer-sliders input").count() == 0
    assert not opened.errors
    opened.close()


def test_checkboxes_answer_the_keyboard(browser, base_url):
    watch = open_explorer(browser, base_url, "en")
    watch.page.locator('input[type=checkbox][value="sigmoid"]').focus()
    watch.page.keyboard.press("Space")
    assert watch.page.locator('.explorer-curve[data-key="sigmoid"]').count() == 2
    watch.close()


def test_chart_text_is_legible_on_a_phone(browser, base_url):
    watch = open_explorer(browser, base_url, "en", viewport={"width": 390, "height": 844})
    sizes = watch.page.eval_on_selector_all(".explorer-plot svg text", "ts => ts.map(t => t.getBoundingClientRect().height)")
    fonts = watch.page.eval_on_selector_all(".explorer-plot svg text", """ts => ts.map(t => {
        const svg = t.ownerSVGElement, scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        return parseFloat(getComputedStyle(t).fontSize) * scale; })""")
    assert sizes and min(fonts) >= 11, min(fonts)
    legend = watch.page.locator(".explorer-legend text").all_text_contents()
    assert legend[:2] == ["ReLU", "GELU"] and len(legend) == 4
    watch.close()


def test_the_legend_hides_no_curve_and_negative_values_carry_a_minus_sign(browser, base_url):
    """The legend goes in the lower-right quarter (x > 0, y < 0), where no function or derivative
    of the registry goes (checked here on every slider position), whenever it fits: ticking
    Maxout, whose default |x| rises through the top-left corner, leaves every curve in view.  A
    negative slider value is written with a minus sign, as on the axes."""
    grid = np.linspace(0, 4, 161)[1:]                        # x > 0 (the derivative at a kink is not drawn)
    for act in EVERY.values():
        for param in act.params or [None]:
            values = np.linspace(param.lo, param.hi, 21) if param else [None]
            for value in values:
                kw = {param.name: value} if param else {}
                assert np.all(act.f(grid, **kw) >= 0) and np.all(act.df(grid, **kw) >= 0), (act.key, kw)
    for viewport in ({"width": 1280, "height": 800}, {"width": 390, "height": 844}):
        watch = open_explorer(browser, base_url, "en", query="?show=relu,gelu,maxout", viewport=viewport)
        assert watch.page.get_attribute(".explorer-legend", "data-corner") == "lower-right"
        box = watch.page.eval_on_selector(".explorer-legend rect", "r => { const b = r.getBoundingClientRect(); "
                                          "return [b.left, b.top, b.right, b.bottom]; }")
        points = watch.page.eval_on_selector_all(".explorer-curve polyline", """ns => ns.flatMap(n => {
            const m = n.getScreenCTM();
            return [...n.points].map(p => [p.x * m.a + m.e, p.y * m.d + m.f]); })""")
        inside = [p for p in points if box[0] <= p[0] <= box[2] and box[1] <= p[1] <= box[3]]
        assert len(points) > 500 and not inside, inside[:5]
        assert watch.page.locator('input[type=range][data-key="maxout"] + output').text_content() == "a = \u22121"
        assert not watch.errors
        watch.close()
