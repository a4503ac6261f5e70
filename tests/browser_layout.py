"""What a reader sees, measured in the browser: nothing wider than a phone's screen, a zoomed
figure legible in the dark theme, tables that fit the text column."""
from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

from actsite.figures.registry import FIGURES
from actsite.pages.gated_table import WORDS as GATED_WORDS
from actsite.figures.render import PHONE_COLUMN_PX
from actsite.pages.reference_table import WORDS
from actsite.figures.style import BACKGROUNDS
from test_browser import MATH_STATE, POST, SHARDS, PageWatch, site_pages
from test_figure_checklist import COLUMN_PX as CHECKLIST_COLUMN_PX

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}


def watch_at(browser, base_url, viewport, scheme="light"):
    watch = PageWatch(browser, base_url, scheme)
    watch.page.set_viewport_size(viewport)
    return watch


def settle(watch):
    """Typeset maths and a mounted explorer: the layout a reader ends up with."""
    watch.page.evaluate(MATH_STATE)
    if watch.page.locator(".activation-explorer").count():
        watch.page.wait_for_selector('.activation-explorer[data-ready="yes"]', timeout=10_000)


WIDEST = """() => {
  const inScrollBox = el => {
    for (let up = el.parentElement; up && up !== document.body; up = up.parentElement)
      if (['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(up).overflowX)) return true;
    return false;
  };
  const limit = document.documentElement.clientWidth;
  const wide = [...document.querySelectorAll('body *')].filter(el => {
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.right > limit + 1 && !el.closest('.md-sidebar, [hidden]')
      && getComputedStyle(el).visibility !== 'hidden' && !inScrollBox(el);
  });
  // report the outermost offenders only
  const outer = wide.filter(el => !wide.includes(el.parentElement));
  return {scroll: document.documentElement.scrollWidth, limit,
          culprits: outer.slice(0, 4).map(el => el.tagName.toLowerCase() + '.' + [...el.classList].join('.')
            + ' ' + Math.round(el.getBoundingClientRect().right))};
}"""


@pytest.mark.parametrize("shard", range(SHARDS))
def test_no_page_is_wider_than_a_phone(browser, base_url, built_site, shard):
    watch = watch_at(browser, base_url, PHONE)
    problems, pages = [], site_pages(built_site, shard)
    for path in pages:
        watch.page.goto(base_url + path, wait_until="load")
        settle(watch)
        found = watch.page.evaluate(WIDEST)
        if found["scroll"] > found["limit"]:
            problems.append(f"{path}: {found['scroll']} px wide at {found['limit']} px: {found['culprits']}")
    watch.close()
    assert len(pages) > 40 // SHARDS and not problems, "\n".join(problems)


def _luminance(rgb):
    c = np.asarray(rgb, dtype=float) / 255
    c = np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
    return c @ [0.2126, 0.7152, 0.0722]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_zoomed_figure_sits_on_its_themes_background(browser, base_url, scheme):
    """The lightbox shows a figure's variant on that theme's background, not on white: the pixels
    behind the labels are the page background, and the labels stand out from them."""
    watch = watch_at(browser, base_url, DESKTOP, scheme)
    watch.page.goto(f"{base_url}en/{POST}", wait_until="load")
    watch.page.locator("figure.site-figure a.glightbox:visible").first.click()
    zoomed = watch.page.locator(".gslide.current img")
    zoomed.wait_for(timeout=5_000)
    watch.page.wait_for_function(                         # the opening animation has ended
        "document.getAnimations().every(a => a.playState === 'finished' || a.playState === 'idle')", timeout=10_000)
    pixels = np.asarray(Image.open(io.BytesIO(zoomed.screenshot())).convert("RGB")).reshape(-1, 3)
    watch.close()
    background = _luminance([int(BACKGROUNDS[scheme][i:i + 2], 16) for i in (1, 3, 5)])
    behind = np.median(_luminance(pixels))                # most of a figure is background
    assert abs(behind - background) < 0.02, (behind, background)
    lum = _luminance(pixels)
    contrast = (np.maximum(lum, background) + 0.05) / (np.minimum(lum, background) + 0.05)
    assert np.mean(contrast > 4.5) > 0.005                 # labels and lines, legible on it


def _page_background(watch):
    return watch.page.evaluate("() => getComputedStyle(document.body).backgroundColor")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_missing_page_follows_the_theme_and_searches_each_language(browser, base_url, scheme):
    watch = watch_at(browser, base_url, DESKTOP, scheme)
    response = watch.page.goto(f"{base_url}404.html", wait_until="load")
    assert response.status == 200
    r, g, b = (int(v) for v in _page_background(watch).removeprefix("rgb(").rstrip(")").split(",")[:3])
    assert (_luminance([r, g, b]) < 0.05) == (scheme == "dark"), (scheme, r, g, b)
    assert watch.page.locator('article a[href$="/zh/"]').count() and watch.page.locator('article a[href$="/en/"]').count()
    box = watch.page.locator('form[action$="/en/"] input[name="q"]')
    box.fill("dying ReLU")
    box.press("Enter")
    watch.page.wait_for_url("**/en/?q=**")
    search = watch.page.locator("input.md-search__input")
    search.wait_for(timeout=10_000)
    assert search.input_value() == "dying ReLU"
    watch.close()


def test_root_page_works_without_javascript(browser, base_url):
    context = browser.new_context(java_script_enabled=False, locale="en-US")
    page = context.new_page()
    page.goto(base_url, wait_until="load")
    assert page.url == base_url                                  # no redirect without JavaScript
    links = page.locator(".language-choice a")
    assert links.count() == 2 and all(links.nth(i).is_visible() for i in range(2))
    context.close()


def test_no_blank_line_under_a_title(browser, base_url):
    """The hidden permalink of a title must not wrap onto a line of its own."""
    watch = watch_at(browser, base_url, DESKTOP)
    for lang in ("en", "zh"):
        watch.page.goto(f"{base_url}{lang}/{POST}", wait_until="load")
        lines = watch.page.evaluate("""() => {
            const h1 = document.querySelector('article h1');
            const tops = new Set();
            for (const node of h1.childNodes) {               // the title's own text, not its permalink
                if (node.nodeType === 1 && node.classList.contains('headerlink')) continue;
                const range = document.createRange(); range.selectNodeContents(node);
                [...range.getClientRects()].filter(r => r.width > 0).forEach(r => tops.add(Math.round(r.top)));
            }
            const lineHeight = parseFloat(getComputedStyle(h1).lineHeight);
            return {lines: tops.size, height: h1.getBoundingClientRect().height, lineHeight};
        }""")
        assert lines["height"] <= lines["lines"] * lines["lineHeight"] + 2, (lang, lines)
    watch.close()


def test_generated_reference_tables_fit_the_text_column(browser, base_url):
    """Formulas and properties are separate tables so that each fits the column on a desktop,
    as do the tables of gated units and of output functions; each has its caption."""
    watch = watch_at(browser, base_url, DESKTOP)
    for lang in ("zh", "en"):
        watch.page.goto(f"{base_url}{lang}/reference/", wait_until="load")
        settle(watch)
        widths = watch.page.evaluate("""() => [...document.querySelectorAll('article table')].map(t => {
            const box = t.closest('.md-typeset__scrollwrap') || t;
            const caption = t.querySelector('caption');
            return [box.scrollWidth, box.clientWidth, caption && caption.textContent]; })""")
        assert [caption for _, _, caption in widths] == [WORDS[lang]["formulas_caption"], WORDS[lang]["properties_caption"],
                                                         *(GATED_WORDS[lang][key] for key in ("gated_caption", "partials_caption",
                                                                                       "outputs_caption", "stable_caption"))]
        assert all(scroll <= client + 1 for scroll, client, _ in widths), (lang, widths)
    watch.close()


def test_low_precision_threshold_tables_fit_the_text_column(browser, base_url):
    """The two tables of thresholds (six columns, each cell two stacked numbers) fit the column on
    a desktop, as the reference page's tables do; each has its caption."""
    from actsite.pages.low_precision_table import WORDS as THRESHOLD_WORDS
    watch = watch_at(browser, base_url, DESKTOP)
    for lang in ("zh", "en"):
        watch.page.goto(f"{base_url}{lang}/catalogue/low-precision/", wait_until="load")
        settle(watch)
        widths = watch.page.evaluate("""() => [...document.querySelectorAll('article table')].map(t => {
            const box = t.closest('.md-typeset__scrollwrap') || t;
            const caption = t.querySelector('caption');
            return [box.scrollWidth, box.clientWidth, caption && caption.textContent]; })""")
        captions = [caption for _, _, caption in widths]
        assert captions[1:] == [THRESHOLD_WORDS[lang]["value"], THRESHOLD_WORDS[lang]["slope"]], (lang, captions)
        assert all(scroll <= client + 1 for scroll, client, _ in widths), (lang, widths)
    watch.close()


@pytest.mark.parametrize("viewport, layout", [(DESKTOP, "wide"), (PHONE, "phone")])
def test_figures_show_the_layout_measured_for_their_column(browser, base_url, built_site, viewport, layout):
    """Each figure shows one image: on a phone, the stacked layout of a figure that has one.  The
    column is at least as wide as tests/test_figure_checklist.py assumes for its 9 px text, and
    the layout not shown is never fetched."""
    column = PHONE_COLUMN_PX if layout == "phone" else CHECKLIST_COLUMN_PX
    watch = watch_at(browser, base_url, viewport)
    problems, figures = [], 0
    for path in ("en/blog/2019/07/09/neuron-gradients-zigzag/", "zh/catalogue/gated-units/", "en/reference/"):
        watch.page.goto(base_url + path, wait_until="load")
        shown = watch.page.evaluate("""() => [...document.querySelectorAll('figure.site-figure')].map(f => ({
            id: f.id, phone: f.classList.contains('has-phone-layout'),
            width: (box => box.clientWidth - parseFloat(getComputedStyle(box).paddingLeft)
                           - parseFloat(getComputedStyle(box).paddingRight))(f.parentElement),   // the column
            shown: [...f.querySelectorAll('img')].filter(i => i.checkVisibility()).map(i => i.className)}))""")
        figures += len(shown)
        for figure in shown:
            expected = [f"figure-{layout}" if figure["phone"] else "figure-wide"]
            if figure["shown"] != expected or figure["width"] + 1 < column:
                problems.append(f"{path}#{figure['id']}: {figure}")
    other = "-phone-" if layout == "wide" else None
    fetched = [url for url in watch.requested if "/assets/figures/" in url]
    watch.close()
    phone_figures = {spec.name for spec in FIGURES.values() if spec.has_phone_layout}
    wrong = [url for url in fetched if (other and other in url) or
             (other is None and "-phone-" not in url and url.rsplit("/", 1)[1].rsplit("-", 1)[0] in phone_figures)]
    assert figures > 10 and fetched and not problems and not wrong, (problems, wrong)


def computed_styles(browser, base_url, path, selector, prop):
    """{language: the computed ``prop`` of every element matching ``selector``} on ``path`` in both languages."""
    watch = watch_at(browser, base_url, DESKTOP)
    styles = {}
    for lang in ("en", "zh"):
        watch.page.goto(f"{base_url}{lang}/{path}", wait_until="load")
        styles[lang] = watch.page.evaluate(
            "([selector, prop]) => [...document.querySelectorAll(selector)].map(e => getComputedStyle(e)[prop])", [selector, prop])
    watch.close()
    return styles


def test_chinese_captions_are_upright_and_english_ones_keep_the_themes_italics(browser, base_url):
    """A slanted CJK face is a synthetic distortion (reviews final52, final53): Chinese figure captions are upright."""
    styles = computed_styles(browser, base_url, POST, "figure.site-figure figcaption", "fontStyle")
    assert styles["zh"] and set(styles["zh"]) == {"normal"}, styles["zh"]
    assert styles["en"] and set(styles["en"]) == {"italic"}, styles["en"]


def test_chinese_notebook_output_prefers_a_two_column_han_monospace(browser, base_url):
    """A Han character a notebook printed sits in a two-column cell; with a monospace font whose Han glyphs are two
    columns wide the cells close up, so Chinese output asks for one first (review final55, pa).  English output
    keeps the theme's code font."""
    fonts = computed_styles(browser, base_url, "notebooks/zigzag/", ".jupyter-wrapper .jp-OutputArea-output pre", "fontFamily")
    assert fonts["zh"] and all(f.startswith('"Noto Sans Mono CJK SC"') for f in fonts["zh"]), fonts["zh"]
    assert fonts["en"] and not any("CJK" in f for f in fonts["en"]), fonts["en"]
