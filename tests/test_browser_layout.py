"""What a reader sees, measured in the browser: nothing wider than a phone's screen, a zoomed
figure legible in the dark theme, tables that fit the text column."""
from __future__ import annotations

import pytest

from conftest import LANGUAGES
from test_browser import MATH_STATE, PageWatch, base_url, browser, site_pages  # noqa: F401 - fixtures

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}


def watch_at(browser, base_url, viewport, scheme="light"):  # noqa: F811 - the imported fixtures
    watch = PageWatch(browser, base_url, scheme)
    watch.page.set_viewport_size(viewport)
    return watch


def settle(watch):
    """Typeset maths and a mounted explorer: the layout a reader ends up with."""
    watch.page.evaluate(MATH_STATE)
    if watch.page.locator(".activation-explorer").count():
        watch.page.wait_for_selector('.activation-explorer[data-ready="yes"]', timeout=10_000)


WIDEST = """() => {
  const limit = document.documentElement.clientWidth;
  const wide = [...document.querySelectorAll('body *')].filter(el => {
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.right > limit + 1 && !el.closest('.md-sidebar, [hidden]')
      && getComputedStyle(el).visibility !== 'hidden';
  });
  // report the outermost offenders only
  const outer = wide.filter(el => !wide.includes(el.parentElement));
  return {scroll: document.documentElement.scrollWidth, limit,
          culprits: outer.slice(0, 4).map(el => el.tagName.toLowerCase() + '.' + [...el.classList].join('.')
            + ' ' + Math.round(el.getBoundingClientRect().right))};
}"""


def test_no_page_is_wider_than_a_phone(browser, base_url, built_site):  # noqa: F811
    watch = watch_at(browser, base_url, PHONE)
    problems, pages = [], site_pages(built_site)
    for path in pages:
        watch.page.goto(base_url + path, wait_until="networkidle")
        settle(watch)
        found = watch.page.evaluate(WIDEST)
        if found["scroll"] > found["limit"]:
            problems.append(f"{path}: {found['scroll']} px wide at {found['limit']} px: {found['culprits']}")
    watch.close()
    assert len(pages) > 40 and not problems, "\n".join(problems)
