"""The built site (one strict build per session): inventories, links to assets, no foreign hosts."""
from __future__ import annotations

from urllib.parse import unquote, urljoin, urlparse

import pytest
from lxml import html

from actsite.figures.registry import FIGURES
from actsite.pages.page_pairs import CONTENT, pages
from conftest import LANGUAGES

ASSET_ATTRIBUTES = {"img": "src", "script": "src", "link": "href"}


def page_files(site, lang):
    return sorted(p for p in (site / lang).rglob("*.html") if "assets" not in p.parts)


def test_root_sends_readers_to_a_language(built_site):
    text = (built_site / "index.html").read_text(encoding="utf-8")
    assert 'location.replace(english ? "en/" : "zh/")' in text


def test_root_page_without_javascript_links_both_languages_with_a_description(built_site):
    items = html.parse(str(built_site / "index.html")).xpath('//ul[@class="language-choice"]/li')
    assert [(li.get("lang"), li.xpath("a/@href")[0]) for li in items] == [("zh", "zh/"), ("en", "en/")]
    for li in items:
        assert len(li.text_content()) > 40        # the link and a one-line description


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_source_page_is_built(built_site, lang):
    for src in pages(lang):
        if src.startswith("blog/posts/"):
            continue                     # posts are placed by date; checked below
        stem = src.rsplit(".", 1)[0]        # pages are .md, notebooks .py
        target = "index.html" if src == "index.md" else stem.removesuffix("/index") + "/index.html"
        assert (built_site / lang / target.replace("index/index.html", "index.html")).exists(), src


def test_posts_have_the_same_path_in_both_languages(built_site):
    zh = {p.relative_to(built_site / "zh") for p in (built_site / "zh" / "blog").glob("20*/**/index.html")}
    en = {p.relative_to(built_site / "en") for p in (built_site / "en" / "blog").glob("20*/**/index.html")}
    assert zh and zh == en


@pytest.mark.parametrize("lang", LANGUAGES)
def test_local_assets_resolve_and_nothing_comes_from_another_host(built_site, lang):
    for page in page_files(built_site, lang):
        tree = html.parse(str(page))
        base = "http://site.test/" + page.relative_to(built_site).as_posix()
        for tag, attribute in ASSET_ATTRIBUTES.items():
            for element in tree.iter(tag):
                value = element.get(attribute)
                if not value or (tag == "link" and element.get("rel") not in
                                 ("stylesheet", "icon", "preload", "modulepreload", "manifest")):
                    continue
                url = urlparse(urljoin(base, value))
                assert url.netloc == "site.test", f"{page}: {tag} loads {value} from another host"
                target = built_site / unquote(url.path).lstrip("/")
                assert target.exists(), f"{page}: {tag} {attribute}={value} does not exist"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_figure_is_shown_in_both_themes(built_site, lang):
    shown = set()
    for page in page_files(built_site, lang):
        for img in html.parse(str(page)).iter("img"):
            src = img.get("src", "")
            if "/assets/figures/" in src:
                shown.add(src.rsplit("/", 1)[1].split("#")[0])
                assert img.get("alt"), f"{page}: figure without alt text"
    expected = {f for spec in FIGURES.values() for f in spec.filenames()}
    assert shown == expected


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_page_loads_mathjax_or_a_cdn(built_site, lang):
    assert not (built_site / lang / "assets" / "mathjax").exists()
    for page in page_files(built_site, lang):
        text = page.read_text(encoding="utf-8")
        assert "cdn.jsdelivr.net" not in text and "fonts.googleapis.com" not in text, page
        assert "data-mkdocs-jupyter-mathjax" not in text and "MathJax-script" not in text, page
        scripts = [s.get("src", "") for s in html.parse(str(page)).iter("script")]
        assert not [s for s in scripts if "mathjax" in s.lower()], page


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_formula_is_typeset_with_its_glyphs_on_the_page(built_site, lang):
    """Raw TeX left in a page would show as \\( … \\) to the reader; a glyph referenced but not
    defined on the page would be an invisible gap after instant navigation."""
    typeset_pages = 0
    for page in page_files(built_site, lang):
        tree = html.parse(str(page))
        for wrapper in tree.xpath('//*[contains(concat(" ", @class, " "), " arithmatex ")]'):
            assert wrapper.xpath(".//mjx-container"), f"{page}: untypeset {wrapper.text_content()[:80]!r}"
        text = "".join(tree.xpath("//article//text()[not(ancestor::code) and not(ancestor::pre)]"))
        for raw in ("\\(", "\\[", "\\frac", "$$"):
            assert raw not in text, f"{page}: raw TeX {raw!r} in the text"
        used = {use.get("xlink:href") for use in tree.xpath("//mjx-container//use")}
        defined = {f"#{i}" for i in tree.xpath("//svg[@class='maths-glyphs']//path/@id")}
        assert used <= defined, f"{page}: glyphs not defined {sorted(used - defined)[:5]}"
        typeset_pages += bool(used)
    assert typeset_pages >= 15            # the check saw the articles, catalogue, reference, notebooks


@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_index_holds_no_tex(built_site, lang):
    import json
    import re
    index = json.loads((built_site / lang / "search" / "search_index.json").read_text(encoding="utf-8"))
    tex = re.compile(r"\\[()\[\]]|\$\$|\\(frac|sigma|mathrm|operatorname|begin)\b|\$[^$\s][^$]*\$")
    found = [(doc["location"], m.group(0)) for doc in index["docs"]
             for m in [tex.search(doc["title"] + " " + doc["text"])] if m]
    assert not found, found[:10]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_blog_lists_archive_and_tags(built_site, lang):
    blog = built_site / lang / "blog"
    assert (blog / "index.html").exists()
    assert list((blog / "archive").glob("*/index.html"))
    assert list((blog / "category").glob("*/index.html"))
    tags = (built_site / lang / "tags" / "index.html").read_text(encoding="utf-8")
    assert "ReLU" in tags


def test_sitemaps_use_each_language_prefix(built_site):
    for lang in LANGUAGES:
        sitemap = (built_site / lang / "sitemap.xml").read_text(encoding="utf-8")
        assert f"/{lang}/blog/" in sitemap


@pytest.mark.parametrize("lang", LANGUAGES)
def test_articles_show_when_they_were_last_updated(built_site, lang):
    for page in (built_site / lang / "blog").glob("20*/**/index.html"):
        dates = html.parse(str(page)).xpath('//*[contains(@class, "git-revision-date-localized-plugin-date")]')
        assert dates and dates[0].text_content().strip(), f"{page}: no last-updated date"


def test_make_serve_serves_at_the_root_of_its_dev_address():
    """mkdocs serve serves under site_url's path: `make serve` must point site_url at itself."""
    import re
    from conftest import ROOT
    recipe = (ROOT / "Makefile").read_text(encoding="utf-8").split("\nserve:")[1].split("\n\n")[0]
    address = re.search(r"--dev-addr (\S+)", recipe).group(1)
    assert f"SITE_URL=http://{address}/ " in recipe


def _cells(row) -> int:
    return sum(int(cell.get("colspan", "1")) for cell in row.xpath("th|td"))


def _text_outside_maths(element) -> str:
    """The text a reader sees as prose: maths, code and scripts left out."""
    parts = [element.text or ""] if element.tag not in ("script", "style") else []
    for child in element:
        classes = (child.get("class") or "").split()
        if not ("arithmatex" in classes or child.tag in ("code", "pre", "script", "style")):
            parts.append(_text_outside_maths(child))
        parts.append(child.tail or "")
    return "".join(parts)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_table_row_is_whole_and_no_tex_leaks_outside_maths(built_site, lang):
    """A formula that splits a Markdown row shows raw TeX and shifts every later cell."""
    problems, tables = [], 0
    for page in page_files(built_site, lang):
        for article in html.parse(str(page)).xpath('//article[contains(@class, "md-content__inner")]'):
            for table in article.iter("table"):
                tables += 1
                rows = table.xpath("thead/tr|tbody/tr|tr")
                width = _cells(rows[0])
                problems += [f"{page}: row {i} has {_cells(row)} cells, header {width}"
                             for i, row in enumerate(rows) if _cells(row) != width]
            text = _text_outside_maths(article)
            problems += [f"{page}: raw TeX {mark!r} outside maths near {text[text.index(mark) - 40:][:80]!r}"
                         for mark in ("$", "\\(", "\\[") if mark in text]
    assert tables > 5 and not problems, "\n".join(problems)


def test_chinese_notebook_pages_show_no_english_button_text(built_site):
    pages = sorted((built_site / "zh" / "notebooks").glob("*/index.html"))
    assert pages
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert "Copy to Clipboard" not in text and "Copied!" not in text, page
        assert "复制到剪贴板" in text and "已复制" in text, page


@pytest.mark.parametrize("lang", LANGUAGES)
def test_what_a_notebook_cell_prints_shows_in_one_box(built_site, lang):
    """A cell's printed lines arrive from the kernel in pieces when a slow line runs between two
    prints; the page still shows them in one output box, so no printed table is cut in two."""
    pages = sorted((built_site / lang / "notebooks").glob("*/index.html"))
    assert pages
    split = []
    for page in pages:
        tree = html.fromstring(page.read_text(encoding="utf-8"))
        for number, area in enumerate(tree.xpath('//div[contains(@class, "jp-OutputArea") and '
                                                 'contains(@class, "jp-Cell-outputArea")]'), 1):
            printed = area.xpath('./div[@class="jp-OutputArea-child"]'
                                 '/div[contains(@class, "jp-RenderedText")][@data-mime-type="text/plain"]')
            if len(printed) > 1:
                split.append(f"{page.parent.name}: output {number} in {len(printed)} boxes, the second "
                             f"starting {printed[1].text_content().strip()[:40]!r}")
    assert not split, "\n".join(split)
