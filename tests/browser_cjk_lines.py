"""In the browser, no rendered line of a Chinese page starts with 「，。；：」.

Runs on every Chinese page with inline maths, at a phone's width and a desktop's.  Collected by
tests/test_browser.py, so that it shares that module's browser and server.
"""
from __future__ import annotations

import pytest


# Each text node that starts with closing punctuation, compared with what precedes it on the page:
# if it sits left of that and lower, the line broke before the punctuation.
LINE_STARTS = r"""async () => {
  if (window.MathJax && MathJax.startup && MathJax.startup.promise) await MathJax.startup.promise;
  const found = [];
  const walker = document.createTreeWalker(document.querySelector('article') || document.body,
                                           NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent;
    if (!text || !'，。；：'.includes(text[0]) || node.parentElement.closest('mjx-container, code, pre')) continue;
    let before = node.previousSibling, up = node;
    while (!before && up.parentElement) { up = up.parentElement; before = up.previousSibling; }
    if (!before) continue;
    const range = document.createRange();
    range.setStart(node, 0); range.setEnd(node, 1);
    let rects;
    if (before.nodeType === 1) rects = before.getClientRects();
    else { const r = document.createRange(); r.selectNodeContents(before); rects = r.getClientRects(); }
    const mark = range.getClientRects()[0], last = rects[rects.length - 1];
    if (mark && last && mark.left < last.left && mark.top > last.top + 4)
      found.push((before.textContent || '').slice(-15) + ' | ' + text.slice(0, 15));
  }
  return found;
}"""

PAGES = [
    "zh/blog/2019/03/14/why-nonlinear-activations/",
    "zh/blog/2019/03/15/when-gradients-vanish/",
    "zh/blog/2019/07/09/neuron-gradients-zigzag/",
    "zh/blog/2019/07/20/from-linear-to-nonlinear/",
    "zh/blog/2019/07/20/dead-relu-units/",
    "zh/blog/2016/03/22/relu-sparsity-biology/",
    "zh/blog/2026/11/23/initialisation/",
    "zh/catalogue/rectifiers/",
    "zh/catalogue/smooth-gates/",
    "zh/catalogue/hard-and-cheap/",
]


@pytest.mark.parametrize("width,height", [(390, 844), (1280, 800)])
def test_no_rendered_chinese_line_starts_with_punctuation(browser, base_url, width, height):
    page = browser.new_page(viewport={"width": width, "height": height})
    found = {}
    for path in PAGES:
        page.goto(base_url + path)
        page.wait_for_load_state("load")
        lines = page.evaluate(LINE_STARTS)
        if lines:
            found[path] = lines
    page.close()
    assert found == {}
