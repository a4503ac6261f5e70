"""The activation playground in Chromium: clean loading in both languages and themes, a phone
screen, keyboard operation, axe, the address round trip, and the presets showing what the
articles that link to them say."""
from __future__ import annotations

import math
import re
from urllib.parse import parse_qs, urlparse

import pytest

from actsite.pages.playground import playground_data
from conftest import LANGUAGES
from test_browser import AXE, AXE_RUN, PageWatch

pytestmark = pytest.mark.browser
READY = ".activation-playground[data-ready=true]"


def open_playground(browser, base_url, lang="en", scheme="light", query="", viewport=None):
    watch = PageWatch(browser, base_url, scheme)
    if viewport:
        watch.page.set_viewport_size(viewport)
    watch.page.goto(f"{base_url}{lang}/playground/{query}", wait_until="networkidle")
    watch.page.wait_for_selector(READY, timeout=20_000)
    return watch


def measure(watch, steps: int) -> dict:
    watch.page.evaluate(f"window.playground.run({steps})")
    return watch.page.evaluate("window.playground.measure()")


def query_of(watch) -> dict:
    return {k: v[0] for k, v in parse_qs(urlparse(watch.address()).query).items()}


# Words a Chinese reader may see in Latin letters: function, optimiser and initialisation names.
LATIN_NAMES = {w for f in playground_data()["functions"] for w in re.findall(r"[A-Za-z]+", f["names"]["zh"])} | {
    "He", "Xavier", "LeCun", "SGD", "Adam", "XOR", "logit", "N", "NaN"}


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_playground_trains_cleanly_offline(browser, base_url, lang, scheme):
    watch = open_playground(browser, base_url, lang, scheme)
    page = watch.page
    page.click(".pg-play")
    page.wait_for_function("window.playground.step >= 30")
    page.click(".pg-play")
    assert not page.evaluate("window.playground.running")
    summary = page.inner_text(".pg-summary")
    assert re.search(r"第 \d+ 步" if lang == "zh" else r"Step \d+", summary), summary
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate(AXE_RUN)
    if lang == "zh":
        text = page.inner_text(".activation-playground")
        latin = {w for w in re.findall(r"[A-Za-z]{2,}", text) if w not in LATIN_NAMES}
        assert not latin, f"English on the Chinese playground: {sorted(latin)}"
    assert not violations, violations
    assert not watch.foreign and not watch.failed and not watch.errors, (watch.foreign, watch.failed, watch.errors)
    watch.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_playground_fits_a_phone(browser, base_url, lang):
    watch = open_playground(browser, base_url, lang, viewport={"width": 390, "height": 844})
    page = watch.page
    measure(watch, 20)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    too_wide = page.evaluate("""() => [...document.querySelectorAll('.activation-playground *')]
        .filter(e => e.checkVisibility() && e.getBoundingClientRect().right > 390.5)
        .map(e => e.tagName + '.' + e.className).slice(0, 5)""")
    assert not too_wide, too_wide
    surface = page.locator(".pg-surface").bounding_box()
    controls = page.locator(".pg-controls").bounding_box()
    assert surface["y"] < controls["y"], "on a phone the controls come under the chart"
    assert not watch.errors
    watch.close()


def test_desktop_shows_the_chart_first_and_controls_beside_it(browser, base_url):
    watch = open_playground(browser, base_url, "en", viewport={"width": 1280, "height": 800})
    surface = watch.page.locator(".pg-surface").bounding_box()
    controls = watch.page.locator(".pg-controls").bounding_box()
    assert surface["y"] + surface["height"] <= 800, "the decision surface is above the fold"
    assert controls["x"] > surface["x"] + surface["width"] - 1 and controls["y"] < surface["y"] + surface["height"]
    watch.close()


def test_keyboard_drives_the_playground(browser, base_url):
    watch = open_playground(browser, base_url, "en")
    page = watch.page
    page.focus(".pg-play")
    page.keyboard.press("Enter")
    page.wait_for_function("window.playground.running && window.playground.step > 0")
    assert page.get_attribute(".pg-play", "aria-pressed") == "true"
    page.keyboard.press("Space")
    page.wait_for_function("!window.playground.running")
    page.keyboard.press("Tab")                       # to "Step"
    before = page.evaluate("window.playground.step")
    page.keyboard.press("Enter")
    page.wait_for_function(f"window.playground.step === {before + 1}")
    # Tab on to the activation menu and change it with the arrow keys.
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == page.get_attribute("label:text-is('Activation')", "for"):
            break
    else:
        pytest.fail("Tab never reached the activation menu")
    page.keyboard.press("ArrowDown")
    page.wait_for_function("window.playground.state.act !== 'relu'")
    assert query_of(watch)["act"] == page.evaluate("window.playground.state.act")
    assert page.evaluate("window.playground.step") == 0, "a new setting restarts training"
    watch.close()


def test_the_address_holds_the_whole_state(browser, base_url):
    query = "?data=spiral&noise=0.2&test=0.3&seed=42&layers=5&width=12&act=elu&p=1.5&init=normal&sigma=0.3&bn=1&opt=adam&lr=0.003&batch=32&speed=10"
    watch = open_playground(browser, base_url, "zh", query=query)
    expected = {k: v[0] for k, v in parse_qs(query[1:]).items()}
    assert query_of(watch) == expected
    state = watch.page.evaluate("window.playground.state")
    assert state["act"] == "elu" and state["p"] == 1.5 and state["bn"] == 1 and state["layers"] == 5
    # Change a control: the address follows, and opening that address gives the same state.
    label = watch.page.get_attribute("label:text-is('隐藏层数')", "for")
    watch.page.fill(f"#{label}", "7")
    watch.page.dispatch_event(f"#{label}", "change")
    watch.page.wait_for_function("window.playground.state.layers === 7")
    address = watch.address()
    watch.close()
    again = PageWatch(browser, base_url)
    again.page.goto(address, wait_until="networkidle")
    again.page.wait_for_selector(READY)
    assert again.page.evaluate("window.playground.state") == {**state, "layers": 7}
    again.close()


def test_playground_starts_after_instant_navigation(browser, base_url):
    watch = PageWatch(browser, base_url)
    watch.page.goto(f"{base_url}en/explorer/", wait_until="networkidle")
    watch.page.evaluate("() => { window.__sameDocument = true; }")
    watch.page.locator('article a[href$="playground/"]').first.click()   # the explorer links to it
    watch.page.wait_for_selector(READY, timeout=20_000)
    assert watch.page.evaluate("window.__sameDocument === true"), "instant navigation did not happen"
    assert measure(watch, 5)["losses"]["train"] > 0 and not watch.errors
    watch.close()


# ---- the presets show what the playground page and the articles say ---------------------------

def preset(browser, base_url, name, steps, extra=""):
    """measure() after ``steps`` steps of the preset (with ``extra`` settings), plus the flat
    region's share of each layer's pre-activations as the last panel prints it."""
    watch = open_playground(browser, base_url, "en", query=f"?preset={name}{extra}")
    result = measure(watch, steps)
    rows = watch.page.eval_on_selector_all(".pg-pre .pg-row-label", "ns => ns.map(n => n.textContent)")
    result["flat"] = [int(re.search(r"(\d+)%", r).group(1)) for r in rows]
    assert not watch.errors
    watch.close()
    return result


def dead_shares(result) -> list[float]:
    return [layer["dead"] / layer["units"] for layer in result["layers"]]


def test_deep_sigmoid_preset_starves_the_first_layer(browser, base_url):
    """Playground, thing to try 1 (and When gradients vanish): the first layer's gradient norm stays
    about seven to eight orders of magnitude below the last hidden layer's (the median over the
    first 600 steps is between 7 and 8 orders; the ratio jumps from step to step), the loss stays near
    ln 2 ≈ 0.693 (the loss of answering one half everywhere), no
    pre-activation is in the flat region; with ReLU and He, the lines lie within a factor of ten (at
    step 100, and on most steps of the next 400; spikes above it remain), and the loss falls (the
    page's step-5 and loss numbers are tested with Node in test_claims_playground.py)."""
    for steps in (1, 300):
        result = preset(browser, base_url, "deep-sigmoid", steps)
        ratio = result["grads"][0] / result["grads"][-2]
        assert 10 ** -8.5 < ratio < 1e-7, (steps, result["grads"])
        assert abs(result["losses"]["train"] - math.log(2)) < 0.005, result["losses"]
        assert result["flat"] == [0] * 8, result["flat"]
    watch = open_playground(browser, base_url, "en", query="?preset=deep-sigmoid")   # the ratio at each step
    orders = []
    for _ in range(60):
        grads = measure(watch, 10)["grads"]
        orders.append(-math.log10(grads[0] / grads[-2]))
    watch.close()
    orders.sort()
    assert 7 <= orders[len(orders) // 2] <= 8 and 6 <= orders[len(orders) // 4] and orders[-len(orders) // 4] <= 8.5, orders
    start = preset(browser, base_url, "deep-sigmoid", 0)["losses"]["train"]
    watch = open_playground(browser, base_url, "en", query="?preset=deep-sigmoid&act=relu&init=he")
    relu = measure(watch, 100)
    assert max(relu["grads"]) / min(relu["grads"]) < 10, relu["grads"]
    assert relu["losses"]["train"] < start / 10, relu["losses"]
    spreads = [max(g) / min(g) for g in (measure(watch, 1)["grads"] for _ in range(400))]
    assert not watch.errors
    watch.close()
    within = sum(s < 10 for s in spreads) / len(spreads)
    assert 0.5 < within < 1, within                                   # "mostly", not always


def test_the_sentence_under_the_square_states_the_ratio_and_is_refreshed_every_few_seconds():
    """Playground, thing to try 1: 'The sentence under the square gives the latest step's ratio,
    refreshed every few seconds while the network trains' (app.js rewrites it at most once per
    interval while running, and at once on pause or a single step)."""
    from pathlib import Path
    app = (Path(__file__).parents[1] / "docs/assets/javascripts/playground/app.js").read_text(encoding="utf-8")
    (interval,) = re.findall(r"now - this\.announced > (\d+)", app)
    assert 1000 <= int(interval) <= 5000, interval
    assert "t.gradientRatio(" in app and "this.summary.textContent = this.summaryText()" in app


def test_small_weights_give_deep_relu_gradients_under_a_millionth_of_he(browser, base_url):
    """Initialisation: at the first step of an eight-layer ReLU network, every layer's gradient
    norm from N(0, 0.01²) is less than a millionth of the smallest under He's rule."""
    he = preset(browser, base_url, "deep-relu-he", 1)["grads"]
    assert min(he) > 0 and len(he) >= 8, he
    watch = open_playground(browser, base_url, "en", query="?preset=deep-relu-small")
    small = measure(watch, 1)["grads"]
    assert not watch.errors
    watch.close()
    assert len(small) == len(he) and max(small) < 1e-6 * min(he), (small, he)


def test_high_rate_kills_relu_units_that_leaky_relu_and_batch_norm_keep(browser, base_url):
    """Playground, thing to try 2 (and Why ReLU units die): at learning rate 1 the dead share climbs
    in all three hidden layers, to about 40 % by step 2000 (the last layer's swing is
    tested with Node in test_claims_playground.py); at 0.1 almost none die; Leaky ReLU's
    units cannot die; with batch normalisation none die in the first thousand steps and by step
    2000 only a few, all in the last hidden layer."""
    start = dead_shares(preset(browser, base_url, "relu-high-rate", 0))
    relu = dead_shares(preset(browser, base_url, "relu-high-rate", 2000))
    assert all(0.3 <= d <= 0.5 and d > s for d, s in zip(relu, start)), (start, relu)
    assert 0.35 <= sum(relu) / len(relu) <= 0.45, relu
    slow = preset(browser, base_url, "relu-high-rate", 2000, "&lr=0.1")["layers"]
    assert sum(layer["dead"] for layer in slow) <= 4, slow
    assert dead_shares(preset(browser, base_url, "leaky-high-rate", 2000)) == [0, 0, 0]
    assert dead_shares(preset(browser, base_url, "relu-high-rate-bn", 1000)) == [0, 0, 0]
    bn = preset(browser, base_url, "relu-high-rate-bn", 2000)["layers"]
    assert bn[0]["dead"] == bn[1]["dead"] == 0 and 0 < bn[2]["dead"] <= 5, bn


@pytest.mark.parametrize("lang, words", [("en", "with no gradient"), ("zh", "无梯度")])
def test_units_panel_names_units_with_no_gradient(browser, base_url, lang, words):
    """Playground page, "Units with no gradient, and saturated units": the panel names the units whose
    derivative is 0 on every training point by their own name, not "dead" (for ReLU they are exactly
    the dead units); the default ReLU network starts with 2 in layer 2 and 5 in layer 3."""
    watch = open_playground(browser, base_url, lang)
    result = measure(watch, 0)
    title = watch.page.text_content(".pg-panel:has(.pg-units) h2")
    rows = watch.page.eval_on_selector_all(".pg-units .pg-row-label", "ns => ns.map(n => n.textContent)")
    assert words in title and len(rows) == 3 and all(words in r for r in rows), (title, rows)
    assert not any("dead" in r.lower() or "死亡" in r for r in [title, *rows]), (title, rows)
    assert [layer["dead"] for layer in result["layers"]] == [0, 2, 5]
    assert not watch.errors
    watch.close()

def test_large_weights_put_tanh_in_its_flat_tails_yet_it_learns(browser, base_url):
    """Playground, thing to try 3 (and Why activations must be non-linear): about two thirds of the
    pre-activations of layers 2–4 start in the flat region, about a tenth of layer 1's; no unit is
    saturated; after 300 steps its loss is below the same network's under Xavier initialisation."""
    start = preset(browser, base_url, "tanh-large-init", 0)
    assert all(55 <= s <= 75 for s in start["flat"][1:]) and 5 <= start["flat"][0] <= 15, start["flat"]
    assert all(layer["saturated"] == 0 for layer in start["layers"]), start["layers"]
    large = preset(browser, base_url, "tanh-large-init", 300)["losses"]["train"]
    xavier = preset(browser, base_url, "tanh-large-init", 300, "&init=xavier")["losses"]["train"]
    assert large < xavier, (large, xavier)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_explorer_shares_the_layout_chart_first(browser, base_url, lang):
    """The explorer, like the playground: chart above the fold with the controls beside it at
    1280 × 800, and under it on a phone."""
    for viewport, beside in (({"width": 1280, "height": 800}, True), ({"width": 390, "height": 844}, False)):
        watch = PageWatch(browser, base_url)
        watch.page.set_viewport_size(viewport)
        watch.page.goto(f"{base_url}{lang}/explorer/", wait_until="networkidle")
        watch.page.wait_for_selector('.activation-explorer[data-ready="yes"]', timeout=10_000)
        plot = watch.page.locator(".explorer-plot svg").bounding_box()
        controls = watch.page.locator(".explorer-functions").bounding_box()
        if beside:
            assert plot["y"] + plot["height"] <= viewport["height"], plot
            assert controls["x"] >= plot["x"] + plot["width"] and controls["y"] < plot["y"] + plot["height"]
        else:
            assert controls["y"] >= plot["y"] + plot["height"] - 1
        assert watch.page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
        watch.close()
