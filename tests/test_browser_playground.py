"""The activation playground in Chromium: clean loading in both languages and themes, a phone
screen, keyboard operation, axe, the address round trip, and the presets showing what the
articles that link to them say."""
from __future__ import annotations

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
    return {k: v[0] for k, v in parse_qs(urlparse(watch.page.url).query).items()}


# Words a Chinese reader may see in Latin letters: function, optimiser and initialisation names.
LATIN_NAMES = {w for f in playground_data()["functions"] for w in re.findall(r"[A-Za-z]+", f["names"]["zh"])} | {
    "He", "Xavier", "LeCun", "SGD", "Adam", "XOR", "logit", "N"}


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
    address = watch.page.url
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


# ---- the presets show what their articles say -------------------------------------------------

def preset(browser, base_url, name, steps):
    watch = open_playground(browser, base_url, "en", query=f"?preset={name}")
    result = measure(watch, steps)
    assert not watch.errors
    watch.close()
    return result


def test_deep_sigmoid_preset_starves_the_first_layer(browser, base_url):
    """When gradients vanish: with small weights the first layer's gradient is orders of magnitude
    below the last hidden layer's."""
    result = preset(browser, base_url, "deep-sigmoid", 300)
    grads = result["grads"]
    assert grads[0] < 1e-4 * grads[-2], grads


def test_he_initialisation_keeps_deep_relu_gradients_alive(browser, base_url):
    """Initialisation: with He's rule the first step's gradient norms of a deep ReLU stack stay
    within a factor of 100 of each other; from N(0, 0.01²) every layer's is a millionth of them."""
    he = preset(browser, base_url, "deep-relu-he", 1)["grads"]
    assert 0.01 < he[0] / he[-2] < 100, he
    small = preset(browser, base_url, "deep-relu-small", 1)["grads"]
    assert max(small) < 1e-6 * min(he), (small, he)


def test_high_rate_kills_relu_units_that_leaky_relu_and_batch_norm_keep(browser, base_url):
    """Why ReLU units die: at a too-high learning rate ReLU loses units; Leaky ReLU's cannot die,
    and batch normalisation before the ReLU keeps them alive."""
    dead = {name: sum(layer["dead"] for layer in preset(browser, base_url, name, 300)["layers"])
            for name in ("relu-high-rate", "leaky-high-rate", "relu-high-rate-bn")}
    assert dead["relu-high-rate"] >= 5, dead
    assert dead["leaky-high-rate"] == 0 and dead["relu-high-rate-bn"] == 0, dead


def test_large_weights_put_tanh_in_its_flat_tails(browser, base_url):
    watch = open_playground(browser, base_url, "en", query="?preset=tanh-large-init")
    rows = watch.page.eval_on_selector_all(".pg-pre .pg-row-label", "ns => ns.map(n => n.textContent)")
    shares = [int(re.search(r"(\d+)%", r).group(1)) for r in rows]
    assert len(shares) == 4 and all(s > 50 for s in shares[1:]), rows
    watch.close()


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
