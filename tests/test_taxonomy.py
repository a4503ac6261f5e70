"""Blog categories and tags: the same, by slug, in a post and its twin; none carried by every post."""
from __future__ import annotations

import re

import pytest

from actsite.pages.page_pairs import CONTENT, front_matter
from actsite.pages.taxonomy import CATEGORIES, TAGS, category_slug, tag_slug

POSTS = sorted(p.name for p in (CONTENT["en"] / "blog" / "posts").glob("*.md"))


def meta(lang, post):
    path = CONTENT[lang] / "blog" / "posts" / post
    return front_matter(path.read_text(encoding="utf-8"), path)


def test_there_are_posts():
    assert len(POSTS) >= 6


@pytest.mark.parametrize("post", POSTS)
@pytest.mark.parametrize("field, slug", [("categories", category_slug), ("tags", tag_slug)])
def test_twins_share_categories_and_tags(post, field, slug):
    zh, en = meta("zh", post), meta("en", post)
    assert zh.get(field) and en.get(field)
    assert [slug(n) for n in zh[field]] == [slug(n) for n in en[field]]
    for lang, names in (("zh", zh[field]), ("en", en[field])):
        table = CATEGORIES if field == "categories" else TAGS
        assert all(n == table[slug(n)][lang] for n in names), (lang, names)   # each in its own language


def test_no_tag_is_carried_by_every_post():
    tagged = [{tag_slug(t) for t in meta("en", post)["tags"]} for post in POSTS]
    assert not set.intersection(*tagged)


def test_an_undeclared_category_is_refused_with_the_file_to_edit():
    with pytest.raises(ValueError, match="taxonomy.py"):
        category_slug("Deep learning")


def test_every_declared_name_is_unique_within_its_table():
    for table in (CATEGORIES, TAGS):
        for lang in ("zh", "en"):
            names = [n[lang] for n in table.values()]
            assert len(names) == len(set(names))


@pytest.mark.parametrize("post", POSTS)
def test_a_tag_links_to_the_same_anchor_in_both_languages(built_site, post):
    """Material slugs tags with tag_slug, so a tag's anchor on the tags page is its declared slug."""
    slug = post.removesuffix(".md")
    anchors = {}
    for lang in ("zh", "en"):
        page = next((built_site / lang / "blog").glob(f"*/*/*/{slug}/index.html"))
        anchors[lang] = sorted(re.findall(r'href="[^"]*tags/#(tag:[^"]+)"', page.read_text(encoding="utf-8")))
    assert anchors["zh"] and anchors["zh"] == anchors["en"]
    assert all(anchor.removeprefix("tag:") in TAGS for anchor in anchors["en"])
