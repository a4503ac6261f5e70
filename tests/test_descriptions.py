"""Every page states its own description for search results and link previews, in its own language,
and its built page carries that text, escaped once, in ``<meta name="description">``."""
from __future__ import annotations

import re

import jupytext
import pytest
from lxml import html
from markupsafe import Markup
from mkdocs_jupyter.metadata import get_notebook_metadata

from actsite.pages import descriptions
from actsite.pages.page_pairs import CONTENT, front_matter, pages
from conftest import LANGUAGES

CJK = re.compile(r"[\u4e00-\u9fff]")
ENGLISH_PHRASE = re.compile(r"[A-Za-z]+(?: [A-Za-z]+){2,}")
LENGTH = {"en": (60, 170), "zh": (25, 90)}     # characters: what a search result shows before it cuts


def described(lang: str) -> dict[str, str]:
    """Each page's description: a Markdown page's front matter, or a notebook's, which the notebook plugin reads
    from the top of its first Markdown cell."""
    found = {}
    for src in sorted(pages(lang)):
        path = CONTENT[lang] / src
        meta = (get_notebook_metadata(jupytext.read(path), src) if src.endswith(".py")
                else front_matter(path.read_text(encoding="utf-8"), path))
        found[src] = (meta or {}).get("description")
    return found


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_has_a_description_of_its_own(lang):
    found = described(lang)
    assert [src for src, text in found.items() if not text] == []
    low, high = LENGTH[lang]
    assert [(src, len(text)) for src, text in found.items() if not low <= len(text) <= high] == []
    assert len(set(found.values())) == len(found)                  # no two pages share one
    assert all(text.rstrip().endswith({"en": ".", "zh": "。"}[lang]) for text in found.values())


def test_a_chinese_page_is_described_in_chinese():
    """Names stay as written (SwiGLU, float16, hard sigmoid), but no English phrase of three words or more."""
    for src, text in described("zh").items():
        assert len(CJK.findall(text)) >= 15 and not ENGLISH_PHRASE.search(text), (src, text)


def test_the_description_is_escaped_once_and_bad_values_name_the_file():
    meta = descriptions.escaped({"description": 'Softmax & "log-softmax" <b>\n  stably', "title": "x"}, "p.md")
    assert meta["description"] == "Softmax &amp; &#34;log-softmax&#34; &lt;b&gt; stably"
    assert isinstance(meta["description"], Markup) and meta["title"] == "x"
    assert descriptions.escaped(meta, "p.md") == meta                  # a second pass leaves it alone
    assert descriptions.escaped({"title": "x"}, "p.md") == {"title": "x"}
    for bad in ("", "  ", 3, ["a"]):
        with pytest.raises(ValueError, match=r"^docs/en/content/p\.md: front matter 'description'"):
            descriptions.escaped({"description": bad}, "docs/en/content/p.md")


def built_page(site, lang: str, src: str):
    if src.startswith("blog/posts/"):
        slug = front_matter((CONTENT[lang] / src).read_text(encoding="utf-8"), src)["slug"]
        (path,) = (site / lang / "blog").glob(f"20*/**/{slug}/index.html")
        return path
    stem = src.rsplit(".", 1)[0]                                         # pages are .md, notebooks .py
    return site / lang / ("index.html" if stem == "index" else stem.removesuffix("/index") + "/index.html")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_built_page_carries_its_description(built_site, lang):
    for src, text in described(lang).items():
        tree = html.parse(str(built_page(built_site, lang, src)))
        assert tree.xpath('//meta[@name="description"]/@content') == [" ".join(text.split())], src
