"""The built site in a real browser (Playwright driving Chromium, served on 127.0.0.1).

The browser is the one :func:`actsite.tooling.browser.find_chromium` chooses (``$CHROMIUM`` first).
"""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlparse

import pytest

from conftest import LANGUAGES

pytestmark = pytest.mark.browser
POST = "blog/2019/03/14/why-nonlinear-activations/"

# Maths is typeset at build time: every formula is an SVG whose glyphs resolve on the page,
# and no raw TeX is left in the text a reader sees.
MATH_STATE = r"""() => {
  const math = [...document.querySelectorAll('.arithmatex')];
  const uses = [...document.querySelectorAll('mjx-container use')];
  const text = document.body.innerText;
  return {
    total: math.length,
    untypeset: math.filter(el => !el.querySelector('mjx-container > svg')).length,
    unresolved: uses.filter(u => !document.getElementById(u.getAttribute('xlink:href').slice(1))).length,
    empty: [...document.querySelectorAll('mjx-container > svg')].filter(svg => {
      const box = svg.getBoundingClientRect();
      return svg.checkVisibility() && (box.width === 0 || box.height === 0);
    }).length,
    shrunk: [...document.querySelectorAll('.arithmatex mjx-container > svg')].filter(svg =>
      svg.checkVisibility() && svg.getBoundingClientRect().width + 1 < svg.width.baseVal.value).length,
    rawTeX: (text.match(/\\\(|\\\)|\\\[|\\\]|\$\$|\\(?:frac|sigma|mathrm|operatorname|begin)\b/g) || []).slice(0, 5),
    mathjax: typeof window.MathJax !== 'undefined'
      || [...document.scripts].some(s => /mathjax/i.test(s.src) || s.hasAttribute('data-mkdocs-jupyter-mathjax')),
  };
}"""
MATH_CLEAN = {"untypeset": 0, "unresolved": 0, "empty": 0, "shrunk": 0, "rawTeX": [], "mathjax": False}


def maths_problems(state: dict) -> dict:
    return {key: state[key] for key, clean in MATH_CLEAN.items() if state[key] != clean}


class PageWatch:
    """A browser page that records every request to another host, failure and console error."""

    def __init__(self, browser, base_url, color_scheme="light"):
        self.origin = urlparse(base_url).netloc
        self.context = browser.new_context(color_scheme=color_scheme, locale="zh-CN")
        self.page = self.context.new_page()
        self.foreign, self.failed, self.errors, self.requested = [], [], [], []
        self.context.route("**/*", self._route)
        self.page.on("requestfailed", self._failed)
        self.page.on("response", lambda r: r.status >= 400 and self.failed.append(f"{r.url} {r.status}"))
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def _failed(self, request):
        # ERR_ABORTED: the browser dropped a request because the test moved on to the next page
        # (typically the favicon); a missing file shows up as a 4xx response instead.
        if request.failure != "net::ERR_ABORTED":
            self.failed.append(f"{request.url} {request.failure}")

    def _route(self, route):
        self.requested.append(route.request.url)
        if urlparse(route.request.url).netloc != self.origin:
            self.foreign.append(route.request.url)
            return route.abort()
        return route.continue_()

    def address(self) -> str:
        """The address the document holds now. `history.replaceState` changes it at once, while
        Playwright's `page.url` learns of it through an event that may arrive after the next line."""
        return self.page.evaluate("location.href")

    def close(self):
        self.context.close()


SHARDS = 8   # the page-by-page sweeps run as eight tests, so that the xdist workers share them evenly


def site_pages(built_site, shard: int | None = None):
    """Every page of the built site, or every SHARDS-th of them, starting at ``shard``."""
    pages = _all_pages(built_site)
    return pages if shard is None else pages[shard::SHARDS]


def _all_pages(built_site):
    found = []
    for lang in LANGUAGES:
        for path in sorted((built_site / lang).rglob("index.html")):
            if "assets" not in path.parts:
                found.append(path.parent.relative_to(built_site).as_posix() + "/")
    return found


def pages_in(built_site, lang):
    """Every page of the built site in one language."""
    return [path for path in site_pages(built_site) if path.startswith(f"{lang}/")]


def test_the_shards_cover_every_page_once(built_site):
    shards = [site_pages(built_site, shard) for shard in range(SHARDS)]
    assert sorted(sum(shards, [])) == sorted(site_pages(built_site)) and len(site_pages(built_site)) > 40


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_search_index_waits_until_the_reader_reaches_for_search(browser, base_url, lang):
    """A page that is only read never downloads the search index; reaching for search does."""
    watch = PageWatch(browser, base_url)
    watch.page.goto(f"{base_url}{lang}/{POST}", wait_until="load")
    watch.page.mouse.wheel(0, 2000)                       # reading: scrolling, a click in the text
    watch.page.locator("article p").first.click()
    assert not [u for u in watch.requested if "search_index" in u]
    with watch.page.expect_response(lambda r: "search/search_index.json" in r.url and r.ok):
        watch.page.keyboard.press("/")                    # Material's shortcut to the search box
    assert watch.page.locator("html").get_attribute("data-search-index") == "requested"
    watch.close()


@pytest.mark.parametrize("shard", range(SHARDS))
def test_every_page_loads_cleanly_with_typeset_maths(browser, base_url, built_site, shard):
    problems = []
    for scheme in ("light", "dark"):
        watch = PageWatch(browser, base_url, scheme)
        for path in site_pages(built_site, shard):
            watch.page.goto(base_url + path, wait_until="load")
            state = watch.page.evaluate(MATH_STATE)
            if maths_problems(state):
                problems.append(f"{scheme} {path}: maths {maths_problems(state)}")
            watch.page.evaluate("() => window.scrollTo(0, document.body.scrollHeight)")
            broken = watch.page.evaluate("""async () => {
                const visible = [...document.images].filter(img => img.offsetParent !== null);
                visible.forEach(img => { img.loading = 'eager'; });   // figures are lazy: load them all now
                const decoded = Promise.all(visible.map(img => img.decode().catch(() => null)));
                await Promise.race([decoded, new Promise(done => setTimeout(done, 10000))]);
                return visible.filter(img => !(img.complete && img.naturalWidth > 0)).map(img => img.src);
            }""")
            problems += [f"{scheme} {path}: image not loaded {src}" for src in broken]
        problems += [f"{scheme}: MathJax requested {u}" for u in watch.requested
                     if re.search(r"mathjax[^/]*\.js|/mathjax/", u, re.I)]
        problems += [f"{scheme}: request to another host {u}" for u in watch.foreign]
        problems += [f"{scheme}: failed request {u}" for u in watch.failed]
        problems += [f"{scheme}: console error {e}" for e in watch.errors]
        watch.close()
    assert not problems, "\n".join(problems)


def test_post_has_typeset_maths_and_both_theme_figures(browser, base_url):
    for lang in LANGUAGES:
        for scheme in ("light", "dark"):
            watch = PageWatch(browser, base_url, scheme)
            watch.page.goto(f"{base_url}{lang}/{POST}", wait_until="load")
            state = watch.page.evaluate(MATH_STATE)
            assert state["total"] > 5 and not maths_problems(state), state
            shown = watch.page.evaluate("""() => [...document.querySelectorAll('figure.site-figure img')]
                .filter(img => img.offsetParent !== null).map(img => img.getAttribute('src'))""")
            assert shown and all(src.endswith(f"-{scheme}.svg#only-{scheme}") for src in shown), shown
            watch.close()


def test_maths_shows_after_instant_navigation(browser, base_url):
    """The new page's glyphs come with its content: none is missing after a same-document swap."""
    watch = PageWatch(browser, base_url)
    watch.page.goto(f"{base_url}en/blog/", wait_until="load")
    watch.page.evaluate("() => { window.__sameDocument = true; }")
    watch.page.locator(f'.md-post__action a[href$="{POST}"]').first.click()
    watch.page.wait_for_url(f"**/en/{POST}**", wait_until="commit")   # tracking may add a #heading
    watch.page.wait_for_function("() => document.querySelectorAll('.arithmatex mjx-container').length > 5")
    assert watch.page.evaluate("() => window.__sameDocument === true"), "instant navigation did not happen"
    state = watch.page.evaluate(MATH_STATE)
    assert not maths_problems(state), state
    assert not watch.errors
    watch.close()


# Layout shifts whose moving elements are formulas, and formulas whose size changed after the
# document was parsed. (Figures and the theme's language menu may still shift the page.)
MATHS_SHIFTS = """
    window.__mathsShifts = [];
    new PerformanceObserver(list => list.getEntries().forEach(entry => {
        const maths = entry.sources.filter(s => s.node && s.node.nodeType === 1 && s.node.closest('mjx-container'));
        if (maths.length) window.__mathsShifts.push(entry.value);
    })).observe({type: 'layout-shift', buffered: true});
    const sizes = () => [...document.querySelectorAll('mjx-container svg')]
        .map(svg => { const box = svg.getBoundingClientRect(); return `${box.width.toFixed(1)}x${box.height.toFixed(1)}`; });
    document.addEventListener('DOMContentLoaded', () => { window.__parsedSizes = sizes(); });
    window.__resized = () => { const now = sizes(); return now.filter((size, i) => size !== window.__parsedSizes[i]).length; };
"""


def test_maths_needs_no_script_and_shifts_nothing(browser, base_url):
    """The HTML as delivered draws every formula (JavaScript off); with it on, no formula moves
    or changes size once the document is parsed."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{base_url}zh/{POST}", wait_until="load")
    boxes = page.evaluate("""() => [...document.querySelectorAll('article mjx-container > svg')]
        .map(svg => svg.getBoundingClientRect()).map(box => box.width * box.height)""")
    assert len(boxes) > 5 and min(boxes) > 0
    context.close()
    for path in (f"zh/{POST}", "en/reference/", "en/notebooks/zigzag/"):
        watch = PageWatch(browser, base_url)
        watch.page.add_init_script(MATHS_SHIFTS)
        watch.page.goto(base_url + path, wait_until="load")
        watch.page.wait_for_timeout(300)
        assert watch.page.evaluate("() => window.__mathsShifts") == [], path
        assert watch.page.evaluate("() => window.__parsedSizes.length") > 5, path
        assert watch.page.evaluate("() => window.__resized()") == 0, path
        watch.close()


def test_copying_a_formula_copies_its_tex(browser, base_url):
    watch = PageWatch(browser, base_url)
    watch.page.goto(f"{base_url}en/{POST}", wait_until="load")
    copied = watch.page.evaluate("""() => {
        const display = document.querySelector('div.arithmatex mjx-container');
        const paragraph = [...document.querySelectorAll('article p')].find(p => p.querySelector('mjx-container'));
        function copy(range) {
            getSelection().removeAllRanges();
            getSelection().addRange(range);
            const event = new ClipboardEvent('copy', {clipboardData: new DataTransfer(), bubbles: true, cancelable: true});
            document.activeElement.dispatchEvent(event);
            return event.clipboardData.getData('text/plain');
        }
        const whole = document.createRange();
        whole.selectNodeContents(paragraph);
        const inside = document.createRange();               // starts and ends inside the picture
        inside.setStart(display.querySelector('svg g'), 0);
        inside.setEnd(display.querySelector('svg g'), 1);
        return {display: copy(inside), tex: display.dataset.tex, paragraph: copy(whole),
                inline: [...paragraph.querySelectorAll('mjx-container')].map(m => m.dataset.tex)};
    }""")
    assert copied["display"] == f"$$\n{copied['tex']}\n$$"
    for tex in copied["inline"]:
        assert f"${tex}$" in copied["paragraph"]
    assert "\\(" not in copied["paragraph"]
    watch.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_display_maths_stays_inside_a_phone_screen(browser, base_url, built_site, lang):
    """At 390 px every display equation keeps its size and its box fits the viewport: a long
    one scrolls inside the box, which the keyboard can reach."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    problems, scrolling = [], 0
    for path in pages_in(built_site, lang):
        page.goto(base_url + path, wait_until="load")
        found = page.evaluate("""() => [...document.querySelectorAll('div.arithmatex')]
            .filter(box => box.checkVisibility()).map(box => {
                const rect = box.getBoundingClientRect(), svg = box.querySelector('mjx-container > svg');
                return {tex: box.querySelector('mjx-container').dataset.tex.slice(0, 40),
                        left: rect.left, right: rect.right, scrolls: box.scrollWidth > box.clientWidth + 1,
                        focusable: box.tabIndex >= 0,
                        shown: svg.getBoundingClientRect().width, declared: svg.width.baseVal.value};
            })""")
        for box in found:
            if box["left"] < 0 or box["right"] > 390.5:
                problems.append(f"{path}: {box['tex']} spans {box['left']:.0f}..{box['right']:.0f}")
            if box["shown"] + 1 < box["declared"]:
                problems.append(f"{path}: {box['tex']} shrunk to {box['shown']:.0f} of {box['declared']:.0f} px")
            if box["scrolls"] and not box["focusable"]:
                problems.append(f"{path}: {box['tex']} scrolls but the keyboard cannot reach it")
            scrolling += box["scrolls"]
    context.close()
    assert not problems, "\n".join(problems)
    assert scrolling > 0               # the long equations really were wider than the screen


TABLE_FIT = """() => [...document.querySelectorAll('.md-typeset__scrollwrap')].map(wrap => {
    const table = wrap.querySelector('table'), head = table && table.querySelector('th');
    return {head: head ? head.textContent.trim().slice(0, 30) : '', shown: wrap.clientWidth, needs: table ? table.scrollWidth : 0};
})"""


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_table_fits_a_desktop_screen(browser, base_url, built_site, lang):
    """At 1280 x 800, with both sidebars open, no table is wider than the text column: a reader on a
    desktop never has to scroll a table sideways to see its last column.  (On a phone they may.)"""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    problems, seen = [], 0
    for path in pages_in(built_site, lang):
        page.goto(base_url + path, wait_until="load")
        for table in page.evaluate(TABLE_FIT):
            seen += 1
            if table["needs"] > table["shown"] + 1:
                problems.append(f"{path}: table '{table['head']}' needs {table['needs']} px, shows {table['shown']}")
    context.close()
    assert not problems, "\n".join(problems)
    assert seen > 20                   # the sweep really found the site's tables


@pytest.mark.parametrize("source, target", [("zh", "en"), ("en", "zh")])
@pytest.mark.parametrize("page", [POST, "playground/?preset=tanh-large-init&seed=3", "catalogue/rectifiers/#maxout",
                                  "no-such-page/"])
def test_language_selector_keeps_the_page_its_settings_and_its_anchor(browser, base_url, source, target, page):
    """The selector (language.js) opens the twin page with the address's settings and anchor; a page
    without a twin (an address no page has, put in place after loading) gets the other language's home."""
    watch = PageWatch(browser, base_url)
    missing = page == "no-such-page/"
    watch.page.goto(f"{base_url}{source}/{'' if missing else page}", wait_until="load")
    if missing:
        watch.page.evaluate("path => history.replaceState(null, '', path)", f"/{source}/{page}".replace("//", "/"))
    if page.startswith("playground/"):         # the playground writes its full settings into the address
        watch.page.wait_for_function("location.search.includes('act=')", timeout=60_000)
    before = watch.page.url
    assert missing or before.startswith(f"{base_url}{source}/{page.split('?')[0].split('#')[0]}"), before
    expected = f"{base_url}{target}/" if missing else before.replace(f"{base_url}{source}/", f"{base_url}{target}/", 1)
    watch.page.locator(f'.md-select a[hreflang="{target}"]').dispatch_event("click")
    # the twin's HTML is enough (its figures and scripts may take long on a busy machine): wait for its DOM only
    watch.page.wait_for_url(expected, wait_until="domcontentloaded", timeout=60_000)
    assert watch.page.url == expected and watch.page.evaluate("document.documentElement.lang") == target
    if "?" in page:                             # the twin read the settings: rewriting them changed nothing
        watch.page.wait_for_timeout(500)
        assert watch.page.evaluate("location.search") == before[before.index("?"):]
    watch.close()


@pytest.mark.parametrize("locale, lang", [("en-US", "en"), ("zh-CN", "zh"), ("fr-FR", "zh")])
def test_root_redirects_to_the_readers_language(browser, base_url, locale, lang):
    context = browser.new_context(locale=locale)
    page = context.new_page()
    page.goto(base_url)
    page.wait_for_url(f"{base_url}{lang}/")
    context.close()


AXE = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"
AXE_RUN = """async () => {
  const result = await axe.run(document, {resultTypes: ['violations']});
  return result.violations.filter(v => ['serious', 'critical'].includes(v.impact))
    .map(v => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')}`);
}"""


@pytest.mark.parametrize("shard", range(SHARDS))
def test_no_serious_accessibility_violations(browser, base_url, built_site, shard):
    problems = []
    for scheme in ("light", "dark"):
        watch = PageWatch(browser, base_url, scheme)
        for path in site_pages(built_site, shard):
            watch.page.goto(base_url + path, wait_until="load")
            watch.page.add_script_tag(path=str(AXE))
            problems += [f"{scheme} {path}: {v}" for v in watch.page.evaluate(AXE_RUN)]
        watch.close()
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang, query", [("en", "sigmoid"), ("zh", "导数"), ("en", "derivative")])
def test_search_results_show_no_tex(browser, base_url, lang, query):
    watch = PageWatch(browser, base_url)
    first_search_result(watch, base_url, lang, query)
    texts = watch.page.locator(".md-search-result__item").all_inner_texts()
    assert texts
    raw = [t for t in texts if re.search(r"\\[()\[\]]|\$|\\(frac|sigma|mathrm|begin)\b", t)]
    assert not raw, raw[:3]
    watch.close()


def test_keyboard_reaches_search_and_language_selector(browser, base_url):
    watch = PageWatch(browser, base_url)
    watch.page.goto(f"{base_url}en/", wait_until="load")
    reached = set()
    for _ in range(60):
        watch.page.keyboard.press("Tab")
        reached.add(watch.page.evaluate("""() => {
            const el = document.activeElement;
            if (el.matches('.md-search__input, [for="__search"]')) return 'search';
            if (el.closest('.md-select') ) return 'language';
            return el.tagName;
        }"""))
        if {"search", "language"} <= reached:
            break
    assert {"search", "language"} <= reached, reached
    watch.close()


SEARCHES = [  # (language, query, slug of the page that must come first)
    ("zh", "梯度消失", "when-gradients-vanish"),
    ("zh", "死亡", "dead-relu-units"),
    ("zh", "稀疏", "relu-sparsity-biology"),
    ("zh", "全正输入", "neuron-gradients-zigzag"),
    ("zh", "初始化", "initialisation"),
    ("zh", "GELU", "smooth-gates"),
    ("en", "vanishing gradient", "when-gradients-vanish"),
    ("en", "dying ReLU", "dead-relu-units"),
    ("en", "Leaky", "dead-relu-units"),
    ("en", "sparsity", "relu-sparsity-biology"),
    ("en", "zig-zag", "neuron-gradients-zigzag"),
    ("en", "GELU", "smooth-gates"),
]


def first_search_result(watch: PageWatch, base_url: str, lang: str, query: str) -> str:
    watch.page.goto(f"{base_url}{lang}/", wait_until="load")
    box = watch.page.locator("input.md-search__input")
    box.click()
    box.fill(query)
    box.press("End")              # Material searches on key events; fill() alone sends none
    first = watch.page.locator(".md-search-result__item a").first
    first.wait_for(timeout=10_000)
    return first.get_attribute("href")


@pytest.mark.parametrize("lang, query, slug", SEARCHES)
def test_search_puts_the_right_article_first(browser, base_url, lang, query, slug):
    watch = PageWatch(browser, base_url)
    href = first_search_result(watch, base_url, lang, query)
    assert f"/{slug}/" in href, f"{lang} search for {query!r}: first result {href}"
    assert not watch.errors
    watch.close()


def test_print_keeps_figures_and_maths_and_drops_navigation(browser, base_url):
    watch = PageWatch(browser, base_url)
    watch.page.goto(f"{base_url}en/{POST}", wait_until="load")
    watch.page.emulate_media(media="print")
    visible = watch.page.evaluate("""() => ({
        figures: [...document.querySelectorAll('figure.site-figure img')].filter(i => i.offsetParent).length,
        maths: [...document.querySelectorAll('mjx-container')].filter(m => m.getBoundingClientRect().width > 0).length,
        header: !!document.querySelector('.md-header').offsetParent,
        sidebar: [...document.querySelectorAll('.md-sidebar')].some(s => s.offsetParent),
    })""")
    assert visible["figures"] > 0 and visible["maths"] > 5, visible
    assert not visible["header"] and not visible["sidebar"], visible
    watch.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_clicking_a_figure_zooms_the_variant_of_the_current_theme(browser, base_url, scheme):
    watch = PageWatch(browser, base_url, scheme)
    watch.page.goto(f"{base_url}en/{POST}", wait_until="load")
    watch.page.locator("figure.site-figure a.glightbox:visible").first.click()
    zoomed = watch.page.locator(".gslide.current img")
    zoomed.wait_for(timeout=5_000)
    assert zoomed.get_attribute("src").endswith(f"-{scheme}.svg#only-{scheme}")
    watch.page.keyboard.press("Escape")
    assert not watch.errors and not watch.failed
    watch.close()


def test_notebook_code_cells_have_a_copy_button(browser, base_url):
    """Material adds .md-clipboard to fenced code; mkdocs-jupyter gives each code cell its own button."""
    watch = PageWatch(browser, base_url)
    watch.page.goto(f"{base_url}en/notebooks/relu-square/", wait_until="load")
    counts = watch.page.evaluate("""() => ({
        cells: document.querySelectorAll('.highlight-ipynb').length,
        buttons: document.querySelectorAll('clipboard-copy[aria-label], .md-clipboard').length})""")
    assert counts["cells"] > 0 and counts["buttons"] >= counts["cells"], counts
    watch.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_notebooks_show_no_english_cell_prompts(browser, base_url, lang):
    """Jupyter's "In [1]:" / "Out[1]:" prompts are English labels: no notebook page shows them."""
    watch = PageWatch(browser, base_url)
    watch.page.goto(f"{base_url}{lang}/notebooks/relu-square/", wait_until="load")
    assert watch.page.locator(".jp-Cell .jp-InputPrompt").count() > 0          # the notebook's markup has them
    shown = watch.page.evaluate("""() => [...document.querySelectorAll('.jp-InputPrompt, .jp-OutputPrompt')]
        .filter(e => e.getClientRects().length > 0 && e.innerText.trim()).map(e => e.innerText.trim())""")
    assert shown == [], shown
    watch.close()


def test_chinese_printed_output_keeps_its_columns(browser, base_url):
    """Each wide character a notebook printed fills exactly two monospace columns, as the padding
    of its tables assumes, so the columns of the printed tables line up on the page."""
    watch = PageWatch(browser, base_url)
    watch.page.goto(f"{base_url}zh/notebooks/gradient-depth/", wait_until="load")
    widths = watch.page.evaluate("""() => [...document.querySelectorAll('.jp-OutputArea-output pre')].flatMap(pre => {
        const probe = document.createElement('span');
        probe.textContent = '0000000000';
        pre.appendChild(probe);
        const column = probe.getBoundingClientRect().width / 10;
        probe.remove();
        return [...pre.querySelectorAll('span.wide')].map(cell => cell.getBoundingClientRect().width / column);
    })""")
    assert len(widths) > 20 and all(abs(w - 2) < 0.01 for w in widths), widths[:10]
    watch.close()


# Layout, zoom, 404 and explorer checks are written in their own modules and collected here, so
# that they share this module's browser and server (a second Playwright instance cannot start).
from browser_explorer import (  # noqa: E402,F401
    test_chart_text_is_legible_on_a_phone, test_checkboxes_answer_the_keyboard, test_each_function_keeps_its_palette_colour,
    test_explorer_slider_draws_the_registry_curve, test_sliders_follow_the_ticked_functions_and_state_is_in_the_address,
    test_the_legend_hides_no_curve_and_negative_values_carry_a_minus_sign)
from browser_cjk_lines import test_no_rendered_chinese_line_starts_with_punctuation  # noqa: E402,F401
from browser_layout import (  # noqa: E402,F401
    test_generated_reference_tables_fit_the_text_column, test_low_precision_threshold_tables_fit_the_text_column,
    test_missing_page_follows_the_theme_and_searches_each_language, test_no_blank_line_under_a_title,
    test_no_page_is_wider_than_a_phone, test_root_page_works_without_javascript,
    test_figures_show_the_layout_measured_for_their_column, test_zoomed_figure_sits_on_its_themes_background,
    test_chinese_captions_are_upright_and_english_ones_keep_the_themes_italics,
    test_chinese_notebook_output_prefers_a_two_column_han_monospace)
