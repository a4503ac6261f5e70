"""A site with a path, on the built site: the home page links every article in reading order,
posts link to their neighbours, each language has a feed listing every post, categories have
the same paths in both languages, references can be followed, and a Chinese reader meets no
English in the page furniture."""
from __future__ import annotations

import json
import re
from urllib.parse import urljoin, urlparse

import pytest
import yaml
from lxml import etree, html

from actsite.maths.catalogue import EVERY
from actsite.maths.gated import GATED
from actsite.maths.output_layers import OUTPUTS
from actsite.pages.page_pairs import CONTENT, DOCS, front_matter
from actsite.pages.reading_order import ORDER
from conftest import LANGUAGES

POST_SLUGS = [src.rsplit("/", 1)[1].removesuffix(".md") for src in ORDER if src.startswith("blog/posts/")]
HOST = "http://site.test/"
# Pages whose reference lists this test holds to "every reference has a link" (the style in README,
# "Adding a page"): every page with a reference list.
LINKED_REFERENCES = ("reference/", "guide/", "catalogue/rectifiers/", "catalogue/smooth-gates/",
                     "catalogue/hard-and-cheap/", "catalogue/gated-units/", "catalogue/output-layers/",
                     "catalogue/low-precision/",
                     "catalogue/transformer-block/",
                     "blog/2019/03/14/why-nonlinear-activations/", "blog/2019/03/15/when-gradients-vanish/",
                     "blog/2016/03/22/relu-sparsity-biology/", "blog/2019/07/09/neuron-gradients-zigzag/",
                     "blog/2019/07/20/from-linear-to-nonlinear/", "blog/2019/07/20/dead-relu-units/",
                     "blog/2026/11/23/initialisation/")
# Latin-script words a Chinese page may show outside code and maths: proper names and symbols.
ALLOWED_PHRASES = ("Leaky ReLU", "hard sigmoid", "hard tanh", "Hard sigmoid", "Hard tanh", "CC BY-SA", "dL/dw_out",
                   "dL/dw", "dL/db")
ALLOWED_WORDS = {"English", "RSS", "JSON", "MIT", "UTC", "GitHub", "Xavier", "He", "LeCun", "Glorot", "Kaiming",
                 "Z", "SGD", "max", "exp", "log", "erf", "sigmoid", "tanh",
                 "Transformer", "MLP", "CNN", "PyTorch", "Shazeer", "logit", "logits", "arXiv", "ICML",
                 "Dauphin", "Fan", "Auli", "Grangier", "Bridle", "Hinton", "Vinyals", "Dean", "Mnih",   # cited authors
                 "torch", "nn", "LogSoftmax", "LogSigmoid", "BCEWithLogitsLoss", "logsumexp",  # library names
                 "logistic",   # a term of art kept in Chinese writing ("logistic 回归"), like sigmoid
                 "float", "bfloat", "FP", "numpy"}   # number formats (float16, bfloat16, FP8) and a library, by name


def parse(path):
    return html.parse(str(path)).getroot()


def links(page, site):
    base = HOST + page.relative_to(site).as_posix()
    return [urlparse(urljoin(base, a.get("href"))).path for a in parse(page).iter("a") if a.get("href")]


def post_pages(site, lang):
    return {p.parent.name: p for p in (site / lang / "blog").glob("20*/*/*/*/index.html")}


def test_reading_order_covers_every_post():
    posts = {p.stem for p in (CONTENT["en"] / "blog" / "posts").glob("*.md")}
    assert set(POST_SLUGS) == posts


def nav_pages(entries) -> list[str]:
    """Every page path of a MkDocs nav, in order."""
    out = []
    for entry in entries:
        values = entry.values() if isinstance(entry, dict) else [entry]
        for value in values:
            out += nav_pages(value) if isinstance(value, list) else [value] if isinstance(value, str) else []
    return out


@pytest.mark.parametrize("lang", LANGUAGES)
def test_home_page_lists_every_catalogue_page_in_reading_and_navigation_order(lang):
    catalogue = [src for src in ORDER if src.startswith("catalogue/")]
    config = yaml.load((DOCS / lang / "mkdocs.yml").read_text(encoding="utf-8"), Loader=TagBlindLoader)
    assert [src for src in nav_pages(config["nav"]) if src.startswith("catalogue/")] == catalogue
    assert sorted(catalogue) == sorted(p.relative_to(CONTENT[lang]).as_posix()
                                       for p in (CONTENT[lang] / "catalogue").glob("*.md"))
    tools = (CONTENT[lang] / "index.md").read_text(encoding="utf-8").split("{ #tools }", 1)[1]
    listed = re.findall(r"^\d+\. \[[^\]]+\]\((catalogue/[\w-]+\.md)\)", tools, re.M)
    assert listed == catalogue


@pytest.mark.parametrize("lang", LANGUAGES)
def test_home_page_links_every_article_in_reading_order(built_site, lang):
    home = built_site / lang / "index.html"
    posts = post_pages(built_site, lang)
    assert set(posts) == set(POST_SLUGS)
    linked = set(links(home, built_site))
    for slug, page in posts.items():
        assert "/" + page.parent.relative_to(built_site).as_posix() + "/" in linked, slug
    # the reading order is one numbered card per article, with its picture (not a list and a grid twice)
    cards = parse(home).xpath('//h2[@id="start-here"]/following-sibling::div[contains(@class, "cards")][1]/ul/li')
    start = [card.xpath(".//strong/a/@href")[0] for card in cards]
    assert [href.rstrip("/").rsplit("/", 1)[1] for href in start] == POST_SLUGS
    assert [card.xpath("string(.//strong)").split(".")[0] for card in cards] == [str(n) for n in range(1, 8)]
    assert not parse(home).xpath('//h2[@id="start-here"]/following-sibling::ol[preceding-sibling::h2[1][@id="start-here"]]')
    # the catalogue's seven pages, under the next heading, are one numbered list 1-7 (not a nested a-g list)
    catalogue = parse(home).xpath('//h2[@id="tools"]/following-sibling::ol[1]/li')
    assert len(catalogue) == 7 and not parse(home).xpath('//h2[@id="tools"]/following-sibling::ul/li/ol')


@pytest.mark.parametrize("lang", LANGUAGES)
def test_articles_page_lists_the_reading_order_before_the_newest_first_listing(built_site, lang):
    """The blog's index shows posts newest first (Material's order), so it opens with the reading order."""
    page = parse(built_site / lang / "blog" / "index.html")
    items = page.xpath('//h1[@id="articles"]/following-sibling::ol[1]/li')
    hrefs = [item.xpath("./a/@href")[0] for item in items]
    assert [href.rstrip("/").rsplit("/", 1)[1] for href in hrefs] == POST_SLUGS
    titles = [item.xpath("string(./a)") for item in items]
    posts = post_pages(built_site, lang)
    assert titles == [parse(posts[slug]).xpath("string(//article//h1)").rstrip("¶").strip() for slug in POST_SLUGS]
    listing = page.xpath('//article[contains(@class, "md-post")]')
    assert len(listing) == len(POST_SLUGS) and page.xpath('//ol/following::article')


def test_only_english_posts_show_a_reading_time(built_site):
    """Material counts words by splitting at non-word characters, so a clause of Han characters is one
    'word' and a Chinese post's time came out half its English twin's: the Chinese site shows none."""
    for slug, page in post_pages(built_site, "en").items():
        assert re.search(r"\b\d+ min read\b", page.read_text(encoding="utf-8")), slug
    for slug, page in post_pages(built_site, "zh").items():
        assert "阅读时间" not in page.read_text(encoding="utf-8"), slug


@pytest.mark.parametrize("lang", LANGUAGES)
def test_home_page_links_catalogue_reference_explorer_notebooks_and_repository(built_site, lang):
    home = built_site / lang / "index.html"
    linked = set(links(home, built_site))
    for target in ("catalogue/rectifiers/", "catalogue/smooth-gates/", "catalogue/hard-and-cheap/",
                   "reference/", "explorer/", "notebooks/relu-square/", "notebooks/gradient-depth/",
                   "notebooks/zigzag/", "notebooks/dead-relu/", "notebooks/training-speed/"):
        assert f"/{lang}/{target}" in linked, target
    hrefs = parse(home).xpath("//a/@href")
    assert "https://github.com/activation-functions/activation-functions" in hrefs
    cards = parse(home).xpath('//div[contains(@class, "grid") and contains(@class, "cards")]//img')
    assert len(cards) == 2 * len(POST_SLUGS) and all(img.get("alt") for img in cards)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_posts_link_to_their_neighbours_along_the_reading_order(built_site, lang):
    posts = post_pages(built_site, lang)
    for i, slug in enumerate(POST_SLUGS):
        tree = parse(posts[slug])
        nav = tree.xpath('//nav[contains(@class, "reading-order")]')
        assert len(nav) == 1, slug
        dated = tree.xpath('//nav[contains(@class, "md-footer__inner")]')          # Material's, by date
        assert all(n.get("hidden") is not None for n in dated), slug                 # one order only
        hrefs = [urlparse(urljoin(HOST + posts[slug].relative_to(built_site).as_posix(), h)).path
                 for h in nav[0].xpath(".//a/@href")]
        expected = ([f"/{lang}/blog/" + posts[POST_SLUGS[i - 1]].parent.relative_to(built_site / lang / "blog").as_posix() + "/"]
                    if i else [])
        nxt = ORDER[ORDER.index(f"blog/posts/{slug}.md") + 1]
        expected += ["/" + (posts[nxt.rsplit("/", 1)[1][:-3]].parent.relative_to(built_site).as_posix()
                            if nxt.startswith("blog/posts/") else f"{lang}/{nxt[:-3]}") + "/"]
        assert hrefs == expected, slug


@pytest.mark.parametrize("lang", LANGUAGES)
def test_feed_lists_every_post_with_its_date(built_site, lang):
    feed = etree.parse(str(built_site / lang / "feed_rss_created.xml"))
    items = {urlparse(i.findtext("link")).path.rstrip("/").rsplit("/", 1)[1]: i.findtext("pubDate")
             for i in feed.iter("item")}
    assert set(items) == set(POST_SLUGS)
    for slug in POST_SLUGS:
        path = CONTENT[lang] / "blog" / "posts" / f"{slug}.md"
        date = front_matter(path.read_text(encoding="utf-8"), path)["date"]
        assert date.strftime("%d %b %Y") in items[slug], slug
    entries = json.loads((built_site / lang / "feed_json_created.json").read_text(encoding="utf-8"))["items"]
    assert len(entries) == len(POST_SLUGS)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_blog_index_links_the_feeds(built_site, lang):
    hrefs = links(built_site / lang / "blog" / "index.html", built_site)
    assert f"/{lang}/feed_rss_created.xml" in hrefs and f"/{lang}/feed_json_created.json" in hrefs


def test_category_pages_have_the_same_paths_in_both_languages(built_site):
    zh, en = ({p.parent.name for p in (built_site / lang / "blog" / "category").glob("*/index.html")}
              for lang in LANGUAGES)
    assert zh and zh == en


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page", LINKED_REFERENCES)
def test_every_reference_has_a_link(built_site, lang, page):
    tree = parse(built_site / lang / page / "index.html")
    entries = tree.xpath('//h2[@id="references"]/following-sibling::ol[1]/li')
    assert entries, page
    for li in entries:
        assert li.xpath('.//a[starts-with(@href, "https://")]'), html.tostring(li, encoding="unicode")[:200]


def test_every_page_with_a_reference_list_is_held_to_links(built_site):
    for lang in LANGUAGES:
        listed = {page.parent.relative_to(built_site / lang).as_posix() + "/"
                  for page in (built_site / lang).rglob("index.html")
                  if "assets" not in page.parts and parse(page).xpath('//h2[@id="references"]')}
        assert listed == set(LINKED_REFERENCES), lang


def chinese_page_furniture(page):
    """The texts of a Chinese page a reader meets outside the prose: header, navigation, table of
    contents, footer, attribute labels, notebook output, and the reference page's generated words."""
    tree = parse(page)
    for skip in tree.xpath("//script|//style|//code|//*[contains(@class, 'arithmatex')]|//svg"
                           "|//pre[not(ancestor::*[contains(@class, 'jp-OutputArea')])]|//clipboard-copy"):
        skip.drop_tree()       # clipboard-copy: relabelled in the page's language by a11y.js
    texts = []
    for element in tree.xpath("//header|//nav|//footer|//*[contains(@class, 'jp-OutputArea-output')]"):
        texts += [(t, "text") for t in element.itertext()]
    for name in ("title", "aria-label", "placeholder"):
        texts += [(value, name) for value in tree.xpath(f"//@{name}")]
    if page.parent.name == "reference":
        texts += [(t, "table") for t in tree.xpath("//table//th//text()|//table//td/text()")]
        texts += [(t, "section") for t in tree.xpath("//article//p/text()")]
    return texts


def latin_words(text):
    for phrase in ALLOWED_PHRASES:
        text = text.replace(phrase, " ")
    text = re.sub(r"\d[\d.]*e[+-]\d+", " ", text)                 # numbers such as 1.35e-02
    declared = [*EVERY.values(), *GATED.values(), *OUTPUTS.values()]
    names = {w.lower() for act in declared for w in re.findall(r"[A-Za-z][\w-]*", act.names["zh"])}
    return [w for w in re.findall(r"[A-Za-z][A-Za-z-]*", text)
            if len(w) > 1 and w not in ALLOWED_WORDS and w.lower() not in names]


def test_no_english_in_the_furniture_of_chinese_pages(built_site):
    found = {}
    for page in sorted((built_site / "zh").rglob("*.html")):
        if "assets" in page.parts:
            continue
        for text, where in chinese_page_furniture(page):
            for word in latin_words(text):
                found.setdefault(word, f"{page.relative_to(built_site)} ({where}: {text.strip()[:60]!r})")
    assert not found, "\n".join(f"{w}: {p}" for w, p in sorted(found.items()))


def test_the_latin_check_catches_an_english_label():
    assert latin_words("切换到深色模式") == [] and latin_words("Switch to dark mode") == ["Switch", "to", "dark", "mode"]


class TagBlindLoader(yaml.SafeLoader):
    """Reads MkDocs YAML without running its tags (!ENV, !!python/...): a tagged value becomes None."""


TagBlindLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def test_chinese_theme_toggles_are_the_shared_palettes_with_chinese_names():
    base = yaml.load((DOCS / "base.yml").read_text(encoding="utf-8"), Loader=TagBlindLoader)["theme"]["palette"]
    zh = yaml.load((DOCS / "zh" / "mkdocs.yml").read_text(encoding="utf-8"), Loader=TagBlindLoader)["theme"]["palette"]
    strip = lambda palettes: [{**p, "toggle": {**p["toggle"], "name": None}} for p in palettes]  # noqa: E731
    assert strip(zh) == strip(base)
    assert all(re.search(r"[\u4e00-\u9fff]", p["toggle"]["name"]) for p in zh)


def test_cite_block_is_the_same_valid_bibtex_in_both_languages():
    blocks = []
    for lang in LANGUAGES:
        text = (CONTENT[lang] / "index.md").read_text(encoding="utf-8")
        blocks += re.findall(r"^```text\n(@misc.*?)^```$", text, re.M | re.S)
    assert len(blocks) == 2 and blocks[0] == blocks[1]
    entry = blocks[0]
    assert entry.count("{") == entry.count("}") and entry.startswith("@misc{")
    fields = dict(re.findall(r"^\s+(\w+)\s+= \{(.*)\},?$", entry, re.M))
    assert set(fields) == {"title", "author", "year", "howpublished", "note"}
    site_url = re.search(r'SITE_URL, "([^"]+)"', (DOCS.parent / "mkdocs.yml").read_text(encoding="utf-8")).group(1)
    assert site_url in fields["howpublished"] and fields["year"].isdigit()
    # one entry for the bilingual site, under the English site's name; the zh page says so and gives the zh site's
    # name for citing the Chinese pages alone (review final56, tools)
    names = {lang: yaml.load((DOCS / lang / "mkdocs.yml").read_text(encoding="utf-8"), Loader=TagBlindLoader)["site_name"]
             for lang in LANGUAGES}
    assert fields["title"] == names["en"] and names["zh"] == "激活函数，从头讲清楚"
    zh = (CONTENT["zh"] / "index.md").read_text(encoding="utf-8").split("{ #cite }")[1]
    said = f"下面的条目引用的是中英双语的整个网站，所以标题用它的英文名；只引用中文版时，可以把 `title` 换成 `{{{names['zh']}}}`。"
    assert said in zh and zh.index(said) < zh.index("@misc{")
