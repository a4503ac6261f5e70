"""Paired pages: every page has a twin with the same anchors, figures, equations and code."""
from __future__ import annotations

import re

import pytest

from actsite.pages.markers import MARKER
from actsite.pages.page_pairs import ANCHOR, CODE, CONTENT, pages, skeleton, unpaired

PAIRED = sorted(pages("zh") & pages("en"))


def test_every_page_has_a_twin():
    assert unpaired() == {"zh": set(), "en": set()}


def test_there_are_pages_to_compare():
    assert any(p.startswith("blog/posts/") for p in PAIRED)


@pytest.mark.parametrize("page", PAIRED)
@pytest.mark.parametrize("part", ["anchors", "figures", "equations", "code", "meta"])
def test_twins_share_structure(page, part):
    zh, en = skeleton(CONTENT["zh"] / page), skeleton(CONTENT["en"] / page)
    assert getattr(zh, part) == getattr(en, part)


@pytest.mark.parametrize("page", [p for p in PAIRED if p.endswith(".md")])
def test_every_section_heading_has_an_explicit_anchor(page):
    """Section headings (## and deeper) carry `{ #id }`: anchors must not depend on the language."""
    for lang in ("zh", "en"):
        text = (CONTENT[lang] / page).read_text(encoding="utf-8")
        text = CODE.sub("", text)
        headings = [line for line in text.splitlines() if line.startswith("##")]
        missing = [line for line in headings if not ANCHOR.match(line)]
        assert not missing, (lang, missing)


HAN = re.compile(r"[\u4e00-\u9fff]")


@pytest.mark.parametrize("page", [p for p in PAIRED if p.endswith(".md")])
def test_figure_alt_text_and_caption_are_in_the_page_language(page):
    for lang in ("zh", "en"):
        for marker in MARKER.finditer((CONTENT[lang] / page).read_text(encoding="utf-8")):
            for part in ("alt", "caption"):
                text = marker.group(part) or ""
                assert len(text) > 15, (lang, page, marker.group("name"), part, "too short")
                assert bool(HAN.search(text)) == (lang == "zh"), (lang, page, marker.group("name"), part)


@pytest.mark.parametrize("page", [p for p in PAIRED if p.endswith(".md")])
def test_a_numbered_item_after_an_indented_paragraph_starts_a_new_item(page):
    """Python-Markdown reads "2." right after an item's indented continuation paragraph as text of that
    paragraph, so the built list loses its item (the playground's "Three things to try" printed "2." and "3."
    mid-paragraph, review final51, tools): such an item needs a blank line before it."""
    for lang in ("en", "zh"):
        lines = (CONTENT[lang] / page).read_text(encoding="utf-8").splitlines()
        glued = [i + 1 for i in range(1, len(lines)) if re.match(r"(\d+\.|[-*]) ", lines[i])
                 and lines[i - 1].startswith("    ") and not re.match(r"\s*(\d+\.|[-*]) ", lines[i - 1])]
        assert not glued, f"{lang}/{page}: list items glued to the paragraph above at lines {glued}"


def test_twin_code_may_differ_in_its_string_literals_only():
    """A notebook prints in its page's language, so twins' code is compared without the text of its literals."""
    from actsite.pages.page_pairs import code_shape
    assert code_shape('print(f"{label:8} steps {n}")') == code_shape('print(f"{label:4} 步数 {n} 步")')
    assert code_shape('print(f"steps {n}")') != code_shape('print(f"steps {m}")')
    assert code_shape('x = ("a", 1.0)') != code_shape('x = ("a", 2.0)')
    assert code_shape("make serve") == "make serve" != code_shape("make test")      # not Python: as written


ZH_PAGE_LINK = re.compile(r"\[([^\]\[\n]+)\]\([^)\s]+\.md(?:#[^)\s]*)?\)(?=(?:和|、)?(?:\[[^\]]+\]\([^)\s]+\)(?:和|、)?)*[一两三四]页)")


@pytest.mark.parametrize("page", PAIRED)
def test_a_chinese_page_named_as_a_page_is_set_in_title_marks(page):
    """'[《门控单元》](…)一页': a link read as the name of a page (followed by 一页, 两页, …) is a title, in 《》, as on
    the rest of the site (review final52, cb)."""
    text = (CONTENT["zh"] / page).read_text(encoding="utf-8")
    assert [m[0] for m in ZH_PAGE_LINK.finditer(text) if not m[1].startswith("《")] == []


def test_the_title_mark_rule_sees_a_bare_page_name():
    bare = "见[门控单元](gated-units.md)和[输出层](output-layers.md#x)两页，[《整流函数的变体》](rectifiers.md)一页"
    assert [m[1] for m in ZH_PAGE_LINK.finditer(bare)] == ["门控单元", "输出层", "《整流函数的变体》"]
