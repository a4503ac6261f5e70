"""Every internal link and anchor of the built site resolves, in both languages, and the 404
pages and sitemaps work under the published path."""
from __future__ import annotations

from functools import cache
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import pytest
from lxml import etree, html

from conftest import LANGUAGES

HOST = "site.test"


def html_files(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "assets" not in p.relative_to(site).parts[:2])


@cache
def ids_in(page: Path) -> frozenset[str]:
    tree = html.parse(str(page))
    return frozenset(tree.xpath("//@id") + tree.xpath("//a/@name"))


def target_file(site: Path, url_path: str) -> Path:
    path = site / unquote(url_path).lstrip("/")
    return path / "index.html" if url_path.endswith("/") or path.is_dir() else path


def broken_links(site: Path, page: Path) -> list[str]:
    """Internal hrefs of `page` whose file, or whose #fragment in that file, does not exist."""
    base = f"http://{HOST}/" + page.relative_to(site).as_posix()
    broken = []
    for element in html.parse(str(page)).iter("a"):
        href = element.get("href")
        if not href or href.startswith(("mailto:", "javascript:")):
            continue
        url = urlparse(urljoin(base, href))
        if url.netloc != HOST:
            continue
        target = target_file(site, url.path)
        if not target.exists():
            broken.append(f"{href} (no {target.relative_to(site)})")
        elif url.fragment and target.suffix == ".html" and unquote(url.fragment) not in ids_in(target):
            broken.append(f"{href} (no id {url.fragment!r} in {target.relative_to(site)})")
    return broken


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_internal_link_and_anchor_resolves(built_site, lang):
    pages = [p for p in html_files(built_site / lang) if p.name != "404.html"]
    assert len(pages) > 10
    problems = {str(p.relative_to(built_site)): b for p in pages if (b := broken_links(built_site, p))}
    assert not problems


def test_the_link_check_catches_a_missing_anchor(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<p id="here"></p><a href="#here">ok</a>'
                                               '<a href="#gone">x</a><a href="../b/">y</a>')
    assert broken_links(tmp_path, tmp_path / "a" / "index.html") == [
        "#gone (no id 'gone' in a/index.html)", "../b/ (no b/index.html)"]


def published_path(site: Path) -> str:
    """The path part of site_url (the tests build with site_url = the local server's root)."""
    return urlparse(etree.parse(str(site / "en" / "sitemap.xml")).findtext(
        ".//{*}loc")).path.removesuffix("en/")


@pytest.mark.parametrize("page", ["404.html", "zh/404.html", "en/404.html"])
def test_404_pages_use_absolute_links_that_work_from_any_depth(built_site, page):
    """GitHub Pages serves the 404 page at whatever path was missed: links must not be relative."""
    prefix = published_path(built_site)
    tree = html.parse(str(built_site / page))
    urls = [u for u in tree.xpath("//link/@href | //script/@src | //img/@src | //a/@href")
            if not urlparse(u).netloc]
    assert urls
    for url in urls:
        assert url.startswith(prefix), f"{page}: {url} is relative"
        path = urlparse(url).path
        assert target_file(built_site, path).exists(), f"{page}: {url} does not exist"


def test_root_404_offers_both_languages(built_site):
    prefix = published_path(built_site)
    links = html.parse(str(built_site / "404.html")).xpath("//article//a/@href")
    assert {urlparse(u).path for u in links} >= {f"{prefix}zh/", f"{prefix}en/"}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_sitemap_lists_built_pages_of_its_language_only(built_site, lang):
    locations = etree.parse(str(built_site / lang / "sitemap.xml")).findall(".//{*}loc")
    prefix = published_path(built_site)
    assert len(locations) > 10
    for loc in locations:
        path = urlparse(loc.text).path
        assert path.startswith(f"{prefix}{lang}/"), loc.text
        assert target_file(built_site, path).exists(), loc.text


def test_root_404_offers_search_in_each_language(built_site):
    """A search form per language; Material opens its search on <lang>/?q=... with the query."""
    prefix = published_path(built_site)
    forms = html.parse(str(built_site / "404.html")).xpath("//article//form")
    assert sorted(urlparse(f.get("action")).path for f in forms) == [f"{prefix}en/", f"{prefix}zh/"]
    for form in forms:
        assert form.get("method") == "get" and form.xpath(".//input[@name='q']") and form.xpath(".//button")
